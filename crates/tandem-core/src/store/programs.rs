//! SQL for programs: the program row and its matching settings, participants, HR's excluded
//! pairs, and the persisted pairs of the proposal.
//!
//! Free functions over `&Connection`, so they run on the store's connection or inside a
//! transaction; they do not validate (the `program` module does). Employees are read with the
//! directory's [`EMPLOYEE_COLUMNS`] and [`read_employee_row`], so a new employee column needs no
//! change here. To add a program column: a migration, then `PROGRAM_COLUMNS`, `read_program` and
//! the insert/update statements together.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::types::Type;
use rusqlite::{params, Connection, OptionalExtension, Row};
use uuid::Uuid;

use crate::domain::{AvailabilitySlot, Employee, EmployeeId, ProgramRole, SkillLevel};
use crate::matching::{Parts, Weights};
use crate::program::{
    MatchingSettings, PairStatus, Participant, PersonSummary, Program, ProgramId, ProgramInput,
    Side, StoredPair,
};
use crate::store::employees::{read_employee_row, EMPLOYEE_COLUMNS};
use crate::CoreResult;

fn conversion_error(column: usize, message: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(column, Type::Text, message.into())
}

fn uuid_at(row: &Row<'_>, column: usize) -> rusqlite::Result<Uuid> {
    let raw: String = row.get(column)?;
    Uuid::parse_str(&raw).map_err(|e| conversion_error(column, format!("id '{raw}': {e}")))
}

fn employee_id_at(row: &Row<'_>, column: usize) -> rusqlite::Result<EmployeeId> {
    uuid_at(row, column).map(EmployeeId)
}

fn date_at(row: &Row<'_>, column: usize) -> rusqlite::Result<NaiveDate> {
    let raw: String = row.get(column)?;
    NaiveDate::parse_from_str(&raw, "%Y-%m-%d")
        .map_err(|e| conversion_error(column, format!("date '{raw}': {e}")))
}

fn small_at<T: TryFrom<i64>>(row: &Row<'_>, column: usize) -> rusqlite::Result<T> {
    let value: i64 = row.get(column)?;
    T::try_from(value).map_err(|_| conversion_error(column, format!("value {value} out of range")))
}

fn date_text(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// The columns [`read_program`] expects, in order; `p` is the program table.
const PROGRAM_COLUMNS: &str = "p.id, p.name, p.start_date, p.end_date, p.cadence_weeks, \
     p.session_minutes, p.charter, p.weight_skill, p.weight_interests, p.weight_availability, \
     p.weight_adoption, p.weight_comfort, p.default_capacity, p.require_different_department, \
     p.created_at, p.updated_at, \
     (SELECT COUNT(*) FROM program_participant x WHERE x.program_id = p.id AND x.side = 'mentor'), \
     (SELECT COUNT(*) FROM program_participant x WHERE x.program_id = p.id AND x.side = 'mentee'), \
     (SELECT COUNT(*) FROM program_pair x WHERE x.program_id = p.id AND x.status = 'proposed'), \
     (SELECT COUNT(*) FROM program_pair x WHERE x.program_id = p.id AND x.status = 'approved')";

fn read_program(row: &Row<'_>) -> rusqlite::Result<Program> {
    Ok(Program {
        id: ProgramId(uuid_at(row, 0)?),
        name: row.get(1)?,
        start_date: date_at(row, 2)?,
        end_date: date_at(row, 3)?,
        cadence_weeks: small_at(row, 4)?,
        session_minutes: small_at(row, 5)?,
        charter: row.get(6)?,
        matching: MatchingSettings {
            weights: Weights {
                skill: row.get(7)?,
                interests: row.get(8)?,
                availability: row.get(9)?,
                adoption: row.get(10)?,
                comfort: row.get(11)?,
            },
            default_capacity: small_at(row, 12)?,
            require_different_department: row.get(13)?,
        },
        created_at: row.get(14)?,
        updated_at: row.get(15)?,
        mentor_count: row.get(16)?,
        mentee_count: row.get(17)?,
        proposed_count: row.get(18)?,
        approved_count: row.get(19)?,
    })
}

/// Inserts a validated program.
pub fn insert_program(
    conn: &Connection,
    id: ProgramId,
    input: &ProgramInput,
    now: &str,
) -> CoreResult<()> {
    let w = input.matching.weights;
    conn.prepare_cached(
        "INSERT INTO program (id, name, start_date, end_date, cadence_weeks, session_minutes,
             charter, weight_skill, weight_interests, weight_availability, weight_adoption,
             weight_comfort, default_capacity, require_different_department, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)",
    )?
    .execute(params![
        id.to_string(),
        input.name,
        date_text(input.start_date),
        date_text(input.end_date),
        input.cadence_weeks,
        input.session_minutes,
        input.charter,
        w.skill,
        w.interests,
        w.availability,
        w.adoption,
        w.comfort,
        input.matching.default_capacity,
        input.matching.require_different_department,
        now,
    ])?;
    Ok(())
}

/// Replaces a program's fields and settings; false for an unknown id.
pub fn update_program(
    conn: &Connection,
    id: ProgramId,
    input: &ProgramInput,
    now: &str,
) -> CoreResult<bool> {
    let w = input.matching.weights;
    let n = conn
        .prepare_cached(
            "UPDATE program SET name = ?2, start_date = ?3, end_date = ?4, cadence_weeks = ?5,
                 session_minutes = ?6, charter = ?7, weight_skill = ?8, weight_interests = ?9,
                 weight_availability = ?10, weight_adoption = ?11, weight_comfort = ?12,
                 default_capacity = ?13, require_different_department = ?14, updated_at = ?15
             WHERE id = ?1",
        )?
        .execute(params![
            id.to_string(),
            input.name,
            date_text(input.start_date),
            date_text(input.end_date),
            input.cadence_weeks,
            input.session_minutes,
            input.charter,
            w.skill,
            w.interests,
            w.availability,
            w.adoption,
            w.comfort,
            input.matching.default_capacity,
            input.matching.require_different_department,
            now,
        ])?;
    Ok(n == 1)
}

/// One program with its head counts, or `None`.
pub fn get_program(conn: &Connection, id: ProgramId) -> CoreResult<Option<Program>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {PROGRAM_COLUMNS} FROM program p WHERE p.id = ?1"
        ))?
        .query_row([id.to_string()], read_program)
        .optional()?)
}

/// Every program, latest start first.
pub fn list_programs(conn: &Connection) -> CoreResult<Vec<Program>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {PROGRAM_COLUMNS} FROM program p ORDER BY p.start_date DESC, p.name, p.id"
    ))?;
    let rows = stmt
        .query_map([], read_program)?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// Deletes a program with its participants, exclusions and pairs (by cascade).
pub fn delete_program(conn: &Connection, id: ProgramId) -> CoreResult<bool> {
    let n = conn
        .prepare_cached("DELETE FROM program WHERE id = ?1")?
        .execute([id.to_string()])?;
    Ok(n == 1)
}

const SUMMARY_COLUMNS: &str =
    "e.id, e.first_name, e.last_name, e.email, e.department, e.title, e.active";

fn read_summary(row: &Row<'_>) -> rusqlite::Result<PersonSummary> {
    Ok(PersonSummary {
        id: employee_id_at(row, 0)?,
        first_name: row.get(1)?,
        last_name: row.get(2)?,
        email: row.get(3)?,
        department: row.get(4)?,
        title: row.get(5)?,
        active: row.get(6)?,
    })
}

/// An employee's name, email and department, or `None` for an unknown id.
pub fn person_summary(conn: &Connection, id: EmployeeId) -> CoreResult<Option<PersonSummary>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM employee e WHERE e.id = ?1"
        ))?
        .query_row([id.to_string()], read_summary)
        .optional()?)
}

/// An employee's role and active flag, or `None` for an unknown id.
pub fn role_and_active(
    conn: &Connection,
    id: EmployeeId,
) -> CoreResult<Option<(ProgramRole, bool)>> {
    let row: Option<(String, bool)> = conn
        .prepare_cached("SELECT program_role, active FROM employee WHERE id = ?1")?
        .query_row([id.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(row.and_then(|(role, active)| ProgramRole::parse(&role).map(|r| (r, active))))
}

/// The program's participants in name order, with the capacity matching uses.
pub fn participants(conn: &Connection, program: ProgramId) -> CoreResult<Vec<Participant>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SUMMARY_COLUMNS}, pp.side, pp.capacity, p.default_capacity
         FROM program_participant pp
         JOIN employee e ON e.id = pp.employee_id
         JOIN program p ON p.id = pp.program_id
         WHERE pp.program_id = ?1
         ORDER BY e.last_name COLLATE NOCASE, e.first_name COLLATE NOCASE, e.id"
    ))?;
    let rows = stmt
        .query_map([program.to_string()], |r| {
            let raw: String = r.get(7)?;
            let side =
                Side::parse(&raw).ok_or_else(|| conversion_error(7, format!("side '{raw}'")))?;
            let capacity_override: Option<u8> = r
                .get::<_, Option<i64>>(8)?
                .map(|c| u8::try_from(c).map_err(|_| conversion_error(8, format!("capacity {c}"))))
                .transpose()?;
            let default: u8 = small_at(r, 9)?;
            Ok(Participant {
                person: read_summary(r)?,
                side,
                capacity_override,
                capacity: match side {
                    Side::Mentor => capacity_override.unwrap_or(default),
                    Side::Mentee => 1,
                },
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// The side an employee is on in the program, if they take part.
pub fn participant_side(
    conn: &Connection,
    program: ProgramId,
    employee: EmployeeId,
) -> CoreResult<Option<Side>> {
    let raw: Option<String> = conn
        .prepare_cached(
            "SELECT side FROM program_participant WHERE program_id = ?1 AND employee_id = ?2",
        )?
        .query_row([program.to_string(), employee.to_string()], |r| r.get(0))
        .optional()?;
    Ok(raw.and_then(|s| Side::parse(&s)))
}

pub fn insert_participant(
    conn: &Connection,
    program: ProgramId,
    employee: EmployeeId,
    side: Side,
    now: &str,
) -> CoreResult<()> {
    conn.prepare_cached(
        "INSERT INTO program_participant
             (program_id, employee_id, side, capacity, added_at, adoption_profile_at_start)
         VALUES (?1, ?2, ?3, NULL, ?4, (SELECT adoption_profile FROM employee WHERE id = ?2))",
    )?
    .execute(params![
        program.to_string(),
        employee.to_string(),
        side.as_str(),
        now
    ])?;
    Ok(())
}

/// Removes a participant and every pair they are in; false if they were not in the program.
pub fn delete_participant(
    conn: &Connection,
    program: ProgramId,
    employee: EmployeeId,
) -> CoreResult<bool> {
    let (p, e) = (program.to_string(), employee.to_string());
    conn.prepare_cached(
        "DELETE FROM program_pair WHERE program_id = ?1 AND (mentee_id = ?2 OR mentor_id = ?2)",
    )?
    .execute([&p, &e])?;
    let n = conn
        .prepare_cached(
            "DELETE FROM program_participant WHERE program_id = ?1 AND employee_id = ?2",
        )?
        .execute([&p, &e])?;
    Ok(n == 1)
}

/// Sets (or clears, with `None`) a mentor's capacity override.
pub fn set_capacity(
    conn: &Connection,
    program: ProgramId,
    mentor: EmployeeId,
    capacity: Option<u8>,
) -> CoreResult<bool> {
    let n = conn
        .prepare_cached(
            "UPDATE program_participant SET capacity = ?3
             WHERE program_id = ?1 AND employee_id = ?2 AND side = 'mentor'",
        )?
        .execute(params![program.to_string(), mentor.to_string(), capacity])?;
    Ok(n == 1)
}

/// Active employees who may join `side` (role mentor/both or mentee/both), optionally in one
/// department (case-insensitive), and who are not yet in the program; in id order.
pub fn bulk_candidates(
    conn: &Connection,
    program: ProgramId,
    side: Side,
    department: Option<&str>,
) -> CoreResult<Vec<EmployeeId>> {
    let role = side.as_str();
    let mut stmt = conn.prepare_cached(
        "SELECT e.id FROM employee e
         WHERE e.active = 1 AND e.program_role IN (?2, 'both')
           AND (?3 IS NULL OR e.department = ?3 COLLATE NOCASE)
           AND NOT EXISTS (SELECT 1 FROM program_participant pp
                           WHERE pp.program_id = ?1 AND pp.employee_id = e.id)
         ORDER BY e.id",
    )?;
    let ids = stmt
        .query_map(params![program.to_string(), role, department], |r| {
            employee_id_at(r, 0)
        })?
        .collect::<Result<_, _>>()?;
    Ok(ids)
}

/// The program's participants as full employee records (with languages, interests, availability
/// and skills), with their side and capacity override, in employee id order.
pub fn participant_employees(
    conn: &Connection,
    program: ProgramId,
) -> CoreResult<Vec<(Employee, Side, Option<u8>)>> {
    let key = program.to_string();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {EMPLOYEE_COLUMNS}, pp.side, pp.capacity
         FROM program_participant pp JOIN employee e ON e.id = pp.employee_id
         WHERE pp.program_id = ?1 ORDER BY e.id"
    ))?;
    let mut people: Vec<(Employee, Side, Option<u8>)> = stmt
        .query_map([&key], |r| {
            let raw: String = r.get(15)?;
            let side =
                Side::parse(&raw).ok_or_else(|| conversion_error(15, format!("side '{raw}'")))?;
            let capacity = r
                .get::<_, Option<i64>>(16)?
                .map(|c| u8::try_from(c).map_err(|_| conversion_error(16, format!("capacity {c}"))))
                .transpose()?;
            Ok((read_employee_row(r)?, side, capacity))
        })?
        .collect::<Result<_, _>>()?;
    let index: HashMap<EmployeeId, usize> = people
        .iter()
        .enumerate()
        .map(|(i, (e, _, _))| (e.id, i))
        .collect();
    // One query per child table for the whole program, not one per person.
    let mut child = |sql: &str,
                     apply: &mut dyn FnMut(&mut Employee, &Row<'_>) -> rusqlite::Result<()>|
     -> CoreResult<()> {
        let mut stmt = conn.prepare_cached(sql)?;
        let mut rows = stmt.query([&key])?;
        while let Some(row) = rows.next()? {
            let id = employee_id_at(row, 0)?;
            if let Some(&i) = index.get(&id) {
                apply(&mut people[i].0, row)?;
            }
        }
        Ok(())
    };
    child(
        "SELECT c.employee_id, c.language FROM employee_language c
         JOIN program_participant pp ON pp.employee_id = c.employee_id
         WHERE pp.program_id = ?1 ORDER BY c.employee_id, c.language",
        &mut |e, r| {
            e.languages.push(r.get(1)?);
            Ok(())
        },
    )?;
    child(
        "SELECT c.employee_id, c.interest FROM employee_interest c
         JOIN program_participant pp ON pp.employee_id = c.employee_id
         WHERE pp.program_id = ?1 ORDER BY c.employee_id, c.interest",
        &mut |e, r| {
            e.interests.push(r.get(1)?);
            Ok(())
        },
    )?;
    child(
        "SELECT c.employee_id, c.weekday, c.start_minute, c.end_minute FROM availability_slot c
         JOIN program_participant pp ON pp.employee_id = c.employee_id
         WHERE pp.program_id = ?1 ORDER BY c.employee_id, c.weekday, c.start_minute",
        &mut |e, r| {
            e.availability.push(AvailabilitySlot {
                weekday: r.get(1)?,
                start_minute: r.get(2)?,
                end_minute: r.get(3)?,
            });
            Ok(())
        },
    )?;
    child(
        "SELECT c.employee_id, c.topic_id, c.level, c.target FROM skill_level c
         JOIN program_participant pp ON pp.employee_id = c.employee_id
         WHERE pp.program_id = ?1 ORDER BY c.employee_id, c.topic_id",
        &mut |e, r| {
            e.skills.push(SkillLevel {
                topic_id: r.get(1)?,
                level: r.get(2)?,
                target: r.get(3)?,
            });
            Ok(())
        },
    )?;
    Ok(people)
}

/// Every reporting line (employee → manager), in employee id order, for the org chart.
pub fn reporting_lines(conn: &Connection) -> CoreResult<Vec<(EmployeeId, Option<EmployeeId>)>> {
    let mut stmt = conn.prepare_cached("SELECT id, manager_id FROM employee ORDER BY id")?;
    let rows = stmt
        .query_map([], |r| {
            let manager: Option<String> = r.get(1)?;
            let manager = manager
                .map(|raw| {
                    Uuid::parse_str(&raw)
                        .map(EmployeeId)
                        .map_err(|e| conversion_error(1, format!("manager id '{raw}': {e}")))
                })
                .transpose()?;
            Ok((employee_id_at(r, 0)?, manager))
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// HR's excluded `(mentee, mentor)` pairs, in order.
pub fn exclusions(
    conn: &Connection,
    program: ProgramId,
) -> CoreResult<Vec<(EmployeeId, EmployeeId)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT mentee_id, mentor_id FROM program_exclusion WHERE program_id = ?1
         ORDER BY mentee_id, mentor_id",
    )?;
    let rows = stmt
        .query_map([program.to_string()], |r| {
            Ok((employee_id_at(r, 0)?, employee_id_at(r, 1)?))
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

pub fn insert_exclusion(
    conn: &Connection,
    program: ProgramId,
    mentee: EmployeeId,
    mentor: EmployeeId,
    now: &str,
) -> CoreResult<()> {
    conn.prepare_cached(
        "INSERT OR IGNORE INTO program_exclusion (program_id, mentee_id, mentor_id, created_at)
         VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![
        program.to_string(),
        mentee.to_string(),
        mentor.to_string(),
        now
    ])?;
    Ok(())
}

pub fn delete_exclusion(
    conn: &Connection,
    program: ProgramId,
    mentee: EmployeeId,
    mentor: EmployeeId,
) -> CoreResult<bool> {
    let n = conn
        .prepare_cached(
            "DELETE FROM program_exclusion
             WHERE program_id = ?1 AND mentee_id = ?2 AND mentor_id = ?3",
        )?
        .execute([program.to_string(), mentee.to_string(), mentor.to_string()])?;
    Ok(n == 1)
}

const PAIR_COLUMNS: &str = "id, mentee_id, mentor_id, status, locked, manual, score, points, \
     part_skill, part_interests, part_availability, part_adoption, part_comfort";

fn read_pair(row: &Row<'_>) -> rusqlite::Result<StoredPair> {
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
    })
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
) -> CoreResult<bool> {
    let n = conn
        .prepare_cached(
            "UPDATE program_pair SET locked = ?3, updated_at = ?4
             WHERE program_id = ?1 AND mentee_id = ?2",
        )?
        .execute(params![
            program.to_string(),
            mentee.to_string(),
            locked,
            now
        ])?;
    Ok(n == 1)
}

/// Approves the mentee's pair; false if there is none.
pub fn approve_pair(
    conn: &Connection,
    program: ProgramId,
    mentee: EmployeeId,
    now: &str,
) -> CoreResult<bool> {
    let n = conn
        .prepare_cached(
            "UPDATE program_pair SET status = 'approved', updated_at = ?3
             WHERE program_id = ?1 AND mentee_id = ?2",
        )?
        .execute(params![program.to_string(), mentee.to_string(), now])?;
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
