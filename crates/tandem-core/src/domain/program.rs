//! A program (cohort) as stored: its id, its settings, its participants and its persisted pairs.
//!
//! Plain data shared by the `program` rules and the store that reads and writes them; the review,
//! HR's actions and what-if build their own types on top (in `program`). To add a program setting:
//! a migration column, a field on [`MatchingSettings`] or [`ProgramInput`] and [`Program`], its
//! SQL in `store::programs`, then its validation in `program`.

use chrono::NaiveDate;
use serde::Serialize;
use uuid::Uuid;

use crate::domain::matching::{Parts, Weights};
use crate::domain::EmployeeId;

/// A program's stable id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct ProgramId(pub Uuid);

impl ProgramId {
    pub fn new() -> Self {
        ProgramId(Uuid::new_v4())
    }

    /// Parses an id given by the UI; an unknown shape is a validation error, not a panic.
    pub fn parse(raw: &str) -> crate::CoreResult<Self> {
        Uuid::parse_str(raw.trim()).map(ProgramId).map_err(|_| {
            crate::CoreError::invalid(
                "id",
                "id_invalid",
                format!("'{raw}' is not a valid program id"),
            )
        })
    }
}

impl Default for ProgramId {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Display for ProgramId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// The matching settings HR edits on a program. Per-mentor capacities live on the participants,
/// excluded pairs in their own list.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MatchingSettings {
    pub weights: Weights,
    /// Mentees per mentor unless overridden, 1..=3.
    pub default_capacity: u8,
    pub require_different_department: bool,
}

impl Default for MatchingSettings {
    fn default() -> Self {
        Self {
            weights: Weights::default(),
            default_capacity: 1,
            require_different_department: false,
        }
    }
}

/// What HR submits to create or edit a program.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgramInput {
    pub name: String,
    pub start_date: NaiveDate,
    /// Strictly after `start_date`.
    pub end_date: NaiveDate,
    /// A session every N weeks, 1..=12.
    pub cadence_weeks: u8,
    /// 30..=180.
    pub session_minutes: u16,
    /// The good-use charter participants acknowledge, at most `program::MAX_CHARTER_CHARS`.
    pub charter: String,
    pub matching: MatchingSettings,
}

impl ProgramInput {
    /// A program with the default cadence (every 4 weeks), session length (60 minutes), no
    /// charter and the default matching settings.
    pub fn new(name: &str, start_date: NaiveDate, end_date: NaiveDate) -> Self {
        Self {
            name: name.to_owned(),
            start_date,
            end_date,
            cadence_weeks: 4,
            session_minutes: 60,
            charter: String::new(),
            matching: MatchingSettings::default(),
        }
    }
}

/// A stored program with its head counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Program {
    pub id: ProgramId,
    pub name: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub cadence_weeks: u8,
    pub session_minutes: u16,
    pub charter: String,
    pub matching: MatchingSettings,
    pub mentor_count: u32,
    pub mentee_count: u32,
    pub proposed_count: u32,
    pub approved_count: u32,
    pub created_at: String,
    pub updated_at: String,
}

/// Which side of the program a participant is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Mentor,
    Mentee,
}

impl Side {
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Mentor => "mentor",
            Side::Mentee => "mentee",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "mentor" => Some(Side::Mentor),
            "mentee" => Some(Side::Mentee),
            _ => None,
        }
    }
}

/// Who a person is, as the review and exports name them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonSummary {
    pub id: EmployeeId,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub department: String,
    pub title: String,
    pub active: bool,
}

impl PersonSummary {
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }
}

/// One participant of a program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    pub person: PersonSummary,
    pub side: Side,
    /// Mentors only: HR's override of the default capacity.
    pub capacity_override: Option<u8>,
    /// Mentors: the capacity used by matching; mentees: 1.
    pub capacity: u8,
    /// What their profile holds, for [`Participant::profile_gaps`].
    pub profile: crate::domain::profile::ProfileFacts,
}

impl Participant {
    /// What their profile lacks for their side in this program; empty when complete.
    pub fn profile_gaps(&self) -> Vec<crate::domain::profile::ProfileGap> {
        let sides = crate::domain::profile::ProfileSides {
            mentee: self.side == Side::Mentee,
            mentor: self.side == Side::Mentor,
        };
        crate::domain::profile::profile_gaps(sides, self.profile)
    }
}

/// A persisted pair's review status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PairStatus {
    Proposed,
    /// Published: kept by every re-run.
    Approved,
}

impl PairStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            PairStatus::Proposed => "proposed",
            PairStatus::Approved => "approved",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "proposed" => Some(PairStatus::Proposed),
            "approved" => Some(PairStatus::Approved),
            _ => None,
        }
    }
}

/// A pair as stored: the scores are those computed when it was proposed or assigned.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredPair {
    pub id: Uuid,
    pub mentee: EmployeeId,
    pub mentor: EmployeeId,
    pub status: PairStatus,
    pub locked: bool,
    /// Set by HR by hand rather than proposed by a run.
    pub manual: bool,
    pub score: f64,
    pub points: u64,
    pub parts: Parts,
    /// The stored record's version (0 for a pair not stored yet); see [`crate::CoreError::stale`].
    pub version: i64,
}
