//! The directory's types: the list query, its page of rows, the employee page, the filter menus.
//!
//! Plain data shared by the `directory` rules and the store that answers the list (no IPC
//! concerns; `tandem-dto` mirrors and converts them). Add a filter by adding a field to
//! [`DirectoryQuery`], its SQL in `store::employees::list_employees`, and a test.

use crate::domain::{AdoptionProfile, Employee, EmployeeId, ProgramRole};

/// The largest window one list call returns; bigger requests are capped, not refused.
pub const MAX_PAGE_SIZE: u32 = 500;

/// How the directory list is ordered. Ties are always broken by name (last, first), then by id, so
/// consecutive windows of the same query never skip or repeat a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DirectorySort {
    /// Last name, then first name.
    #[default]
    Name,
    Department,
    Title,
    /// Seniority level.
    Grade,
}

/// What the directory list shows: a search, filters, a sort and a window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectoryQuery {
    /// Words matched, accent- and case-insensitively, against name, email, department and title.
    /// Every word must match somewhere, in any order.
    pub search: String,
    /// Exact department name.
    pub department: Option<String>,
    /// `Mentor` also matches `Both`, and so does `Mentee`.
    pub role: Option<ProgramRole>,
    pub adoption_profile: Option<AdoptionProfile>,
    /// Only employees with a skill on this platform (at least `min_level` on its best topic).
    pub platform_id: Option<String>,
    /// Only employees whose best level (on `platform_id`, or on any platform) is at least this.
    pub min_level: Option<u8>,
    pub include_inactive: bool,
    pub sort: DirectorySort,
    pub descending: bool,
    pub offset: u32,
    /// Capped at [`MAX_PAGE_SIZE`].
    pub limit: u32,
}

impl Default for DirectoryQuery {
    fn default() -> Self {
        DirectoryQuery {
            search: String::new(),
            department: None,
            role: None,
            adoption_profile: None,
            platform_id: None,
            min_level: None,
            include_inactive: false,
            sort: DirectorySort::Name,
            descending: false,
            offset: 0,
            limit: 100,
        }
    }
}

/// One line of the directory list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmployeeRow {
    pub id: EmployeeId,
    pub external_id: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub department: String,
    pub title: String,
    pub grade: u8,
    pub role: ProgramRole,
    pub adoption_profile: Option<AdoptionProfile>,
    pub active: bool,
}

/// A window of the list and how many employees match in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectoryPage {
    pub total: u32,
    pub offset: u32,
    pub rows: Vec<EmployeeRow>,
}

/// Someone named on another person's page (a manager, a direct report).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonRef {
    pub id: EmployeeId,
    pub full_name: String,
    pub title: String,
    pub department: String,
    pub active: bool,
}

/// Everything the employee page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmployeeDetail {
    pub employee: Employee,
    /// The record's version: an edit names it, and is refused if someone changed it since.
    pub version: i64,
    pub manager: Option<PersonRef>,
    /// Ordered by name (last, first).
    pub direct_reports: Vec<PersonRef>,
}

/// Values the filter menus offer, from active employees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectoryFacets {
    /// Distinct, non-empty, sorted case-insensitively.
    pub departments: Vec<String>,
    pub sites: Vec<String>,
    pub active_count: u32,
    pub inactive_count: u32,
}
