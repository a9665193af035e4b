//! Exports Tandem hands to the shell as bytes (the shell writes them through a save dialog, so
//! the core never touches a path).
//!
//! [`csv`] is the one CSV writer every export uses: it neutralises spreadsheet formulas in text
//! cells. [`xlsx`] writes Excel workbooks: one table per sheet with a bold, frozen header, typed
//! cells, column widths and an autofilter; text is always a string cell, never a formula. Each
//! feature builds its own rows (e.g. `program::pairs_csv`, `progress::program_dashboard_xlsx`);
//! add a shared helper here only when two exports need it.

pub mod csv;
pub mod xlsx;

pub use self::csv::{neutralise, Cell, CsvWriter};
pub use self::xlsx::{Column, XlsxBook, XlsxCell};

/// The media type of a CSV export.
pub const CSV_MEDIA_TYPE: &str = "text/csv";
/// The media type of an Excel workbook.
pub const XLSX_MEDIA_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/// The media type of a printable HTML page.
pub const HTML_MEDIA_TYPE: &str = "text/html";

/// A file ready to save: its bytes, the name the save dialog suggests, and its media type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    /// A plain file name (no directory), e.g. `tandem-program-spring-cohort-2026-03-15.xlsx`.
    pub file_name: String,
    pub media_type: &'static str,
    pub bytes: Vec<u8>,
}

/// `tandem-<kind>-<slug of name>-<date>.<extension>`: ASCII, no spaces, safe on every system.
pub fn file_name(kind: &str, name: &str, date: chrono::NaiveDate, extension: &str) -> String {
    let slug = crate::catalog::slug(name, "export").replace('_', "-");
    format!(
        "tandem-{kind}-{slug}-{}.{extension}",
        date.format("%Y-%m-%d")
    )
}
