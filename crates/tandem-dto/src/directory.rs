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
    /// The record's version: send it back with an edit so a stale copy is refused.
    pub version: u32,
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

// ---------------------------------------------------------------- conversions

use chrono::NaiveDate;
use tandem_core::directory::{
    DirectoryFacets, DirectoryPage, DirectoryQuery, DirectorySort, EmployeeDetail, EmployeeRow,
    PersonRef,
};
use tandem_core::domain::{
    AdoptionProfile, AvailabilitySlot, EmployeeDraft, EmployeeId, ProgramRole, SkillLevel,
    MAX_LEVEL,
};
use tandem_core::{CoreError, CoreResult, FieldError};

impl From<ProgramRole> for ProgramRoleDto {
    fn from(role: ProgramRole) -> Self {
        match role {
            ProgramRole::Mentor => Self::Mentor,
            ProgramRole::Mentee => Self::Mentee,
            ProgramRole::Both => Self::Both,
            ProgramRole::None => Self::None,
        }
    }
}

impl From<ProgramRoleDto> for ProgramRole {
    fn from(role: ProgramRoleDto) -> Self {
        match role {
            ProgramRoleDto::Mentor => Self::Mentor,
            ProgramRoleDto::Mentee => Self::Mentee,
            ProgramRoleDto::Both => Self::Both,
            ProgramRoleDto::None => Self::None,
        }
    }
}

impl From<AdoptionProfile> for AdoptionProfileDto {
    fn from(profile: AdoptionProfile) -> Self {
        match profile {
            AdoptionProfile::Categorical => Self::Categorical,
            AdoptionProfile::Allergic => Self::Allergic,
            AdoptionProfile::Curious => Self::Curious,
            AdoptionProfile::Anxious => Self::Anxious,
            AdoptionProfile::Enthusiast => Self::Enthusiast,
            AdoptionProfile::GoodStudent => Self::GoodStudent,
            AdoptionProfile::Overwhelmed => Self::Overwhelmed,
        }
    }
}

impl From<AdoptionProfileDto> for AdoptionProfile {
    fn from(profile: AdoptionProfileDto) -> Self {
        match profile {
            AdoptionProfileDto::Categorical => Self::Categorical,
            AdoptionProfileDto::Allergic => Self::Allergic,
            AdoptionProfileDto::Curious => Self::Curious,
            AdoptionProfileDto::Anxious => Self::Anxious,
            AdoptionProfileDto::Enthusiast => Self::Enthusiast,
            AdoptionProfileDto::GoodStudent => Self::GoodStudent,
            AdoptionProfileDto::Overwhelmed => Self::Overwhelmed,
        }
    }
}

impl From<DirectorySortDto> for DirectorySort {
    fn from(sort: DirectorySortDto) -> Self {
        match sort {
            DirectorySortDto::Name => Self::Name,
            DirectorySortDto::Department => Self::Department,
            DirectorySortDto::Title => Self::Title,
            DirectorySortDto::Grade => Self::Grade,
        }
    }
}

/// A blank optional text from a form means "no value".
fn non_blank(value: Option<String>) -> Option<String> {
    value.filter(|v| !v.trim().is_empty())
}

impl DirectoryQueryDto {
    /// The core query; a level above the 0–4 scale is a validation error on `min_level`.
    pub fn into_domain(self) -> CoreResult<DirectoryQuery> {
        if let Some(level) = self.min_level.filter(|l| *l > MAX_LEVEL) {
            return Err(CoreError::invalid(
                "min_level",
                "level_invalid",
                format!("levels go from 0 to {MAX_LEVEL}; {level} is not one"),
            ));
        }
        Ok(DirectoryQuery {
            search: self.search,
            department: non_blank(self.department),
            role: self.role.map(Into::into),
            adoption_profile: self.adoption_profile.map(Into::into),
            platform_id: non_blank(self.platform_id),
            min_level: self.min_level,
            include_inactive: self.include_inactive,
            sort: self.sort.into(),
            descending: self.descending,
            offset: self.offset,
            limit: self.limit,
        })
    }
}

impl From<EmployeeRow> for EmployeeRowDto {
    fn from(row: EmployeeRow) -> Self {
        EmployeeRowDto {
            id: row.id.to_string(),
            external_id: row.external_id,
            first_name: row.first_name,
            last_name: row.last_name,
            email: row.email,
            department: row.department,
            title: row.title,
            grade: row.grade,
            role: row.role.into(),
            adoption_profile: row.adoption_profile.map(Into::into),
            active: row.active,
        }
    }
}

impl From<DirectoryPage> for DirectoryPageDto {
    fn from(page: DirectoryPage) -> Self {
        DirectoryPageDto {
            total: page.total,
            offset: page.offset,
            rows: page.rows.into_iter().map(Into::into).collect(),
        }
    }
}

impl From<DirectoryFacets> for DirectoryFacetsDto {
    fn from(facets: DirectoryFacets) -> Self {
        DirectoryFacetsDto {
            departments: facets.departments,
            sites: facets.sites,
            active_count: facets.active_count,
            inactive_count: facets.inactive_count,
        }
    }
}

impl From<AvailabilitySlot> for AvailabilitySlotDto {
    fn from(slot: AvailabilitySlot) -> Self {
        AvailabilitySlotDto {
            weekday: slot.weekday,
            start_minute: slot.start_minute,
            end_minute: slot.end_minute,
        }
    }
}

impl From<AvailabilitySlotDto> for AvailabilitySlot {
    fn from(slot: AvailabilitySlotDto) -> Self {
        AvailabilitySlot {
            weekday: slot.weekday,
            start_minute: slot.start_minute,
            end_minute: slot.end_minute,
        }
    }
}

impl From<SkillLevel> for SkillDto {
    fn from(skill: SkillLevel) -> Self {
        SkillDto {
            topic_id: skill.topic_id,
            level: skill.level,
            target: skill.target,
        }
    }
}

impl From<SkillDto> for SkillLevel {
    fn from(skill: SkillDto) -> Self {
        SkillLevel {
            topic_id: skill.topic_id,
            level: skill.level,
            target: skill.target,
        }
    }
}

impl From<PersonRef> for PersonRefDto {
    fn from(person: PersonRef) -> Self {
        PersonRefDto {
            id: person.id.to_string(),
            full_name: person.full_name,
            title: person.title,
            department: person.department,
            active: person.active,
        }
    }
}

impl From<EmployeeDetail> for EmployeeDetailDto {
    fn from(detail: EmployeeDetail) -> Self {
        let e = detail.employee;
        EmployeeDetailDto {
            id: e.id.to_string(),
            version: crate::programs::version_dto(detail.version),
            external_id: e.external_id,
            first_name: e.first_name,
            last_name: e.last_name,
            email: e.email,
            department: e.department,
            title: e.title,
            grade: e.grade,
            manager: detail.manager.map(Into::into),
            direct_reports: detail.direct_reports.into_iter().map(Into::into).collect(),
            site: e.site,
            timezone: e.timezone,
            languages: e.languages,
            hire_date: e.hire_date.map(|d| d.format("%Y-%m-%d").to_string()),
            role: e.role.into(),
            adoption_profile: e.adoption_profile.map(Into::into),
            availability: e.availability.into_iter().map(Into::into).collect(),
            interests: e.interests,
            skills: e.skills.into_iter().map(Into::into).collect(),
            active: e.active,
        }
    }
}

impl EmployeeInputDto {
    /// The draft the core validates. Only what cannot even be represented is refused here, all
    /// together: a malformed manager id (`manager_id` / `id_invalid`) and a date that does not exist
    /// (`hire_date` / `date_invalid`). Blank manager id or date mean "none".
    pub fn into_domain(self) -> CoreResult<EmployeeDraft> {
        let mut errors = Vec::new();
        let manager_id = match non_blank(self.manager_id) {
            None => None,
            Some(raw) => match uuid::Uuid::parse_str(raw.trim()) {
                Ok(uuid) => Some(EmployeeId(uuid)),
                Err(_) => {
                    errors.push(FieldError::new(
                        "manager_id",
                        "id_invalid",
                        format!("'{raw}' is not a valid employee id: pick the manager from the directory"),
                    ));
                    None
                }
            },
        };
        let hire_date = match non_blank(self.hire_date) {
            None => None,
            Some(raw) => match NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d") {
                Ok(date) => Some(date),
                Err(_) => {
                    errors.push(FieldError::new(
                        "hire_date",
                        "date_invalid",
                        format!("'{raw}' is not a date: use YYYY-MM-DD, e.g. 2021-09-01"),
                    ));
                    None
                }
            },
        };
        if !errors.is_empty() {
            return Err(CoreError::Validation(errors));
        }
        Ok(EmployeeDraft {
            external_id: self.external_id,
            first_name: self.first_name,
            last_name: self.last_name,
            email: self.email,
            department: self.department,
            title: self.title,
            grade: self.grade,
            manager_id,
            site: self.site,
            timezone: self.timezone,
            languages: self.languages,
            hire_date,
            role: Some(self.role.into()),
            adoption_profile: self.adoption_profile.map(Into::into),
            availability: self.availability.into_iter().map(Into::into).collect(),
            interests: self.interests,
            skills: self.skills.into_iter().map(Into::into).collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::validation_keys as keys;

    fn input() -> EmployeeInputDto {
        EmployeeInputDto {
            external_id: "E1".into(),
            first_name: "Léa".into(),
            last_name: "Martin".into(),
            email: "lea.martin@example.fr".into(),
            department: "Ventes".into(),
            title: "Chargée".into(),
            grade: 3,
            manager_id: None,
            site: "Paris".into(),
            timezone: "Europe/Paris".into(),
            languages: vec!["fr".into()],
            hire_date: Some("2021-09-01".into()),
            role: ProgramRoleDto::Both,
            adoption_profile: Some(AdoptionProfileDto::GoodStudent),
            availability: vec![AvailabilitySlotDto {
                weekday: 0,
                start_minute: 540,
                end_minute: 600,
            }],
            interests: vec!["video".into()],
            skills: vec![SkillDto {
                topic_id: "x.post".into(),
                level: 2,
                target: Some(4),
            }],
        }
    }

    #[test]
    fn a_well_formed_input_becomes_a_draft_with_every_field() -> CoreResult<()> {
        let manager = EmployeeId::new();
        let mut dto = input();
        dto.manager_id = Some(format!(" {manager} "));
        let draft = dto.into_domain()?;
        assert_eq!(draft.manager_id, Some(manager));
        assert_eq!(draft.hire_date, NaiveDate::from_ymd_opt(2021, 9, 1));
        assert_eq!(draft.role, Some(ProgramRole::Both));
        assert_eq!(draft.adoption_profile, Some(AdoptionProfile::GoodStudent));
        assert_eq!(draft.skills[0].target, Some(4));
        assert_eq!(draft.availability[0].end_minute, 600);
        Ok(())
    }

    #[test]
    fn blank_manager_and_date_mean_none() -> CoreResult<()> {
        let mut dto = input();
        dto.manager_id = Some("  ".into());
        dto.hire_date = Some(String::new());
        let draft = dto.into_domain()?;
        assert_eq!((draft.manager_id, draft.hire_date), (None, None));
        Ok(())
    }

    #[test]
    fn a_malformed_manager_id_and_an_impossible_date_are_reported_together() {
        let mut dto = input();
        dto.manager_id = Some("boss".into());
        dto.hire_date = Some("2023-02-30".into());
        assert_eq!(
            keys(dto.into_domain()),
            vec![
                ("manager_id".to_owned(), "id_invalid".to_owned()),
                ("hire_date".to_owned(), "date_invalid".to_owned()),
            ]
        );
    }

    #[test]
    fn a_date_in_another_format_is_refused() {
        for raw in ["01/09/2021", "2021-9-1x", "2021-13-01"] {
            let mut dto = input();
            dto.hire_date = Some(raw.into());
            assert_eq!(
                keys(dto.into_domain()),
                vec![("hire_date".to_owned(), "date_invalid".to_owned())],
                "{raw}"
            );
        }
    }

    #[test]
    fn a_query_maps_blank_filters_to_none_and_refuses_a_level_above_four() -> CoreResult<()> {
        let dto = DirectoryQueryDto {
            search: "léa".into(),
            department: Some(" ".into()),
            role: Some(ProgramRoleDto::Mentor),
            adoption_profile: None,
            platform_id: Some("tiktok".into()),
            min_level: Some(3),
            include_inactive: true,
            sort: DirectorySortDto::Grade,
            descending: true,
            offset: 40,
            limit: 20,
        };
        let query = dto.clone().into_domain()?;
        assert_eq!(query.department, None);
        assert_eq!(query.role, Some(ProgramRole::Mentor));
        assert_eq!(query.sort, DirectorySort::Grade);
        assert_eq!((query.offset, query.limit), (40, 20));
        let error = DirectoryQueryDto {
            min_level: Some(5),
            ..dto
        }
        .into_domain()
        .err()
        .map(|e| e.code());
        assert_eq!(error, Some("validation"));
        Ok(())
    }
}
