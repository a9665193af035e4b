//! The full scan: every mentee × mentor pair once, in parallel over mentees.
//!
//! For each mentee it keeps the best `depth` allowed mentors with their exact points, how many
//! mentors are allowed, and the best-scoring mentors a hard constraint removed; for each mentor,
//! the best `depth` free mentees. The engine builds the first candidate graph from the head of
//! those lists and keeps the whole lists as the pricing *reserve*: pairs whose exact score is
//! known, so pricing checks them without scoring them again, and every other pair scores at most
//! the last score of its row's and its column's list.
//!
//! The scan is tiled (a chunk of mentees against a block of mentors that stays in cache) and
//! scores each block exactly with the block scorer (`score/block.rs`), so only list updates
//! cost more than a few operations per pair. [`par_chunks`] is the small work-sharing helper
//! the pricing pass uses too.
//!
//! How to change it: keep the lists exact — a pair left out of both lists must score at most the
//! last entry of each, or pricing's proof breaks. Keep ties by index so results are
//! deterministic whatever the thread timing.

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::features::Person;
use super::score::{BlockScores, Constraint, Scorer};

/// Mentor index meaning "none".
pub(super) const NONE: u32 = u32::MAX;
/// Alternatives and removed candidates reported per mentee.
pub(super) const SHOWN: usize = 3;

/// Rows handed out per work item: small enough to balance two busy cores, large enough that a
/// block of mentors is reused by many rows while it sits in cache.
const CHUNK: usize = 32;
/// Mentors per cache block (their packed data stays in L2 while a chunk of rows is scored
/// against them).
pub(super) const MENTOR_BLOCK: usize = 512;

/// Each worker's `(first row, results)` chunks and final state.
type WorkerOutput<R, S> = (Vec<(usize, Vec<R>)>, S);

/// Runs `work(state, rows)` on chunks of rows on `threads` threads; returns the per-row results
/// in row order and every thread's final state.
pub(super) fn par_chunks<S: Send, R: Send>(
    rows: usize,
    threads: usize,
    init: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, Range<usize>) -> Vec<R> + Sync,
) -> (Vec<R>, Vec<S>) {
    let next = AtomicUsize::new(0);
    let threads = threads.clamp(1, rows.div_ceil(CHUNK).max(1));
    if threads == 1 {
        // No thread to start (on a busy machine a new thread can wait for a core).
        let mut state = init();
        let out = (0..rows)
            .step_by(CHUNK)
            .flat_map(|start| work(&mut state, start..(start + CHUNK).min(rows)))
            .collect();
        return (out, vec![state]);
    }
    let parts: Vec<WorkerOutput<R, S>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut state = init();
                    let mut out = Vec::new();
                    loop {
                        let start = next.fetch_add(CHUNK, Ordering::Relaxed);
                        if start >= rows {
                            break;
                        }
                        out.push((start, work(&mut state, start..(start + CHUNK).min(rows))));
                    }
                    (out, state)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    let mut chunks: Vec<(usize, Vec<R>)> = Vec::new();
    let mut states = Vec::with_capacity(parts.len());
    for (out, state) in parts {
        chunks.extend(out);
        states.push(state);
    }
    chunks.sort_unstable_by_key(|c| c.0);
    (chunks.into_iter().flat_map(|c| c.1).collect(), states)
}

/// What the scan keeps of one mentee's row.
pub(super) struct RowScan {
    /// Best allowed mentors, `(points, mentor)`, best first, ties by mentor index.
    pub top: Vec<(u64, u32)>,
    pub allowed: u32,
    /// Best-scoring mentors a hard constraint removed (not the mentee themself), best first.
    pub removed: Vec<(u64, u32, Constraint)>,
    /// Pairs scored (every pair of the row, exactly, a block of mentors at a time).
    pub scored: u32,
}

/// One mentor's best free mentees, `(points, mentee)`, best first, ties by mentee index.
pub(super) struct ColumnScan {
    pub top: Vec<(u64, u32)>,
    /// Free mentees allowed with this mentor.
    pub allowed: u32,
}

/// What the scan needs to know of the problem.
pub(super) struct ScanInput<'a> {
    pub mentees: &'a [&'a Person],
    pub scorer: &'a Scorer<'a>,
    /// Excluded mentor indices per mentee, sorted.
    pub excluded: &'a [Vec<u32>],
    /// Whether each mentee is placed by the solver (not locked).
    pub is_free: &'a [bool],
    /// Capacity each mentor has left after locks.
    pub remaining: &'a [u32],
    /// Length of every row and column list.
    pub depth: usize,
    pub threads: usize,
}

/// The best `depth` of a stream of unique keys, in a buffer of twice that: an offer is a push,
/// and when the buffer is full the best half is kept (a linear-time selection), so an offer
/// costs O(1) amortised and nothing moves on most offers.
struct Best {
    keys: Vec<u64>,
    depth: usize,
    /// The smallest key that may still enter.
    floor_key: u64,
}

impl Best {
    fn new(depth: usize) -> Self {
        Self {
            keys: Vec::with_capacity(2 * depth),
            depth,
            floor_key: 0,
        }
    }

    #[inline]
    fn offer(&mut self, key: u64) {
        if key < self.floor_key {
            return;
        }
        self.keys.push(key);
        if self.keys.len() == 2 * self.depth {
            self.floor_key = keep_best(&mut self.keys, self.depth) + 1;
        }
    }

    /// The kept keys, best first.
    fn into_sorted(mut self) -> Vec<u64> {
        self.keys.sort_unstable_by(|a, b| b.cmp(a));
        self.keys.truncate(self.depth);
        self.keys
    }
}

/// Keeps the `depth` largest of `keys` (at the front, unordered); returns the smallest kept.
fn keep_best(keys: &mut Vec<u64>, depth: usize) -> u64 {
    keys.select_nth_unstable_by(depth - 1, |a, b| b.cmp(a));
    keys.truncate(depth);
    keys.iter().copied().min().unwrap_or(0)
}

/// Per-thread best mentees of every mentor. Each column appends offers to its own buffer of
/// twice the list length and, when the buffer is full, keeps the best half: an offer costs one
/// write to the column's buffer (a heap per column would touch several cache lines per offer,
/// and columns do not stay in cache between rows).
///
/// An entry is one `u64` key, `points × (n + 1) + (n − mentee)`: more points rank first, then
/// the smaller mentee index, and keys are unique within a column.
struct ColumnTops {
    depth: usize,
    /// `n + 1`.
    key_scale: u64,
    len: Vec<u32>,
    /// The fewest points that may still enter each column (0 while nothing was dropped; never
    /// for a mentor with no capacity left): the scan's cheap first test.
    floor: Vec<u64>,
    /// The smallest key that may still enter each column.
    floor_key: Vec<u64>,
    /// Free mentees allowed with each mentor.
    allowed: Vec<u32>,
    /// `2 × depth` keys per column.
    keys: Vec<u64>,
}

impl ColumnTops {
    fn new(remaining: &[u32], depth: usize, n: usize) -> Self {
        let m = remaining.len();
        Self {
            depth,
            key_scale: n as u64 + 1,
            len: vec![0; m],
            floor: remaining
                .iter()
                .map(|&c| if c > 0 { 0 } else { u64::MAX })
                .collect(),
            floor_key: vec![0; m],
            allowed: vec![0; m],
            keys: vec![0; m * 2 * depth],
        }
    }

    fn key(&self, p: u64, i: u32) -> u64 {
        p * self.key_scale + (self.key_scale - 1 - u64::from(i))
    }

    /// Offers `(p, i)` to column `j`.
    #[inline]
    fn offer(&mut self, j: usize, p: u64, i: u32) {
        let key = self.key(p, i);
        if key < self.floor_key[j] {
            return;
        }
        let cap = 2 * self.depth;
        let base = j * cap;
        let len = self.len[j] as usize;
        self.keys[base + len] = key;
        if len + 1 < cap {
            self.len[j] += 1;
            return;
        }
        // Full: keep the best `depth`; the worst of them is the new floor.
        let buffer = &mut self.keys[base..base + cap];
        buffer.select_nth_unstable_by(self.depth - 1, |a, b| b.cmp(a));
        let worst = buffer[..self.depth].iter().copied().min().unwrap_or(0);
        self.len[j] = self.depth as u32;
        self.floor_key[j] = worst + 1;
        self.floor[j] = worst / self.key_scale;
    }

    /// Column `j`'s entries, `(points, mentee)`, unsorted.
    fn entries(&self, j: usize) -> impl Iterator<Item = (u64, u32)> + '_ {
        let base = j * 2 * self.depth;
        self.keys[base..base + self.len[j] as usize]
            .iter()
            .map(|&key| {
                let points = key / self.key_scale;
                let mentee = self.key_scale - 1 - key % self.key_scale;
                (points, mentee as u32)
            })
    }
}

/// Per-thread scratch of the scan.
struct ScanState {
    cols: ColumnTops,
    scores: BlockScores,
    /// Whether each pair of the block passes the first test (0 or 1).
    pass: Vec<u8>,
    /// Block offsets of the pairs that pass it.
    cands: Vec<u32>,
}

/// Scans every pair; returns each mentee's row and each mentor's column (lists of `depth`).
pub(super) fn scan(input: &ScanInput) -> (Vec<RowScan>, Vec<ColumnScan>) {
    let ScanInput {
        mentees,
        scorer,
        excluded,
        is_free,
        remaining,
        depth,
        threads,
    } = *input;
    let n = mentees.len();
    let m = remaining.len();
    let (rows, states) = par_chunks(
        n,
        threads,
        || ScanState {
            cols: ColumnTops::new(remaining, depth, n),
            scores: BlockScores::default(),
            pass: Vec::with_capacity(MENTOR_BLOCK),
            cands: Vec::with_capacity(MENTOR_BLOCK),
        },
        |state, range| {
            let ScanState {
                cols,
                scores,
                pass,
                cands,
            } = state;
            let ctx: Vec<_> = range.clone().map(|i| scorer.row(mentees[i])).collect();
            let mut scans: Vec<RowScan> = range
                .clone()
                .map(|_| RowScan {
                    top: Vec::new(),
                    allowed: 0,
                    removed: Vec::new(),
                    scored: 0,
                })
                .collect();
            // Row keys: points × (m + 1) + (m − mentor), so ties go to the smaller index.
            let row_scale = m as u64 + 1;
            let mut best: Vec<Best> = range.clone().map(|_| Best::new(depth)).collect();
            let mut next_excluded = vec![0usize; range.len()];
            for block in (0..m).step_by(MENTOR_BLOCK) {
                let block = block..(block + MENTOR_BLOCK).min(m);
                for (r, i) in range.clone().enumerate() {
                    let row = &ctx[r];
                    let scan = &mut scans[r];
                    let excl = &excluded[i];
                    scorer.block(row, block.clone(), scores);
                    scan.scored += block.len() as u32;
                    // HR exclusions are blocked pairs too.
                    let e = &mut next_excluded[r];
                    while *e < excl.len() && (excl[*e] as usize) < block.end {
                        scores.blocked[excl[*e] as usize - block.start] = true;
                        *e += 1;
                    }
                    // First test, without a branch per pair: could the pair enter the row's
                    // list, its column's list, or the removed candidates? The floors only rise,
                    // so a stale floor lets more pairs through, never fewer.
                    let row_best = &mut best[r];
                    let row_floor = row_best.floor_key / row_scale;
                    let removed_floor = if scan.removed.len() < SHOWN {
                        0
                    } else {
                        scan.removed[SHOWN - 1].0 + 1
                    };
                    let free = is_free[i];
                    let col_floor = &cols.floor[block.clone()];
                    let col_allowed = &mut cols.allowed[block.clone()];
                    // Simple passes the compiler vectorises, then a walk over the few set bytes.
                    let allowed: u32 = scores.blocked.iter().map(|&b| u32::from(!b)).sum();
                    if free {
                        for (count, &blocked) in col_allowed.iter_mut().zip(&scores.blocked) {
                            *count += u32::from(!blocked);
                        }
                    }
                    // A mentee the solver does not place (locked) enters no column.
                    let col_never = if free { 0 } else { u64::MAX };
                    pass.clear();
                    pass.extend(
                        scores
                            .points
                            .iter()
                            .zip(&scores.blocked)
                            .zip(col_floor)
                            .map(|((&p, &blocked), &col)| {
                                let fits = (p >= row_floor) | (p >= (col | col_never));
                                u8::from(if blocked { p >= removed_floor } else { fits })
                            }),
                    );
                    cands.clear();
                    for (w, bytes) in pass.chunks(8).enumerate() {
                        let mut word = bytes
                            .iter()
                            .enumerate()
                            .fold(0u64, |acc, (k, &b)| acc | u64::from(b) << (8 * k));
                        while word != 0 {
                            cands.push((w * 8) as u32 + word.trailing_zeros() / 8);
                            word &= word - 1;
                        }
                    }
                    scan.allowed += allowed;
                    for &x in cands.iter() {
                        let x = x as usize;
                        let j = block.start + x;
                        let p = scores.points[x];
                        if scores.blocked[x] {
                            // The constraint is looked up only for a pair that makes the list.
                            if scan.removed.len() < SHOWN || p > scan.removed[SHOWN - 1].0 {
                                let is_excluded = excl.binary_search(&(j as u32)).is_ok();
                                if let Some(c) = scorer.blocked_at(row, j, is_excluded) {
                                    if c != Constraint::SamePerson {
                                        let at = scan.removed.partition_point(|r| r.0 >= p);
                                        scan.removed.insert(at, (p, j as u32, c));
                                        scan.removed.truncate(SHOWN);
                                    }
                                }
                            }
                            continue;
                        }
                        row_best.offer(p * row_scale + (m - j) as u64);
                        if is_free[i] && p >= cols.floor[j] {
                            cols.offer(j, p, i as u32);
                        }
                    }
                }
            }
            for (scan, best) in scans.iter_mut().zip(best) {
                scan.top = best
                    .into_sorted()
                    .into_iter()
                    .map(|key| (key / row_scale, (m as u64 - key % row_scale) as u32))
                    .collect();
            }
            scans
        },
    );

    // Merge the threads' columns: each column's best `depth` and its allowed count.
    let mut columns = Vec::with_capacity(m);
    let mut top: Vec<(u64, u32)> = Vec::new();
    for j in 0..m {
        top.clear();
        let mut allowed = 0u32;
        for st in &states {
            allowed += st.cols.allowed[j];
            top.extend(st.cols.entries(j));
        }
        top.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        top.truncate(depth);
        columns.push(ColumnScan {
            top: top.clone(),
            allowed,
        });
    }
    (rows, columns)
}
