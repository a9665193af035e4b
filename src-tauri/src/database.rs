//! Which database Tandem opens, and opening it.
//!
//! Solo mode is one SQLite file, the default: a new file gets the demo company and its program
//! under way. Team mode is a PostgreSQL database on the company's server. The choice comes, in
//! this order, from the command line (`--db PATH`, `--server URL`), the environment (`TANDEM_DB`,
//! `TANDEM_SERVER`), then the choice remembered from last time ([`Remembered`], a small JSON file
//! in the app's config folder, never holding a password), and otherwise the default file. Which
//! engine is open is decided here, once; commands never branch on it.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tandem_core::store::postgres::{self, ServerSettings, TlsMode};
use tandem_core::{demo, CoreResult, Store};

/// Environment variable that points Tandem at a database file.
pub const DB_ENV: &str = "TANDEM_DB";
/// Environment variable that points Tandem at a team server (`postgresql://user@host/db`).
pub const SERVER_ENV: &str = "TANDEM_SERVER";

/// The file name inside the app data directory.
const DB_FILE: &str = "tandem.sqlite";
/// The remembered choice, inside the app config directory.
const REMEMBERED_FILE: &str = "connection.json";

/// A database to open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    File(PathBuf),
    Server(ServerSettings),
}

/// `--db PATH` / `--server URL` (or their `=` forms) from the command line, else `TANDEM_DB` /
/// `TANDEM_SERVER`, else `None`. The command line wins over the environment.
pub fn requested_target(
    args: &[String],
    db_env: Option<String>,
    server_env: Option<String>,
) -> Result<Option<Target>, String> {
    let mut iter = args.iter().skip(1);
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--db" => {
                return match iter.next() {
                    Some(path) if !path.is_empty() => Ok(Some(Target::File(PathBuf::from(path)))),
                    _ => Err("--db needs a file path, e.g. --db tandem.sqlite".to_owned()),
                }
            }
            "--server" => {
                return match iter.next() {
                    Some(url) if !url.is_empty() => server(url).map(Some),
                    _ => Err(
                        "--server needs an address, e.g. --server postgresql://me@db.example.com/tandem"
                            .to_owned(),
                    ),
                }
            }
            _ => {}
        }
        if let Some(path) = arg.strip_prefix("--db=") {
            return Ok(Some(Target::File(PathBuf::from(path))));
        }
        if let Some(url) = arg.strip_prefix("--server=") {
            return server(url).map(Some);
        }
    }
    if let Some(path) = db_env.filter(|v| !v.is_empty()) {
        return Ok(Some(Target::File(PathBuf::from(path))));
    }
    match server_env.filter(|v| !v.is_empty()) {
        Some(url) => server(&url).map(Some),
        None => Ok(None),
    }
}

fn server(url: &str) -> Result<Target, String> {
    ServerSettings::from_url(url)
        .map(Target::Server)
        .map_err(|e| format!("--server: {e}"))
}

pub fn default_path(app_data_dir: &Path) -> PathBuf {
    app_data_dir.join(DB_FILE)
}

/// Opens the database file at `path`, creating its folder; a new file gets the demo company and
/// its program under way, all or nothing.
pub fn open_file(path: &Path) -> CoreResult<Store> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| {
            tandem_core::CoreError::Migration(format!(
                "cannot create the folder {}: {e}",
                dir.display()
            ))
        })?;
    }
    demo::open_or_create_with_demo(path)
}

/// Opens the team database (creating Tandem's tables in an empty one).
pub fn open_server(settings: &ServerSettings) -> CoreResult<Store> {
    postgres::open(settings)
}

/// The choice remembered between launches. Never a password: that goes to the keyring.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum Remembered {
    Solo {
        file: PathBuf,
    },
    Team {
        host: String,
        port: u16,
        database: String,
        user: String,
        tls: String,
        ca_file: Option<PathBuf>,
        remember_password: bool,
    },
}

impl Remembered {
    pub fn team(settings: &ServerSettings, remember_password: bool) -> Self {
        Remembered::Team {
            host: settings.host.clone(),
            port: settings.port,
            database: settings.database.clone(),
            user: settings.user.clone(),
            tls: settings.tls.as_str().to_owned(),
            ca_file: settings.ca_file.clone(),
            remember_password,
        }
    }

    /// The server settings, without a password.
    pub fn server_settings(&self) -> Option<(ServerSettings, bool)> {
        match self {
            Remembered::Solo { .. } => None,
            Remembered::Team {
                host,
                port,
                database,
                user,
                tls,
                ca_file,
                remember_password,
            } => Some((
                ServerSettings {
                    host: host.clone(),
                    port: *port,
                    database: database.clone(),
                    user: user.clone(),
                    password: None,
                    tls: TlsMode::parse(tls).unwrap_or(TlsMode::VerifyFull),
                    ca_file: ca_file.clone(),
                },
                *remember_password,
            )),
        }
    }

    /// The remembered choice in `config_dir`; `None` when there is none or it cannot be read.
    pub fn load(config_dir: &Path) -> Option<Self> {
        let text = std::fs::read_to_string(config_dir.join(REMEMBERED_FILE)).ok()?;
        serde_json::from_str(&text).ok()
    }

    /// Writes the choice; a failure only means it is not remembered next time.
    pub fn save(&self, config_dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(config_dir)?;
        let text = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        std::fs::write(config_dir.join(REMEMBERED_FILE), text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        std::iter::once("tandem")
            .chain(list.iter().copied())
            .map(String::from)
            .collect()
    }

    fn file(path: &str) -> Result<Option<Target>, String> {
        Ok(Some(Target::File(PathBuf::from(path))))
    }

    #[test]
    fn the_db_argument_wins_over_the_environment() {
        assert_eq!(
            requested_target(&args(&["--db", "a.sqlite"]), Some("b.sqlite".into()), None),
            file("a.sqlite")
        );
        assert_eq!(
            requested_target(
                &args(&["--db=c.sqlite"]),
                None,
                Some("postgresql://u@h/d".into())
            ),
            file("c.sqlite")
        );
    }

    #[test]
    fn the_environment_is_used_without_an_argument() {
        assert_eq!(
            requested_target(&args(&[]), Some("b.sqlite".into()), None),
            file("b.sqlite")
        );
        assert_eq!(requested_target(&args(&[]), None, None), Ok(None));
    }

    #[test]
    fn a_server_argument_opens_team_mode_with_tls_required() {
        let Ok(Some(Target::Server(s))) = requested_target(
            &args(&["--server", "postgresql://hr@db.example.com:5433/tandem"]),
            Some("b.sqlite".into()),
            None,
        ) else {
            panic!("expected a server target");
        };
        assert_eq!(
            (s.host.as_str(), s.port, s.user.as_str()),
            ("db.example.com", 5433, "hr")
        );
        assert_eq!(s.tls, TlsMode::Require);
        let from_env = requested_target(&args(&[]), None, Some("postgresql://hr@h/t".into()));
        assert!(matches!(from_env, Ok(Some(Target::Server(_)))));
    }

    #[test]
    fn an_argument_without_its_value_is_an_error() {
        assert!(requested_target(&args(&["--db"]), None, None).is_err());
        assert!(requested_target(&args(&["--server"]), None, None).is_err());
        assert!(requested_target(&args(&["--server", "http://x"]), None, None).is_err());
    }

    #[test]
    fn the_remembered_choice_round_trips_without_a_password(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        assert_eq!(Remembered::load(dir.path()), None);
        let settings =
            ServerSettings::from_url("postgresql://hr:secret@db/tandem?sslmode=verify-full")?;
        let remembered = Remembered::team(&settings, true);
        remembered.save(dir.path())?;
        let text = std::fs::read_to_string(dir.path().join(REMEMBERED_FILE))?;
        assert!(!text.contains("secret"));
        let back = Remembered::load(dir.path()).and_then(|r| r.server_settings());
        let (restored, remember) = back.ok_or("nothing remembered")?;
        assert!(remember);
        assert_eq!(restored.password, None);
        assert_eq!(restored.tls, TlsMode::VerifyFull);
        Ok(())
    }

    #[test]
    fn a_new_database_opens_on_the_demo_company_and_an_existing_one_is_kept() -> CoreResult<()> {
        let dir =
            tempfile::tempdir().map_err(|e| tandem_core::CoreError::Migration(e.to_string()))?;
        let path = dir.path().join("nested").join("t.sqlite");
        let store = open_file(&path)?;
        let facets = tandem_core::directory::directory_facets(&store)?;
        assert!(facets.active_count > 100);
        drop(store);
        // Reopening must not load the demo a second time (that would be refused as a conflict).
        let store = open_file(&path)?;
        let again = tandem_core::directory::directory_facets(&store)?;
        assert_eq!(again.active_count, facets.active_count);
        Ok(())
    }
}
