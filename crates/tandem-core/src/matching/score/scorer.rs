//! The [`Scorer`]: one settings value's weighted lookup tables and the mentors' data packed for
//! the hot loops, the per-pair scoring methods the engine and explanations share, and the
//! explanation of a pair.
//!
//! How to change it: the per-pair methods (`cheap_at`, `exact_tail_at`, `blocked_at`) are the
//! reference; the block scorer (`block.rs`) must give the same values, which its test checks.
//! `optimistic_tail_at` must never be below `exact_tail_at`.

use std::collections::HashMap;

use super::block::Planes;
use super::{
    adoption_fit, comfort_part, profile_slot, Constraint, CoveredTopic, Explanation, IntWeights,
    Parts, FULL_SHARED_INTERESTS, PART_SCALE,
};
use crate::domain::{AdoptionProfile, EmployeeId};
use crate::matching::features::{InterestSet, Person, WeekMask, BUCKET_MINUTES, WEEK_MINUTES};
use crate::matching::Settings;

pub(super) const NO_MANAGER: u32 = u32::MAX;
/// A mentee's manager who manages no mentor: equal to no mentor's manager.
const OTHER_MANAGER: u32 = u32::MAX - 1;

/// What the hot loop reads of a mentor, packed together.
#[derive(Debug, Clone, Copy)]
pub(super) struct MentorHot {
    pub enter: u32,
    pub exit: u32,
    pub manager: u32,
    pub department: u32,
    pub site: u32,
    pub grade: u8,
    interest_count: u8,
    avail_buckets: u16,
    /// Bit `w` set when word `w` of the availability bitmap is not empty (likewise interests):
    /// the exact overlap only visits words both have, which saves most popcounts.
    avail_words: u16,
    interest_words: u8,
    pub languages: u64,
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

/// Indices of the set bits, ascending.
fn set_bits(words: &[u64]) -> Vec<u16> {
    let mut out = Vec::new();
    for (w, &word) in words.iter().enumerate() {
        let mut bits = word;
        while bits != 0 {
            out.push((w * 64) as u16 + bits.trailing_zeros() as u16);
            bits &= bits - 1;
        }
    }
    out
}

fn nonzero_words(words: &[u64]) -> u16 {
    words
        .iter()
        .enumerate()
        .filter(|(_, w)| **w != 0)
        .fold(0, |acc, (i, _)| acc | 1 << i)
}

/// A mentee prepared for scoring against every mentor of a [`Scorer`].
pub struct Row<'p> {
    pub(super) person: &'p Person,
    pub(super) manager: u32,
    pub(super) profile: usize,
    /// The mentor index of this same person, if they are also a mentor.
    pub(super) same_as: usize,
    /// The mentee's interest tags and free quarter-hours, for the block scorer.
    pub(super) tags: Vec<u16>,
    pub(super) buckets: Vec<u16>,
    interest_count: u8,
    avail_buckets: u16,
    avail_words: u16,
    interest_words: u8,
    days: u64,
    /// Weighted skill points by covered levels (index 0..=total gap): no division per pair.
    pub(super) skill_points: Vec<u64>,
}

/// Precomputed, weighted lookup tables and packed mentor data for one settings value.
///
/// The engine scores through [`Scorer::row`] and the `*_at` methods (mentor by index);
/// [`Scorer::explain`] uses the same methods, so explanations and the solver always agree.
pub struct Scorer<'a> {
    pub weights: IntWeights,
    pub(super) settings: &'a Settings,
    pub(super) full_buckets: u32,
    pub(super) interest_points: [u64; 8],
    /// Weighted availability points by overlapping quarter-hours (index 0..=a week).
    pub(super) availability_points: Vec<u64>,
    /// Weighted adoption points, indexed `[profile slot][mentor]`.
    pub(super) adoption_points: Vec<Vec<u64>>,
    mentor_index: HashMap<EmployeeId, usize>,
    pub(super) hot: Vec<MentorHot>,
    /// Mentor levels, `stride` per mentor.
    levels: Vec<u8>,
    pub(super) stride: usize,
    /// The same levels topic-major (`[topic][mentor]`), for the block scorer.
    pub(super) levels_by_topic: Vec<u8>,
    interests: Vec<InterestSet>,
    availability: Vec<WeekMask>,
    /// The mentors' interests and availability transposed, for the block scorer.
    pub(super) planes: Planes,
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
        let hot: Vec<MentorHot> = mentors
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
            planes: Planes::new(mentors, &hot),
            hot,
            levels,
            stride,
            levels_by_topic,
            interests: mentors.iter().map(|m| m.interests).collect(),
            availability: mentors.iter().map(|m| m.availability).collect(),
            managers,
        }
    }

    pub(super) fn availability_part(buckets: u32, full: u32) -> u64 {
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
            tags: set_bits(&mentee.interests.0),
            buckets: set_bits(&mentee.availability.0),
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
