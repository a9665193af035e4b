//! The three-step HR import: load a file (preview), correct the column mapping, commit.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

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
    /// `profile_invalid`, `column_count`, `self_manager`.
    pub reason: String,
    /// An English sentence naming the value at fault.
    pub message: String,
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
