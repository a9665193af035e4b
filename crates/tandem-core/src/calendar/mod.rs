//! iCalendar (RFC 5545) export of mentoring sessions: the format layer only.
//!
//! Callers (the sessions module) turn their own records into [`CalendarEvent`]s and get back the
//! bytes of one `.ics` file that Outlook, Google Calendar and Thunderbird import: one VCALENDAR
//! (`METHOD:PUBLISH`), one VTIMEZONE per time zone used, one VEVENT per event. The function is pure:
//! the same events always give the same bytes (DTSTAMP is the event's `last_modified`, never "now"),
//! so a re-export updates the events already in a calendar instead of duplicating them, as long as
//! the caller keeps each `uid` and raises `sequence` on every change.
//!
//! How it is written:
//! - Every content line is produced by the `icalendar` crate's [`icalendar::Property`] writer, which
//!   escapes TEXT values (backslash, comma, semicolon, newline) and quotes parameter values holding
//!   `:`, `;` or `,`. VEVENTs are built with its typed [`icalendar::Event`]. The VCALENDAR envelope
//!   and the VTIMEZONEs are assembled here line by line because the crate's component writer adds a
//!   DTSTAMP and a random UID to every component, VTIMEZONE and its STANDARD/DAYLIGHT parts
//!   included, which would make the output differ on each export.
//! - Folding is redone here ([`fold`]): the crate (0.17) folds on character boundaries but lets a
//!   continuation line reach 76 octets when exactly 75 remain, so its output is unfolded with its
//!   own parser's `unfold` and folded again at 75 octets. Nothing the crate writes holds a raw line
//!   break (text newlines are escaped, carriage returns and control characters are cleaned first),
//!   so unfolding only undoes the crate's folds.
//! - Times are written as local wall time with `TZID=<IANA name>`; the VTIMEZONE comes from
//!   [`timezone`], which finds the zone's transitions for every year the events span. UTC events use
//!   the `Z` form and need no VTIMEZONE. A local time that occurs twice (the hour repeated when
//!   clocks go back) means its first occurrence in RFC 5545, so an event in the second one is
//!   written in UTC instead.
//! - Input is checked first ([`event`]): any invalid event refuses the whole export with
//!   [`crate::CoreError::Validation`], one field error per problem.
//!
//! To add a property, set it in `event::vevent` through the crate's typed helper when there is
//! one, otherwise with [`icalendar::Property::new`]; the escaping follows from its name.

mod event;
mod file_name;
pub mod timezone;

use chrono::{DateTime, Datelike, Utc};
use chrono_tz::Tz;
use icalendar::{Component, Property};

use crate::{CoreError, CoreResult};

pub use file_name::file_name;

/// A person on an event: the organizer or an attendee.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attendee {
    /// Shown by calendar apps (`CN`); may be empty.
    pub name: String,
    /// Must be an email address: it becomes the `mailto:` address.
    pub email: String,
}

/// One event of the export, e.g. one mentoring session.
#[derive(Debug, Clone, PartialEq)]
pub struct CalendarEvent {
    /// Stable across re-exports, e.g. `"<session uuid>@tandem.app"`; unique within one export.
    pub uid: String,
    /// iCalendar SEQUENCE, raised by the caller on each change.
    pub sequence: u32,
    pub start: DateTime<Utc>,
    /// Must be after `start` (to the second).
    pub end: DateTime<Utc>,
    /// DTSTART/DTEND are written in this zone with TZID, plus a VTIMEZONE.
    pub timezone: Tz,
    pub summary: String,
    pub description: String,
    /// May be empty (then no LOCATION), or an http(s) link (then also URL).
    pub location: String,
    pub organizer: Attendee,
    pub attendees: Vec<Attendee>,
    /// STATUS:CANCELLED, else STATUS:CONFIRMED.
    pub cancelled: bool,
    /// LAST-MODIFIED, and DTSTAMP.
    pub last_modified: DateTime<Utc>,
}

/// The product identifier calendar apps see as the file's producer.
pub const PRODID: &str = "-//Tandem//Tandem mentoring sessions//EN";

/// The `.ics` file (UTF-8, CRLF line ends) holding `events`, in the order given.
///
/// Fails with [`CoreError::Validation`] when there is no event, or when an event ends before it
/// starts, has an empty or repeated UID, a date outside 1900–2099, or an email that is not an
/// address.
pub fn to_ics(events: &[CalendarEvent]) -> CoreResult<Vec<u8>> {
    event::validate(events)?;

    let mut out = String::new();
    out.push_str("BEGIN:VCALENDAR\r\n");
    for (key, value) in [
        ("VERSION", "2.0"),
        ("PRODID", PRODID),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
    ] {
        out.push_str(&content_line(Property::new(key, value))?);
    }
    for (tz, first_year, last_year) in zones_used(events) {
        write_vtimezone(&mut out, tz, first_year, last_year)?;
    }
    for event in events {
        let text = event::vevent(event)
            .try_into_string()
            .map_err(|_| unwritable())?;
        out.push_str(&text);
    }
    out.push_str("END:VCALENDAR\r\n");
    Ok(fold(&icalendar::parser::unfold(&out)).into_bytes())
}

/// Longest content line, in octets, CRLF excluded (RFC 5545 §3.1).
const MAX_LINE_OCTETS: usize = 75;

/// Folds every CRLF-terminated line of `unfolded` to at most 75 octets: a break is CRLF plus one
/// space, which counts towards the next line, and never falls inside a UTF-8 character.
fn fold(unfolded: &str) -> String {
    let mut out = String::with_capacity(unfolded.len() + unfolded.len() / 24);
    for line in unfolded.split_terminator("\r\n") {
        let mut rest = line;
        let mut budget = MAX_LINE_OCTETS;
        while rest.len() > budget {
            let mut cut = budget;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            out.push_str(&rest[..cut]);
            out.push_str("\r\n ");
            rest = &rest[cut..];
            budget = MAX_LINE_OCTETS - 1;
        }
        out.push_str(rest);
        out.push_str("\r\n");
    }
    out
}

/// Each zone written with TZID, in order of first use, with the first and last local year its
/// events touch.
fn zones_used(events: &[CalendarEvent]) -> Vec<(Tz, i32, i32)> {
    let mut zones: Vec<(Tz, i32, i32)> = Vec::new();
    for event in events.iter().filter(|e| !timezone::is_utc(e.timezone)) {
        let tz = event.timezone;
        let first = event.start.with_timezone(&tz).year();
        let last = event.end.with_timezone(&tz).year();
        match zones.iter_mut().find(|(known, _, _)| *known == tz) {
            Some((_, low, high)) => {
                *low = (*low).min(first);
                *high = (*high).max(last);
            }
            None => zones.push((tz, first, last)),
        }
    }
    zones
}

fn write_vtimezone(out: &mut String, tz: Tz, first_year: i32, last_year: i32) -> CoreResult<()> {
    let observances = timezone::observances(tz, first_year, last_year).ok_or_else(|| {
        CoreError::invalid(
            "timezone",
            "timezone_unavailable",
            format!(
                "the time zone {} could not be described for {first_year}–{last_year}",
                tz.name()
            ),
        )
    })?;
    out.push_str("BEGIN:VTIMEZONE\r\n");
    out.push_str(&content_line(Property::new("TZID", tz.name()))?);
    for observance in observances {
        let kind = if observance.daylight {
            "DAYLIGHT"
        } else {
            "STANDARD"
        };
        out.push_str(&format!("BEGIN:{kind}\r\n"));
        let start = observance.start.format("%Y%m%dT%H%M%S").to_string();
        out.push_str(&content_line(Property::new("DTSTART", start))?);
        out.push_str(&content_line(Property::new(
            "TZOFFSETFROM",
            timezone::format_offset(observance.offset_from),
        ))?);
        out.push_str(&content_line(Property::new(
            "TZOFFSETTO",
            timezone::format_offset(observance.offset_to),
        ))?);
        if let Some(name) = observance.name.filter(|n| !n.is_empty()) {
            out.push_str(&content_line(Property::new("TZNAME", name))?);
        }
        out.push_str(&format!("END:{kind}\r\n"));
    }
    out.push_str("END:VTIMEZONE\r\n");
    Ok(())
}

/// One property as the crate writes it: escaped, folded, CRLF-terminated.
fn content_line(property: Property) -> CoreResult<String> {
    property.try_into().map_err(|_| unwritable())
}

/// Writing into a `String` cannot fail; this keeps the impossible case from panicking.
fn unwritable() -> CoreError {
    CoreError::invalid(
        "events",
        "calendar_unwritable",
        "the calendar file could not be written",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn octets_per_line(folded: &str) -> Vec<usize> {
        folded.split_terminator("\r\n").map(str::len).collect()
    }

    #[test]
    fn a_line_with_exactly_75_octets_left_after_a_fold_is_folded_again() {
        // The case the crate gets wrong: 75 + 75 octets.
        let line = "a".repeat(150);
        let folded = fold(&format!("{line}\r\n"));
        assert_eq!(octets_per_line(&folded), [75, 75, 2]);
        assert_eq!(icalendar::parser::unfold(&folded), format!("{line}\r\n"));
    }

    #[test]
    fn folds_never_split_a_character() {
        let line = format!("X{}", "é€😀".repeat(30));
        let folded = fold(&format!("{line}\r\nEND:VCALENDAR\r\n"));
        assert!(octets_per_line(&folded).iter().all(|n| *n <= 75));
        assert_eq!(
            icalendar::parser::unfold(&folded),
            format!("{line}\r\nEND:VCALENDAR\r\n")
        );
    }
}
