//! Which database a command works on, and opening it as the desktop app does.
//!
//! `--db FILE` (or `TANDEM_DB`) names a Tandem file, which must exist: a typo must not create an
//! empty database. `--server URL` (or `TANDEM_SERVER`) names a team database; the password never
//! comes from the arguments but from `TANDEM_PASSWORD`, else the keyring entry the desktop app
//! remembered for the same user, server and database, else a prompt when a person is at the
//! terminal. Without either, the desktop app's own file is used.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use tandem_core::store::postgres::{self, ServerSettings, KEYRING_SERVICE};
use tandem_core::Store;

use crate::failure::{CliResult, Exit, Failure};
use crate::text::Text;

/// The desktop app's identifier (`tauri.conf.json`): its data folder's name.
pub const APP_IDENTIFIER: &str = "app.tandem.desktop";
/// The password of a team database, for scripts.
pub const PASSWORD_ENV: &str = "TANDEM_PASSWORD";

#[derive(Debug, Clone)]
pub enum Target {
    File(PathBuf),
    Server(ServerSettings),
}

/// The desktop app's database file, where Tauri keeps its data on this system.
pub fn app_file() -> Option<PathBuf> {
    dirs::data_dir().map(|dir| dir.join(APP_IDENTIFIER).join("tandem.sqlite"))
}

pub fn target(db: Option<PathBuf>, server: Option<&str>) -> CliResult<Target> {
    if let Some(url) = server.filter(|u| !u.is_empty()) {
        return server_settings(url).map(Target::Server);
    }
    match db.filter(|p| !p.as_os_str().is_empty()).or_else(app_file) {
        Some(path) => Ok(Target::File(path)),
        None => Err(Failure::cli(
            "usage",
            "no_database",
            Exit::Refused,
            "say which database to use: --db FILE or --server URL",
        )),
    }
}

/// The settings in `url`, refused when it carries a password.
pub fn server_settings(url: &str) -> CliResult<ServerSettings> {
    let settings = ServerSettings::from_url(url)?;
    if settings.password.is_some() {
        return Err(Failure::cli(
            "usage",
            "password_in_arguments",
            Exit::Refused,
            "a password must not be given on the command line",
        ));
    }
    Ok(settings)
}

/// Opens the database file at `path`, which must exist.
pub fn open_file(path: &Path) -> CliResult<Store> {
    if !path.is_file() {
        return Err(Failure::cli(
            "database",
            "database_file_missing",
            Exit::Database,
            format!("there is no database file at {}", path.display()),
        )
        .with("path", path.display()));
    }
    Ok(Store::open(path)?)
}

/// Opens the team database, asking for the password where one is needed.
pub fn open_server(mut settings: ServerSettings, text: &Text) -> CliResult<Store> {
    settings.password = std::env::var(PASSWORD_ENV)
        .ok()
        .filter(|p| !p.is_empty())
        .or_else(|| remembered_password(&settings))
        .or_else(|| prompt_password(&settings, text));
    Ok(postgres::open(&settings)?)
}

pub fn open(target: &Target, text: &Text) -> CliResult<Store> {
    match target {
        Target::File(path) => open_file(path),
        Target::Server(settings) => open_server(settings.clone(), text),
    }
}

fn remembered_password(settings: &ServerSettings) -> Option<String> {
    keyring::Entry::new(KEYRING_SERVICE, &settings.keyring_account())
        .ok()?
        .get_password()
        .ok()
}

fn prompt_password(settings: &ServerSettings, text: &Text) -> Option<String> {
    if !std::io::stdin().is_terminal() {
        return None;
    }
    let prompt = text.get("cli.password_prompt", &[("server", settings.display_url())]);
    rpassword::prompt_password(format!("{prompt} ")).ok()
}
