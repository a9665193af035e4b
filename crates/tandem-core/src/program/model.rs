//! The program's types: what the review, HR actions and what-if return. The stored shapes (the
//! program and its settings, participants, persisted pairs) are domain types, defined in
//! [`crate::domain::program`] so the store can read them without importing this module, and
//! re-exported here.

use serde::Serialize;

use crate::domain::EmployeeId;
use crate::matching::{Constraint, Parts, Weights};

pub use crate::domain::program::{
    MatchingSettings, PairStatus, Participant, PersonSummary, Program, ProgramId, ProgramInput,
    Side, StoredPair,
};

/// What a matching run did.
#[derive(Debug, Clone, PartialEq)]
pub struct RunSummary {
    /// Pairs in the proposal after the run (kept and new).
    pub pairs: u32,
    /// Locked or approved pairs the run kept as they were.
    pub kept: u32,
    pub unmatched: u32,
    /// Sum of the proposal's pair scores (0..1 each), equal to the engine's total.
    pub total_score: f64,
    /// The same total as the engine's exact integer points.
    pub total_points: u64,
    pub elapsed_micros: u64,
}

/// A topic named in an explanation, with its catalog names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopicName {
    pub id: String,
    pub platform_id: String,
    pub name_en: String,
    pub name_fr: String,
}

/// A mentee goal the mentor covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CoveredGoal {
    pub topic: TopicName,
    pub mentee_level: u8,
    pub mentee_target: u8,
    pub mentor_level: u8,
    /// Levels of the gap the mentor covers.
    pub covered: u8,
}

/// Everything the review shows to explain one pair in a sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairExplanation {
    /// Weighted score in 0..1, computed now from the current data.
    pub score: f64,
    /// The parts, each 0..1.
    pub parts: Parts,
    /// Each part times its weight over the sum of weights: they add up to `score`.
    pub contributions: Parts,
    pub covered_goals: Vec<CoveredGoal>,
    pub shared_interests: Vec<String>,
    pub overlap_minutes: u32,
    pub same_site: bool,
    pub shared_languages: Vec<String>,
    /// The adoption-profile rule applied, e.g. "anxious mentee: experienced, expert mentor".
    pub adoption_rule: String,
    /// The first hard constraint the pair breaks (a forced manual pair), if any.
    pub blocked_by: Option<Constraint>,
}

/// Another allowed mentor for a mentee.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlternativeMentor {
    pub mentor: PersonSummary,
    pub score: f64,
    /// The mentor has no capacity left in the current proposal.
    pub full: bool,
}

/// A well-scoring mentor a hard constraint rules out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RemovedMentor {
    pub mentor: PersonSummary,
    pub score: f64,
    pub constraint: Constraint,
}

/// One pair of the proposal with its review data.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewPair {
    pub pair: StoredPair,
    pub mentee: PersonSummary,
    pub mentor: PersonSummary,
    pub explanation: PairExplanation,
    /// Up to 3 other allowed mentors, best first.
    pub alternatives: Vec<AlternativeMentor>,
    /// Up to 3 best-scoring mentors a constraint removed, best first.
    pub removed: Vec<RemovedMentor>,
}

/// Why a mentee has no pair in the proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnmatchedWhy {
    /// Every mentor is ruled out by a hard constraint.
    NoAllowedMentor,
    /// Every allowed mentor is full.
    AllowedMentorsFull,
    /// An allowed mentor has room: a re-run would propose a pair (e.g. after an exclusion).
    RerunWouldMatch,
}

#[derive(Debug, Clone, PartialEq)]
pub struct UnmatchedMentee {
    pub mentee: PersonSummary,
    pub reason: UnmatchedWhy,
    pub alternatives: Vec<AlternativeMentor>,
    pub removed: Vec<RemovedMentor>,
}

/// The proposal as HR reviews it.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    /// In mentee name order.
    pub pairs: Vec<ReviewPair>,
    /// In mentee name order.
    pub unmatched: Vec<UnmatchedMentee>,
    /// Sum of the stored pair scores.
    pub total_score: f64,
    pub mentor_count: u32,
    pub mentee_count: u32,
}

/// Why one mentor cannot (or can) be paired with one mentee.
#[derive(Debug, Clone, PartialEq)]
pub struct WhyNot {
    pub mentee: PersonSummary,
    pub mentor: PersonSummary,
    /// Every hard constraint that removes the pair, in check order; empty if allowed.
    pub constraints: Vec<Constraint>,
    /// The mentor's capacity and how many mentees the proposal gives them.
    pub mentor_capacity: u8,
    pub mentor_load: u32,
    pub explanation: PairExplanation,
}

/// A problem with a manual assignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AssignWarning {
    /// A hard constraint rules the pair out.
    Constraint { constraint: Constraint },
    /// The mentor already has `load` mentees for a capacity of `capacity`.
    MentorFull { capacity: u8, load: u32 },
}

/// The outcome of [`super::assign`].
#[derive(Debug, Clone, PartialEq)]
pub struct AssignOutcome {
    /// False when warnings stopped an unforced assignment: nothing was written.
    pub applied: bool,
    pub warnings: Vec<AssignWarning>,
}

/// Settings to try in a what-if, or to save with [`super::apply_settings`]. `None` keeps the
/// program's value.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SettingsChange {
    pub weights: Option<Weights>,
    pub default_capacity: Option<u8>,
    pub require_different_department: Option<bool>,
    /// Per-mentor capacity: `Some(n)` overrides, `None` returns to the default.
    pub capacity_overrides: Vec<(EmployeeId, Option<u8>)>,
}

/// A pair in a what-if diff.
#[derive(Debug, Clone, PartialEq)]
pub struct DiffPair {
    pub mentee: PersonSummary,
    pub mentor: PersonSummary,
    pub score: f64,
}

/// The what-if answer: how the proposal would change. Nothing is written.
#[derive(Debug, Clone, PartialEq)]
pub struct WhatIf {
    /// Pairs the new settings would propose that the current proposal lacks.
    pub added: Vec<DiffPair>,
    /// Pairs of the current proposal the new settings would drop (scores as stored).
    pub removed: Vec<DiffPair>,
    /// Current proposal's total (stored scores) and the new total (new weights).
    pub total_before: f64,
    pub total_after: f64,
    pub matched_before: u32,
    pub matched_after: u32,
    pub elapsed_micros: u64,
}
