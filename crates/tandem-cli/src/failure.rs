//! Why a command failed, and the exit code that says so to a script.
//!
//! A failure carries the same [`ErrorDto`] the desktop app receives, so it is worded from the same
//! sentences and prints the same JSON; the command line's own refusals (a missing file, a
//! password in the arguments...) use keys under `cli.` in its catalog. The codes are documented
//! in `--help` and the README; change them only with both.

use std::process::ExitCode;

use tandem_core::CoreError;
use tandem_dto::ErrorDto;

/// The exit codes, one per kind of outcome a script may branch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Done = 0,
    Internal = 1,
    /// Bad input: a file that cannot be read as asked, a bad argument, a mapping missing. Nothing
    /// was written.
    Refused = 2,
    /// An import with rejected rows: committed without them, or would be (`--dry-run`).
    Rejected = 3,
    NotFound = 4,
    Forbidden = 5,
    /// The data's state refuses the change (an approved pair, a team database not empty...).
    Conflict = 6,
    /// The database cannot be used: missing, damaged, not Tandem's, newer, read-only, unreachable.
    Database = 7,
    /// The output file could not be written.
    NotWritten = 8,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> Self {
        ExitCode::from(exit as u8)
    }
}

#[derive(Debug)]
pub struct Failure {
    /// Boxed: a failure travels up every call, and the happy path should stay small.
    pub error: Box<ErrorDto>,
    pub exit: Exit,
}

pub type CliResult<T> = Result<T, Failure>;

impl From<CoreError> for Failure {
    fn from(e: CoreError) -> Self {
        if let CoreError::NotFound { entity, id } = &e {
            // Named on the command line, so worded with what was typed.
            let key = format!("cli.not_found.{}", entity.replace(' ', "_"));
            let id = id.clone();
            let mut error = ErrorDto::from(e).with("id", id);
            error.key = Some(key);
            return Failure {
                error: Box::new(error),
                exit: Exit::NotFound,
            };
        }
        let exit = match e.code() {
            "validation" | "invalid_file" => Exit::Refused,
            "not_found" => Exit::NotFound,
            "forbidden" => Exit::Forbidden,
            "conflict" if e.refusal_key() == Some(tandem_core::RefusalKey::SaveFailed) => {
                Exit::NotWritten
            }
            "conflict" => Exit::Conflict,
            _ => Exit::Database,
        };
        Failure {
            error: Box::new(ErrorDto::from(e)),
            exit,
        }
    }
}

impl Failure {
    /// A refusal of the command line itself, worded by `cli.<key>` with `params`.
    pub fn cli(code: &str, key: &str, exit: Exit, message: impl Into<String>) -> Self {
        Failure {
            error: Box::new(ErrorDto {
                code: code.to_owned(),
                key: Some(format!("cli.{key}")),
                params: Default::default(),
                message: message.into(),
                fields: Vec::new(),
            }),
            exit,
        }
    }

    pub fn with(mut self, name: &str, value: impl ToString) -> Self {
        self.error.params.insert(name.to_owned(), value.to_string());
        self
    }

    /// A file that could not be written, as the app words it (`save_failed`).
    pub fn not_written(path: &std::path::Path, error: &std::io::Error) -> Self {
        Failure {
            error: Box::new(
                ErrorDto::refused(
                    "storage",
                    tandem_core::RefusalKey::SaveFailed,
                    format!("{} could not be written: {error}", path.display()),
                )
                .with("path", path.display())
                .with("detail", error),
            ),
            exit: Exit::NotWritten,
        }
    }
}
