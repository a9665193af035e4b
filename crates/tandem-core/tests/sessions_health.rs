//! The pair health rules on their own: two cancellations in a row, and no session held for
//! longer than the cadence plus 50 %, with their boundaries.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use chrono::{DateTime, Duration, TimeZone, Utc};
use tandem_core::session::{assess, held_gap_limit_days, RiskReason, SessionFact, SessionStatus};

fn day(n: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap() + Duration::days(n)
}

fn fact(n: i64, status: SessionStatus) -> SessionFact {
    SessionFact {
        starts_at: day(n),
        status,
    }
}

use SessionStatus::{Cancelled, Held, NoShow, Planned};

#[test]
fn two_cancellations_in_a_row_flag_the_pair_with_the_length_of_the_run() {
    let sessions = [fact(0, Held), fact(20, Cancelled), fact(30, Cancelled)];
    assert_eq!(
        assess(4, day(0), &sessions, day(31)),
        vec![RiskReason::ConsecutiveCancellations { count: 2 }]
    );
    let sessions = [
        fact(0, Cancelled),
        fact(7, Cancelled),
        fact(14, Cancelled),
        fact(21, Held),
        fact(28, Cancelled),
        fact(35, Cancelled),
        fact(42, Cancelled),
    ];
    assert_eq!(
        assess(4, day(0), &sessions, day(43)),
        vec![RiskReason::ConsecutiveCancellations { count: 3 }]
    );
}

#[test]
fn one_cancellation_or_a_held_session_between_two_is_not_a_risk() {
    assert!(assess(4, day(0), &[fact(0, Held), fact(28, Cancelled)], day(29)).is_empty());
    let sessions = [fact(0, Cancelled), fact(28, Held), fact(30, Cancelled)];
    assert!(assess(4, day(0), &sessions, day(31)).is_empty());
    // A no-show breaks the run of cancellations too: it is another problem, not a cancellation.
    let sessions = [fact(0, Cancelled), fact(10, NoShow), fact(20, Cancelled)];
    assert!(assess(4, day(0), &sessions, day(21)).is_empty());
}

#[test]
fn cancelled_sessions_count_even_when_they_were_planned_for_later() {
    // Both called off in advance: the pair is at risk now, not only once the dates pass.
    let sessions = [fact(0, Held), fact(28, Cancelled), fact(56, Cancelled)];
    assert_eq!(
        assess(4, day(0), &sessions, day(10)),
        vec![RiskReason::ConsecutiveCancellations { count: 2 }]
    );
    // An upcoming planned session does not break the run; a past planned one (never marked) does.
    let sessions = [fact(0, Cancelled), fact(5, Cancelled), fact(40, Planned)];
    assert_eq!(
        assess(4, day(0), &sessions, day(6)),
        vec![RiskReason::ConsecutiveCancellations { count: 2 }]
    );
    let sessions = [fact(0, Cancelled), fact(3, Planned), fact(5, Cancelled)];
    assert!(assess(4, day(0), &sessions, day(6)).is_empty());
}

#[test]
fn the_held_gap_limit_is_the_cadence_plus_half_rounded_up_to_a_day() {
    assert_eq!(held_gap_limit_days(4), 42);
    assert_eq!(held_gap_limit_days(2), 21);
    assert_eq!(held_gap_limit_days(1), 11);
    assert_eq!(held_gap_limit_days(3), 32);
}

#[test]
fn no_session_held_for_longer_than_the_limit_flags_the_pair_only_past_it() {
    let sessions = [fact(0, Held), fact(28, Planned)];
    // Exactly 42 days after the last held session: not yet.
    assert!(assess(4, day(0), &sessions, day(42)).is_empty());
    assert!(assess(4, day(0), &sessions, day(42) + Duration::seconds(1))
        .iter()
        .any(|r| matches!(
            r,
            RiskReason::NoSessionHeldFor {
                days: 42,
                limit_days: 42
            }
        )));
    assert_eq!(
        assess(4, day(0), &sessions, day(50)),
        vec![RiskReason::NoSessionHeldFor {
            days: 50,
            limit_days: 42
        }]
    );
}

#[test]
fn without_any_held_session_the_gap_runs_from_when_the_pair_could_first_meet() {
    // Approved on day 10 of the program: at risk after day 52, not after day 42.
    assert!(assess(4, day(10), &[], day(50)).is_empty());
    assert_eq!(
        assess(4, day(10), &[], day(53)),
        vec![RiskReason::NoSessionHeldFor {
            days: 43,
            limit_days: 42
        }]
    );
    // A pair that cannot meet yet is never at risk.
    assert!(assess(4, day(100), &[], day(0)).is_empty());
}

#[test]
fn both_reasons_are_reported_together() {
    let sessions = [fact(0, Held), fact(28, Cancelled), fact(56, Cancelled)];
    assert_eq!(
        assess(4, day(0), &sessions, day(60)),
        vec![
            RiskReason::ConsecutiveCancellations { count: 2 },
            RiskReason::NoSessionHeldFor {
                days: 60,
                limit_days: 42
            }
        ]
    );
}
