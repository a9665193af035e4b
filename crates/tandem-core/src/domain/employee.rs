//! Employees and their program profile: role, adoption profile, availability, skills, interests.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Tandem's own stable id for an employee (the HR id can change between systems; this does not).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EmployeeId(pub Uuid);

impl EmployeeId {
    pub fn new() -> Self {
        EmployeeId(Uuid::new_v4())
    }

    /// Parses an id given by the UI; an unknown shape is a validation error, not a panic.
    pub fn parse(raw: &str) -> crate::CoreResult<Self> {
        Uuid::parse_str(raw.trim()).map(EmployeeId).map_err(|_| {
            crate::CoreError::invalid(
                "id",
                "id_invalid",
                format!("'{raw}' is not a valid employee id"),
            )
        })
    }
}

impl Default for EmployeeId {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Display for EmployeeId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// Role in the reverse-mentoring program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProgramRole {
    Mentor,
    Mentee,
    Both,
    None,
}

impl ProgramRole {
    pub const ALL: [ProgramRole; 4] = [Self::Mentor, Self::Mentee, Self::Both, Self::None];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Mentor => "mentor",
            Self::Mentee => "mentee",
            Self::Both => "both",
            Self::None => "none",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == raw)
    }

    pub fn can_mentor(self) -> bool {
        matches!(self, Self::Mentor | Self::Both)
    }

    pub fn can_be_mentored(self) -> bool {
        matches!(self, Self::Mentee | Self::Both)
    }
}

/// How a person relates to social networks, as seen when companies bring staff onto them.
/// It shapes matching (an anxious mentee wants a patient mentor) and the program's reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AdoptionProfile {
    /// Refuses outright.
    Categorical,
    /// Rejects digital tools in general.
    Allergic,
    /// Has accounts, does nothing with them.
    Curious,
    /// Afraid of posting something wrong; wants a charter.
    Anxious,
    /// Keen and active.
    Enthusiast,
    /// Takes part because management asks.
    GoodStudent,
    /// Has no time.
    Overwhelmed,
}

impl AdoptionProfile {
    pub const ALL: [AdoptionProfile; 7] = [
        Self::Categorical,
        Self::Allergic,
        Self::Curious,
        Self::Anxious,
        Self::Enthusiast,
        Self::GoodStudent,
        Self::Overwhelmed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Categorical => "categorical",
            Self::Allergic => "allergic",
            Self::Curious => "curious",
            Self::Anxious => "anxious",
            Self::Enthusiast => "enthusiast",
            Self::GoodStudent => "good_student",
            Self::Overwhelmed => "overwhelmed",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == raw)
    }
}

/// A weekly window when the employee is free, in the employee's own time zone.
/// `weekday` is 0 = Monday .. 6 = Sunday; minutes count from midnight, `end_minute` exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct AvailabilitySlot {
    pub weekday: u8,
    pub start_minute: u16,
    pub end_minute: u16,
}

/// A level on one topic (0–4), and for mentees the level they aim for.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SkillLevel {
    pub topic_id: String,
    pub level: u8,
    pub target: Option<u8>,
}

/// Everything a person can submit about an employee; validated before it is stored.
/// Used by the create/edit form, the CSV import and the demo loader alike.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct EmployeeDraft {
    pub external_id: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub department: String,
    pub title: String,
    /// Seniority level, 1 (entry) to 10 (executive); higher is more senior.
    pub grade: u8,
    pub manager_id: Option<EmployeeId>,
    pub site: String,
    /// IANA time zone name, e.g. `Europe/Paris`.
    pub timezone: String,
    /// ISO 639-1 codes, e.g. `fr`, `en`.
    pub languages: Vec<String>,
    pub hire_date: Option<NaiveDate>,
    pub role: Option<ProgramRole>,
    pub adoption_profile: Option<AdoptionProfile>,
    pub availability: Vec<AvailabilitySlot>,
    pub interests: Vec<String>,
    pub skills: Vec<SkillLevel>,
}

/// A stored employee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Employee {
    pub id: EmployeeId,
    pub external_id: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub department: String,
    pub title: String,
    pub grade: u8,
    pub manager_id: Option<EmployeeId>,
    pub site: String,
    pub timezone: String,
    pub languages: Vec<String>,
    pub hire_date: Option<NaiveDate>,
    pub role: ProgramRole,
    pub adoption_profile: Option<AdoptionProfile>,
    pub availability: Vec<AvailabilitySlot>,
    pub interests: Vec<String>,
    pub skills: Vec<SkillLevel>,
    pub active: bool,
}

impl Employee {
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }
}
