//! The three-step HR import: load a file (preview), correct the column mapping, commit.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use tandem_core::import::{
    ColumnMapping, EmployeeChange, IgnoredColumn, ImportCounts, ImportField, ImportOutcome,
    ImportPreview, Progress, RejectedRow,
};

use crate::PersonRefDto;

/// A Tandem field an HR export column can feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ImportFieldDto {
    ExternalId,
    FirstName,
    LastName,
    /// "First Last" in one column, when the export has no separate columns.
    FullName,
    Email,
    Department,
    Title,
    Grade,
    ManagerExternalId,
    ManagerEmail,
    Site,
    Timezone,
    /// Languages separated by `,`, `;`, `/` or `|`.
    Languages,
    HireDate,
    Role,
    AdoptionProfile,
    Interests,
}

/// For each column of the file (by position), the field it feeds, or null to ignore it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ColumnMappingDto {
    pub columns: Vec<Option<ImportFieldDto>>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ImportCountsDto {
    pub new: u32,
    pub updated: u32,
    pub unchanged: u32,
    pub rejected: u32,
    /// Active employees in Tandem that the file does not mention. Reported, never deleted.
    pub missing_from_file: u32,
}

/// A row that will not be imported, and why.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct RejectedRowDto {
    /// The row as a spreadsheet shows the file (1 = the header).
    pub row: u32,
    /// The line of the text where the record starts (1 = the header line); more than `row` after a
    /// quoted field holding a line break. It identifies the row for `export_rejected_rows_csv`.
    pub line: u32,
    /// The HR id on that row, when there is one.
    pub external_id: Option<String>,
    /// The person's name as the file gives it (empty when it gives none).
    pub name: String,
    /// The value at fault, as the file gives it, when one cell is.
    pub value: Option<String>,
    /// Stable reason the UI translates: `email_missing`, `email_invalid`, `duplicate_id`,
    /// `duplicate_email`, `unknown_manager`, `reporting_cycle`, `name_missing`, `id_missing`,
    /// `field_too_long`, `grade_invalid`, `date_invalid`, `timezone_invalid`, `role_invalid`,
    /// `profile_invalid`, `language_invalid`, `column_count`, `self_manager`, `value_invalid`.
    pub reason: String,
    /// An English sentence naming the value at fault.
    pub message: String,
    /// The same problems, each worded by the UI as `import.detail.<key>` with its params.
    pub details: Vec<RowDetailDto>,
}

/// One problem of a rejected row; `key` is one of `ROW_DETAIL_KEYS`.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct RowDetailDto {
    pub key: String,
    pub params: std::collections::BTreeMap<String, String>,
}

/// A rejected row and its reason as the screen words it, for `export_rejected_rows_csv`.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct RejectedReasonDto {
    /// The row's `line`, as the preview gave it.
    pub line: u32,
    pub reason: String,
}

/// A column of the file no field takes.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct IgnoredColumnDto {
    pub index: u32,
    pub header: String,
    /// Its first different non-empty values (up to 3).
    pub samples: Vec<String>,
    /// True when the column holds a value somewhere: commit needs HR to confirm ignoring it.
    pub has_values: bool,
}

/// One field an update changes.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct FieldChangeDto {
    /// An import field key (`title`, `manager_external_id`, ...) or `active` (brought back).
    pub field: String,
    pub before: String,
    pub after: String,
}

/// An employee the import updates, and what changes.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct EmployeeChangeDto {
    pub external_id: String,
    pub full_name: String,
    pub changes: Vec<FieldChangeDto>,
}

/// What a commit would do, before anything is written.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ImportPreviewDto {
    pub file_name: String,
    /// e.g. `UTF-8`, `UTF-16LE`, `windows-1252`.
    pub encoding: String,
    /// `,`, `;` or `\t`.
    pub delimiter: String,
    pub headers: Vec<String>,
    pub mapping: ColumnMappingDto,
    /// Fields no column feeds although an import needs them (e.g. `email`): commit is refused until fixed.
    pub missing_required: Vec<ImportFieldDto>,
    pub total_rows: u32,
    pub counts: ImportCountsDto,
    /// Every rejected row, in file order.
    pub rejected: Vec<RejectedRowDto>,
    /// The first rows as mapped, for the preview table: one array of cell values per row.
    pub sample: Vec<Vec<String>>,
    /// Up to 200 of the employees missing from the file.
    pub missing: Vec<PersonRefDto>,
    /// Columns no field takes, in file order.
    pub ignored: Vec<IgnoredColumnDto>,
    /// Fields an HR export usually gives that no column feeds (their stored values stay).
    pub unfed: Vec<ImportFieldDto>,
    /// Columns (by index) whose field was proposed from their values.
    pub proposed_from_values: Vec<u32>,
    /// True when the mapping is the one committed last time for the same header line.
    pub remembered: bool,
    /// Up to 500 updated employees, each with its changes (`counts.updated` has them all).
    pub changes: Vec<EmployeeChangeDto>,
}

/// Sent on the progress channel while a large file is read or committed.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ImportProgressDto {
    /// `reading`, `checking` or `writing`.
    pub phase: String,
    pub done: u32,
    pub total: u32,
}

/// What a commit did.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ImportOutcomeDto {
    pub created: u32,
    pub updated: u32,
    pub unchanged: u32,
    pub rejected: u32,
    pub missing_from_file: u32,
}

// Conversions between the import's domain types and these DTOs. Counts saturate at u32::MAX rather
// than wrap: no HR export comes near it, and a wrong number would be worse than a capped one.

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl From<ImportField> for ImportFieldDto {
    fn from(field: ImportField) -> Self {
        match field {
            ImportField::ExternalId => Self::ExternalId,
            ImportField::FirstName => Self::FirstName,
            ImportField::LastName => Self::LastName,
            ImportField::FullName => Self::FullName,
            ImportField::Email => Self::Email,
            ImportField::Department => Self::Department,
            ImportField::Title => Self::Title,
            ImportField::Grade => Self::Grade,
            ImportField::ManagerExternalId => Self::ManagerExternalId,
            ImportField::ManagerEmail => Self::ManagerEmail,
            ImportField::Site => Self::Site,
            ImportField::Timezone => Self::Timezone,
            ImportField::Languages => Self::Languages,
            ImportField::HireDate => Self::HireDate,
            ImportField::Role => Self::Role,
            ImportField::AdoptionProfile => Self::AdoptionProfile,
            ImportField::Interests => Self::Interests,
        }
    }
}

impl From<ImportFieldDto> for ImportField {
    fn from(field: ImportFieldDto) -> Self {
        match field {
            ImportFieldDto::ExternalId => Self::ExternalId,
            ImportFieldDto::FirstName => Self::FirstName,
            ImportFieldDto::LastName => Self::LastName,
            ImportFieldDto::FullName => Self::FullName,
            ImportFieldDto::Email => Self::Email,
            ImportFieldDto::Department => Self::Department,
            ImportFieldDto::Title => Self::Title,
            ImportFieldDto::Grade => Self::Grade,
            ImportFieldDto::ManagerExternalId => Self::ManagerExternalId,
            ImportFieldDto::ManagerEmail => Self::ManagerEmail,
            ImportFieldDto::Site => Self::Site,
            ImportFieldDto::Timezone => Self::Timezone,
            ImportFieldDto::Languages => Self::Languages,
            ImportFieldDto::HireDate => Self::HireDate,
            ImportFieldDto::Role => Self::Role,
            ImportFieldDto::AdoptionProfile => Self::AdoptionProfile,
            ImportFieldDto::Interests => Self::Interests,
        }
    }
}

impl ColumnMappingDto {
    /// The mapping as the core takes it; `StagedImport::set_mapping` checks the column count.
    pub fn into_domain(self) -> ColumnMapping {
        ColumnMapping {
            columns: self
                .columns
                .into_iter()
                .map(|c| c.map(ImportField::from))
                .collect(),
        }
    }
}

impl From<&ColumnMapping> for ColumnMappingDto {
    fn from(mapping: &ColumnMapping) -> Self {
        ColumnMappingDto {
            columns: mapping
                .columns
                .iter()
                .map(|c| c.map(ImportFieldDto::from))
                .collect(),
        }
    }
}

impl From<ImportCounts> for ImportCountsDto {
    fn from(c: ImportCounts) -> Self {
        ImportCountsDto {
            new: count(c.new),
            updated: count(c.updated),
            unchanged: count(c.unchanged),
            rejected: count(c.rejected),
            missing_from_file: count(c.missing_from_file),
        }
    }
}

impl From<RejectedRow> for RejectedRowDto {
    fn from(r: RejectedRow) -> Self {
        RejectedRowDto {
            row: u32::try_from(r.row).unwrap_or(u32::MAX),
            line: u32::try_from(r.line).unwrap_or(u32::MAX),
            external_id: r.external_id,
            name: r.name,
            value: r.value,
            reason: r.reason.as_str().to_owned(),
            message: r.message,
            details: r
                .details
                .into_iter()
                .map(|d| RowDetailDto {
                    key: d.key.as_str().to_owned(),
                    params: d
                        .params
                        .into_iter()
                        .map(|(name, value)| (name.to_owned(), value))
                        .collect(),
                })
                .collect(),
        }
    }
}

impl From<ImportPreview> for ImportPreviewDto {
    fn from(p: ImportPreview) -> Self {
        ImportPreviewDto {
            file_name: p.file_name,
            encoding: p.encoding,
            delimiter: p.delimiter.to_string(),
            headers: p.headers,
            mapping: ColumnMappingDto::from(&p.mapping),
            missing_required: p
                .missing_required
                .into_iter()
                .map(ImportFieldDto::from)
                .collect(),
            total_rows: count(p.total_rows),
            counts: p.counts.into(),
            rejected: p.rejected.into_iter().map(RejectedRowDto::from).collect(),
            sample: p.sample,
            missing: p
                .missing
                .into_iter()
                .map(|m| PersonRefDto {
                    id: m.id,
                    full_name: format!("{} {}", m.first_name, m.last_name),
                    title: m.title,
                    department: m.department,
                    // Only active employees are reported missing.
                    active: true,
                })
                .collect(),
            ignored: p.ignored.into_iter().map(IgnoredColumnDto::from).collect(),
            unfed: p.unfed.into_iter().map(ImportFieldDto::from).collect(),
            proposed_from_values: p.proposed_from_values.into_iter().map(count).collect(),
            remembered: p.remembered,
            changes: p.changes.into_iter().map(EmployeeChangeDto::from).collect(),
        }
    }
}

impl From<IgnoredColumn> for IgnoredColumnDto {
    fn from(c: IgnoredColumn) -> Self {
        IgnoredColumnDto {
            index: count(c.index),
            header: c.header,
            samples: c.samples,
            has_values: c.has_values,
        }
    }
}

impl From<EmployeeChange> for EmployeeChangeDto {
    fn from(c: EmployeeChange) -> Self {
        EmployeeChangeDto {
            external_id: c.external_id,
            full_name: format!("{} {}", c.first_name, c.last_name),
            changes: c
                .changes
                .into_iter()
                .map(|f| FieldChangeDto {
                    field: f.field.to_owned(),
                    before: f.before,
                    after: f.after,
                })
                .collect(),
        }
    }
}

impl From<Progress> for ImportProgressDto {
    fn from(p: Progress) -> Self {
        ImportProgressDto {
            phase: p.phase.as_str().to_owned(),
            done: count(p.done),
            total: count(p.total),
        }
    }
}

impl From<ImportOutcome> for ImportOutcomeDto {
    fn from(o: ImportOutcome) -> Self {
        ImportOutcomeDto {
            created: count(o.created),
            updated: count(o.updated),
            unchanged: count(o.unchanged),
            rejected: count(o.rejected),
            missing_from_file: count(o.missing_from_file),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_import_field_survives_a_round_trip_through_its_dto() {
        for field in ImportField::ALL {
            assert_eq!(ImportField::from(ImportFieldDto::from(field)), field);
        }
    }
}
