//! The one error type of the core.
//!
//! Every failure a user can cause maps to a variant with a stable [`CoreError::code`], which the UI
//! receives as `{ code, message }`. Add a variant only for a new *kind* of failure the UI must treat
//! differently; otherwise reuse one and say what happened in its message.

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
}

impl FieldError {
    pub fn new(field: &str, key: &str, message: impl Into<String>) -> Self {
        Self {
            field: field.to_owned(),
            key: key.to_owned(),
            message: message.into(),
        }
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
    #[error("{0}")]
    Conflict(String),
    /// A file could not be read as an HR export at all (encoding, no header, ...).
    #[error("{0}")]
    InvalidFile(String),
    /// The database failed; nothing was changed.
    #[error("the database could not complete the operation: {0}")]
    Storage(#[from] rusqlite::Error),
    /// Opening or migrating the database failed.
    #[error("the database could not be opened or upgraded: {0}")]
    Migration(String),
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
}

pub type CoreResult<T> = Result<T, CoreError>;
