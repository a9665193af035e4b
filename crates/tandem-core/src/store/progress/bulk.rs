//! Fast inserts of complete session records (session, log, topics, self-assessments) and charter
//! acknowledgements, for synthetic databases, the `progress` benchmark and test fixtures.
//!
//! These functions do not validate anything: the app records sessions through the `session`
//! module, which checks every rule. Call them inside one transaction
//! ([`crate::Store::transaction`]). Sessions, logs, topics and self-assessments go in as multi-row
//! INSERTs of up to [`ROWS_PER_INSERT`] rows, each statement prepared once per batch size: on
//! PostgreSQL every statement is a round trip to the server, so a hundred thousand sessions take
//! seconds, not a minute.

use crate::store::db::{params, params_from_iter, Connection, ToSql, Value};
use chrono::{DateTime, Utc};

use crate::domain::program::ProgramId;
use crate::domain::session::{PairId, SessionId, SessionStatus, TaskOutcome, TopicDepth};
use crate::domain::EmployeeId;
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

/// Rows per multi-row INSERT: 100 sessions of 8 values stay far below either engine's limit on
/// parameters (SQLite's 32,766, PostgreSQL's 65,535).
const ROWS_PER_INSERT: usize = 100;

/// Inserts `rows` (each the same number of values) into `head` (`INSERT INTO t (cols) VALUES`) with one
/// multi-row statement per [`ROWS_PER_INSERT`] rows; `tail` is the SQL of one row after its
/// placeholders (constants the row repeats). On PostgreSQL each statement is a round trip to the
/// server, so one per row would make a hundred thousand sessions take a minute instead of seconds.
fn insert_rows(conn: &Connection, head: &str, tail: &str, rows: &[Vec<Value>]) -> CoreResult<()> {
    let width = rows.first().map_or(0, Vec::len);
    for chunk in rows.chunks(ROWS_PER_INSERT) {
        let tuples: Vec<String> = (0..chunk.len())
            .map(|r| {
                let marks: Vec<String> =
                    (1..=width).map(|c| format!("?{}", r * width + c)).collect();
                format!("({}{tail})", marks.join(", "))
            })
            .collect();
        let sql = format!("{head} {}", tuples.join(", "));
        conn.prepare_cached(&sql)?
            .execute(params_from_iter(chunk.iter().flatten()))?;
    }
    Ok(())
}

/// Inserts sessions with their logs, topics and self-assessments. Use inside a transaction.
pub fn insert_session_records(conn: &Connection, records: &[SessionRecord]) -> CoreResult<()> {
    let now = Value::Text(timestamp(Utc::now()));
    let text = |s: &str| Value::Text(s.to_owned());
    let mut sessions = Vec::with_capacity(records.len());
    let mut logs = Vec::new();
    let mut topics = Vec::new();
    let mut assessments = Vec::new();
    for r in records {
        let id = Value::Text(r.id.to_string());
        sessions.push(vec![
            id.clone(),
            Value::Text(r.pair_id.to_string()),
            Value::Text(timestamp(r.starts_at)),
            Value::Text(timestamp(r.ends_at)),
            text(&r.timezone),
            text(r.status.as_str()),
            r.cancelled_by.map(|e| e.to_string()).to_value()?,
            now.clone(),
            now.clone(),
        ]);
        if let Some(l) = &r.log {
            logs.push(vec![
                id.clone(),
                text(&l.task_set),
                l.previous_task_outcome
                    .map(TaskOutcome::as_str)
                    .to_value()?,
                text(&l.summary),
                text(&l.private_notes),
                l.mentee_rating.to_value()?,
                l.mentor_rating.to_value()?,
                now.clone(),
                now.clone(),
            ]);
        }
        for (topic_id, depth) in &r.topics {
            topics.push(vec![id.clone(), text(topic_id), text(depth.as_str())]);
        }
        for a in &r.assessments {
            assessments.push(vec![
                id.clone(),
                text(&a.topic_id),
                a.level.to_value()?,
                a.confirmed_at.map(timestamp).to_value()?,
            ]);
        }
    }
    insert_rows(
        conn,
        "INSERT INTO session (id, pair_id, starts_at, ends_at, timezone, status, cancelled_by,
             created_at, updated_at, cancel_reason) VALUES",
        ", ''",
        &sessions,
    )?;
    insert_rows(
        conn,
        "INSERT INTO session_log (session_id, task_set, previous_task_outcome, summary,
             private_notes, mentee_rating, mentor_rating, created_at, updated_at) VALUES",
        "",
        &logs,
    )?;
    insert_rows(
        conn,
        "INSERT INTO session_topic (session_id, topic_id, depth) VALUES",
        "",
        &topics,
    )?;
    insert_rows(
        conn,
        "INSERT INTO self_assessment (session_id, topic_id, level, confirmed_at) VALUES",
        "",
        &assessments,
    )?;
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
