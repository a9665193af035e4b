//! SQL for programs: the program row and its matching settings, participants, HR's excluded
//! pairs, and the persisted pairs of the proposal.
//!
//! Free functions over `&Connection`, so they run on the store's connection or inside a
//! transaction; they do not validate (the `program` module does). Employees are read with the
//! directory's [`EMPLOYEE_COLUMNS`] and [`read_employee_row`], so a new employee column needs no
//! change here. To add a program column: a migration, then `PROGRAM_COLUMNS`, `read_program` and
//! the insert/update statements together.
//!
//! Split by subject: this file holds the program rows and the row helpers shared with
//! [`participants`] (participants, exclusions, reporting lines) and [`pairs`] (the proposal).
//! Everything is re-exported here, so callers use `store::programs::*` whichever file holds it.

mod pairs;
mod participants;

pub use pairs::*;
pub use participants::*;

use crate::store::db::Value;
use crate::store::db::{params_from_iter, Connection, OptionalExtension, Row};
use chrono::NaiveDate;
use uuid::Uuid;

use crate::domain::matching::Weights;
use crate::domain::program::{MatchingSettings, PersonSummary, Program, ProgramId, ProgramInput};
use crate::domain::{EmployeeId, ProgramRole};
use crate::CoreResult;

fn conversion_error(column: usize, message: String) -> crate::store::db::Error {
    crate::store::db::Error::Conversion { column, message }
}

fn uuid_at(row: &Row<'_>, column: usize) -> crate::store::db::Result<Uuid> {
    let raw: String = row.get(column)?;
    Uuid::parse_str(&raw).map_err(|e| conversion_error(column, format!("id '{raw}': {e}")))
}

fn employee_id_at(row: &Row<'_>, column: usize) -> crate::store::db::Result<EmployeeId> {
    uuid_at(row, column).map(EmployeeId)
}

fn date_at(row: &Row<'_>, column: usize) -> crate::store::db::Result<NaiveDate> {
    let raw: String = row.get(column)?;
    NaiveDate::parse_from_str(&raw, "%Y-%m-%d")
        .map_err(|e| conversion_error(column, format!("date '{raw}': {e}")))
}

fn small_at<T: TryFrom<i64>>(row: &Row<'_>, column: usize) -> crate::store::db::Result<T> {
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

fn read_program(row: &Row<'_>) -> crate::store::db::Result<Program> {
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
    conn.prepare_cached(
        "INSERT INTO program (id, name, start_date, end_date, cadence_weeks, session_minutes,
             charter, weight_skill, weight_interests, weight_availability, weight_adoption,
             weight_comfort, default_capacity, require_different_department, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)",
    )?
    .execute(params_from_iter(program_values(id, input, now)))?;
    Ok(())
}

/// The values the insert and the update bind, in their shared `?1`..`?15` order.
fn program_values(id: ProgramId, input: &ProgramInput, now: &str) -> [Value; 15] {
    let w = input.matching.weights;
    [
        Value::from(id.to_string()),
        Value::from(input.name.clone()),
        Value::from(date_text(input.start_date)),
        Value::from(date_text(input.end_date)),
        Value::from(input.cadence_weeks),
        Value::from(input.session_minutes),
        Value::from(input.charter.clone()),
        Value::from(w.skill),
        Value::from(w.interests),
        Value::from(w.availability),
        Value::from(w.adoption),
        Value::from(w.comfort),
        Value::from(input.matching.default_capacity),
        Value::from(input.matching.require_different_department),
        Value::from(now.to_owned()),
    ]
}

/// Replaces a program's fields and settings; false for an unknown id.
pub fn update_program(
    conn: &Connection,
    id: ProgramId,
    input: &ProgramInput,
    now: &str,
) -> CoreResult<bool> {
    let n = conn
        .prepare_cached(
            "UPDATE program SET name = ?2, start_date = ?3, end_date = ?4, cadence_weeks = ?5,
                 session_minutes = ?6, charter = ?7, weight_skill = ?8, weight_interests = ?9,
                 weight_availability = ?10, weight_adoption = ?11, weight_comfort = ?12,
                 default_capacity = ?13, require_different_department = ?14, updated_at = ?15
             WHERE id = ?1",
        )?
        .execute(params_from_iter(program_values(id, input, now)))?;
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

/// The people of the program's pairs (mentees and mentors), by id.
pub fn pair_people(conn: &Connection, program: ProgramId) -> CoreResult<Vec<PersonSummary>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM employee e
         WHERE e.id IN (SELECT mentee_id FROM program_pair WHERE program_id = ?1
                        UNION SELECT mentor_id FROM program_pair WHERE program_id = ?1)"
    ))?;
    let rows = stmt
        .query_map([program.to_string()], read_summary)?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// True when the program exists.
pub fn program_exists(conn: &Connection, id: ProgramId) -> CoreResult<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM program WHERE id = ?1")?
        .query_row([id.to_string()], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Every program, latest start first.
pub fn list_programs(conn: &Connection) -> CoreResult<Vec<Program>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {PROGRAM_COLUMNS} FROM program p ORDER BY p.start_date DESC, p.name, p.id"
    ))?;
    let rows = stmt
        .query_map((), read_program)?
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

fn read_summary(row: &Row<'_>) -> crate::store::db::Result<PersonSummary> {
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
