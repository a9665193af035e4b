//! SQL for learning progress: the reads behind the program dashboard, mentee progress, the manager
//! view and mentor recognition, the audience figures, and (in [`bulk`]) fast inserts of session
//! records for synthetic data, benchmarks and tests.
//!
//! Invariant: no query in this file reads the log's private notes. They belong to the pair's own
//! screens (the `session` module); every screen fed from here may be shown to managers or HR. A
//! unit test fails if the column's name appears in this file. Summaries and practice tasks are read
//! through the view `session_shared` (migration 012), which on a team database gives a manager the
//! rows of their people; ratings come from `session_log` itself, which row-level security keeps
//! from managers (their ratings read as NULL).
//!
//! Instants of a few rows are read as Unix seconds (`unixepoch(...)`). The walks over many
//! sessions (the dashboard, the manager view) read the stored text instead and parse it here
//! (`stored_instant_at`): faster than SQLite's `unixepoch`, and on PostgreSQL `unixepoch` is a
//! SQL function (migration 001) called once per row, which cost the manager view hundreds of
//! milliseconds. Only sessions of *approved* pairs are read.
//! Queries over a set of people take it as a JSON array bound to one parameter
//! (`IN (SELECT value FROM json_each(?1))`), so the statement stays the same whatever the size.
//! Where a screen needs the latest rows of each group (latest summaries, latest confirmed
//! levels), the rows come unsorted and the latest are kept in Rust in one pass: a window function
//! or a grouping sorted every row first, on disk on PostgreSQL.
//! Indexes for these queries are in migration 008; check a new query with `EXPLAIN QUERY PLAN`
//! on SQLite and `EXPLAIN (ANALYZE, BUFFERS)` on PostgreSQL (`PROGRESS_BENCH_KEEP` keeps the
//! `progress` benchmark's database for that).

mod audience;
pub mod bulk;
mod people;
pub mod scan;

pub use audience::*;
pub use people::*;

use crate::store::db::{Connection, Engine, Row};
use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use crate::domain::program::{PersonSummary, ProgramId};
use crate::domain::progress::{CharterCounts, ProgramRef};
use crate::domain::session::{PairId, SessionId, SessionStatus, TaskOutcome, TopicDepth};
use crate::domain::{AdoptionProfile, EmployeeId};
use crate::CoreResult;

fn conversion_error(column: usize, message: String) -> crate::store::db::Error {
    crate::store::db::Error::Conversion { column, message }
}

/// The id at `column`, parsed from the row's bytes: no copy for the hundred thousand rows of a
/// walk (ids are ASCII).
fn uuid_at(row: &Row<'_>, column: usize) -> crate::store::db::Result<Uuid> {
    let raw = row.get_ref(column)?.as_bytes()?;
    Uuid::try_parse_ascii(raw).map_err(|e| {
        let raw = String::from_utf8_lossy(raw);
        conversion_error(column, format!("id '{raw}': {e}"))
    })
}

fn instant_at(row: &Row<'_>, column: usize) -> crate::store::db::Result<DateTime<Utc>> {
    let secs: i64 = row.get(column)?;
    DateTime::from_timestamp(secs, 0)
        .ok_or_else(|| conversion_error(column, format!("instant {secs}")))
}

/// An instant stored as text. The stored shape `YYYY-MM-DDTHH:MM:SSZ` is read directly, which is
/// several times faster than `unixepoch()` on a hundred thousand rows; any other RFC 3339 shape
/// goes through chrono.
fn stored_instant_at(row: &Row<'_>, column: usize) -> crate::store::db::Result<DateTime<Utc>> {
    let raw = text_at(row, column)?;
    parse_stored_instant(raw)
        .or_else(|| {
            DateTime::parse_from_rfc3339(raw)
                .ok()
                .map(|d| d.with_timezone(&Utc))
        })
        .ok_or_else(|| conversion_error(column, format!("instant '{raw}'")))
}

fn parse_stored_instant(raw: &str) -> Option<DateTime<Utc>> {
    parse_stored_instant_bytes(raw.as_bytes())
}

/// [`parse_stored_instant`] on the row's bytes, before any UTF-8 check.
fn parse_stored_instant_bytes(b: &[u8]) -> Option<DateTime<Utc>> {
    if b.len() != 20
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
        || b[19] != b'Z'
    {
        return None;
    }
    let num = |from: usize, to: usize| -> Option<u32> {
        b[from..to].iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    let date = NaiveDate::from_ymd_opt(num(0, 4)? as i32, num(5, 7)?, num(8, 10)?)?;
    Some(
        date.and_hms_opt(num(11, 13)?, num(14, 16)?, num(17, 19)?)?
            .and_utc(),
    )
}

fn date_at(row: &Row<'_>, column: usize) -> crate::store::db::Result<NaiveDate> {
    let raw: String = row.get(column)?;
    NaiveDate::parse_from_str(&raw, "%Y-%m-%d")
        .map_err(|e| conversion_error(column, format!("date '{raw}': {e}")))
}

/// Text at `column`, borrowed from the row (no copy for the hundred thousand rows of a walk).
fn text_at<'r>(row: &'r Row<'_>, column: usize) -> crate::store::db::Result<&'r str> {
    row.get_ref(column)?.as_str().map_err(|e| match e {
        crate::store::db::Error::Conversion { message, .. } => conversion_error(column, message),
        other => other,
    })
}

fn status_at(row: &Row<'_>, column: usize) -> crate::store::db::Result<SessionStatus> {
    let raw = text_at(row, column)?;
    SessionStatus::parse(raw).ok_or_else(|| conversion_error(column, format!("status '{raw}'")))
}

fn depth_at(row: &Row<'_>, column: usize) -> crate::store::db::Result<TopicDepth> {
    let raw = text_at(row, column)?;
    TopicDepth::parse(raw).ok_or_else(|| conversion_error(column, format!("depth '{raw}'")))
}

fn level_at(row: &Row<'_>, column: usize) -> crate::store::db::Result<u8> {
    let v: i64 = row.get(column)?;
    u8::try_from(v).map_err(|_| conversion_error(column, format!("level {v}")))
}

fn optional_small_at(row: &Row<'_>, column: usize) -> crate::store::db::Result<Option<u8>> {
    let v: Option<i64> = row.get(column)?;
    v.map(|v| u8::try_from(v).map_err(|_| conversion_error(column, format!("value {v}"))))
        .transpose()
}

fn profile_at(row: &Row<'_>, column: usize) -> crate::store::db::Result<Option<AdoptionProfile>> {
    let raw: Option<String> = row.get(column)?;
    raw.map(|raw| {
        AdoptionProfile::parse(&raw)
            .ok_or_else(|| conversion_error(column, format!("adoption profile '{raw}'")))
    })
    .transpose()
}

/// The columns [`read_person`] expects for the employee table aliased `alias`.
fn person_columns(alias: &str) -> String {
    [
        "id",
        "first_name",
        "last_name",
        "email",
        "department",
        "title",
        "active",
    ]
    .iter()
    .map(|c| format!("{alias}.{c}"))
    .collect::<Vec<_>>()
    .join(", ")
}

/// The 7 columns of [`person_columns`] starting at `at`.
fn read_person(row: &Row<'_>, at: usize) -> crate::store::db::Result<PersonSummary> {
    Ok(PersonSummary {
        id: EmployeeId(uuid_at(row, at)?),
        first_name: row.get(at + 1)?,
        last_name: row.get(at + 2)?,
        email: row.get(at + 3)?,
        department: row.get(at + 4)?,
        title: row.get(at + 5)?,
        active: row.get(at + 6)?,
    })
}

/// `program.id, name, start_date, end_date` for the table aliased `g`.
const PROGRAM_REF_COLUMNS: &str = "g.id, g.name, g.start_date, g.end_date";

fn read_program_ref(row: &Row<'_>, at: usize) -> crate::store::db::Result<ProgramRef> {
    Ok(ProgramRef {
        id: ProgramId(uuid_at(row, at)?),
        name: row.get(at + 1)?,
        start_date: date_at(row, at + 2)?,
        end_date: date_at(row, at + 3)?,
    })
}

/// A JSON array of ids, bound as one parameter and read with `json_each`.
pub fn id_list<T: std::fmt::Display>(ids: impl IntoIterator<Item = T>) -> String {
    let quoted: Vec<String> = ids.into_iter().map(|id| format!("\"{id}\"")).collect();
    format!("[{}]", quoted.join(","))
}

// ---------------------------------------------------------------- program dashboard

/// An approved pair of a program. `key` is the pair's row number, a cheap join key for the
/// per-session rows below.
#[derive(Debug, Clone)]
pub struct PairRow {
    pub key: i64,
    pub id: PairId,
    pub mentee: PersonSummary,
    pub mentor: PersonSummary,
    /// The mentor's time zone (sessions are planned in it).
    pub mentor_timezone: String,
    /// When the pair was approved, if known.
    pub approved_at: Option<DateTime<Utc>>,
}

/// The program's approved pairs in mentee name order.
pub fn approved_pairs(conn: &Connection, program: ProgramId) -> CoreResult<Vec<PairRow>> {
    let sql = format!(
        "SELECT p.rowid, p.id, unixepoch(p.approved_at), {}, {}, t.timezone
         FROM program_pair p
         JOIN employee m ON m.id = p.mentee_id
         JOIN employee t ON t.id = p.mentor_id
         WHERE p.program_id = ?1 AND p.status = 'approved'
         ORDER BY m.sort_name, m.id",
        person_columns("m"),
        person_columns("t")
    );
    let rows = conn
        .prepare_cached(&sql)?
        .query_map([program.to_string()], |r| {
            Ok(PairRow {
                key: r.get(0)?,
                id: PairId(uuid_at(r, 1)?),
                approved_at: r
                    .get::<Option<i64>>(2)?
                    .and_then(|s| DateTime::from_timestamp(s, 0)),
                mentee: read_person(r, 3)?,
                mentor: read_person(r, 10)?,
                mentor_timezone: r.get(17)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// Participants and charter acknowledgements, per side.
pub fn charter_counts(conn: &Connection, program: ProgramId) -> CoreResult<CharterCounts> {
    let counts = conn
        .prepare_cached(
            "SELECT
                 COUNT(CASE WHEN pp.side = 'mentee' THEN 1 END),
                 COUNT(CASE WHEN pp.side = 'mentee' AND a.employee_id IS NOT NULL THEN 1 END),
                 COUNT(CASE WHEN pp.side = 'mentor' THEN 1 END),
                 COUNT(CASE WHEN pp.side = 'mentor' AND a.employee_id IS NOT NULL THEN 1 END)
             FROM program_participant pp
             LEFT JOIN charter_acknowledgement a
                    ON a.program_id = pp.program_id AND a.employee_id = pp.employee_id
             WHERE pp.program_id = ?1",
        )?
        .query_row([program.to_string()], |r| {
            let (mentees, mentees_ack, mentors, mentors_ack): (u32, u32, u32, u32) =
                (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
            Ok(CharterCounts {
                acknowledged: mentees_ack + mentors_ack,
                participants: mentees + mentors,
                mentees_acknowledged: mentees_ack,
                mentees,
                mentors_acknowledged: mentors_ack,
                mentors,
            })
        })?;
    Ok(counts)
}

/// The adoption profile of each mentee of an approved pair: when they joined, and now.
pub fn mentee_profiles(
    conn: &Connection,
    program: ProgramId,
) -> CoreResult<Vec<(Option<AdoptionProfile>, Option<AdoptionProfile>)>> {
    let rows = conn
        .prepare_cached(
            "SELECT pp.adoption_profile_at_start, e.adoption_profile
             FROM program_pair p
             JOIN program_participant pp
                  ON pp.program_id = p.program_id AND pp.employee_id = p.mentee_id
             JOIN employee e ON e.id = p.mentee_id
             WHERE p.program_id = ?1 AND p.status = 'approved'",
        )?
        .query_map([program.to_string()], |r| {
            Ok((profile_at(r, 0)?, profile_at(r, 1)?))
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// One session of a program for its export, with its log's shareable fields and its topics.
#[derive(Debug, Clone)]
pub struct ExportSessionRow {
    pub pair_key: i64,
    pub session_id: SessionId,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub status: SessionStatus,
    /// The IANA zone the session was planned in.
    pub timezone: String,
    pub summary: String,
    pub task_set: String,
    pub previous_task_outcome: Option<TaskOutcome>,
    pub mentee_rating: Option<u8>,
    pub mentor_rating: Option<u8>,
    /// `topic:depth` pairs separated by spaces, in topic id order.
    pub topics: String,
}

/// Every session of the program's approved pairs, in time order.
pub fn program_export_sessions(
    conn: &Connection,
    program: ProgramId,
) -> CoreResult<Vec<ExportSessionRow>> {
    let concat = match conn.engine() {
        Engine::Sqlite => "group_concat(x.topic_id || ':' || x.depth, ' ')",
        Engine::Postgres => "string_agg(x.topic_id || ':' || x.depth, ' ' ORDER BY x.topic_id)",
    };
    let rows = conn
        .prepare_cached(&format!(
            "SELECT p.rowid, s.id, unixepoch(s.starts_at), unixepoch(s.ends_at), s.status,
                    COALESCE(l.summary, ''), COALESCE(l.task_set, ''), l.previous_task_outcome,
                    l.mentee_rating, l.mentor_rating, s.timezone,
                    (SELECT COALESCE({concat}, '')
                     FROM (SELECT st.topic_id, st.depth FROM session_topic st
                           WHERE st.session_id = s.id ORDER BY st.topic_id) x)
             FROM program_pair p
             JOIN session s ON s.pair_id = p.id
             LEFT JOIN session_log l ON l.session_id = s.id
             WHERE p.program_id = ?1 AND p.status = 'approved'
             ORDER BY s.starts_at, s.id"
        ))?
        .query_map([program.to_string()], |r| {
            let outcome: Option<String> = r.get(7)?;
            Ok(ExportSessionRow {
                pair_key: r.get(0)?,
                session_id: SessionId(uuid_at(r, 1)?),
                starts_at: instant_at(r, 2)?,
                ends_at: instant_at(r, 3)?,
                status: status_at(r, 4)?,
                timezone: r.get(10)?,
                summary: r.get(5)?,
                task_set: r.get(6)?,
                previous_task_outcome: outcome.as_deref().and_then(TaskOutcome::parse),
                mentee_rating: optional_small_at(r, 8)?,
                mentor_rating: optional_small_at(r, 9)?,
                topics: r.get(11)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// An instant as stored in session columns: `YYYY-MM-DDTHH:MM:SSZ`, so text order is time order.
pub fn timestamp(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    fn plan(store: &Store, sql: &str) -> String {
        let mut stmt = store
            .conn()
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap_or_else(|e| panic!("{e}"));
        let rows = stmt
            .query_map(["00000000-0000-0000-0000-000000000000"], |r| {
                r.get::<String>(3)
            })
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .unwrap_or_else(|e| panic!("{e}"));
        rows.join("\n")
    }

    #[test]
    fn stored_instants_read_the_same_as_sqlite_reads_them() {
        let store = Store::open_for_tests().unwrap_or_else(|e| panic!("{e}"));
        for raw in [
            "2031-01-20T09:00:00Z",
            "2024-02-29T23:59:59Z",
            "1999-12-31T00:00:00Z",
        ] {
            let sqlite: i64 = store
                .conn()
                .query_row("SELECT unixepoch(?1)", [raw], |r| r.get(0))
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(
                parse_stored_instant(raw).map(|d| d.timestamp()),
                Some(sqlite)
            );
        }
        for other in [
            "2031-01-20T09:00:00.123Z",
            "2031-02-30T09:00:00Z",
            "2031-01-20 09:00:00Z",
        ] {
            assert_eq!(parse_stored_instant(other), None, "{other}");
        }
    }

    #[test]
    fn the_dashboard_walks_sessions_through_a_covering_index_and_tallies_by_their_keys() {
        // SQLite's planner, on purpose: PostgreSQL plans by its own statistics.
        let store = Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
        let sessions = plan(&store, scan::PROGRAM_SESSIONS_SQL);
        assert!(
            sessions.contains("USING COVERING INDEX session_pair_progress"),
            "{sessions}"
        );
        let topics = plan(&store, scan::PROGRAM_TOPICS_SQL);
        assert!(topics.contains("t USING PRIMARY KEY"), "{topics}");
        let ratings = plan(&store, scan::PROGRAM_RATINGS_SQL);
        assert!(
            ratings.contains("r USING INDEX sqlite_autoindex_pair_rating_tally_1"),
            "{ratings}"
        );
        for plan in [sessions, topics, ratings] {
            assert!(
                !plan.contains("SCAN s") && !plan.contains("TEMP B-TREE"),
                "{plan}"
            );
        }
    }

    #[test]
    fn no_read_query_names_the_column_of_notes_private_to_the_pair() {
        let column = ["private", "notes"].join("_");
        for source in [
            include_str!("progress.rs"),
            include_str!("progress/people.rs"),
            include_str!("progress/audience.rs"),
            include_str!("progress/scan.rs"),
        ] {
            assert!(!source.contains(&column));
        }
    }
}
