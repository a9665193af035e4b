//! Sessions of approved pairs: scheduling from both agendas, the session actions (create, move,
//! cancel, mark held or no-show), the learning log, the charter acknowledgements, the pair page,
//! "my week", calendar files and the health rules.
//!
//! Every rule that depends on the time takes `now` as a parameter so tests control the clock.
//! SQL lives in `store::sessions`; this module holds the rules, one file per area:
//! `model.rs` (types), `context.rs` (loading a pair and the checks actions share),
//! `actions.rs`, `schedule.rs` (free slots and series), `log.rs`, `charter.rs`, `pair_page.rs`,
//! `week.rs`, `ics.rs` (calendar files) and `health.rs` (pure at-risk rules). A new rule goes in
//! the file of its area; a new screen's data gets its own file returning a plain struct.
//!
//! Sessions are planned in the mentor's time zone (the mentor organises them); each person's
//! availability is read in their own zone. Every change runs in one transaction and checks
//! everything before its first write: a refused change leaves the database as it was.

mod actions;
mod charter;
pub(crate) mod context;
pub mod health;
mod ics;
pub(crate) mod log;
pub mod model;
mod pair_page;
pub(crate) mod schedule;
mod week;

pub use actions::*;
pub use charter::{acknowledge_charter, charter_status, CharterEntry, CharterStatus};
pub use context::{MAX_LOCATION_CHARS, MAX_SESSION_MINUTES, MIN_SESSION_MINUTES};
pub use health::{assess, held_gap_limit_days, RiskReason, SessionFact};
pub use ics::{pair_ics, session_ics, session_uid, UID_DOMAIN};
pub use log::{
    confirm_self_assessment, get_log, save_log, validate_log, MAX_LOG_TOPICS, MAX_NOTES_CHARS,
    MAX_SUMMARY_CHARS, MAX_TASK_CHARS,
};
pub use model::*;
pub use pair_page::{
    list_pairs_with_sessions, my_pairs, pair_page, GoalProgress, MyPair, OpenTask, PairInfo,
    PairOverview, PairPage, PairPerson, ProgramBrief, SessionCounts, TimelineEntry,
};
pub use schedule::*;
pub use week::{reminders_due, sessions_starting_between, upcoming_sessions, AgendaEntry};
