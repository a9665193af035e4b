//! Fast inserts of complete session records (session, log, topics, self-assessments) and charter
//! acknowledgements, for synthetic databases, the `progress` benchmark and test fixtures.
//!
//! These functions do not validate anything: the app records sessions through the `session`
//! module, which checks every rule. Call them inside one transaction
//! ([`crate::Store::transaction`]); each statement is prepared once and reused for every row, so
//! a hundred thousand sessions take seconds, not minutes.

use crate::store::db::{params, Connection};
use chrono::{DateTime, Utc};

use crate::domain::EmployeeId;
use crate::program::ProgramId;
use crate::session::model::{PairId, SessionId, TaskOutcome, TopicDepth};
use crate::session::SessionStatus;
use crate::store::progress::timestamp;
use crate::CoreResult;

/// The learning log of a session.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LogRecord {
    pub task_set: String,
    pub previous_task_outcome: Option<TaskOutcome>,
    pub summary: String,
    /// The pair's own notes; stored so that tests can check they never leave the pair.
    pub private_notes: String,
    pub mentee_rating: Option<u8>,
    pub mentor_rating: Option<u8>,
}

/// A self-assessment: level 0..=4, confirmed by the mentor at `confirmed_at` (or not yet).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssessmentRecord {
    pub topic_id: String,
    pub level: u8,
    pub confirmed_at: Option<DateTime<Utc>>,
}

/// A session with everything logged about it.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionRecord {
    pub id: SessionId,
    pub pair_id: PairId,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// IANA zone, e.g. `Europe/Paris`.
    pub timezone: String,
    pub status: SessionStatus,
    /// For cancelled sessions: the mentor or the mentee, `None` for HR.
    pub cancelled_by: Option<EmployeeId>,
    pub log: Option<LogRecord>,
    pub topics: Vec<(String, TopicDepth)>,
    pub assessments: Vec<AssessmentRecord>,
}

/// Inserts sessions with their logs, topics and self-assessments. Use inside a transaction.
pub fn insert_session_records(conn: &Connection, records: &[SessionRecord]) -> CoreResult<()> {
    let now = timestamp(Utc::now());
    let mut session = conn.prepare_cached(
        "INSERT INTO session (id, pair_id, starts_at, ends_at, timezone, status, cancelled_by,
             cancel_reason, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, '', ?8, ?8)",
    )?;
    let mut log = conn.prepare_cached(
        "INSERT INTO session_log (session_id, task_set, previous_task_outcome, summary,
             private_notes, mentee_rating, mentor_rating, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
    )?;
    let mut topic = conn.prepare_cached(
        "INSERT INTO session_topic (session_id, topic_id, depth) VALUES (?1, ?2, ?3)",
    )?;
    let mut assessment = conn.prepare_cached(
        "INSERT INTO self_assessment (session_id, topic_id, level, confirmed_at)
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for r in records {
        let id = r.id.to_string();
        session.execute(params![
            id,
            r.pair_id.to_string(),
            timestamp(r.starts_at),
            timestamp(r.ends_at),
            r.timezone,
            r.status.as_str(),
            r.cancelled_by.map(|e| e.to_string()),
            now,
        ])?;
        if let Some(l) = &r.log {
            log.execute(params![
                id,
                l.task_set,
                l.previous_task_outcome.map(TaskOutcome::as_str),
                l.summary,
                l.private_notes,
                l.mentee_rating,
                l.mentor_rating,
                now,
            ])?;
        }
        for (topic_id, depth) in &r.topics {
            topic.execute(params![id, topic_id, depth.as_str()])?;
        }
        for a in &r.assessments {
            assessment.execute(params![
                id,
                a.topic_id,
                a.level,
                a.confirmed_at.map(timestamp)
            ])?;
        }
    }
    Ok(())
}

/// Records that a participant acknowledged the program's charter at `at`.
pub fn insert_charter_acknowledgement(
    conn: &Connection,
    program: ProgramId,
    employee: EmployeeId,
    at: DateTime<Utc>,
) -> CoreResult<()> {
    conn.prepare_cached(
        "INSERT INTO charter_acknowledgement (program_id, employee_id, acknowledged_at)
         VALUES (?1, ?2, ?3)",
    )?
    .execute(params![
        program.to_string(),
        employee.to_string(),
        timestamp(at)
    ])?;
    Ok(())
}

/// Sets an employee's declared level and target on a topic (a learning goal when `target` is set).
pub fn upsert_goal(
    conn: &Connection,
    employee: EmployeeId,
    topic_id: &str,
    level: u8,
    target: Option<u8>,
) -> CoreResult<()> {
    conn.prepare_cached(
        "INSERT INTO skill_level (employee_id, topic_id, level, target) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (employee_id, topic_id)
         DO UPDATE SET level = excluded.level, target = excluded.target",
    )?
    .execute(params![employee.to_string(), topic_id, level, target])?;
    Ok(())
}
