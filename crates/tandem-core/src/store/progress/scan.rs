//! The program dashboard's reads for a program that holds most of the database's pairs: whole-table
//! scans joined in memory by the caller, instead of one index search per held session.
//!
//! Why: looking up a session's log and topics by its text id costs a B-tree descent with string
//! comparisons each time; when a program covers most sessions, reading the log and topic tables
//! once from end to end and matching session ids in a hash map is about twice as fast. For a
//! small program the searches stay cheaper (see [`crate::store::progress::program_session_facts`]
//! and [`crate::store::progress::for_each_program_topic`]); the dashboard picks the way with
//! [`approved_pair_total`]. Both ways give the same figures (a unit test of the dashboard checks
//! it).
//!
//! The manager view of a scope that holds most of the pairs (a top manager) reads the
//! self-assessment and log tables the same way ([`for_each_confirmed_assessment`],
//! [`for_each_summary`]) and matches them to its held sessions in memory; on PostgreSQL this also
//! spares the server a nested loop of one index search per held session.
//!
//! Session ids cross into Rust as [`SessionKey`]s (the uuid as a number), so no row allocates.

use crate::store::db::Connection;
use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{
    conversion_error, depth_at, optional_small_at, parse_stored_instant_bytes, status_at,
    stored_instant_at,
};
use crate::domain::program::ProgramId;
use crate::domain::session::{SessionStatus, TopicDepth};
use crate::CoreResult;

/// A session id as a number: cheap to hash and compare.
pub type SessionKey = u128;

/// The id at `column`, parsed from the row's bytes (ids are ASCII; no UTF-8 check needed).
fn key_at(row: &crate::store::db::Row<'_>, column: usize) -> crate::store::db::Result<SessionKey> {
    let raw = bytes_at(row, column)?;
    Uuid::try_parse_ascii(raw)
        .map(|u| u.as_u128())
        .map_err(|e| {
            let raw = String::from_utf8_lossy(raw);
            conversion_error(column, format!("id '{raw}': {e}"))
        })
}

/// The text at `column` as bytes, borrowed from the row.
fn bytes_at<'r>(
    row: &'r crate::store::db::Row<'_>,
    column: usize,
) -> crate::store::db::Result<&'r [u8]> {
    row.get_ref(column)?.as_bytes()
}

/// An instant at `column`, parsed from the row's bytes when it has the stored shape; any other
/// shape goes through [`stored_instant_at`].
fn instant_at(
    row: &crate::store::db::Row<'_>,
    column: usize,
) -> crate::store::db::Result<DateTime<Utc>> {
    match parse_stored_instant_bytes(bytes_at(row, column)?) {
        Some(at) => Ok(at),
        None => stored_instant_at(row, column),
    }
}

/// The statuses a session row holds, matched on the row's bytes; anything else goes through
/// [`SessionStatus::parse`] (and its error).
const STATUSES: [SessionStatus; 4] = [
    SessionStatus::Held,
    SessionStatus::Planned,
    SessionStatus::Cancelled,
    SessionStatus::NoShow,
];

fn session_status_at(
    row: &crate::store::db::Row<'_>,
    column: usize,
) -> crate::store::db::Result<SessionStatus> {
    let raw = bytes_at(row, column)?;
    match STATUSES.iter().find(|s| s.as_str().as_bytes() == raw) {
        Some(&status) => Ok(status),
        None => status_at(row, column),
    }
}

fn topic_depth_at(
    row: &crate::store::db::Row<'_>,
    column: usize,
) -> crate::store::db::Result<TopicDepth> {
    let raw = bytes_at(row, column)?;
    match TopicDepth::ALL
        .iter()
        .find(|d| d.as_str().as_bytes() == raw)
    {
        Some(&depth) => Ok(depth),
        None => depth_at(row, column),
    }
}

/// How many approved pairs the database holds, over every program.
pub fn approved_pair_total(conn: &Connection) -> CoreResult<usize> {
    let n: i64 = conn
        .prepare_cached("SELECT COUNT(*) FROM program_pair WHERE status = 'approved'")?
        .query_row((), |r| r.get(0))?;
    Ok(usize::try_from(n).unwrap_or(0))
}

/// One session of a program's approved pair, with its id for the in-memory joins.
#[derive(Debug, Clone, Copy)]
pub struct KeyedSessionRow {
    pub pair_key: i64,
    pub session: SessionKey,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub status: SessionStatus,
}

/// Index-only through `session_pair_progress` (migration 008), which ends with the session id.
pub(crate) const KEYED_SESSIONS_SQL: &str = "SELECT p.rowid, s.id, s.starts_at, s.ends_at, s.status
     FROM program_pair p
     JOIN session s ON s.pair_id = p.id
     WHERE p.program_id = ?1 AND p.status = 'approved'";

/// Calls `f` for every session of the program's approved pairs, in no particular order.
pub fn for_each_keyed_session(
    conn: &Connection,
    program: ProgramId,
    mut f: impl FnMut(KeyedSessionRow),
) -> CoreResult<()> {
    let mut stmt = conn.prepare_cached(KEYED_SESSIONS_SQL)?;
    let mut rows = stmt.query([program.to_string()])?;
    while let Some(r) = rows.next()? {
        let r = &r;
        f(KeyedSessionRow {
            pair_key: r.get(0)?,
            session: key_at(r, 1)?,
            starts_at: instant_at(r, 2)?,
            ends_at: instant_at(r, 3)?,
            status: session_status_at(r, 4)?,
        });
    }
    Ok(())
}

/// The whole ratings index (migration 008); logs without any rating are left out.
pub(crate) const ALL_RATINGS_SQL: &str = "SELECT session_id, mentee_rating, mentor_rating
     FROM session_log INDEXED BY session_log_ratings
     WHERE mentee_rating IS NOT NULL OR mentor_rating IS NOT NULL";

/// Calls `f(session, mentee rating, mentor rating)` for every log with a rating, in any program.
pub fn for_each_log_rating(
    conn: &Connection,
    mut f: impl FnMut(SessionKey, Option<u8>, Option<u8>),
) -> CoreResult<()> {
    let mut stmt = conn.prepare_cached(ALL_RATINGS_SQL)?;
    let mut rows = stmt.query(())?;
    while let Some(r) = rows.next()? {
        let r = &r;
        f(
            key_at(r, 0)?,
            optional_small_at(r, 1)?,
            optional_small_at(r, 2)?,
        );
    }
    Ok(())
}

/// Every topic row, in the table's own order.
pub(crate) const ALL_TOPICS_SQL: &str = "SELECT session_id, topic_id, depth FROM session_topic";

/// Calls `f(session, topic id, depth)` for every topic taught in any session, with the topic id
/// as the row's bytes (UTF-8 text; no copy, no check).
pub fn for_each_session_topic(
    conn: &Connection,
    mut f: impl FnMut(SessionKey, &[u8], TopicDepth),
) -> CoreResult<()> {
    let mut stmt = conn.prepare_cached(ALL_TOPICS_SQL)?;
    let mut rows = stmt.query(())?;
    while let Some(r) = rows.next()? {
        let r = &r;
        f(key_at(r, 0)?, bytes_at(r, 1)?, topic_depth_at(r, 2)?);
    }
    Ok(())
}

/// How many sessions the program's approved pairs have: the cheapest walk over them, a floor for
/// the dashboard's timings in the `progress` benchmark.
pub fn program_session_count(store: &crate::Store, program: ProgramId) -> CoreResult<usize> {
    let n: i64 = store
        .conn()
        .prepare_cached(
            "SELECT COUNT(*) FROM program_pair p JOIN session s ON s.pair_id = p.id
             WHERE p.program_id = ?1 AND p.status = 'approved'",
        )?
        .query_row([program.to_string()], |r| r.get(0))?;
    Ok(usize::try_from(n).unwrap_or(0))
}

/// Every confirmed self-assessment, in the table's own order (session id order).
pub(crate) const ALL_CONFIRMED_SQL: &str = "SELECT session_id, topic_id, level
     FROM self_assessment WHERE confirmed_at IS NOT NULL";

/// Calls `f(session, topic id, level)` for every confirmed self-assessment, in any program: the
/// manager view's scan when its people hold most of the pairs.
pub fn for_each_confirmed_assessment(
    conn: &Connection,
    mut f: impl FnMut(SessionKey, &str, u8),
) -> CoreResult<()> {
    let mut stmt = conn.prepare_cached(ALL_CONFIRMED_SQL)?;
    let mut rows = stmt.query(())?;
    while let Some(r) = rows.next()? {
        let r = &r;
        f(key_at(r, 0)?, super::text_at(r, 1)?, super::level_at(r, 2)?);
    }
    Ok(())
}

/// Every non-empty summary of a session log.
pub(crate) const ALL_SUMMARIES_SQL: &str =
    "SELECT session_id, summary FROM session_shared WHERE summary <> ''";

/// Calls `f(session, summary)` for every log with a non-empty summary, in any program, with the
/// summary borrowed from the row.
pub fn for_each_summary(conn: &Connection, mut f: impl FnMut(SessionKey, &str)) -> CoreResult<()> {
    let mut stmt = conn.prepare_cached(ALL_SUMMARIES_SQL)?;
    let mut rows = stmt.query(())?;
    while let Some(r) = rows.next()? {
        let r = &r;
        f(key_at(r, 0)?, super::text_at(r, 1)?);
    }
    Ok(())
}
