//! Excel workbooks (.xlsx) written with `rust_xlsxwriter`: one table per sheet.
//!
//! Every sheet made by [`XlsxBook::sheet`] has a bold header row that stays in view when
//! scrolling (frozen), an autofilter over the table, the column widths the caller gives, and
//! typed cells: numbers are numbers (with a fixed number of decimals shown), dates and date-times
//! are real dates with a date format, text is text. Text is always written as a string cell, so a
//! name like `=HYPERLINK(...)` is shown as typed and never runs as a formula; no quote is added
//! (unlike CSV, where the quote is the only defence). Text longer than Excel's 32,767-character
//! cell limit is cut there.
//!
//! To add a cell type, add an [`XlsxCell`] variant and its branch in `write_cell`, with a
//! round-trip test in `tests/progress.rs`.

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use crate::{CoreError, CoreResult, RefusalKey};

/// Excel's longest text in one cell, in characters.
pub const MAX_CELL_CHARS: usize = 32_767;
/// The format of date cells.
pub const DATE_FORMAT: &str = "yyyy-mm-dd";
/// The format of date-time cells.
pub const DATE_TIME_FORMAT: &str = "yyyy-mm-dd hh:mm";

/// One cell of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum XlsxCell<'a> {
    /// Text, written as a string cell whatever it starts with.
    Text(Cow<'a, str>),
    /// A number shown with `decimals` digits after the point (the full value is kept).
    Number {
        value: f64,
        decimals: u8,
    },
    Integer(i64),
    Date(NaiveDate),
    /// A date and time (in whatever zone the column header says).
    DateTime(NaiveDateTime),
    Empty,
}

impl<'a> XlsxCell<'a> {
    pub fn text(text: impl Into<Cow<'a, str>>) -> Self {
        XlsxCell::Text(text.into())
    }

    pub fn number(value: f64, decimals: u8) -> Self {
        XlsxCell::Number { value, decimals }
    }

    /// A number, or an empty cell for `None`.
    pub fn maybe_number(value: Option<f64>, decimals: u8) -> Self {
        value.map_or(XlsxCell::Empty, |v| XlsxCell::number(v, decimals))
    }

    pub fn integer(value: impl Into<i64>) -> Self {
        XlsxCell::Integer(value.into())
    }
}

/// A column: its header and its width in characters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Column<'a> {
    pub header: &'a str,
    pub width: f64,
}

impl<'a> Column<'a> {
    pub const fn new(header: &'a str, width: f64) -> Self {
        Self { header, width }
    }
}

fn write_error(e: XlsxError) -> CoreError {
    CoreError::conflict(
        RefusalKey::ExportFailed,
        format!("the Excel export could not be written: {e}"),
    )
    .with("detail", e)
}

/// A workbook being written in memory.
pub struct XlsxBook {
    workbook: Workbook,
    header: Format,
    date: Format,
    date_time: Format,
    numbers: HashMap<u8, Format>,
}

impl Default for XlsxBook {
    fn default() -> Self {
        Self::new()
    }
}

impl XlsxBook {
    pub fn new() -> Self {
        Self {
            workbook: Workbook::new(),
            header: Format::new().set_bold(),
            date: Format::new().set_num_format(DATE_FORMAT),
            date_time: Format::new().set_num_format(DATE_TIME_FORMAT),
            numbers: HashMap::new(),
        }
    }

    /// Adds a sheet named `name` (at most 31 characters, none of `[]:*?/\`) holding a table:
    /// the header row, then `rows`, each as long as `columns`. Returns the number of data rows.
    pub fn sheet<'r>(
        &mut self,
        name: &str,
        columns: &[Column<'_>],
        rows: impl IntoIterator<Item = Vec<XlsxCell<'r>>>,
    ) -> CoreResult<u32> {
        let mut sheet = Worksheet::new();
        sheet.set_name(name).map_err(write_error)?;
        let last_col = u16::try_from(columns.len().saturating_sub(1)).unwrap_or(u16::MAX);
        for (c, column) in columns.iter().enumerate() {
            let c = c as u16;
            sheet
                .write_string_with_format(0, c, column.header, &self.header)
                .map_err(write_error)?;
            sheet
                .set_column_width(c, column.width)
                .map_err(write_error)?;
        }
        let mut row_count: u32 = 0;
        for cells in rows {
            row_count += 1;
            for (c, cell) in cells.iter().enumerate().take(columns.len()) {
                self.write_cell(&mut sheet, row_count, c as u16, cell)?;
            }
        }
        sheet.set_freeze_panes(1, 0).map_err(write_error)?;
        if !columns.is_empty() {
            sheet
                .autofilter(0, 0, row_count, last_col)
                .map_err(write_error)?;
        }
        self.workbook.push_worksheet(sheet);
        Ok(row_count)
    }

    fn write_cell(
        &mut self,
        sheet: &mut Worksheet,
        row: u32,
        col: u16,
        cell: &XlsxCell<'_>,
    ) -> CoreResult<()> {
        match cell {
            XlsxCell::Text(text) => {
                let text = match text.char_indices().nth(MAX_CELL_CHARS) {
                    Some((cut, _)) => &text[..cut],
                    None => text.as_ref(),
                };
                sheet.write_string(row, col, text).map_err(write_error)?;
            }
            XlsxCell::Number { value, decimals } if value.is_finite() => {
                let format = self.numbers.entry(*decimals).or_insert_with(|| {
                    let pattern = match decimals {
                        0 => "0".to_owned(),
                        d => format!("0.{}", "0".repeat(usize::from(*d))),
                    };
                    Format::new().set_num_format(pattern)
                });
                sheet
                    .write_number_with_format(row, col, *value, format)
                    .map_err(write_error)?;
            }
            XlsxCell::Integer(value) => {
                sheet
                    .write_number(row, col, *value as f64)
                    .map_err(write_error)?;
            }
            XlsxCell::Date(date) => {
                sheet
                    .write_datetime_with_format(row, col, excel_date(*date)?, &self.date)
                    .map_err(write_error)?;
            }
            XlsxCell::DateTime(at) => {
                let value = excel_date(at.date())?
                    .and_hms(at.hour() as u16, at.minute() as u8, at.second())
                    .map_err(write_error)?;
                sheet
                    .write_datetime_with_format(row, col, value, &self.date_time)
                    .map_err(write_error)?;
            }
            XlsxCell::Number { .. } | XlsxCell::Empty => {}
        }
        Ok(())
    }

    /// The workbook's bytes.
    pub fn into_bytes(mut self) -> CoreResult<Vec<u8>> {
        self.workbook.save_to_buffer().map_err(write_error)
    }
}

fn excel_date(date: NaiveDate) -> CoreResult<ExcelDateTime> {
    let year = u16::try_from(date.year()).map_err(|_| {
        CoreError::conflict(
            RefusalKey::DateNotExportable,
            format!("the date {date} cannot be written to Excel"),
        )
        .with("date", date)
    })?;
    ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8).map_err(write_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sheet_name_excel_refuses_is_an_error_not_a_panic() {
        let mut book = XlsxBook::new();
        let result = book.sheet(
            "a/b",
            &[Column::new("x", 10.0)],
            Vec::<Vec<XlsxCell>>::new(),
        );
        assert!(matches!(result, Err(CoreError::Conflict(_))));
        assert_eq!(
            result.err().and_then(|e| e.refusal_key()),
            Some(RefusalKey::ExportFailed)
        );
    }

    #[test]
    fn text_longer_than_an_excel_cell_is_cut_instead_of_failing() {
        let mut book = XlsxBook::new();
        let long = "é".repeat(MAX_CELL_CHARS + 10);
        let rows = vec![vec![XlsxCell::text(long.as_str())]];
        assert_eq!(
            book.sheet("Long", &[Column::new("x", 10.0)], rows).ok(),
            Some(1)
        );
        assert!(book.into_bytes().is_ok_and(|b| !b.is_empty()));
    }
}
