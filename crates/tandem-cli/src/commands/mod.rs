//! One module per group of commands. Each function takes the open store and the parsed
//! arguments, calls the core, prints, and returns the exit code.

pub mod database;
pub mod directory;
pub mod exports;
pub mod import;
pub mod programs;

/// A count or score for a table cell.
pub fn score(value: f64) -> String {
    format!("{value:.3}")
}
