//! Reads over many rows, parsed from the rows' bytes so that none allocates.
//!
//! **The program dashboard** reads each session of the program once
//! ([`for_each_program_session`]), and the per-pair tallies of topics and ratings that migration
//! 013's triggers keep ([`for_each_program_topic_tally`], [`for_each_program_rating_tally`]):
//! one row per pair and topic instead of one per topic taught and per log. On PostgreSQL every
//! row crossing the wire costs about half a microsecond of the client's time, which made the
//! topic and log rows most of a large program's dashboard.
//!
//! **The manager view** of a scope that holds most of the pairs (a top manager) reads the
//! self-assessment and log tables from end to end ([`for_each_confirmed_assessment`],
//! [`for_each_summary`]) and matches them to its held sessions in memory: looking a session's
//! rows up by its text id costs a B-tree descent each, and on PostgreSQL a nested loop of one
//! index search per held session. The view picks the way with [`approved_pair_total`].
//!
//! Session ids cross into Rust as [`SessionKey`]s (the uuid as a number).

use crate::store::db::Connection;
use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{conversion_error, depth_at, parse_stored_instant_bytes, status_at, stored_instant_at};
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

/// One session of a program's approved pair, as the dashboard counts it.
#[derive(Debug, Clone, Copy)]
pub struct SessionRow {
    pub pair_key: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub status: SessionStatus,
}

/// Index-only through `session_pair_progress` (migration 008) on SQLite. No ORDER BY: sorting
/// 100,000 rows would cost more than everything else, and the dashboard needs no order.
pub(crate) const PROGRAM_SESSIONS_SQL: &str = "SELECT p.rowid, s.starts_at, s.ends_at, s.status
     FROM program_pair p
     JOIN session s ON s.pair_id = p.id
     WHERE p.program_id = ?1 AND p.status = 'approved'";

/// Calls `f` for every session of the program's approved pairs, in no particular order.
pub fn for_each_program_session(
    conn: &Connection,
    program: ProgramId,
    mut f: impl FnMut(SessionRow),
) -> CoreResult<()> {
    let mut stmt = conn.prepare_cached(PROGRAM_SESSIONS_SQL)?;
    stmt.for_each_row([program.to_string()], |r| {
        f(SessionRow {
            pair_key: r.get(0)?,
            starts_at: instant_at(r, 1)?,
            ends_at: instant_at(r, 2)?,
            status: session_status_at(r, 3)?,
        });
        Ok(())
    })?;
    Ok(())
}

/// The sums and counts of one pair's session ratings (migration 013's `pair_rating_tally`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RatingTally {
    pub mentee_sum: i64,
    pub mentee_count: u32,
    pub mentor_sum: i64,
    pub mentor_count: u32,
}

pub(crate) const PROGRAM_RATINGS_SQL: &str =
    "SELECT p.rowid, r.mentee_sum, r.mentee_count, r.mentor_sum, r.mentor_count
     FROM program_pair p
     JOIN pair_rating_tally r ON r.pair_id = p.id
     WHERE p.program_id = ?1 AND p.status = 'approved'";

/// Calls `f(pair key, ratings)` for each approved pair of the program with a logged session.
pub fn for_each_program_rating_tally(
    conn: &Connection,
    program: ProgramId,
    mut f: impl FnMut(i64, RatingTally),
) -> CoreResult<()> {
    let count = |r: &crate::store::db::Row<'_>, column: usize| -> crate::store::db::Result<u32> {
        let n: i64 = r.get(column)?;
        u32::try_from(n).map_err(|_| conversion_error(column, format!("count {n}")))
    };
    let mut stmt = conn.prepare_cached(PROGRAM_RATINGS_SQL)?;
    stmt.for_each_row([program.to_string()], |r| {
        f(
            r.get(0)?,
            RatingTally {
                mentee_sum: r.get(1)?,
                mentee_count: count(r, 2)?,
                mentor_sum: r.get(3)?,
                mentor_count: count(r, 4)?,
            },
        );
        Ok(())
    })?;
    Ok(())
}

pub(crate) const PROGRAM_TOPICS_SQL: &str = "SELECT p.rowid, t.topic_id, t.depth, t.sessions
     FROM program_pair p
     JOIN pair_topic_tally t ON t.pair_id = p.id
     WHERE p.program_id = ?1 AND p.status = 'approved'";

/// Calls `f(pair key, topic id, depth, held sessions)` for each topic a held session of one of
/// the program's approved pairs taught (migration 013's `pair_topic_tally`), with the topic id as
/// the row's bytes (UTF-8 text; no copy, no check).
pub fn for_each_program_topic_tally(
    conn: &Connection,
    program: ProgramId,
    mut f: impl FnMut(i64, &[u8], TopicDepth, u32),
) -> CoreResult<()> {
    let mut stmt = conn.prepare_cached(PROGRAM_TOPICS_SQL)?;
    stmt.for_each_row([program.to_string()], |r| {
        let n: i64 = r.get(3)?;
        let n = u32::try_from(n).map_err(|_| conversion_error(3, format!("count {n}")))?;
        f(r.get(0)?, bytes_at(r, 1)?, topic_depth_at(r, 2)?, n);
        Ok(())
    })?;
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
    stmt.for_each_row((), |r| {
        f(key_at(r, 0)?, super::text_at(r, 1)?, super::level_at(r, 2)?);
        Ok(())
    })?;
    Ok(())
}

/// Every non-empty summary of a session log.
pub(crate) const ALL_SUMMARIES_SQL: &str =
    "SELECT session_id, summary FROM session_shared WHERE summary <> ''";

/// Calls `f(session, summary)` for every log with a non-empty summary, in any program, with the
/// summary borrowed from the row.
pub fn for_each_summary(conn: &Connection, mut f: impl FnMut(SessionKey, &str)) -> CoreResult<()> {
    let mut stmt = conn.prepare_cached(ALL_SUMMARIES_SQL)?;
    stmt.for_each_row((), |r| {
        f(key_at(r, 0)?, super::text_at(r, 1)?);
        Ok(())
    })?;
    Ok(())
}
