//! The store: the only place in Tandem that speaks SQL.
//!
//! [`Store`] owns one SQLite connection. Every connection gets the same pragmas (foreign keys on, WAL,
//! `synchronous=FULL`, a busy timeout) and is migrated to the latest schema on open. Queries are grouped
//! by area in the submodules, each adding methods to `Store`.
//!
//! To change the schema, add a numbered file in `migrations/` and list it in [`migrations`]; never edit
//! a migration that has shipped. Multi-row changes go through [`Store::transaction`]: all or nothing.

pub mod catalog;
pub mod employees;
pub(crate) mod import;
mod migrations;
pub mod programs;
pub mod progress;
pub mod sessions;
pub mod settings;

use std::path::Path;
use std::time::Duration;

use rusqlite::Connection;

use crate::{CoreError, CoreResult};

pub use migrations::migrations;

/// One connection to a Tandem database.
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed) the database file at `path` and migrates it.
    pub fn open(path: &Path) -> CoreResult<Self> {
        let conn = Connection::open(path)?;
        Self::init(conn)
    }

    /// A private in-memory database, migrated: for tests and benchmarks.
    pub fn open_in_memory() -> CoreResult<Self> {
        Self::init(Connection::open_in_memory()?)
    }

    fn init(mut conn: Connection) -> CoreResult<Self> {
        conn.busy_timeout(Duration::from_secs(5))?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // In-memory databases answer "memory" here; that is fine.
        let _mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        migrations()
            .to_latest(&mut conn)
            .map_err(|e| CoreError::Migration(e.to_string()))?;
        Ok(Store { conn })
    }

    /// Read access for queries.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` in one transaction: committed if it returns `Ok`, rolled back otherwise.
    pub fn transaction<T>(
        &mut self,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> CoreResult<T>,
    ) -> CoreResult<T> {
        let tx = self.conn.transaction()?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Writes a consistent copy of the live database to `target` through SQLite's online backup API.
    pub fn backup_to(&self, target: &Path) -> CoreResult<()> {
        let mut dest = Connection::open(target)?;
        let backup = rusqlite::backup::Backup::new(&self.conn, &mut dest)?;
        backup.run_to_completion(256, Duration::from_millis(0), None)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        assert!(migrations().validate().is_ok());
    }

    #[test]
    fn upgrading_fills_the_sort_name_of_employees_stored_before_it(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let mut conn = Connection::open_in_memory()?;
        migrations().to_version(&mut conn, 8)?;
        conn.execute(
            "INSERT INTO employee (id, external_id, first_name, last_name, email, grade, timezone,
                 program_role, active, created_at, updated_at)
             VALUES ('e1', 'E1', 'Éric', 'Émond', 'eric@exemple.fr', 3, 'Europe/Paris', 'none', 1,
                 '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
            [],
        )?;
        migrations().to_latest(&mut conn)?;
        let sort_name: String =
            conn.query_row("SELECT sort_name FROM employee WHERE id = 'e1'", [], |r| {
                r.get(0)
            })?;
        assert_eq!(sort_name, "emond\u{1}eric");
        Ok(())
    }

    #[test]
    fn a_new_store_enforces_foreign_keys() -> CoreResult<()> {
        let store = Store::open_in_memory()?;
        let on: i64 = store
            .conn()
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
        assert_eq!(on, 1);
        Ok(())
    }

    #[test]
    fn a_backup_is_a_complete_copy_that_opens_as_a_store() -> CoreResult<()> {
        let dir = tempfile::tempdir().map_err(|e| CoreError::Migration(e.to_string()))?;
        let mut live = Store::open(&dir.path().join("live.sqlite"))?;
        crate::settings::set_language(&mut live, crate::settings::Language::Fr)?;
        let copy_path = dir.path().join("copy.sqlite");
        live.backup_to(&copy_path)?;
        let copy = Store::open(&copy_path)?;
        assert_eq!(
            crate::settings::language(&copy)?,
            Some(crate::settings::Language::Fr)
        );
        let topics = |s: &Store| -> CoreResult<i64> {
            Ok(s.conn()
                .query_row("SELECT count(*) FROM topic", [], |r| r.get(0))?)
        };
        assert_eq!(topics(&copy)?, topics(&live)?);
        Ok(())
    }

    #[test]
    fn a_file_store_uses_wal_and_full_sync() -> CoreResult<()> {
        let dir = tempfile::tempdir().map_err(|e| CoreError::Migration(e.to_string()))?;
        let store = Store::open(&dir.path().join("t.sqlite"))?;
        let mode: String = store
            .conn()
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
        let sync: i64 = store
            .conn()
            .query_row("PRAGMA synchronous", [], |r| r.get(0))?;
        assert_eq!(mode, "wal");
        assert_eq!(sync, 2);
        Ok(())
    }
}
