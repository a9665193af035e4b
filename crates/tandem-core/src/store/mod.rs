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
//! Layering: the store is the bottom floor. It imports only `domain/` (and the crate's error
//! type); rule modules import the store, never the other way round. A type the store reads or
//! writes therefore lives in `domain/`, and its rule module re-exports it. The test
//! `the_store_imports_only_domain_types` reads every file here and fails on any path to another
//! module of the crate, in code or in docs.

pub mod access;
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
    /// Who acts (the `access` module checks it): HR on a solo file, the signed-in login on a team
    /// one.
    pub(crate) actor: crate::domain::Actor,
    /// Test databases on PostgreSQL are dropped with their store; declared after `conn` so the
    /// connection closes first.
    drop_guard: Option<postgres::testing::DropDatabase>,
}

impl Store {
    /// Opens (creating if needed) the SQLite database file at `path` and migrates it. A new file
    /// is readable by its owner only, and so are its WAL and shared-memory files, which SQLite
    /// creates with the database file's permissions.
    ///
    /// A file an older Tandem wrote is first copied to `<name>.before-v<version>.sqlite` beside
    /// it, through the online backup API, so a migration can always be undone by hand; a copy
    /// already there from an earlier attempt is kept.
    pub fn open(path: &Path) -> CoreResult<Self> {
        create_private(path)?;
        let conn = rusqlite::Connection::open(path).map_err(db::Error::from)?;
        let version: u32 = conn
            .query_row("PRAGMA user_version", (), |r| r.get(0))
            .map_err(db::Error::from)?;
        if version > 0 && version < SCHEMA_VERSION {
            back_up_before_migration(&conn, path, version)?;
        }
        Self::init_sqlite(conn)
    }

    /// A private in-memory SQLite database, migrated: for tests and benchmarks.
    pub fn open_in_memory() -> CoreResult<Self> {
        Self::init_sqlite(rusqlite::Connection::open_in_memory().map_err(db::Error::from)?)
    }

    /// A copy, in memory, of the SQLite database at `path`, migrated: the file is opened read-only
    /// and never written, even when its schema is older (a backup about to be restored).
    pub fn open_copy_in_memory(path: &Path) -> CoreResult<Self> {
        let copy = || -> rusqlite::Result<rusqlite::Connection> {
            let file = rusqlite::Connection::open_with_flags(
                path,
                rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
                    | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?;
            let mut memory = rusqlite::Connection::open_in_memory()?;
            rusqlite::backup::Backup::new(&file, &mut memory)?.run_to_completion(
                4096,
                Duration::from_millis(0),
                None,
            )?;
            Ok(memory)
        };
        Self::init_sqlite(copy().map_err(db::Error::from)?)
    }

    fn init_sqlite(mut conn: rusqlite::Connection) -> CoreResult<Self> {
        let setup = |conn: &mut rusqlite::Connection| -> rusqlite::Result<()> {
            conn.busy_timeout(Duration::from_secs(5))?;
            conn.pragma_update(None, "foreign_keys", "ON")?;
            conn.pragma_update(None, "synchronous", "FULL")?;
            Ok(())
        };
        setup(&mut conn).map_err(db::Error::from)?;
        let conn = Connection::from_sqlite(conn);
        // Migrating first refuses a file that is not Tandem's, or is newer, before WAL mode
        // rewrites its header.
        migrations::migrate(&conn)?;
        if let Some(sqlite) = conn.as_sqlite() {
            // In-memory databases answer "memory" here; that is fine.
            let _mode: String = sqlite
                .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))
                .map_err(db::Error::from)?;
        }
        Ok(Store {
            conn,
            actor: crate::domain::Actor::hr_here(),
            drop_guard: None,
        })
    }

    /// A store over a PostgreSQL connection already opened and migrated by [`postgres`], acting
    /// as the login's linked person; a login nobody linked is refused (`login_not_linked`).
    pub(crate) fn from_postgres(conn: Connection) -> CoreResult<Self> {
        let actor = access::actor_of_connection(&conn)?;
        Ok(Store {
            conn,
            actor,
            drop_guard: None,
        })
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

    /// The SQLite file this store works on; `None` in memory and on a team database.
    pub fn file_path(&self) -> Option<std::path::PathBuf> {
        self.conn
            .as_sqlite()?
            .path()
            .filter(|p| !p.is_empty())
            .map(std::path::PathBuf::from)
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
        create_private(target)?;
        let run = || -> rusqlite::Result<()> {
            let mut dest = rusqlite::Connection::open(target)?;
            let backup = rusqlite::backup::Backup::new(conn, &mut dest)?;
            backup.run_to_completion(256, Duration::from_millis(0), None)
        };
        run().map_err(db::Error::from)?;
        Ok(())
    }

    /// Replaces every page of this SQLite database by `source`'s, through the online backup API:
    /// one step, so a reader sees either the old database or the new one, never a mix.
    pub fn restore_from(&mut self, source: &Store) -> CoreResult<()> {
        let (Some(from), Some(to)) = (source.conn.as_sqlite(), self.conn.as_sqlite_mut()) else {
            return Err(CoreError::conflict(
                crate::RefusalKey::BackupNeedsLocalDatabase,
                "a team database is restored on its server, not from Tandem",
            ));
        };
        rusqlite::backup::Backup::new(from, to)
            .and_then(|backup| backup.run_to_completion(4096, Duration::from_millis(0), None))
            .map_err(db::Error::from)?;
        Ok(())
    }

    /// What SQLite's `integrity_check` and `foreign_key_check` find wrong, one line each; empty
    /// when the file is sound. A team database's pages and references are its server's to check.
    pub fn integrity_problems(&self) -> CoreResult<Vec<String>> {
        let Some(conn) = self.conn.as_sqlite() else {
            return Err(CoreError::conflict(
                crate::RefusalKey::BackupNeedsLocalDatabase,
                "a team database is checked on its server, not from Tandem",
            ));
        };
        let run = || -> rusqlite::Result<Vec<String>> {
            let mut problems: Vec<String> = conn
                .prepare("PRAGMA integrity_check")?
                .query_map((), |r| r.get::<_, String>(0))?
                .collect::<Result<Vec<_>, _>>()?
                .into_iter()
                .filter(|line| line != "ok")
                .collect();
            let mut keys = conn.prepare("PRAGMA foreign_key_check")?;
            let broken = keys.query_map((), |r| {
                Ok(format!(
                    "{} row {} refers to a missing row of {}",
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<i64>>(1)?.unwrap_or_default(),
                    r.get::<_, String>(2)?
                ))
            })?;
            for line in broken {
                problems.push(line?);
            }
            Ok(problems)
        };
        Ok(run().map_err(db::Error::from)?)
    }
}

/// Where [`Store::open`] keeps the file as an older Tandem left it before migrating it.
pub fn pre_migration_copy(path: &Path, version: u32) -> std::path::PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "tandem".to_owned());
    path.with_file_name(format!("{stem}.before-v{version}.sqlite"))
}

fn back_up_before_migration(
    conn: &rusqlite::Connection,
    path: &Path,
    version: u32,
) -> CoreResult<()> {
    let target = pre_migration_copy(path, version);
    if target.exists() {
        return Ok(());
    }
    create_private(&target)?;
    let copy = || -> rusqlite::Result<()> {
        let mut dest = rusqlite::Connection::open(&target)?;
        let backup = rusqlite::backup::Backup::new(conn, &mut dest)?;
        backup.run_to_completion(4096, Duration::from_millis(0), None)
    };
    if let Err(e) = copy() {
        // Half a copy must not pass for the file as it was.
        let _ = std::fs::remove_file(&target);
        return Err(db::Error::from(e).into());
    }
    Ok(())
}

/// Creates `path` empty with owner-only permissions (0600) when it does not exist yet: the people,
/// notes and judgements in a Tandem file are nobody else's to read on a shared computer.
fn create_private(path: &Path) -> CoreResult<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let created = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path);
        match created {
            Ok(_) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => Err(CoreError::database(
                crate::RefusalKey::DatabaseReadOnly,
                format!("{} cannot be created here: {e}", path.display()),
            )
            .with("detail", e)),
            Err(e) => Err(CoreError::Migration(format!(
                "{} cannot be created: {e}",
                path.display()
            ))),
        }
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        Ok(())
    }
}

/// The change stamp (`version`, `updated_by`, `updated_at`) of the one row `sql` selects, if any:
/// the shape every versioned table shares (migration 010).
fn change_stamp<P: db::Params>(
    conn: &Connection,
    sql: &str,
    params: P,
) -> CoreResult<Option<crate::domain::ChangeStamp>> {
    use db::OptionalExtension;
    Ok(conn
        .prepare_cached(sql)?
        .query_row(params, |r| {
            Ok(crate::domain::ChangeStamp {
                version: r.get(0)?,
                updated_by: r.get(1)?,
                updated_at: r.get(2)?,
            })
        })
        .optional()?)
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

    #[cfg(unix)]
    #[test]
    fn a_new_database_its_wal_and_its_backups_are_readable_by_their_owner_only(
    ) -> Result<(), Box<dyn std::error::Error>> {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("tandem.sqlite");
        let store = Store::open(&path)?;
        store
            .conn()
            .execute_batch("INSERT INTO app_setting (key, value) VALUES ('probe', 'x')")?;
        let backup = dir.path().join("backup.sqlite");
        store.backup_to(&backup)?;
        let wal = dir.path().join("tandem.sqlite-wal");
        assert!(wal.exists(), "the write went to the WAL");
        for file in [&path, &wal, &backup] {
            let mode = std::fs::metadata(file)?.permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{} is {mode:o}", file.display());
        }
        Ok(())
    }

    #[test]
    fn a_file_from_an_older_tandem_is_copied_aside_before_it_is_migrated(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("tandem.sqlite");
        {
            let conn = Connection::from_sqlite(rusqlite::Connection::open(&path)?);
            migrate_to(&conn, SCHEMA_VERSION - 1)?;
            conn.execute_batch("INSERT INTO app_setting (key, value) VALUES ('before', 'yes')")?;
        }
        let old_bytes_version = SCHEMA_VERSION - 1;
        let store = Store::open(&path)?;
        let version: u32 = store
            .conn()
            .query_row("PRAGMA user_version", (), |r| r.get(0))?;
        assert_eq!(version, SCHEMA_VERSION);

        let copy = pre_migration_copy(&path, old_bytes_version);
        assert_eq!(
            copy,
            dir.path()
                .join(format!("tandem.before-v{old_bytes_version}.sqlite"))
        );
        let kept = rusqlite::Connection::open(&copy)?;
        let kept_version: u32 = kept.query_row("PRAGMA user_version", (), |r| r.get(0))?;
        assert_eq!(
            kept_version, old_bytes_version,
            "the copy is the file as it was"
        );
        let setting: String = kept.query_row(
            "SELECT value FROM app_setting WHERE key = 'before'",
            (),
            |r| r.get(0),
        )?;
        assert_eq!(setting, "yes");

        // A current file is not copied again.
        drop(store);
        std::fs::remove_file(&copy)?;
        Store::open(&path)?;
        assert!(!copy.exists());
        Ok(())
    }

    #[test]
    fn another_applications_database_is_refused_and_its_file_left_as_it_was(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("recipes.sqlite");
        rusqlite::Connection::open(&path)?.execute_batch(
            "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('far');",
        )?;
        let bytes = std::fs::read(&path)?;
        let err = Store::open(&path).err();
        assert_eq!(
            err.as_ref().and_then(CoreError::refusal_key),
            Some(crate::RefusalKey::NotTandemFile)
        );
        assert_eq!(std::fs::read(&path)?, bytes);
        // An empty file is a new database, not a foreign one.
        let new = dir.path().join("new.sqlite");
        Store::open(&new)?;
        assert!(Store::open(&new).is_ok());
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
        let live = Store::open(&dir.path().join("live.sqlite"))?;
        settings::set_setting(live.conn(), "language", "fr")?;
        let copy_path = dir.path().join("copy.sqlite");
        live.backup_to(&copy_path)?;
        let copy = Store::open(&copy_path)?;
        assert_eq!(
            settings::get_setting(copy.conn(), "language")?.as_deref(),
            Some("fr")
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

    /// Every `.rs` file under `src/store`, with its module depth below the crate root
    /// (`store/mod.rs` is 1, `store/sessions.rs` 2, `store/progress/scan.rs` 3).
    fn store_sources() -> std::io::Result<Vec<(std::path::PathBuf, usize, String)>> {
        fn walk(
            dir: &Path,
            dirs: usize,
            out: &mut Vec<(std::path::PathBuf, usize, String)>,
        ) -> std::io::Result<()> {
            for entry in std::fs::read_dir(dir)? {
                let path = entry?.path();
                if path.is_dir() {
                    walk(&path, dirs + 1, out)?;
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let depth = if path.file_name().is_some_and(|n| n == "mod.rs") {
                        dirs + 1
                    } else {
                        dirs + 2
                    };
                    let text = std::fs::read_to_string(&path)?;
                    out.push((path, depth, text));
                }
            }
            Ok(())
        }
        let mut out = Vec::new();
        walk(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store"),
            0,
            &mut out,
        )?;
        Ok(out)
    }

    /// The identifier at the start of `rest` (`program` in `program::Side`).
    fn leading_ident(rest: &str) -> &str {
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        &rest[..end]
    }

    /// The first segment of each item of a `{ ... }` group that `rest` opens, at any line count.
    fn group_heads(rest: &str) -> Vec<&str> {
        let mut heads = Vec::new();
        let mut depth = 0;
        let mut item_start = true;
        for (i, c) in rest.char_indices() {
            match c {
                '{' => {
                    depth += 1;
                    item_start = depth == 1;
                }
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                ',' if depth == 1 => item_start = true,
                c if item_start && depth == 1 && !c.is_whitespace() => {
                    heads.push(leading_ident(&rest[i..]));
                    item_start = false;
                }
                _ => {}
            }
        }
        heads
    }

    /// The store is the bottom floor of the core: outside itself it names only domain types and
    /// the crate's error, so no rule module's type can pull an arrow back up (and no cycle forms).
    /// Checked on every line, code and docs alike; `super::` chains may not climb out of the store.
    #[test]
    fn the_store_imports_only_domain_types() -> std::io::Result<()> {
        // Built rather than written out, so that this test's own text names no path.
        let crate_path = concat!("crate", "::");
        let super_path = concat!("super", "::");
        // `Store` is this module's own type, re-exported at the crate root.
        let allowed = [
            "store",
            "domain",
            "error",
            "CoreError",
            "CoreResult",
            "RefusalKey",
            "Store",
        ];
        let sources = store_sources()?;
        assert!(
            sources.len() > 10,
            "the scan found the store's files ({})",
            sources.len()
        );
        let mut offences = Vec::new();
        for (path, depth, text) in &sources {
            let name = path.display();
            let line_of = |at: usize| text[..at].matches('\n').count() + 1;
            let starts_path = |at: usize| {
                !text[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_')
            };
            for (at, _) in text.match_indices(crate_path) {
                if !starts_path(at) {
                    continue;
                }
                let rest = &text[at + crate_path.len()..];
                let heads = if rest.starts_with('{') {
                    group_heads(rest)
                } else {
                    vec![leading_ident(rest)]
                };
                for head in heads {
                    if !allowed.contains(&head) {
                        offences.push(format!("{name}:{}: {crate_path}{head}", line_of(at)));
                    }
                }
            }
            // An inline module (`mod tests { use super::*; }`) sits one level deeper.
            let inline_mod = text
                .lines()
                .scan(0, |offset, line| {
                    let start = *offset;
                    *offset += line.len() + 1;
                    Some((start, line.trim_start()))
                })
                .find(|(_, line)| {
                    let line = line
                        .trim_start_matches("pub ")
                        .trim_start_matches("pub(crate) ");
                    line.starts_with("mod ") && line.trim_end().ends_with('{')
                })
                .map(|(start, _)| start);
            for (at, _) in text.match_indices(super_path) {
                if !starts_path(at) || text[..at].ends_with(super_path) {
                    continue;
                }
                let (mut hops, mut rest) = (0, &text[at..]);
                while let Some(after) = rest.strip_prefix(super_path) {
                    (hops, rest) = (hops + 1, after);
                }
                let here = depth + usize::from(inline_mod.is_some_and(|m| m < at));
                if hops >= here {
                    offences.push(format!("{name}:{}: {hops} x {super_path}", line_of(at)));
                }
            }
        }
        assert!(
            offences.is_empty(),
            "the store names paths outside store/ and domain/:\n{}",
            offences.join("\n")
        );
        Ok(())
    }
}
