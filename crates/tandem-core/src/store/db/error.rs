//! What can go wrong talking to a database, on either engine.

/// A database failure. [`Error::is_connection_lost`] tells a lost server from a refused query.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    /// The server's own message, when it refused the statement (the driver's display says only
    /// "db error").
    #[error("{}", describe_postgres(.0))]
    Postgres(#[from] postgres::Error),
    /// A query that must return a row returned none.
    #[error("the query returned no rows")]
    QueryReturnedNoRows,
    /// A stored value could not be read as the type asked for.
    #[error("column {column}: {message}")]
    Conversion { column: usize, message: String },
}

pub type Result<T> = std::result::Result<T, Error>;

/// A database file SQLite cannot use as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileProblem {
    /// The file or its folder cannot be written.
    ReadOnly,
    DiskFull,
    /// Not an SQLite database at all.
    NotADatabase,
    Damaged,
}

fn describe_postgres(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => format!("{} ({})", db.message(), db.code().code()),
        None => e.to_string(),
    }
}

impl Error {
    /// True when the server is gone (closed, refused, timed out): retrying later may work, and
    /// nothing was written.
    pub fn is_connection_lost(&self) -> bool {
        match self {
            Error::Postgres(e) => {
                let fatal = e.as_db_error().is_some_and(|db| db.severity() == "FATAL");
                // Class 08: connection exceptions; 57P0x: the server is shutting down or
                // terminated this session.
                let gone = e
                    .code()
                    .is_some_and(|c| c.code().starts_with("08") || c.code().starts_with("57P0"));
                // A failed read or write on the socket (the network is down, the server
                // vanished) comes as an I/O error; a refused parameter or a bad row does not.
                let io = std::error::Error::source(e)
                    .is_some_and(|cause| cause.downcast_ref::<std::io::Error>().is_some());
                e.is_closed() || fatal || gone || io
            }
            _ => false,
        }
    }

    /// What is wrong with the database file itself, when SQLite says so.
    pub fn file_problem(&self) -> Option<FileProblem> {
        let Error::Sqlite(e) = self else {
            return None;
        };
        match e.sqlite_error_code()? {
            rusqlite::ErrorCode::ReadOnly => Some(FileProblem::ReadOnly),
            rusqlite::ErrorCode::DiskFull => Some(FileProblem::DiskFull),
            rusqlite::ErrorCode::NotADatabase => Some(FileProblem::NotADatabase),
            rusqlite::ErrorCode::DatabaseCorrupt => Some(FileProblem::Damaged),
            _ => None,
        }
    }

    /// The PostgreSQL SQLSTATE, when the server refused the statement.
    pub fn sql_state(&self) -> Option<&str> {
        match self {
            Error::Postgres(e) => e.code().map(|c| c.code()),
            _ => None,
        }
    }
}
