//! Scores one mentee against a whole block of mentors at once: exact points and the constraint
//! mask for every pair, in tight loops without a branch per pair.
//!
//! The popcount parts (shared interests, overlapping quarter-hours) are computed from the
//! mentors' bitsets stored *transposed* ([`Planes`]): one bitset over mentors per interest tag
//! and per quarter-hour. For each tag the mentee has, the tag's plane is added into bit-sliced
//! counters (one bit plane per counter bit, 64 mentors per word), so a block of 512 mentors costs
//! a few word operations per tag or quarter-hour of the mentee instead of a popcount per pair.
//! Counters saturate where the part is full (3 shared interests, `full_buckets` quarter-hours),
//! so they need few bits. The result is the same as the per-pair methods, bit for bit.
//!
//! How to change it: keep every value equal to `Scorer::cheap_at` + `Scorer::exact_tail_at` and
//! every mask equal to `Scorer::blocked_at(.., false).is_some()`; the test below checks both.

use std::ops::Range;

use super::scorer::{MentorHot, Row, Scorer, NO_MANAGER};
use super::PART_SCALE;
use crate::matching::features::{Person, BUCKET_MINUTES, MAX_INTERESTS, WEEK_MINUTES};

/// Quarter-hours in a week.
const BUCKETS: usize = (WEEK_MINUTES / BUCKET_MINUTES) as usize;

/// The mentors' data laid out for the block scorer: interests and availability transposed (bit
/// `j % 64` of word `j / 64` of a tag's, or quarter-hour's, plane is set when mentor `j` has the
/// tag, or is free then), and the fields the constraints and the comfort part read, one array
/// each, so those tests run over contiguous memory.
pub(crate) struct Planes {
    /// Words per plane.
    words: usize,
    /// `MAX_INTERESTS` planes.
    interests: Vec<u64>,
    /// `BUCKETS` planes.
    availability: Vec<u64>,
    enter: Vec<u32>,
    exit: Vec<u32>,
    manager: Vec<u32>,
    department: Vec<u32>,
    site: Vec<u32>,
    grade: Vec<u8>,
    languages: Vec<u64>,
}

impl Planes {
    pub(super) fn new(mentors: &[Person], hot: &[MentorHot]) -> Self {
        let words = mentors.len().div_ceil(64);
        let mut interests = vec![0u64; MAX_INTERESTS * words];
        let mut availability = vec![0u64; BUCKETS * words];
        for (j, m) in mentors.iter().enumerate() {
            let bit = 1u64 << (j % 64);
            for (plane, bits) in [
                (&mut interests, &m.interests.0[..]),
                (&mut availability, &m.availability.0[..]),
            ] {
                for (w, &word) in bits.iter().enumerate() {
                    let mut rest = word;
                    while rest != 0 {
                        let t = w * 64 + rest.trailing_zeros() as usize;
                        plane[t * words + j / 64] |= bit;
                        rest &= rest - 1;
                    }
                }
            }
        }
        Self {
            words,
            interests,
            availability,
            enter: hot.iter().map(|h| h.enter).collect(),
            exit: hot.iter().map(|h| h.exit).collect(),
            manager: hot.iter().map(|h| h.manager).collect(),
            department: hot.iter().map(|h| h.department).collect(),
            site: hot.iter().map(|h| h.site).collect(),
            grade: hot.iter().map(|h| h.grade).collect(),
            languages: hot.iter().map(|h| h.languages).collect(),
        }
    }
}

/// Scratch space and results of [`Scorer::block`], reused across blocks.
#[derive(Debug, Default)]
pub struct BlockScores {
    covered: Vec<u16>,
    /// Bit-sliced counters: shared interests (2 planes) then overlapping quarter-hours.
    counters: Vec<u64>,
    /// The counters' values per mentor.
    shared: Vec<u8>,
    overlap: Vec<u16>,
    /// Exact points of each pair of the block, allowed or not.
    pub points: Vec<u64>,
    /// Whether a hard constraint other than an HR exclusion removes the pair.
    pub blocked: Vec<bool>,
}

/// Bits needed to count up to `n`.
fn bits_for(n: usize) -> usize {
    (usize::BITS - n.leading_zeros()) as usize
}

/// Byte `b` of a word with bit `k` of `b` moved to the lowest bit of byte `k`.
const SPREAD: [u64; 256] = {
    let mut table = [0u64; 256];
    let mut b = 0;
    while b < 256 {
        let mut k = 0;
        while k < 8 {
            if b >> k & 1 == 1 {
                table[b] |= 1 << (8 * k);
            }
            k += 1;
        }
        b += 1;
    }
    table
};

/// Adds `plane` (one bit per mentor) into the bit-sliced counters `counter[k * words + w]`,
/// `bits` planes deep; with `saturate`, a counter that has all its bits set stays there.
#[inline]
fn add_plane(counter: &mut [u64], words: usize, bits: usize, plane: &[u64], saturate: bool) {
    for (w, &p) in plane.iter().enumerate() {
        let mut carry = p;
        if saturate {
            let mut full = u64::MAX;
            for k in 0..bits {
                full &= counter[k * words + w];
            }
            carry &= !full;
        }
        // A ripple-carry add, the same few operations whatever the bits (no branch).
        for k in 0..bits {
            let c = &mut counter[k * words + w];
            let next = *c & carry;
            *c ^= carry;
            carry = next;
        }
    }
}

/// Writes each mentor's counter value (`bits` planes of `words` words) into `out`.
fn read_counters<
    T: Copy + From<u8> + std::ops::BitOr<Output = T> + std::ops::Shl<usize, Output = T>,
>(
    counter: &[u64],
    words: usize,
    bits: usize,
    out: &mut Vec<T>,
    len: usize,
) {
    // Every value is written below: resizing only (no clearing) spares a pass of zeros.
    out.resize(words * 64, T::from(0));
    if bits <= 8 {
        // Eight mentors at a time: each plane's byte spread over a word, one byte per mentor.
        for w in 0..words {
            for byte in 0..8 {
                let mut eight = 0u64;
                for k in 0..bits {
                    let b = (counter[k * words + w] >> (8 * byte)) & 0xFF;
                    eight |= SPREAD[b as usize] << k;
                }
                for (x, v) in eight.to_le_bytes().into_iter().enumerate() {
                    out[w * 64 + byte * 8 + x] = T::from(v);
                }
            }
        }
    } else {
        for (x, slot) in out.iter_mut().enumerate() {
            let (w, s) = (x / 64, x % 64);
            let mut value = T::from(0);
            for k in 0..bits {
                let bit = ((counter[k * words + w] >> s) & 1) as u8;
                value = value | (T::from(bit) << k);
            }
            *slot = value;
        }
    }
    out.truncate(len);
}

impl Scorer<'_> {
    /// For mentors `block` (its start a multiple of 64), fills `out.points` with each pair's
    /// exact points ([`Scorer::points_at`]) and `out.blocked` with whether a hard constraint
    /// other than an HR exclusion removes the pair.
    pub fn block(&self, row: &Row, block: Range<usize>, out: &mut BlockScores) {
        debug_assert!(
            block.start.is_multiple_of(64),
            "blocks start on a word of the planes"
        );
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

        // Shared interests (saturating at 3, where the part is full) and overlapping
        // quarter-hours (saturating at or above `full_buckets`; exact below the mentee's own
        // count when that is smaller), as bit-sliced counters.
        let planes = &self.planes;
        let words = len.div_ceil(64);
        let first = block.start / 64;
        let full = (self.full_buckets as usize).min(BUCKETS);
        let saturate = row.buckets.len() > full;
        let avail_bits = bits_for(row.buckets.len().min(full));
        out.counters.clear();
        out.counters.resize((2 + avail_bits) * words, 0);
        let (interest, avail) = out.counters.split_at_mut(2 * words);
        for &t in &row.tags {
            let at = usize::from(t) * planes.words + first;
            add_plane(interest, words, 2, &planes.interests[at..at + words], true);
        }
        for &b in &row.buckets {
            let at = usize::from(b) * planes.words + first;
            add_plane(
                avail,
                words,
                avail_bits,
                &planes.availability[at..at + words],
                saturate,
            );
        }
        read_counters(interest, words, 2, &mut out.shared, len);
        read_counters(avail, words, avail_bits, &mut out.overlap, len);

        let me = row.person;
        let b = block.clone();
        // The hard constraints: one simple pass per field over a contiguous array (`&` and `|`,
        // no branch), which the compiler turns into vector instructions.
        out.blocked.resize(len, false);
        let (me_enter, me_exit) = (me.org.enter, me.org.exit);
        for ((blocked, &enter), &exit) in out
            .blocked
            .iter_mut()
            .zip(&planes.enter[b.clone()])
            .zip(&planes.exit[b.clone()])
        {
            *blocked = ((me_enter <= enter) & (enter < me_exit))
                | ((enter <= me_enter) & (me_enter < exit));
        }
        for (blocked, &grade) in out.blocked.iter_mut().zip(&planes.grade[b.clone()]) {
            *blocked |= grade >= me.grade;
        }
        for (blocked, &languages) in out.blocked.iter_mut().zip(&planes.languages[b.clone()]) {
            *blocked |= me.languages & languages == 0;
        }
        if row.manager != NO_MANAGER {
            for (blocked, &manager) in out.blocked.iter_mut().zip(&planes.manager[b.clone()]) {
                *blocked |= manager == row.manager;
            }
        }
        if self.settings.require_different_department {
            for (blocked, &dept) in out.blocked.iter_mut().zip(&planes.department[b.clone()]) {
                *blocked |= dept == me.department;
            }
        }
        if b.contains(&row.same_as) {
            out.blocked[row.same_as - b.start] = true;
        }

        // The points: comfort in a vector-friendly pass, then table reads for skill, interests
        // and availability, plus adoption.
        let half = self.weights.comfort * (PART_SCALE / 2);
        out.points.resize(len, 0);
        for ((points, &site), &languages) in out
            .points
            .iter_mut()
            .zip(&planes.site[b.clone()])
            .zip(&planes.languages[b.clone()])
        {
            let shared = me.languages & languages;
            *points = half * u64::from(me.site == site)
                + half * u64::from(shared & shared.wrapping_sub(1) != 0);
        }
        let adoption = &self.adoption_points[row.profile][b.clone()];
        let skill_points = &row.skill_points[..];
        let last_skill = skill_points.len() - 1;
        let interest_points: [u64; 4] = [
            self.interest_points[0],
            self.interest_points[1],
            self.interest_points[2],
            self.interest_points[3],
        ];
        let availability_points = &self.availability_points[..=BUCKETS];
        let pairs = out
            .points
            .iter_mut()
            .zip(adoption)
            .zip(out.covered.iter().zip(out.shared.iter().zip(&out.overlap)));
        for ((points, &adoption), (&covered, (&shared, &overlap))) in pairs {
            *points += skill_points[usize::from(covered).min(last_skill)]
                + adoption
                + interest_points[usize::from(shared & 3)]
                + availability_points[usize::from(overlap).min(BUCKETS)];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::synthetic::{program, Spec};

    #[test]
    fn the_block_scorer_agrees_with_the_per_pair_methods() {
        let mut p = program(&Spec::new(40, 700, 3));
        // Someone free all week with many interests, and someone with no time and no interest:
        // counters that saturate, and counters that stay empty.
        let mut busy_free = p.mentees[0].clone();
        busy_free.availability.add_utc_range(0, WEEK_MINUTES);
        for tag in 0..40 {
            busy_free.interests.insert(tag * 5);
        }
        let mut empty = p.mentees[1].clone();
        empty.availability = Default::default();
        empty.interests = Default::default();
        p.mentees.extend([busy_free, empty]);
        p.mentors[3].availability.add_utc_range(0, WEEK_MINUTES);
        for (different, full_minutes) in [(false, 180), (true, 180), (false, 45), (false, 6000)] {
            let mut settings = p.settings.clone();
            settings.require_different_department = different;
            settings.availability_full_minutes = full_minutes;
            let scorer = Scorer::new(&settings, &p.mentors);
            let mut scores = BlockScores::default();
            for mentee in &p.mentees {
                let row = scorer.row(mentee);
                for start in [0, 512, 640] {
                    let block = start..(start + 512).min(p.mentors.len());
                    scorer.block(&row, block.clone(), &mut scores);
                    for j in block {
                        let x = j - start;
                        assert_eq!(scores.points[x], scorer.points_at(&row, j));
                        let cheap = scorer.cheap_at(&row, j);
                        assert!(cheap + scorer.optimistic_tail_at(&row, j) >= scores.points[x]);
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
