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

use std::collections::HashMap;

use super::features::{InterestSet, Person, WeekMask, BUCKET_MINUTES, WEEK_MINUTES};
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

const NO_MANAGER: u32 = u32::MAX;
/// A mentee's manager who manages no mentor: equal to no mentor's manager.
const OTHER_MANAGER: u32 = u32::MAX - 1;

/// What the hot loop reads of a mentor, packed together.
#[derive(Debug, Clone, Copy)]
struct MentorHot {
    enter: u32,
    exit: u32,
    manager: u32,
    department: u32,
    site: u32,
    grade: u8,
    interest_count: u8,
    avail_buckets: u16,
    /// Bit `w` set when word `w` of the availability bitmap is not empty (likewise interests):
    /// the exact overlap only visits words both have, which saves most popcounts.
    avail_words: u16,
    interest_words: u8,
    languages: u64,
    /// Free quarter-hours per UTC weekday, one byte each, capped (see [`day_counts`]).
    days: u64,
}

/// Cap of the per-day counts: small enough that seven of them fit a byte sum, and above the
/// 3-hour default of a full availability part (12 quarter-hours).
const DAY_CAP: u64 = 36;

/// Free quarter-hours per UTC weekday packed in bytes, each capped at [`DAY_CAP`].
fn day_counts(w: &WeekMask) -> u64 {
    let per_day = (WEEK_MINUTES / BUCKET_MINUTES / 7) as usize;
    let mut packed = 0u64;
    for day in 0..7 {
        let n = (day * per_day..(day + 1) * per_day)
            .filter(|&b| w.0[b / 64] >> (b % 64) & 1 == 1)
            .count() as u64;
        packed |= n.min(DAY_CAP) << (8 * day);
    }
    packed
}

/// Upper bound of the overlap of two schedules from their day counts: the sum over days of the
/// smaller count (per byte, without branches).
#[inline]
fn day_overlap_bound(a: u64, b: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let b_ge_a = ((b | HIGH) - a) & HIGH;
    let mask = (b_ge_a >> 7) * 0xFF;
    let min = (a & mask) | (b & !mask);
    min.wrapping_mul(0x0101_0101_0101_0101) >> 56
}

fn nonzero_words(words: &[u64]) -> u16 {
    words
        .iter()
        .enumerate()
        .filter(|(_, w)| **w != 0)
        .fold(0, |acc, (i, _)| acc | 1 << i)
}

/// Scratch space of [`Scorer::block`], reused across blocks.
#[derive(Debug, Default)]
pub struct BlockScores {
    covered: Vec<u16>,
    pub cheap: Vec<u64>,
    pub bound: Vec<u64>,
    pub blocked: Vec<bool>,
}

/// A mentee prepared for scoring against every mentor of a [`Scorer`].
pub struct Row<'p> {
    person: &'p Person,
    manager: u32,
    profile: usize,
    /// The mentor index of this same person, if they are also a mentor.
    same_as: usize,
    interest_count: u8,
    avail_buckets: u16,
    avail_words: u16,
    interest_words: u8,
    days: u64,
    /// Weighted skill points by covered levels (index 0..=total gap): no division per pair.
    skill_points: Vec<u64>,
}

/// Precomputed, weighted lookup tables and packed mentor data for one settings value.
///
/// The engine scores through [`Scorer::row`] and the `*_at` methods (mentor by index);
/// [`Scorer::explain`] uses the same methods, so explanations and the solver always agree.
pub struct Scorer<'a> {
    pub weights: IntWeights,
    settings: &'a Settings,
    full_buckets: u32,
    interest_points: [u64; 8],
    availability_points: Vec<u64>,
    /// Weighted adoption points, indexed `[profile slot][mentor]`.
    adoption_points: Vec<Vec<u64>>,
    mentor_index: HashMap<EmployeeId, usize>,
    hot: Vec<MentorHot>,
    /// Mentor levels, `stride` per mentor.
    levels: Vec<u8>,
    stride: usize,
    /// The same levels topic-major (`[topic][mentor]`), for the block scorer.
    levels_by_topic: Vec<u8>,
    interests: Vec<InterestSet>,
    availability: Vec<WeekMask>,
    managers: HashMap<EmployeeId, u32>,
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
        let availability_points = (0..=(WEEK_MINUTES / BUCKET_MINUTES))
            .map(|b| weights.availability * Self::availability_part(b, full_buckets))
            .collect();
        let profiles = std::iter::once(None).chain(AdoptionProfile::ALL.map(Some));
        let adoption_points = profiles
            .map(|p| {
                mentors
                    .iter()
                    .map(|m| weights.adoption * adoption_fit(p, m).0)
                    .collect()
            })
            .collect();
        let mut managers = HashMap::new();
        let hot = mentors
            .iter()
            .map(|m| {
                let manager = match m.manager {
                    Some(id) => {
                        let next = managers.len() as u32;
                        *managers.entry(id).or_insert(next)
                    }
                    None => NO_MANAGER,
                };
                MentorHot {
                    enter: m.org.enter,
                    exit: m.org.exit,
                    manager,
                    department: m.department,
                    site: m.site,
                    grade: m.grade,
                    interest_count: m.interests.count().min(7) as u8,
                    avail_buckets: m.availability.buckets() as u16,
                    avail_words: nonzero_words(&m.availability.0),
                    interest_words: nonzero_words(&m.interests.0) as u8,
                    languages: m.languages,
                    days: day_counts(&m.availability),
                }
            })
            .collect();
        let stride = mentors.iter().map(|m| m.levels.len()).max().unwrap_or(0);
        let mut levels = vec![0u8; stride * mentors.len()];
        let mut levels_by_topic = vec![0u8; stride * mentors.len()];
        for (j, m) in mentors.iter().enumerate() {
            levels[j * stride..j * stride + m.levels.len()].copy_from_slice(&m.levels);
            for (t, &l) in m.levels.iter().enumerate() {
                levels_by_topic[t * mentors.len() + j] = l;
            }
        }
        Self {
            weights,
            settings,
            full_buckets,
            interest_points,
            availability_points,
            adoption_points,
            mentor_index: mentors.iter().enumerate().map(|(j, m)| (m.id, j)).collect(),
            hot,
            levels,
            stride,
            levels_by_topic,
            interests: mentors.iter().map(|m| m.interests).collect(),
            availability: mentors.iter().map(|m| m.availability).collect(),
            managers,
        }
    }

    fn availability_part(buckets: u32, full: u32) -> u64 {
        u64::from(buckets.min(full)) * PART_SCALE / u64::from(full)
    }

    /// Prepares a mentee for scoring against this scorer's mentors.
    pub fn row<'p>(&self, mentee: &'p Person) -> Row<'p> {
        Row {
            person: mentee,
            manager: match mentee.manager {
                Some(id) => self.managers.get(&id).copied().unwrap_or(OTHER_MANAGER),
                None => NO_MANAGER,
            },
            profile: profile_slot(mentee.profile),
            same_as: self
                .mentor_index
                .get(&mentee.id)
                .copied()
                .unwrap_or(usize::MAX),
            interest_count: mentee.interests.count().min(7) as u8,
            avail_buckets: mentee.availability.buckets() as u16,
            avail_words: nonzero_words(&mentee.availability.0),
            interest_words: nonzero_words(&mentee.interests.0) as u8,
            days: day_counts(&mentee.availability),
            skill_points: {
                let gap: u64 = mentee
                    .goals
                    .iter()
                    .map(|g| u64::from(g.target.saturating_sub(g.level)))
                    .sum();
                if gap == 0 {
                    vec![0]
                } else {
                    (0..=gap)
                        .map(|c| self.weights.skill * (c * PART_SCALE / gap))
                        .collect()
                }
            },
        }
    }

    /// Covered goal levels of mentor `j` for this mentee.
    #[inline]
    fn covered_at(&self, row: &Row, j: usize) -> u64 {
        let levels = &self.levels[j * self.stride..(j + 1) * self.stride];
        let mut covered = 0u64;
        for g in &row.person.goals {
            let have = levels.get(usize::from(g.topic)).copied().unwrap_or(0);
            let need = g.target.saturating_sub(g.level);
            covered += u64::from(have.saturating_sub(g.level).min(need));
        }
        covered
    }

    /// The parts that cost no popcount: skill, adoption, comfort.
    #[inline]
    pub fn cheap_at(&self, row: &Row, j: usize) -> u64 {
        let h = &self.hot[j];
        let covered = self.covered_at(row, j) as usize;
        let skill = row.skill_points.get(covered).copied().unwrap_or(0);
        let mentee = row.person;
        let site = if mentee.site == h.site {
            PART_SCALE / 2
        } else {
            0
        };
        let shared = mentee.languages & h.languages;
        // At least two shared languages (cheaper than a popcount without hardware support).
        let language = if shared & shared.wrapping_sub(1) != 0 {
            PART_SCALE / 2
        } else {
            0
        };
        skill + self.adoption_points[row.profile][j] + self.weights.comfort * (site + language)
    }

    /// An upper bound of the interest and availability parts, from set sizes alone.
    #[inline]
    pub fn optimistic_tail_at(&self, row: &Row, j: usize) -> u64 {
        let h = &self.hot[j];
        let mut overlap = u64::from(row.avail_buckets.min(h.avail_buckets));
        // Capped day counts bound min(overlap, full) only while a full part fits under the cap.
        if u64::from(self.full_buckets) <= DAY_CAP {
            overlap = overlap.min(day_overlap_bound(row.days, h.days));
        }
        self.interest_points[usize::from(row.interest_count.min(h.interest_count))]
            + self.availability_points[overlap as usize]
    }

    /// The exact interest and availability parts.
    #[inline]
    pub fn exact_tail_at(&self, row: &Row, j: usize) -> u64 {
        let mentee = row.person;
        let h = &self.hot[j];
        let (mine, theirs) = (&mentee.interests.0, &self.interests[j].0);
        let mut shared = 0;
        let mut words = row.interest_words & h.interest_words;
        while words != 0 {
            let w = words.trailing_zeros() as usize;
            shared += (mine[w] & theirs[w]).count_ones();
            words &= words - 1;
        }
        let (mine, theirs) = (&mentee.availability.0, &self.availability[j].0);
        let mut overlap = 0;
        let mut words = row.avail_words & h.avail_words;
        while words != 0 {
            let w = words.trailing_zeros() as usize;
            overlap += (mine[w] & theirs[w]).count_ones();
            words &= words - 1;
        }
        self.interest_points[shared.min(7) as usize] + self.availability_points[overlap as usize]
    }

    /// Exact points of the pair (mentee, mentor `j`), whether or not it is allowed.
    #[inline]
    pub fn points_at(&self, row: &Row, j: usize) -> u64 {
        self.cheap_at(row, j) + self.exact_tail_at(row, j)
    }

    /// The first hard constraint that removes the pair (mentee, mentor `j`); `excluded` says
    /// whether HR excluded it (the caller holds exclusions in a faster form).
    #[inline]
    pub fn blocked_at(&self, row: &Row, j: usize, excluded: bool) -> Option<Constraint> {
        let h = &self.hot[j];
        let me = row.person;
        let related = (me.org.enter <= h.enter && h.enter < me.org.exit)
            || (h.enter <= me.org.enter && me.org.enter < h.exit);
        if j == row.same_as {
            Some(Constraint::SamePerson)
        } else if excluded {
            Some(Constraint::Excluded)
        } else if related {
            Some(Constraint::ReportingChain)
        } else if row.manager != NO_MANAGER && row.manager == h.manager {
            Some(Constraint::SameTeam)
        } else if me.languages & h.languages == 0 {
            Some(Constraint::NoSharedLanguage)
        } else if h.grade >= me.grade {
            Some(Constraint::MentorNotJunior)
        } else if self.settings.require_different_department && me.department == h.department {
            Some(Constraint::SameDepartment)
        } else {
            None
        }
    }

    /// For mentors `block`, fills `cheap` with [`Scorer::cheap_at`], `bound` with it plus
    /// [`Scorer::optimistic_tail_at`], and `blocked` with whether a hard constraint other than an
    /// HR exclusion removes the pair. Same values as the per-pair methods, computed in tight
    /// loops over a block so they vectorise and do not branch per pair.
    pub fn block(&self, row: &Row, block: std::ops::Range<usize>, out: &mut BlockScores) {
        let len = block.len();
        let m = self.hot.len();
        out.covered.clear();
        out.covered.resize(len, 0);
        for g in &row.person.goals {
            let t = usize::from(g.topic);
            if t >= self.stride {
                continue;
            }
            let levels = &self.levels_by_topic[t * m + block.start..t * m + block.end];
            let need = g.target.saturating_sub(g.level);
            for (c, &l) in out.covered.iter_mut().zip(levels) {
                *c += u16::from(l.saturating_sub(g.level).min(need));
            }
        }
        let me = row.person;
        let hot = &self.hot[block.clone()];
        let adoption = &self.adoption_points[row.profile][block.clone()];
        let last_skill = row.skill_points.len() - 1;
        let half = self.weights.comfort * (PART_SCALE / 2);
        let use_days = u64::from(self.full_buckets) <= DAY_CAP;
        out.cheap.clear();
        out.bound.clear();
        out.blocked.clear();
        for x in 0..len {
            let h = &hot[x];
            let shared = me.languages & h.languages;
            let comfort = half * u64::from(me.site == h.site)
                + half * u64::from(shared & shared.wrapping_sub(1) != 0);
            let skill = row.skill_points[usize::from(out.covered[x]).min(last_skill)];
            let cheap = skill + adoption[x] + comfort;
            let mut overlap = u64::from(row.avail_buckets.min(h.avail_buckets));
            if use_days {
                overlap = overlap.min(day_overlap_bound(row.days, h.days));
            }
            let bound = cheap
                + self.interest_points[usize::from(row.interest_count.min(h.interest_count))]
                + self.availability_points[overlap as usize];
            let related = (me.org.enter <= h.enter && h.enter < me.org.exit)
                | (h.enter <= me.org.enter && me.org.enter < h.exit);
            let blocked = related
                | (block.start + x == row.same_as)
                | (row.manager != NO_MANAGER && row.manager == h.manager)
                | (shared == 0)
                | (h.grade >= me.grade)
                | (self.settings.require_different_department && me.department == h.department);
            out.cheap.push(cheap);
            out.bound.push(bound);
            out.blocked.push(blocked);
        }
    }

    /// Exact points of `mentee` with mentor `j` of this scorer.
    pub fn points(&self, mentee: &Person, j: usize) -> u64 {
        self.points_at(&self.row(mentee), j)
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
        let (mut covered, mut gap) = (0u64, 0u64);
        for g in &mentee.goals {
            let need = g.target.saturating_sub(g.level);
            covered += u64::from(mentor.level(g.topic).saturating_sub(g.level).min(need));
            gap += u64::from(need);
        }
        let skill = (covered * PART_SCALE).checked_div(gap).unwrap_or(0);
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
        let points = self.points(mentee, j);
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
            blocked_by: self.all_blocks(mentee, mentor, excluded).first().copied(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::synthetic::{program, Spec};

    #[test]
    fn the_block_scorer_agrees_with_the_per_pair_methods() {
        let p = program(&Spec::new(40, 700, 3));
        for different in [false, true] {
            let mut settings = p.settings.clone();
            settings.require_different_department = different;
            let scorer = Scorer::new(&settings, &p.mentors);
            let mut scores = BlockScores::default();
            for mentee in &p.mentees {
                let row = scorer.row(mentee);
                for start in [0, 512] {
                    let block = start..(start + 512).min(p.mentors.len());
                    scorer.block(&row, block.clone(), &mut scores);
                    for j in block {
                        let x = j - start;
                        let cheap = scorer.cheap_at(&row, j);
                        assert_eq!(scores.cheap[x], cheap);
                        assert_eq!(scores.bound[x], cheap + scorer.optimistic_tail_at(&row, j));
                        assert!(scores.bound[x] >= scorer.points_at(&row, j));
                        assert_eq!(
                            scores.blocked[x],
                            scorer.blocked_at(&row, j, false).is_some()
                        );
                        let all = scorer.all_blocks(mentee, &p.mentors[j], false);
                        assert_eq!(all.first().copied(), scorer.blocked_at(&row, j, false));
                    }
                }
            }
        }
    }
}
