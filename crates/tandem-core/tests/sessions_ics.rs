//! Calendar files of sessions, read back with the `icalendar` crate's parser: stable UIDs, a
//! SEQUENCE that rises with each change, organizer and attendees, the session's time zone, the
//! practice task in the description, and cancelled sessions exported as cancelled.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

mod sessions_support;

use chrono::Duration;
use icalendar::{Calendar, Component, EventLike, EventStatus};
use sessions_support::*;
use tandem_core::session::{
    cancel_session, create_session, move_session, pair_ics, save_log, session_ics, session_uid,
    CancelledBy, SessionTime,
};
use tandem_core::settings::{set_language, Language};
use tandem_core::{CoreError, CoreResult};

fn parse(bytes: &[u8]) -> Calendar {
    let text = std::str::from_utf8(bytes).unwrap();
    text.parse::<Calendar>()
        .unwrap_or_else(|e| panic!("the file does not parse: {e}\n{text}"))
}

#[test]
fn a_session_file_names_the_pair_the_people_the_zone_and_the_last_task() -> CoreResult<()> {
    let (mut w, first) = held()?;
    save_log(
        &mut w.store,
        first.id,
        good_log(),
        at(PARIS, 2026, 1, 13, 11, 5),
    )?;
    let next = create_session(
        &mut w.store,
        w.lea_marc,
        SessionTime::new(at(PARIS, 2026, 2, 10, 10, 0), 60),
        "https://meet.example.com/lea-marc",
        at(PARIS, 2026, 1, 13, 11, 10),
    )?;
    let (name, bytes) = session_ics(&w.store, next.id)?;
    assert_eq!(name, "tandem-lea-martin-marc-dubois-2026-02-10.ics");
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(
        text.contains("DTSTART;TZID=Europe/Paris:20260210T100000\r\n"),
        "{text}"
    );
    assert!(text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n"));
    let calendar = parse(&bytes);
    let events: Vec<_> = calendar.events().collect();
    assert_eq!(events.len(), 1);
    let e = events[0];
    assert_eq!(e.get_uid(), Some(session_uid(next.id).as_str()));
    assert_eq!(
        e.get_uid(),
        Some(format!("{}@tandem.app", next.id).as_str())
    );
    assert_eq!(e.get_summary(), Some("Tandem: Léa Martin ↔ Marc Dubois"));
    assert_eq!(e.get_location(), Some("https://meet.example.com/lea-marc"));
    assert_eq!(e.get_status(), Some(EventStatus::Confirmed));
    let description = e.get_description().unwrap();
    assert!(description.contains("Pilote"), "{description}");
    assert!(description.contains(&good_log().task_set), "{description}");
    let organizer = e.properties().get("ORGANIZER").unwrap();
    assert_eq!(organizer.value(), "mailto:lea.martin@example.com");
    let attendees: Vec<_> = e
        .get_attendees()
        .iter()
        .map(|a| a.cal_address.clone())
        .collect();
    assert_eq!(
        attendees,
        vec![
            "mailto:lea.martin@example.com",
            "mailto:marc.dubois@example.com"
        ]
    );
    Ok(())
}

#[test]
fn the_uid_stays_while_the_sequence_rises_with_a_move_and_a_cancellation() -> CoreResult<()> {
    let mut w = world()?;
    let now = start_of_programs();
    let s = w.book(w.sam_nina, at(TORONTO, 2026, 1, 13, 8, 0), 60)?;
    let read = |w: &World| -> CoreResult<(String, u32, Option<EventStatus>, String)> {
        let (_, bytes) = session_ics(&w.store, s.id)?;
        let calendar = parse(&bytes);
        let e = calendar.events().next().unwrap();
        Ok((
            e.get_uid().unwrap().to_owned(),
            e.get_sequence().unwrap(),
            e.get_status(),
            String::from_utf8(bytes).unwrap(),
        ))
    };
    let (uid, sequence, _, first_text) = read(&w)?;
    assert_eq!(sequence, 0);
    // The zone is the organiser's.
    assert!(first_text.contains("DTSTART;TZID=America/Toronto:20260113T080000\r\n"));
    // Exporting again without a change gives the very same file.
    assert_eq!(read(&w)?.3, first_text);
    move_session(
        &mut w.store,
        s.id,
        SessionTime::new(at(TORONTO, 2026, 1, 20, 8, 0), 60),
        now + Duration::hours(2),
    )?;
    let (moved_uid, moved_sequence, status, text) = read(&w)?;
    assert_eq!((moved_uid.as_str(), moved_sequence), (uid.as_str(), 1));
    assert_eq!(status, Some(EventStatus::Confirmed));
    assert!(text.contains("DTSTART;TZID=America/Toronto:20260120T080000\r\n"));
    cancel_session(
        &mut w.store,
        s.id,
        CancelledBy::Mentee,
        "Budget review",
        now + Duration::hours(3),
    )?;
    let (cancelled_uid, cancelled_sequence, status, text) = read(&w)?;
    assert_eq!((cancelled_uid, cancelled_sequence), (uid, 2));
    assert_eq!(status, Some(EventStatus::Cancelled));
    assert!(text.contains("STATUS:CANCELLED\r\n"));
    Ok(())
}

#[test]
fn a_pair_file_holds_every_session_with_cancelled_ones_as_cancelled() -> CoreResult<()> {
    let mut w = world()?;
    set_language(&mut w.store, Language::Fr)?;
    let now = start_of_programs();
    let mut ids = Vec::new();
    for day in [13, 20, 27] {
        ids.push(w.book(w.lea_marc, at(PARIS, 2026, 1, day, 10, 0), 60)?.id);
    }
    cancel_session(&mut w.store, ids[1], CancelledBy::Hr, "Séminaire", now)?;
    let (name, bytes) = pair_ics(&w.store, w.lea_marc)?;
    assert_eq!(name, "tandem-lea-martin-marc-dubois.ics");
    let calendar = parse(&bytes);
    let events: Vec<_> = calendar.events().collect();
    let read: Vec<_> = events
        .iter()
        .map(|e| (e.get_uid().unwrap().to_owned(), e.get_status()))
        .collect();
    assert_eq!(
        read,
        vec![
            (session_uid(ids[0]), Some(EventStatus::Confirmed)),
            (session_uid(ids[1]), Some(EventStatus::Cancelled)),
            (session_uid(ids[2]), Some(EventStatus::Confirmed)),
        ]
    );
    // The interface is in French: so is the description.
    let description = events[1].get_description().unwrap();
    assert!(
        description.contains("Annulée par les RH : Séminaire"),
        "{description}"
    );
    Ok(())
}

#[test]
fn a_pair_without_sessions_has_no_calendar_file() -> CoreResult<()> {
    let w = world()?;
    match pair_ics(&w.store, w.lea_marc) {
        Err(CoreError::Validation(errors)) => assert_eq!(errors[0].key, "required"),
        other => panic!("expected a validation error, got {other:?}"),
    }
    Ok(())
}
