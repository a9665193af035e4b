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
//! [`Scorer`] precomputes weighted lookup tables so the hot loop is a few popcounts and adds.
//! To add a part: extend [`Parts`], [`Weights`](super::Weights), the tables here and
//! [`Scorer::explain`]. To add a hard constraint: a [`Constraint`] variant, checked in
//! [`Scorer::blocked`] in the order the variants are declared.

use serde::Serialize;

use super::features::{Person, BUCKET_MINUTES};
use super::Settings;
use crate::domain::{AdoptionProfile, EmployeeId};

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

/// The five score parts of a pair, each in 0..1.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Parts {
    pub skill: f64,
    pub interests: f64,
    pub availability: f64,
    pub adoption: f64,
    pub comfort: f64,
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

/// Precomputed, weighted lookup tables for one settings value.
pub struct Scorer<'a> {
    pub weights: IntWeights,
    settings: &'a Settings,
    full_buckets: u32,
    interest_points: [u64; 8],
    availability_points: Vec<u64>,
    /// Per mentor, weighted adoption points per mentee profile slot.
    adoption_points: Vec<[u64; 8]>,
}

impl<'a> Scorer<'a> {
    pub fn new(settings: &'a Settings, mentors: &[Person]) -> Self {
        let weights = IntWeights::from_settings(settings);
        let full_buckets = (settings.availability_full_minutes / BUCKET_MINUTES).max(1);
        let mut interest_points = [0u64; 8];
        for (c, slot) in interest_points.iter_mut().enumerate() {
            let c = (c as u64).min(u64::from(FULL_SHARED_INTERESTS));
            *slot = weights.interests * (c * PART_SCALE / u64::from(FULL_SHARED_INTERESTS));
        }
        let availability_points = (0..=(7 * 24 * 60 / BUCKET_MINUTES))
            .map(|b| weights.availability * Self::availability_part(b, full_buckets))
            .collect();
        let adoption_points = mentors
            .iter()
            .map(|m| {
                let mut row = [0u64; 8];
                row[0] = weights.adoption * adoption_fit(None, m).0;
                for p in AdoptionProfile::ALL {
                    row[profile_slot(Some(p))] = weights.adoption * adoption_fit(Some(p), m).0;
                }
                row
            })
            .collect();
        Self {
            weights,
            settings,
            full_buckets,
            interest_points,
            availability_points,
            adoption_points,
        }
    }

    fn availability_part(buckets: u32, full: u32) -> u64 {
        u64::from(buckets.min(full)) * PART_SCALE / u64::from(full)
    }

    /// The skill part's numerator and denominator (covered levels, total gap).
    #[inline]
    fn skill_cover(mentee: &Person, mentor: &Person) -> (u64, u64) {
        let mut covered = 0u64;
        let mut gap = 0u64;
        for g in &mentee.goals {
            let need = u64::from(g.target.saturating_sub(g.level));
            let have = u64::from(mentor.level(g.topic).saturating_sub(g.level));
            covered += have.min(need);
            gap += need;
        }
        (covered, gap)
    }

    /// Exact integer score of an allowed pair; `j` is the mentor's index in the `mentors` slice
    /// the scorer was built with.
    #[inline]
    pub fn points(&self, mentee: &Person, mentor: &Person, j: usize) -> u64 {
        let (covered, gap) = Self::skill_cover(mentee, mentor);
        let skill = if gap == 0 {
            0
        } else {
            self.weights.skill * (covered * PART_SCALE / gap)
        };
        let shared = mentee.interests.shared_count(&mentor.interests).min(7) as usize;
        let overlap = mentee.availability.overlap_buckets(&mentor.availability) as usize;
        let adoption = self.adoption_points[j][profile_slot(mentee.profile)];
        skill
            + self.interest_points[shared]
            + self.availability_points[overlap]
            + adoption
            + self.weights.comfort * comfort_part(mentee, mentor)
    }

    /// The first hard constraint that removes the pair (HR exclusions are checked by the caller,
    /// which holds them in a faster form; pass `excluded` accordingly).
    #[inline]
    pub fn blocked(&self, mentee: &Person, mentor: &Person, excluded: bool) -> Option<Constraint> {
        if mentee.id == mentor.id {
            Some(Constraint::SamePerson)
        } else if excluded {
            Some(Constraint::Excluded)
        } else if mentee.org.is_ancestor_of(mentor.org) || mentor.org.is_ancestor_of(mentee.org) {
            Some(Constraint::ReportingChain)
        } else if mentee.manager.is_some() && mentee.manager == mentor.manager {
            Some(Constraint::SameTeam)
        } else if mentee.languages & mentor.languages == 0 {
            Some(Constraint::NoSharedLanguage)
        } else if mentor.grade >= mentee.grade {
            Some(Constraint::MentorNotJunior)
        } else if self.settings.require_different_department
            && mentee.department == mentor.department
        {
            Some(Constraint::SameDepartment)
        } else {
            None
        }
    }

    /// Every hard constraint the pair breaks, in declaration order.
    pub fn all_blocks(&self, mentee: &Person, mentor: &Person, excluded: bool) -> Vec<Constraint> {
        let s = self.settings;
        let mut out = Vec::new();
        if mentee.id == mentor.id {
            out.push(Constraint::SamePerson);
        }
        if excluded {
            out.push(Constraint::Excluded);
        }
        if mentee.org.is_ancestor_of(mentor.org) || mentor.org.is_ancestor_of(mentee.org) {
            out.push(Constraint::ReportingChain);
        }
        if mentee.manager.is_some() && mentee.manager == mentor.manager {
            out.push(Constraint::SameTeam);
        }
        if mentee.languages & mentor.languages == 0 {
            out.push(Constraint::NoSharedLanguage);
        }
        if mentor.grade >= mentee.grade {
            out.push(Constraint::MentorNotJunior);
        }
        if s.require_different_department && mentee.department == mentor.department {
            out.push(Constraint::SameDepartment);
        }
        out
    }

    /// Score 0..1 from points.
    pub fn normalised(&self, points: u64) -> f64 {
        let max = self.weights.max_points();
        if max == 0 {
            0.0
        } else {
            points as f64 / max as f64
        }
    }

    /// The pair's parts and the data to explain it; `j` as in [`Scorer::points`].
    pub fn explain(
        &self,
        mentee: &Person,
        mentor: &Person,
        j: usize,
        excluded: bool,
    ) -> Explanation {
        let to_f = |x: u64| x as f64 / PART_SCALE as f64;
        let (covered, gap) = Self::skill_cover(mentee, mentor);
        let skill = if gap == 0 {
            0
        } else {
            covered * PART_SCALE / gap
        };
        let shared = mentee.interests.shared(&mentor.interests);
        let buckets = mentee.availability.overlap_buckets(&mentor.availability);
        let (adoption, rule) = adoption_fit(mentee.profile, mentor);
        let comfort = comfort_part(mentee, mentor);
        let mut covered_topics: Vec<CoveredTopic> = mentee
            .goals
            .iter()
            .filter_map(|g| {
                let m = mentor.level(g.topic);
                let c = m
                    .saturating_sub(g.level)
                    .min(g.target.saturating_sub(g.level));
                (c > 0).then_some(CoveredTopic {
                    topic: g.topic,
                    mentee_level: g.level,
                    mentee_target: g.target,
                    mentor_level: m,
                    covered: c,
                })
            })
            .collect();
        covered_topics.sort_by(|a, b| {
            let ra =
                u32::from(a.covered) * u32::from(b.mentee_target.saturating_sub(b.mentee_level));
            let rb =
                u32::from(b.covered) * u32::from(a.mentee_target.saturating_sub(a.mentee_level));
            rb.cmp(&ra)
                .then(b.mentor_level.cmp(&a.mentor_level))
                .then(a.topic.cmp(&b.topic))
        });
        let langs = mentee.languages & mentor.languages;
        let points = self.points(mentee, mentor, j);
        Explanation {
            mentee: mentee.id,
            mentor: mentor.id,
            score: self.normalised(points),
            points,
            parts: Parts {
                skill: to_f(skill),
                interests: to_f(
                    u64::from((shared.len() as u32).min(FULL_SHARED_INTERESTS)) * PART_SCALE
                        / u64::from(FULL_SHARED_INTERESTS),
                ),
                availability: to_f(Self::availability_part(buckets, self.full_buckets)),
                adoption: to_f(adoption),
                comfort: to_f(comfort),
            },
            covered_topics,
            shared_interests: shared,
            overlap_minutes: buckets * BUCKET_MINUTES,
            same_site: mentee.site == mentor.site,
            shared_languages: (0..64).filter(|b| langs >> b & 1 == 1).collect(),
            adoption_rule: rule,
            blocked_by: self.blocked(mentee, mentor, excluded),
        }
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
