//! The three-step HR import: load a file (preview), correct the column mapping, commit.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use tandem_core::import::{
    ColumnMapping, ImportCounts, ImportField, ImportOutcome, ImportPreview, Progress, RejectedRow,
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
    /// The line in the file where the record starts (1 = the header line).
    pub line: u32,
    /// The HR id on that row, when there is one.
    pub external_id: Option<String>,
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
            line: u32::try_from(r.line).unwrap_or(u32::MAX),
            external_id: r.external_id,
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
