//! Reading an export back the way a calendar app does: parse it with the `icalendar` crate, and
//! turn local times into instants through the file's own VTIMEZONE, never through chrono-tz.

use chrono::{DateTime, NaiveDateTime, Utc};
use icalendar::{Calendar, Component};
use tandem_core::calendar::CalendarEvent;

/// One STANDARD or DAYLIGHT part of a VTIMEZONE, as read back.
#[derive(Debug, Clone, PartialEq)]
pub struct Observance {
    pub kind: String,
    pub start: String,
    pub from: String,
    pub to: String,
    pub name: String,
}

#[derive(Debug, Clone)]
pub struct Zone {
    pub tzid: String,
    pub observances: Vec<Observance>,
}

/// A file read back: events through the crate's typed model, VTIMEZONEs through its parser model
/// (the typed model does not name the component type it keeps them in).
pub struct Parsed {
    pub calendar: Calendar,
    pub zones: Vec<Zone>,
}

impl Parsed {
    pub fn events(&self) -> Vec<&icalendar::Event> {
        self.calendar.events().collect()
    }

    pub fn zone(&self, tzid: &str) -> &Zone {
        self.zones
            .iter()
            .find(|z| z.tzid == tzid)
            .unwrap_or_else(|| panic!("no VTIMEZONE for {tzid}"))
    }
}

pub fn parse(text: &str) -> Parsed {
    let calendar = text
        .parse::<Calendar>()
        .unwrap_or_else(|e| panic!("the export does not parse: {e}\n{text}"));
    let unfolded = icalendar::parser::unfold(text);
    let raw = icalendar::parser::read_calendar(&unfolded).unwrap();
    let value = |c: &icalendar::parser::Component, key: &str| {
        c.find_prop(key)
            .map(|p| p.val.as_str().to_owned())
            .unwrap_or_default()
    };
    let zones = raw
        .components
        .iter()
        .filter(|c| c.name.as_str() == "VTIMEZONE")
        .map(|v| Zone {
            tzid: value(v, "TZID"),
            observances: v
                .components
                .iter()
                .map(|o| Observance {
                    kind: o.name.as_str().to_owned(),
                    start: value(o, "DTSTART"),
                    from: value(o, "TZOFFSETFROM"),
                    to: value(o, "TZOFFSETTO"),
                    name: value(o, "TZNAME"),
                })
                .collect(),
        })
        .collect();
    Parsed { calendar, zones }
}

/// `+0130` → seconds.
pub fn offset_seconds(text: &str) -> i64 {
    let sign = if text.starts_with('-') { -1 } else { 1 };
    let digits = text.trim_start_matches(['+', '-']);
    let part = |range: std::ops::Range<usize>| digits.get(range).map_or(0, |d| d.parse().unwrap());
    sign * (part(0..2) * 3600 + part(2..4) * 60 + part(4..6))
}

pub fn local(value: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(value, "%Y%m%dT%H%M%S").unwrap()
}

/// The instant a calendar app reads for `wall` local time, using only the VTIMEZONE: the
/// observance in force is the one with the latest onset before the instant; a repeated hour
/// means its first occurrence.
pub fn instant_through_vtimezone(zone: &Zone, wall: NaiveDateTime) -> DateTime<Utc> {
    let observances: Vec<(i64, i64)> = zone
        .observances
        .iter()
        .map(|o| {
            let onset = local(&o.start).and_utc().timestamp() - offset_seconds(&o.from);
            (onset, offset_seconds(&o.to))
        })
        .collect();
    let in_force = |instant: i64| {
        observances
            .iter()
            .filter(|(onset, _)| *onset <= instant)
            .max_by_key(|(onset, _)| *onset)
            .map(|(_, to)| *to)
    };
    let mut candidates: Vec<i64> = observances
        .iter()
        .map(|(_, to)| wall.and_utc().timestamp() - to)
        .filter(|candidate| in_force(*candidate) == Some(wall.and_utc().timestamp() - candidate))
        .collect();
    candidates.sort_unstable();
    let first = *candidates
        .first()
        .unwrap_or_else(|| panic!("{wall} is not covered by the VTIMEZONE"));
    DateTime::from_timestamp(first, 0).unwrap()
}

/// DTSTART or DTEND of `event`: (TZID, raw value).
pub fn time_property(event: &icalendar::Event, key: &str) -> (Option<String>, String) {
    let property = event.properties().get(key).unwrap();
    (
        property.params().get("TZID").map(|p| p.value().to_owned()),
        property.value().to_owned(),
    )
}

/// Checks that `event` starts and ends, read through its VTIMEZONE, at exactly `expected`'s times.
pub fn assert_reads_back(parsed: &Parsed, event: &icalendar::Event, expected: &CalendarEvent) {
    for (key, instant) in [("DTSTART", expected.start), ("DTEND", expected.end)] {
        let (tzid, value) = time_property(event, key);
        assert_eq!(tzid.as_deref(), Some(expected.timezone.name()), "{key}");
        let wall = local(&value);
        assert_eq!(
            wall,
            instant.with_timezone(&expected.timezone).naive_local(),
            "{key} is not the local wall time"
        );
        let read = instant_through_vtimezone(parsed.zone(expected.timezone.name()), wall);
        assert_eq!(read, instant, "{key} {value} read through the VTIMEZONE");
    }
}

/// Every physical line: CRLF-terminated, at most 75 octets, valid UTF-8 on its own.
pub fn assert_well_folded(bytes: &[u8]) {
    let body = bytes
        .strip_suffix(b"\n")
        .expect("the file ends with a line end");
    for (number, line) in body.split(|b| *b == b'\n').enumerate() {
        let line = line
            .strip_suffix(b"\r")
            .unwrap_or_else(|| panic!("line {} does not end in CRLF", number + 1));
        assert!(!line.contains(&b'\r'), "bare CR on line {}", number + 1);
        assert!(
            line.len() <= 75,
            "line {} is {} octets: {:?}",
            number + 1,
            line.len(),
            String::from_utf8_lossy(line)
        );
        assert!(
            std::str::from_utf8(line).is_ok(),
            "line {} splits a UTF-8 character",
            number + 1
        );
    }
}

/// (kind, DTSTART, TZOFFSETFROM, TZOFFSETTO, TZNAME) of each observance.
pub fn observances(zone: &Zone) -> Vec<[String; 5]> {
    zone.observances
        .iter()
        .map(|o| [&o.kind, &o.start, &o.from, &o.to, &o.name].map(|v| v.to_owned()))
        .collect()
}
