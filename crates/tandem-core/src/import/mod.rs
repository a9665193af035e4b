//! The HR import: an HRIS export (CSV) in, the employee directory updated, all or nothing.
//!
//! Three steps, as the UI shows them:
//! 1. [`stage`] decodes the bytes (`decode`), parses the CSV (`parse`) and guesses which column feeds
//!    which field (`mapping`). Nothing touches the database; the [`StagedImport`] lives in the shell
//!    until commit or cancel, and [`StagedImport::set_mapping`] lets HR correct the guess.
//! 2. [`preview`] reads each row (`row`), applies the rules across rows and compares with the
//!    directory (`plan`): what would be created, updated, left alone or rejected, and why.
//! 3. [`commit`] runs the same analysis inside one transaction and writes it through
//!    `store::import`; on any error nothing is written.
//!
//! An import never deletes or deactivates anyone: employees the file omits are listed as missing.
//! Fields the mapping leaves out keep their stored value. Nothing is dropped in silence either: the
//! preview lists every ignored column with its first values, and commit refuses until HR has
//! confirmed each one ([`commit`]'s `confirmed_ignored`); it names the optional fields no column
//! feeds, and every change an update makes, field by field. The mapping HR commits is remembered
//! for the next file with the same header line ([`recall_mapping`]).
//!
//! To support a new column, add an [`ImportField`] (and its DTO twin), its header names in
//! `header_names.csv`, reading in `row`, merging in `merge`, comparing in `explain` and storage in
//! `store::import`.

mod decode;
mod explain;
mod mapping;
mod merge;
mod parse;
mod plan;
mod row;
#[doc(hidden)]
pub mod synthetic;

use crate::access::{self, Effect, Need};
use chrono::{SecondsFormat, Utc};

pub use mapping::{
    field_for_header, header_key, is_reason_column, ColumnMapping, ImportField, REASON_HEADERS,
};

use crate::store::import::{import_snapshot, write_import};
use crate::{CoreError, CoreResult, FieldError, RefusalKey, Store};

/// The largest file the import reads: 64 MiB, some 400,000 rows of a usual HR export.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// The most data rows a file may hold.
pub const MAX_ROWS: usize = 200_000;
/// The most columns a file may hold.
pub const MAX_COLUMNS: usize = 200;

/// Refuses a file of `size` bytes over [`MAX_FILE_BYTES`] (`file_too_large`), before it is read:
/// a client that reads from disk asks first.
pub fn check_file_size(size: u64) -> CoreResult<()> {
    if size <= MAX_FILE_BYTES {
        return Ok(());
    }
    let mib = |b: u64| (b + (1 << 20) - 1) >> 20;
    Err(CoreError::invalid_file(
        RefusalKey::FileTooLarge,
        format!(
            "The file is {} MB; the import reads files of up to {} MB. Export fewer columns or split the file.",
            mib(size),
            mib(MAX_FILE_BYTES)
        ),
    )
    .with("size_mb", mib(size))
    .with("max_mb", mib(MAX_FILE_BYTES)))
}

/// How many rows the preview table shows.
pub const SAMPLE_ROWS: usize = 20;
/// How many missing employees the preview lists by name (all are counted).
pub const MISSING_LISTED: usize = 200;
/// How many updated employees the preview lists with their changes (all are counted).
pub const CHANGES_LISTED: usize = 500;
/// How many first values the preview shows of an ignored column.
const IGNORED_SAMPLES: usize = 3;

/// The step a long import is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Reading rows as employees.
    Reading,
    /// Checking rows against each other and the directory.
    Checking,
    /// Writing to the database.
    Writing,
}

impl Phase {
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Reading => "reading",
            Phase::Checking => "checking",
            Phase::Writing => "writing",
        }
    }
}

/// Progress of one phase: `done` of `total` rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub phase: Phase,
    pub done: usize,
    pub total: usize,
}

/// Why a row is not imported. The keys are stable: the UI translates them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RejectReason {
    EmailMissing,
    EmailInvalid,
    DuplicateId,
    DuplicateEmail,
    UnknownManager,
    ReportingCycle,
    NameMissing,
    IdMissing,
    FieldTooLong,
    GradeInvalid,
    DateInvalid,
    TimezoneInvalid,
    RoleInvalid,
    ProfileInvalid,
    LanguageInvalid,
    ColumnCount,
    SelfManager,
    /// A value breaks a rule no other reason names.
    ValueInvalid,
}

impl RejectReason {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::EmailMissing => "email_missing",
            Self::EmailInvalid => "email_invalid",
            Self::DuplicateId => "duplicate_id",
            Self::DuplicateEmail => "duplicate_email",
            Self::UnknownManager => "unknown_manager",
            Self::ReportingCycle => "reporting_cycle",
            Self::NameMissing => "name_missing",
            Self::IdMissing => "id_missing",
            Self::FieldTooLong => "field_too_long",
            Self::GradeInvalid => "grade_invalid",
            Self::DateInvalid => "date_invalid",
            Self::TimezoneInvalid => "timezone_invalid",
            Self::RoleInvalid => "role_invalid",
            Self::ProfileInvalid => "profile_invalid",
            Self::LanguageInvalid => "language_invalid",
            Self::ColumnCount => "column_count",
            Self::SelfManager => "self_manager",
            Self::ValueInvalid => "value_invalid",
        }
    }
}

/// A row that will not be imported, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RejectedRow {
    /// The row as a spreadsheet shows the file (1 = the header).
    pub row: u64,
    /// The line of the text where the record starts (1 = the header line); more than `row` after
    /// a quoted field that holds a line break.
    pub line: u64,
    pub external_id: Option<String>,
    /// The person's name as the file gives it (empty when it gives none).
    pub name: String,
    /// The value at fault, as the file gives it, when one cell is.
    pub value: Option<String>,
    pub reason: RejectReason,
    /// An English sentence naming the value at fault.
    pub message: String,
    /// The same problems, each as a key the UI words in its language with the values it names.
    pub details: Vec<RowDetail>,
}

/// One thing wrong with a rejected row: a [`RowDetailKey`] and the values its sentence names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowDetail {
    pub key: RowDetailKey,
    pub params: Vec<(&'static str, String)>,
}

impl RowDetail {
    pub(crate) fn new(key: RowDetailKey) -> Self {
        RowDetail {
            key,
            params: Vec::new(),
        }
    }

    pub(crate) fn with(mut self, name: &'static str, value: impl ToString) -> Self {
        self.params.push((name, value.to_string()));
        self
    }
}

/// Every kind of row detail, as the snake_case key the UI looks up (`import.detail.<key>`). To add
/// one, add its sentence to the UI's `import.detail.*` messages in both languages; the UI's tests
/// fail until both have it. `field_rule` names a field (`importField.<field>`) and the rule it
/// breaks (`error.<rule>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum RowDetailKey {
    ColumnCount,
    GradeUnreadable,
    DateUnreadable,
    RoleUnknown,
    ProfileUnknown,
    FieldRule,
    DuplicateIdInFile,
    DuplicateEmailInFile,
    EmailOwned,
    SelfManager,
    ManagerUnknown,
    ManagerRejected,
    ReportingCycle,
}

impl RowDetailKey {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Every key, in declaration order.
    pub fn all() -> impl Iterator<Item = RowDetailKey> {
        <Self as strum::IntoEnumIterator>::iter()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportCounts {
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub rejected: usize,
    /// Active employees in Tandem the file does not mention. Reported, never deleted.
    pub missing_from_file: usize,
}

/// An active employee of the directory the file does not mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingEmployee {
    /// Tandem's id (uuid).
    pub id: String,
    pub external_id: String,
    pub first_name: String,
    pub last_name: String,
    pub title: String,
    pub department: String,
}

/// A column of the file no field takes: it is not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IgnoredColumn {
    pub index: usize,
    pub header: String,
    /// Its first different non-empty values.
    pub samples: Vec<String>,
    /// True when the column holds a value somewhere: only then must HR confirm ignoring it.
    pub has_values: bool,
}

/// One field an update changes, with the stored and the new value as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// An [`ImportField`] key (`title`, `manager_external_id`, ...), or `active` when the import
    /// brings a deactivated employee back.
    pub field: &'static str,
    pub before: String,
    pub after: String,
}

/// An employee the import updates, and what changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmployeeChange {
    pub external_id: String,
    pub first_name: String,
    pub last_name: String,
    pub changes: Vec<FieldChange>,
}

/// What a commit would do, before anything is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportPreview {
    pub file_name: String,
    pub encoding: String,
    pub delimiter: char,
    pub headers: Vec<String>,
    pub mapping: ColumnMapping,
    /// Fields no column feeds although an import needs them: commit is refused until fixed.
    pub missing_required: Vec<ImportField>,
    pub total_rows: usize,
    pub counts: ImportCounts,
    /// Every rejected row, in file order.
    pub rejected: Vec<RejectedRow>,
    /// The first [`SAMPLE_ROWS`] records, cell by cell as in the file.
    pub sample: Vec<Vec<String>>,
    /// The first [`MISSING_LISTED`] missing employees by name; `counts.missing_from_file` has them all.
    pub missing: Vec<MissingEmployee>,
    /// Columns no field takes, in file order; commit needs HR to confirm those with values.
    pub ignored: Vec<IgnoredColumn>,
    /// Fields an HR export usually gives that no column feeds (their stored values stay).
    pub unfed: Vec<ImportField>,
    /// Columns whose field was proposed from their values, no header name being known.
    pub proposed_from_values: Vec<usize>,
    /// True when the mapping is the one HR committed for a file with the same header line.
    pub remembered: bool,
    /// The first [`CHANGES_LISTED`] updated employees with their changes, in file order.
    pub changes: Vec<EmployeeChange>,
}

/// What a commit did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportOutcome {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub rejected: usize,
    pub missing_from_file: usize,
}

/// A file read and parsed, waiting for preview and commit.
#[derive(Debug, Clone)]
pub struct StagedImport {
    file_name: String,
    encoding: &'static str,
    delimiter: u8,
    headers: Vec<String>,
    records: Vec<parse::Record>,
    mapping: ColumnMapping,
    proposed_from_values: Vec<usize>,
    remembered: bool,
}

impl StagedImport {
    pub fn file_name(&self) -> &str {
        &self.file_name
    }

    /// `UTF-8`, `UTF-16LE`, `UTF-16BE` or `windows-1252`.
    pub fn encoding(&self) -> &str {
        self.encoding
    }

    /// `,`, `;` or a tab.
    pub fn delimiter(&self) -> char {
        char::from(self.delimiter)
    }

    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    pub fn mapping(&self) -> &ColumnMapping {
        &self.mapping
    }

    /// Data records in the file (blank lines excluded).
    pub fn row_count(&self) -> usize {
        self.records.len()
    }

    /// Replaces the mapping. It must have one entry per column; a field mapped twice goes to the
    /// first column that claims it.
    pub fn set_mapping(&mut self, mut mapping: ColumnMapping) -> CoreResult<()> {
        if mapping.columns.len() != self.headers.len() {
            return Err(CoreError::invalid(
                "mapping",
                "column_count",
                format!(
                    "the mapping has {} columns but the file has {}: reload the file and map again",
                    mapping.columns.len(),
                    self.headers.len()
                ),
            ));
        }
        mapping.keep_first_of_each_field();
        if mapping != self.mapping {
            // HR chose: the mapping is neither a proposal nor the remembered one any more.
            self.proposed_from_values.clear();
            self.remembered = false;
        }
        self.mapping = mapping;
        Ok(())
    }

    /// The columns no field takes, by index: what HR confirms before a commit.
    pub fn ignored_columns(&self) -> Vec<usize> {
        self.ignored().into_iter().map(|c| c.index).collect()
    }

    /// Columns no field takes, with their first values.
    fn ignored(&self) -> Vec<IgnoredColumn> {
        self.mapping
            .columns
            .iter()
            .enumerate()
            .filter(|(_, field)| field.is_none())
            .filter(|(index, _)| !mapping::is_reason_column(&self.headers[*index]))
            .map(|(index, _)| {
                let mut samples: Vec<String> = Vec::new();
                let mut has_values = false;
                for record in &self.records {
                    let value = record.fields.get(index).map(str::trim).unwrap_or_default();
                    if value.is_empty() {
                        continue;
                    }
                    has_values = true;
                    if !samples.iter().any(|s| s == value) {
                        samples.push(value.to_owned());
                    }
                    if samples.len() == IGNORED_SAMPLES {
                        break;
                    }
                }
                IgnoredColumn {
                    index,
                    header: self.headers[index].clone(),
                    samples,
                    has_values,
                }
            })
            .collect()
    }

    /// The header line as the remembered mappings know it.
    fn header_line_key(&self) -> String {
        self.headers
            .iter()
            .map(|h| header_key(h))
            .collect::<Vec<_>>()
            .join("|")
    }

    fn sample(&self) -> Vec<Vec<String>> {
        self.records
            .iter()
            .take(SAMPLE_ROWS)
            .map(|r| r.fields.iter().map(|f| f.trim().to_owned()).collect())
            .collect()
    }
}

/// Reads an HR export: decodes it, splits it into records and guesses the mapping from its header.
/// A file that is not a readable CSV export, or is over [`MAX_FILE_BYTES`], [`MAX_ROWS`] or
/// [`MAX_COLUMNS`], gives [`CoreError::InvalidFile`].
pub fn stage(file_name: &str, bytes: &[u8]) -> CoreResult<StagedImport> {
    check_file_size(bytes.len() as u64)?;
    let decoded = decode::decode(bytes)?;
    let parsed = parse::parse(&decoded.text)?;
    if parsed.headers.iter().all(|h| h.is_empty()) {
        return Err(CoreError::invalid_file(
            RefusalKey::FileNoHeader,
            format!("The file has no header line. {}", decode::EXPORT_ADVICE),
        ));
    }
    let mut mapping = ColumnMapping::guess(&parsed.headers);
    let proposed_from_values = mapping.propose_from_values(&parsed.records);
    Ok(StagedImport {
        file_name: file_name.to_owned(),
        encoding: decoded.encoding,
        delimiter: parsed.delimiter,
        headers: parsed.headers,
        records: parsed.records,
        mapping,
        proposed_from_values,
        remembered: false,
    })
}

/// The rejected rows of `staged`, cell by cell as the file gives them, with one more column that
/// says why each was rejected (`reasons`: the text line of each rejected record, as
/// [`RejectedRow::line`] gives it, and its reason worded by the UI). HR fixes them in a
/// spreadsheet and imports the file again: the reason column is then left out without asking.
/// Same delimiter as the file, UTF-8 with a byte order mark, cells protected from formulas.
pub fn rejected_rows_csv(
    store: &Store,
    staged: &StagedImport,
    reasons: &[(u64, String)],
    language: crate::settings::Language,
) -> CoreResult<Vec<u8>> {
    access::require(store, Need::Hr, Effect::Read)?;
    let header = match language {
        crate::settings::Language::En => mapping::REASON_HEADERS[0],
        crate::settings::Language::Fr => mapping::REASON_HEADERS[1],
    };
    let mut writer = crate::export::CsvWriter::like_file(staged.delimiter);
    let mut head: Vec<&str> = staged.headers.iter().map(String::as_str).collect();
    head.push(header);
    writer.header(&head)?;
    for (line, reason) in reasons {
        let Some(record) = staged.records.iter().find(|r| r.line == *line) else {
            return Err(CoreError::not_found("rejected row", line));
        };
        let mut cells: Vec<&str> = record.fields.iter().collect();
        cells.push(reason);
        writer.header(&cells)?;
    }
    writer.into_bytes()
}

/// The setting that holds the mappings HR committed, by header line.
const REMEMBERED_MAPPINGS: &str = "import_mappings";
/// How many header lines are remembered; the oldest goes first.
const REMEMBERED_MAX: usize = 20;

/// The remembered mappings: (header line key, field key or "" per column), most recent last.
fn remembered_mappings(store: &Store) -> CoreResult<Vec<(String, Vec<String>)>> {
    let raw = crate::store::settings::get_setting(store.conn(), REMEMBERED_MAPPINGS)?;
    // A value this version cannot read is forgotten rather than refused: it only saves clicks.
    Ok(raw
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default())
}

/// Uses the mapping HR committed last time for a file with the same header line, if any.
/// Returns whether one was found.
pub fn recall_mapping(store: &Store, staged: &mut StagedImport) -> CoreResult<bool> {
    access::require(store, Need::Hr, Effect::Read)?;
    let key = staged.header_line_key();
    let Some((_, fields)) = remembered_mappings(store)?
        .into_iter()
        .rev()
        .find(|(k, _)| *k == key)
    else {
        return Ok(false);
    };
    if fields.len() != staged.headers.len() {
        return Ok(false);
    }
    let columns = fields
        .iter()
        .map(|f| ImportField::ALL.into_iter().find(|x| x.as_str() == f))
        .collect();
    let mut mapping = ColumnMapping { columns };
    mapping.keep_first_of_each_field();
    staged.mapping = mapping;
    staged.proposed_from_values.clear();
    staged.remembered = true;
    Ok(true)
}

fn remember_mapping(tx: &crate::store::db::Connection, staged: &StagedImport) -> CoreResult<()> {
    let key = staged.header_line_key();
    let raw = crate::store::settings::get_setting(tx, REMEMBERED_MAPPINGS)?;
    let mut all: Vec<(String, Vec<String>)> = raw
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    all.retain(|(k, _)| *k != key);
    let fields = staged
        .mapping
        .columns
        .iter()
        .map(|f| f.map_or("", ImportField::as_str).to_owned())
        .collect();
    all.push((key, fields));
    let excess = all.len().saturating_sub(REMEMBERED_MAX);
    all.drain(..excess);
    // Strings and lists of strings always serialise.
    let text = serde_json::to_string(&all).unwrap_or_else(|_| "[]".to_owned());
    crate::store::settings::set_setting(tx, REMEMBERED_MAPPINGS, &text)
}

/// What committing `staged` would do now. Reads the directory, writes nothing. While a required
/// field has no column, only the file's shape is returned (no counts, no rejected rows).
pub fn preview(
    store: &Store,
    staged: &StagedImport,
    progress: &mut dyn FnMut(Progress),
) -> CoreResult<ImportPreview> {
    access::require(store, Need::Hr, Effect::Read)?;
    let missing_required = staged.mapping.missing_required();
    if !missing_required.is_empty() {
        // Every row would be rejected for the same mapping problem: say it once, not per row.
        return Ok(ImportPreview {
            file_name: staged.file_name.clone(),
            encoding: staged.encoding.to_owned(),
            delimiter: staged.delimiter(),
            headers: staged.headers.clone(),
            mapping: staged.mapping.clone(),
            missing_required,
            total_rows: staged.records.len(),
            counts: ImportCounts::default(),
            rejected: Vec::new(),
            sample: staged.sample(),
            missing: Vec::new(),
            ignored: staged.ignored(),
            unfed: staged.mapping.unfed_optional(),
            proposed_from_values: staged.proposed_from_values.clone(),
            remembered: staged.remembered,
            changes: Vec::new(),
        });
    }
    let existing = import_snapshot(store.conn())?;
    let analysis = plan::analyse(staged, &existing, progress);
    let counts = ImportCounts {
        new: analysis.inserts.len(),
        updated: analysis.updates.len(),
        unchanged: analysis.unchanged,
        rejected: analysis.rejected.len(),
        missing_from_file: analysis.missing.len(),
    };
    let mut missing = analysis.missing;
    missing.truncate(MISSING_LISTED);
    let mut changes = analysis.changes;
    changes.truncate(CHANGES_LISTED);
    Ok(ImportPreview {
        file_name: staged.file_name.clone(),
        encoding: staged.encoding.to_owned(),
        delimiter: staged.delimiter(),
        headers: staged.headers.clone(),
        mapping: staged.mapping.clone(),
        missing_required,
        total_rows: analysis.total_rows,
        counts,
        rejected: analysis.rejected,
        sample: staged.sample(),
        missing,
        ignored: staged.ignored(),
        unfed: staged.mapping.unfed_optional(),
        proposed_from_values: staged.proposed_from_values.clone(),
        remembered: staged.remembered,
        changes,
    })
}

/// Imports every valid row of `staged` in one transaction: all of them or, on any error, nothing.
/// Refused with [`CoreError::Validation`] while a required field has no column, or while a column
/// that holds values is ignored without HR having confirmed it (`confirmed_ignored`, column
/// indexes): nothing is dropped in silence. The mapping is remembered for the next file with the
/// same header line.
pub fn commit(
    store: &mut Store,
    staged: &StagedImport,
    confirmed_ignored: &[usize],
    progress: &mut dyn FnMut(Progress),
) -> CoreResult<ImportOutcome> {
    access::require(store, Need::Hr, Effect::Write)?;
    let unconfirmed: Vec<FieldError> = staged
        .ignored()
        .into_iter()
        .filter(|c| c.has_values && !confirmed_ignored.contains(&c.index))
        .map(|c| {
            FieldError::new(
                "mapping",
                "ignored_unconfirmed",
                format!(
                    "column '{}' is not imported: choose its field, or confirm that it is ignored",
                    c.header
                ),
            )
            .with("column", &c.header)
        })
        .collect();
    if !unconfirmed.is_empty() {
        return Err(CoreError::Validation(unconfirmed));
    }
    let missing_required = staged.mapping.missing_required();
    if !missing_required.is_empty() {
        return Err(CoreError::Validation(
            missing_required
                .into_iter()
                .map(|field| {
                    FieldError::new(
                        field.as_str(),
                        "required",
                        format!(
                            "no column is mapped to {}: choose the column that holds it",
                            field.as_str().replace('_', " ")
                        ),
                    )
                })
                .collect(),
        ));
    }
    store.transaction(|tx| {
        // Analysed inside the transaction, so what is written matches the database it is written to.
        let existing = import_snapshot(tx)?;
        let analysis = plan::analyse(staged, &existing, progress);
        let now = Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true);
        let total = analysis.inserts.len() + analysis.updates.len();
        let mut ticker = plan::Ticker::start(progress, Phase::Writing, total);
        write_import(
            tx,
            &analysis.inserts,
            &analysis.updates,
            &now,
            &mut |done| ticker.tick(done),
        )?;
        remember_mapping(tx, staged)?;
        Ok(ImportOutcome {
            created: analysis.inserts.len(),
            updated: analysis.updates.len(),
            unchanged: analysis.unchanged,
            rejected: analysis.rejected.len(),
            missing_from_file: analysis.missing.len(),
        })
    })
}
