//! Shared fixtures of the HR import tests (`tests/import*.rs`): reading the sample files in
//! `assets/samples`, staging, previewing and committing without progress reports, and looking at
//! the database afterwards (a sorted dump of every table, or a read-only snapshot). Add a helper
//! here only when more than one import test file needs it.

#![allow(dead_code)]

use std::path::PathBuf;

use tandem_core::import::{self, ImportOutcome, ImportPreview, Progress, StagedImport};
use tandem_core::store::Connection;
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
    import::commit(store, staged, &staged.ignored_columns(), &mut quiet())
}

pub fn commit_text(store: &mut Store, csv: &str) -> CoreResult<ImportOutcome> {
    let staged = import::stage("export.csv", csv.as_bytes())?;
    commit_of(store, &staged)
}

/// Every row of every table as text, sorted: two equal dumps mean two identical databases.
pub fn dump(conn: &Connection) -> CoreResult<Vec<String>> {
    tandem_core::store::dump::dump(conn)
}

/// A read-only look at a store, through its own connection.
pub struct Snapshot<'a> {
    pub conn: &'a Connection,
}

pub fn snapshot(store: &Store) -> CoreResult<Snapshot<'_>> {
    Ok(Snapshot { conn: store.conn() })
}

/// A second connection to a SQLite file, beside the store's own.
pub fn side_connection(path: &std::path::Path) -> Result<Connection, Box<dyn std::error::Error>> {
    Ok(Connection::from_sqlite(rusqlite::Connection::open(path)?))
}

impl Snapshot<'_> {
    pub fn text(
        &self,
        sql: &str,
        external_id: &str,
    ) -> tandem_core::store::db::Result<Option<String>> {
        self.conn.query_row(sql, [external_id], |r| r.get(0))
    }

    pub fn count(&self, sql: &str) -> tandem_core::store::db::Result<i64> {
        self.conn.query_row(sql, (), |r| r.get(0))
    }
}

pub fn reasons(preview: &ImportPreview) -> Vec<(u64, Option<&str>, &'static str)> {
    preview
        .rejected
        .iter()
        .map(|r| (r.line, r.external_id.as_deref(), r.reason.as_str()))
        .collect()
}
