//! Whole-database operations for HR and IT: a backup of the solo file checked once written, a
//! check of the file, a restore that keeps the current file aside first, and the move of a solo
//! file into an empty team database. Each is HR's alone, checked here before anything is read.
//!
//! A team database is backed up, checked and restored by the company's own PostgreSQL tools:
//! those operations refuse it with `backup_needs_local_database`.
//!
//! The desktop shell and the command line both call these functions; to add a whole-database
//! operation, add it here so both get the same rule.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::access::{self, Effect, Need};
use crate::store::{dump, transfer, Engine};
use crate::{CoreError, CoreResult, RefusalKey, Store};

/// Rows per table, in table name order.
pub type TableCounts = Vec<(String, i64)>;

/// A backup written and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupReport {
    pub path: PathBuf,
    pub tables: TableCounts,
}

/// What a backup file holds, for HR to see before restoring it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupSummary {
    pub path: PathBuf,
    /// When the file was last written, as the file system says.
    pub written_at: Option<DateTime<Utc>>,
    pub tables: TableCounts,
}

/// A restore done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestoreReport {
    /// Where the database as it was before the restore was kept.
    pub kept_aside: PathBuf,
    pub tables: TableCounts,
}

fn damaged(path: &Path, detail: impl std::fmt::Display) -> CoreError {
    CoreError::database(
        RefusalKey::BackupDamaged,
        format!(
            "{} is damaged or unreadable ({detail}); nothing was changed",
            path.display()
        ),
    )
    .with("path", path.display())
    .with("detail", detail)
}

/// Writes a consistent copy of the solo database to `target` through SQLite's online backup API,
/// then opens the copy and checks it with `integrity_check` and `foreign_key_check`. A copy that
/// fails the check is removed and refused with `backup_damaged`.
pub fn backup(store: &Store, target: &Path) -> CoreResult<BackupReport> {
    access::require(store, Need::Hr, Effect::Read)?;
    store.backup_to(target)?;
    let checked = Store::open(target).and_then(|copy| {
        let problems = copy.integrity_problems()?;
        if let Some(first) = problems.first() {
            return Err(damaged(target, first));
        }
        dump::table_counts(copy.conn())
    });
    match checked {
        Ok(tables) => Ok(BackupReport {
            path: target.to_path_buf(),
            tables,
        }),
        Err(e) => {
            // A copy that cannot be trusted must not be mistaken for a backup later.
            let _ = std::fs::remove_file(target);
            Err(e)
        }
    }
}

/// What `integrity_check` and `foreign_key_check` find wrong in the solo database; empty when
/// it is sound.
pub fn check(store: &Store) -> CoreResult<Vec<String>> {
    access::require(store, Need::Hr, Effect::Read)?;
    store.integrity_problems()
}

/// Reads the backup at `path` into memory (the file itself is never written), brings it to this
/// version's schema and checks it. A file that is not a Tandem database, or one from a newer
/// Tandem, is refused as such; a damaged one with `backup_damaged`.
fn load_backup(path: &Path) -> CoreResult<Store> {
    let copy = Store::open_copy_in_memory(path).map_err(|e| match e {
        CoreError::Storage(detail) => damaged(path, detail),
        other => other,
    })?;
    let problems = copy.integrity_problems()?;
    if let Some(first) = problems.first() {
        return Err(damaged(path, first));
    }
    Ok(copy)
}

/// A backup read into memory and checked, with what HR sees before restoring it; restoring it
/// ([`restore`]) does not read the file again.
pub struct CheckedBackup {
    pub summary: BackupSummary,
    copy: Store,
}

/// Reads and checks the backup at `path`, for HR to confirm a restore from its date and counts.
pub fn inspect_backup(store: &Store, path: &Path) -> CoreResult<CheckedBackup> {
    access::require(store, Need::Hr, Effect::Read)?;
    let copy = load_backup(path)?;
    let written_at = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .map(DateTime::<Utc>::from);
    let summary = BackupSummary {
        path: path.to_path_buf(),
        written_at,
        tables: dump::table_counts(copy.conn())?,
    };
    Ok(CheckedBackup { summary, copy })
}

/// Replaces the solo database's content by the checked `backup`: the current database is first
/// copied to `keep_aside` (refused if that file exists), and only then replaced, in one step. On
/// any refusal the database is exactly as it was.
pub fn restore(
    store: &mut Store,
    backup: &CheckedBackup,
    keep_aside: &Path,
) -> CoreResult<RestoreReport> {
    access::require(store, Need::Hr, Effect::Write)?;
    if store.engine() != Engine::Sqlite {
        return Err(CoreError::conflict(
            RefusalKey::BackupNeedsLocalDatabase,
            "a team database is restored on its server, not from Tandem",
        ));
    }
    if keep_aside.exists() {
        return Err(CoreError::conflict(
            RefusalKey::SaveFailed,
            format!("{} already exists", keep_aside.display()),
        )
        .with("path", keep_aside.display())
        .with("detail", "the file already exists"));
    }
    store.backup_to(keep_aside)?;
    store.restore_from(&backup.copy)?;
    Ok(RestoreReport {
        kept_aside: keep_aside.to_path_buf(),
        tables: dump::table_counts(store.conn())?,
    })
}

/// Checks that `store` may be moved into a team database: HR's, and a solo file. The desktop
/// shell asks before it connects to the server.
pub fn check_move(store: &Store) -> CoreResult<()> {
    access::require(store, Need::Hr, Effect::Write)?;
    if store.engine() != Engine::Sqlite {
        return Err(CoreError::conflict(
            RefusalKey::MoveNeedsSoloDatabase,
            "only a database file on this computer can be moved to the team server",
        ));
    }
    Ok(())
}

/// Copies the solo database `source` into the empty team database `target` (see
/// [`transfer::copy_database`]); returns the rows per table, counted on both sides.
pub fn move_to_team(source: &Store, target: &Store) -> CoreResult<TableCounts> {
    check_move(source)?;
    transfer::copy_database(source.conn(), target.conn())
}
