//! Programs: the program form, participants, the matching proposal HR reviews, HR's actions,
//! what-if and their results.
//!
//! Ids travel as strings and are parsed by the helpers in `convert` (`id_invalid` on the field
//! that carries them); dates as `YYYY-MM-DD`. Scores and parts are numbers in 0..1. Exact integer
//! points stay in the core (they would be 64-bit).
//!
//! To show something new: add the field to the DTO here and to its conversion in `convert`, then
//! run `cargo test -p tandem-dto` to regenerate the bindings.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Relative importance of the score parts, each 0..100 (only ratios matter).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WeightsDto {
    pub skill: f64,
    pub interests: f64,
    pub availability: f64,
    pub adoption: f64,
    /// Language and site comfort.
    pub comfort: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MatchingSettingsDto {
    pub weights: WeightsDto,
    /// Mentees per mentor unless overridden, 1–3.
    pub default_capacity: u8,
    pub require_different_department: bool,
}

/// The program form as submitted (create and edit).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProgramInputDto {
    pub name: String,
    /// `YYYY-MM-DD`.
    pub start_date: String,
    /// `YYYY-MM-DD`, after the start.
    pub end_date: String,
    /// A session every N weeks, 1–12 (default 4).
    pub cadence_weeks: u8,
    /// 30–180 (default 60).
    pub session_minutes: u16,
    /// At most 20,000 characters.
    pub charter: String,
    pub matching: MatchingSettingsDto,
}

/// A program with its head counts.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ProgramDto {
    pub id: String,
    pub name: String,
    pub start_date: String,
    pub end_date: String,
    pub cadence_weeks: u8,
    pub session_minutes: u16,
    pub charter: String,
    pub matching: MatchingSettingsDto,
    pub mentor_count: u32,
    pub mentee_count: u32,
    pub proposed_count: u32,
    pub approved_count: u32,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SideDto {
    Mentor,
    Mentee,
}

/// A person named in the review and the exports.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ProgramPersonDto {
    pub id: String,
    pub first_name: String,
    pub last_name: String,
    pub full_name: String,
    pub email: String,
    pub department: String,
    pub title: String,
    pub active: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ParticipantDto {
    pub person: ProgramPersonDto,
    pub side: SideDto,
    /// Mentors only: HR's override of the default capacity (0–3).
    pub capacity_override: Option<u8>,
    /// The capacity matching uses (mentees: 1).
    pub capacity: u8,
    /// What their profile lacks for their side, before matching can use it; empty when complete.
    pub profile_gaps: Vec<ProfileGapDto>,
}

/// What a participant's profile lacks: a learning goal (mentees), a skill (mentors), or weekly
/// availability (everyone).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ProfileGapDto {
    Goals,
    Skills,
    Availability,
}

/// A hard constraint that rules a pair out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ConstraintDto {
    SamePerson,
    /// HR excluded the pair.
    Excluded,
    /// One is the other's manager at some depth.
    ReportingChain,
    /// Same direct manager.
    SameTeam,
    NoSharedLanguage,
    /// The mentor's grade is not below the mentee's.
    MentorNotJunior,
    /// The program requires different departments.
    SameDepartment,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PairStatusDto {
    Proposed,
    Approved,
}

/// The five score parts (or their weighted contributions), each 0..1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PartsDto {
    pub skill: f64,
    pub interests: f64,
    pub availability: f64,
    pub adoption: f64,
    pub comfort: f64,
}

/// A pair as stored (scores from when it was proposed or assigned).
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PairDto {
    pub id: String,
    pub mentee_id: String,
    pub mentor_id: String,
    pub status: PairStatusDto,
    /// Kept as it is by re-runs.
    pub locked: bool,
    /// Assigned by HR by hand.
    pub manual: bool,
    pub score: f64,
    pub parts: PartsDto,
    /// The record's version: send it back with a change so a stale copy is refused.
    pub version: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TopicNameDto {
    pub id: String,
    pub platform_id: String,
    pub name_en: String,
    pub name_fr: String,
}

/// A mentee goal the mentor covers: "Léa: LinkedIn analytics expert ↔ Marc: wants 1 → 3".
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct CoveredGoalDto {
    pub topic: TopicNameDto,
    pub mentee_level: u8,
    pub mentee_target: u8,
    pub mentor_level: u8,
    /// Levels of the gap the mentor covers.
    pub covered: u8,
}

/// What the UI needs to explain a pair in a sentence.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PairExplanationDto {
    /// Computed now from the current data.
    pub score: f64,
    pub parts: PartsDto,
    /// Each part × its weight / sum of weights; they add up to `score`.
    pub contributions: PartsDto,
    pub covered_goals: Vec<CoveredGoalDto>,
    pub shared_interests: Vec<String>,
    pub overlap_minutes: u32,
    pub same_site: bool,
    /// ISO 639-1 codes.
    pub shared_languages: Vec<String>,
    /// The adoption-profile rule applied (English).
    pub adoption_rule: String,
    /// A forced manual pair's first broken constraint.
    pub blocked_by: Option<ConstraintDto>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AlternativeMentorDto {
    pub mentor: ProgramPersonDto,
    pub score: f64,
    /// No capacity left in the current proposal.
    pub full: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct RemovedMentorDto {
    pub mentor: ProgramPersonDto,
    pub score: f64,
    pub constraint: ConstraintDto,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ReviewPairDto {
    pub pair: PairDto,
    pub mentee: ProgramPersonDto,
    pub mentor: ProgramPersonDto,
    pub explanation: PairExplanationDto,
    /// Up to 3 other allowed mentors, best first.
    pub alternatives: Vec<AlternativeMentorDto>,
    /// Up to 3 best-scoring mentors a constraint rules out, best first.
    pub removed: Vec<RemovedMentorDto>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum UnmatchedReasonDto {
    NoAllowedMentor,
    AllowedMentorsFull,
    /// An allowed mentor has room: re-run to get a proposal.
    RerunWouldMatch,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct UnmatchedMenteeDto {
    pub mentee: ProgramPersonDto,
    pub reason: UnmatchedReasonDto,
    pub alternatives: Vec<AlternativeMentorDto>,
    pub removed: Vec<RemovedMentorDto>,
}

/// The proposal as HR reviews it; pairs and unmatched mentees in mentee name order.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ProposalDto {
    pub pairs: Vec<ReviewPairDto>,
    pub unmatched: Vec<UnmatchedMenteeDto>,
    pub total_score: f64,
    pub mentor_count: u32,
    pub mentee_count: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct RunSummaryDto {
    pub pairs: u32,
    /// Locked or approved pairs kept as they were.
    pub kept: u32,
    pub unmatched: u32,
    pub total_score: f64,
    pub elapsed_ms: f64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct WhyNotDto {
    pub mentee: ProgramPersonDto,
    pub mentor: ProgramPersonDto,
    /// Every constraint that rules the pair out; empty if allowed.
    pub constraints: Vec<ConstraintDto>,
    pub mentor_capacity: u8,
    /// Mentees the mentor has in the proposal, not counting this mentee.
    pub mentor_load: u32,
    pub explanation: PairExplanationDto,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum AssignWarningDto {
    Constraint { constraint: ConstraintDto },
    MentorFull { capacity: u8, load: u32 },
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AssignOutcomeDto {
    /// False when warnings stopped an unforced assignment: nothing was written.
    pub applied: bool,
    pub warnings: Vec<AssignWarningDto>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CapacityOverrideDto {
    pub mentor_id: String,
    /// 0–3, or null for the program's default.
    pub capacity: Option<u8>,
}

/// Settings to try (what-if) or to save and re-run (apply); null keeps the program's value.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SettingsChangeDto {
    pub weights: Option<WeightsDto>,
    pub default_capacity: Option<u8>,
    pub require_different_department: Option<bool>,
    pub capacity_overrides: Vec<CapacityOverrideDto>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct DiffPairDto {
    pub mentee: ProgramPersonDto,
    pub mentor: ProgramPersonDto,
    pub score: f64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct WhatIfDto {
    pub added: Vec<DiffPairDto>,
    pub removed: Vec<DiffPairDto>,
    pub total_before: f64,
    pub total_after: f64,
    pub matched_before: u32,
    pub matched_after: u32,
    pub elapsed_ms: f64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ExclusionDto {
    pub mentee: ProgramPersonDto,
    pub mentor: ProgramPersonDto,
}

mod convert;

pub use convert::{parse_employee_id, parse_employee_ids, parse_program_id, version_dto};
