//! The matching engine: scores mentee × mentor pairs, removes pairs a hard constraint forbids, and
//! finds the assignment with the maximum total score under mentor capacities. Pure: no database.
//!
//! Entry points:
//! - [`solve`]: the whole-cohort optimum for [`features::Person`]s and [`Settings`], with each
//!   pair's score parts, unmatched mentees and why, the best alternatives, and solver statistics.
//! - [`explain_pair`] scores one pair with its parts and explanation data; [`why_excluded`] lists
//!   the hard constraints that remove a pair.
//! - [`solve_scores`]: the same optimiser on an explicit score list, to test it in isolation.
//!
//! How it stays exact at 10⁴ × 10⁴ (see `engine.rs`): one exact scan of every pair keeps each
//! mentee's and each mentor's best partners; the best `candidates_per_person` of them form a
//! sparse graph, solved exactly as a b-matching (`solver/`); a pricing pass then checks every
//! other pair against the dual certificate (the rest of the lists by their stored score, the
//! others through the bound the lists give), adds violators and continues the solver from its
//! previous optimum until none is left. Scores are integers ("points"), so the check is exact.
//!
//! Among assignments with the same total score the engine prefers the one matching the most
//! mentees (each matched pair is worth `points × (mentees + 1) + 1` inside the solver), so a
//! mentee left unmatched with an allowed mentor is one whose allowed mentors are all full.
//!
//! How to change it: scoring rules live in `score/` (the rules in `mod.rs`, the per-pair and
//! block scorers beside them), features in `features.rs`, the solver in `solver/`, the loop in
//! `engine.rs` with the scan (`scan.rs`), pricing (`pricing.rs`) and the result (`report.rs`).
//! Types here are the public contract; [`Weights`] and [`Parts`], which programs store, are
//! defined in [`crate::domain::matching`] and re-exported here.

mod engine;
pub mod features;
mod pricing;
mod report;
mod scan;
pub mod score;
pub mod solver;
pub mod synthetic;

use std::collections::{HashMap, HashSet};

use serde::Serialize;

pub use features::{FeatureBuilder, OrgChart, Person, Vocabulary};
pub use score::{Constraint, CoveredTopic, Explanation, Parts};

pub use crate::domain::matching::Weights;

use crate::domain::EmployeeId;
use crate::{CoreError, CoreResult};

/// The largest capacity a mentor can be given.
pub const MAX_CAPACITY: u8 = 3;

/// Matching settings of a program.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub weights: Weights,
    /// Mentees per mentor unless overridden, 1..=[`MAX_CAPACITY`].
    pub default_capacity: u8,
    /// Per-mentor capacity, 0..=[`MAX_CAPACITY`].
    pub capacity_overrides: HashMap<EmployeeId, u8>,
    pub require_different_department: bool,
    /// `(mentee, mentor)` pairs HR excluded.
    pub excluded_pairs: HashSet<(EmployeeId, EmployeeId)>,
    /// `(mentee, mentor)` pairs HR locked: kept as they are and consuming capacity.
    pub locked_pairs: Vec<(EmployeeId, EmployeeId)>,
    /// Overlap that earns the full availability part.
    pub availability_full_minutes: u32,
    /// Size of each side's candidate list in the sparse graph (at least 4). Larger lists mean
    /// fewer pricing rounds but a bigger graph; the result is the same optimum either way.
    pub candidates_per_person: usize,
    /// Worker threads for scoring; 0 = all cores.
    pub threads: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            weights: Weights::default(),
            default_capacity: 1,
            capacity_overrides: HashMap::new(),
            require_different_department: false,
            excluded_pairs: HashSet::new(),
            locked_pairs: Vec::new(),
            availability_full_minutes: 180,
            candidates_per_person: 8,
            threads: 0,
        }
    }
}

/// A proposed (or locked) pair.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    pub mentee: EmployeeId,
    pub mentor: EmployeeId,
    /// 0..1.
    pub score: f64,
    /// The exact integer score.
    pub points: u64,
    pub explanation: Explanation,
    pub locked: bool,
}

/// Why a mentee got no mentor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnmatchedReason {
    /// Every mentor is removed by a hard constraint.
    NoAllowedMentor,
    /// Some mentors are allowed, but all of them are full in the optimum.
    AllowedMentorsFull,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Unmatched {
    pub mentee: EmployeeId,
    pub reason: UnmatchedReason,
}

/// An allowed mentor other than the one proposed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Alternative {
    pub mentor: EmployeeId,
    pub score: f64,
    pub points: u64,
    /// The mentor has no capacity left in this result.
    pub full: bool,
}

/// A well-scoring mentor a hard constraint removed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RemovedCandidate {
    pub mentor: EmployeeId,
    pub score: f64,
    pub points: u64,
    pub constraint: Constraint,
}

/// The next best choices for one mentee.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alternatives {
    pub mentee: EmployeeId,
    /// Up to 3 allowed mentors other than the proposed one, best first (ties by mentor id).
    pub best: Vec<Alternative>,
    /// Up to 3 best-scoring mentors removed by a constraint, best first.
    pub removed: Vec<RemovedCandidate>,
}

/// What the solver did, for benchmarks and diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct SolverStats {
    /// Edges of the final sparse graph.
    pub candidate_edges: usize,
    /// Solves run (1 = the first candidate graph was already optimal).
    pub pricing_rounds: usize,
    /// Pairs that beat the duals, over all pricing rounds (each was added to the graph).
    pub pricing_violations: usize,
    /// Mentees placed again after a pricing round (the warm restart keeps everyone else).
    pub replaced_mentees: usize,
    /// Pairs outside the scan's lists scored during pricing (the rest were ruled out by bounds).
    pub pricing_scored: usize,
    /// Pairs the full scan scored (all of them, exactly, a block of mentors at a time).
    pub scan_scored: usize,
    /// Wall time of the full scan, the solves and the pricing passes, in microseconds.
    pub scan_micros: u64,
    pub solve_micros: u64,
    pub pricing_micros: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatchResult {
    /// Sorted by mentee id.
    pub pairs: Vec<Pair>,
    /// Sorted by mentee id.
    pub unmatched: Vec<Unmatched>,
    /// One entry per mentee, sorted by mentee id.
    pub alternatives: Vec<Alternatives>,
    /// Sum of pair scores (0..1 each).
    pub total_score: f64,
    /// Sum of pair points: the maximised quantity.
    pub total_points: u64,
    pub stats: SolverStats,
}

/// The maximum-total-score assignment of `mentees` to `mentors` under `settings`.
///
/// Fails with a validation error on duplicate ids, out-of-range capacities, or locks naming an
/// unknown person or locking one mentee twice.
pub fn solve(
    mentees: &[Person],
    mentors: &[Person],
    settings: &Settings,
) -> CoreResult<MatchResult> {
    engine::run(mentees, mentors, settings)
}

/// One pair's score, parts, explanation data and (if any) the first constraint that removes it.
pub fn explain_pair(mentee: &Person, mentor: &Person, settings: &Settings) -> Explanation {
    let scorer = score::Scorer::new(settings, std::slice::from_ref(mentor));
    let excluded = settings.excluded_pairs.contains(&(mentee.id, mentor.id));
    scorer.explain(mentee, mentor, 0, excluded)
}

/// Every hard constraint that removes the pair, in check order; empty if the pair is allowed.
/// (Capacity is not a property of a pair: see [`UnmatchedReason`].)
pub fn why_excluded(mentee: &Person, mentor: &Person, settings: &Settings) -> Vec<Constraint> {
    let scorer = score::Scorer::new(settings, &[]);
    let excluded = settings.excluded_pairs.contains(&(mentee.id, mentor.id));
    scorer.all_blocks(mentee, mentor, excluded)
}

/// The optimum of an explicit problem, by index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreSolution {
    pub mentor_of: Vec<Option<u32>>,
    /// Sum of the scores of the chosen edges.
    pub total: u64,
}

/// Largest score [`solve_scores`] accepts.
pub const MAX_EDGE_SCORE: u64 = 1 << 40;

/// Maximum-total-score assignment on explicit `(mentee, mentor, score)` edges, each mentee at most
/// once, mentor `j` at most `capacities[j]` times; pairs not listed are forbidden. Scores of 0 are
/// allowed (they only add matches). Among optima, the one with most matches is returned.
pub fn solve_scores(
    n_mentees: usize,
    capacities: &[u32],
    edges: &[(u32, u32, u64)],
) -> CoreResult<ScoreSolution> {
    let scale = n_mentees as i64 + 1;
    let mut internal = Vec::with_capacity(edges.len());
    for &(i, j, s) in edges {
        if i as usize >= n_mentees || j as usize >= capacities.len() {
            return Err(CoreError::invalid(
                "edges",
                "edge_out_of_range",
                format!("edge ({i}, {j}) names a person outside the problem"),
            ));
        }
        // Keep every sum the solver forms (up to all mentees' weights) inside an i64.
        let bound = i128::from(s) * i128::from(scale) * i128::from(scale) * 4;
        if s > MAX_EDGE_SCORE || bound > i128::from(i64::MAX) {
            return Err(CoreError::invalid(
                "edges",
                "score_too_large",
                format!("score {s} is too large for an exact solve"),
            ));
        }
        internal.push((i, j, s as i64 * scale + 1));
    }
    let graph = solver::Graph::from_edges(n_mentees, internal);
    let sol = solver::solve(&graph, capacities);
    let total = sol.total / scale;
    Ok(ScoreSolution {
        mentor_of: sol.mentor_of,
        total: total as u64,
    })
}

/// Every pair's points as one dense matrix, for reference solvers and tests (O(mentees × mentors)
/// memory: not for production sizes). Rows and columns are in id order; blocked pairs and the rows
/// of locked mentees are `None`; capacities are what locks leave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DenseProblem {
    pub mentees: Vec<EmployeeId>,
    pub mentors: Vec<EmployeeId>,
    pub capacities: Vec<u32>,
    /// Row-major, `mentees.len() × mentors.len()`.
    pub points: Vec<Option<u64>>,
}

/// The dense form of the problem [`solve`] optimises; see [`DenseProblem`].
pub fn dense_problem(
    mentees: &[Person],
    mentors: &[Person],
    settings: &Settings,
) -> CoreResult<DenseProblem> {
    engine::dense(mentees, mentors, settings)
}
