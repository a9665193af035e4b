//! A CSV writer safe to open in a spreadsheet.
//!
//! Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula (and tab or carriage
//! return can smuggle one in), so a name like `=HYPERLINK(...)` typed into the HR system would run
//! on the reader's machine. Every [`Cell::Text`] starting with one of those characters is written
//! with a leading single quote, which spreadsheets show as text. Numbers Tandem formats itself
//! ([`Cell::Number`]) are written as they are: they are data, not user text. Quoting, separators
//! and line ends are the `csv` crate's (RFC 4180, comma, `\n`). The file starts with a UTF-8 byte
//! order mark: without it, Excel reads "Léa" as "LÃ©a" (CSV readers, the `csv` crate included,
//! skip it).
//!
//! To change the dialect (e.g. `;` for French Excel), change [`CsvWriter::new`] for every export
//! at once, not per export.

use std::borrow::Cow;

use crate::{CoreError, CoreResult, RefusalKey};

/// Characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];
/// The UTF-8 byte order mark every export starts with.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// `text`, prefixed with `'` if a spreadsheet would read it as a formula.
pub fn neutralise(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some(c) if FORMULA_STARTS.contains(&c) => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

/// `text` as it was before [`neutralise`]: the `'` it added taken off again. An export read back
/// (the rejected rows of an import, fixed and imported again) gives its values unchanged.
pub fn restore(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => text,
    }
}

/// One cell of a row.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    /// Text that may come from a user: neutralised.
    Text(&'a str),
    /// A number written with `decimals` digits after the point; never prefixed.
    Number { value: f64, decimals: usize },
    /// An integer; never prefixed.
    Integer(i64),
    /// An empty cell.
    Empty,
}

impl Cell<'_> {
    fn render(&self) -> Cow<'_, str> {
        match self {
            Cell::Text(t) => neutralise(t),
            Cell::Number { value, decimals } if value.is_finite() => {
                Cow::Owned(format!("{value:.decimals$}"))
            }
            Cell::Number { .. } | Cell::Empty => Cow::Borrowed(""),
            Cell::Integer(i) => Cow::Owned(i.to_string()),
        }
    }
}

fn write_error(e: impl std::fmt::Display) -> CoreError {
    CoreError::conflict(
        RefusalKey::ExportFailed,
        format!("the CSV export could not be written: {e}"),
    )
    .with("detail", e)
}

/// Writes rows into memory; [`CsvWriter::into_bytes`] returns the file's bytes (UTF-8).
pub struct CsvWriter {
    inner: ::csv::Writer<Vec<u8>>,
}

impl Default for CsvWriter {
    fn default() -> Self {
        Self::new()
    }
}

impl CsvWriter {
    pub fn new() -> Self {
        Self {
            inner: ::csv::WriterBuilder::new()
                .flexible(false)
                .from_writer(UTF8_BOM.to_vec()),
        }
    }

    /// A writer for rows read from a file and written back as they were: the file's delimiter,
    /// and rows of any length (a broken line keeps its own).
    pub fn like_file(delimiter: u8) -> Self {
        Self {
            inner: ::csv::WriterBuilder::new()
                .flexible(true)
                .delimiter(delimiter)
                .from_writer(UTF8_BOM.to_vec()),
        }
    }

    /// Writes a header (or any all-text row): every name is neutralised like text.
    pub fn header<S: AsRef<str>>(&mut self, names: &[S]) -> CoreResult<()> {
        self.inner
            .write_record(names.iter().map(|n| neutralise(n.as_ref()).into_owned()))
            .map_err(write_error)
    }

    /// Writes one row. Every row must have as many cells as the first one.
    pub fn row(&mut self, cells: &[Cell<'_>]) -> CoreResult<()> {
        self.inner
            .write_record(cells.iter().map(|c| c.render().into_owned()))
            .map_err(write_error)
    }

    pub fn into_bytes(self) -> CoreResult<Vec<u8>> {
        self.inner.into_inner().map_err(write_error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text after the byte order mark.
    fn text(w: CsvWriter) -> String {
        let bytes = w.into_bytes().unwrap_or_default();
        assert!(bytes.starts_with(UTF8_BOM));
        String::from_utf8(bytes[UTF8_BOM.len()..].to_vec()).unwrap_or_default()
    }

    fn written(rows: &[Vec<Cell<'_>>]) -> String {
        let mut w = CsvWriter::new();
        for r in rows {
            assert!(w.row(r).is_ok());
        }
        text(w)
    }

    #[test]
    fn a_cell_starting_like_a_formula_is_prefixed_with_a_quote() {
        for raw in ["=1+2", "+33 6", "-5", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(raw), format!("'{raw}"), "{raw:?}");
        }
    }

    #[test]
    fn ordinary_text_and_a_formula_character_inside_are_left_alone() {
        for raw in ["Léa", "a=b", "", " =x", "O'Neil"] {
            assert_eq!(neutralise(raw), raw);
        }
    }

    #[test]
    fn numbers_tandem_writes_are_never_prefixed() {
        let out = written(&[vec![
            Cell::Number {
                value: -0.25,
                decimals: 2,
            },
            Cell::Integer(-3),
            Cell::Text("-3"),
        ]]);
        assert_eq!(out, "-0.25,-3,'-3\n");
    }

    #[test]
    fn commas_quotes_and_newlines_are_quoted_and_read_back_intact() {
        let out = written(&[vec![Cell::Text("Dupont, \"Jo\"\nline"), Cell::Empty]]);
        let mut reader = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(out.as_bytes());
        let record = reader.records().next().and_then(Result::ok);
        assert_eq!(
            record.map(|r| r.iter().map(str::to_owned).collect::<Vec<_>>()),
            Some(vec!["Dupont, \"Jo\"\nline".to_owned(), String::new()])
        );
    }

    #[test]
    fn a_header_is_neutralised_too() {
        let mut w = CsvWriter::new();
        assert!(w.header(&["mentee", "=mentor"]).is_ok());
        assert_eq!(text(w), "mentee,'=mentor\n");
    }

    #[test]
    fn an_empty_export_is_only_the_byte_order_mark_and_readers_skip_it() {
        assert_eq!(text(CsvWriter::new()), "");
        let mut w = CsvWriter::new();
        assert!(w.header(&["Léa"]).is_ok());
        let bytes = w.into_bytes().unwrap_or_default();
        let mut reader = ::csv::ReaderBuilder::new().from_reader(bytes.as_slice());
        let headers = reader
            .headers()
            .map(|h| h.iter().map(str::to_owned).collect::<Vec<_>>());
        assert_eq!(headers.ok(), Some(vec!["Léa".to_owned()]));
    }

    #[test]
    fn a_row_of_another_length_is_refused() {
        let mut w = CsvWriter::new();
        assert!(w.row(&[Cell::Empty, Cell::Empty]).is_ok());
        assert!(w.row(&[Cell::Empty]).is_err());
    }
}
