//! Every row of every Tandem table as text, on either engine: two equal dumps mean two databases
//! that hold the same data. Tests compare dumps to prove a refused or failed change wrote nothing,
//! and moving a solo file into a team database counts rows per table with [`table_counts`].

use super::db::{Connection, Engine, ValueRef};
use crate::CoreResult;

/// Tandem's tables, by name (the schema-version bookkeeping excluded).
pub fn table_names(conn: &Connection) -> CoreResult<Vec<String>> {
    let sql = match conn.engine() {
        Engine::Sqlite => {
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             ORDER BY name"
        }
        Engine::Postgres => {
            "SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema()
               AND tablename <> 'tandem_schema' ORDER BY tablename"
        }
    };
    Ok(conn
        .prepare(sql)?
        .query_map((), |r| r.get(0))?
        .collect::<Result<_, _>>()?)
}

/// How many rows each table holds, in table name order.
pub fn table_counts(conn: &Connection) -> CoreResult<Vec<(String, i64)>> {
    table_names(conn)?
        .into_iter()
        .map(|table| {
            let count = conn.query_row(&format!("SELECT count(*) FROM \"{table}\""), (), |r| {
                r.get(0)
            })?;
            Ok((table, count))
        })
        .collect()
}

/// Every row as `table|cell|cell…`, sorted. Integers and reals print the same on both engines.
pub fn dump(conn: &Connection) -> CoreResult<Vec<String>> {
    let mut out = Vec::new();
    for table in table_names(conn)? {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\""))?;
        // PostgreSQL's stand-in for SQLite's hidden rowid is not data.
        let shown: Vec<usize> = stmt
            .column_names()
            .iter()
            .enumerate()
            .filter(|(_, name)| name.as_str() != "rowid")
            .map(|(i, _)| i)
            .collect();
        let mut rows = stmt.query(())?;
        while let Some(row) = rows.next()? {
            let mut cells = vec![table.clone()];
            for &column in &shown {
                cells.push(match row.get_ref(column)? {
                    ValueRef::Null => "NULL".to_owned(),
                    ValueRef::Integer(v) => v.to_string(),
                    ValueRef::Real(v) => v.to_string(),
                    ValueRef::Text(v) => v.to_owned(),
                    ValueRef::Blob(v) => String::from_utf8_lossy(v).into_owned(),
                });
            }
            out.push(cells.join("|"));
        }
    }
    out.sort();
    Ok(out)
}
