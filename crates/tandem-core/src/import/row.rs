//! Reading one record as an employee: cells to an [`EmployeeDraft`] through the mapping, the values
//! HR systems write (French dates, "Mentoré", "Anglais"), then the shared validation.
//!
//! The rejection reasons a single row can earn are decided here; rules across rows (duplicates,
//! managers, cycles) live in `plan`. To accept a new spelling of a value, extend the matching
//! `parse_*` function and its test.

use chrono::NaiveDate;

use super::mapping::{FieldColumns, ImportField};
use super::parse::Record;
use super::{RejectReason, RowDetail, RowDetailKey};
use crate::domain::text::fold;
use crate::domain::validation::{normalize, validate};
use crate::domain::{AdoptionProfile, EmployeeDraft, ProgramRole};
use crate::FieldError;

/// Where Tandem puts people whose export says nothing about their time zone.
pub(crate) const DEFAULT_TIMEZONE: &str = "Europe/Paris";
/// The grade of people whose export gives none: entry level.
pub(crate) const DEFAULT_GRADE: u8 = 1;

/// How a row names its manager.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ManagerRef {
    ExternalId(String),
    Email(String),
}

impl ManagerRef {
    /// The HR id or email as written, without quotes.
    pub(crate) fn value(&self) -> &str {
        match self {
            ManagerRef::ExternalId(v) | ManagerRef::Email(v) => v,
        }
    }
}

impl std::fmt::Display for ManagerRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ManagerRef::ExternalId(id) => write!(f, "'{id}'"),
            ManagerRef::Email(email) => write!(f, "'{email}'"),
        }
    }
}

/// A record read as an employee, valid on its own.
#[derive(Debug, Clone)]
pub(crate) struct RowDraft {
    pub draft: EmployeeDraft,
    pub manager: Option<ManagerRef>,
}

/// A record that cannot be an employee whatever the rest of the file says.
#[derive(Debug, Clone)]
pub(crate) struct RowProblem {
    pub reason: RejectReason,
    pub message: String,
    pub details: Vec<RowDetail>,
}

/// The HR id and email of a record, even when it is invalid, so other rows can refer to it.
pub(crate) fn identity(record: &Record, columns: &FieldColumns) -> (String, String) {
    (
        cell(record, columns, ImportField::ExternalId).to_owned(),
        cell(record, columns, ImportField::Email).to_lowercase(),
    )
}

/// The trimmed cell of `field` in the record; empty when no column feeds it.
/// A value Tandem's own exports protected from spreadsheets (`'=...`) reads as it was.
pub(crate) fn cell<'r>(record: &'r Record, columns: &FieldColumns, field: ImportField) -> &'r str {
    columns
        .get(field)
        .and_then(|i| record.fields.get(i))
        .map_or("", |v| crate::export::csv::restore(v.trim()))
}

/// The person's name as the record gives it: first and last name, or the full name column.
pub(crate) fn name_in_file(record: &Record, columns: &FieldColumns) -> String {
    if columns.has(ImportField::FirstName) || columns.has(ImportField::LastName) {
        let first = cell(record, columns, ImportField::FirstName);
        let last = cell(record, columns, ImportField::LastName);
        format!("{first} {last}").trim().to_owned()
    } else {
        cell(record, columns, ImportField::FullName).to_owned()
    }
}

pub(crate) fn read_row(
    record: &Record,
    columns: &FieldColumns,
    header_len: usize,
) -> Result<RowDraft, RowProblem> {
    if record.fields.len() != header_len {
        return Err(RowProblem {
            reason: RejectReason::ColumnCount,
            message: format!(
                "this row has {} fields but the header has {header_len}: check for a missing or extra delimiter",
                record.fields.len()
            ),
            details: vec![RowDetail::new(RowDetailKey::ColumnCount)
                .with("found", record.fields.len())
                .with("expected", header_len)],
        });
    }
    let get = |field| cell(record, columns, field);
    let mut problems: Vec<RowProblem> = Vec::new();

    let (first_name, last_name) =
        if columns.has(ImportField::FirstName) && columns.has(ImportField::LastName) {
            (
                get(ImportField::FirstName).to_owned(),
                get(ImportField::LastName).to_owned(),
            )
        } else {
            split_full_name(get(ImportField::FullName))
        };

    let grade = match get(ImportField::Grade) {
        "" => DEFAULT_GRADE,
        raw => match parse_grade(raw) {
            Some(grade) => grade,
            None => {
                problems.push(RowProblem {
                    reason: RejectReason::GradeInvalid,
                    message: format!("grade '{raw}' is not a number from 1 to 10"),
                    details: vec![RowDetail::new(RowDetailKey::GradeUnreadable).with("value", raw)],
                });
                DEFAULT_GRADE
            }
        },
    };
    let timezone = match get(ImportField::Timezone) {
        "" => DEFAULT_TIMEZONE.to_owned(),
        raw => raw.to_owned(),
    };
    let hire_date = match get(ImportField::HireDate) {
        "" => None,
        raw => match parse_date(raw) {
            Some(date) => Some(date),
            None => {
                problems.push(RowProblem {
                    reason: RejectReason::DateInvalid,
                    message: format!(
                        "'{raw}' is not a date: use YYYY-MM-DD, DD/MM/YYYY or DD.MM.YYYY"
                    ),
                    details: vec![RowDetail::new(RowDetailKey::DateUnreadable).with("value", raw)],
                });
                None
            }
        },
    };
    let role = match get(ImportField::Role) {
        "" => None,
        raw => match parse_role(raw) {
            Some(role) => Some(role),
            None => {
                problems.push(RowProblem {
                    reason: RejectReason::RoleInvalid,
                    message: format!("role '{raw}' is not one of mentor, mentee, both or none"),
                    details: vec![RowDetail::new(RowDetailKey::RoleUnknown).with("value", raw)],
                });
                None
            }
        },
    };
    let adoption_profile = match get(ImportField::AdoptionProfile) {
        "" => None,
        raw => match parse_profile(raw) {
            Some(profile) => Some(profile),
            None => {
                problems.push(RowProblem {
                    reason: RejectReason::ProfileInvalid,
                    message: format!(
                        "adoption profile '{raw}' is not one of categorical, allergic, curious, anxious, enthusiast, good student or overwhelmed"
                    ),
                    details: vec![RowDetail::new(RowDetailKey::ProfileUnknown).with("value", raw)],
                });
                None
            }
        },
    };

    let draft = normalize(EmployeeDraft {
        external_id: get(ImportField::ExternalId).to_owned(),
        first_name,
        last_name,
        email: get(ImportField::Email).to_owned(),
        department: get(ImportField::Department).to_owned(),
        title: get(ImportField::Title).to_owned(),
        grade,
        manager_id: None,
        site: get(ImportField::Site).to_owned(),
        timezone,
        languages: split_list(get(ImportField::Languages), true)
            .map(language_code)
            .collect(),
        hire_date,
        role,
        adoption_profile,
        availability: Vec::new(),
        interests: split_list(get(ImportField::Interests), false)
            .map(str::to_owned)
            .collect(),
        skills: Vec::new(),
    });

    let mut errors: Vec<RowProblem> = validate(&draft)
        .into_iter()
        // The grade was replaced by the default when unreadable; its own message says more.
        .filter(|e| {
            !(e.field == "grade"
                && problems
                    .iter()
                    .any(|p| p.reason == RejectReason::GradeInvalid))
        })
        .map(problem_of)
        .collect();
    errors.extend(problems);
    if let Some(first) = errors.first() {
        let message = errors
            .iter()
            .map(|p| p.message.as_str())
            .collect::<Vec<_>>()
            .join("; ");
        let details = errors.iter().flat_map(|p| p.details.clone()).collect();
        return Err(RowProblem {
            reason: first.reason,
            message,
            details,
        });
    }

    let manager_id = get(ImportField::ManagerExternalId);
    let manager_email = get(ImportField::ManagerEmail);
    let manager = if !manager_id.is_empty() {
        Some(ManagerRef::ExternalId(manager_id.to_owned()))
    } else if !manager_email.is_empty() {
        Some(ManagerRef::Email(manager_email.to_lowercase()))
    } else {
        None
    };
    Ok(RowDraft { draft, manager })
}

/// The reason a validation error earns in an import.
fn problem_of(error: FieldError) -> RowProblem {
    let reason = match (error.field.as_str(), error.key.as_str()) {
        ("external_id", "required") => RejectReason::IdMissing,
        ("first_name" | "last_name", "required") => RejectReason::NameMissing,
        ("email", "required") => RejectReason::EmailMissing,
        ("email", "email_invalid") => RejectReason::EmailInvalid,
        ("grade", _) => RejectReason::GradeInvalid,
        ("timezone", _) => RejectReason::TimezoneInvalid,
        ("languages", "language_invalid") => RejectReason::LanguageInvalid,
        (_, "too_long" | "too_many") => RejectReason::FieldTooLong,
        _ => RejectReason::ValueInvalid,
    };
    let mut detail = RowDetail::new(RowDetailKey::FieldRule)
        .with("field", &error.field)
        .with("rule", &error.key);
    detail.params.extend(error.params.iter().cloned());
    RowProblem {
        reason,
        message: error.message,
        details: vec![detail],
    }
}

/// "Marie Dupont" → ("Marie", "Dupont"); "DUPONT, Marie" → ("Marie", "DUPONT"). Particles stay
/// with the last name: "Jean de La Fontaine" → ("Jean", "de La Fontaine").
fn split_full_name(full: &str) -> (String, String) {
    if let Some((last, first)) = full.split_once(',') {
        return (first.trim().to_owned(), last.trim().to_owned());
    }
    match full.split_once(char::is_whitespace) {
        Some((first, last)) => (first.trim().to_owned(), last.trim().to_owned()),
        None => (full.to_owned(), String::new()),
    }
}

/// A grade as HR systems write it: `7`, `07`, `G7`, `Niveau 7`.
fn parse_grade(raw: &str) -> Option<u8> {
    raw.trim()
        .trim_start_matches(|c: char| c.is_alphabetic() || c.is_whitespace())
        .parse()
        .ok()
}

/// Accepted date shapes, optionally followed by a time (Excel adds `00:00:00`).
pub(crate) fn parse_date(raw: &str) -> Option<NaiveDate> {
    let date_part = raw.split([' ', 'T']).next().unwrap_or(raw);
    let date = ["%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y"]
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(date_part, format).ok())?;
    // Two-digit years parse as year 24 AD: refuse rather than guess the century.
    use chrono::Datelike;
    (1900..=2100).contains(&date.year()).then_some(date)
}

fn key(raw: &str) -> String {
    fold(raw).chars().filter(|c| c.is_alphanumeric()).collect()
}

pub(crate) fn parse_role(raw: &str) -> Option<ProgramRole> {
    match key(raw).as_str() {
        "mentor" | "mentors" => Some(ProgramRole::Mentor),
        "mentee" | "mentees" | "mentore" | "mentoree" => Some(ProgramRole::Mentee),
        "both" | "lesdeux" | "deux" | "mentorandmentee" | "mentoretmentore" => {
            Some(ProgramRole::Both)
        }
        "none" | "aucun" | "aucune" | "non" | "no" => Some(ProgramRole::None),
        _ => None,
    }
}

pub(crate) fn parse_profile(raw: &str) -> Option<AdoptionProfile> {
    let profile = match key(raw).as_str() {
        "categorical" | "categorique" => AdoptionProfile::Categorical,
        "allergic" | "allergique" => AdoptionProfile::Allergic,
        "curious" | "curieux" | "curieuse" => AdoptionProfile::Curious,
        "anxious" | "anxieux" | "anxieuse" | "inquiet" | "inquiete" => AdoptionProfile::Anxious,
        "enthusiast" | "enthusiastic" | "enthousiaste" => AdoptionProfile::Enthusiast,
        "goodstudent" | "boneleve" | "bonneeleve" => AdoptionProfile::GoodStudent,
        "overwhelmed" | "deborde" | "debordee" => AdoptionProfile::Overwhelmed,
        _ => return None,
    };
    Some(profile)
}

/// Items of a list cell. Languages may also be separated by spaces ("fr en").
fn split_list(raw: &str, split_on_spaces: bool) -> impl Iterator<Item = &str> {
    raw.split(move |c: char| {
        matches!(c, ',' | ';' | '/' | '|') || (split_on_spaces && c.is_whitespace())
    })
    .map(str::trim)
    .filter(|s| !s.is_empty())
}

/// Language names as HR writes them, to ISO 639-1 codes; anything else is kept for validation to judge.
fn language_code(raw: &str) -> String {
    let code = match key(raw).as_str() {
        "francais" | "french" => "fr",
        "anglais" | "english" => "en",
        "espagnol" | "spanish" => "es",
        "allemand" | "german" => "de",
        "italien" | "italian" => "it",
        "portugais" | "portuguese" => "pt",
        "neerlandais" | "dutch" => "nl",
        "arabe" | "arabic" => "ar",
        "chinois" | "chinese" | "mandarin" => "zh",
        "japonais" | "japanese" => "ja",
        "polonais" | "polish" => "pl",
        _ => return raw.to_lowercase(),
    };
    code.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_come_in_iso_french_and_german_shapes_and_impossible_ones_are_refused() {
        let d = NaiveDate::from_ymd_opt(2021, 3, 9);
        assert_eq!(parse_date("2021-03-09"), d);
        assert_eq!(parse_date("09/03/2021"), d);
        assert_eq!(parse_date("9.3.2021"), d);
        assert_eq!(parse_date("2021-03-09 00:00:00"), d);
        assert_eq!(parse_date("31/02/2024"), None);
        assert_eq!(parse_date("09/03/21"), None);
        assert_eq!(parse_date("hier"), None);
    }

    #[test]
    fn roles_and_profiles_read_french_and_english() {
        assert_eq!(parse_role("Mentoré"), Some(ProgramRole::Mentee));
        assert_eq!(parse_role("Les deux"), Some(ProgramRole::Both));
        assert_eq!(parse_role("aucun"), Some(ProgramRole::None));
        assert_eq!(parse_role("boss"), None);
        assert_eq!(
            parse_profile("Bon élève"),
            Some(AdoptionProfile::GoodStudent)
        );
        assert_eq!(
            parse_profile("good_student"),
            Some(AdoptionProfile::GoodStudent)
        );
        assert_eq!(
            parse_profile("Débordée"),
            Some(AdoptionProfile::Overwhelmed)
        );
    }

    #[test]
    fn full_names_split_on_the_first_space_or_a_comma() {
        assert_eq!(
            split_full_name("Jean de La Fontaine"),
            ("Jean".to_owned(), "de La Fontaine".to_owned())
        );
        assert_eq!(
            split_full_name("DUPONT, Marie"),
            ("Marie".to_owned(), "DUPONT".to_owned())
        );
    }

    #[test]
    fn grades_accept_a_letter_prefix() {
        assert_eq!(parse_grade("7"), Some(7));
        assert_eq!(parse_grade("G7"), Some(7));
        assert_eq!(parse_grade("Niveau 3"), Some(3));
        assert_eq!(parse_grade("7.5"), None);
        assert_eq!(parse_grade("-1"), None);
    }
}
