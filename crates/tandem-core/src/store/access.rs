//! SQL behind the access rules: who signs in (`tandem_login`), who is in a pair, whose session
//! it is, and who reports to whom. The rules themselves are in the `access` module.

use crate::store::db::{params, Connection, Engine, OptionalExtension};

use crate::domain::profile::{ProfileFacts, ProfileSides};
use crate::domain::session::{PairId, SessionId};
use crate::domain::{Actor, EmployeeId, ProgramRole};
use crate::{CoreError, CoreResult, RefusalKey};

use super::progress::timestamp;

fn employee_id(raw: Option<String>) -> Option<EmployeeId> {
    raw.and_then(|s| uuid::Uuid::parse_str(&s).ok().map(EmployeeId))
}

/// A login of the team database and what it is linked to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoginRow {
    pub login: String,
    pub employee: Option<EmployeeId>,
    pub hr_admin: bool,
    pub created_at: String,
}

fn read_login(r: &crate::store::db::Row<'_>) -> crate::store::db::Result<LoginRow> {
    Ok(LoginRow {
        login: r.get(0)?,
        employee: employee_id(r.get(1)?),
        hr_admin: r.get(2)?,
        created_at: r.get(3)?,
    })
}

/// The name the database knows the connection's user by: PostgreSQL's `session_user`; a SQLite
/// file has no users (`None`).
pub fn session_login(conn: &Connection) -> CoreResult<Option<String>> {
    match conn.engine() {
        Engine::Sqlite => Ok(None),
        Engine::Postgres => Ok(Some(
            conn.prepare_cached("SELECT CAST(session_user AS TEXT)")?
                .query_row((), |r| r.get(0))?,
        )),
    }
}

/// The row of `login`, if it is linked.
pub fn login(conn: &Connection, login: &str) -> CoreResult<Option<LoginRow>> {
    Ok(conn
        .prepare_cached(
            "SELECT login, employee_id, hr_admin, created_at FROM tandem_login WHERE login = ?1",
        )?
        .query_row([login], read_login)
        .optional()?)
}

/// Every login, in name order.
pub fn logins(conn: &Connection) -> CoreResult<Vec<LoginRow>> {
    let rows = conn
        .prepare_cached(
            "SELECT login, employee_id, hr_admin, created_at FROM tandem_login ORDER BY login",
        )?
        .query_map((), read_login)?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// Links `login` to `employee` (or to nobody) with or without HR rights, replacing its row.
pub fn save_login(
    conn: &Connection,
    login: &str,
    employee: Option<EmployeeId>,
    hr_admin: bool,
    now: chrono::DateTime<chrono::Utc>,
) -> CoreResult<()> {
    conn.prepare_cached(
        "INSERT INTO tandem_login (login, employee_id, hr_admin, created_at)
         VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (login) DO UPDATE SET employee_id = excluded.employee_id,
                                           hr_admin = excluded.hr_admin",
    )?
    .execute(params![
        login,
        employee.map(|e| e.to_string()),
        hr_admin,
        timestamp(now)
    ])?;
    Ok(())
}

/// Removes `login`'s link; true if there was one.
pub fn delete_login(conn: &Connection, login: &str) -> CoreResult<bool> {
    Ok(conn
        .prepare_cached("DELETE FROM tandem_login WHERE login = ?1")?
        .execute([login])?
        > 0)
}

/// How many logins are HR administrators.
pub fn hr_admin_count(conn: &Connection) -> CoreResult<i64> {
    Ok(conn
        .prepare_cached("SELECT COUNT(*) FROM tandem_login WHERE hr_admin = ?1")?
        .query_row([true], |r| r.get(0))?)
}

/// The mentee and mentor of a pair, and whether it is approved.
pub fn pair_members(
    conn: &Connection,
    pair: PairId,
) -> CoreResult<Option<(EmployeeId, EmployeeId, bool)>> {
    Ok(conn
        .prepare_cached(
            "SELECT mentee_id, mentor_id, status = 'approved' FROM program_pair WHERE id = ?1",
        )?
        .query_row([pair.to_string()], |r| {
            Ok((r.get::<String>(0)?, r.get::<String>(1)?, r.get::<bool>(2)?))
        })
        .optional()?
        .and_then(|(mentee, mentor, approved)| {
            Some((
                employee_id(Some(mentee))?,
                employee_id(Some(mentor))?,
                approved,
            ))
        }))
}

/// The pair a session belongs to.
pub fn session_pair(conn: &Connection, session: SessionId) -> CoreResult<Option<PairId>> {
    let raw: Option<String> = conn
        .prepare_cached("SELECT pair_id FROM session WHERE id = ?1")?
        .query_row([session.to_string()], |r| r.get(0))
        .optional()?;
    Ok(raw.and_then(|s| uuid::Uuid::parse_str(&s).ok().map(PairId)))
}

/// True when `manager` is above `person` in the reporting line, at any depth.
pub fn reports_to(conn: &Connection, person: EmployeeId, manager: EmployeeId) -> CoreResult<bool> {
    // UNION (not UNION ALL) drops a repeated manager, so a loop in the data ends the walk.
    Ok(conn
        .prepare_cached(
            "WITH RECURSIVE chain(id) AS (
                 SELECT manager_id FROM employee WHERE id = ?1 AND manager_id IS NOT NULL
                 UNION
                 SELECT e.manager_id FROM employee e JOIN chain c ON e.id = c.id
                 WHERE e.manager_id IS NOT NULL
             )
             SELECT EXISTS (SELECT 1 FROM chain WHERE id = ?2)",
        )?
        .query_row(params![person.to_string(), manager.to_string()], |r| {
            r.get(0)
        })?)
}

/// What a person takes part in: approved pairs as a mentee, as a mentor, and whether anyone
/// reports to them.
pub fn roles_of(conn: &Connection, person: EmployeeId) -> CoreResult<(bool, bool, bool)> {
    Ok(conn
        .prepare_cached(
            "SELECT
                 EXISTS (SELECT 1 FROM program_pair WHERE status = 'approved' AND mentee_id = ?1),
                 EXISTS (SELECT 1 FROM program_pair WHERE status = 'approved' AND mentor_id = ?1),
                 EXISTS (SELECT 1 FROM employee WHERE manager_id = ?1)",
        )?
        .query_row([person.to_string()], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?)
}

/// What one person's profile holds, and the sides they take: in an approved pair, as a
/// participant of any program, or by their directory role.
pub fn profile_of(
    conn: &Connection,
    person: EmployeeId,
) -> CoreResult<(ProfileSides, ProfileFacts)> {
    Ok(conn
        .prepare_cached(
            "SELECT e.program_role,
                 EXISTS (SELECT 1 FROM program_participant WHERE employee_id = e.id AND side = 'mentee'),
                 EXISTS (SELECT 1 FROM program_participant WHERE employee_id = e.id AND side = 'mentor'),
                 EXISTS (SELECT 1 FROM skill_level k WHERE k.employee_id = e.id AND k.target IS NOT NULL),
                 EXISTS (SELECT 1 FROM skill_level k WHERE k.employee_id = e.id),
                 EXISTS (SELECT 1 FROM availability_slot a WHERE a.employee_id = e.id)
             FROM employee e WHERE e.id = ?1",
        )?
        .query_row([person.to_string()], |r| {
            let role: String = r.get(0)?;
            let role = ProgramRole::parse(&role).unwrap_or(ProgramRole::None);
            let sides = ProfileSides {
                mentee: role.can_be_mentored() || r.get::<bool>(1)?,
                mentor: role.can_mentor() || r.get::<bool>(2)?,
            };
            let facts = ProfileFacts {
                has_goal: r.get(3)?,
                has_skill: r.get(4)?,
                has_availability: r.get(5)?,
            };
            Ok((sides, facts))
        })
        .optional()?
        .unwrap_or_default())
}

/// The actor a connection acts as: HR at the keyboard of a SQLite file; on a team database, the
/// linked row of its login. A login nobody linked is refused with `login_not_linked`.
pub fn actor_of_connection(conn: &Connection) -> CoreResult<Actor> {
    let Some(name) = session_login(conn)? else {
        return Ok(Actor::hr_here());
    };
    match login(conn, &name)? {
        Some(row) => Ok(Actor::signed_in(&name, row.employee, row.hr_admin)),
        None => Err(CoreError::forbidden(
            RefusalKey::LoginNotLinked,
            format!(
                "the login {name} is not linked to anyone in Tandem yet: ask an HR administrator to link it"
            ),
        )
        .with("login", name)),
    }
}
