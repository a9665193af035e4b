//! Integration tests of the iCalendar export: every file is read back with the `icalendar` crate's
//! parser (and, in one test, with Python's independent `icalendar` package through
//! `scripts/check_ics.py`), and local times are turned back into instants through the file's own
//! VTIMEZONE, the way a calendar app reads them.

// A failed unwrap here is a failed test with its location, which is what a test wants.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Tz;
use icalendar::{Component, EventLike};
use proptest::prelude::*;
use tandem_core::calendar::{file_name, to_ics, Attendee, CalendarEvent};
use tandem_core::CoreError;

#[path = "calendar/read_back.rs"]
mod read_back;

use read_back::{
    assert_reads_back, assert_well_folded, instant_through_vtimezone, local, observances, parse,
    time_property,
};

const PARIS: Tz = chrono_tz::Europe::Paris;
const NEW_YORK: Tz = chrono_tz::America::New_York;

fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
}

fn person(name: &str, email: &str) -> Attendee {
    Attendee {
        name: name.to_owned(),
        email: email.to_owned(),
    }
}

/// A one-hour session of Léa (mentor) with Jean-Pierre (mentee).
fn session(uid: &str, start: DateTime<Utc>, timezone: Tz) -> CalendarEvent {
    CalendarEvent {
        uid: format!("{uid}@tandem.app"),
        sequence: 0,
        start,
        end: start + chrono::Duration::minutes(60),
        timezone,
        summary: "Tandem: LinkedIn, first post".to_owned(),
        description: "Practice task: publish your first LinkedIn post.".to_owned(),
        location: "Room 4.12".to_owned(),
        organizer: person("Léa Martin", "lea.martin@groupe-lanvoie.fr"),
        attendees: vec![
            person("Dupont, Jean-Pierre", "jp.dupont@groupe-lanvoie.fr"),
            person("Léa Martin", "lea.martin@groupe-lanvoie.fr"),
        ],
        cancelled: false,
        last_modified: utc(2026, 1, 2, 8, 30),
    }
}

fn export(events: &[CalendarEvent]) -> String {
    String::from_utf8(to_ics(events).unwrap()).unwrap()
}

fn field_keys(error: CoreError) -> Vec<(String, String)> {
    match error {
        CoreError::Validation(fields) => fields.into_iter().map(|f| (f.field, f.key)).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn a_session_at_ten_in_paris_is_at_ten_local_time_in_winter_and_in_summer() {
    let winter = session("winter", utc(2026, 1, 15, 9, 0), PARIS);
    let summer = session("summer", utc(2026, 7, 15, 8, 0), PARIS);
    let text = export(&[winter.clone(), summer.clone()]);
    assert!(text.contains("DTSTART;TZID=Europe/Paris:20260115T100000\r\n"));
    assert!(text.contains("DTSTART;TZID=Europe/Paris:20260715T100000\r\n"));
    assert!(text.contains("DTEND;TZID=Europe/Paris:20260715T110000\r\n"));

    let parsed = parse(&text);
    assert_eq!(parsed.zones.len(), 1, "one VTIMEZONE per zone");
    let read = parsed.events();
    assert_reads_back(&parsed, read[0], &winter);
    assert_reads_back(&parsed, read[1], &summer);
}

#[test]
fn a_new_york_session_is_written_in_new_york_time_beside_a_paris_one() {
    let paris = session("paris", utc(2026, 3, 2, 9, 0), PARIS);
    let new_york = session("ny", utc(2026, 3, 2, 15, 0), NEW_YORK);
    let text = export(&[paris.clone(), new_york.clone()]);
    assert!(text.contains("DTSTART;TZID=America/New_York:20260302T100000\r\n"));

    let parsed = parse(&text);
    let zones: Vec<_> = parsed.zones.iter().map(|zone| zone.tzid.as_str()).collect();
    assert_eq!(zones, ["Europe/Paris", "America/New_York"]);
    let read = parsed.events();
    assert_reads_back(&parsed, read[0], &paris);
    assert_reads_back(&parsed, read[1], &new_york);
}

#[test]
fn daily_sessions_across_the_spring_changeover_keep_their_local_hour() {
    // Clocks go forward in Paris on Sunday 29 March 2026: 10:00 is 09:00 UTC before, 08:00 after.
    let week: Vec<CalendarEvent> = (25..=31)
        .map(|day| {
            let hour = if day < 29 { 9 } else { 8 };
            session(&format!("day-{day}"), utc(2026, 3, day, hour, 0), PARIS)
        })
        .collect();
    let parsed = parse(&export(&week));
    for (event, expected) in parsed.events().into_iter().zip(&week) {
        let (_, value) = time_property(event, "DTSTART");
        assert!(value.ends_with("T100000"), "{value}");
        assert_reads_back(&parsed, event, expected);
    }
}

#[test]
fn a_session_spanning_the_autumn_changeover_night_keeps_both_ends() {
    // 00:30 UTC is the first 02:30 in Paris (summer time); the session ends at the second 02:30,
    // which only UTC can name unambiguously.
    let mut night = session("night", utc(2026, 10, 25, 0, 30), PARIS);
    night.end = utc(2026, 10, 25, 1, 30);
    let text = export(std::slice::from_ref(&night));
    assert!(text.contains("DTSTART;TZID=Europe/Paris:20261025T023000\r\n"));
    assert!(text.contains("DTEND:20261025T013000Z\r\n"));
    let parsed = parse(&text);
    let event = parsed.events()[0];
    let (_, start) = time_property(event, "DTSTART");
    assert_eq!(
        instant_through_vtimezone(parsed.zone("Europe/Paris"), local(&start)),
        night.start
    );
}

#[test]
fn uid_sequence_status_organizer_and_attendees_read_back_as_given() {
    let held = session("a1b2", utc(2026, 2, 3, 13, 0), PARIS);
    let mut cancelled = session("c3d4", utc(2026, 2, 10, 13, 0), PARIS);
    cancelled.cancelled = true;
    cancelled.sequence = 2;
    let parsed = parse(&export(&[held, cancelled]));
    let read = parsed.events();

    assert_eq!(read[0].get_uid(), Some("a1b2@tandem.app"));
    assert_eq!(read[0].get_sequence(), Some(0));
    assert_eq!(
        read[0].get_status(),
        Some(icalendar::EventStatus::Confirmed)
    );
    assert_eq!(read[1].get_uid(), Some("c3d4@tandem.app"));
    assert_eq!(read[1].get_sequence(), Some(2));
    assert_eq!(
        read[1].get_status(),
        Some(icalendar::EventStatus::Cancelled)
    );

    let organizer = read[0].properties().get("ORGANIZER").unwrap();
    assert_eq!(organizer.value(), "mailto:lea.martin@groupe-lanvoie.fr");
    assert_eq!(organizer.params().get("CN").unwrap().value(), "Léa Martin");

    let attendees = read[0].get_attendees();
    let addresses: Vec<_> = attendees.iter().map(|a| a.cal_address.as_str()).collect();
    assert_eq!(
        addresses,
        [
            "mailto:jp.dupont@groupe-lanvoie.fr",
            "mailto:lea.martin@groupe-lanvoie.fr"
        ]
    );
    assert_eq!(attendees[0].cn.as_deref(), Some("Dupont, Jean-Pierre"));
    let raw = &read[0].multi_properties()["ATTENDEE"][0];
    for (key, value) in [
        ("ROLE", "REQ-PARTICIPANT"),
        ("PARTSTAT", "NEEDS-ACTION"),
        ("RSVP", "FALSE"),
    ] {
        assert_eq!(raw.params().get(key).map(|p| p.value()), Some(value));
    }
    assert_eq!(
        read[0].get_timestamp(),
        Some(utc(2026, 1, 2, 8, 30)),
        "DTSTAMP"
    );
    assert_eq!(read[0].get_last_modified(), Some(utc(2026, 1, 2, 8, 30)));
}

#[test]
fn the_calendar_says_it_is_a_published_gregorian_calendar_from_tandem() {
    let text = export(&[session("s", utc(2026, 2, 3, 13, 0), PARIS)]);
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    let parsed = parse(&text);
    assert_eq!(parsed.calendar.property_value("VERSION"), Some("2.0"));
    assert!(parsed
        .calendar
        .property_value("PRODID")
        .unwrap()
        .contains("Tandem"));
    assert_eq!(
        parsed.calendar.property_value("CALSCALE"),
        Some("GREGORIAN")
    );
    assert_eq!(parsed.calendar.property_value("METHOD"), Some("PUBLISH"));
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 1);
}

#[test]
fn exporting_the_same_session_twice_gives_the_same_uid_and_the_same_bytes() {
    let first = session("0193-5f2a", utc(2026, 4, 7, 12, 0), PARIS);
    let once = to_ics(std::slice::from_ref(&first)).unwrap();
    let twice = to_ics(std::slice::from_ref(&first)).unwrap();
    assert_eq!(once, twice, "an export is the same bytes every time");

    let mut moved = first.clone();
    moved.start = utc(2026, 4, 8, 12, 0);
    moved.end = utc(2026, 4, 8, 13, 0);
    moved.sequence = 7;
    let before = parse(&export(&[first])).events()[0]
        .get_uid()
        .map(str::to_owned);
    let parsed = parse(&export(&[moved]));
    let after = parsed.events()[0];
    assert_eq!(after.get_uid().map(str::to_owned), before);
    assert_eq!(after.get_sequence(), Some(7));
}

#[test]
fn names_with_commas_semicolons_quotes_and_accents_make_valid_parameters() {
    let mut event = session("names", utc(2026, 5, 5, 8, 0), PARIS);
    event.organizer = person("Zoë \"Zozo\" Ñúñez; RH", "zoe.nunez@groupe-lanvoie.fr");
    event.attendees = vec![person(
        "Dupont, Jean-Pierre: DSI",
        "jp.dupont@groupe-lanvoie.fr",
    )];
    let text = export(&[event]);
    let unfolded = icalendar::parser::unfold(&text);
    assert!(unfolded.contains("ORGANIZER;CN=\"Zoë 'Zozo' Ñúñez; RH\":mailto:zoe.nunez@"));
    assert!(unfolded.contains("CN=\"Dupont, Jean-Pierre: DSI\""));

    let parsed = parse(&text);
    let read = parsed.events()[0];
    let organizer = read.properties().get("ORGANIZER").unwrap();
    assert_eq!(organizer.params()["CN"].value(), "Zoë 'Zozo' Ñúñez; RH");
    assert_eq!(organizer.value(), "mailto:zoe.nunez@groupe-lanvoie.fr");
    assert_eq!(
        read.get_attendees()[0].cn.as_deref(),
        Some("Dupont, Jean-Pierre: DSI")
    );
}

#[test]
fn long_lines_are_folded_at_75_octets_without_splitting_a_character() {
    // Two-, three- and four-byte characters at every offset, so folds fall inside each kind.
    let description: String = (0..40)
        .map(|i| format!("{}é€😀 Séance n°{i}: «réseaux», vidéo; ", "a".repeat(i % 7)))
        .collect::<String>()
        + "\nDeuxième paragraphe, où l'on apprend à filmer.";
    let mut event = session("long", utc(2026, 6, 1, 8, 0), PARIS);
    event.description = description.clone();
    event.summary = "Ünïcödé ".repeat(20);
    // "DESCRIPTION:" and 138 octets: a 150-octet line, which the icalendar crate alone folds into
    // 75 + 76 octets.
    let mut edge = session("edge", utc(2026, 6, 2, 8, 0), PARIS);
    edge.description = "a".repeat(138);
    let bytes = to_ics(&[event.clone(), edge.clone()]).unwrap();
    assert_well_folded(&bytes);
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.lines().count() > 40, "the description was folded");
    assert_eq!(
        parse(&text).events()[1].get_description(),
        Some(edge.description.as_str())
    );

    let parsed = parse(&text);
    let read = parsed.events()[0];
    assert_eq!(read.get_description(), Some(description.as_str()));
    assert_eq!(read.get_summary(), Some(event.summary.as_str()));
}

#[test]
fn commas_semicolons_backslashes_and_newlines_in_text_round_trip() {
    let mut event = session("escape", utc(2026, 6, 2, 8, 0), PARIS);
    event.summary = "Bilan, étape 2; suite".to_owned();
    event.description = "Ligne 1\r\nLigne 2, avec C:\\Users\\lea; fin\nLigne 3".to_owned();
    event.location = "Salle 3, étage 2; bâtiment B".to_owned();
    let text = export(&[event]);
    assert!(text.contains("SUMMARY:Bilan\\, étape 2\\; suite\r\n"));
    assert!(text.contains("LOCATION:Salle 3\\, étage 2\\; bâtiment B\r\n"));
    let unfolded = icalendar::parser::unfold(&text);
    assert!(unfolded
        .contains("DESCRIPTION:Ligne 1\\nLigne 2\\, avec C:\\\\Users\\\\lea\\; fin\\nLigne 3"));

    let parsed = parse(&text);
    let read = parsed.events()[0];
    assert_eq!(read.get_summary(), Some("Bilan, étape 2; suite"));
    assert_eq!(
        read.get_description(),
        Some("Ligne 1\nLigne 2, avec C:\\Users\\lea; fin\nLigne 3"),
        "CRLF inside a description is one newline"
    );
    assert_eq!(read.get_location(), Some("Salle 3, étage 2; bâtiment B"));
    assert_eq!(read.get_url(), None, "a room is not a link");
}

#[test]
fn a_video_link_is_written_as_location_and_url_and_no_location_means_none() {
    let mut online = session("online", utc(2026, 6, 3, 8, 0), PARIS);
    online.location = "https://meet.example.com/tandem-lea-jp?pwd=a,b".to_owned();
    let mut nowhere = session("nowhere", utc(2026, 6, 4, 8, 0), PARIS);
    nowhere.location = "   ".to_owned();
    let parsed = parse(&export(&[online.clone(), nowhere]));
    let read = parsed.events();
    assert_eq!(read[0].get_location(), Some(online.location.as_str()));
    assert_eq!(read[0].get_url(), Some(online.location.as_str()));
    assert_eq!(read[1].get_location(), None);
    assert_eq!(read[1].get_url(), None);
}

#[test]
fn paris_2026_goes_to_summer_time_on_29_march_and_back_on_25_october() {
    let parsed = parse(&export(&[session("p", utc(2026, 5, 5, 8, 0), PARIS)]));
    let found = observances(parsed.zone("Europe/Paris"));
    let expected = [
        ["STANDARD", "20251026T030000", "+0200", "+0100", "CET"],
        ["DAYLIGHT", "20260329T020000", "+0100", "+0200", "CEST"],
        ["STANDARD", "20261025T030000", "+0200", "+0100", "CET"],
    ];
    assert_eq!(found, expected.map(|row| row.map(str::to_owned)));
}

#[test]
fn a_series_over_three_years_has_the_changes_of_every_year() {
    let first = session("y1", utc(2026, 11, 20, 9, 0), PARIS);
    let last = session("y3", utc(2028, 2, 10, 9, 0), PARIS);
    let parsed = parse(&export(&[first, last]));
    let starts: Vec<String> = observances(parsed.zone("Europe/Paris"))
        .into_iter()
        .map(|[kind, start, ..]| format!("{kind} {start}"))
        .collect();
    assert_eq!(
        starts,
        [
            "STANDARD 20251026T030000",
            "DAYLIGHT 20260329T020000",
            "STANDARD 20261025T030000",
            "DAYLIGHT 20270328T020000",
            "STANDARD 20271031T030000",
            "DAYLIGHT 20280326T020000",
            "STANDARD 20281029T030000",
        ]
    );
}

#[test]
fn a_zone_without_daylight_saving_time_gets_one_standard_component() {
    let tokyo = session("tokyo", utc(2026, 9, 1, 1, 0), chrono_tz::Asia::Tokyo);
    let parsed = parse(&export(std::slice::from_ref(&tokyo)));
    assert_eq!(
        observances(parsed.zone("Asia/Tokyo")),
        [["STANDARD", "20260101T000000", "+0900", "+0900", "JST"].map(str::to_owned)]
    );
    assert_reads_back(&parsed, parsed.events()[0], &tokyo);
}

#[test]
fn a_utc_session_is_written_in_utc_without_a_timezone() {
    let event = session("utc", utc(2026, 9, 1, 10, 0), chrono_tz::UTC);
    let text = export(&[event]);
    assert!(text.contains("DTSTART:20260901T100000Z\r\n"));
    assert!(text.contains("DTEND:20260901T110000Z\r\n"));
    assert!(!text.contains("VTIMEZONE"));
    assert!(!text.contains("TZID"));
}

#[test]
fn a_session_that_does_not_end_after_it_starts_is_refused() {
    let mut backwards = session("b", utc(2026, 3, 3, 10, 0), PARIS);
    backwards.end = backwards.start - chrono::Duration::minutes(30);
    let mut empty = session("e", utc(2026, 3, 3, 12, 0), PARIS);
    empty.end = empty.start;
    let keys = field_keys(to_ics(&[backwards, empty]).unwrap_err());
    assert_eq!(
        keys,
        [
            ("events[0].end".to_owned(), "end_not_after_start".to_owned()),
            ("events[1].end".to_owned(), "end_not_after_start".to_owned()),
        ]
    );
}

#[test]
fn an_email_that_is_not_an_address_is_refused_and_says_whose_it_is() {
    let mut event = session("mail", utc(2026, 3, 3, 10, 0), PARIS);
    event.organizer.email = "lea.martin".to_owned();
    event.attendees[1].email = "jp dupont@groupe-lanvoie.fr".to_owned();
    event.attendees.push(person("Hack", "a@b.fr?subject=x"));
    let error = to_ics(&[event]).unwrap_err();
    assert!(error.to_string().contains("Léa Martin"), "{error}");
    assert_eq!(
        field_keys(error),
        [
            ("events[0].organizer.email", "email_invalid"),
            ("events[0].attendees[1].email", "email_invalid"),
            ("events[0].attendees[2].email", "email_invalid"),
        ]
        .map(|(f, k)| (f.to_owned(), k.to_owned()))
    );
}

#[test]
fn an_empty_export_a_missing_uid_a_repeated_uid_or_an_absurd_date_is_refused() {
    assert_eq!(
        field_keys(to_ics(&[]).unwrap_err()),
        [("events".to_owned(), "required".to_owned())]
    );
    let mut no_uid = session("x", utc(2026, 3, 3, 10, 0), PARIS);
    no_uid.uid = " ".to_owned();
    let twin = session("twin", utc(2026, 3, 4, 10, 0), PARIS);
    let mut ancient = session("old", utc(2026, 3, 5, 10, 0), PARIS);
    ancient.start = utc(1815, 6, 18, 10, 0);
    let mut far = session("far", utc(2099, 12, 31, 23, 30), PARIS);
    far.end = utc(2100, 1, 1, 0, 30);
    let keys = field_keys(to_ics(&[no_uid, twin.clone(), twin, ancient, far]).unwrap_err());
    assert_eq!(
        keys,
        [
            ("events[0].uid", "required"),
            ("events[2].uid", "duplicate"),
            ("events[3].start", "date_out_of_range"),
            ("events[4].end", "date_out_of_range"),
        ]
        .map(|(f, k)| (f.to_owned(), k.to_owned()))
    );
}

#[test]
fn a_file_name_is_plain_ascii_with_the_ics_extension() {
    assert_eq!(
        file_name("Tandem Léa Martin 2026-12-03"),
        "tandem-lea-martin-2026-12-03.ics"
    );
    assert_eq!(file_name("Zoë/Ñúñez: séance?"), "zoe-nunez-seance.ics");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_summary_and_description_round_trip_and_stay_folded(
        summary in "[a-zA-Z0-9 éèçàœÉ€😀李,;:\\\\\"'.-]{0,120}",
        description in "[a-zA-Z0-9 éèçàœÉ€😀李,;:\\\\\"'.\n\t-]{0,400}",
    ) {
        let mut event = session("prop", utc(2026, 6, 1, 8, 0), PARIS);
        event.summary = summary.clone();
        event.description = description.clone();
        let bytes = to_ics(&[event]).unwrap();
        assert_well_folded(&bytes);
        let parsed = parse(std::str::from_utf8(&bytes).unwrap());
        let read = parsed.events()[0];
        prop_assert_eq!(read.get_summary().unwrap_or_default(), summary.as_str());
        prop_assert_eq!(read.get_description().unwrap_or_default(), description.as_str());
    }
}

fn repository_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs `scripts/check_ics.py` on `files`; fails (never skips) when Python or its package is
/// missing, since a skipped check would pass silently on a machine that was not set up.
fn run_python_checker(files: &[PathBuf]) -> std::process::Output {
    const SETUP: &str = "run `bash scripts/setup.sh` to install it";
    let probe = Command::new("python3")
        .args(["-c", "import icalendar"])
        .output()
        .unwrap_or_else(|e| panic!("python3 is needed to check calendar files ({e}): {SETUP}"));
    assert!(
        probe.status.success(),
        "the Python package 'icalendar' is missing: {SETUP}\n{}",
        String::from_utf8_lossy(&probe.stderr)
    );
    Command::new("python3")
        .arg(repository_root().join("scripts/check_ics.py"))
        .args(files)
        .output()
        .unwrap()
}

#[test]
fn the_independent_python_parser_accepts_the_exported_files() {
    let dir = tempfile::tempdir().unwrap();
    let mut cancelled = session("cancelled", utc(2026, 10, 20, 8, 0), PARIS);
    cancelled.cancelled = true;
    cancelled.sequence = 3;
    cancelled.description = "Annulée: «réunion», vidéo; ".repeat(12);
    let mut online = session("online", utc(2026, 11, 2, 15, 0), NEW_YORK);
    online.location = "https://meet.example.com/tandem".to_owned();
    online.organizer.name = "Zoë \"Zozo\" Ñúñez; RH".to_owned();
    let series: Vec<CalendarEvent> = (0..6)
        .map(|month| {
            session(
                &format!("series-{month}"),
                utc(2026, 1 + month * 2, 10, 9, 0),
                PARIS,
            )
        })
        .collect();
    let samples: Vec<(&str, Vec<CalendarEvent>)> = vec![
        (
            "one-session",
            vec![session("one", utc(2026, 1, 15, 9, 0), PARIS)],
        ),
        ("series", series),
        (
            "mixed",
            vec![
                cancelled,
                online,
                session("tokyo", utc(2027, 1, 5, 1, 0), chrono_tz::Asia::Tokyo),
            ],
        ),
        (
            "utc",
            vec![session("utc", utc(2026, 5, 5, 9, 0), chrono_tz::UTC)],
        ),
    ];
    let files: Vec<PathBuf> = samples
        .into_iter()
        .map(|(name, events)| {
            let path = dir.path().join(file_name(name));
            std::fs::write(&path, to_ics(&events).unwrap()).unwrap();
            path
        })
        .collect();

    let output = run_python_checker(&files);
    assert!(
        output.status.success(),
        "check_ics.py refused the export:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&output.stdout)
            .matches(": ok")
            .count(),
        4
    );
}

#[test]
fn the_python_checker_refuses_a_tzid_without_its_vtimezone() {
    let dir = tempfile::tempdir().unwrap();
    let text = export(&[session("orphan", utc(2026, 1, 15, 9, 0), PARIS)]);
    let start = text.find("BEGIN:VTIMEZONE").unwrap();
    let end = text.find("END:VTIMEZONE\r\n").unwrap() + "END:VTIMEZONE\r\n".len();
    let broken = format!("{}{}", &text[..start], &text[end..]);
    let path = dir.path().join("broken.ics");
    std::fs::write(&path, broken).unwrap();

    let output = run_python_checker(&[path]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(
        stderr.contains("TZID=Europe/Paris but the file has no VTIMEZONE"),
        "{stderr}"
    );
}
