//! Learning progress: what managers, HR and mentors see of the sessions, derived from the
//! sessions, logs, topics and self-assessments the `session` module records.
//!
//! - [`program_dashboard`]: a program at a glance: pairs active, at risk and completed; sessions
//!   held against scheduled, hours; topics per platform; ratings; charter; adoption profiles at
//!   start and now; estimated audience; sessions per month; one row per approved pair.
//! - [`mentee_progress`]: one mentee's level per platform over time, start / now / target per
//!   topic, topics covered, practice tasks, hours, with the session ids behind every figure.
//! - [`manager_view`]: the people under a manager (any depth) or in a department who take part in
//!   a pair: levels, sessions, hours, and the summaries of their sessions — never a private note.
//! - [`mentor_recognition`]: what a mentor taught, per platform and topic, with ratings;
//!   [`mentor_summary_html`] is its one-page printable summary.
//! - [`employee_audience`], [`set_employee_audience`], [`seed_demo_audience`]: followers per
//!   platform, the optional figures behind the audience estimate.
//! - Exports, as bytes with a suggested file name ([`crate::export::Export`]):
//!   [`program_dashboard_csv`] / [`program_dashboard_xlsx`] and [`manager_view_csv`] /
//!   [`manager_view_xlsx`].
//! - [`synthetic`]: a generated program of any size, for the benchmark and scale tests.
//!
//! Rules that every screen shares:
//! - Only *approved* pairs count. Topics, ratings, levels and hours come from *held* sessions.
//! - Time is passed in (`now`), never read from the clock, so tests fix it. Dates of programs are
//!   compared with `now`'s UTC date.
//! - The at-risk rule is [`crate::session::assess`]'s, never re-implemented here.
//! - Nothing here reads the private notes of a log (see [`crate::store::progress`]).
//!
//! SQL lives in [`crate::store::progress`]; this module turns rows into the screens' types
//! ([`model`]). To add a figure: a field in the model, its query (check the plan with the
//! `progress` benchmark), the computation here, and a hand-computed check in `tests/progress.rs`.

mod audience;
mod catalog;
mod dashboard;
mod export;
mod levels;
mod manager;
mod manager_export;
mod mentee;
mod mentor;
mod mentor_html;
pub mod model;
pub mod synthetic;

/// How the manager view's held sessions meet their logs and self-assessments (the program
/// dashboard reads per-pair tallies instead; see [`crate::store::progress::scan`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    /// One index search per held session: cheapest for a small share of the database (a
    /// program among several, a department).
    Search,
    /// The tables read once from end to end and matched to the sessions in memory: cheapest when
    /// the view holds most of the pairs (see [`crate::store::progress::scan`]). On PostgreSQL it
    /// also spares the server a nested loop of one index search per held session.
    Scan,
}

/// A view with at least this share of the database's approved pairs (1 / n) is joined by
/// [`Join::Scan`]. Measured with the `progress` benchmark: a full scan costs about as much as the
/// searches of a fifth of the pairs.
const SCAN_FROM_ONE_IN: usize = 4;

/// The join for a view over `pairs` of the database's approved pairs.
///
/// On a team database, PostgreSQL's row-level security shows someone other than HR only their
/// share of the rows: the count below is then about their view's own pairs, and a scan would
/// check every row of the whole table against their policies (twice the time of the searches for
/// a manager of 2,000 people). Such a reader always searches.
fn join_for(store: &crate::Store, pairs: usize) -> crate::CoreResult<Join> {
    let rows_filtered = store.engine() == crate::store::db::Engine::Postgres && !store.actor().hr;
    if rows_filtered || pairs == 0 {
        return Ok(Join::Search);
    }
    let total = crate::store::progress::scan::approved_pair_total(store.conn())?;
    Ok(if pairs * SCAN_FROM_ONE_IN >= total {
        Join::Scan
    } else {
        Join::Search
    })
}

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

pub use audience::*;
pub use dashboard::program_dashboard;
pub use export::{program_dashboard_csv, program_dashboard_xlsx};
pub use manager::{manager_view, MAX_SUMMARIES_PER_PERSON};
pub use manager_export::{manager_view_csv, manager_view_xlsx};
pub use mentee::mentee_progress;
pub use mentor::mentor_recognition;
pub use mentor_html::mentor_summary_html;
pub use model::*;

/// Length of a session in hours.
pub(crate) fn hours_between(starts_at: DateTime<Utc>, ends_at: DateTime<Utc>) -> f64 {
    (ends_at - starts_at).num_seconds().max(0) as f64 / 3600.0
}

/// Midnight UTC at the start of `date`.
pub(crate) fn start_of(date: NaiveDate) -> DateTime<Utc> {
    date.and_time(NaiveTime::MIN).and_utc()
}

/// Where a program stands on `now`'s UTC date.
pub fn program_phase(
    start_date: NaiveDate,
    end_date: NaiveDate,
    now: DateTime<Utc>,
) -> ProgramPhase {
    let today = now.date_naive();
    if today < start_date {
        ProgramPhase::NotStarted
    } else if today > end_date {
        ProgramPhase::Ended
    } else {
        ProgramPhase::Running
    }
}

/// An average of ratings from their sum and count.
pub(crate) fn rating_average(sum: i64, count: u32) -> RatingAverage {
    RatingAverage {
        average: (count > 0).then(|| sum as f64 / f64::from(count)),
        count,
    }
}
