//! SQL for sessions, learning logs, self-assessments, charter acknowledgements and the pair rows
//! the session rules read.
//!
//! Free functions over `&Connection`, so they run on the store's connection or inside a
//! transaction; they do not validate (the `session` module does). Instants are written in UTC as
//! `YYYY-MM-DDTHH:MM:SSZ` ([`instant_text`]) so that text order is time order in SQL. To add a
//! session column: a migration, then `SESSION_COLUMNS`, `read_session`, [`insert_session`] and
//! [`update_session`] together.

use std::collections::HashMap;

use crate::store::db::{params, Connection, OptionalExtension, Row};
use chrono::{DateTime, SecondsFormat, Utc};
use uuid::Uuid;

use crate::domain::program::{PairStatus, ProgramId};
use crate::domain::session::{
    CancelledBy, LogInput, PairId, Session, SessionId, SessionStatus, TaskOutcome, TopicDepth,
};
use crate::domain::EmployeeId;
use crate::CoreResult;

fn conversion_error(column: usize, message: String) -> crate::store::db::Error {
    crate::store::db::Error::Conversion { column, message }
}

fn uuid_at(row: &Row<'_>, column: usize) -> crate::store::db::Result<Uuid> {
    let raw: String = row.get(column)?;
    Uuid::parse_str(&raw).map_err(|e| conversion_error(column, format!("id '{raw}': {e}")))
}

fn optional_uuid_at(row: &Row<'_>, column: usize) -> crate::store::db::Result<Option<Uuid>> {
    let raw: Option<String> = row.get(column)?;
    raw.map(|raw| {
        Uuid::parse_str(&raw).map_err(|e| conversion_error(column, format!("id '{raw}': {e}")))
    })
    .transpose()
}

fn instant_at(row: &Row<'_>, column: usize) -> crate::store::db::Result<DateTime<Utc>> {
    let raw: String = row.get(column)?;
    parse_instant(&raw).ok_or_else(|| conversion_error(column, format!("instant '{raw}'")))
}

fn optional_instant_at(
    row: &Row<'_>,
    column: usize,
) -> crate::store::db::Result<Option<DateTime<Utc>>> {
    let raw: Option<String> = row.get(column)?;
    raw.map(|raw| {
        parse_instant(&raw).ok_or_else(|| conversion_error(column, format!("instant '{raw}'")))
    })
    .transpose()
}

fn small_at<T: TryFrom<i64>>(row: &Row<'_>, column: usize) -> crate::store::db::Result<T> {
    let value: i64 = row.get(column)?;
    T::try_from(value).map_err(|_| conversion_error(column, format!("value {value} out of range")))
}

fn optional_small_at<T: TryFrom<i64>>(
    row: &Row<'_>,
    column: usize,
) -> crate::store::db::Result<Option<T>> {
    let value: Option<i64> = row.get(column)?;
    value
        .map(|v| {
            T::try_from(v).map_err(|_| conversion_error(column, format!("value {v} out of range")))
        })
        .transpose()
}

/// An instant as stored: UTC, whole seconds, `Z` suffix.
pub fn instant_text(instant: DateTime<Utc>) -> String {
    instant.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Reads an RFC 3339 instant (with or without fractions), as stored by any table.
pub fn parse_instant(raw: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(raw)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

// ---------------------------------------------------------------- pairs

/// What the session rules need to know about a pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairRow {
    pub id: PairId,
    pub program_id: ProgramId,
    pub mentor: EmployeeId,
    pub mentee: EmployeeId,
    pub status: PairStatus,
    /// When the pair was approved (set by a trigger of migration 007), `None` while proposed.
    pub approved_at: Option<DateTime<Utc>>,
}

const PAIR_ROW_COLUMNS: &str =
    "pr.id, pr.program_id, pr.mentor_id, pr.mentee_id, pr.status, pr.approved_at";

fn read_pair_row(row: &Row<'_>) -> crate::store::db::Result<PairRow> {
    let raw: String = row.get(4)?;
    Ok(PairRow {
        id: PairId(uuid_at(row, 0)?),
        program_id: ProgramId(uuid_at(row, 1)?),
        mentor: EmployeeId(uuid_at(row, 2)?),
        mentee: EmployeeId(uuid_at(row, 3)?),
        status: PairStatus::parse(&raw)
            .ok_or_else(|| conversion_error(4, format!("pair status '{raw}'")))?,
        approved_at: optional_instant_at(row, 5)?,
    })
}

pub fn pair_row(conn: &Connection, id: PairId) -> CoreResult<Option<PairRow>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {PAIR_ROW_COLUMNS} FROM program_pair pr WHERE pr.id = ?1"
        ))?
        .query_row([id.to_string()], read_pair_row)
        .optional()?)
}

/// The program's approved pairs, in mentee id order.
pub fn approved_pairs(conn: &Connection, program: ProgramId) -> CoreResult<Vec<PairRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {PAIR_ROW_COLUMNS} FROM program_pair pr
         WHERE pr.program_id = ?1 AND pr.status = 'approved' ORDER BY pr.mentee_id"
    ))?;
    let rows = stmt
        .query_map([program.to_string()], read_pair_row)?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// The approved pairs `person` is in, on either side, in program then pair order.
pub fn approved_pairs_of(conn: &Connection, person: EmployeeId) -> CoreResult<Vec<PairRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {PAIR_ROW_COLUMNS} FROM program_pair pr
         WHERE pr.status = 'approved' AND (pr.mentee_id = ?1 OR pr.mentor_id = ?1)
         ORDER BY pr.program_id, pr.id"
    ))?;
    let rows = stmt
        .query_map([person.to_string()], read_pair_row)?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// How many self-assessed levels of the pair's held sessions wait for the mentor's confirmation.
pub fn unconfirmed_assessments(conn: &Connection, pair: PairId) -> CoreResult<u32> {
    let n: i64 = conn
        .prepare_cached(
            "SELECT COUNT(*) FROM self_assessment sa JOIN session s ON s.id = sa.session_id
             WHERE s.pair_id = ?1 AND s.status = 'held' AND sa.confirmed_at IS NULL",
        )?
        .query_row([pair.to_string()], |r| r.get(0))?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// Backdates a pair's approval (the demo loader builds a program that started months ago).
pub fn set_pair_approved_at(conn: &Connection, id: PairId, at: DateTime<Utc>) -> CoreResult<()> {
    conn.prepare_cached("UPDATE program_pair SET approved_at = ?2 WHERE id = ?1")?
        .execute([id.to_string(), instant_text(at)])?;
    Ok(())
}

/// How many sessions (any status) the mentee's pair in the program has.
pub fn sessions_of_mentee_pair(
    conn: &Connection,
    program: ProgramId,
    mentee: EmployeeId,
) -> CoreResult<u32> {
    Ok(conn
        .prepare_cached(
            "SELECT COUNT(*) FROM session s JOIN program_pair pr ON pr.id = s.pair_id
             WHERE pr.program_id = ?1 AND pr.mentee_id = ?2",
        )?
        .query_row([program.to_string(), mentee.to_string()], |r| r.get(0))?)
}

/// How many sessions (any status) the pairs the employee is in within the program have.
pub fn sessions_of_participant(
    conn: &Connection,
    program: ProgramId,
    employee: EmployeeId,
) -> CoreResult<u32> {
    Ok(conn
        .prepare_cached(
            "SELECT COUNT(*) FROM session s JOIN program_pair pr ON pr.id = s.pair_id
             WHERE pr.program_id = ?1 AND (pr.mentee_id = ?2 OR pr.mentor_id = ?2)",
        )?
        .query_row([program.to_string(), employee.to_string()], |r| r.get(0))?)
}

// ---------------------------------------------------------------- sessions

/// The columns `read_session` expects; `s` is the session, `pr` its pair.
const SESSION_COLUMNS: &str = "s.id, s.pair_id, pr.program_id, pr.mentor_id, pr.mentee_id, \
     s.starts_at, s.ends_at, s.timezone, s.location, s.status, s.cancelled_by, s.cancel_reason, \
     s.series_id, s.sequence, s.created_at, s.updated_at";

const SESSION_FROM: &str = "session s JOIN program_pair pr ON pr.id = s.pair_id";

fn read_session(row: &Row<'_>) -> crate::store::db::Result<Session> {
    let mentor = EmployeeId(uuid_at(row, 3)?);
    let mentee = EmployeeId(uuid_at(row, 4)?);
    let raw: String = row.get(9)?;
    let status = SessionStatus::parse(&raw)
        .ok_or_else(|| conversion_error(9, format!("session status '{raw}'")))?;
    let by = optional_uuid_at(row, 10)?.map(EmployeeId);
    let cancelled_by = match (status, by) {
        (SessionStatus::Cancelled, None) => Some(CancelledBy::Hr),
        (SessionStatus::Cancelled, Some(id)) if id == mentor => Some(CancelledBy::Mentor),
        (SessionStatus::Cancelled, Some(id)) if id == mentee => Some(CancelledBy::Mentee),
        // Someone who is no longer in the pair cancelled it: HR's view is the safe reading.
        (SessionStatus::Cancelled, Some(_)) => Some(CancelledBy::Hr),
        _ => None,
    };
    Ok(Session {
        id: SessionId(uuid_at(row, 0)?),
        pair_id: PairId(uuid_at(row, 1)?),
        program_id: ProgramId(uuid_at(row, 2)?),
        mentor_id: mentor,
        mentee_id: mentee,
        starts_at: instant_at(row, 5)?,
        ends_at: instant_at(row, 6)?,
        timezone: row.get(7)?,
        location: row.get(8)?,
        status,
        cancelled_by,
        cancel_reason: row.get(11)?,
        series_id: optional_uuid_at(row, 12)?,
        sequence: small_at(row, 13)?,
        created_at: instant_at(row, 14)?,
        updated_at: instant_at(row, 15)?,
    })
}

fn cancelled_by_id(session: &Session) -> Option<String> {
    match session.cancelled_by {
        Some(CancelledBy::Mentor) => Some(session.mentor_id.to_string()),
        Some(CancelledBy::Mentee) => Some(session.mentee_id.to_string()),
        Some(CancelledBy::Hr) | None => None,
    }
}

pub fn insert_session(conn: &Connection, s: &Session) -> CoreResult<()> {
    conn.prepare_cached(
        "INSERT INTO session (id, pair_id, starts_at, ends_at, timezone, location, status,
             cancelled_by, cancel_reason, series_id, sequence, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params![
        s.id.to_string(),
        s.pair_id.to_string(),
        instant_text(s.starts_at),
        instant_text(s.ends_at),
        s.timezone,
        s.location,
        s.status.as_str(),
        cancelled_by_id(s),
        s.cancel_reason,
        s.series_id.map(|u| u.to_string()),
        s.sequence,
        instant_text(s.created_at),
        instant_text(s.updated_at),
    ])?;
    Ok(())
}

/// Writes every changeable field of a stored session (time, place, status, cancellation,
/// sequence, `updated_at`).
pub fn update_session(conn: &Connection, s: &Session) -> CoreResult<bool> {
    let n = conn
        .prepare_cached(
            "UPDATE session SET starts_at = ?2, ends_at = ?3, timezone = ?4, location = ?5,
                 status = ?6, cancelled_by = ?7, cancel_reason = ?8, sequence = ?9, updated_at = ?10
             WHERE id = ?1",
        )?
        .execute(params![
            s.id.to_string(),
            instant_text(s.starts_at),
            instant_text(s.ends_at),
            s.timezone,
            s.location,
            s.status.as_str(),
            cancelled_by_id(s),
            s.cancel_reason,
            s.sequence,
            instant_text(s.updated_at),
        ])?;
    Ok(n == 1)
}

pub fn get_session(conn: &Connection, id: SessionId) -> CoreResult<Option<Session>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {SESSION_COLUMNS} FROM {SESSION_FROM} WHERE s.id = ?1"
        ))?
        .query_row([id.to_string()], read_session)
        .optional()?)
}

fn query_sessions(
    conn: &Connection,
    sql: &str,
    params: impl crate::store::db::Params,
) -> CoreResult<Vec<Session>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt
        .query_map(params, read_session)?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// Every session of the pair, any status, in start order.
pub fn pair_sessions(conn: &Connection, pair: PairId) -> CoreResult<Vec<Session>> {
    query_sessions(
        conn,
        &format!(
            "SELECT {SESSION_COLUMNS} FROM {SESSION_FROM} WHERE s.pair_id = ?1
             ORDER BY s.starts_at, s.id"
        ),
        [pair.to_string()],
    )
}

/// Every session of the program's pairs, any status, in start order.
pub fn program_sessions(conn: &Connection, program: ProgramId) -> CoreResult<Vec<Session>> {
    query_sessions(
        conn,
        &format!(
            "SELECT {SESSION_COLUMNS} FROM {SESSION_FROM} WHERE pr.program_id = ?1
             ORDER BY s.starts_at, s.id"
        ),
        [program.to_string()],
    )
}

/// The person's sessions that still take their time (not cancelled), in any pair and program,
/// overlapping `[from, to)`, except `except`; in start order.
pub fn busy_sessions(
    conn: &Connection,
    person: EmployeeId,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    except: Option<SessionId>,
) -> CoreResult<Vec<Session>> {
    query_sessions(
        conn,
        &format!(
            "SELECT {SESSION_COLUMNS} FROM {SESSION_FROM}
             WHERE (pr.mentor_id = ?1 OR pr.mentee_id = ?1) AND s.status <> 'cancelled'
               AND s.starts_at < ?3 AND s.ends_at > ?2 AND s.id <> ?4
             ORDER BY s.starts_at, s.id"
        ),
        params![
            person.to_string(),
            instant_text(from),
            instant_text(to),
            except.map(|e| e.to_string()).unwrap_or_default(),
        ],
    )
}

/// Sessions starting in `[from, to)`, optionally only those of one person (either side) and
/// only planned ones; in start order.
pub fn sessions_starting(
    conn: &Connection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    person: Option<EmployeeId>,
    planned_only: bool,
) -> CoreResult<Vec<Session>> {
    query_sessions(
        conn,
        &format!(
            "SELECT {SESSION_COLUMNS} FROM {SESSION_FROM}
             WHERE s.starts_at >= ?1 AND s.starts_at < ?2
               AND (CAST(?3 AS TEXT) IS NULL OR pr.mentor_id = ?3 OR pr.mentee_id = ?3)
               AND (?4 = 0 OR s.status = 'planned')
             ORDER BY s.starts_at, s.id"
        ),
        params![
            instant_text(from),
            instant_text(to),
            person.map(|p| p.to_string()),
            planned_only,
        ],
    )
}

// ---------------------------------------------------------------- learning logs

/// A stored log without its topics and self-assessments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogRow {
    pub task_set: String,
    pub previous_task_outcome: Option<TaskOutcome>,
    pub summary: String,
    pub private_notes: String,
    pub mentee_rating: Option<u8>,
    pub mentor_rating: Option<u8>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

pub fn log_row(conn: &Connection, session: SessionId) -> CoreResult<Option<LogRow>> {
    Ok(conn
        .prepare_cached(
            "SELECT task_set, previous_task_outcome, summary, private_notes, mentee_rating,
                 mentor_rating, created_at, updated_at
             FROM session_log WHERE session_id = ?1",
        )?
        .query_row([session.to_string()], |r| {
            let outcome: Option<String> = r.get(1)?;
            Ok(LogRow {
                task_set: r.get(0)?,
                previous_task_outcome: outcome
                    .map(|raw| {
                        TaskOutcome::parse(&raw)
                            .ok_or_else(|| conversion_error(1, format!("outcome '{raw}'")))
                    })
                    .transpose()?,
                summary: r.get(2)?,
                private_notes: r.get(3)?,
                mentee_rating: optional_small_at(r, 4)?,
                mentor_rating: optional_small_at(r, 5)?,
                created_at: instant_at(r, 6)?,
                updated_at: instant_at(r, 7)?,
            })
        })
        .optional()?)
}

/// The topics logged for a session as `(topic id, depth)`, in catalog order.
pub fn log_topics(conn: &Connection, session: SessionId) -> CoreResult<Vec<(String, TopicDepth)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT st.topic_id, st.depth FROM session_topic st JOIN topic t ON t.id = st.topic_id
         WHERE st.session_id = ?1 ORDER BY t.platform_id, t.position, t.id",
    )?;
    let rows = stmt
        .query_map([session.to_string()], |r| {
            let raw: String = r.get(1)?;
            let depth = TopicDepth::parse(&raw)
                .ok_or_else(|| conversion_error(1, format!("depth '{raw}'")))?;
            Ok((r.get(0)?, depth))
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// A self-assessment as stored: topic id, level, and when the mentor confirmed it.
pub type StoredAssessment = (String, u8, Option<DateTime<Utc>>);

/// The self-assessments of a session as `(topic id, level, confirmed at)`, in catalog order.
pub fn self_assessments(
    conn: &Connection,
    session: SessionId,
) -> CoreResult<Vec<StoredAssessment>> {
    let mut stmt = conn.prepare_cached(
        "SELECT sa.topic_id, sa.level, sa.confirmed_at FROM self_assessment sa
         JOIN topic t ON t.id = sa.topic_id
         WHERE sa.session_id = ?1 ORDER BY t.platform_id, t.position, t.id",
    )?;
    let rows = stmt
        .query_map([session.to_string()], |r| {
            Ok((r.get(0)?, small_at(r, 1)?, optional_instant_at(r, 2)?))
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// Writes a validated log, replacing the previous one with its topics and self-assessments.
/// `levels` carries each self-assessment's confirmation as the caller decided to keep it.
pub fn replace_log(
    conn: &Connection,
    session: SessionId,
    log: &LogInput,
    confirmations: &HashMap<String, DateTime<Utc>>,
    created_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    let key = session.to_string();
    conn.prepare_cached(
        "INSERT INTO session_log (session_id, task_set, previous_task_outcome, summary,
             private_notes, mentee_rating, mentor_rating, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (session_id) DO UPDATE SET task_set = excluded.task_set,
             previous_task_outcome = excluded.previous_task_outcome, summary = excluded.summary,
             private_notes = excluded.private_notes, mentee_rating = excluded.mentee_rating,
             mentor_rating = excluded.mentor_rating, updated_at = excluded.updated_at",
    )?
    .execute(params![
        key,
        log.task_set,
        log.previous_task_outcome.map(TaskOutcome::as_str),
        log.summary,
        log.private_notes,
        log.mentee_rating,
        log.mentor_rating,
        instant_text(created_at),
        instant_text(now),
    ])?;
    conn.prepare_cached("DELETE FROM session_topic WHERE session_id = ?1")?
        .execute([&key])?;
    let mut topic = conn.prepare_cached(
        "INSERT INTO session_topic (session_id, topic_id, depth) VALUES (?1, ?2, ?3)",
    )?;
    for t in &log.topics {
        topic.execute(params![key, t.topic_id, t.depth.as_str()])?;
    }
    conn.prepare_cached("DELETE FROM self_assessment WHERE session_id = ?1")?
        .execute([&key])?;
    let mut assessment = conn.prepare_cached(
        "INSERT INTO self_assessment (session_id, topic_id, level, confirmed_at)
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for a in &log.self_assessment {
        assessment.execute(params![
            key,
            a.topic_id,
            a.level,
            confirmations.get(&a.topic_id).map(|t| instant_text(*t)),
        ])?;
    }
    Ok(())
}

/// Confirms the session's unconfirmed self-assessments; returns how many changed.
pub fn confirm_self_assessments(
    conn: &Connection,
    session: SessionId,
    now: DateTime<Utc>,
) -> CoreResult<usize> {
    Ok(conn
        .prepare_cached(
            "UPDATE self_assessment SET confirmed_at = ?2
             WHERE session_id = ?1 AND confirmed_at IS NULL",
        )?
        .execute([session.to_string(), instant_text(now)])?)
}

// ---------------------------------------------------------------- charter

/// Who acknowledged the program's charter, and when.
pub fn acknowledgements(
    conn: &Connection,
    program: ProgramId,
) -> CoreResult<HashMap<EmployeeId, DateTime<Utc>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT employee_id, acknowledged_at FROM charter_acknowledgement WHERE program_id = ?1",
    )?;
    let rows = stmt
        .query_map([program.to_string()], |r| {
            Ok((EmployeeId(uuid_at(r, 0)?), instant_at(r, 1)?))
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// Records an acknowledgement unless one exists (the first date is kept); true if written.
pub fn acknowledge(
    conn: &Connection,
    program: ProgramId,
    employee: EmployeeId,
    at: DateTime<Utc>,
) -> CoreResult<bool> {
    let n = conn
        .prepare_cached(
            "INSERT INTO charter_acknowledgement (program_id, employee_id, acknowledged_at)
             VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
        )?
        .execute([program.to_string(), employee.to_string(), instant_text(at)])?;
    Ok(n == 1)
}

/// The sessions of the program that have a learning log.
pub fn logged_sessions(
    conn: &Connection,
    program: ProgramId,
) -> CoreResult<std::collections::HashSet<SessionId>> {
    let mut stmt = conn.prepare_cached(
        "SELECT l.session_id FROM session_log l JOIN session s ON s.id = l.session_id
         JOIN program_pair pr ON pr.id = s.pair_id WHERE pr.program_id = ?1",
    )?;
    let rows = stmt
        .query_map([program.to_string()], |r| Ok(SessionId(uuid_at(r, 0)?)))?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}
