//! Splitting the decoded text into a header and records with the csv crate: delimiter detection and
//! the line each record starts on.
//!
//! Quoting (delimiters, quotes and newlines inside fields) is entirely the csv crate's job; this
//! module only picks the delimiter and drops blank records. To accept another delimiter, add it to
//! [`CANDIDATES`] in the position that decides ties.

use csv::{ReaderBuilder, StringRecord};

use super::decode::EXPORT_ADVICE;
use crate::{CoreError, CoreResult, RefusalKey};

/// Delimiters tried, in the order that wins a tie: French exports use `;` because `,` is their
/// decimal separator.
const CANDIDATES: [u8; 3] = [b';', b',', b'\t'];

/// How many records after the header vote for a delimiter.
const SAMPLE_RECORDS: usize = 20;

/// One data record, the line of the file where it starts, and its row as a spreadsheet shows the
/// file (the header is 1 for both). They differ after a quoted field that holds a line break: the
/// text has one more line, the spreadsheet the same rows.
#[derive(Debug, Clone)]
pub(crate) struct Record {
    pub line: u64,
    pub row: u64,
    pub fields: StringRecord,
}

/// The line breaks inside a record's fields (`\r\n` counts once, as [`LineCounter`] counts it).
fn breaks_inside(record: &StringRecord) -> u64 {
    // Almost no record has one: two memchr scans of the whole record rule them out.
    let all = record.as_slice();
    if !all.contains('\n') && !all.contains('\r') {
        return 0;
    }
    record
        .iter()
        .map(|field| {
            let bytes = field.as_bytes();
            bytes
                .iter()
                .enumerate()
                .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
                .count() as u64
        })
        .sum()
}

pub(crate) struct Parsed {
    pub delimiter: u8,
    pub headers: Vec<String>,
    pub records: Vec<Record>,
}

pub(crate) fn parse(text: &str) -> CoreResult<Parsed> {
    let delimiter = detect_delimiter(text);
    let mut reader = reader(text, delimiter);
    let mut record = StringRecord::new();
    let mut headers: Option<Vec<String>> = None;
    let mut records = Vec::new();
    let mut lines = LineCounter::new(text.as_bytes());
    // Line breaks inside the fields of the records read so far: lines that are not rows.
    let mut inner_breaks = 0u64;
    loop {
        let more = reader.read_record(&mut record).map_err(|e| {
            CoreError::invalid_file(
                RefusalKey::FileNotCsv,
                format!("The file could not be read as CSV ({e}). {EXPORT_ADVICE}"),
            )
            .with("detail", e)
        })?;
        if !more {
            break;
        }
        let line = lines.line_at(record.position().map_or(0, |p| p.byte()));
        let row = line.saturating_sub(inner_breaks);
        inner_breaks += breaks_inside(&record);
        if is_blank(&record) {
            continue;
        }
        if record.len() > super::MAX_COLUMNS {
            return Err(CoreError::invalid_file(
                RefusalKey::FileTooManyColumns,
                format!(
                    "Line {line} has {} columns; the import reads up to {}.",
                    record.len(),
                    super::MAX_COLUMNS
                ),
            )
            .with("line", line)
            .with("max", super::MAX_COLUMNS));
        }
        if records.len() == super::MAX_ROWS {
            return Err(CoreError::invalid_file(
                RefusalKey::FileTooManyRows,
                format!(
                    "The file has more than {} rows; split it and import each part.",
                    super::MAX_ROWS
                ),
            )
            .with("max", super::MAX_ROWS));
        }
        match headers {
            None => headers = Some(record.iter().map(|h| h.trim().to_owned()).collect()),
            Some(_) => records.push(Record {
                line,
                row,
                fields: record.clone(),
            }),
        }
    }
    let headers = headers.ok_or_else(|| {
        CoreError::invalid_file(
            RefusalKey::FileNoHeader,
            format!("The file has no header line. {EXPORT_ADVICE}"),
        )
    })?;
    Ok(Parsed {
        delimiter,
        headers,
        records,
    })
}

/// Turns the byte offset csv reports for a record into the line the record starts on.
///
/// csv's own `Position::line` counts skipped blank lines and CRLF terminators inconsistently (a
/// record after a blank line or in a CRLF file gets an earlier line), while its byte offset is
/// exact: it points just past the previous record, so line breaks there are skipped first.
struct LineCounter<'t> {
    bytes: &'t [u8],
    offset: usize,
    line: u64,
}

impl<'t> LineCounter<'t> {
    fn new(bytes: &'t [u8]) -> Self {
        LineCounter {
            bytes,
            offset: 0,
            line: 1,
        }
    }

    /// Offsets must not decrease between calls (records come in file order).
    fn line_at(&mut self, byte: u64) -> u64 {
        let mut start = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        while matches!(self.bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start > self.offset {
            let chunk = &self.bytes[self.offset..start];
            for (i, b) in chunk.iter().enumerate() {
                // `\n` and a lone `\r` (old Mac files) end a line; `\r\n` counts once.
                let lone_cr = *b == b'\r' && self.bytes.get(self.offset + i + 1) != Some(&b'\n');
                if *b == b'\n' || lone_cr {
                    self.line += 1;
                }
            }
            self.offset = start;
        }
        self.line
    }
}

fn reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        // Rows with the wrong number of fields are rejected one by one, not as a file error.
        .flexible(true)
        .from_reader(text.as_bytes())
}

/// Lines of only delimiters or spaces (Excel leaves `;;;;` lines behind) count as blank.
fn is_blank(record: &StringRecord) -> bool {
    record.iter().all(|f| f.trim().is_empty())
}

/// The candidate whose header splits into several columns and whose first records most often have
/// the header's field count; ties go to the earlier candidate, then to more columns.
fn detect_delimiter(text: &str) -> u8 {
    let mut best = (CANDIDATES[0], 0usize, 0usize);
    for delimiter in CANDIDATES {
        let mut reader = reader(text, delimiter);
        let mut header_len = 0usize;
        let mut agreeing = 0usize;
        let mut seen = 0usize;
        for record in reader.records() {
            let Ok(record) = record else { break };
            if is_blank(&record) {
                continue;
            }
            if header_len == 0 {
                header_len = record.len();
                continue;
            }
            if record.len() == header_len {
                agreeing += 1;
            }
            seen += 1;
            if seen == SAMPLE_RECORDS {
                break;
            }
        }
        if header_len < 2 {
            continue;
        }
        // A header alone still votes, by its column count.
        let score = (agreeing, header_len);
        if (score.0, score.1) > (best.1, best.2) {
            best = (delimiter, score.0, score.1);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comma_file_with_semicolons_inside_quotes_is_read_with_commas() -> CoreResult<()> {
        let parsed = parse("id,name,email\n1,\"Dupont; Marie\",m@x.fr\n2,Léa,l@x.fr\n")?;
        assert_eq!(parsed.delimiter, b',');
        assert_eq!(parsed.records.len(), 2);
        Ok(())
    }

    #[test]
    fn records_know_their_start_line_across_multi_line_fields() -> CoreResult<()> {
        let parsed = parse("a;b\n1;\"x\ny\"\n\n2;z\n")?;
        let lines: Vec<u64> = parsed.records.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![2, 5]);
        // A spreadsheet shows the quoted line break inside one cell: the blank line is row 3.
        let rows: Vec<u64> = parsed.records.iter().map(|r| r.row).collect();
        assert_eq!(rows, vec![2, 4]);
        Ok(())
    }

    #[test]
    fn crlf_files_and_blank_lines_keep_line_numbers_right() -> CoreResult<()> {
        let parsed = parse("a;b\r\n1;x\r\n\r\n\r\n2;\"z\r\nw\"\r\n3;v\r\n")?;
        let lines: Vec<u64> = parsed.records.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![2, 5, 7]);
        let rows: Vec<u64> = parsed.records.iter().map(|r| r.row).collect();
        assert_eq!(rows, vec![2, 5, 6]);
        Ok(())
    }

    #[test]
    fn a_tie_goes_to_the_semicolon() {
        assert_eq!(detect_delimiter("a;b,c\n1;2,3\n"), b';');
    }
}
