//! SQL for the persisted pairs of a program's proposal: reading, upserting, scoring, locking,
//! approving and deleting them, and a mentor's current load.
//!
//! Free functions over `&Connection`; they do not validate (the `program` module does). To add a
//! pair column: a migration, then `PAIR_COLUMNS`, `read_pair` and `upsert_pair` together.

use crate::store::db::{params, Connection, OptionalExtension, Row};

use super::{conversion_error, employee_id_at, uuid_at};
use crate::domain::matching::Parts;
use crate::domain::program::{PairStatus, ProgramId, StoredPair};
use crate::domain::EmployeeId;
use crate::CoreResult;

const PAIR_COLUMNS: &str = "id, mentee_id, mentor_id, status, locked, manual, score, points, \
     part_skill, part_interests, part_availability, part_adoption, part_comfort, version";

fn read_pair(row: &Row<'_>) -> crate::store::db::Result<StoredPair> {
    let raw: String = row.get(3)?;
    let points: i64 = row.get(7)?;
    Ok(StoredPair {
        id: uuid_at(row, 0)?,
        mentee: employee_id_at(row, 1)?,
        mentor: employee_id_at(row, 2)?,
        status: PairStatus::parse(&raw)
            .ok_or_else(|| conversion_error(3, format!("pair status '{raw}'")))?,
        locked: row.get(4)?,
        manual: row.get(5)?,
        score: row.get(6)?,
        points: u64::try_from(points)
            .map_err(|_| conversion_error(7, format!("points {points}")))?,
        parts: Parts {
            skill: row.get(8)?,
            interests: row.get(9)?,
            availability: row.get(10)?,
            adoption: row.get(11)?,
            comfort: row.get(12)?,
        },
        version: row.get(13)?,
    })
}

/// The change stamp of the mentee's pair in the program, if there is one.
pub fn pair_stamp(
    conn: &Connection,
    program: ProgramId,
    mentee: EmployeeId,
) -> CoreResult<Option<crate::domain::ChangeStamp>> {
    crate::store::change_stamp(
        conn,
        "SELECT version, updated_by, updated_at FROM program_pair
         WHERE program_id = ?1 AND mentee_id = ?2",
        [program.to_string(), mentee.to_string()],
    )
}

/// The program's pairs in mentee id order.
pub fn pairs(conn: &Connection, program: ProgramId) -> CoreResult<Vec<StoredPair>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {PAIR_COLUMNS} FROM program_pair WHERE program_id = ?1 ORDER BY mentee_id"
    ))?;
    let rows = stmt
        .query_map([program.to_string()], read_pair)?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// The mentee's pair in the program, if any.
pub fn pair_of(
    conn: &Connection,
    program: ProgramId,
    mentee: EmployeeId,
) -> CoreResult<Option<StoredPair>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {PAIR_COLUMNS} FROM program_pair WHERE program_id = ?1 AND mentee_id = ?2"
        ))?
        .query_row([program.to_string(), mentee.to_string()], read_pair)
        .optional()?)
}

/// Inserts a pair, replacing the mentee's previous one.
pub fn upsert_pair(
    conn: &Connection,
    program: ProgramId,
    pair: &StoredPair,
    now: &str,
) -> CoreResult<()> {
    let points = i64::try_from(pair.points).unwrap_or(i64::MAX);
    conn.prepare_cached(
        "INSERT INTO program_pair (id, program_id, mentee_id, mentor_id, status, locked, manual,
             score, points, part_skill, part_interests, part_availability, part_adoption,
             part_comfort, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)
         ON CONFLICT (program_id, mentee_id) DO UPDATE SET
             id = excluded.id, mentor_id = excluded.mentor_id, status = excluded.status,
             locked = excluded.locked, manual = excluded.manual, score = excluded.score,
             points = excluded.points, part_skill = excluded.part_skill,
             part_interests = excluded.part_interests,
             part_availability = excluded.part_availability,
             part_adoption = excluded.part_adoption, part_comfort = excluded.part_comfort,
             created_at = excluded.created_at, updated_at = excluded.updated_at",
    )?
    .execute(params![
        pair.id.to_string(),
        program.to_string(),
        pair.mentee.to_string(),
        pair.mentor.to_string(),
        pair.status.as_str(),
        pair.locked,
        pair.manual,
        pair.score,
        points,
        pair.parts.skill,
        pair.parts.interests,
        pair.parts.availability,
        pair.parts.adoption,
        pair.parts.comfort,
        now,
    ])?;
    Ok(())
}

/// Refreshes a kept pair's scores (the people's data may have changed since it was proposed).
pub fn update_pair_scores(
    conn: &Connection,
    program: ProgramId,
    mentee: EmployeeId,
    score: f64,
    points: u64,
    parts: &Parts,
) -> CoreResult<()> {
    let points = i64::try_from(points).unwrap_or(i64::MAX);
    conn.prepare_cached(
        "UPDATE program_pair SET score = ?3, points = ?4, part_skill = ?5, part_interests = ?6,
             part_availability = ?7, part_adoption = ?8, part_comfort = ?9
         WHERE program_id = ?1 AND mentee_id = ?2",
    )?
    .execute(params![
        program.to_string(),
        mentee.to_string(),
        score,
        points,
        parts.skill,
        parts.interests,
        parts.availability,
        parts.adoption,
        parts.comfort,
    ])?;
    Ok(())
}

/// Deletes the proposed pairs a run replaces: neither locked nor approved.
pub fn delete_replaceable_pairs(conn: &Connection, program: ProgramId) -> CoreResult<usize> {
    Ok(conn
        .prepare_cached(
            "DELETE FROM program_pair
             WHERE program_id = ?1 AND status = 'proposed' AND locked = 0",
        )?
        .execute([program.to_string()])?)
}

/// Deletes the mentee's pair; false if there was none.
pub fn delete_pair(conn: &Connection, program: ProgramId, mentee: EmployeeId) -> CoreResult<bool> {
    let n = conn
        .prepare_cached("DELETE FROM program_pair WHERE program_id = ?1 AND mentee_id = ?2")?
        .execute([program.to_string(), mentee.to_string()])?;
    Ok(n == 1)
}

pub fn set_locked(
    conn: &Connection,
    program: ProgramId,
    mentee: EmployeeId,
    locked: bool,
    now: &str,
    expected_version: Option<i64>,
) -> CoreResult<bool> {
    let n = conn
        .prepare_cached(
            "UPDATE program_pair SET locked = ?3, updated_at = ?4
             WHERE program_id = ?1 AND mentee_id = ?2
               AND (CAST(?5 AS BIGINT) IS NULL OR version = ?5)",
        )?
        .execute(params![
            program.to_string(),
            mentee.to_string(),
            locked,
            now,
            expected_version
        ])?;
    Ok(n == 1)
}

/// Approves the mentee's pair; false if there is none.
pub fn approve_pair(
    conn: &Connection,
    program: ProgramId,
    mentee: EmployeeId,
    now: &str,
    expected_version: Option<i64>,
) -> CoreResult<bool> {
    let n = conn
        .prepare_cached(
            "UPDATE program_pair SET status = 'approved', updated_at = ?3
             WHERE program_id = ?1 AND mentee_id = ?2
               AND (CAST(?4 AS BIGINT) IS NULL OR version = ?4)",
        )?
        .execute(params![
            program.to_string(),
            mentee.to_string(),
            now,
            expected_version
        ])?;
    Ok(n == 1)
}

/// Approves every proposed pair; returns how many changed.
pub fn approve_all(conn: &Connection, program: ProgramId, now: &str) -> CoreResult<usize> {
    Ok(conn
        .prepare_cached(
            "UPDATE program_pair SET status = 'approved', updated_at = ?2
             WHERE program_id = ?1 AND status = 'proposed'",
        )?
        .execute(params![program.to_string(), now])?)
}

/// How many mentees the mentor has in the proposal, not counting `except` (the mentee being
/// reassigned).
pub fn mentor_load(
    conn: &Connection,
    program: ProgramId,
    mentor: EmployeeId,
    except: EmployeeId,
) -> CoreResult<u32> {
    Ok(conn
        .prepare_cached(
            "SELECT COUNT(*) FROM program_pair
             WHERE program_id = ?1 AND mentor_id = ?2 AND mentee_id <> ?3",
        )?
        .query_row(
            [program.to_string(), mentor.to_string(), except.to_string()],
            |r| r.get(0),
        )?)
}
