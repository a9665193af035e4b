//! The store: the only place in Tandem that speaks SQL, on either engine.
//!
//! [`Store`] owns one [`db::Connection`]: a SQLite file on this computer (solo mode, the default)
//! or a PostgreSQL database on the team's server (team mode, see [`postgres`]). Both are migrated
//! to the same schema on open and answer the same functions; queries are grouped by area in the
//! submodules, each adding functions over `&Connection`. Rule modules call those functions and never
//! see an engine's own types.
//!
//! SQLite connections get the same pragmas every time (foreign keys on, WAL, `synchronous=FULL`,
//! a busy timeout).
//!
//! To change the schema, add a numbered file to *both* `migrations/` (SQLite) and
//! `migrations/postgres/`, and list the pair in [`migrations`]; never edit a migration that has
//! shipped. Multi-row changes go through [`Store::transaction`]: all or nothing.
//!
//! Layering: the store imports only `domain/` (and the crate's error type); rule modules import
//! the store, never the other way round.

pub mod catalog;
pub mod db;
pub mod dump;
pub mod employees;
pub(crate) mod import;
mod migrations;
pub mod postgres;
pub mod programs;
pub mod progress;
pub mod sessions;
pub mod settings;
pub mod transfer;

use std::path::Path;
use std::time::Duration;

pub use db::{Connection, Engine};

use crate::{CoreError, CoreResult};

pub use migrations::{migrate_to, SCHEMA_VERSION};

/// One connection to a Tandem database.
pub struct Store {
    conn: Connection,
    /// Test databases on PostgreSQL are dropped with their store; declared after `conn` so the
    /// connection closes first.
    drop_guard: Option<postgres::testing::DropDatabase>,
}

impl Store {
    /// Opens (creating if needed) the SQLite database file at `path` and migrates it.
    pub fn open(path: &Path) -> CoreResult<Self> {
        let conn = rusqlite::Connection::open(path).map_err(db::Error::from)?;
        Self::init_sqlite(conn)
    }

    /// A private in-memory SQLite database, migrated: for tests and benchmarks.
    pub fn open_in_memory() -> CoreResult<Self> {
        Self::init_sqlite(rusqlite::Connection::open_in_memory().map_err(db::Error::from)?)
    }

    fn init_sqlite(mut conn: rusqlite::Connection) -> CoreResult<Self> {
        let setup = |conn: &mut rusqlite::Connection| -> rusqlite::Result<()> {
            conn.busy_timeout(Duration::from_secs(5))?;
            conn.pragma_update(None, "foreign_keys", "ON")?;
            // In-memory databases answer "memory" here; that is fine.
            let _mode: String =
                conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
            conn.pragma_update(None, "synchronous", "FULL")?;
            Ok(())
        };
        setup(&mut conn).map_err(db::Error::from)?;
        let conn = Connection::from_sqlite(conn);
        migrations::migrate(&conn)?;
        Ok(Store {
            conn,
            drop_guard: None,
        })
    }

    /// A store over a PostgreSQL connection already opened and migrated by [`postgres`].
    pub(crate) fn from_postgres(conn: Connection) -> Self {
        Store {
            conn,
            drop_guard: None,
        }
    }

    /// The store a test runs on: a private in-memory SQLite database, or a fresh PostgreSQL
    /// database when the test command selects that engine (`TANDEM_TEST_ENGINE=postgres`), so
    /// the same tests prove both engines.
    #[doc(hidden)]
    pub fn open_for_tests() -> CoreResult<Self> {
        if postgres::testing::selected() {
            postgres::testing::fresh_store()
        } else {
            Self::open_in_memory()
        }
    }

    /// The engine this store runs on.
    pub fn engine(&self) -> Engine {
        self.conn.engine()
    }

    /// The connection, for the store's own query functions.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` in one transaction: committed if it returns `Ok`, rolled back otherwise.
    pub fn transaction<T>(
        &mut self,
        f: impl FnOnce(&Connection) -> CoreResult<T>,
    ) -> CoreResult<T> {
        self.conn.transaction(f)
    }

    /// Writes a consistent copy of a SQLite database to `target` through SQLite's online backup
    /// API. A team database is backed up by the company's own PostgreSQL tools.
    pub fn backup_to(&self, target: &Path) -> CoreResult<()> {
        let Some(conn) = self.conn.as_sqlite() else {
            return Err(CoreError::conflict(
                crate::RefusalKey::BackupNeedsLocalDatabase,
                "a team database is backed up on its server, not from Tandem",
            ));
        };
        let run = || -> rusqlite::Result<()> {
            let mut dest = rusqlite::Connection::open(target)?;
            let backup = rusqlite::backup::Backup::new(conn, &mut dest)?;
            backup.run_to_completion(256, Duration::from_millis(0), None)
        };
        run().map_err(db::Error::from)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sqlite_in_memory() -> CoreResult<Connection> {
        Ok(Connection::from_sqlite(
            rusqlite::Connection::open_in_memory().map_err(db::Error::from)?,
        ))
    }

    #[test]
    fn a_database_written_by_a_newer_tandem_is_refused_and_left_as_it_was() -> CoreResult<()> {
        let conn = sqlite_in_memory()?;
        migrate_to(&conn, SCHEMA_VERSION)?;
        conn.execute_batch(&format!("PRAGMA user_version = {}", SCHEMA_VERSION + 1))?;
        let before = dump::dump(&conn)?;
        let err = migrations::migrate(&conn).err();
        assert_eq!(
            err.as_ref().and_then(CoreError::refusal_key),
            Some(crate::RefusalKey::DatabaseTooNew)
        );
        assert_eq!(err.map(|e| e.code()), Some("database"));
        assert_eq!(dump::dump(&conn)?, before);
        let version: u32 = conn.query_row("PRAGMA user_version", (), |r| r.get(0))?;
        assert_eq!(version, SCHEMA_VERSION + 1);
        Ok(())
    }

    #[test]
    fn upgrading_fills_the_sort_name_of_employees_stored_before_it(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let conn = sqlite_in_memory()?;
        migrate_to(&conn, 8)?;
        conn.execute(
            "INSERT INTO employee (id, external_id, first_name, last_name, email, grade, timezone,
                 program_role, active, created_at, updated_at)
             VALUES ('e1', 'E1', 'Éric', 'Émond', 'eric@exemple.fr', 3, 'Europe/Paris', 'none', 1,
                 '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
            (),
        )?;
        migrations::migrate(&conn)?;
        let sort_name: String =
            conn.query_row("SELECT sort_name FROM employee WHERE id = 'e1'", (), |r| {
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
            .query_row("PRAGMA foreign_keys", (), |r| r.get(0))?;
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
                .query_row("SELECT count(*) FROM topic", (), |r| r.get(0))?)
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
            .query_row("PRAGMA journal_mode", (), |r| r.get(0))?;
        let sync: i64 = store
            .conn()
            .query_row("PRAGMA synchronous", (), |r| r.get(0))?;
        assert_eq!(mode, "wal");
        assert_eq!(sync, 2);
        Ok(())
    }
}
