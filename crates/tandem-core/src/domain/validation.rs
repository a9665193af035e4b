//! Validation of employee data, shared by the form, the CSV import and the demo loader.
//!
//! [`normalize`] tidies a draft (trims, lower-cases emails and tags, sorts slots); [`validate`] lists
//! every problem as a [`FieldError`] with a stable key the UI translates. Rules that need the database
//! (unknown manager, reporting cycle, duplicate email or id, unknown topic) live in the directory and
//! import modules. To add a rule, add a check here with its own key and a test below.

use std::collections::HashSet;

use email_address::EmailAddress;

use super::employee::EmployeeDraft;
use super::MAX_LEVEL;
use crate::FieldError;

pub const MAX_EXTERNAL_ID_LEN: usize = 64;
pub const MAX_NAME_LEN: usize = 100;
pub const MAX_EMAIL_LEN: usize = 254;
pub const MAX_TEXT_LEN: usize = 120;
pub const MAX_TAG_LEN: usize = 40;
pub const MAX_TAGS: usize = 30;
pub const MAX_LANGUAGES: usize = 12;
pub const MAX_SLOTS: usize = 42;
pub const MIN_GRADE: u8 = 1;
pub const MAX_GRADE: u8 = 10;

/// Tidies what a person typed, without judging it.
pub fn normalize(mut draft: EmployeeDraft) -> EmployeeDraft {
    for text in [
        &mut draft.external_id,
        &mut draft.first_name,
        &mut draft.last_name,
        &mut draft.department,
        &mut draft.title,
        &mut draft.site,
        &mut draft.timezone,
    ] {
        let trimmed = text.trim();
        if trimmed.len() != text.len() {
            *text = trimmed.to_owned();
        }
    }
    draft.email = draft.email.trim().to_lowercase();
    draft.languages = dedup_sorted(draft.languages.iter().map(|l| l.trim().to_lowercase()));
    draft.interests = dedup_sorted(draft.interests.iter().map(|t| t.trim().to_lowercase()));
    draft.availability.sort();
    draft.availability.dedup();
    draft.skills.sort_by(|a, b| a.topic_id.cmp(&b.topic_id));
    draft
}

fn dedup_sorted(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = items.filter(|s| !s.is_empty()).collect();
    out.sort();
    out.dedup();
    out
}

/// Every rule the draft breaks, in field order; empty when it is valid.
pub fn validate(draft: &EmployeeDraft) -> Vec<FieldError> {
    let mut errors = Vec::new();
    required_text(
        &mut errors,
        "external_id",
        &draft.external_id,
        MAX_EXTERNAL_ID_LEN,
    );
    required_text(&mut errors, "first_name", &draft.first_name, MAX_NAME_LEN);
    required_text(&mut errors, "last_name", &draft.last_name, MAX_NAME_LEN);
    check_email(&mut errors, &draft.email);
    optional_text(&mut errors, "department", &draft.department, MAX_TEXT_LEN);
    optional_text(&mut errors, "title", &draft.title, MAX_TEXT_LEN);
    optional_text(&mut errors, "site", &draft.site, MAX_TEXT_LEN);

    if !(MIN_GRADE..=MAX_GRADE).contains(&draft.grade) {
        errors.push(FieldError::new(
            "grade",
            "grade_invalid",
            format!("grade {} is out of range: use {MIN_GRADE} (entry level) to {MAX_GRADE} (executive)", draft.grade),
        ));
    }
    if draft.timezone.parse::<chrono_tz::Tz>().is_err() {
        errors.push(FieldError::new(
            "timezone",
            "timezone_invalid",
            format!(
                "'{}' is not a time zone: use a name such as Europe/Paris",
                draft.timezone
            ),
        ));
    }
    check_languages(&mut errors, &draft.languages);
    check_interests(&mut errors, &draft.interests);
    check_availability(&mut errors, draft);
    check_skills(&mut errors, draft);
    errors
}

fn required_text(errors: &mut Vec<FieldError>, field: &str, value: &str, max: usize) {
    if value.trim().is_empty() {
        errors.push(FieldError::new(
            field,
            "required",
            format!("{} is required", label(field)),
        ));
    } else {
        optional_text(errors, field, value, max);
    }
}

fn optional_text(errors: &mut Vec<FieldError>, field: &str, value: &str, max: usize) {
    let len = value.chars().count();
    if len > max {
        errors.push(FieldError::too_long(
            field,
            max,
            format!(
                "{} is {len} characters long; the limit is {max}",
                label(field)
            ),
        ));
    }
}

fn label(field: &str) -> String {
    field.replace('_', " ")
}

fn check_email(errors: &mut Vec<FieldError>, email: &str) {
    if email.is_empty() {
        errors.push(FieldError::new("email", "required", "email is required"));
        return;
    }
    if email.chars().count() > MAX_EMAIL_LEN {
        optional_text(errors, "email", email, MAX_EMAIL_LEN);
        return;
    }
    if !is_plausible_email(email) {
        errors.push(FieldError::new(
            "email",
            "email_invalid",
            format!("'{email}' is not a valid email address, e.g. first.last@company.com"),
        ));
    }
}

/// RFC-valid and with a dotted domain: an HR address is never `someone@localhost`.
pub fn is_plausible_email(email: &str) -> bool {
    EmailAddress::parse_with_options(
        email,
        email_address::Options::default().without_display_text(),
    )
    .map(|address| {
        let domain = address.domain();
        domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.')
    })
    .unwrap_or(false)
}

fn check_languages(errors: &mut Vec<FieldError>, languages: &[String]) {
    if languages.len() > MAX_LANGUAGES {
        errors.push(FieldError::new(
            "languages",
            "too_many",
            format!(
                "{} languages given; the limit is {MAX_LANGUAGES}",
                languages.len()
            ),
        ));
    }
    if let Some(bad) = languages
        .iter()
        .find(|l| l.len() != 2 || !l.chars().all(|c| c.is_ascii_lowercase()))
    {
        errors.push(FieldError::new(
            "languages",
            "language_invalid",
            format!("'{bad}' is not a two-letter language code such as fr or en"),
        ));
    }
}

fn check_interests(errors: &mut Vec<FieldError>, interests: &[String]) {
    if interests.len() > MAX_TAGS {
        errors.push(FieldError::new(
            "interests",
            "too_many",
            format!(
                "{} interests given; the limit is {MAX_TAGS}",
                interests.len()
            ),
        ));
    }
    if let Some(long) = interests.iter().find(|t| t.chars().count() > MAX_TAG_LEN) {
        errors.push(FieldError::too_long(
            "interests",
            MAX_TAG_LEN,
            format!("the interest '{long}' is longer than {MAX_TAG_LEN} characters"),
        ));
    }
}

fn check_availability(errors: &mut Vec<FieldError>, draft: &EmployeeDraft) {
    let slots = &draft.availability;
    if slots.len() > MAX_SLOTS {
        errors.push(FieldError::new(
            "availability",
            "too_many",
            format!(
                "{} availability slots given; the limit is {MAX_SLOTS}",
                slots.len()
            ),
        ));
    }
    if let Some(bad) = slots
        .iter()
        .find(|s| s.weekday > 6 || s.start_minute >= s.end_minute || s.end_minute > 24 * 60)
    {
        errors.push(FieldError::new(
            "availability",
            "slot_invalid",
            format!(
                "the slot on day {} from minute {} to {} is not a valid time range within one day",
                bad.weekday, bad.start_minute, bad.end_minute
            ),
        ));
        return;
    }
    // Slots are sorted by (weekday, start) after normalize; check neighbours.
    let mut sorted = slots.clone();
    sorted.sort();
    if sorted
        .windows(2)
        .any(|w| w[0].weekday == w[1].weekday && w[1].start_minute < w[0].end_minute)
    {
        errors.push(FieldError::new(
            "availability",
            "slot_overlap",
            "two availability slots on the same day overlap: merge them",
        ));
    }
}

fn check_skills(errors: &mut Vec<FieldError>, draft: &EmployeeDraft) {
    let mut seen = HashSet::new();
    for skill in &draft.skills {
        if skill.level > MAX_LEVEL || skill.target.is_some_and(|t| t > MAX_LEVEL) {
            errors.push(FieldError::new(
                "skills",
                "level_invalid",
                format!(
                    "levels go from 0 (none) to {MAX_LEVEL} (expert); topic {} has another value",
                    skill.topic_id
                ),
            ));
            return;
        }
        if !seen.insert(skill.topic_id.as_str()) {
            errors.push(FieldError::new(
                "skills",
                "duplicate",
                format!("topic {} is listed twice", skill.topic_id),
            ));
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{AvailabilitySlot, SkillLevel};

    fn valid() -> EmployeeDraft {
        EmployeeDraft {
            external_id: "E1".into(),
            first_name: "Léa".into(),
            last_name: "Martin".into(),
            email: "lea.martin@example.fr".into(),
            grade: 2,
            timezone: "Europe/Paris".into(),
            languages: vec!["fr".into()],
            ..EmployeeDraft::default()
        }
    }

    fn keys(draft: &EmployeeDraft) -> Vec<(String, String)> {
        validate(draft)
            .into_iter()
            .map(|e| (e.field, e.key))
            .collect()
    }

    #[test]
    fn a_complete_draft_is_valid() {
        assert!(validate(&valid()).is_empty());
    }

    /// A named way to break a valid draft, and the field and key it must be reported under.
    type BreakCase = (
        &'static str,
        Box<dyn Fn(&mut EmployeeDraft)>,
        &'static str,
        &'static str,
    );

    #[test]
    fn each_broken_rule_names_its_field_and_key() {
        let cases: Vec<BreakCase> = vec![
            (
                "missing id",
                Box::new(|d| d.external_id.clear()),
                "external_id",
                "required",
            ),
            (
                "blank first name",
                Box::new(|d| d.first_name = "  ".into()),
                "first_name",
                "required",
            ),
            (
                "long last name",
                Box::new(|d| d.last_name = "x".repeat(101)),
                "last_name",
                "too_long",
            ),
            (
                "missing email",
                Box::new(|d| d.email.clear()),
                "email",
                "required",
            ),
            (
                "email without at",
                Box::new(|d| d.email = "lea.example.fr".into()),
                "email",
                "email_invalid",
            ),
            (
                "email without dotted domain",
                Box::new(|d| d.email = "lea@localhost".into()),
                "email",
                "email_invalid",
            ),
            (
                "grade zero",
                Box::new(|d| d.grade = 0),
                "grade",
                "grade_invalid",
            ),
            (
                "grade eleven",
                Box::new(|d| d.grade = 11),
                "grade",
                "grade_invalid",
            ),
            (
                "unknown time zone",
                Box::new(|d| d.timezone = "Mars/Olympus".into()),
                "timezone",
                "timezone_invalid",
            ),
            (
                "bad language",
                Box::new(|d| d.languages = vec!["french".into()]),
                "languages",
                "language_invalid",
            ),
            (
                "long interest",
                Box::new(|d| d.interests = vec!["v".repeat(41)]),
                "interests",
                "too_long",
            ),
            (
                "reversed slot",
                Box::new(|d| {
                    d.availability = vec![AvailabilitySlot {
                        weekday: 1,
                        start_minute: 600,
                        end_minute: 540,
                    }]
                }),
                "availability",
                "slot_invalid",
            ),
            (
                "overlapping slots",
                Box::new(|d| {
                    d.availability = vec![
                        AvailabilitySlot {
                            weekday: 1,
                            start_minute: 540,
                            end_minute: 660,
                        },
                        AvailabilitySlot {
                            weekday: 1,
                            start_minute: 600,
                            end_minute: 720,
                        },
                    ]
                }),
                "availability",
                "slot_overlap",
            ),
            (
                "level five",
                Box::new(|d| {
                    d.skills = vec![SkillLevel {
                        topic_id: "x.post".into(),
                        level: 5,
                        target: None,
                    }]
                }),
                "skills",
                "level_invalid",
            ),
        ];
        for (name, break_it, field, key) in cases {
            let mut draft = valid();
            break_it(&mut draft);
            assert_eq!(
                keys(&draft),
                vec![(field.to_owned(), key.to_owned())],
                "case: {name}"
            );
        }
    }

    #[test]
    fn a_name_starting_with_equals_is_just_a_name() {
        let mut draft = valid();
        draft.last_name = "=HYPERLINK(\"x\")".into();
        assert!(validate(&draft).is_empty());
    }

    #[test]
    fn normalize_trims_and_lowercases_without_losing_data() {
        let mut draft = valid();
        draft.email = "  Lea.Martin@Example.FR ".into();
        draft.interests = vec!["Video".into(), "video".into(), " ".into()];
        let draft = normalize(draft);
        assert_eq!(draft.email, "lea.martin@example.fr");
        assert_eq!(draft.interests, vec!["video".to_owned()]);
    }
}
