//! The SQL of the HR import: one read of the whole directory, and the bulk writes of a commit.
//!
//! The import decides everything in memory (see the `import` module); this module only reads the
//! rows it compares against and applies the decided inserts and updates with prepared statements,
//! inside the caller's transaction. When the employee table gains a column the import can feed, add
//! it to [`StoredEmployee`], to the SELECT and to both write statements.

use std::collections::HashMap;

use crate::store::db::{params, Connection, Engine, OptionalExtension};

use crate::domain::text::{employee_search_text, employee_sort_name};
use crate::{CoreError, CoreResult, RefusalKey};

/// An employee as the import compares and writes it: stored column values, languages and interests
/// sorted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StoredEmployee {
    pub id: String,
    pub external_id: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub department: String,
    pub title: String,
    pub grade: u8,
    pub manager_id: Option<String>,
    pub site: String,
    pub timezone: String,
    /// `YYYY-MM-DD`.
    pub hire_date: Option<String>,
    pub role: String,
    pub adoption_profile: Option<String>,
    pub active: bool,
    pub languages: Vec<String>,
    pub interests: Vec<String>,
}

/// An existing employee to rewrite, and which of its lists changed.
pub(crate) struct EmployeeUpdate {
    pub employee: StoredEmployee,
    pub languages_changed: bool,
    pub interests_changed: bool,
}

/// Every employee, active or not, with languages and interests.
pub(crate) fn import_snapshot(conn: &Connection) -> CoreResult<Vec<StoredEmployee>> {
    let mut languages = list_by_employee(
        conn,
        "SELECT employee_id, language FROM employee_language ORDER BY employee_id, language",
    )?;
    let mut interests = list_by_employee(
        conn,
        "SELECT employee_id, interest FROM employee_interest ORDER BY employee_id, interest",
    )?;
    let mut stmt = conn.prepare(
        "SELECT id, external_id, first_name, last_name, email, department, title, grade, manager_id,
                site, timezone, hire_date, program_role, adoption_profile, active
         FROM employee",
    )?;
    let rows = stmt.query_map((), |row| {
        Ok(StoredEmployee {
            id: row.get(0)?,
            external_id: row.get(1)?,
            first_name: row.get(2)?,
            last_name: row.get(3)?,
            email: row.get(4)?,
            department: row.get(5)?,
            title: row.get(6)?,
            grade: row.get(7)?,
            manager_id: row.get(8)?,
            site: row.get(9)?,
            timezone: row.get(10)?,
            hire_date: row.get(11)?,
            role: row.get(12)?,
            adoption_profile: row.get(13)?,
            active: row.get(14)?,
            languages: Vec::new(),
            interests: Vec::new(),
        })
    })?;
    let mut employees = Vec::new();
    for row in rows {
        let mut employee = row?;
        employee.languages = languages.remove(&employee.id).unwrap_or_default();
        employee.interests = interests.remove(&employee.id).unwrap_or_default();
        employees.push(employee);
    }
    Ok(employees)
}

fn list_by_employee(conn: &Connection, sql: &str) -> CoreResult<HashMap<String, Vec<String>>> {
    let mut stmt = conn.prepare(sql)?;
    let mut rows = stmt.query(())?;
    let mut map: HashMap<String, Vec<String>> = HashMap::new();
    while let Some(row) = rows.next()? {
        let row = &row;
        map.entry(row.get(0)?).or_default().push(row.get(1)?);
    }
    Ok(map)
}

/// How much page cache a large import may use (KiB, as SQLite counts it when negative). Rows land
/// in random places of the uuid and name indexes; with the default 2 MB cache, 50,000 inserts spent
/// most of their time spilling and re-reading pages.
const IMPORT_CACHE_KIB: i64 = 64 * 1024;

/// Applies a decided import inside `tx`: inserts, then updates. `inserts` must list each new
/// employee's manager before them when the manager is new too, so every insert can carry its
/// manager. `progress` receives the number of employees written.
pub(crate) fn write_import(
    tx: &Connection,
    inserts: &[StoredEmployee],
    updates: &[EmployeeUpdate],
    now: &str,
    progress: &mut dyn FnMut(usize),
) -> CoreResult<()> {
    if tx.engine() != Engine::Sqlite {
        return write_rows(tx, inserts, updates, now, progress);
    }
    let previous_cache: i64 = tx.query_row("PRAGMA cache_size", (), |r| r.get(0))?;
    tx.execute_batch(&format!("PRAGMA cache_size = {}", -IMPORT_CACHE_KIB))?;
    let result = write_rows(tx, inserts, updates, now, progress);
    // Restored whatever happened: the connection outlives the import.
    tx.execute_batch(&format!("PRAGMA cache_size = {previous_cache}"))?;
    result
}

fn write_rows(
    tx: &Connection,
    inserts: &[StoredEmployee],
    updates: &[EmployeeUpdate],
    now: &str,
    progress: &mut dyn FnMut(usize),
) -> CoreResult<()> {
    let mut insert = tx.prepare(
        "INSERT INTO employee (id, external_id, first_name, last_name, email, department, title,
             grade, manager_id, site, timezone, hire_date, program_role, adoption_profile, active,
             search_text, created_at, updated_at, sort_name)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 1, ?15, ?16, ?16, ?17)",
    )?;
    let mut update = tx.prepare(
        "UPDATE employee SET external_id = ?2, first_name = ?3, last_name = ?4, email = ?5,
             department = ?6, title = ?7, grade = ?8, manager_id = ?9, site = ?10, timezone = ?11,
             hire_date = ?12, program_role = ?13, adoption_profile = ?14, active = 1,
             search_text = ?15, updated_at = ?16, sort_name = ?17
         WHERE id = ?1",
    )?;
    let mut clear_languages = tx.prepare("DELETE FROM employee_language WHERE employee_id = ?1")?;
    let mut add_language =
        tx.prepare("INSERT INTO employee_language (employee_id, language) VALUES (?1, ?2)")?;
    let mut clear_interests = tx.prepare("DELETE FROM employee_interest WHERE employee_id = ?1")?;
    let mut add_interest =
        tx.prepare("INSERT INTO employee_interest (employee_id, interest) VALUES (?1, ?2)")?;

    let mut written = 0usize;
    for e in inserts {
        insert.execute(params![
            e.id,
            e.external_id,
            e.first_name,
            e.last_name,
            e.email,
            e.department,
            e.title,
            e.grade,
            e.manager_id,
            e.site,
            e.timezone,
            e.hire_date,
            e.role,
            e.adoption_profile,
            search_text(e),
            now,
            employee_sort_name(&e.first_name, &e.last_name),
        ])?;
        for language in &e.languages {
            add_language.execute(params![e.id, language])?;
        }
        for interest in &e.interests {
            add_interest.execute(params![e.id, interest])?;
        }
        written += 1;
        progress(written);
    }
    for u in updates {
        let e = &u.employee;
        update.execute(params![
            e.id,
            e.external_id,
            e.first_name,
            e.last_name,
            e.email,
            e.department,
            e.title,
            e.grade,
            e.manager_id,
            e.site,
            e.timezone,
            e.hire_date,
            e.role,
            e.adoption_profile,
            search_text(e),
            now,
            employee_sort_name(&e.first_name, &e.last_name),
        ])?;
        if u.languages_changed {
            clear_languages.execute([&e.id])?;
            for language in &e.languages {
                add_language.execute(params![e.id, language])?;
            }
        }
        if u.interests_changed {
            clear_interests.execute([&e.id])?;
            for interest in &e.interests {
                add_interest.execute(params![e.id, interest])?;
            }
        }
        written += 1;
        progress(written);
    }
    // Foreign keys are enforced per statement already; this catches anything a future change to
    // the write order could let through, before the transaction commits. (PostgreSQL checks every
    // reference as each statement runs, with no way to defer it here.)
    if tx.engine() != Engine::Sqlite {
        return Ok(());
    }
    let broken: Option<String> = tx
        .query_row(
            "SELECT \"table\" FROM pragma_foreign_key_check('employee') LIMIT 1",
            (),
            |r| r.get(0),
        )
        .optional()?;
    if let Some(table) = broken {
        return Err(CoreError::conflict(
            RefusalKey::ImportBrokenReference,
            format!("the import would leave a broken reference in {table}; nothing was imported"),
        )
        .with("table", table));
    }
    Ok(())
}

fn search_text(e: &StoredEmployee) -> String {
    employee_search_text(
        &e.first_name,
        &e.last_name,
        &e.email,
        &e.department,
        &e.title,
    )
}
