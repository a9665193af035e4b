//! Pair scoring and hard constraints.
//!
//! A pair's score is a weighted sum of five parts, each in 0..=[`PART_SCALE`] (fixed point, so the
//! solver compares integers and its optimality proof is exact):
//! - skill fit: share of the mentee's goal gaps the mentor's levels cover
//!   (per goal `min(max(mentor − mentee level, 0), target − level)`, summed, over the summed gaps);
//! - shared interests: `min(shared, 3) / 3`;
//! - availability: `min(overlap minutes, Settings::availability_full_minutes) / that`;
//! - adoption fit: the rule table in [`adoption_fit`];
//! - comfort: half for the same site, half for sharing a second language.
//!
//! Files: this one holds the rules (parts, constraints, the adoption table, weights);
//! `scorer.rs` the [`Scorer`], which precomputes weighted lookup tables and packed mentor data
//! so one pair costs a few table reads and popcounts, and explains a pair; `block.rs` scores a
//! mentee against a whole block of mentors at once, from mentor bitsets stored transposed.
//!
//! To add a part: extend [`Parts`] and [`Weights`](super::Weights) (both in `domain::matching`),
//! the tables in `scorer.rs`, the block scorer and [`Scorer::explain`]. To add a hard constraint:
//! a [`Constraint`] variant, checked in `Scorer::blocked_at`, `Scorer::all_blocks` and the block
//! scorer, in the order the variants are declared.

mod block;
mod scorer;

use serde::Serialize;

use super::features::Person;
use super::Settings;
use crate::domain::{AdoptionProfile, EmployeeId};

pub use crate::domain::matching::Parts;
pub use block::BlockScores;
pub use scorer::{Row, Scorer};

/// Parts are fixed point: 10,000 = 1.0.
pub const PART_SCALE: u64 = 10_000;
/// Weights are fixed point: 1,000 = 1.0.
pub const WEIGHT_SCALE: f64 = 1_000.0;
/// Shared interests that earn the full interest part.
pub const FULL_SHARED_INTERESTS: u32 = 3;

/// Why a pair may not be proposed. Declared in the order they are checked; the first that applies
/// is the one reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Constraint {
    /// Mentee and mentor are the same employee.
    SamePerson,
    /// HR excluded this pair.
    Excluded,
    /// One is the other's manager at some depth.
    ReportingChain,
    /// Same direct manager.
    SameTeam,
    /// No language in common.
    NoSharedLanguage,
    /// The mentor's grade is not below the mentee's.
    MentorNotJunior,
    /// The program requires different departments.
    SameDepartment,
}

/// A goal topic and how much of its gap the mentor covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CoveredTopic {
    /// Topic index in the vocabulary.
    pub topic: u16,
    pub mentee_level: u8,
    pub mentee_target: u8,
    pub mentor_level: u8,
    /// Levels of the gap covered, 1..=target−level.
    pub covered: u8,
}

/// Everything needed to explain a pair in a sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    pub mentee: EmployeeId,
    pub mentor: EmployeeId,
    /// Weighted score in 0..1 (1 = every part full).
    pub score: f64,
    /// The exact integer score the solver maximises.
    pub points: u64,
    pub parts: Parts,
    /// Covered goal topics, best covered first (ties by topic index).
    pub covered_topics: Vec<CoveredTopic>,
    /// Interest indices both share.
    pub shared_interests: Vec<usize>,
    pub overlap_minutes: u32,
    pub same_site: bool,
    /// Language indices both speak.
    pub shared_languages: Vec<usize>,
    /// The adoption rule that was applied.
    pub adoption_rule: &'static str,
    /// The first hard constraint that removes the pair, if any.
    pub blocked_by: Option<Constraint>,
}

/// Mentor traits used by the adoption rule table, each in 0..=PART_SCALE.
fn mentor_traits(m: &Person) -> (u64, u64, u64) {
    // Experienced: two years in the company is full marks; unknown tenure counts as half.
    let experience = match m.tenure_months {
        Some(t) => u64::from(t.min(24)) * PART_SCALE / 24,
        None => PART_SCALE / 2,
    };
    // Expertise: number of topics at practitioner level or better, 5 is full marks.
    let strong = m.levels.iter().filter(|&&l| l >= 3).count() as u64;
    let expertise = strong.min(5) * PART_SCALE / 5;
    // Flexible: six free hours a week is full marks.
    let availability = u64::from(m.availability.minutes().min(360)) * PART_SCALE / 360;
    (experience, expertise, availability)
}

/// The adoption rule table: which mentor trait suits a mentee's profile.
/// Returns the part in 0..=PART_SCALE and the rule's name.
pub fn adoption_fit(profile: Option<AdoptionProfile>, mentor: &Person) -> (u64, &'static str) {
    let (experience, expertise, availability) = mentor_traits(mentor);
    match profile {
        // Afraid of posting wrong: a patient, experienced colleague who masters the topics.
        Some(AdoptionProfile::Anxious) => (
            (experience + expertise) / 2,
            "anxious mentee: experienced, expert mentor",
        ),
        // No time: a mentor with much availability to fit short sessions in.
        Some(AdoptionProfile::Overwhelmed) => (
            availability,
            "overwhelmed mentee: flexible, available mentor",
        ),
        // Reluctant: a seasoned colleague earns trust first.
        Some(AdoptionProfile::Categorical | AdoptionProfile::Allergic) => {
            (experience, "reluctant mentee: experienced mentor")
        }
        // Ready to go further: a mentor with broad expertise.
        Some(AdoptionProfile::Curious | AdoptionProfile::Enthusiast) => {
            (expertise, "keen mentee: expert mentor")
        }
        Some(AdoptionProfile::GoodStudent) | None => (PART_SCALE / 2, "no preference"),
    }
}

fn profile_slot(p: Option<AdoptionProfile>) -> usize {
    match p {
        None => 0,
        Some(p) => {
            1 + AdoptionProfile::ALL
                .iter()
                .position(|x| *x == p)
                .unwrap_or(0)
        }
    }
}

/// Integer weights (fixed point, [`WEIGHT_SCALE`] = 1.0), clamped to 0..=100.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IntWeights {
    pub skill: u64,
    pub interests: u64,
    pub availability: u64,
    pub adoption: u64,
    pub comfort: u64,
}

impl IntWeights {
    pub fn from_settings(s: &Settings) -> Self {
        let w = |x: f64| {
            if x.is_finite() {
                (x.clamp(0.0, 100.0) * WEIGHT_SCALE).round() as u64
            } else {
                0
            }
        };
        Self {
            skill: w(s.weights.skill),
            interests: w(s.weights.interests),
            availability: w(s.weights.availability),
            adoption: w(s.weights.adoption),
            comfort: w(s.weights.comfort),
        }
    }

    /// Points of a pair whose parts are all full.
    pub fn max_points(&self) -> u64 {
        (self.skill + self.interests + self.availability + self.adoption + self.comfort)
            * PART_SCALE
    }
}

#[inline]
fn comfort_part(mentee: &Person, mentor: &Person) -> u64 {
    let site = if mentee.site == mentor.site {
        PART_SCALE / 2
    } else {
        0
    };
    let second_language = if (mentee.languages & mentor.languages).count_ones() >= 2 {
        PART_SCALE / 2
    } else {
        0
    };
    site + second_language
}
