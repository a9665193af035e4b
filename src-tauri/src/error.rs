//! What a command returns on failure: the core's error as `{ code, message, fields }`.

use tandem_dto::ErrorDto;

pub type CommandResult<T> = Result<T, ErrorDto>;

/// A lock held by a command that panicked: the shell's fault, never the user's.
pub fn poisoned<T>(_: std::sync::PoisonError<T>) -> ErrorDto {
    ErrorDto::internal(
        tandem_core::RefusalKey::AppFault,
        "Tandem hit an internal error; restart the app. Your data is safe.",
    )
}
