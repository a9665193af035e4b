//! The start screen's commands: which database is open, opening the file on this computer,
//! connecting to the team server, moving the solo file into an empty team database, and
//! reconnecting after the server was lost. Opening and copying are the core's; the shell picks
//! files through its own dialogs (no path crosses from the webview), remembers the choice, and
//! keeps a password only in the keyring, when asked to.

use std::path::PathBuf;

use tandem_core::maintenance;
use tandem_core::store::postgres::ServerSettings;
use tandem_core::RefusalKey;
use tandem_dto::{
    ConnectionStatusDto, DatabaseModeDto, ErrorDto, MoveReportDto, TeamFormDto, TeamSettingsDto,
};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use crate::credentials;
use crate::database::{self, Remembered, Target};
use crate::error::CommandResult;
use crate::state::{off_the_runtime, AppState};

/// The current database and what the start screen offers.
pub fn status(state: &AppState) -> CommandResult<ConnectionStatusDto> {
    let remembered = Remembered::load(state.config_dir());
    let open = state.open_target()?;
    let team = match &open {
        Some(Target::Server(settings)) => Some(settings.clone()),
        _ => remembered
            .as_ref()
            .and_then(Remembered::server_settings)
            .map(|(s, _)| s),
    };
    let team = team.map(|mut settings| {
        if let Some(ca) = state.pending_ca().ok().flatten() {
            settings.ca_file = Some(ca);
        }
        let remembered_password = credentials::load(&settings).is_some();
        TeamSettingsDto::from_settings(&settings, remembered_password)
    });
    let file = match (&open, &remembered) {
        (Some(Target::File(path)), _) => path.clone(),
        (_, Some(Remembered::Solo { file })) => file.clone(),
        _ => state.default_file().to_path_buf(),
    };
    let last_mode = match (&open, &remembered) {
        (Some(Target::Server(_)), _) | (None, Some(Remembered::Team { .. })) => {
            DatabaseModeDto::Team
        }
        _ => DatabaseModeDto::Solo,
    };
    Ok(ConnectionStatusDto {
        open: open.map(|t| match t {
            Target::File(_) => DatabaseModeDto::Solo,
            Target::Server(_) => DatabaseModeDto::Team,
        }),
        file: file.display().to_string(),
        team,
        last_mode,
        startup_error: state.startup_error()?,
    })
}

#[tauri::command]
pub async fn connection_status(state: State<'_, AppState>) -> CommandResult<ConnectionStatusDto> {
    status(&state)
}

fn dialog_failed() -> ErrorDto {
    ErrorDto::internal(
        RefusalKey::SaveDialogFailed,
        "The file window closed unexpectedly. Try again.",
    )
}

/// Opens the solo file: the one offered (`choose` false), or one the user picks in a dialog,
/// existing or new. `null` when the dialog was cancelled.
#[tauri::command]
pub async fn open_solo<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    choose: bool,
) -> CommandResult<Option<ConnectionStatusDto>> {
    let path = if choose {
        let dialog = app
            .dialog()
            .file()
            .set_file_name("tandem.sqlite")
            .add_filter("Tandem (SQLite)", &["sqlite", "db"]);
        let chosen = tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file())
            .await
            .map_err(|_| dialog_failed())?;
        let Some(chosen) = chosen else {
            return Ok(None);
        };
        chosen.into_path().map_err(|_| {
            ErrorDto::internal(
                RefusalKey::SaveLocationInvalid,
                "This place cannot hold a file: choose a folder on this computer.",
            )
        })?
    } else {
        PathBuf::from(status(&state)?.file)
    };
    let store = off_the_runtime(|| database::open_file(&path).map_err(ErrorDto::from))?;
    state.switch_to(store, Target::File(path.clone()))?;
    // Not remembering is only an inconvenience next time.
    let _ = Remembered::Solo { file: path }.save(state.config_dir());
    status(&state).map(Some)
}

/// Lets the user pick the CA certificate for `verify-full`; its name, or `null` when cancelled.
#[tauri::command]
pub async fn pick_ca_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<Option<String>> {
    let dialog = app
        .dialog()
        .file()
        .add_filter("PEM", &["pem", "crt", "cer"]);
    let chosen = tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_file())
        .await
        .map_err(|_| dialog_failed())?;
    let Some(path) = chosen.and_then(|c| c.into_path().ok()) else {
        return Ok(None);
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    state.set_pending_ca(Some(path))?;
    Ok(Some(name))
}

/// The form's settings, with the CA picked (or remembered) and the password typed (or kept in the
/// keyring), and whether to remember the password.
fn settings_from(state: &AppState, form: TeamFormDto) -> CommandResult<(ServerSettings, bool)> {
    let remember = form.remember_password;
    let remembered_ca = Remembered::load(state.config_dir())
        .and_then(|r| r.server_settings())
        .and_then(|(s, _)| s.ca_file);
    let ca = state.pending_ca()?.or(remembered_ca);
    let mut settings = form.into_settings(ca).map_err(ErrorDto::from)?;
    if settings.password.is_none() {
        settings.password = credentials::load(&settings);
    }
    Ok((settings, remember))
}

fn remember_team(state: &AppState, settings: &ServerSettings, remember_password: bool) {
    match (&settings.password, remember_password) {
        (Some(password), true) => {
            credentials::save(settings, password);
        }
        _ => credentials::forget(settings),
    }
    let _ = Remembered::team(settings, remember_password).save(state.config_dir());
}

/// Connects to the team database (creating Tandem's tables in an empty one) and works on it.
#[tauri::command]
pub async fn connect_team(
    state: State<'_, AppState>,
    form: TeamFormDto,
) -> CommandResult<ConnectionStatusDto> {
    let (settings, remember) = settings_from(&state, form)?;
    let store = off_the_runtime(|| database::open_server(&settings).map_err(ErrorDto::from))?;
    remember_team(&state, &settings, remember);
    state.switch_to(store, Target::Server(settings))?;
    status(&state)
}

/// Copies the open solo file into an empty team database, then works on the team database. The
/// file itself is left as it was.
#[tauri::command]
pub async fn move_to_team(
    state: State<'_, AppState>,
    form: TeamFormDto,
) -> CommandResult<MoveReportDto> {
    // HR's, and a solo file: checked before the team server is touched.
    state.with_store(|store| maintenance::check_move(store))?;
    let (settings, remember) = settings_from(&state, form)?;
    let team = off_the_runtime(|| database::open_server(&settings).map_err(ErrorDto::from))?;
    let (counts, team) = state.with_store(move |store| {
        let counts = maintenance::move_to_team(store, &team)?;
        Ok((counts, team))
    })?;
    remember_team(&state, &settings, remember);
    state.switch_to(team, Target::Server(settings))?;
    Ok(MoveReportDto::from_counts(&counts))
}

/// Signs out of the team database: the connection closes, the password remembered in the
/// keyring for it is forgotten (the next person at this computer types their own), and the start
/// screen shows. On this computer's file it closes the file.
#[tauri::command]
pub async fn sign_out(state: State<'_, AppState>) -> CommandResult<ConnectionStatusDto> {
    if let Some(Target::Server(settings)) = state.open_target()? {
        credentials::forget(&settings);
    }
    state.close()?;
    status(&state)
}

/// Reconnects to the database that was open (after the team server was lost).
#[tauri::command]
pub async fn reconnect(state: State<'_, AppState>) -> CommandResult<ConnectionStatusDto> {
    state.with_store(|_| Ok(()))?;
    status(&state)
}
