//! The error every command returns: `{ code, message, fields }`.

use serde::Serialize;
use tandem_core::{CoreError, FieldError};
use ts_rs::TS;

/// One invalid field; `key` is translated by the UI, `message` is the English fallback.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct FieldErrorDto {
    pub field: String,
    pub key: String,
    pub message: String,
}

/// A failure as the UI sees it. `code` is stable per kind of failure:
/// `not_found`, `validation`, `conflict`, `invalid_file`, `storage`, `internal`.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ErrorDto {
    pub code: String,
    pub message: String,
    pub fields: Vec<FieldErrorDto>,
}

impl From<&FieldError> for FieldErrorDto {
    fn from(e: &FieldError) -> Self {
        FieldErrorDto {
            field: e.field.clone(),
            key: e.key.clone(),
            message: e.message.clone(),
        }
    }
}

impl From<CoreError> for ErrorDto {
    fn from(e: CoreError) -> Self {
        let fields = match &e {
            CoreError::Validation(fields) => fields.iter().map(FieldErrorDto::from).collect(),
            _ => Vec::new(),
        };
        ErrorDto {
            code: e.code().to_owned(),
            message: e.to_string(),
            fields,
        }
    }
}

impl ErrorDto {
    /// A failure of the shell itself (a poisoned lock, a missing staged file...).
    pub fn internal(message: impl Into<String>) -> Self {
        ErrorDto {
            code: "internal".to_owned(),
            message: message.into(),
            fields: Vec::new(),
        }
    }
}
