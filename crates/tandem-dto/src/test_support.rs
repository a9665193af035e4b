//! Helpers shared by this crate's unit tests.

use tandem_core::{CoreError, CoreResult};

/// The `(field, key)` pairs of a validation error; panics on any other outcome.
pub(crate) fn validation_keys<T: std::fmt::Debug>(result: CoreResult<T>) -> Vec<(String, String)> {
    match result {
        Err(CoreError::Validation(fields)) => {
            fields.into_iter().map(|f| (f.field, f.key)).collect()
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
}
