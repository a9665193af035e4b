//! The one error type of the core.
//!
//! Every failure a user can cause maps to a variant with a stable [`CoreError::code`], which the UI
//! receives as `{ code, key, params, message }`. Add a variant only for a new *kind* of failure the
//! UI must treat differently; otherwise reuse one.
//!
//! A refused change or an unreadable file carries a [`Refusal`]: a [`RefusalKey`] the UI translates,
//! the values its sentence names, and an English sentence for logs and as a fallback. To add one,
//! add a variant to [`RefusalKey`] and its sentence to `ui/src/lib/i18n/messages.en.json` and
//! `messages.fr.json` (the app and the command line both read them); the UI's type check fails
//! until both languages have it.

use serde::Serialize;

/// One invalid field of a submitted form or imported row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The field's name as the UI knows it, e.g. `email`.
    pub field: String,
    /// A stable key the UI translates, e.g. `email_invalid`.
    pub key: String,
    /// An English sentence a person can act on, used when the UI has no translation.
    pub message: String,
    /// Values a more precise sentence can name (`error.<key>.detail` in the UI), e.g. `max`.
    pub params: Vec<(&'static str, String)>,
}

impl FieldError {
    pub fn new(field: &str, key: &str, message: impl Into<String>) -> Self {
        Self {
            field: field.to_owned(),
            key: key.to_owned(),
            message: message.into(),
            params: Vec::new(),
        }
    }

    /// A value over its limit of `max` characters (or items): key `too_long`, param `max`.
    pub fn too_long(field: &str, max: usize, message: impl Into<String>) -> Self {
        Self::new(field, "too_long", message).with("max", max)
    }

    /// Adds a value the precise sentence names as `{name}`.
    pub fn with(mut self, name: &'static str, value: impl ToString) -> Self {
        self.params.push((name, value.to_string()));
        self
    }
}

/// Why a change was refused or a file could not be read, in words the UI can translate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub key: RefusalKey,
    /// The values the sentence names (a person, a date, a count), by placeholder name.
    pub params: Vec<(&'static str, String)>,
    /// The English sentence, with the values in it.
    pub message: String,
}

/// Every kind of refusal, as the snake_case key the UI looks up (`refusal.<key>`). Instants given as
/// params end in `_at` and are RFC 3339, so the UI can show them in its own format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::EnumIter, strum::IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum RefusalKey {
    // Directory and import.
    EmailTaken,
    ExternalIdTaken,
    ReportingCycle,
    ImportBrokenReference,
    FileEmpty,
    FileIsWorkbook,
    FileIsPdf,
    FileBadBytes,
    FileNotText,
    FileNotCsv,
    FileNoHeader,
    FileTooLarge,
    FileTooManyRows,
    FileTooManyColumns,
    FileNotReceived,
    NoImportInProgress,
    // Programs and pairs.
    ProgramHasApprovedPairs,
    PairHasSessions,
    PairApproved,
    ParticipantHasSessions,
    ParticipantInApprovedPair,
    PairNotApproved,
    // Sessions.
    DoubleBooking,
    SessionAlreadyHeld,
    SessionCancelled,
    SessionNoShow,
    SessionStillPlanned,
    SessionHasLog,
    LogNeedsHeldSession,
    // Exports.
    ExportFailed,
    DateNotExportable,
    // The desktop shell: saving files, printing, its own faults.
    SaveFailed,
    SaveDialogFailed,
    SaveLocationInvalid,
    PrintFailed,
    AppFault,
    // Demo data.
    DemoNeedsEmptyDatabase,
    DemoProgramExists,
    DemoDataInvalid,
    // Opening a database, and team mode.
    DatabaseTooNew,
    NotTandemDatabase,
    NotTandemFile,
    DatabaseReadOnly,
    DatabaseDamaged,
    DiskFull,
    BackupNeedsLocalDatabase,
    BackupDamaged,
    ServerUnreachable,
    WrongPassword,
    DatabaseMissing,
    TlsRefused,
    CaFileUnreadable,
    PlainConnectionNotLocal,
    ConnectionLost,
    TeamDatabaseNotEmpty,
    StaleRecord,
    StaleRecordHere,
    NoDatabaseOpen,
    MoveNeedsSoloDatabase,
    PasswordNeeded,
    // Who may do what (the `access` module).
    LoginNotLinked,
    ForbiddenHrOnly,
    ForbiddenNotYours,
    ForbiddenNotYourPair,
    ForbiddenMentorOnly,
    ForbiddenOtherSide,
    ForbiddenHrFields,
    ForbiddenNotYourPeople,
    ForbiddenViewingAs,
    LastHrAdmin,
}

impl RefusalKey {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Every key, in declaration order.
    pub fn all() -> impl Iterator<Item = RefusalKey> {
        <Self as strum::IntoEnumIterator>::iter()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    /// The thing asked for does not exist (an unknown id).
    #[error("{entity} {id} was not found")]
    NotFound { entity: &'static str, id: String },
    /// Submitted data breaks a rule; each field says what to fix.
    #[error("{}", validation_summary(.0))]
    Validation(Vec<FieldError>),
    /// The change clashes with existing data (a duplicate email, a reporting cycle, ...).
    #[error("{}", .0.message)]
    Conflict(Refusal),
    /// A file could not be read as an HR export at all (encoding, no header, ...).
    #[error("{}", .0.message)]
    InvalidFile(Refusal),
    /// The database failed; nothing was changed.
    #[error("the database could not complete the operation: {0}")]
    Storage(crate::store::db::Error),
    /// The team server cannot be reached, refused the sign-in or the secure connection, or the
    /// connection was lost; nothing was changed, and trying again may work.
    #[error("{}", .0.message)]
    Connection(Refusal),
    /// The database cannot be used by this Tandem: written by a newer version, or not Tandem's.
    #[error("{}", .0.message)]
    Database(Refusal),
    /// Opening or migrating the database failed.
    #[error("the database could not be opened or upgraded: {0}")]
    Migration(String),
    /// The acting person may not do this (see [`crate::access`]); nothing was changed.
    #[error("{}", .0.message)]
    Forbidden(Refusal),
}

fn validation_summary(errors: &[FieldError]) -> String {
    match errors {
        [] => "the data is not valid".to_owned(),
        [one] => one.message.clone(),
        [first, rest @ ..] => format!("{} (and {} more problem(s))", first.message, rest.len()),
    }
}

impl CoreError {
    /// The stable code the UI switches on.
    pub fn code(&self) -> &'static str {
        match self {
            CoreError::NotFound { .. } => "not_found",
            CoreError::Validation(_) => "validation",
            CoreError::Conflict(_) => "conflict",
            CoreError::InvalidFile(_) => "invalid_file",
            CoreError::Storage(_) | CoreError::Migration(_) => "storage",
            CoreError::Connection(_) => "connection",
            CoreError::Database(_) => "database",
            CoreError::Forbidden(_) => "forbidden",
        }
    }

    pub fn not_found(entity: &'static str, id: impl ToString) -> Self {
        CoreError::NotFound {
            entity,
            id: id.to_string(),
        }
    }

    pub fn invalid(field: &str, key: &str, message: impl Into<String>) -> Self {
        CoreError::Validation(vec![FieldError::new(field, key, message)])
    }

    /// A change refused because of existing data; name the values with [`CoreError::with`].
    pub fn conflict(key: RefusalKey, message: impl Into<String>) -> Self {
        CoreError::Conflict(Refusal::new(key, message))
    }

    /// The server cannot be reached or refused the sign-in.
    pub fn connection(key: RefusalKey, message: impl Into<String>) -> Self {
        CoreError::Connection(Refusal::new(key, message))
    }

    /// An operation the acting person may not do.
    pub fn forbidden(key: RefusalKey, message: impl Into<String>) -> Self {
        CoreError::Forbidden(Refusal::new(key, message))
    }

    /// A database this Tandem cannot use.
    pub fn database(key: RefusalKey, message: impl Into<String>) -> Self {
        CoreError::Database(Refusal::new(key, message))
    }

    /// A file that cannot be read as what it should be.
    pub fn invalid_file(key: RefusalKey, message: impl Into<String>) -> Self {
        CoreError::InvalidFile(Refusal::new(key, message))
    }

    /// A change based on an old copy of a record: nothing was written, and the refusal names who
    /// changed the record since (`stale_record`), or only when on a file with one user
    /// (`stale_record_here`).
    pub fn stale(stamp: Option<crate::domain::ChangeStamp>) -> Self {
        let (who, at) = stamp.map_or((String::new(), String::new()), |s| {
            (s.updated_by, s.updated_at)
        });
        let (key, message) = if who.is_empty() {
            (
                RefusalKey::StaleRecordHere,
                format!("this record was changed at {at}, after you opened it; nothing was saved"),
            )
        } else {
            (
                RefusalKey::StaleRecord,
                format!(
                    "{who} changed this record at {at}, after you opened it; nothing was saved"
                ),
            )
        };
        CoreError::conflict(key, message)
            .with("who", who)
            .with("changed_at", at)
    }

    /// Adds a value the translated sentence names as `{name}`. Other variants are returned as is.
    pub fn with(mut self, name: &'static str, value: impl ToString) -> Self {
        if let CoreError::Conflict(refusal)
        | CoreError::InvalidFile(refusal)
        | CoreError::Connection(refusal)
        | CoreError::Database(refusal)
        | CoreError::Forbidden(refusal) = &mut self
        {
            refusal.params.push((name, value.to_string()));
        }
        self
    }

    /// The refusal behind a conflict or an unreadable file.
    pub fn refusal(&self) -> Option<&Refusal> {
        match self {
            CoreError::Conflict(r)
            | CoreError::InvalidFile(r)
            | CoreError::Connection(r)
            | CoreError::Database(r)
            | CoreError::Forbidden(r) => Some(r),
            _ => None,
        }
    }

    /// The refusal's key, for tests and callers that branch on it.
    pub fn refusal_key(&self) -> Option<RefusalKey> {
        self.refusal().map(|r| r.key)
    }
}

impl Refusal {
    fn new(key: RefusalKey, message: impl Into<String>) -> Self {
        Refusal {
            key,
            params: Vec::new(),
            message: message.into(),
        }
    }
}

pub type CoreResult<T> = Result<T, CoreError>;

impl From<crate::store::db::Error> for CoreError {
    fn from(e: crate::store::db::Error) -> Self {
        if e.is_connection_lost() {
            CoreError::connection(
                RefusalKey::ConnectionLost,
                format!("the connection to the team database was lost: {e}"),
            )
        } else if let Some(problem) = e.file_problem() {
            use crate::store::db::FileProblem;
            let (key, message) = match problem {
                FileProblem::ReadOnly => (
                    RefusalKey::DatabaseReadOnly,
                    "the database file or its folder is read-only; nothing was changed",
                ),
                FileProblem::DiskFull => (
                    RefusalKey::DiskFull,
                    "the disk is full; nothing was changed",
                ),
                FileProblem::NotADatabase => (
                    RefusalKey::NotTandemFile,
                    "this file is not a Tandem database; nothing was changed",
                ),
                FileProblem::Damaged => (
                    RefusalKey::DatabaseDamaged,
                    "the database file is damaged; nothing was changed",
                ),
            };
            CoreError::database(key, format!("{message} ({e})")).with("detail", e)
        } else {
            CoreError::Storage(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    #[test]
    fn refusal_keys_are_distinct_snake_case_and_serialise_as_the_ui_looks_them_up() {
        let keys: Vec<&str> = RefusalKey::iter().map(RefusalKey::as_str).collect();
        let mut unique = keys.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), keys.len());
        for key in RefusalKey::iter() {
            let text = key.as_str();
            assert!(
                text.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{text}"
            );
            assert_eq!(
                serde_json::to_value(key).ok(),
                Some(serde_json::json!(text))
            );
        }
        assert_eq!(RefusalKey::DoubleBooking.as_str(), "double_booking");
    }

    #[test]
    fn a_refusal_keeps_its_params_in_order_and_displays_its_sentence() {
        let e = CoreError::conflict(RefusalKey::EmailTaken, "the email a@b.c is already used")
            .with("email", "a@b.c")
            .with("who", "Ada Martin");
        assert_eq!(e.code(), "conflict");
        assert_eq!(e.to_string(), "the email a@b.c is already used");
        let r = e.refusal().cloned();
        assert_eq!(
            r.map(|r| r.params),
            Some(vec![
                ("email", "a@b.c".to_owned()),
                ("who", "Ada Martin".to_owned())
            ])
        );
        // A field over its limit names the limit for the UI's precise sentence.
        let long = FieldError::too_long("reason", 500, "the reason is too long");
        assert_eq!(long.key, "too_long");
        assert_eq!(long.params, vec![("max", "500".to_owned())]);
        // Params only attach to refusals.
        let nf = CoreError::not_found("employee", 7).with("x", 1);
        assert!(nf.refusal().is_none());
    }
}
