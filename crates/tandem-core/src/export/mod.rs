//! Exports Tandem hands to the shell as bytes (the shell writes them through a save dialog, so
//! the core never touches a path).
//!
//! [`csv`] is the one CSV writer every export uses: it neutralises spreadsheet formulas in text
//! cells. Each feature builds its own rows (e.g. `program::pairs_csv`); add a shared helper here
//! only when two exports need it.

pub mod csv;

pub use self::csv::{neutralise, Cell, CsvWriter};
