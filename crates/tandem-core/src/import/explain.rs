//! What the preview says about a row beyond its verdict: the cell a rejection is about, and the
//! fields an update changes with both values as text. `plan` decides; this module only describes,
//! so a new field to show goes in [`field_changes`] and a new rejection reason in
//! [`offending_value`].

use std::collections::HashMap;

use super::mapping::{FieldColumns, ImportField};
use super::parse::Record;
use super::row::cell;
use super::{FieldChange, RejectReason, RowDetail};
use crate::store::import::StoredEmployee;

/// Longest value a rejected row quotes; a longer one is cut with an ellipsis.
const VALUE_QUOTED: usize = 80;

/// The cell a rejection is about, as the file gives it: the field a detail names, else the field
/// of the reason. `None` when no single cell is at fault (a missing value, a broken line).
pub(crate) fn offending_value(
    record: &Record,
    columns: &FieldColumns,
    reason: RejectReason,
    details: &[RowDetail],
) -> Option<String> {
    let named = details.iter().find_map(|d| {
        d.params
            .iter()
            .find(|(name, _)| *name == "field")
            .and_then(|(_, field)| ImportField::ALL.into_iter().find(|f| f.as_str() == field))
    });
    let manager = || {
        [ImportField::ManagerExternalId, ImportField::ManagerEmail]
            .into_iter()
            .find(|&f| !cell(record, columns, f).is_empty())
    };
    let field = named.or(match reason {
        RejectReason::EmailInvalid | RejectReason::DuplicateEmail => Some(ImportField::Email),
        RejectReason::DuplicateId => Some(ImportField::ExternalId),
        RejectReason::UnknownManager | RejectReason::ReportingCycle | RejectReason::SelfManager => {
            manager()
        }
        RejectReason::GradeInvalid => Some(ImportField::Grade),
        RejectReason::DateInvalid => Some(ImportField::HireDate),
        RejectReason::TimezoneInvalid => Some(ImportField::Timezone),
        RejectReason::RoleInvalid => Some(ImportField::Role),
        RejectReason::ProfileInvalid => Some(ImportField::AdoptionProfile),
        RejectReason::LanguageInvalid => Some(ImportField::Languages),
        _ => None,
    })?;
    let value = cell(record, columns, field);
    if value.is_empty() {
        return None;
    }
    Some(match value.char_indices().nth(VALUE_QUOTED) {
        Some((cut, _)) => format!("{}…", &value[..cut]),
        None => value.to_owned(),
    })
}

/// What an update changes, field by field, as text: managers by HR id, lists joined by ", ".
pub(crate) fn field_changes(
    before: &StoredEmployee,
    after: &StoredEmployee,
    hr_id_of: &HashMap<&str, &str>,
) -> Vec<FieldChange> {
    let manager = |id: &Option<String>| {
        id.as_deref()
            .map(|id| hr_id_of.get(id).copied().unwrap_or(id).to_owned())
            .unwrap_or_default()
    };
    let text = |o: &Option<String>| o.clone().unwrap_or_default();
    let pairs: [(&'static str, String, String); 16] = [
        (
            "first_name",
            before.first_name.clone(),
            after.first_name.clone(),
        ),
        (
            "last_name",
            before.last_name.clone(),
            after.last_name.clone(),
        ),
        ("email", before.email.clone(), after.email.clone()),
        (
            "department",
            before.department.clone(),
            after.department.clone(),
        ),
        ("title", before.title.clone(), after.title.clone()),
        ("grade", before.grade.to_string(), after.grade.to_string()),
        (
            ImportField::ManagerExternalId.as_str(),
            manager(&before.manager_id),
            manager(&after.manager_id),
        ),
        ("site", before.site.clone(), after.site.clone()),
        ("timezone", before.timezone.clone(), after.timezone.clone()),
        (
            "languages",
            before.languages.join(", "),
            after.languages.join(", "),
        ),
        ("hire_date", text(&before.hire_date), text(&after.hire_date)),
        ("role", before.role.clone(), after.role.clone()),
        (
            "adoption_profile",
            text(&before.adoption_profile),
            text(&after.adoption_profile),
        ),
        (
            "interests",
            before.interests.join(", "),
            after.interests.join(", "),
        ),
        (
            "active",
            before.active.to_string(),
            after.active.to_string(),
        ),
        (
            "external_id",
            before.external_id.clone(),
            after.external_id.clone(),
        ),
    ];
    pairs
        .into_iter()
        .filter(|(_, b, a)| b != a)
        .map(|(field, before, after)| FieldChange {
            field,
            before,
            after,
        })
        .collect()
}
