//! The numbered schema migrations of both engines, and the one runner that applies them.
//!
//! Append only: a shipped migration is never edited. Each step has a SQLite file and a PostgreSQL
//! file with the same number; both leave the same tables, columns and constraints, so every query
//! of the store runs on either. A step whose new column needs Rust to fill it (text folding, say)
//! gets a hook that runs in the same transaction, right after its SQL, on either engine.
//!
//! The schema version is SQLite's `user_version` on a file, and the one row of `tandem_schema` on
//! PostgreSQL. A database whose version is higher than [`SCHEMA_VERSION`] was written by a newer
//! Tandem and is refused untouched; a PostgreSQL database with tables but no `tandem_schema` is
//! not Tandem's and is refused untouched too.
//!
//! On PostgreSQL every table is guarded by row-level security (`postgres/012_row_security.sql`):
//! a step that adds a table adds its `GRANT ... TO PUBLIC`, `ENABLE ROW LEVEL SECURITY` and
//! policies in the same file, and a test in `tests/postgres_roles.rs` fails while a table has no
//! row-level security.

use super::db::{self, Connection, Engine};
use crate::domain::text::employee_sort_name;
use crate::{CoreError, CoreResult, RefusalKey};

type Hook = fn(&Connection) -> db::Result<()>;

struct Step {
    sqlite: &'static str,
    postgres: &'static str,
    hook: Option<Hook>,
}

const STEPS: &[Step] = &[
    Step {
        sqlite: include_str!("migrations/001_directory.sql"),
        postgres: include_str!("migrations/postgres/001_directory.sql"),
        hook: None,
    },
    Step {
        sqlite: include_str!("migrations/002_default_catalog.sql"),
        postgres: include_str!("migrations/postgres/002_default_catalog.sql"),
        hook: None,
    },
    Step {
        sqlite: include_str!("migrations/003_directory_indexes.sql"),
        postgres: include_str!("migrations/postgres/003_directory_indexes.sql"),
        hook: None,
    },
    Step {
        sqlite: include_str!("migrations/004_programs.sql"),
        postgres: include_str!("migrations/postgres/004_programs.sql"),
        hook: None,
    },
    Step {
        sqlite: include_str!("migrations/005_sessions.sql"),
        postgres: include_str!("migrations/postgres/005_sessions.sql"),
        hook: None,
    },
    Step {
        sqlite: include_str!("migrations/006_progress.sql"),
        postgres: include_str!("migrations/postgres/006_progress.sql"),
        hook: None,
    },
    Step {
        sqlite: include_str!("migrations/007_pair_approval.sql"),
        postgres: include_str!("migrations/postgres/007_pair_approval.sql"),
        hook: None,
    },
    Step {
        sqlite: include_str!("migrations/008_progress_indexes.sql"),
        postgres: include_str!("migrations/postgres/008_progress_indexes.sql"),
        hook: None,
    },
    Step {
        sqlite: include_str!("migrations/009_sort_name.sql"),
        postgres: include_str!("migrations/postgres/009_sort_name.sql"),
        hook: Some(fill_sort_names),
    },
    Step {
        sqlite: include_str!("migrations/010_record_versions.sql"),
        postgres: include_str!("migrations/postgres/010_record_versions.sql"),
        hook: None,
    },
    Step {
        sqlite: include_str!("migrations/011_logins.sql"),
        postgres: include_str!("migrations/postgres/011_logins.sql"),
        hook: None,
    },
    Step {
        sqlite: include_str!("migrations/012_shared_log.sql"),
        postgres: include_str!("migrations/postgres/012_row_security.sql"),
        hook: None,
    },
    Step {
        sqlite: include_str!("migrations/013_pair_tallies.sql"),
        postgres: include_str!("migrations/postgres/013_pair_tallies.sql"),
        hook: None,
    },
    Step {
        sqlite: include_str!("migrations/014_scope_cache.sql"),
        postgres: include_str!("migrations/postgres/014_scope_cache.sql"),
        hook: None,
    },
    Step {
        sqlite: include_str!("migrations/015_own_settings.sql"),
        postgres: include_str!("migrations/postgres/015_own_settings.sql"),
        hook: None,
    },
];

/// The schema version this build of Tandem writes and reads.
pub const SCHEMA_VERSION: u32 = STEPS.len() as u32;

/// Brings the database to [`SCHEMA_VERSION`].
pub fn migrate(conn: &Connection) -> CoreResult<()> {
    migrate_to(conn, SCHEMA_VERSION)
}

/// Brings the database to `target` (tests use it to build an older database).
pub fn migrate_to(conn: &Connection, target: u32) -> CoreResult<()> {
    loop {
        // Each step reads the version and applies one migration in the same transaction; on
        // PostgreSQL an advisory lock makes two clients starting at once take turns.
        let done = conn.transaction(|tx| -> CoreResult<bool> {
            let version = current_version(tx)?;
            if version > SCHEMA_VERSION {
                return Err(CoreError::database(
                    RefusalKey::DatabaseTooNew,
                    format!(
                        "this database was written by a newer Tandem (schema {version}, this \
                         version reads up to {SCHEMA_VERSION})"
                    ),
                )
                .with("found", version)
                .with("supported", SCHEMA_VERSION));
            }
            if version >= target {
                return Ok(true);
            }
            let step = &STEPS[version as usize];
            let sql = match tx.engine() {
                Engine::Sqlite => step.sqlite,
                Engine::Postgres => step.postgres,
            };
            tx.execute_batch(sql).map_err(|e| {
                CoreError::Migration(format!("migration {} failed: {e}", version + 1))
            })?;
            if let Some(hook) = step.hook {
                hook(tx)?;
            }
            set_version(tx, version + 1)?;
            Ok(false)
        })?;
        if done {
            return Ok(());
        }
    }
}

fn current_version(conn: &Connection) -> CoreResult<u32> {
    match conn.engine() {
        Engine::Sqlite => {
            let version: u32 = conn.query_row("PRAGMA user_version", (), |r| r.get(0))?;
            if version == 0 {
                // A file Tandem never migrated must be empty: another application's database
                // is refused untouched.
                let tables: i64 = conn.query_row(
                    "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'",
                    (),
                    |r| r.get(0),
                )?;
                if tables > 0 {
                    return Err(CoreError::database(
                        RefusalKey::NotTandemFile,
                        "this file is a database of another application, not Tandem's",
                    ));
                }
            }
            Ok(version)
        }
        Engine::Postgres => {
            conn.query_row("SELECT pg_advisory_xact_lock(7346206)", (), |_| Ok(()))?;
            let known: bool =
                conn.query_row("SELECT to_regclass('tandem_schema') IS NOT NULL", (), |r| {
                    r.get(0)
                })?;
            if known {
                return Ok(conn.query_row("SELECT version FROM tandem_schema", (), |r| r.get(0))?);
            }
            let tables: i64 = conn.query_row(
                "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()",
                (),
                |r| r.get(0),
            )?;
            if tables > 0 {
                return Err(CoreError::database(
                    RefusalKey::NotTandemDatabase,
                    "this database already holds tables that are not Tandem's",
                )
                .with("tables", tables));
            }
            conn.execute_batch(
                "CREATE TABLE tandem_schema (version BIGINT NOT NULL);
                 INSERT INTO tandem_schema (version) VALUES (0);",
            )?;
            Ok(0)
        }
    }
}

fn set_version(conn: &Connection, version: u32) -> CoreResult<()> {
    match conn.engine() {
        Engine::Sqlite => conn.execute_batch(&format!("PRAGMA user_version = {version}"))?,
        Engine::Postgres => {
            conn.execute("UPDATE tandem_schema SET version = ?1", [version])?;
        }
    }
    Ok(())
}

/// Writes `sort_name` for every employee stored before migration 009.
fn fill_sort_names(conn: &Connection) -> db::Result<()> {
    let names: Vec<(String, String, String)> = conn
        .prepare("SELECT id, first_name, last_name FROM employee")?
        .query_map((), |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    let mut update = conn.prepare("UPDATE employee SET sort_name = ?2 WHERE id = ?1")?;
    for (id, first, last) in names {
        update.execute([id, employee_sort_name(&first, &last)])?;
    }
    Ok(())
}
