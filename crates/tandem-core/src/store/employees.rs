//! SQL for employees: rows, their child rows (languages, interests, availability, skills), the
//! directory list and its facets, and the reporting line.
//!
//! Free functions over `&Connection` so they run on the store's connection or inside a
//! `Transaction` (which derefs to one); the import reuses them. They do not validate: callers
//! (`directory`, `import`, `demo`) check drafts first. `search_text` is always written from
//! [`employee_search_text`], and `updated_at` on every change. To add a column, add a migration, then
//! extend [`EMPLOYEE_COLUMNS`], [`read_employee_row`] and the insert/update statements together.

use crate::store::db::Value;
use crate::store::db::{params, params_from_iter, Connection, OptionalExtension, Row};
use chrono::NaiveDate;
use uuid::Uuid;

use crate::domain::directory::{
    DirectoryFacets, DirectoryPage, DirectoryQuery, DirectorySort, EmployeeRow, PersonRef,
    MAX_PAGE_SIZE,
};
use crate::domain::text::{employee_search_text, employee_sort_name, fold};
use crate::domain::{
    AdoptionProfile, AvailabilitySlot, Employee, EmployeeDraft, EmployeeId, ProgramRole, SkillLevel,
};
use crate::CoreResult;

/// The time stamp written to `created_at` / `updated_at` (RFC 3339, UTC).
pub fn now_timestamp() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

fn conversion_error(column: usize, message: String) -> crate::store::db::Error {
    crate::store::db::Error::Conversion { column, message }
}

fn employee_id_at(row: &Row<'_>, column: usize) -> crate::store::db::Result<EmployeeId> {
    let raw: String = row.get(column)?;
    Uuid::parse_str(&raw)
        .map(EmployeeId)
        .map_err(|e| conversion_error(column, format!("employee id '{raw}': {e}")))
}

fn optional_employee_id_at(
    row: &Row<'_>,
    column: usize,
) -> crate::store::db::Result<Option<EmployeeId>> {
    let raw: Option<String> = row.get(column)?;
    raw.map(|raw| {
        Uuid::parse_str(&raw)
            .map(EmployeeId)
            .map_err(|e| conversion_error(column, format!("employee id '{raw}': {e}")))
    })
    .transpose()
}

fn role_at(row: &Row<'_>, column: usize) -> crate::store::db::Result<ProgramRole> {
    let raw: String = row.get(column)?;
    ProgramRole::parse(&raw).ok_or_else(|| conversion_error(column, format!("role '{raw}'")))
}

fn profile_at(row: &Row<'_>, column: usize) -> crate::store::db::Result<Option<AdoptionProfile>> {
    let raw: Option<String> = row.get(column)?;
    raw.map(|raw| {
        AdoptionProfile::parse(&raw)
            .ok_or_else(|| conversion_error(column, format!("adoption profile '{raw}'")))
    })
    .transpose()
}

fn grade_at(row: &Row<'_>, column: usize) -> crate::store::db::Result<u8> {
    let grade: i64 = row.get(column)?;
    u8::try_from(grade).map_err(|_| conversion_error(column, format!("grade {grade}")))
}

/// The columns [`read_employee_row`] expects, in order (without the child rows).
pub const EMPLOYEE_COLUMNS: &str = "e.id, e.external_id, e.first_name, e.last_name, e.email, \
     e.department, e.title, e.grade, e.manager_id, e.site, e.timezone, e.hire_date, \
     e.program_role, e.adoption_profile, e.active";

/// Reads one row selected with [`EMPLOYEE_COLUMNS`]; child lists are left empty.
pub fn read_employee_row(row: &Row<'_>) -> crate::store::db::Result<Employee> {
    let hire_date: Option<String> = row.get(11)?;
    let hire_date = hire_date
        .map(|raw| {
            NaiveDate::parse_from_str(&raw, "%Y-%m-%d")
                .map_err(|e| conversion_error(11, format!("hire date '{raw}': {e}")))
        })
        .transpose()?;
    Ok(Employee {
        id: employee_id_at(row, 0)?,
        external_id: row.get(1)?,
        first_name: row.get(2)?,
        last_name: row.get(3)?,
        email: row.get(4)?,
        department: row.get(5)?,
        title: row.get(6)?,
        grade: grade_at(row, 7)?,
        manager_id: optional_employee_id_at(row, 8)?,
        site: row.get(9)?,
        timezone: row.get(10)?,
        hire_date,
        role: role_at(row, 12)?,
        adoption_profile: profile_at(row, 13)?,
        active: row.get(14)?,
        languages: Vec::new(),
        availability: Vec::new(),
        interests: Vec::new(),
        skills: Vec::new(),
    })
}

fn search_text_of(draft: &EmployeeDraft) -> String {
    employee_search_text(
        &draft.first_name,
        &draft.last_name,
        &draft.email,
        &draft.department,
        &draft.title,
    )
}

/// Inserts a new employee and its child rows. The draft must be normalized and validated.
pub fn insert_employee(
    conn: &Connection,
    id: EmployeeId,
    draft: &EmployeeDraft,
    now: &str,
) -> CoreResult<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO employee (id, external_id, first_name, last_name, email, department, title,
             grade, manager_id, site, timezone, hire_date, program_role, adoption_profile, active,
             search_text, created_at, updated_at, sort_name)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 1, ?15, ?16, ?16, ?17)",
    )?;
    stmt.execute(params_from_iter(employee_values(id, draft, now)))?;
    insert_children(conn, id, draft)
}

/// The values the insert and the update bind, in their shared `?1`..`?17` order.
fn employee_values(id: EmployeeId, draft: &EmployeeDraft, now: &str) -> [Value; 17] {
    [
        Value::from(id.to_string()),
        Value::from(draft.external_id.clone()),
        Value::from(draft.first_name.clone()),
        Value::from(draft.last_name.clone()),
        Value::from(draft.email.clone()),
        Value::from(draft.department.clone()),
        Value::from(draft.title.clone()),
        Value::from(draft.grade),
        Value::from(draft.manager_id.map(|m| m.to_string())),
        Value::from(draft.site.clone()),
        Value::from(draft.timezone.clone()),
        Value::from(draft.hire_date.map(|d| d.format("%Y-%m-%d").to_string())),
        Value::from(draft.role.unwrap_or(ProgramRole::None).as_str().to_owned()),
        Value::from(draft.adoption_profile.map(|p| p.as_str().to_owned())),
        Value::from(search_text_of(draft)),
        Value::from(now.to_owned()),
        Value::from(employee_sort_name(&draft.first_name, &draft.last_name)),
    ]
}

/// The change stamp of the employee `id`, if there is one.
pub fn employee_stamp(
    conn: &Connection,
    id: EmployeeId,
) -> CoreResult<Option<crate::domain::ChangeStamp>> {
    super::change_stamp(
        conn,
        "SELECT version, updated_by, updated_at FROM employee WHERE id = ?1",
        [id.to_string()],
    )
}

/// Replaces an employee's fields and child rows (the active flag is kept), when the stored
/// version is still `expected_version` (any version when `None`). Returns `false` when no employee
/// has this id at that version; the check and the write are one statement, so two writers based on
/// the same version cannot both pass.
pub fn update_employee(
    conn: &Connection,
    id: EmployeeId,
    draft: &EmployeeDraft,
    now: &str,
    expected_version: Option<i64>,
) -> CoreResult<bool> {
    let mut stmt = conn.prepare_cached(
        "UPDATE employee SET external_id = ?2, first_name = ?3, last_name = ?4, email = ?5,
             department = ?6, title = ?7, grade = ?8, manager_id = ?9, site = ?10, timezone = ?11,
             hire_date = ?12, program_role = ?13, adoption_profile = ?14, search_text = ?15,
             updated_at = ?16, sort_name = ?17
         WHERE id = ?1 AND (CAST(?18 AS BIGINT) IS NULL OR version = ?18)",
    )?;
    let values = employee_values(id, draft, now);
    let changed = stmt.execute(params_from_iter(
        values
            .into_iter()
            .chain(std::iter::once(Value::from(expected_version))),
    ))?;
    if changed == 0 {
        return Ok(false);
    }
    let key = id.to_string();
    for table in [
        "employee_language",
        "employee_interest",
        "availability_slot",
        "skill_level",
    ] {
        conn.prepare_cached(&format!("DELETE FROM {table} WHERE employee_id = ?1"))?
            .execute([&key])?;
    }
    insert_children(conn, id, draft)?;
    Ok(true)
}

fn insert_children(conn: &Connection, id: EmployeeId, draft: &EmployeeDraft) -> CoreResult<()> {
    let key = id.to_string();
    let mut language = conn
        .prepare_cached("INSERT INTO employee_language (employee_id, language) VALUES (?1, ?2)")?;
    for code in &draft.languages {
        language.execute(params![key, code])?;
    }
    let mut interest = conn
        .prepare_cached("INSERT INTO employee_interest (employee_id, interest) VALUES (?1, ?2)")?;
    for tag in &draft.interests {
        interest.execute(params![key, tag])?;
    }
    let mut slot = conn.prepare_cached(
        "INSERT INTO availability_slot (employee_id, weekday, start_minute, end_minute)
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for s in &draft.availability {
        slot.execute(params![key, s.weekday, s.start_minute, s.end_minute])?;
    }
    let mut skill = conn.prepare_cached(
        "INSERT INTO skill_level (employee_id, topic_id, level, target) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for s in &draft.skills {
        skill.execute(params![key, s.topic_id, s.level, s.target])?;
    }
    Ok(())
}

/// One employee with its child rows, or `None` for an unknown id.
pub fn get_employee(conn: &Connection, id: EmployeeId) -> CoreResult<Option<Employee>> {
    let key = id.to_string();
    let employee = conn
        .prepare_cached(&format!(
            "SELECT {EMPLOYEE_COLUMNS} FROM employee e WHERE e.id = ?1"
        ))?
        .query_row([&key], read_employee_row)
        .optional()?;
    let Some(mut employee) = employee else {
        return Ok(None);
    };
    employee.languages = conn
        .prepare_cached(
            "SELECT language FROM employee_language WHERE employee_id = ?1 ORDER BY language",
        )?
        .query_map([&key], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    employee.interests = conn
        .prepare_cached(
            "SELECT interest FROM employee_interest WHERE employee_id = ?1 ORDER BY interest",
        )?
        .query_map([&key], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    employee.availability = conn
        .prepare_cached(
            "SELECT weekday, start_minute, end_minute FROM availability_slot
             WHERE employee_id = ?1 ORDER BY weekday, start_minute",
        )?
        .query_map([&key], |r| {
            Ok(AvailabilitySlot {
                weekday: r.get(0)?,
                start_minute: r.get(1)?,
                end_minute: r.get(2)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    employee.skills = conn
        .prepare_cached(
            "SELECT topic_id, level, target FROM skill_level
             WHERE employee_id = ?1 ORDER BY topic_id",
        )?
        .query_map([&key], |r| {
            Ok(SkillLevel {
                topic_id: r.get(0)?,
                level: r.get(1)?,
                target: r.get(2)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(Some(employee))
}

/// Whether an employee with this id exists (active or not).
pub fn employee_exists(conn: &Connection, id: EmployeeId) -> CoreResult<bool> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM employee WHERE id = ?1)")?
        .query_row([id.to_string()], |r| r.get(0))?)
}

/// How many employees are stored, active or not.
pub fn count_employees(conn: &Connection) -> CoreResult<u32> {
    Ok(conn.query_row("SELECT COUNT(*) FROM employee", (), |r| r.get(0))?)
}

const PERSON_COLUMNS: &str =
    "e.id, e.first_name || ' ' || e.last_name, e.title, e.department, e.active";

fn read_person(row: &Row<'_>) -> crate::store::db::Result<PersonRef> {
    Ok(PersonRef {
        id: employee_id_at(row, 0)?,
        full_name: row.get(1)?,
        title: row.get(2)?,
        department: row.get(3)?,
        active: row.get(4)?,
    })
}

/// The employee as a short reference, or `None` for an unknown id.
pub fn person_ref(conn: &Connection, id: EmployeeId) -> CoreResult<Option<PersonRef>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {PERSON_COLUMNS} FROM employee e WHERE e.id = ?1"
        ))?
        .query_row([id.to_string()], read_person)
        .optional()?)
}

/// The employee's manager, if they have one.
pub fn manager_of(conn: &Connection, id: EmployeeId) -> CoreResult<Option<PersonRef>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {PERSON_COLUMNS} FROM employee e
             JOIN employee sub ON sub.manager_id = e.id WHERE sub.id = ?1"
        ))?
        .query_row([id.to_string()], read_person)
        .optional()?)
}

/// Everyone whose manager is `id` (active or not), ordered by last then first name.
pub fn direct_reports(conn: &Connection, id: EmployeeId) -> CoreResult<Vec<PersonRef>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {PERSON_COLUMNS} FROM employee e WHERE e.manager_id = ?1
             ORDER BY e.sort_name, e.id"
        ))?
        .query_map([id.to_string()], read_person)?
        .collect::<Result<_, _>>()?)
}

/// Someone other than `except` whose email is `email` (compared case-insensitively).
pub fn find_by_email(
    conn: &Connection,
    email: &str,
    except: Option<EmployeeId>,
) -> CoreResult<Option<PersonRef>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {PERSON_COLUMNS} FROM employee e
             WHERE {} = {} AND e.id IS DISTINCT FROM ?2",
            conn.nocase("e.email"),
            conn.nocase("?1")
        ))?
        .query_row(params![email, except.map(|e| e.to_string())], read_person)
        .optional()?)
}

/// Someone other than `except` whose HR id is `external_id`.
pub fn find_by_external_id(
    conn: &Connection,
    external_id: &str,
    except: Option<EmployeeId>,
) -> CoreResult<Option<PersonRef>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {PERSON_COLUMNS} FROM employee e
             WHERE e.external_id = ?1 AND e.id IS DISTINCT FROM CAST(?2 AS TEXT)"
        ))?
        .query_row(
            params![external_id, except.map(|e| e.to_string())],
            read_person,
        )
        .optional()?)
}

/// Sets or clears an employee's manager; `false` when the id is unknown. No cycle check here.
pub fn set_manager(
    conn: &Connection,
    id: EmployeeId,
    manager: Option<EmployeeId>,
    now: &str,
) -> CoreResult<bool> {
    let changed = conn
        .prepare_cached("UPDATE employee SET manager_id = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![id.to_string(), manager.map(|m| m.to_string()), now])?;
    Ok(changed > 0)
}

/// Activates or deactivates an employee; `false` when the id is unknown. Nothing is deleted and
/// reports keep their manager link.
pub fn set_active(conn: &Connection, id: EmployeeId, active: bool, now: &str) -> CoreResult<bool> {
    let changed = conn
        .prepare_cached("UPDATE employee SET active = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![id.to_string(), active, now])?;
    Ok(changed > 0)
}

/// The managers above `id`, nearest first (its manager, their manager, ...), excluding `id` itself
/// unless the stored data already loops back to it. Stops after one full lap of any loop.
pub fn manager_chain(conn: &Connection, id: EmployeeId) -> CoreResult<Vec<EmployeeId>> {
    // UNION (not UNION ALL) drops a repeated manager, so a loop in the data ends the walk.
    let mut stmt = conn.prepare_cached(
        "WITH RECURSIVE chain(id) AS (
             SELECT manager_id FROM employee WHERE id = ?1 AND manager_id IS NOT NULL
             UNION
             SELECT e.manager_id FROM employee e JOIN chain c ON e.id = c.id
             WHERE e.manager_id IS NOT NULL
         )
         SELECT id FROM chain",
    )?;
    let ids = stmt
        .query_map([id.to_string()], |r| employee_id_at(r, 0))?
        .collect::<Result<_, _>>()?;
    Ok(ids)
}

/// Every stored reporting line (employee → manager, `None` at the top), active or not: the input of
/// `directory::reporting_cycles` when many lines change at once (an import).
pub fn manager_links(
    conn: &Connection,
) -> CoreResult<std::collections::HashMap<EmployeeId, Option<EmployeeId>>> {
    let mut stmt = conn.prepare_cached("SELECT id, manager_id FROM employee")?;
    let links = stmt
        .query_map((), |r| {
            Ok((employee_id_at(r, 0)?, optional_employee_id_at(r, 1)?))
        })?
        .collect::<Result<_, _>>()?;
    Ok(links)
}

/// The topic ids among `ids` that the catalog does not know, in the given order.
pub fn unknown_topics<'a>(
    conn: &Connection,
    ids: impl IntoIterator<Item = &'a str>,
) -> CoreResult<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM topic WHERE id = ?1)")?;
    let mut unknown = Vec::new();
    for id in ids {
        let known: bool = stmt.query_row([id], |r| r.get(0))?;
        if !known {
            unknown.push(id.to_owned());
        }
    }
    Ok(unknown)
}

/// Escapes `%`, `_` and the escape character itself for `LIKE ... ESCAPE '\'`.
fn like_escape(word: &str) -> String {
    let mut out = String::with_capacity(word.len() + 2);
    for c in word.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The `WHERE` clause and its parameters for a directory query.
fn directory_filter(query: &DirectoryQuery) -> (String, Vec<Value>) {
    let mut clauses: Vec<String> = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    if !query.include_inactive {
        clauses.push("e.active = 1".to_owned());
    }
    for word in fold(&query.search).split_whitespace() {
        values.push(Value::Text(format!("%{}%", like_escape(word))));
        clauses.push(format!("e.search_text LIKE ?{} ESCAPE '\\'", values.len()));
    }
    if let Some(department) = &query.department {
        values.push(Value::Text(department.clone()));
        clauses.push(format!("e.department = ?{}", values.len()));
    }
    if let Some(role) = query.role {
        let roles = match role {
            ProgramRole::Mentor => "('mentor', 'both')",
            ProgramRole::Mentee => "('mentee', 'both')",
            ProgramRole::Both => "('both')",
            ProgramRole::None => "('none')",
        };
        clauses.push(format!("e.program_role IN {roles}"));
    }
    if let Some(profile) = query.adoption_profile {
        values.push(Value::Text(profile.as_str().to_owned()));
        clauses.push(format!("e.adoption_profile = ?{}", values.len()));
    }
    // "Best level on the platform >= min" is "some topic of the platform at >= min". `IN` builds
    // the set of such employees once from the `skill_level_topic` index, instead of probing
    // `skill_level` once per employee as a correlated `EXISTS` would.
    match (&query.platform_id, query.min_level) {
        (Some(platform), min) => {
            values.push(Value::Text(platform.clone()));
            let platform_param = values.len();
            values.push(Value::Integer(i64::from(min.unwrap_or(0))));
            clauses.push(format!(
                "e.id IN (SELECT s.employee_id FROM skill_level s JOIN topic t ON t.id = s.topic_id
                 WHERE t.platform_id = ?{platform_param} AND s.level >= ?{})",
                values.len()
            ));
        }
        (None, Some(min)) => {
            values.push(Value::Integer(i64::from(min)));
            clauses.push(format!(
                "e.id IN (SELECT s.employee_id FROM skill_level s WHERE s.level >= ?{})",
                values.len()
            ));
        }
        (None, None) => {}
    }
    let clause = if clauses.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", clauses.join(" AND "))
    };
    (clause, values)
}

fn directory_order(conn: &Connection, sort: DirectorySort, descending: bool) -> String {
    let dir = if descending { "DESC" } else { "ASC" };
    // Ties fall back to name then id, in the same direction, so windows are stable and an index
    // can serve both directions.
    let name = format!("e.sort_name {dir}, e.id {dir}");
    match sort {
        DirectorySort::Name => name,
        DirectorySort::Department => format!("{} {dir}, {name}", conn.nocase("e.department")),
        DirectorySort::Title => format!("{} {dir}, {name}", conn.nocase("e.title")),
        DirectorySort::Grade => format!("e.grade {dir}, {name}"),
    }
}

/// One window of the directory list, and how many employees match in all.
pub fn list_employees(conn: &Connection, query: &DirectoryQuery) -> CoreResult<DirectoryPage> {
    let (filter, mut values) = directory_filter(query);
    // A `LIKE '%word%'` search can use no index, so the best plan is one sequential scan of the
    // table (then a small sort). Left free, SQLite walks a sort index instead and looks up every
    // row at random, up to 5x slower on a rare word at 20,000 employees (see benches/directory.rs).
    let source = if query.search.split_whitespace().next().is_some() {
        "employee e NOT INDEXED"
    } else {
        "employee e"
    };
    let total: u32 = conn
        .prepare_cached(&format!("SELECT COUNT(*) FROM {source} {filter}"))?
        .query_row(params_from_iter(values.iter()), |r| r.get(0))?;
    let limit = query.limit.min(MAX_PAGE_SIZE);
    values.push(Value::Integer(i64::from(limit)));
    values.push(Value::Integer(i64::from(query.offset)));
    let sql = format!(
        "SELECT e.id, e.external_id, e.first_name, e.last_name, e.email, e.department, e.title,
                e.grade, e.program_role, e.adoption_profile, e.active
         FROM {source} {filter}
         ORDER BY {order}
         LIMIT ?{} OFFSET ?{}",
        values.len() - 1,
        values.len(),
        order = directory_order(conn, query.sort, query.descending),
    );
    let rows = conn
        .prepare_cached(&sql)?
        .query_map(params_from_iter(values.iter()), |r| {
            Ok(EmployeeRow {
                id: employee_id_at(r, 0)?,
                external_id: r.get(1)?,
                first_name: r.get(2)?,
                last_name: r.get(3)?,
                email: r.get(4)?,
                department: r.get(5)?,
                title: r.get(6)?,
                grade: grade_at(r, 7)?,
                role: role_at(r, 8)?,
                adoption_profile: profile_at(r, 9)?,
                active: r.get(10)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(DirectoryPage {
        total,
        offset: query.offset,
        rows,
    })
}

/// The departments and sites of active employees, and active/inactive counts.
pub fn facets(conn: &Connection) -> CoreResult<DirectoryFacets> {
    let distinct = |column: &str| -> CoreResult<Vec<String>> {
        Ok(conn
            .prepare_cached(&format!(
                "SELECT {column} FROM employee WHERE active = 1 AND {column} <> ''
                 GROUP BY {column} ORDER BY {}, {column}",
                conn.nocase(column)
            ))?
            .query_map((), |r| r.get(0))?
            .collect::<Result<_, _>>()?)
    };
    // Both counts come from indexes (the active one from a partial index), not a table scan.
    let (active_count, all_count): (u32, u32) = conn.query_row(
        "SELECT (SELECT COUNT(*) FROM employee WHERE active = 1), (SELECT COUNT(*) FROM employee)",
        (),
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let inactive_count = all_count.saturating_sub(active_count);
    Ok(DirectoryFacets {
        departments: distinct("department")?,
        sites: distinct("site")?,
        active_count,
        inactive_count,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    fn stored_search_text(conn: &Connection, id: EmployeeId) -> CoreResult<String> {
        Ok(conn.query_row(
            "SELECT search_text FROM employee WHERE id = ?1",
            [id.to_string()],
            |r| r.get(0),
        )?)
    }

    fn draft(first: &str, last: &str, email: &str) -> EmployeeDraft {
        EmployeeDraft {
            external_id: email.to_owned(),
            first_name: first.to_owned(),
            last_name: last.to_owned(),
            email: email.to_owned(),
            department: "Ventes".to_owned(),
            title: "Chargée".to_owned(),
            grade: 3,
            timezone: "Europe/Paris".to_owned(),
            ..EmployeeDraft::default()
        }
    }

    #[test]
    fn search_text_always_equals_the_folded_fields_after_insert_and_update() -> CoreResult<()> {
        let mut store = Store::open_for_tests()?;
        let id = EmployeeId::new();
        let first = draft("Hélène", "Dubois", "helene@example.com");
        let second = draft("Zoé", "Lefèvre", "zoe@example.com");
        store.transaction(|tx| {
            insert_employee(tx, id, &first, &now_timestamp())?;
            assert_eq!(stored_search_text(tx, id)?, search_text_of(&first));
            update_employee(tx, id, &second, &now_timestamp(), None)?;
            assert_eq!(stored_search_text(tx, id)?, search_text_of(&second));
            Ok(())
        })?;
        assert!(search_text_of(&second).contains("zoe lefevre"));
        Ok(())
    }

    #[test]
    fn like_wildcards_in_a_search_are_taken_literally() {
        assert_eq!(like_escape("100%_a\\b"), "100\\%\\_a\\\\b");
    }

    #[test]
    fn the_manager_chain_lists_managers_nearest_first_and_links_list_every_line() -> CoreResult<()>
    {
        let mut store = Store::open_for_tests()?;
        let ids: Vec<EmployeeId> = (0..4).map(|_| EmployeeId::new()).collect();
        store.transaction(|tx| {
            for (i, id) in ids.iter().enumerate() {
                let mut d = draft("A", &format!("L{i}"), &format!("a{i}@example.com"));
                d.manager_id = i.checked_sub(1).map(|m| ids[m]);
                insert_employee(tx, *id, &d, &now_timestamp())?;
            }
            Ok(())
        })?;
        assert_eq!(
            manager_chain(store.conn(), ids[3])?,
            vec![ids[2], ids[1], ids[0]]
        );
        assert!(manager_chain(store.conn(), ids[0])?.is_empty());
        let links = manager_links(store.conn())?;
        assert_eq!(links.len(), 4);
        assert_eq!(links.get(&ids[2]), Some(&Some(ids[1])));
        assert_eq!(links.get(&ids[0]), Some(&None));
        Ok(())
    }
}
