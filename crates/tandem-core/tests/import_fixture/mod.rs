//! Shared fixtures of the HR import tests (`tests/import*.rs`): reading the sample files in
//! `assets/samples`, staging, previewing and committing without progress reports, and looking at
//! the database afterwards (a sorted dump of every table, or a read-only snapshot). Add a helper
//! here only when more than one import test file needs it.

#![allow(dead_code)]

use std::path::PathBuf;

use rusqlite::types::ValueRef;
use rusqlite::Connection;
use tandem_core::import::{self, ImportOutcome, ImportPreview, Progress, StagedImport};
use tandem_core::{CoreResult, Store};

pub type TestResult = Result<(), Box<dyn std::error::Error>>;

pub fn sample(name: &str) -> Result<Vec<u8>, std::io::Error> {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "..",
        "..",
        "assets",
        "samples",
        name,
    ]
    .iter()
    .collect();
    std::fs::read(path)
}

pub fn quiet() -> impl FnMut(Progress) {
    |_| {}
}

pub fn stage_sample(name: &str) -> Result<StagedImport, Box<dyn std::error::Error>> {
    Ok(import::stage(name, &sample(name)?)?)
}

pub fn preview_of(store: &Store, staged: &StagedImport) -> CoreResult<ImportPreview> {
    import::preview(store, staged, &mut quiet())
}

pub fn commit_of(store: &mut Store, staged: &StagedImport) -> CoreResult<ImportOutcome> {
    import::commit(store, staged, &mut quiet())
}

pub fn commit_text(store: &mut Store, csv: &str) -> CoreResult<ImportOutcome> {
    let staged = import::stage("export.csv", csv.as_bytes())?;
    commit_of(store, &staged)
}

/// Every row of every table as text, sorted: two equal dumps mean two identical databases.
pub fn dump(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\""))?;
        let width = stmt.column_count();
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let mut cells = vec![table.clone()];
            for i in 0..width {
                cells.push(match row.get_ref(i)? {
                    ValueRef::Null => "NULL".to_owned(),
                    ValueRef::Integer(v) => v.to_string(),
                    ValueRef::Real(v) => v.to_string(),
                    ValueRef::Text(v) | ValueRef::Blob(v) => {
                        String::from_utf8_lossy(v).into_owned()
                    }
                });
            }
            out.push(cells.join("|"));
        }
    }
    out.sort();
    Ok(out)
}

/// A read-only look at an in-memory store, through a backup into a temporary file.
pub struct Snapshot {
    _dir: tempfile::TempDir,
    pub conn: Connection,
}

pub fn snapshot(store: &Store) -> Result<Snapshot, Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("snapshot.sqlite");
    store.backup_to(&path)?;
    let conn = Connection::open(&path)?;
    Ok(Snapshot { _dir: dir, conn })
}

impl Snapshot {
    pub fn text(&self, sql: &str, external_id: &str) -> rusqlite::Result<Option<String>> {
        self.conn.query_row(sql, [external_id], |r| r.get(0))
    }

    pub fn count(&self, sql: &str) -> rusqlite::Result<i64> {
        self.conn.query_row(sql, [], |r| r.get(0))
    }
}

pub fn reasons(preview: &ImportPreview) -> Vec<(u64, Option<&str>, &'static str)> {
    preview
        .rejected
        .iter()
        .map(|r| (r.line, r.external_id.as_deref(), r.reason.as_str()))
        .collect()
}
