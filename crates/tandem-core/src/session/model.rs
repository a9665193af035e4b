//! The session's types. The stored shapes (ids, statuses, who cancelled, a session, the learning
//! log as submitted) are domain types, defined in [`crate::domain::session`] so the store can read
//! them without importing this module, and re-exported here; this file adds what only the rules
//! use: a session's time, the stored log with its catalog names, and [`Session::fact`].

use chrono::{DateTime, Utc};

use crate::program::TopicName;

pub use crate::domain::session::{
    CancelledBy, LogInput, LogTopicInput, PairId, SelfAssessmentInput, Session, SessionId,
    SessionStatus, TaskOutcome, TopicDepth,
};

impl Session {
    /// What the health rules need to know of the session ([`super::assess`]).
    pub fn fact(&self) -> super::SessionFact {
        super::SessionFact {
            starts_at: self.starts_at,
            status: self.status,
        }
    }
}

/// When a session is and where: what [`super::create_session`] and [`super::move_session`] take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionTime {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

impl SessionTime {
    /// A session of `minutes` from `starts_at`.
    pub fn new(starts_at: DateTime<Utc>, minutes: u16) -> Self {
        Self {
            starts_at,
            ends_at: starts_at + chrono::Duration::minutes(i64::from(minutes)),
        }
    }
}

/// A topic taught in a session, with its catalog names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedTopic {
    pub topic: TopicName,
    pub depth: TopicDepth,
}

/// The mentee's level on a topic after a session, and whether the mentor confirmed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelfAssessment {
    pub topic: TopicName,
    pub level: u8,
    /// `None` until the mentor confirms; cleared when the level changes.
    pub confirmed_at: Option<DateTime<Utc>>,
}

/// A stored learning log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionLog {
    pub session_id: SessionId,
    /// In catalog order.
    pub topics: Vec<LoggedTopic>,
    pub task_set: String,
    pub previous_task_outcome: Option<TaskOutcome>,
    /// The task the outcome refers to: the one set at the pair's previous logged session.
    pub previous_task: Option<String>,
    pub summary: String,
    /// Only for the pair's own screens.
    pub private_notes: String,
    pub mentee_rating: Option<u8>,
    pub mentor_rating: Option<u8>,
    /// In catalog order.
    pub self_assessments: Vec<SelfAssessment>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}
