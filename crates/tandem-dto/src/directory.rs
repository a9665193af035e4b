//! The employee directory: list rows, the employee page, and the create/edit form.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ProgramRoleDto {
    Mentor,
    Mentee,
    Both,
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AdoptionProfileDto {
    Categorical,
    Allergic,
    Curious,
    Anxious,
    Enthusiast,
    GoodStudent,
    Overwhelmed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DirectorySortDto {
    Name,
    Department,
    Title,
    Grade,
}

/// What the directory list shows: a search, filters, a sort and a window (for virtual scrolling).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DirectoryQueryDto {
    /// Matched, case- and accent-insensitively, against name, email, department and title.
    pub search: String,
    pub department: Option<String>,
    pub role: Option<ProgramRoleDto>,
    pub adoption_profile: Option<AdoptionProfileDto>,
    /// With `min_level`: only employees whose level on this platform (their best topic) is at least it.
    pub platform_id: Option<String>,
    pub min_level: Option<u8>,
    pub include_inactive: bool,
    pub sort: DirectorySortDto,
    pub descending: bool,
    pub offset: u32,
    /// At most 500.
    pub limit: u32,
}

/// One line of the directory list.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct EmployeeRowDto {
    pub id: String,
    pub external_id: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub department: String,
    pub title: String,
    pub grade: u8,
    pub role: ProgramRoleDto,
    pub adoption_profile: Option<AdoptionProfileDto>,
    pub active: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct DirectoryPageDto {
    /// How many employees match the query in all.
    pub total: u32,
    pub offset: u32,
    pub rows: Vec<EmployeeRowDto>,
}

/// Values the filter menus offer.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct DirectoryFacetsDto {
    pub departments: Vec<String>,
    pub sites: Vec<String>,
    pub active_count: u32,
    pub inactive_count: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, TS)]
#[ts(export)]
pub struct AvailabilitySlotDto {
    /// 0 = Monday .. 6 = Sunday.
    pub weekday: u8,
    /// Minutes from midnight in the employee's time zone; `end_minute` is exclusive.
    pub start_minute: u16,
    pub end_minute: u16,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, TS)]
#[ts(export)]
pub struct SkillDto {
    pub topic_id: String,
    /// 0 none, 1 aware, 2 beginner, 3 practitioner, 4 expert.
    pub level: u8,
    /// For mentees: the level they aim for.
    pub target: Option<u8>,
}

/// Someone named on another person's page (a manager, a direct report).
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PersonRefDto {
    pub id: String,
    pub full_name: String,
    pub title: String,
    pub department: String,
    pub active: bool,
}

/// Everything the employee page shows.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct EmployeeDetailDto {
    pub id: String,
    pub external_id: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub department: String,
    pub title: String,
    pub grade: u8,
    pub manager: Option<PersonRefDto>,
    pub direct_reports: Vec<PersonRefDto>,
    pub site: String,
    pub timezone: String,
    pub languages: Vec<String>,
    /// `YYYY-MM-DD`.
    pub hire_date: Option<String>,
    pub role: ProgramRoleDto,
    pub adoption_profile: Option<AdoptionProfileDto>,
    pub availability: Vec<AvailabilitySlotDto>,
    pub interests: Vec<String>,
    pub skills: Vec<SkillDto>,
    pub active: bool,
}

/// The create/edit form as submitted. Validated in the core; errors come back per field.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EmployeeInputDto {
    pub external_id: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub department: String,
    pub title: String,
    pub grade: u8,
    pub manager_id: Option<String>,
    pub site: String,
    pub timezone: String,
    pub languages: Vec<String>,
    /// `YYYY-MM-DD`, or null.
    pub hire_date: Option<String>,
    pub role: ProgramRoleDto,
    pub adoption_profile: Option<AdoptionProfileDto>,
    pub availability: Vec<AvailabilitySlotDto>,
    pub interests: Vec<String>,
    pub skills: Vec<SkillDto>,
}
