//! Checking [`CalendarEvent`]s and turning one into a VEVENT.
//!
//! Field errors name the event by its position (`events[2].end`) so the caller can point at the
//! session at fault. Text is cleaned rather than refused: carriage returns become newlines and other
//! control characters (forbidden in iCalendar text) are dropped; a double quote in a name, which a
//! parameter value cannot hold, becomes an apostrophe.

use std::collections::HashSet;

use chrono::{DateTime, Datelike, TimeZone, Timelike, Utc};
use chrono_tz::Tz;
use icalendar::{
    Attendee as IcsAttendee, CalendarDateTime, Component, Event, EventLike, EventStatus, PartStat,
    Property, Role,
};

use super::{timezone, Attendee, CalendarEvent};
use crate::domain::validation::is_plausible_email;
use crate::{CoreError, CoreResult, FieldError};

/// Dates outside this range are typing mistakes. The upper bound is also where chrono-tz's
/// precomputed transitions end: past 2099 it knows no daylight saving time, so its local times (and
/// the VTIMEZONE built from it) would be an hour off every summer.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2099;

/// Characters that are valid in an email address but would break a `mailto:` URI or the line.
const UNSAFE_IN_MAILTO: [char; 7] = ['"', '?', '#', '%', '\\', '<', '>'];

pub(super) fn validate(events: &[CalendarEvent]) -> CoreResult<()> {
    if events.is_empty() {
        return Err(CoreError::invalid(
            "events",
            "required",
            "there is no session to put in the calendar file",
        ));
    }
    let mut errors = Vec::new();
    let mut uids = HashSet::new();
    for (index, event) in events.iter().enumerate() {
        let field = |name: &str| format!("events[{index}].{name}");
        let uid = event.uid.trim();
        if uid.is_empty() {
            errors.push(FieldError::new(
                &field("uid"),
                "required",
                format!("session {} has no identifier (UID)", index + 1),
            ));
        } else if uid.chars().any(char::is_control) {
            errors.push(FieldError::new(
                &field("uid"),
                "invalid",
                format!(
                    "the identifier of session {} holds control characters",
                    index + 1
                ),
            ));
        } else if !uids.insert(uid) {
            errors.push(FieldError::new(
                &field("uid"),
                "duplicate",
                format!("two sessions share the identifier '{uid}': each event needs its own UID"),
            ));
        }
        for (name, instant) in [
            ("start", event.start),
            ("end", event.end),
            ("last_modified", event.last_modified),
        ] {
            if !YEARS.contains(&instant.year()) {
                errors.push(FieldError::new(
                    &field(name),
                    "date_out_of_range",
                    format!(
                        "session {}: {} is not a plausible date (years {} to {})",
                        index + 1,
                        instant.format("%Y-%m-%d"),
                        YEARS.start(),
                        YEARS.end()
                    ),
                ));
            }
        }
        // Compared to the second, as written: a sub-second session would start and end alike.
        if event.end.timestamp() <= event.start.timestamp() {
            errors.push(FieldError::new(
                &field("end"),
                "end_not_after_start",
                format!(
                    "session {} ends ({}) before or when it starts ({}): the end must be later",
                    index + 1,
                    event.end.format("%Y-%m-%d %H:%M UTC"),
                    event.start.format("%Y-%m-%d %H:%M UTC")
                ),
            ));
        }
        check_email(&mut errors, &field("organizer.email"), &event.organizer);
        for (position, attendee) in event.attendees.iter().enumerate() {
            check_email(
                &mut errors,
                &field(&format!("attendees[{position}].email")),
                attendee,
            );
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(CoreError::Validation(errors))
    }
}

fn check_email(errors: &mut Vec<FieldError>, field: &str, person: &Attendee) {
    let email = person.email.trim();
    let safe = !email.contains(UNSAFE_IN_MAILTO)
        && !email.chars().any(|c| c.is_whitespace() || c.is_control());
    if !safe || !is_plausible_email(email) {
        let who = if person.name.trim().is_empty() {
            String::new()
        } else {
            format!(" of {}", person.name.trim())
        };
        errors.push(FieldError::new(
            field,
            "email_invalid",
            format!("'{email}'{who} is not a valid email address, e.g. first.last@company.com"),
        ));
    }
}

/// The VEVENT for one event that [`validate`] accepted.
pub(super) fn vevent(event: &CalendarEvent) -> Event {
    let mut vevent = Event::new();
    vevent
        .uid(event.uid.trim())
        .sequence(event.sequence)
        .timestamp(whole_seconds(event.last_modified))
        .last_modified(whole_seconds(event.last_modified))
        .starts(event_time(event.start, event.timezone))
        .ends(event_time(event.end, event.timezone))
        .summary(&clean_text(&event.summary))
        .description(&clean_text(&event.description))
        .status(if event.cancelled {
            EventStatus::Cancelled
        } else {
            EventStatus::Confirmed
        });
    let location = clean_text(event.location.trim());
    if !location.is_empty() {
        vevent.location(&location);
        if is_web_link(&location) {
            vevent.url(&location);
        }
    }
    let mut organizer = Property::new("ORGANIZER", mailto(&event.organizer));
    if let Some(name) = parameter_text(&event.organizer.name) {
        organizer.add_parameter("CN", &name);
    }
    vevent.append_property(organizer);
    for person in &event.attendees {
        let mut attendee = IcsAttendee::new(mailto(person))
            .role(Role::ReqParticipant)
            .partstat(PartStat::NeedsAction)
            .rsvp(false);
        if let Some(name) = parameter_text(&person.name) {
            attendee = attendee.cn(name);
        }
        vevent.attendee(attendee);
    }
    vevent.done()
}

fn whole_seconds(instant: DateTime<Utc>) -> DateTime<Utc> {
    instant.with_nanosecond(0).unwrap_or(instant)
}

/// Local wall time with TZID, except where that would be read as another instant: UTC zones, and
/// the second occurrence of a repeated local hour (RFC 5545 reads such a time as the first).
fn event_time(instant: DateTime<Utc>, tz: Tz) -> CalendarDateTime {
    let instant = whole_seconds(instant);
    if timezone::is_utc(tz) {
        return CalendarDateTime::Utc(instant);
    }
    let local = instant.with_timezone(&tz).naive_local();
    let read_back = tz
        .from_local_datetime(&local)
        .earliest()
        .map(|first| first.with_timezone(&Utc));
    if read_back == Some(instant) {
        CalendarDateTime::WithTimezone {
            date_time: local,
            tzid: tz.name().to_owned(),
        }
    } else {
        CalendarDateTime::Utc(instant)
    }
}

fn mailto(person: &Attendee) -> String {
    format!("mailto:{}", person.email.trim())
}

fn is_web_link(location: &str) -> bool {
    let lower = location.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && location.len() > "https://".len()
        && !location.contains(|c: char| c.is_whitespace() || matches!(c, '"' | '<' | '>'))
}

/// Newlines normalised to `\n`; other control characters, which iCalendar text may not hold, dropped.
fn clean_text(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect()
}

/// A parameter value (CN) cannot hold a double quote or a line break; `None` when empty.
fn parameter_text(text: &str) -> Option<String> {
    let cleaned: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '"' => '\'',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let cleaned = cleaned.trim().to_owned();
    (!cleaned.is_empty()).then_some(cleaned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carriage_returns_become_newlines_and_other_controls_are_dropped() {
        assert_eq!(clean_text("a\r\nb\rc\u{7}d\te"), "a\nb\ncd\te");
    }

    #[test]
    fn a_double_quote_in_a_name_becomes_an_apostrophe() {
        assert_eq!(
            parameter_text(" Jean \"JJ\" Dupont\n").as_deref(),
            Some("Jean 'JJ' Dupont")
        );
        assert_eq!(parameter_text("  "), None);
    }

    #[test]
    fn only_http_links_are_web_links() {
        assert!(is_web_link("https://meet.example.com/abc"));
        assert!(is_web_link("HTTP://intranet.example.com"));
        assert!(!is_web_link("Room 4, floor 2"));
        assert!(!is_web_link("https://"));
        assert!(!is_web_link("https://a b"));
    }

    #[test]
    fn the_second_occurrence_of_a_repeated_hour_is_written_in_utc() {
        let paris = chrono_tz::Europe::Paris;
        // 2026-10-25 02:30 happens twice in Paris: at 00:30 UTC (summer time) and 01:30 UTC.
        let first = Utc
            .with_ymd_and_hms(2026, 10, 25, 0, 30, 0)
            .single()
            .unwrap_or_default();
        let second = Utc
            .with_ymd_and_hms(2026, 10, 25, 1, 30, 0)
            .single()
            .unwrap_or_default();
        assert!(matches!(
            event_time(first, paris),
            CalendarDateTime::WithTimezone { .. }
        ));
        assert_eq!(event_time(second, paris), CalendarDateTime::Utc(second));
    }
}
