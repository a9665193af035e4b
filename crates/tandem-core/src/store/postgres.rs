//! Team mode: opening a Tandem database on the company's PostgreSQL server.
//!
//! [`ServerSettings`] is what a person types on the first screen (or passes as `--server URL`):
//! host, port, database, user name, password and how strictly TLS is checked. PostgreSQL itself
//! checks the password (SCRAM, or LDAP / Kerberos as IT configures `pg_hba.conf`); Tandem stores
//! no hash. TLS is required unless the server is this very computer; `verify-full` with the
//! company's CA file is the recommended setting.
//!
//! Every way opening can fail maps to a [`CoreError::Connection`] with its own key (unreachable,
//! wrong password, TLS refused…), or to [`CoreError::Database`] for a database that is not
//! Tandem's or is newer than this build; nothing is written in either case.

use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use super::db::{self, Connection};
use super::{migrations, Store};
use crate::{CoreError, CoreResult, RefusalKey};

/// How the connection is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TlsMode {
    /// Encrypted; the server's certificate is not checked (libpq's `require`).
    Require,
    /// Encrypted, and the certificate must be signed by the CA (the file, or the system's) and
    /// name the host (libpq's `verify-full`). Recommended.
    VerifyFull,
    /// No TLS: allowed only when the server is this computer.
    Disable,
}

impl TlsMode {
    pub fn as_str(self) -> &'static str {
        match self {
            TlsMode::Require => "require",
            TlsMode::VerifyFull => "verify-full",
            TlsMode::Disable => "disable",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "require" => Some(TlsMode::Require),
            "verify-full" => Some(TlsMode::VerifyFull),
            "disable" => Some(TlsMode::Disable),
            _ => None,
        }
    }
}

/// Where the team database is and who signs in.
#[derive(Clone, PartialEq, Eq)]
pub struct ServerSettings {
    pub host: String,
    pub port: u16,
    pub database: String,
    pub user: String,
    /// `None` lets PostgreSQL decide (Kerberos, trust on a test server).
    pub password: Option<String>,
    pub tls: TlsMode,
    /// The CA certificate (PEM) for [`TlsMode::VerifyFull`]; the system's roots when `None`.
    pub ca_file: Option<PathBuf>,
}

impl std::fmt::Debug for ServerSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print the password.
        f.debug_struct("ServerSettings")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("database", &self.database)
            .field("user", &self.user)
            .field("tls", &self.tls)
            .field("ca_file", &self.ca_file)
            .finish_non_exhaustive()
    }
}

/// The keyring service remembered team passwords are kept under.
pub const KEYRING_SERVICE: &str = "Tandem";

impl ServerSettings {
    /// Reads a libpq-style URL: `postgresql://user:password@host:port/database?sslmode=…&sslrootcert=…`.
    /// `sslmode` is `verify-full`, `require` (the default) or `disable`.
    pub fn from_url(url: &str) -> CoreResult<Self> {
        let invalid = |why: &str| {
            CoreError::invalid(
                "server",
                "server_url_invalid",
                format!("the server address {why}"),
            )
        };
        let (base, query) = url.split_once('?').unwrap_or((url, ""));
        let mut tls = TlsMode::Require;
        let mut ca_file = None;
        let mut rest = Vec::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            match pair.split_once('=') {
                Some(("sslmode", v)) => {
                    tls = TlsMode::parse(v).ok_or_else(|| {
                        invalid("has an sslmode other than verify-full, require or disable")
                    })?
                }
                Some(("sslrootcert", v)) => ca_file = Some(PathBuf::from(v)),
                _ => rest.push(pair),
            }
        }
        let rebuilt = if rest.is_empty() {
            base.to_owned()
        } else {
            format!("{base}?{}", rest.join("&"))
        };
        let config = postgres::Config::from_str(&rebuilt)
            .map_err(|_| invalid("is not a postgresql:// URL"))?;
        let host = match config.get_hosts().first() {
            Some(postgres::config::Host::Tcp(h)) => h.clone(),
            _ => "localhost".to_owned(),
        };
        let user = config
            .get_user()
            .filter(|u| !u.trim().is_empty())
            .ok_or_else(|| invalid("names no user"))?
            .to_owned();
        Ok(ServerSettings {
            host,
            port: config.get_ports().first().copied().unwrap_or(5432),
            database: config.get_dbname().unwrap_or(&user).to_owned(),
            password: config
                .get_password()
                .map(|p| String::from_utf8_lossy(p).into_owned()),
            user,
            tls,
            ca_file,
        })
    }

    /// The account a remembered password is kept under in the system keyring: one per user,
    /// server and database, the same for the desktop app and the command line.
    pub fn keyring_account(&self) -> String {
        format!(
            "{}@{}:{}/{}",
            self.user, self.host, self.port, self.database
        )
    }

    /// The URL for these settings, without the password.
    pub fn display_url(&self) -> String {
        format!(
            "postgresql://{}@{}:{}/{}?sslmode={}",
            self.user,
            self.host,
            self.port,
            self.database,
            self.tls.as_str()
        )
    }

    /// True when the server is this computer, the only place a plain connection may go.
    pub fn is_local(&self) -> bool {
        matches!(self.host.as_str(), "localhost" | "127.0.0.1" | "::1")
    }

    fn config(&self) -> postgres::Config {
        let mut config = postgres::Config::new();
        config
            .host(&self.host)
            .port(self.port)
            .dbname(&self.database)
            .user(&self.user)
            .application_name("Tandem")
            .connect_timeout(Duration::from_secs(10))
            .keepalives(true)
            .keepalives_idle(Duration::from_secs(30))
            .ssl_mode(match self.tls {
                TlsMode::Disable => postgres::config::SslMode::Disable,
                _ => postgres::config::SslMode::Require,
            });
        if let Some(password) = &self.password {
            config.password(password);
        }
        config
    }
}

/// Opens the team database, creating Tandem's tables in an empty one and upgrading an older one.
pub fn open(settings: &ServerSettings) -> CoreResult<Store> {
    let conn = connect(settings)?;
    migrations::migrate(&conn)?;
    Store::from_postgres(conn)
}

/// A connection to the server, not yet migrated.
pub(crate) fn connect(settings: &ServerSettings) -> CoreResult<Connection> {
    if settings.tls == TlsMode::Disable && !settings.is_local() {
        return Err(CoreError::connection(
            RefusalKey::PlainConnectionNotLocal,
            format!(
                "a connection without TLS is allowed only to this computer, not to {}",
                settings.host
            ),
        )
        .with("host", &settings.host));
    }
    let config = settings.config();
    let client = match settings.tls {
        TlsMode::Disable => config.connect(postgres::NoTls),
        TlsMode::Require | TlsMode::VerifyFull => config.connect(tls_connector(settings)?),
    };
    client
        .map(Connection::from_postgres)
        .map_err(|e| connect_error(settings, e))
}

fn tls_connector(settings: &ServerSettings) -> CoreResult<postgres_native_tls::MakeTlsConnector> {
    let mut builder = native_tls::TlsConnector::builder();
    match settings.tls {
        TlsMode::VerifyFull => {
            if let Some(path) = &settings.ca_file {
                let certificate = std::fs::read(path)
                    .ok()
                    .and_then(|pem| native_tls::Certificate::from_pem(&pem).ok())
                    .ok_or_else(|| {
                        CoreError::connection(
                            RefusalKey::CaFileUnreadable,
                            format!(
                                "the CA file {} cannot be read as a PEM certificate",
                                path.display()
                            ),
                        )
                        .with("path", path.display())
                    })?;
                builder.add_root_certificate(certificate);
            }
        }
        _ => {
            builder
                .danger_accept_invalid_certs(true)
                .danger_accept_invalid_hostnames(true);
        }
    }
    let connector = builder.build().map_err(|e| {
        CoreError::connection(
            RefusalKey::TlsRefused,
            format!("TLS could not be set up: {e}"),
        )
    })?;
    Ok(postgres_native_tls::MakeTlsConnector::new(connector))
}

/// Says why connecting failed, in the words the first screen shows.
fn connect_error(settings: &ServerSettings, e: postgres::Error) -> CoreError {
    let server = format!("{}:{}", settings.host, settings.port);
    if let Some(db) = e.as_db_error() {
        return match db.code().code() {
            "28P01" | "28000" => CoreError::connection(
                RefusalKey::WrongPassword,
                format!(
                    "the server refused the user name or password for {}",
                    settings.user
                ),
            )
            .with("user", &settings.user),
            "3D000" => CoreError::connection(
                RefusalKey::DatabaseMissing,
                format!(
                    "the server {server} has no database named {}",
                    settings.database
                ),
            )
            .with("database", &settings.database)
            .with("server", &server),
            _ => CoreError::Storage(db::Error::Postgres(e)),
        };
    }
    let text = format!("{e:?}").to_lowercase();
    if text.contains("password missing") {
        return CoreError::connection(
            RefusalKey::PasswordNeeded,
            format!("the server asks for the password of {}", settings.user),
        )
        .with("user", &settings.user);
    }
    if text.contains("tls") || text.contains("ssl") || text.contains("certificate") {
        let message = format!("the secure connection to {server} was refused: {e}");
        return CoreError::connection(RefusalKey::TlsRefused, message).with("server", &server);
    }
    CoreError::connection(
        RefusalKey::ServerUnreachable,
        format!("the server {server} cannot be reached: {e}"),
    )
    .with("server", &server)
}

/// Test support: a fresh, migrated PostgreSQL database per test, dropped when its store is.
///
/// `TANDEM_TEST_POSTGRES` is the URL of a role allowed to create databases (the test command's
/// throwaway server sets it). The migrated schema is built once per server as a template, so a
/// new database is a file copy, not nine migrations.
#[doc(hidden)]
pub mod testing {
    use super::*;

    /// The URL of the test server, when the test command started one.
    pub fn server_url() -> Option<String> {
        std::env::var("TANDEM_TEST_POSTGRES")
            .ok()
            .filter(|u| !u.is_empty())
    }

    /// True when the store tests should run on PostgreSQL (`TANDEM_TEST_ENGINE=postgres`).
    pub fn selected() -> bool {
        std::env::var("TANDEM_TEST_ENGINE").is_ok_and(|e| e == "postgres")
    }

    /// Settings for `database` on the test server, as the test role.
    pub fn settings_for(database: &str) -> CoreResult<ServerSettings> {
        let url = server_url().ok_or_else(|| {
            CoreError::Migration(
                "TANDEM_TEST_POSTGRES is not set: run the tests through scripts/test.sh".into(),
            )
        })?;
        let mut settings = ServerSettings::from_url(&url)?;
        settings.database = database.to_owned();
        settings.tls = TlsMode::Disable;
        Ok(settings)
    }

    /// A connection that neither checks nor migrates the schema, to look at or damage a test
    /// database the way a person with `psql` could.
    pub fn raw_connection(settings: &ServerSettings) -> CoreResult<Connection> {
        connect(settings)
    }

    /// A new empty database on the test server (no Tandem schema), dropped with the returned guard.
    pub fn empty_database() -> CoreResult<(ServerSettings, DropDatabase)> {
        let admin = connect(&settings_for("postgres")?)?;
        let name = format!("tandem_t_{}", uuid::Uuid::new_v4().simple());
        admin.execute_batch(&format!("CREATE DATABASE {name}"))?;
        Ok((settings_for(&name)?, DropDatabase { name }))
    }

    /// A new database migrated to the latest schema, as a store that drops it when dropped.
    pub fn fresh_store() -> CoreResult<Store> {
        let admin = connect(&settings_for("postgres")?)?;
        let template = format!("tandem_template_{}", migrations::SCHEMA_VERSION);
        admin.transaction(|tx| -> CoreResult<()> {
            tx.query_row("SELECT pg_advisory_xact_lock(7346207)", (), |_| Ok(()))?;
            let exists: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = ?1)",
                [&template],
                |r| r.get(0),
            )?;
            if !exists {
                let building = format!("{template}_building");
                admin_exec(&format!("DROP DATABASE IF EXISTS {building}"))?;
                admin_exec(&format!("CREATE DATABASE {building}"))?;
                {
                    let conn = connect(&settings_for(&building)?)?;
                    migrations::migrate(&conn)?;
                }
                admin_exec(&format!("ALTER DATABASE {building} RENAME TO {template}"))?;
            }
            Ok(())
        })?;
        let name = format!("tandem_t_{}", uuid::Uuid::new_v4().simple());
        admin.execute_batch(&format!("CREATE DATABASE {name} TEMPLATE {template}"))?;
        drop(admin);
        let conn = connect(&settings_for(&name)?)?;
        let mut store = Store::from_postgres(conn)?;
        store.drop_guard = Some(DropDatabase { name });
        Ok(store)
    }

    /// CREATE / DROP / ALTER DATABASE cannot run inside a transaction block (the one holding the
    /// template's lock): run them on a second connection.
    fn admin_exec(sql: &str) -> CoreResult<()> {
        let other = connect(&settings_for("postgres")?)?;
        other.execute_batch(sql)?;
        Ok(())
    }

    /// Drops its database when dropped (after the store's own connection has closed).
    pub struct DropDatabase {
        name: String,
    }

    /// The test database a store from [`fresh_store`] works on.
    pub fn database_of(store: &Store) -> Option<&str> {
        store.drop_guard.as_ref().map(|g| g.name.as_str())
    }

    /// A login role on the test server (the test role may create roles), dropped with the guard:
    /// for the tests that connect as a participant, a manager or HR's other logins.
    pub fn login_role(prefix: &str) -> CoreResult<(String, String, DropRole)> {
        let name = format!(
            "tandem_r_{}_{prefix}",
            &uuid::Uuid::new_v4().simple().to_string()[..8]
        );
        let password = uuid::Uuid::new_v4().simple().to_string();
        admin_exec(&format!("CREATE ROLE {name} LOGIN PASSWORD '{password}'"))?;
        Ok((name.clone(), password, DropRole { name }))
    }

    /// Drops its role when dropped; declare it before the stores that connect as it.
    pub struct DropRole {
        name: String,
    }

    impl Drop for DropRole {
        fn drop(&mut self) {
            let _ = admin_exec(&format!("DROP ROLE IF EXISTS {}", self.name));
        }
    }

    impl Drop for DropDatabase {
        fn drop(&mut self) {
            if let Ok(settings) = settings_for("postgres") {
                if let Ok(admin) = connect(&settings) {
                    // WITH (FORCE) ends any connection a failed test left behind.
                    let _ = admin.execute_batch(&format!(
                        "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                        self.name
                    ));
                }
            }
        }
    }
}
