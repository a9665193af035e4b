//! Moving a solo database (a SQLite file) into an empty team database (PostgreSQL), or any
//! Tandem database into another of the same schema: every row of every table, in one transaction
//! on the target, checked by counting each table on both sides before it commits.
//!
//! The target must be empty: no employee, no program, no setting, and only the catalog its own
//! migrations wrote (which the copy replaces by the source's, edits included). Anything else is
//! refused untouched.
//!
//! Who signs in (`tandem_login`) belongs to the team database: it is neither copied nor counted,
//! so the person moving the file stays its HR administrator. Nor is `session_shared`, which the
//! team database's triggers fill from the logs as they are copied.
//!
//! The per-pair tallies ([`DERIVED`]) are not copied either: the target's triggers fill them as
//! the logs and topics arrive, and they are counted like the copied tables, which checks that
//! both sides agree.
//!
//! To add a table: append it to [`TABLES`] (or to [`TEAM_OWN`] or [`DERIVED`]) after the tables it
//! references. A unit test fails while a table of the schema is missing from the lists.

use super::db::{Connection, Value};
use super::dump::{table_counts, table_names};
use crate::{CoreError, CoreResult, RefusalKey};

/// Every table, each after the tables it references. `employee.manager_id` refers to its own table:
/// it is written in a second pass.
pub const TABLES: &[&str] = &[
    "platform",
    "topic",
    "employee",
    "employee_language",
    "employee_interest",
    "availability_slot",
    "skill_level",
    "app_setting",
    "employee_audience",
    "program",
    "program_participant",
    "program_exclusion",
    "program_pair",
    "session",
    "session_log",
    "session_topic",
    "self_assessment",
    "charter_acknowledgement",
];

/// Tables the team database keeps as they are: its logins, and the copy of the logs' shareable
/// columns its triggers keep (`session_shared`, a view on a file).
pub const TEAM_OWN: &[&str] = &["session_shared", "tandem_login"];

/// Tables the triggers of every database keep from the copied ones (migration 013).
pub const DERIVED: &[&str] = &["pair_rating_tally", "pair_topic_tally"];

/// Tables a freshly migrated database already fills (the default catalog).
const SEEDED: &[&str] = &["platform", "topic"];

/// Copies every row of `source` into `target`; returns the rows per table, as counted on both
/// sides. Refused with `team_database_not_empty` when the target holds data of its own.
pub fn copy_database(source: &Connection, target: &Connection) -> CoreResult<Vec<(String, i64)>> {
    let counts = |conn: &Connection| -> CoreResult<Vec<(String, i64)>> {
        Ok(table_counts(conn)?
            .into_iter()
            .filter(|(table, _)| !TEAM_OWN.contains(&table.as_str()))
            .collect())
    };
    let expected = counts(source)?;
    target.transaction(|tx| {
        let own_rows: i64 = counts(tx)?
            .into_iter()
            .filter(|(table, _)| !SEEDED.contains(&table.as_str()))
            .map(|(_, n)| n)
            .sum();
        if own_rows > 0 {
            return Err(CoreError::conflict(
                RefusalKey::TeamDatabaseNotEmpty,
                format!("the team database already holds {own_rows} rows; nothing was copied"),
            )
            .with("rows", own_rows));
        }
        for table in SEEDED.iter().rev() {
            tx.execute(&format!("DELETE FROM {table}"), ())?;
        }
        for table in TABLES {
            copy_table(source, tx, table)?;
        }
        let copied = counts(tx)?;
        if copied != expected {
            return Err(CoreError::Migration(format!(
                "the copy does not match the source (source {expected:?}, copy {copied:?}); \
                 nothing was copied"
            )));
        }
        Ok(copied)
    })
}

fn copy_table(source: &Connection, target: &Connection, table: &str) -> CoreResult<()> {
    let mut select = source.prepare(&format!("SELECT * FROM {table}"))?;
    let columns: Vec<String> = select
        .column_names()
        .into_iter()
        .filter(|c| c != "rowid")
        .collect();
    let placeholders: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
    let mut insert = target.prepare(&format!(
        "INSERT INTO {table} ({}) VALUES ({})",
        columns.join(", "),
        placeholders.join(", ")
    ))?;
    let mut rows: Vec<Vec<Value>> = Vec::new();
    let mut read = select.query(())?;
    while let Some(row) = read.next()? {
        rows.push(
            (0..columns.len())
                .map(|i| row.get::<Value>(i))
                .collect::<Result<_, _>>()?,
        );
    }
    let position = |name: &str| columns.iter().position(|c| c == name);
    if let (Some(id), Some(manager)) = (position("id"), position("manager_id")) {
        rows = managers_first(rows, id, manager);
    }
    for values in rows {
        insert.execute(super::db::params_from_iter(values))?;
    }
    Ok(())
}

/// The employee rows with each manager before the people reporting to them, so every insert's
/// reference already exists and no row needs a second write (which would count as a change).
/// Reporting lines have no cycles (the directory refuses them); rows left over by one anyway keep
/// their order and fail on insert, which rolls the copy back.
fn managers_first(rows: Vec<Vec<Value>>, id: usize, manager: usize) -> Vec<Vec<Value>> {
    let key = |v: &Value| match v {
        Value::Text(t) => Some(t.clone()),
        _ => None,
    };
    let mut placed: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(rows.len());
    let mut pending = rows;
    loop {
        let before = pending.len();
        let (ready, waiting): (Vec<_>, Vec<_>) = pending
            .into_iter()
            .partition(|row| key(&row[manager]).is_none_or(|m| placed.contains(&m)));
        for row in ready {
            placed.extend(key(&row[id]));
            out.push(row);
        }
        pending = waiting;
        if pending.is_empty() || pending.len() == before {
            out.extend(pending);
            return out;
        }
    }
}

/// True when `TABLES` names every table of the schema, and only those.
pub fn lists_every_table(conn: &Connection) -> CoreResult<bool> {
    let actual = table_names(conn)?;
    let mut listed: Vec<&str> = TABLES
        .iter()
        .chain(DERIVED)
        .chain(TEAM_OWN.iter().filter(|t| actual.iter().any(|a| a == *t)))
        .copied()
        .collect();
    listed.sort_unstable();
    Ok(actual.iter().map(String::as_str).eq(listed.iter().copied()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    #[test]
    fn the_copy_list_names_every_table_of_the_schema() -> CoreResult<()> {
        let store = Store::open_for_tests()?;
        assert!(lists_every_table(store.conn())?);
        Ok(())
    }
}
