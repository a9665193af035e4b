//! What a valid import row becomes in the directory: a new employee, or the existing one with what
//! the file says about it. The rule for which fields an import may overwrite lives here
//! ([`merged`]); [`super::plan`] decides which rows get there.

use super::mapping::{FieldColumns, ImportField};
use super::row::RowDraft;
use crate::store::import::StoredEmployee;

/// A new employee from a valid row.
pub(super) fn new_employee(
    id: String,
    row: &RowDraft,
    manager_id: Option<String>,
) -> StoredEmployee {
    let d = &row.draft;
    StoredEmployee {
        id,
        external_id: d.external_id.clone(),
        first_name: d.first_name.clone(),
        last_name: d.last_name.clone(),
        email: d.email.clone(),
        department: d.department.clone(),
        title: d.title.clone(),
        grade: d.grade,
        manager_id,
        site: d.site.clone(),
        timezone: d.timezone.clone(),
        hire_date: d.hire_date.map(|date| date.to_string()),
        role: d
            .role
            .unwrap_or(crate::domain::ProgramRole::None)
            .as_str()
            .to_owned(),
        adoption_profile: d.adoption_profile.map(|p| p.as_str().to_owned()),
        active: true,
        languages: d.languages.clone(),
        interests: d.interests.clone(),
    }
}

/// The existing employee with what the file says about it. Unmapped fields keep their value: an HR
/// export knows nothing of skills or availability. Role, adoption profile and interests are program
/// data Tandem owns, so an empty cell there means "not stated", not "clear it".
pub(super) fn merged(
    before: &StoredEmployee,
    row: &RowDraft,
    columns: &FieldColumns,
    manager_mapped: bool,
    manager_id: Option<String>,
) -> StoredEmployee {
    let d = &row.draft;
    let mut after = before.clone();
    after.first_name = d.first_name.clone();
    after.last_name = d.last_name.clone();
    after.email = d.email.clone();
    if columns.has(ImportField::Department) {
        after.department = d.department.clone();
    }
    if columns.has(ImportField::Title) {
        after.title = d.title.clone();
    }
    if columns.has(ImportField::Grade) {
        after.grade = d.grade;
    }
    if manager_mapped {
        after.manager_id = manager_id;
    }
    if columns.has(ImportField::Site) {
        after.site = d.site.clone();
    }
    if columns.has(ImportField::Timezone) {
        after.timezone = d.timezone.clone();
    }
    if columns.has(ImportField::Languages) {
        after.languages = d.languages.clone();
    }
    if columns.has(ImportField::HireDate) {
        after.hire_date = d.hire_date.map(|date| date.to_string());
    }
    if let Some(role) = d.role {
        after.role = role.as_str().to_owned();
    }
    if let Some(profile) = d.adoption_profile {
        after.adoption_profile = Some(profile.as_str().to_owned());
    }
    if !d.interests.is_empty() {
        after.interests = d.interests.clone();
    }
    after.active = true;
    after
}
