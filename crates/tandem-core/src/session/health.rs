//! The pair health rules: when a pair is flagged at risk, and why.
//!
//! Pure functions over a pair's session facts and a clock passed in, so the rules are tested
//! without a database. A new rule is a new [`RiskReason`] variant plus a check in [`assess`].

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::model::SessionStatus;

/// Why a pair is at risk. An empty list means the pair is healthy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RiskReason {
    /// The most recent sessions that are no longer upcoming were all cancelled: `count` of them
    /// in a row (at least 2).
    ConsecutiveCancellations { count: u32 },
    /// No session has been held for `days` days, longer than the cadence plus 50 % (`limit_days`).
    NoSessionHeldFor { days: i64, limit_days: i64 },
}

/// What the rules need to know about one session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionFact {
    pub starts_at: DateTime<Utc>,
    pub status: SessionStatus,
}

/// The number of cancellations in a row that flags a pair.
pub const CANCELLATIONS_AT_RISK: u32 = 2;

/// The longest gap without a held session, in whole days: the cadence plus 50 %, rounded up to
/// a whole day for odd cadences (one week gives 11 days, four weeks 42).
pub fn held_gap_limit_days(cadence_weeks: u8) -> i64 {
    (i64::from(cadence_weeks) * 21 + 1) / 2
}

/// The reasons a pair is at risk at `now`.
///
/// `active_since`: when the pair could first meet (approval or program start, whichever is later).
/// Sessions may come in any order.
pub fn assess(
    cadence_weeks: u8,
    active_since: DateTime<Utc>,
    sessions: &[SessionFact],
    now: DateTime<Utc>,
) -> Vec<RiskReason> {
    let mut reasons = Vec::new();

    // Only sessions that are no longer upcoming count: a cancelled one (whenever it was planned
    // for) or one whose start has passed. A planned session still ahead may yet happen.
    let mut past: Vec<&SessionFact> = sessions
        .iter()
        .filter(|s| s.status == SessionStatus::Cancelled || s.starts_at <= now)
        .collect();
    past.sort_by_key(|s| std::cmp::Reverse(s.starts_at));
    let run = past
        .iter()
        .take_while(|s| s.status == SessionStatus::Cancelled)
        .count();
    let run = u32::try_from(run).unwrap_or(u32::MAX);
    if run >= CANCELLATIONS_AT_RISK {
        reasons.push(RiskReason::ConsecutiveCancellations { count: run });
    }

    let last_held = sessions
        .iter()
        .filter(|s| s.status == SessionStatus::Held)
        .map(|s| s.starts_at)
        .max();
    let since = last_held.unwrap_or(active_since);
    let limit_days = held_gap_limit_days(cadence_weeks);
    let elapsed = now - since;
    if elapsed > Duration::days(limit_days) {
        reasons.push(RiskReason::NoSessionHeldFor {
            days: elapsed.num_days(),
            limit_days,
        });
    }
    reasons
}
