//! Reads and writes of follower figures per employee and platform (`employee_audience`).

use crate::store::db::{params, Connection};

use super::{level_at, uuid_at};
use crate::domain::EmployeeId;
use crate::CoreResult;

/// Followers on one platform: (platform id, sum, how many people gave a figure).
pub type PlatformFollowers = (String, u64, u32);

/// The sum and count of the follower figures of a set of people (a JSON array, see
/// [`super::id_list`]) per platform; platforms where nobody gave a figure are left out.
pub fn followers_of(conn: &Connection, people: &str) -> CoreResult<Vec<PlatformFollowers>> {
    let rows = conn
        .prepare_cached(
            "SELECT a.platform_id, SUM(a.followers), COUNT(*)
             FROM employee_audience a
             WHERE a.employee_id IN (SELECT value FROM json_each(?1))
             GROUP BY a.platform_id",
        )?
        .query_map([people], |r| {
            let sum: i64 = r.get(1)?;
            Ok((r.get(0)?, u64::try_from(sum).unwrap_or(0), r.get(2)?))
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// An employee's follower figure on one platform, with the platform.
#[derive(Debug, Clone)]
pub struct AudienceRow {
    pub platform_id: String,
    pub platform_name: String,
    pub platform_active: bool,
    pub followers: Option<i64>,
    pub updated_at: Option<String>,
}

/// Every platform in catalog order with the employee's figure on it, if any.
pub fn audience_of(conn: &Connection, employee: EmployeeId) -> CoreResult<Vec<AudienceRow>> {
    let rows = conn
        .prepare_cached(
            "SELECT pl.id, pl.name, pl.active, a.followers, a.updated_at
             FROM platform pl
             LEFT JOIN employee_audience a ON a.platform_id = pl.id AND a.employee_id = ?1
             ORDER BY pl.position, pl.id",
        )?
        .query_map([employee.to_string()], |r| {
            Ok(AudienceRow {
                platform_id: r.get(0)?,
                platform_name: r.get(1)?,
                platform_active: r.get(2)?,
                followers: r.get(3)?,
                updated_at: r.get(4)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// Sets an employee's follower figure on a platform.
pub fn set_followers(
    conn: &Connection,
    employee: EmployeeId,
    platform_id: &str,
    followers: i64,
    now: &str,
) -> CoreResult<()> {
    conn.prepare_cached(
        "INSERT INTO employee_audience (employee_id, platform_id, followers, updated_at)
         VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (employee_id, platform_id)
         DO UPDATE SET followers = excluded.followers, updated_at = excluded.updated_at",
    )?
    .execute(params![employee.to_string(), platform_id, followers, now])?;
    Ok(())
}

/// Sets the figure only where the employee has none yet; true if it was written.
pub fn set_followers_if_unknown(
    conn: &Connection,
    employee: EmployeeId,
    platform_id: &str,
    followers: i64,
    now: &str,
) -> CoreResult<bool> {
    let n = conn
        .prepare_cached(
            "INSERT INTO employee_audience (employee_id, platform_id, followers, updated_at)
             VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
        )?
        .execute(params![employee.to_string(), platform_id, followers, now])?;
    Ok(n == 1)
}

/// Forgets an employee's figure on a platform.
pub fn clear_followers(
    conn: &Connection,
    employee: EmployeeId,
    platform_id: &str,
) -> CoreResult<()> {
    conn.prepare_cached(
        "DELETE FROM employee_audience WHERE employee_id = ?1 AND platform_id = ?2",
    )?
    .execute(params![employee.to_string(), platform_id])?;
    Ok(())
}

/// Active employees with a program role, with their grade, in id order.
pub fn audience_candidates(conn: &Connection) -> CoreResult<Vec<(EmployeeId, u8)>> {
    let rows = conn
        .prepare_cached(
            "SELECT id, grade FROM employee
             WHERE active = 1 AND program_role <> 'none' ORDER BY id",
        )?
        .query_map((), |r| Ok((EmployeeId(uuid_at(r, 0)?), level_at(r, 1)?)))?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}
