//! What the shell keeps between commands: the one database connection (or none yet, while the
//! start screen shows), what it was opened from, and the staged import.
//!
//! Every command reaches the store through [`AppState::with_store`], which runs the core on a
//! thread of its own: PostgreSQL's client blocks, and must not block the async runtime's workers.
//! When the team server has closed the connection (a network cut, a server restart), the next
//! command reconnects first with the settings kept in memory; if that fails it gets the typed
//! `connection` error, and the UI shows its banner with a retry.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use tandem_core::import::StagedImport;
use tandem_core::{RefusalKey, Store};
use tandem_dto::ErrorDto;

use crate::database::{self, Target};
use crate::error::{poisoned, CommandResult};

pub struct AppState {
    store: Mutex<Option<Store>>,
    session: Mutex<Session>,
    /// The file between `import_load` and `import_commit`/`import_cancel`.
    staged_import: Mutex<Option<StagedImport>>,
    config_dir: PathBuf,
    default_file: PathBuf,
}

/// What is open, and what the start screen needs.
#[derive(Default)]
struct Session {
    /// The open database (a server's settings keep the password, in memory only, to reconnect).
    open: Option<Target>,
    /// Why the database chosen at launch could not be opened.
    startup_error: Option<ErrorDto>,
    /// The CA file picked in the team form's file dialog, for the next connection.
    pending_ca: Option<PathBuf>,
}

fn no_database() -> ErrorDto {
    ErrorDto::refused(
        "connection",
        RefusalKey::NoDatabaseOpen,
        "no database is open: choose one on the start screen",
    )
}

impl AppState {
    /// A state with `store` open from `target`; a team server given without a store opens at
    /// the first command (so the window shows at once and says it is connecting), and a database
    /// that could not be opened at launch leaves the reason for the start screen.
    pub fn new(
        store: Option<Store>,
        target: Option<Target>,
        startup_error: Option<ErrorDto>,
        config_dir: PathBuf,
        default_file: PathBuf,
    ) -> Self {
        AppState {
            store: Mutex::new(store),
            session: Mutex::new(Session {
                open: target,
                startup_error,
                pending_ca: None,
            }),
            staged_import: Mutex::new(None),
            config_dir,
            default_file,
        }
    }

    pub fn config_dir(&self) -> &Path {
        &self.config_dir
    }

    pub fn default_file(&self) -> &Path {
        &self.default_file
    }

    /// What is open, if anything (the password stays inside).
    pub fn open_target(&self) -> CommandResult<Option<Target>> {
        Ok(self.session()?.open.clone())
    }

    pub fn startup_error(&self) -> CommandResult<Option<ErrorDto>> {
        Ok(self.session()?.startup_error.clone())
    }

    pub fn pending_ca(&self) -> CommandResult<Option<PathBuf>> {
        Ok(self.session()?.pending_ca.clone())
    }

    pub fn set_pending_ca(&self, path: Option<PathBuf>) -> CommandResult<()> {
        self.session()?.pending_ca = path;
        Ok(())
    }

    fn session(&self) -> CommandResult<MutexGuard<'_, Session>> {
        self.session.lock().map_err(poisoned)
    }

    /// Where the database lives, as the about box shows it.
    pub fn database_label(&self) -> CommandResult<String> {
        Ok(match &self.session()?.open {
            Some(Target::File(path)) => path.display().to_string(),
            Some(Target::Server(settings)) => settings.display_url(),
            None => String::new(),
        })
    }

    /// Replaces the open database (the previous one closes), dropping any staged import.
    pub fn switch_to(&self, store: Store, target: Target) -> CommandResult<()> {
        let mut staged = self.staged_import.lock().map_err(poisoned)?;
        let mut current = self.store.lock().map_err(poisoned)?;
        *staged = None;
        *current = Some(store);
        let mut session = self.session()?;
        session.open = Some(target);
        session.startup_error = None;
        Ok(())
    }

    /// Closes the open database (signing out of a team one): the start screen shows next, and the
    /// staged import is dropped. The password kept in memory goes with the settings.
    pub fn close(&self) -> CommandResult<()> {
        let mut staged = self.staged_import.lock().map_err(poisoned)?;
        let mut current = self.store.lock().map_err(poisoned)?;
        *staged = None;
        *current = None;
        let mut session = self.session()?;
        session.open = None;
        session.startup_error = None;
        Ok(())
    }

    /// Runs `f` with the store; core errors become `ErrorDto`s.
    pub fn with_store<T: Send>(
        &self,
        f: impl FnOnce(&mut Store) -> tandem_core::CoreResult<T> + Send,
    ) -> CommandResult<T> {
        off_the_runtime(|| {
            let mut store = self.store.lock().map_err(poisoned)?;
            let store = self.ready(&mut store)?;
            f(store).map_err(ErrorDto::from)
        })
    }

    /// Runs `f` with the store and the staged import slot.
    pub fn with_import<T: Send>(
        &self,
        f: impl FnOnce(&mut Store, &mut Option<StagedImport>) -> CommandResult<T> + Send,
    ) -> CommandResult<T> {
        off_the_runtime(|| {
            // Lock order: staged import, then store, everywhere.
            let mut staged = self.staged_import.lock().map_err(poisoned)?;
            let mut store = self.store.lock().map_err(poisoned)?;
            let store = self.ready(&mut store)?;
            f(store, &mut staged)
        })
    }

    /// The open store, reconnected first if the team server had closed the connection.
    fn ready<'a>(&self, slot: &'a mut Option<Store>) -> CommandResult<&'a mut Store> {
        if slot.as_ref().is_some_and(|s| s.conn().is_closed()) {
            *slot = None;
        }
        if slot.is_none() {
            let target = self.session()?.open.clone();
            match target {
                Some(Target::Server(settings)) => {
                    *slot = Some(database::open_server(&settings).map_err(ErrorDto::from)?);
                }
                Some(Target::File(path)) => {
                    *slot = Some(database::open_file(&path).map_err(ErrorDto::from)?);
                }
                None => return Err(no_database()),
            }
        }
        slot.as_mut().ok_or_else(no_database)
    }
}

/// Runs `f` on a thread of its own and waits for it: the PostgreSQL client blocks, and blocking
/// inside the async runtime's worker would stall it (and the client refuses to run there).
pub fn off_the_runtime<T: Send>(f: impl FnOnce() -> CommandResult<T> + Send) -> CommandResult<T> {
    std::thread::scope(|scope| {
        scope.spawn(f).join().unwrap_or_else(|_| {
            Err(ErrorDto::internal(
                RefusalKey::AppFault,
                "Tandem hit an internal error; restart the app. Your data is safe.",
            ))
        })
    })
}
