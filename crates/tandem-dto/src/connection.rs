//! Which database Tandem works on: the file on this computer (solo) or the team's PostgreSQL
//! server, as the start screen shows and submits it. The password crosses only in
//! [`TeamFormDto`], never back to the UI.

use serde::{Deserialize, Serialize};
use tandem_core::store::postgres::{ServerSettings, TlsMode};
use tandem_core::{CoreError, CoreResult};
use ts_rs::TS;

use crate::ErrorDto;

/// How the team connection is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum TlsModeDto {
    /// Encrypted, and the server's certificate checked against the CA (recommended).
    VerifyFull,
    /// Encrypted, certificate not checked.
    Require,
    /// Not encrypted: only to this computer.
    Disable,
}

impl From<TlsModeDto> for TlsMode {
    fn from(mode: TlsModeDto) -> Self {
        match mode {
            TlsModeDto::VerifyFull => TlsMode::VerifyFull,
            TlsModeDto::Require => TlsMode::Require,
            TlsModeDto::Disable => TlsMode::Disable,
        }
    }
}

impl From<TlsMode> for TlsModeDto {
    fn from(mode: TlsMode) -> Self {
        match mode {
            TlsMode::VerifyFull => TlsModeDto::VerifyFull,
            TlsMode::Require => TlsModeDto::Require,
            TlsMode::Disable => TlsModeDto::Disable,
        }
    }
}

/// The team server form as submitted. The CA file is chosen beforehand through the shell's own
/// file dialog (`pick_ca_file`), so no path crosses here.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct TeamFormDto {
    pub host: String,
    pub port: u16,
    pub database: String,
    pub user: String,
    /// Empty when the server signs in another way (Kerberos) or the keyring remembers it.
    pub password: String,
    pub tls: TlsModeDto,
    /// Keep the password in the operating system's keyring for next time.
    pub remember_password: bool,
}

/// The longest host, database or user name the form takes.
const MAX_NAME: usize = 255;

impl TeamFormDto {
    /// Checks the form and makes the connection settings (the CA file comes from the shell).
    pub fn into_settings(self, ca_file: Option<std::path::PathBuf>) -> CoreResult<ServerSettings> {
        let mut errors = Vec::new();
        for (field, value) in [
            ("host", &self.host),
            ("database", &self.database),
            ("user", &self.user),
        ] {
            let value = value.trim();
            if value.is_empty() {
                errors.push(tandem_core::FieldError::new(
                    field,
                    "required",
                    format!("the {field} is required"),
                ));
            } else if value.chars().count() > MAX_NAME {
                errors.push(tandem_core::FieldError::too_long(
                    field,
                    MAX_NAME,
                    format!("the {field} is longer than {MAX_NAME} characters"),
                ));
            }
        }
        if self.port == 0 {
            errors.push(tandem_core::FieldError::new(
                "port",
                "port_invalid",
                "the port must be between 1 and 65535",
            ));
        }
        if !errors.is_empty() {
            return Err(CoreError::Validation(errors));
        }
        let tls: TlsMode = self.tls.into();
        Ok(ServerSettings {
            host: self.host.trim().to_owned(),
            port: self.port,
            database: self.database.trim().to_owned(),
            user: self.user.trim().to_owned(),
            password: Some(self.password).filter(|p| !p.is_empty()),
            tls,
            ca_file: if tls == TlsMode::VerifyFull {
                ca_file
            } else {
                None
            },
        })
    }
}

/// The team server's settings as the form shows them (no password).
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TeamSettingsDto {
    pub host: String,
    pub port: u16,
    pub database: String,
    pub user: String,
    pub tls: TlsModeDto,
    /// The chosen CA file's name (not its folder), if any.
    pub ca_file_name: Option<String>,
    /// Whether the keyring holds this user's password.
    pub password_remembered: bool,
}

impl TeamSettingsDto {
    pub fn from_settings(settings: &ServerSettings, password_remembered: bool) -> Self {
        TeamSettingsDto {
            host: settings.host.clone(),
            port: settings.port,
            database: settings.database.clone(),
            user: settings.user.clone(),
            tls: settings.tls.into(),
            ca_file_name: settings
                .ca_file
                .as_ref()
                .and_then(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned()),
            password_remembered,
        }
    }
}

/// Solo or team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DatabaseModeDto {
    Solo,
    Team,
}

/// What the start screen and the top bar show about the database.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ConnectionStatusDto {
    /// `null` while no database is open: the start screen shows.
    pub open: Option<DatabaseModeDto>,
    /// The solo file, open or offered.
    pub file: String,
    /// The team server, open or remembered, for the form.
    pub team: Option<TeamSettingsDto>,
    /// The mode chosen last time, preselected on the start screen.
    pub last_mode: DatabaseModeDto,
    /// Why the remembered database could not be opened at start, if it could not.
    pub startup_error: Option<ErrorDto>,
}

/// A solo file copied into the team database: rows per table.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct MoveReportDto {
    pub tables: Vec<TableCountDto>,
    pub rows: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TableCountDto {
    pub table: String,
    pub rows: u32,
}

impl MoveReportDto {
    pub fn from_counts(counts: &[(String, i64)]) -> Self {
        let rows = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
        MoveReportDto {
            rows: counts
                .iter()
                .map(|(_, n)| rows(*n))
                .fold(0, u32::saturating_add),
            tables: counts
                .iter()
                .map(|(table, n)| TableCountDto {
                    table: table.clone(),
                    rows: rows(*n),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> TeamFormDto {
        TeamFormDto {
            host: " db.example.com ".into(),
            port: 5432,
            database: "tandem".into(),
            user: "hr".into(),
            password: String::new(),
            tls: TlsModeDto::VerifyFull,
            remember_password: false,
        }
    }

    #[test]
    fn a_complete_form_makes_settings_with_the_ca_only_for_verify_full() -> CoreResult<()> {
        let s = form().into_settings(Some("ca.pem".into()))?;
        assert_eq!(s.host, "db.example.com");
        assert_eq!(s.password, None);
        assert_eq!(s.ca_file, Some("ca.pem".into()));
        let mut plain = form();
        plain.tls = TlsModeDto::Require;
        assert_eq!(plain.into_settings(Some("ca.pem".into()))?.ca_file, None);
        Ok(())
    }

    #[test]
    fn missing_or_overlong_names_and_port_zero_are_field_errors() {
        let mut bad = form();
        bad.host = "  ".into();
        bad.user = "u".repeat(300);
        bad.port = 0;
        let Err(CoreError::Validation(fields)) = bad.into_settings(None) else {
            panic!("expected a validation error");
        };
        let keys: Vec<(&str, &str)> = fields
            .iter()
            .map(|f| (f.field.as_str(), f.key.as_str()))
            .collect();
        assert_eq!(
            keys,
            vec![
                ("host", "required"),
                ("user", "too_long"),
                ("port", "port_invalid")
            ]
        );
    }
}
