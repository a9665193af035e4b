//! Sessions as stored: ids, statuses, who cancelled, a session, and the learning log as the pair
//! submits it.
//!
//! Plain data shared by the `session` and `progress` rules and the store that reads and writes
//! them; rules about them (health, scheduling, validation of a log) live in `session`. A stored
//! enum keeps its text form next to it (`as_str` / `parse`): to add a value, add it to both and to
//! the column's CHECK constraint through a migration.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use uuid::Uuid;

use crate::domain::program::ProgramId;
use crate::domain::EmployeeId;
use crate::{CoreError, CoreResult};

/// Where a session stands. Stored as `planned`, `held`, `cancelled` or `no_show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionStatus {
    /// Booked and not yet marked.
    Planned,
    /// Took place; a learning log may be written.
    Held,
    /// Called off by the mentor, the mentee or HR, with a reason.
    Cancelled,
    /// Somebody did not come.
    NoShow,
}

impl SessionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            SessionStatus::Planned => "planned",
            SessionStatus::Held => "held",
            SessionStatus::Cancelled => "cancelled",
            SessionStatus::NoShow => "no_show",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "planned" => Some(SessionStatus::Planned),
            "held" => Some(SessionStatus::Held),
            "cancelled" => Some(SessionStatus::Cancelled),
            "no_show" => Some(SessionStatus::NoShow),
            _ => None,
        }
    }
}

/// A session's stable id; also the base of its iCalendar UID.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct SessionId(pub Uuid);

impl SessionId {
    pub fn new() -> Self {
        SessionId(Uuid::new_v4())
    }

    /// Parses an id given by the UI; an unknown shape is a validation error, not a panic.
    pub fn parse(raw: &str) -> CoreResult<Self> {
        Uuid::parse_str(raw.trim()).map(SessionId).map_err(|_| {
            CoreError::invalid(
                "session_id",
                "id_invalid",
                format!("'{raw}' is not a valid session id"),
            )
        })
    }
}

impl Default for SessionId {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Display for SessionId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// An approved pair's id (the `program_pair` row; [`crate::domain::program::StoredPair::id`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct PairId(pub Uuid);

impl PairId {
    /// Parses an id given by the UI; an unknown shape is a validation error, not a panic.
    pub fn parse(raw: &str) -> CoreResult<Self> {
        Uuid::parse_str(raw.trim()).map(PairId).map_err(|_| {
            CoreError::invalid(
                "pair_id",
                "id_invalid",
                format!("'{raw}' is not a valid pair id"),
            )
        })
    }
}

impl std::fmt::Display for PairId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// Who called a session off. Stored as the person's id in `cancelled_by`, NULL for HR.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CancelledBy {
    Mentor,
    Mentee,
    Hr,
}

impl CancelledBy {
    pub fn as_str(self) -> &'static str {
        match self {
            CancelledBy::Mentor => "mentor",
            CancelledBy::Mentee => "mentee",
            CancelledBy::Hr => "hr",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "mentor" => Some(CancelledBy::Mentor),
            "mentee" => Some(CancelledBy::Mentee),
            "hr" => Some(CancelledBy::Hr),
            _ => None,
        }
    }
}

/// A stored session with its pair's people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub id: SessionId,
    pub pair_id: PairId,
    pub program_id: ProgramId,
    pub mentor_id: EmployeeId,
    pub mentee_id: EmployeeId,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// The IANA zone it was planned in (the mentor's, who organises it), for display and the
    /// calendar file.
    pub timezone: String,
    /// A room or a video link; may be empty.
    pub location: String,
    pub status: SessionStatus,
    /// Set when cancelled.
    pub cancelled_by: Option<CancelledBy>,
    pub cancel_reason: String,
    /// Shared by the sessions one "plan a series" action created.
    pub series_id: Option<Uuid>,
    /// The iCalendar SEQUENCE: raised by every change an attendee must see.
    pub sequence: u32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Session {
    pub fn minutes(&self) -> i64 {
        (self.ends_at - self.starts_at).num_minutes()
    }

    /// The session's zone; an unreadable stored zone falls back to UTC rather than failing.
    pub fn tz(&self) -> Tz {
        self.timezone.parse().unwrap_or(Tz::UTC)
    }

    /// Whether the session's time slot still counts as taken (everything but a cancellation).
    pub fn occupies_time(&self) -> bool {
        self.status != SessionStatus::Cancelled
    }
}

/// How deep a topic went in a session. Stored as `shown`, `practised` or `done_alone`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TopicDepth {
    /// The mentor showed it.
    Shown,
    /// Practised together.
    Practised,
    /// The mentee did it alone.
    DoneAlone,
}

impl TopicDepth {
    pub const ALL: [TopicDepth; 3] = [Self::Shown, Self::Practised, Self::DoneAlone];

    pub fn as_str(self) -> &'static str {
        match self {
            TopicDepth::Shown => "shown",
            TopicDepth::Practised => "practised",
            TopicDepth::DoneAlone => "done_alone",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.as_str() == raw)
    }
}

/// How the practice task of the previous session went. Stored as `done`, `partly`, `not_done`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskOutcome {
    Done,
    Partly,
    NotDone,
}

impl TaskOutcome {
    pub const ALL: [TaskOutcome; 3] = [Self::Done, Self::Partly, Self::NotDone];

    pub fn as_str(self) -> &'static str {
        match self {
            TaskOutcome::Done => "done",
            TaskOutcome::Partly => "partly",
            TaskOutcome::NotDone => "not_done",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.as_str() == raw)
    }
}

/// A topic taught in a session, as submitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogTopicInput {
    pub topic_id: String,
    pub depth: TopicDepth,
}

/// The mentee's level on a topic after the session (0..=4), as submitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelfAssessmentInput {
    pub topic_id: String,
    pub level: u8,
}

/// The learning log of a held session, as the pair submits it. See `session::save_log`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LogInput {
    /// At least one, from the active catalog, each once.
    pub topics: Vec<LogTopicInput>,
    /// The practice task for next time; may be empty.
    pub task_set: String,
    /// How the previous session's task went; only when an earlier held session set one.
    pub previous_task_outcome: Option<TaskOutcome>,
    /// What the mentee's managers and HR may read.
    pub summary: String,
    /// Only the pair sees these.
    pub private_notes: String,
    /// 1..=5.
    pub mentee_rating: Option<u8>,
    /// 1..=5.
    pub mentor_rating: Option<u8>,
    /// The mentee's level per topic after the session; each topic once.
    pub self_assessment: Vec<SelfAssessmentInput>,
}
