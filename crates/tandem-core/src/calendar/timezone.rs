//! VTIMEZONE components computed from chrono-tz.
//!
//! RFC 5545 requires a VTIMEZONE for every TZID a calendar uses, and Outlook ignores a TZID it has no
//! definition for. chrono-tz answers "what is the offset at this instant" but does not list its
//! transitions, so they are found here: the offset is sampled every [`SCAN_STEP_SECONDS`] and, where
//! two samples differ, a bisection narrows the change down to the second. Each transition becomes a
//! STANDARD or DAYLIGHT observance with an explicit DTSTART (no RRULE): exact for every year the
//! events span, whatever rule changes a country made, and read the same way by every client.
//!
//! The observance in force on 1 January of the first year is always included, so a date early in
//! the year is never before the first onset.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

/// How far apart the offset is sampled. Two changes closer than this would be missed; the time
/// zone database has none since the 1940s.
const SCAN_STEP_SECONDS: i64 = 6 * 3600;
/// How far before 1 January of the first year to look for the observance then in force: a year and
/// a bit, so that last autumn's change is found for a zone with daylight saving time.
const LOOKBACK_SECONDS: i64 = 400 * 86_400;

/// The time-zone state at one instant: what a VTIMEZONE observance describes.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ZoneState {
    /// Seconds east of UTC, daylight saving included.
    offset: i32,
    daylight: bool,
    name: Option<String>,
}

fn state_at(tz: Tz, instant: i64) -> Option<ZoneState> {
    let utc = DateTime::<Utc>::from_timestamp(instant, 0)?;
    let offset = tz.offset_from_utc_datetime(&utc.naive_utc());
    Some(ZoneState {
        offset: offset.fix().local_minus_utc(),
        // Some zones (Europe/Dublin in the vanguard data) model winter as a negative saving: that
        // is standard time for a calendar.
        daylight: offset.dst_offset().num_seconds() > 0,
        name: offset.abbreviation().map(str::to_owned),
    })
}

/// One STANDARD or DAYLIGHT sub-component of a VTIMEZONE.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Observance {
    pub daylight: bool,
    /// The onset as local wall time in the offset in force before it, as RFC 5545 wants.
    pub start: NaiveDateTime,
    pub offset_from: i32,
    pub offset_to: i32,
    pub name: Option<String>,
}

/// The first second after `before` (whose state is `from`) at which the state differs, knowing
/// that it differs at `after`.
fn bisect(tz: Tz, mut before: i64, mut after: i64, from: &ZoneState) -> Option<(i64, ZoneState)> {
    let mut after_state = state_at(tz, after)?;
    while after - before > 1 {
        let middle = before + (after - before) / 2;
        let state = state_at(tz, middle)?;
        if &state == from {
            before = middle;
        } else {
            after = middle;
            after_state = state;
        }
    }
    Some((after, after_state))
}

fn observance(at: i64, from: &ZoneState, to: ZoneState) -> Option<Observance> {
    let start = DateTime::<Utc>::from_timestamp(at + i64::from(from.offset), 0)?.naive_utc();
    Some(Observance {
        daylight: to.daylight,
        start,
        offset_from: from.offset,
        offset_to: to.offset,
        name: to.name,
    })
}

/// The observances that describe `tz` from 1 January of `first_year` to 31 December of `last_year`
/// (local time), in chronological order. `None` only for years chrono cannot represent, which the
/// caller's validation rules out.
pub fn observances(tz: Tz, first_year: i32, last_year: i32) -> Option<Vec<Observance>> {
    let year_start = |year: i32| -> Option<i64> {
        Some(
            NaiveDate::from_ymd_opt(year, 1, 1)?
                .and_hms_opt(0, 0, 0)?
                .and_utc()
                .timestamp(),
        )
    };
    // Local 1 January can be up to 14 hours before or after UTC's: a day of margin either side.
    let span_start = year_start(first_year)? - 86_400;
    let span_end = year_start(last_year.checked_add(1)?)? + 86_400;

    let mut initial: Option<Observance> = None;
    let mut found = Vec::new();
    let mut instant = span_start - LOOKBACK_SECONDS;
    let mut state = state_at(tz, instant)?;
    while instant < span_end {
        let next = instant + SCAN_STEP_SECONDS;
        let next_state = state_at(tz, next)?;
        if next_state != state {
            let (at, to) = bisect(tz, instant, next, &state)?;
            let change = observance(at, &state, to)?;
            if at < span_start {
                initial = Some(change);
            } else if change.start.year() <= last_year {
                found.push(change);
            }
        }
        instant = next;
        state = next_state;
    }

    let initial = match initial {
        Some(change) => change,
        None => {
            let in_force = state_at(tz, span_start)?;
            Observance {
                daylight: in_force.daylight,
                start: NaiveDate::from_ymd_opt(first_year, 1, 1)?.and_hms_opt(0, 0, 0)?,
                offset_from: in_force.offset,
                offset_to: in_force.offset,
                name: in_force.name,
            }
        }
    };
    let mut all = Vec::with_capacity(found.len() + 1);
    all.push(initial);
    all.extend(found);
    Some(all)
}

/// An RFC 5545 UTC-OFFSET: `+0100`, `-0430`, with seconds only when there are any (`+001932`).
pub fn format_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let magnitude = seconds.unsigned_abs();
    let (hours, minutes, secs) = (magnitude / 3600, magnitude / 60 % 60, magnitude % 60);
    if secs == 0 {
        format!("{sign}{hours:02}{minutes:02}")
    } else {
        format!("{sign}{hours:02}{minutes:02}{secs:02}")
    }
}

/// Zones that are UTC under another name: their times are written with `Z` and need no VTIMEZONE.
pub fn is_utc(tz: Tz) -> bool {
    matches!(
        tz,
        Tz::UTC
            | Tz::UCT
            | Tz::Universal
            | Tz::Zulu
            | Tz::Etc__UTC
            | Tz::Etc__UCT
            | Tz::Etc__Universal
            | Tz::Etc__Zulu
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_written_as_rfc_5545_utc_offsets() {
        assert_eq!(format_offset(3600), "+0100");
        assert_eq!(format_offset(0), "+0000");
        assert_eq!(format_offset(-16_200), "-0430");
        assert_eq!(format_offset(1172), "+001932");
    }

    #[test]
    fn a_zone_without_daylight_saving_time_has_one_standard_observance() {
        let found = observances(chrono_tz::Asia::Tokyo, 2026, 2027).unwrap_or_default();
        assert_eq!(found.len(), 1);
        assert!(!found[0].daylight);
        assert_eq!((found[0].offset_from, found[0].offset_to), (32_400, 32_400));
        assert_eq!(found[0].name.as_deref(), Some("JST"));
    }

    #[test]
    fn new_york_changes_at_two_in_the_morning_local_time() {
        let found = observances(chrono_tz::America::New_York, 2026, 2026).unwrap_or_default();
        let starts: Vec<String> = found.iter().map(|o| o.start.to_string()).collect();
        assert_eq!(
            starts,
            [
                "2025-11-02 02:00:00",
                "2026-03-08 02:00:00",
                "2026-11-01 02:00:00"
            ]
        );
        assert!(found[1].daylight);
        assert_eq!(
            (found[1].offset_from, found[1].offset_to),
            (-18_000, -14_400)
        );
    }
}
