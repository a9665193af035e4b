//! SQL for a program's participants, the people who may join it, the reporting lines the org
//! chart draws, and HR's excluded pairs.
//!
//! Free functions over `&Connection`; they do not validate (the `program` module does). Row
//! helpers and [`SUMMARY_COLUMNS`] come from the parent module, so a new person column is added
//! there. Employees are read with the directory's [`EMPLOYEE_COLUMNS`] and [`read_employee_row`].

use std::collections::HashMap;

use crate::store::db::{params, Connection, OptionalExtension, Row};
use uuid::Uuid;

use super::{conversion_error, employee_id_at, read_summary, small_at, SUMMARY_COLUMNS};
use crate::domain::profile::ProfileFacts;
use crate::domain::program::{Participant, ProgramId, Side};
use crate::domain::{AvailabilitySlot, Employee, EmployeeId, SkillLevel};
use crate::store::employees::{read_employee_row, EMPLOYEE_COLUMNS};
use crate::CoreResult;

/// The program's participants in name order, with the capacity matching uses.
pub fn participants(conn: &Connection, program: ProgramId) -> CoreResult<Vec<Participant>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SUMMARY_COLUMNS}, pp.side, pp.capacity, p.default_capacity,
             EXISTS (SELECT 1 FROM skill_level k WHERE k.employee_id = e.id AND k.target IS NOT NULL),
             EXISTS (SELECT 1 FROM skill_level k WHERE k.employee_id = e.id),
             EXISTS (SELECT 1 FROM availability_slot a WHERE a.employee_id = e.id)
         FROM program_participant pp
         JOIN employee e ON e.id = pp.employee_id
         JOIN program p ON p.id = pp.program_id
         WHERE pp.program_id = ?1
         ORDER BY e.sort_name, e.id"
    ))?;
    let rows = stmt
        .query_map([program.to_string()], |r| {
            let raw: String = r.get(7)?;
            let side =
                Side::parse(&raw).ok_or_else(|| conversion_error(7, format!("side '{raw}'")))?;
            let capacity_override: Option<u8> = r
                .get::<Option<i64>>(8)?
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
                profile: ProfileFacts {
                    has_goal: r.get(10)?,
                    has_skill: r.get(11)?,
                    has_availability: r.get(12)?,
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
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT e.id FROM employee e
         WHERE e.active = 1 AND e.program_role IN (?2, 'both')
           AND (CAST(?3 AS TEXT) IS NULL OR {} = {})
           AND NOT EXISTS (SELECT 1 FROM program_participant pp
                           WHERE pp.program_id = ?1 AND pp.employee_id = e.id)
         ORDER BY e.id",
        conn.nocase("e.department"),
        conn.nocase("?3")
    ))?;
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
                .get::<Option<i64>>(16)?
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
    let mut child =
        |sql: &str,
         apply: &mut dyn FnMut(&mut Employee, &Row<'_>) -> crate::store::db::Result<()>|
         -> CoreResult<()> {
            let mut stmt = conn.prepare_cached(sql)?;
            let mut rows = stmt.query([&key])?;
            while let Some(row) = rows.next()? {
                let row = &row;
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
        .query_map((), |r| {
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
        "INSERT INTO program_exclusion (program_id, mentee_id, mentor_id, created_at)
         VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
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
