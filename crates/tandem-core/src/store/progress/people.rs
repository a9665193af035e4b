//! Reads for one person's progress: declared and confirmed levels, a mentee's pairs, sessions and
//! topics, the manager view's scope, pairs and summaries, and a mentor's teaching. Same rules as
//! the parent module: approved pairs only, and never the log's private notes.

use crate::store::db::{params, Connection, Engine, OptionalExtension, Row};
use chrono::{DateTime, Utc};

use super::{
    depth_at, instant_at, level_at, optional_small_at, person_columns, read_person,
    read_program_ref, status_at, timestamp, uuid_at, PROGRAM_REF_COLUMNS,
};
use crate::domain::program::{PersonSummary, ProgramId};
use crate::domain::progress::ProgramRef;
use crate::domain::session::{PairId, SessionId, SessionStatus, TaskOutcome, TopicDepth};
use crate::domain::EmployeeId;
use crate::CoreResult;

/// A declared level (`skill_level`) of one employee.
#[derive(Debug, Clone)]
pub struct DeclaredLevel {
    pub employee: EmployeeId,
    pub topic_id: String,
    pub level: u8,
    pub target: Option<u8>,
}

/// The declared levels of a set of employees (a JSON array, see [`id_list`]).
pub fn declared_levels(conn: &Connection, employees: &str) -> CoreResult<Vec<DeclaredLevel>> {
    let rows = conn
        .prepare_cached(
            "SELECT k.employee_id, k.topic_id, k.level, k.target
             FROM skill_level k
             WHERE k.employee_id IN (SELECT value FROM json_each(?1))
             ORDER BY k.employee_id, k.topic_id",
        )?
        .query_map([employees], |r| {
            Ok(DeclaredLevel {
                employee: EmployeeId(uuid_at(r, 0)?),
                topic_id: r.get(1)?,
                level: level_at(r, 2)?,
                target: optional_small_at(r, 3)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// A self-assessment the mentor confirmed, in a held session of an approved pair.
#[derive(Debug, Clone)]
pub struct ConfirmedLevel {
    pub mentee: EmployeeId,
    pub session_id: SessionId,
    pub at: DateTime<Utc>,
    pub topic_id: String,
    pub level: u8,
}

fn read_confirmed(r: &Row<'_>) -> crate::store::db::Result<ConfirmedLevel> {
    Ok(ConfirmedLevel {
        mentee: EmployeeId(uuid_at(r, 0)?),
        session_id: SessionId(uuid_at(r, 1)?),
        at: instant_at(r, 2)?,
        topic_id: r.get(3)?,
        level: level_at(r, 4)?,
    })
}

const CONFIRMED_COLUMNS: &str = "p.mentee_id, s.id, unixepoch(s.starts_at), sa.topic_id, sa.level";

/// Every confirmed self-assessment of one mentee, in one program or all, in session order.
pub fn confirmed_levels_of(
    conn: &Connection,
    mentee: EmployeeId,
    program: Option<ProgramId>,
) -> CoreResult<Vec<ConfirmedLevel>> {
    let rows = conn
        .prepare_cached(&format!(
            "SELECT {CONFIRMED_COLUMNS}
             FROM program_pair p
             JOIN session s ON s.pair_id = p.id AND s.status = 'held'
             JOIN self_assessment sa ON sa.session_id = s.id AND sa.confirmed_at IS NOT NULL
             WHERE p.mentee_id = ?1 AND p.status = 'approved'
               AND (CAST(?2 AS TEXT) IS NULL OR p.program_id = ?2)
             ORDER BY s.starts_at, s.id, sa.topic_id"
        ))?
        .query_map(
            params![mentee.to_string(), program.map(|p| p.to_string())],
            read_confirmed,
        )?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// The latest confirmed level per mentee and topic over the held sessions of a program's
/// approved pairs. Ties on the same instant go to the greater session id, so the answer is stable.
pub fn latest_confirmed_in_program(
    conn: &Connection,
    program: ProgramId,
) -> CoreResult<Vec<ConfirmedLevel>> {
    latest_confirmed(conn, "p.program_id = ?1", &program.to_string())
}

/// The latest confirmed level per mentee and topic over every approved pair of a set of mentees
/// (a JSON array, see [`id_list`]).
pub fn latest_confirmed_of(conn: &Connection, mentees: &str) -> CoreResult<Vec<ConfirmedLevel>> {
    latest_confirmed(
        conn,
        "p.mentee_id IN (SELECT value FROM json_each(?1))",
        mentees,
    )
}

/// Shaped for both engines alike: the rows come unsorted and the latest per mentee and topic is
/// kept here, in one pass. Grouping in SQL cost a sort of every confirmed self-assessment (over a
/// hundred thousand for a large manager's people, spilled to disk on PostgreSQL), and the
/// instant is read as text ([`super::stored_instant_at`]) because PostgreSQL's `unixepoch` is a
/// function call per row.
fn latest_confirmed(conn: &Connection, filter: &str, key: &str) -> CoreResult<Vec<ConfirmedLevel>> {
    let sql = format!(
        "SELECT p.mentee_id, s.id, s.starts_at, sa.topic_id, sa.level
         FROM program_pair p
         JOIN session s ON s.pair_id = p.id AND s.status = 'held'
         JOIN self_assessment sa ON sa.session_id = s.id AND sa.confirmed_at IS NOT NULL
         WHERE {filter} AND p.status = 'approved'"
    );
    let mut latest = LatestConfirmed::default();
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query([key])?;
    while let Some(r) = rows.next()? {
        let r = &r;
        latest.add(
            EmployeeId(uuid_at(r, 0)?),
            SessionId(uuid_at(r, 1)?),
            super::stored_instant_at(r, 2)?,
            super::text_at(r, 3)?,
            level_at(r, 4)?,
        );
    }
    Ok(latest.finish())
}

/// The latest confirmed level per mentee and topic of rows given in any order (ties on the
/// instant go to the greater session id).
#[derive(Debug, Default)]
pub struct LatestConfirmed {
    by_mentee: std::collections::HashMap<EmployeeId, Vec<ConfirmedLevel>>,
}

impl LatestConfirmed {
    /// A confirmed self-assessment of `mentee` on `topic_id` in a held session at `at`.
    pub fn add(
        &mut self,
        mentee: EmployeeId,
        session_id: SessionId,
        at: DateTime<Utc>,
        topic_id: &str,
        level: u8,
    ) {
        let topics = self.by_mentee.entry(mentee).or_default();
        match topics.iter_mut().find(|c| c.topic_id == topic_id) {
            Some(c) if (at, session_id.0) > (c.at, c.session_id.0) => {
                c.session_id = session_id;
                c.at = at;
                c.level = level;
            }
            Some(_) => {}
            None => topics.push(ConfirmedLevel {
                mentee,
                session_id,
                at,
                topic_id: topic_id.to_owned(),
                level,
            }),
        }
    }

    /// The latest levels, by mentee then topic id.
    pub fn finish(self) -> Vec<ConfirmedLevel> {
        let mut out: Vec<ConfirmedLevel> = self.by_mentee.into_values().flatten().collect();
        out.sort_by(|a, b| (a.mentee.0, &a.topic_id).cmp(&(b.mentee.0, &b.topic_id)));
        out
    }
}

// ---------------------------------------------------------------- mentee progress

/// A mentee's approved pairs (in one program or all), earliest program first.
pub fn mentee_pairs(
    conn: &Connection,
    mentee: EmployeeId,
    program: Option<ProgramId>,
) -> CoreResult<Vec<(PairId, ProgramRef, PersonSummary)>> {
    let sql = format!(
        "SELECT p.id, {PROGRAM_REF_COLUMNS}, {}
         FROM program_pair p
         JOIN program g ON g.id = p.program_id
         JOIN employee t ON t.id = p.mentor_id
         WHERE p.mentee_id = ?1 AND p.status = 'approved' AND (CAST(?2 AS TEXT) IS NULL OR p.program_id = ?2)
         ORDER BY g.start_date, g.id",
        person_columns("t")
    );
    let rows = conn
        .prepare_cached(&sql)?
        .query_map(
            params![mentee.to_string(), program.map(|p| p.to_string())],
            |r| {
                Ok((
                    PairId(uuid_at(r, 0)?),
                    read_program_ref(r, 1)?,
                    read_person(r, 5)?,
                ))
            },
        )?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// A session with its log's shareable fields.
#[derive(Debug, Clone)]
pub struct LoggedSession {
    pub session_id: SessionId,
    pub pair_id: PairId,
    pub program_id: ProgramId,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub status: SessionStatus,
    /// Whether a log exists.
    pub logged: bool,
    pub summary: String,
    pub task_set: String,
    pub previous_task_outcome: Option<TaskOutcome>,
    pub mentee_rating: Option<u8>,
    pub mentor_rating: Option<u8>,
}

/// Every session of a mentee's approved pairs (in one program or all), in time order.
pub fn mentee_sessions(
    conn: &Connection,
    mentee: EmployeeId,
    program: Option<ProgramId>,
) -> CoreResult<Vec<LoggedSession>> {
    let rows = conn
        .prepare_cached(
            "SELECT s.id, p.id, p.program_id, unixepoch(s.starts_at), unixepoch(s.ends_at),
                    s.status, h.session_id IS NOT NULL, COALESCE(h.summary, ''),
                    COALESCE(h.task_set, ''), h.previous_task_outcome, l.mentee_rating,
                    l.mentor_rating
             FROM program_pair p
             JOIN session s ON s.pair_id = p.id
             LEFT JOIN session_shared h ON h.session_id = s.id
             LEFT JOIN session_log l ON l.session_id = s.id
             WHERE p.mentee_id = ?1 AND p.status = 'approved' AND (CAST(?2 AS TEXT) IS NULL OR p.program_id = ?2)
             ORDER BY s.starts_at, s.id",
        )?
        .query_map(
            params![mentee.to_string(), program.map(|p| p.to_string())],
            |r| {
                let outcome: Option<String> = r.get(9)?;
                Ok(LoggedSession {
                    session_id: SessionId(uuid_at(r, 0)?),
                    pair_id: PairId(uuid_at(r, 1)?),
                    program_id: ProgramId(uuid_at(r, 2)?),
                    starts_at: instant_at(r, 3)?,
                    ends_at: instant_at(r, 4)?,
                    status: status_at(r, 5)?,
                    logged: r.get(6)?,
                    summary: r.get(7)?,
                    task_set: r.get(8)?,
                    previous_task_outcome: outcome.as_deref().and_then(TaskOutcome::parse),
                    mentee_rating: optional_small_at(r, 10)?,
                    mentor_rating: optional_small_at(r, 11)?,
                })
            },
        )?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// A topic taught in a held session.
#[derive(Debug, Clone)]
pub struct SessionTopicRow {
    pub session_id: SessionId,
    pub at: DateTime<Utc>,
    pub topic_id: String,
    pub depth: TopicDepth,
}

/// Topics taught in the held sessions of a mentee's approved pairs, in time order.
pub fn mentee_session_topics(
    conn: &Connection,
    mentee: EmployeeId,
    program: Option<ProgramId>,
) -> CoreResult<Vec<SessionTopicRow>> {
    let rows = conn
        .prepare_cached(
            "SELECT s.id, unixepoch(s.starts_at), st.topic_id, st.depth
             FROM program_pair p
             JOIN session s ON s.pair_id = p.id AND s.status = 'held'
             JOIN session_topic st ON st.session_id = s.id
             WHERE p.mentee_id = ?1 AND p.status = 'approved' AND (CAST(?2 AS TEXT) IS NULL OR p.program_id = ?2)
             ORDER BY s.starts_at, s.id, st.topic_id",
        )?
        .query_map(
            params![mentee.to_string(), program.map(|p| p.to_string())],
            |r| {
                Ok(SessionTopicRow {
                    session_id: SessionId(uuid_at(r, 0)?),
                    at: instant_at(r, 1)?,
                    topic_id: r.get(2)?,
                    depth: depth_at(r, 3)?,
                })
            },
        )?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

// ---------------------------------------------------------------- manager view

/// Everyone under `manager`, at any depth (not the manager), in no particular order.
pub fn people_under(conn: &Connection, manager: EmployeeId) -> CoreResult<Vec<EmployeeId>> {
    let rows = conn
        .prepare_cached(
            "WITH RECURSIVE under(id) AS (
                 SELECT id FROM employee WHERE manager_id = ?1
                 UNION
                 SELECT e.id FROM employee e JOIN under u ON e.manager_id = u.id
             )
             SELECT id FROM under",
        )?
        .query_map([manager.to_string()], |r| Ok(EmployeeId(uuid_at(r, 0)?)))?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// Everyone in a department (exact name, case-insensitive, surrounding spaces ignored).
pub fn people_in_department(conn: &Connection, department: &str) -> CoreResult<Vec<EmployeeId>> {
    let rows = conn
        .prepare_cached(&format!(
            "SELECT id FROM employee WHERE {} = {}",
            conn.nocase("department"),
            conn.nocase("?1")
        ))?
        .query_map([department.trim()], |r| Ok(EmployeeId(uuid_at(r, 0)?)))?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// The department's name as stored (its most common spelling), if anyone is in it.
pub fn department_name(conn: &Connection, department: &str) -> CoreResult<Option<String>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT department FROM employee WHERE {} = {}
             GROUP BY department ORDER BY COUNT(*) DESC, department LIMIT 1",
            conn.nocase("department"),
            conn.nocase("?1")
        ))?
        .query_row([department.trim()], |r| r.get(0))
        .optional()?)
}

/// An approved pair with someone of a set of people in it, as the manager view lists it.
#[derive(Debug, Clone)]
pub struct ScopedPair {
    pub pair_id: PairId,
    pub program: ProgramRef,
    pub mentee: PersonSummary,
    pub mentor: PersonSummary,
    pub sessions_held: u32,
    /// Seconds of held sessions.
    pub seconds_held: i64,
    pub last_held: Option<DateTime<Utc>>,
    /// The first planned session after `now`.
    pub next_planned: Option<DateTime<Utc>>,
    /// The held sessions: id and start.
    pub held: Vec<(SessionId, DateTime<Utc>)>,
}

/// Every approved pair whose mentee or mentor is in `people` (a JSON array), without their
/// sessions (see [`add_session_figures`]), in program then pair order.
pub fn scoped_pairs(conn: &Connection, people: &str) -> CoreResult<Vec<ScopedPair>> {
    let sql = format!(
        "WITH scope(id) AS (SELECT value FROM json_each(?1)),
         pairs AS (
             SELECT p.* FROM program_pair p WHERE p.status = 'approved'
                AND p.mentee_id IN (SELECT id FROM scope)
             UNION
             SELECT p.* FROM program_pair p WHERE p.status = 'approved'
                AND p.mentor_id IN (SELECT id FROM scope)
         )
         SELECT p.id, {PROGRAM_REF_COLUMNS}, {}, {}
         FROM pairs p
         JOIN program g ON g.id = p.program_id
         JOIN employee m ON m.id = p.mentee_id
         JOIN employee t ON t.id = p.mentor_id
         ORDER BY g.start_date, g.id, p.id",
        person_columns("m"),
        person_columns("t")
    );
    let pairs: Vec<ScopedPair> = conn
        .prepare_cached(&sql)?
        .query_map([people], |r| {
            Ok(ScopedPair {
                pair_id: PairId(uuid_at(r, 0)?),
                program: read_program_ref(r, 1)?,
                mentee: read_person(r, 5)?,
                mentor: read_person(r, 12)?,
                sessions_held: 0,
                seconds_held: 0,
                last_held: None,
                next_planned: None,
                held: Vec::new(),
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(pairs)
}

/// Fills in the held-session aggregates of `pairs` at `now`: one statement over their held and
/// upcoming planned sessions through the covering index `session_pair_progress` (migration 008),
/// added up here. Four aggregate subqueries per pair cost one index search each, and `unixepoch`
/// per session, which on PostgreSQL is a function call per row; the stored instants are parsed
/// here instead.
pub fn add_session_figures(
    conn: &Connection,
    pairs: &mut [ScopedPair],
    now: DateTime<Utc>,
) -> CoreResult<()> {
    if pairs.is_empty() {
        return Ok(());
    }
    let index: std::collections::HashMap<PairId, usize> = pairs
        .iter()
        .enumerate()
        .map(|(i, p)| (p.pair_id, i))
        .collect();
    let mut stmt = conn.prepare_cached(
        "SELECT s.pair_id, s.status, s.starts_at, s.ends_at, s.id
         FROM session s
         WHERE s.pair_id IN (SELECT value FROM json_each(?1))
           AND (s.status = 'held' OR (s.status = 'planned' AND s.starts_at > ?2))",
    )?;
    let pair_list = super::id_list(pairs.iter().map(|p| p.pair_id));
    let mut rows = stmt.query(params![pair_list, timestamp(now)])?;
    while let Some(r) = rows.next()? {
        let r = &r;
        let Some(&i) = index.get(&PairId(uuid_at(r, 0)?)) else {
            continue;
        };
        let pair = &mut pairs[i];
        let starts_at = super::stored_instant_at(r, 2)?;
        if super::text_at(r, 1)? == SessionStatus::Held.as_str() {
            let ends_at = super::stored_instant_at(r, 3)?;
            pair.sessions_held += 1;
            pair.seconds_held += ends_at.timestamp() - starts_at.timestamp();
            pair.last_held = pair.last_held.max(Some(starts_at));
            pair.held.push((SessionId(uuid_at(r, 4)?), starts_at));
        } else if pair.next_planned.is_none_or(|n| starts_at < n) {
            pair.next_planned = Some(starts_at);
        }
    }
    Ok(())
}

/// A held session's shareable summary.
#[derive(Debug, Clone)]
pub struct SummaryRow {
    pub pair_id: PairId,
    pub session_id: SessionId,
    pub at: DateTime<Utc>,
    pub summary: String,
    /// How many non-empty summaries the pair has in all.
    pub pair_total: u32,
}

/// The latest `per_pair` non-empty summaries of held sessions of each pair in `pairs` (a JSON
/// array of pair ids), latest first within a pair (ties to the greater session id), pairs in id
/// order, each with its pair's total.
///
/// One unsorted pass over the held sessions and their logs; the latest of each pair are kept
/// here. A window function (`ROW_NUMBER() OVER (PARTITION BY pair ...)`) sorted every summary of
/// the scope first, which was most of the manager view's time on either engine.
pub fn latest_summaries(
    conn: &Connection,
    pairs: &str,
    per_pair: u32,
) -> CoreResult<Vec<SummaryRow>> {
    // SQLite walks `session_pair_progress` backwards for this order, without sorting, so the
    // latest of a pair come first and the rest are only counted; PostgreSQL would sort every row
    // (the order changes the speed here, not the answer).
    let order = match conn.engine() {
        Engine::Sqlite => "ORDER BY s.pair_id DESC, s.status DESC, s.starts_at DESC",
        Engine::Postgres => "",
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT s.pair_id, s.id, s.starts_at, l.summary
         FROM session s
         JOIN session_shared l ON l.session_id = s.id
         WHERE s.pair_id IN (SELECT value FROM json_each(?1))
           AND s.status = 'held' AND l.summary <> ''
         {order}"
    ))?;
    let mut latest = LatestSummaries::new(per_pair);
    let mut rows = stmt.query([pairs])?;
    while let Some(r) = rows.next()? {
        let r = &r;
        latest.add(
            PairId(uuid_at(r, 0)?),
            SessionId(uuid_at(r, 1)?),
            super::stored_instant_at(r, 2)?,
            super::text_at(r, 3)?,
        );
    }
    Ok(latest.finish())
}

/// The latest non-empty summaries of each pair, and its total, from rows given in any order.
#[derive(Debug)]
pub struct LatestSummaries {
    keep: usize,
    /// Per pair: the total, and the latest rows, latest first.
    by_pair: std::collections::BTreeMap<uuid::Uuid, (u32, Vec<SummaryRow>)>,
}

impl LatestSummaries {
    /// Keeps the latest `per_pair` of each pair.
    pub fn new(per_pair: u32) -> Self {
        Self {
            keep: per_pair as usize,
            by_pair: std::collections::BTreeMap::new(),
        }
    }

    /// A non-empty summary of a held session of `pair_id` at `at`; copied only if kept.
    pub fn add(
        &mut self,
        pair_id: PairId,
        session_id: SessionId,
        at: DateTime<Utc>,
        summary: &str,
    ) {
        let (total, latest) = self.by_pair.entry(pair_id.0).or_default();
        *total += 1;
        let newer = |row: &SummaryRow| (row.at, row.session_id.0) > (at, session_id.0);
        let place = latest.partition_point(newer);
        if place < self.keep {
            if latest.len() == self.keep {
                latest.pop();
            }
            latest.insert(
                place,
                SummaryRow {
                    pair_id,
                    session_id,
                    at,
                    summary: summary.to_owned(),
                    pair_total: 0,
                },
            );
        }
    }

    /// The kept rows, pairs in id order, latest first within a pair, each with its pair's total.
    pub fn finish(self) -> Vec<SummaryRow> {
        self.by_pair
            .into_values()
            .flat_map(|(total, latest)| {
                latest.into_iter().map(move |mut row| {
                    row.pair_total = total;
                    row
                })
            })
            .collect()
    }
}

// ---------------------------------------------------------------- mentor recognition

/// A mentor's approved pairs with their program and mentee, earliest program first.
pub fn mentor_pairs(
    conn: &Connection,
    mentor: EmployeeId,
) -> CoreResult<Vec<(PairId, ProgramRef, PersonSummary)>> {
    let sql = format!(
        "SELECT p.id, {PROGRAM_REF_COLUMNS}, {}
         FROM program_pair p
         JOIN program g ON g.id = p.program_id
         JOIN employee m ON m.id = p.mentee_id
         WHERE p.mentor_id = ?1 AND p.status = 'approved'
         ORDER BY g.start_date, g.id, m.sort_name, m.id",
        person_columns("m")
    );
    let rows = conn
        .prepare_cached(&sql)?
        .query_map([mentor.to_string()], |r| {
            Ok((
                PairId(uuid_at(r, 0)?),
                read_program_ref(r, 1)?,
                read_person(r, 5)?,
            ))
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// A held session a mentor taught.
#[derive(Debug, Clone)]
pub struct TaughtSession {
    pub session_id: SessionId,
    pub pair_id: PairId,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub mentee_rating: Option<u8>,
}

/// The held sessions of a mentor's approved pairs, in time order.
pub fn mentor_sessions(conn: &Connection, mentor: EmployeeId) -> CoreResult<Vec<TaughtSession>> {
    let rows = conn
        .prepare_cached(
            "SELECT s.id, p.id, unixepoch(s.starts_at), unixepoch(s.ends_at), l.mentee_rating
             FROM program_pair p
             JOIN session s ON s.pair_id = p.id AND s.status = 'held'
             LEFT JOIN session_log l ON l.session_id = s.id
             WHERE p.mentor_id = ?1 AND p.status = 'approved'
             ORDER BY s.starts_at, s.id",
        )?
        .query_map([mentor.to_string()], |r| {
            Ok(TaughtSession {
                session_id: SessionId(uuid_at(r, 0)?),
                pair_id: PairId(uuid_at(r, 1)?),
                starts_at: instant_at(r, 2)?,
                ends_at: instant_at(r, 3)?,
                mentee_rating: optional_small_at(r, 4)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// Topics taught in the held sessions of a mentor's approved pairs.
pub fn mentor_session_topics(
    conn: &Connection,
    mentor: EmployeeId,
) -> CoreResult<Vec<SessionTopicRow>> {
    let rows = conn
        .prepare_cached(
            "SELECT s.id, unixepoch(s.starts_at), st.topic_id, st.depth
             FROM program_pair p
             JOIN session s ON s.pair_id = p.id AND s.status = 'held'
             JOIN session_topic st ON st.session_id = s.id
             WHERE p.mentor_id = ?1 AND p.status = 'approved'
             ORDER BY s.starts_at, s.id, st.topic_id",
        )?
        .query_map([mentor.to_string()], |r| {
            Ok(SessionTopicRow {
                session_id: SessionId(uuid_at(r, 0)?),
                at: instant_at(r, 1)?,
                topic_id: r.get(2)?,
                depth: depth_at(r, 3)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}
