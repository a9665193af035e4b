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
//! Fields the mapping leaves out keep their stored value. To support a new column, add an
//! [`ImportField`] (and its DTO twin), its header synonyms, reading in `row`, merging in `plan` and
//! storage in `store::import`.

mod decode;
mod mapping;
mod parse;
mod plan;
mod row;

use crate::access::{self, Effect, Need};
use chrono::{SecondsFormat, Utc};

pub use mapping::{field_for_header, header_key, ColumnMapping, ImportField};

use crate::store::import::{import_snapshot, write_import};
use crate::{CoreError, CoreResult, FieldError, RefusalKey, Store};

/// How many rows the preview table shows.
pub const SAMPLE_ROWS: usize = 20;
/// How many missing employees the preview lists by name (all are counted).
pub const MISSING_LISTED: usize = 200;

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
    /// The line where the record starts (1 = the header line).
    pub line: u64,
    pub external_id: Option<String>,
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
        self.mapping = mapping;
        Ok(())
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
/// A file that is not a readable CSV export gives [`CoreError::InvalidFile`].
pub fn stage(file_name: &str, bytes: &[u8]) -> CoreResult<StagedImport> {
    let decoded = decode::decode(bytes)?;
    let parsed = parse::parse(&decoded.text)?;
    if parsed.headers.iter().all(|h| h.is_empty()) {
        return Err(CoreError::invalid_file(
            RefusalKey::FileNoHeader,
            format!("The file has no header line. {}", decode::EXPORT_ADVICE),
        ));
    }
    let mapping = ColumnMapping::guess(&parsed.headers);
    Ok(StagedImport {
        file_name: file_name.to_owned(),
        encoding: decoded.encoding,
        delimiter: parsed.delimiter,
        headers: parsed.headers,
        records: parsed.records,
        mapping,
    })
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
    })
}

/// Imports every valid row of `staged` in one transaction: all of them or, on any error, nothing.
/// Refused with [`CoreError::Validation`] while a required field has no column.
pub fn commit(
    store: &mut Store,
    staged: &StagedImport,
    progress: &mut dyn FnMut(Progress),
) -> CoreResult<ImportOutcome> {
    access::require(store, Need::Hr, Effect::Write)?;
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
        Ok(ImportOutcome {
            created: analysis.inserts.len(),
            updated: analysis.updates.len(),
            unchanged: analysis.unchanged,
            rejected: analysis.rejected.len(),
            missing_from_file: analysis.missing.len(),
        })
    })
}
