//! What the shell keeps between commands: the one database connection and the staged import.

use std::path::PathBuf;
use std::sync::Mutex;

use tandem_core::import::StagedImport;
use tandem_core::Store;
use tandem_dto::ErrorDto;

use crate::error::{poisoned, CommandResult};

pub struct AppState {
    store: Mutex<Store>,
    /// The file between `import_load` and `import_commit`/`import_cancel`.
    staged_import: Mutex<Option<StagedImport>>,
    database_path: PathBuf,
}

impl AppState {
    pub fn new(store: Store, database_path: PathBuf) -> Self {
        AppState {
            store: Mutex::new(store),
            staged_import: Mutex::new(None),
            database_path,
        }
    }

    pub fn database_path(&self) -> &std::path::Path {
        &self.database_path
    }

    /// Runs `f` with the store; core errors become `ErrorDto`s.
    pub fn with_store<T>(
        &self,
        f: impl FnOnce(&mut Store) -> tandem_core::CoreResult<T>,
    ) -> CommandResult<T> {
        let mut store = self.store.lock().map_err(poisoned)?;
        f(&mut store).map_err(ErrorDto::from)
    }

    /// Runs `f` with the store and the staged import slot.
    pub fn with_import<T>(
        &self,
        f: impl FnOnce(&mut Store, &mut Option<StagedImport>) -> CommandResult<T>,
    ) -> CommandResult<T> {
        // Lock order: staged import, then store, everywhere.
        let mut staged = self.staged_import.lock().map_err(poisoned)?;
        let mut store = self.store.lock().map_err(poisoned)?;
        f(&mut store, &mut staged)
    }
}
