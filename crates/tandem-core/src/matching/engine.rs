//! The candidate-graph / pricing loop behind [`super::solve`].
//!
//! 1. Scan every mentee × mentor pair once (in parallel over mentees): check hard constraints,
//!    score allowed pairs, keep each mentee's best `k` mentors, each mentor's best `k` mentees,
//!    each mentee's best removed candidates, and the `k`-th best score of every row and column.
//! 2. Solve the b-matching exactly on the union of those lists (`solver.rs`).
//! 3. Pricing: a pair outside the graph is in neither list, so its score is at most the `k`-th best
//!    of its row and of its column. Rows and pairs whose duals already cover that bound are
//!    skipped; the rest are scored and any pair with `w > u_i + v_j` is added (with the pairs
//!    that come within [`NEAR_MARGIN_PERCENT`] of it). Re-solve, continuing from the previous
//!    optimum where the repair allows, until no pair violates: the duals then certify the dense
//!    optimum. Debug builds check that certificate after every solve.
//!
//! The scan is tiled (a chunk of mentees against a block of mentors that stays in cache) and
//! scores exactly (two bitset intersections) only pairs whose cheap upper bound could still
//! enter a list.
//! How to change it: keep the bounds sound — anything that can make a non-candidate pair score
//! above its row's or column's `k`-th best breaks the proof of optimality.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use super::features::Person;
use super::score::{BlockScores, Constraint, Scorer};
use super::solver::{Graph, Solver};
use super::{
    Alternative, Alternatives, DenseProblem, MatchResult, Pair, RemovedCandidate, Settings,
    SolverStats, Unmatched, UnmatchedReason, MAX_CAPACITY,
};
use crate::domain::EmployeeId;
use crate::{CoreError, CoreResult};

const NONE: u32 = u32::MAX;
/// In a contested program (mentor capacity under 125 % of the mentees, or a round where over 1 %
/// of mentees had a violating pair), pricing also adds pairs within this share of the best
/// possible score of violating: fewer rounds (the duals move as the graph grows) for a slightly
/// larger graph.
const NEAR_MARGIN_PERCENT: i64 = 3;
/// Alternatives and removed candidates reported per mentee.
const SHOWN: usize = 3;

/// Rows handed out per work item: small enough to balance two busy cores, large enough that a
/// block of mentors is reused by many rows while it sits in cache.
const CHUNK: usize = 32;
/// Mentors per cache block in the full scan (their packed data stays in L2 while a chunk of rows
/// is scored against them).
const MENTOR_BLOCK: usize = 512;

/// Runs `work(state, rows)` on chunks of rows on `threads` threads; returns the per-row results
/// in row order and every thread's final state.
/// Each worker's `(first row, results)` chunks and final state.
type WorkerOutput<R, S> = (Vec<(usize, Vec<R>)>, S);

fn par_chunks<S: Send, R: Send>(
    rows: usize,
    threads: usize,
    init: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, std::ops::Range<usize>) -> Vec<R> + Sync,
) -> (Vec<R>, Vec<S>) {
    let next = AtomicUsize::new(0);
    let threads = threads.clamp(1, rows.div_ceil(CHUNK).max(1));
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

/// What the first scan keeps of one mentee's row.
struct RowScan {
    /// Best allowed mentors, `(points, mentor)`, best first, ties by mentor index.
    top: Vec<(u64, u32)>,
    allowed: u32,
    removed: Vec<(u64, u32, Constraint)>,
    /// Pairs scored exactly (the others were ruled out by the cheap bound).
    scored: u32,
}

/// A column's bookkeeping, packed so the scan touches one cache line per mentor.
#[derive(Debug, Clone, Copy, Default)]
struct ColumnState {
    allowed: u32,
    len: u8,
    worst: u8,
    worst_mentee: u32,
    worst_points: u64,
}

/// Per-thread best mentees of every mentor (unsorted within a column).
struct ColumnTops {
    k: usize,
    state: Vec<ColumnState>,
    points: Vec<u64>,
    mentee: Vec<u32>,
}

impl ColumnTops {
    fn new(m: usize, k: usize) -> Self {
        Self {
            k,
            state: vec![ColumnState::default(); m],
            points: vec![0; m * k],
            mentee: vec![0; m * k],
        }
    }

    /// `(p, i)` ranks above `(q, l)`: more points, then the smaller index.
    #[inline]
    fn better(p: u64, i: u32, q: u64, l: u32) -> bool {
        p > q || (p == q && i < l)
    }

    /// Whether `(p, i)` would enter column `j` now.
    #[inline]
    fn may_accept(&self, j: usize, p: u64, i: u32) -> bool {
        let c = &self.state[j];
        usize::from(c.len) < self.k || Self::better(p, i, c.worst_points, c.worst_mentee)
    }

    #[inline]
    fn offer(&mut self, j: usize, p: u64, i: u32) {
        let base = j * self.k;
        let len = usize::from(self.state[j].len);
        if len < self.k {
            self.points[base + len] = p;
            self.mentee[base + len] = i;
            self.state[j].len += 1;
            if len + 1 == self.k {
                self.refresh_worst(j);
            }
        } else if self.may_accept(j, p, i) {
            let w = base + usize::from(self.state[j].worst);
            self.points[w] = p;
            self.mentee[w] = i;
            self.refresh_worst(j);
        }
    }

    fn refresh_worst(&mut self, j: usize) {
        let base = j * self.k;
        let mut worst = 0;
        for s in 1..self.k {
            if Self::better(
                self.points[base + worst],
                self.mentee[base + worst],
                self.points[base + s],
                self.mentee[base + s],
            ) {
                worst = s;
            }
        }
        let c = &mut self.state[j];
        c.worst = worst as u8;
        c.worst_points = self.points[base + worst];
        c.worst_mentee = self.mentee[base + worst];
    }
}

fn micros(since: Instant) -> u64 {
    u64::try_from(since.elapsed().as_micros()).unwrap_or(u64::MAX)
}

fn invalid(field: &str, key: &str, message: String) -> CoreError {
    CoreError::invalid(field, key, message)
}

/// Both sides in id order with capacities, locks and exclusions as indices.
struct Prepared<'a> {
    mentees: Vec<&'a Person>,
    mentors: Vec<Person>,
    caps: Vec<u32>,
    lock_of: Vec<u32>,
    locks_on: Vec<u32>,
    remaining: Vec<u32>,
    /// Excluded mentor indices per mentee, sorted.
    excluded: Vec<Vec<u32>>,
}

fn prepare<'a>(
    mentees_in: &'a [Person],
    mentors_in: &[Person],
    settings: &Settings,
) -> CoreResult<Prepared<'a>> {
    // Sort both sides by id: all tie-breaks then follow ids, whatever the input order.
    let mut mentees: Vec<&Person> = mentees_in.iter().collect();
    mentees.sort_by_key(|p| p.id);
    let mut mentors: Vec<Person> = mentors_in.to_vec();
    mentors.sort_by_key(|p| p.id);
    if let Some(w) = mentees.windows(2).find(|w| w[0].id == w[1].id) {
        return Err(invalid(
            "mentees",
            "duplicate_id",
            format!("mentee {} is listed twice", w[0].id),
        ));
    }
    if let Some(w) = mentors.windows(2).find(|w| w[0].id == w[1].id) {
        return Err(invalid(
            "mentors",
            "duplicate_id",
            format!("mentor {} is listed twice", w[0].id),
        ));
    }
    if !(1..=MAX_CAPACITY).contains(&settings.default_capacity) {
        return Err(invalid(
            "default_capacity",
            "capacity_out_of_range",
            format!("the default capacity must be between 1 and {MAX_CAPACITY}"),
        ));
    }
    if let Some((id, c)) = settings
        .capacity_overrides
        .iter()
        .find(|(_, &c)| c > MAX_CAPACITY)
    {
        return Err(invalid(
            "capacity_overrides",
            "capacity_out_of_range",
            format!("mentor {id} cannot take {c} mentees (at most {MAX_CAPACITY})"),
        ));
    }
    let n = mentees.len();
    let m = mentors.len();
    let mentee_pos: HashMap<EmployeeId, u32> = mentees
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id, i as u32))
        .collect();
    let mentor_pos: HashMap<EmployeeId, u32> = mentors
        .iter()
        .enumerate()
        .map(|(j, p)| (p.id, j as u32))
        .collect();

    let caps: Vec<u32> = mentors
        .iter()
        .map(|p| {
            u32::from(
                settings
                    .capacity_overrides
                    .get(&p.id)
                    .copied()
                    .unwrap_or(settings.default_capacity),
            )
        })
        .collect();
    let mut lock_of = vec![NONE; n];
    let mut locks_on = vec![0u32; m];
    for (mentee, mentor) in &settings.locked_pairs {
        let Some(&i) = mentee_pos.get(mentee) else {
            return Err(invalid(
                "locked_pairs",
                "unknown_mentee",
                format!("locked mentee {mentee} is not in the program"),
            ));
        };
        let Some(&j) = mentor_pos.get(mentor) else {
            return Err(invalid(
                "locked_pairs",
                "unknown_mentor",
                format!("locked mentor {mentor} is not in the program"),
            ));
        };
        if lock_of[i as usize] != NONE && lock_of[i as usize] != j {
            return Err(invalid(
                "locked_pairs",
                "mentee_locked_twice",
                format!("mentee {mentee} is locked to two mentors"),
            ));
        }
        if lock_of[i as usize] == NONE {
            lock_of[i as usize] = j;
            locks_on[j as usize] += 1;
        }
    }
    let remaining: Vec<u32> = (0..m)
        .map(|j| caps[j].saturating_sub(locks_on[j]))
        .collect();
    let mut excluded: Vec<Vec<u32>> = vec![Vec::new(); n];
    for (mentee, mentor) in &settings.excluded_pairs {
        if let (Some(&i), Some(&j)) = (mentee_pos.get(mentee), mentor_pos.get(mentor)) {
            excluded[i as usize].push(j);
        }
    }
    for list in excluded.iter_mut() {
        list.sort_unstable();
    }
    Ok(Prepared {
        mentees,
        mentors,
        caps,
        lock_of,
        locks_on,
        remaining,
        excluded,
    })
}

pub(super) fn dense(
    mentees_in: &[Person],
    mentors_in: &[Person],
    settings: &Settings,
) -> CoreResult<DenseProblem> {
    let p = prepare(mentees_in, mentors_in, settings)?;
    let scorer = Scorer::new(settings, &p.mentors);
    let mut points = Vec::with_capacity(p.mentees.len() * p.mentors.len());
    for (i, me) in p.mentees.iter().enumerate() {
        let row = scorer.row(me);
        for j in 0..p.mentors.len() {
            let is_excluded = p.excluded[i].binary_search(&(j as u32)).is_ok();
            let allowed = p.lock_of[i] == NONE && scorer.blocked_at(&row, j, is_excluded).is_none();
            points.push(allowed.then(|| scorer.points_at(&row, j)));
        }
    }
    Ok(DenseProblem {
        mentees: p.mentees.iter().map(|x| x.id).collect(),
        mentors: p.mentors.iter().map(|x| x.id).collect(),
        capacities: p.remaining,
        points,
    })
}

pub(super) fn run(
    mentees_in: &[Person],
    mentors_in: &[Person],
    settings: &Settings,
) -> CoreResult<MatchResult> {
    let Prepared {
        mentees,
        mentors,
        caps,
        lock_of,
        locks_on,
        remaining,
        excluded,
    } = prepare(mentees_in, mentors_in, settings)?;
    let n = mentees.len();
    let m = mentors.len();

    // Mentees the solver places (not locked), and their row in the solver.
    let free: Vec<u32> = (0..n as u32)
        .filter(|&i| lock_of[i as usize] == NONE)
        .collect();
    let mut row_of = vec![NONE; n];
    for (r, &i) in free.iter().enumerate() {
        row_of[i as usize] = r as u32;
    }
    let scorer = Scorer::new(settings, &mentors);
    let scale = free.len() as i64 + 1;
    // Every solver sum stays far inside an i64 (see solve_scores).
    let bound = i128::from(scorer.weights.max_points()) * i128::from(scale) * i128::from(scale) * 4;
    if bound > i128::from(i64::MAX) {
        return Err(invalid(
            "mentees",
            "too_many_mentees",
            format!("{n} mentees is too many for an exact solve"),
        ));
    }
    let weight = |p: u64| p as i64 * scale + 1;
    let k = settings.candidates_per_person.clamp(SHOWN + 1, 64);
    let threads = if settings.threads == 0 {
        std::thread::available_parallelism().map_or(1, |t| t.get())
    } else {
        settings.threads
    };

    // 1. The full scan.
    let started = Instant::now();
    let (rows, col_states) = par_chunks(
        n,
        threads,
        || (ColumnTops::new(m, k), BlockScores::default()),
        |(cols, scores), range| {
            let ctx: Vec<_> = range.clone().map(|i| scorer.row(mentees[i])).collect();
            let mut scans: Vec<RowScan> = range
                .clone()
                .map(|_| RowScan {
                    top: Vec::with_capacity(k + 1),
                    allowed: 0,
                    removed: Vec::new(),
                    scored: 0,
                })
                .collect();
            let mut next_excluded = vec![0usize; range.len()];
            for block in (0..m).step_by(MENTOR_BLOCK) {
                let block = block..(block + MENTOR_BLOCK).min(m);
                for (r, i) in range.clone().enumerate() {
                    let row = &ctx[r];
                    let scan = &mut scans[r];
                    let excl = &excluded[i];
                    let e = &mut next_excluded[r];
                    let is_free = row_of[i] != NONE;
                    scorer.block(row, block.clone(), scores);
                    for j in block.clone() {
                        let x = j - block.start;
                        while *e < excl.len() && (excl[*e] as usize) < j {
                            *e += 1;
                        }
                        let is_excluded = *e < excl.len() && excl[*e] as usize == j;
                        // Exact scoring (two bitset popcounts) only when a cheap upper bound says
                        // the pair could still enter a list; the lists do not depend on it.
                        let cheap = scores.cheap[x];
                        let bound = scores.bound[x];
                        let blocked = if scores.blocked[x] || is_excluded {
                            scorer.blocked_at(row, j, is_excluded)
                        } else {
                            None
                        };
                        if let Some(c) = blocked {
                            if c != Constraint::SamePerson
                                && (scan.removed.len() < SHOWN || bound > scan.removed[SHOWN - 1].0)
                            {
                                let p = cheap + scorer.exact_tail_at(row, j);
                                let at = scan.removed.partition_point(|r| r.0 >= p);
                                if at < SHOWN {
                                    scan.removed.insert(at, (p, j as u32, c));
                                    scan.removed.truncate(SHOWN);
                                }
                            }
                            continue;
                        }
                        scan.allowed += 1;
                        let to_column = is_free && remaining[j] > 0;
                        if to_column {
                            cols.state[j].allowed += 1;
                        }
                        let for_row = scan.top.len() < k || bound > scan.top[k - 1].0;
                        let for_column = to_column && cols.may_accept(j, bound, i as u32);
                        if !for_row && !for_column {
                            continue;
                        }
                        scan.scored += 1;
                        let p = cheap + scorer.exact_tail_at(row, j);
                        if scan.top.len() < k || p > scan.top[k - 1].0 {
                            let at = scan.top.partition_point(|t| t.0 >= p);
                            scan.top.insert(at, (p, j as u32));
                            scan.top.truncate(k);
                        }
                        if for_column {
                            cols.offer(j, p, i as u32);
                        }
                    }
                }
            }
            scans
        },
    );

    // Each column's best k free mentees and its k-th best score.
    let mut col_kth: Vec<Option<u64>> = vec![None; m];
    let mut edges: Vec<(u32, u32, i64)> = Vec::new();
    let mut gathered: Vec<(u64, u32)> = Vec::new();
    for (j, kth) in col_kth.iter_mut().enumerate() {
        gathered.clear();
        let mut allowed = 0u32;
        for (st, _) in &col_states {
            allowed += st.state[j].allowed;
            for s in 0..usize::from(st.state[j].len) {
                gathered.push((st.points[j * k + s], st.mentee[j * k + s]));
            }
        }
        gathered.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        gathered.truncate(k);
        if allowed as usize > k {
            *kth = gathered.last().map(|g| g.0);
        }
        for &(p, i) in &gathered {
            edges.push((row_of[i as usize], j as u32, weight(p)));
        }
    }
    let mut row_kth: Vec<Option<u64>> = vec![None; free.len()];
    for (r, &i) in free.iter().enumerate() {
        let scan = &rows[i as usize];
        if scan.allowed as usize > k {
            row_kth[r] = scan.top.last().map(|t| t.0);
        }
        for &(p, j) in &scan.top {
            if remaining[j as usize] > 0 {
                edges.push((r as u32, j, weight(p)));
            }
        }
    }

    // 2–3. Solve, price, repeat.
    let mut stats = SolverStats {
        scan_micros: micros(started),
        scan_scored: rows.iter().map(|r| r.scored as usize).sum(),
        ..SolverStats::default()
    };
    let near = weight(scorer.weights.max_points()) / 100 * NEAR_MARGIN_PERCENT;
    // The margin pays in a contested program, where many mentees end below their top-k and
    // the duals move a lot between rounds: when capacity barely covers the mentees (from the
    // first round), or after a round with many violations. Elsewhere it would only cost.
    let capacity: u64 = remaining.iter().map(|&c| u64::from(c)).sum();
    let contested = free.len() as u64 * 5 > capacity * 4;
    let mut margin = if contested { near } else { 0 };
    let mut state: Option<Solver> = None;
    let mut changed: Vec<u32> = Vec::new();
    let (graph, sol) = loop {
        let started = Instant::now();
        let graph = Graph::from_edges(free.len(), edges.clone());
        // Later rounds continue from the previous optimum: only mentees the new edges touch
        // (and those the repair evicts) are placed again.
        let solver = match state.take() {
            Some(mut s) if s.can_continue_on(&graph) => {
                stats.replaced_mentees += s.add_edges_of(&graph, &changed);
                s
            }
            _ => Solver::new(&graph, &remaining),
        };
        let solver = state.insert(solver);
        solver.run(&graph);
        let sol = solver.solution();
        debug_assert!(sol.certificate_holds(&graph, &remaining));
        stats.pricing_rounds += 1;
        stats.solve_micros += micros(started);
        let started = Instant::now();
        // A pair outside the graph scores at most its column's k-th best, so it can only
        // violate when u_i < weight(col k-th) − v_j: one contiguous array to test per mentor.
        let col_limit: Vec<i64> = (0..m)
            .map(|j| match col_kth[j] {
                Some(ck) if remaining[j] > 0 => weight(ck) - sol.v[j],
                _ => i64::MIN,
            })
            .collect();
        // Tiled like the scan: a chunk of rows against a block of mentors kept in cache.
        let (found, _) = par_chunks(
            free.len(),
            threads,
            BlockScores::default,
            |scores, range| {
                struct Pricing<'p> {
                    me: super::score::Row<'p>,
                    r: usize,
                    u: i64,
                    row_limit: i64,
                    next_edge: usize,
                    next_excluded: usize,
                    out: Vec<(u32, u32, i64)>,
                    scored: usize,
                    violations: usize,
                }
                let mut rows: Vec<Option<Pricing>> = range
                    .clone()
                    .map(|r| {
                        let rk = row_kth[r]?;
                        // Pairs within `margin` of violating are added too (see NEAR_MARGIN).
                        let u = sol.u[r] - margin;
                        (u < weight(rk)).then(|| Pricing {
                            me: scorer.row(mentees[free[r] as usize]),
                            r,
                            u,
                            // Likewise the row's k-th best: u_i + v_j must stay below it.
                            row_limit: weight(rk) - u,
                            next_edge: graph.offsets[r],
                            next_excluded: 0,
                            out: Vec::new(),
                            scored: 0,
                            violations: 0,
                        })
                    })
                    .collect();
                for block in (0..m).step_by(MENTOR_BLOCK) {
                    let block = block..(block + MENTOR_BLOCK).min(m);
                    for p in rows.iter_mut().flatten() {
                        let r = p.r;
                        let edges_end = graph.offsets[r + 1];
                        let excl = &excluded[free[r] as usize];
                        // Score the whole block at once when many pairs pass the dual tests.
                        let open = block
                            .clone()
                            .filter(|&j| p.u < col_limit[j] && sol.v[j] < p.row_limit)
                            .count();
                        if open == 0 {
                            continue;
                        }
                        let whole = open * 8 > block.len();
                        if whole {
                            scorer.block(&p.me, block.clone(), scores);
                        }
                        for j in block.clone() {
                            if p.u >= col_limit[j] || sol.v[j] >= p.row_limit {
                                continue;
                            }
                            // Graph rows and exclusions are sorted: walk them alongside j.
                            while p.next_edge < edges_end
                                && (graph.targets[p.next_edge] as usize) < j
                            {
                                p.next_edge += 1;
                            }
                            if p.next_edge < edges_end && graph.targets[p.next_edge] as usize == j {
                                continue;
                            }
                            while p.next_excluded < excl.len()
                                && (excl[p.next_excluded] as usize) < j
                            {
                                p.next_excluded += 1;
                            }
                            let is_excluded =
                                p.next_excluded < excl.len() && excl[p.next_excluded] as usize == j;
                            let x = j - block.start;
                            let (blocked, cheap, bound) = if whole {
                                (scores.blocked[x], scores.cheap[x], scores.bound[x])
                            } else {
                                let cheap = scorer.cheap_at(&p.me, j);
                                (
                                    scorer.blocked_at(&p.me, j, false).is_some(),
                                    cheap,
                                    cheap + scorer.optimistic_tail_at(&p.me, j),
                                )
                            };
                            if blocked || is_excluded {
                                continue;
                            }
                            let slack = p.u + sol.v[j];
                            if weight(bound) <= slack {
                                continue;
                            }
                            p.scored += 1;
                            let w = weight(cheap + scorer.exact_tail_at(&p.me, j));
                            if w > slack {
                                p.out.push((r as u32, j as u32, w));
                                if w > slack + margin {
                                    p.violations += 1;
                                }
                            }
                        }
                    }
                }
                rows.into_iter()
                    .map(|p| p.map_or((Vec::new(), 0, 0), |p| (p.out, p.scored, p.violations)))
                    .collect()
            },
        );
        let violations: usize = found.iter().map(|f| f.2).sum();
        stats.pricing_micros += micros(started);
        if violations == 0 {
            // No pair beats the duals: the sparse optimum is the dense optimum.
            break (graph, sol);
        }
        stats.pricing_violations += violations;
        margin = if violations * 100 > free.len() {
            near
        } else {
            0
        };
        changed.clear();
        for (list, scored, _) in found {
            stats.pricing_scored += scored;
            if let Some(first) = list.first() {
                changed.push(first.0);
            }
            edges.extend(list);
        }
    };
    stats.candidate_edges = graph.edge_count();

    // Assemble the result in mentee id order.
    let mut mentor_of = vec![NONE; n];
    let mut load = locks_on.clone();
    for (i, slot) in mentor_of.iter_mut().enumerate() {
        if lock_of[i] != NONE {
            *slot = lock_of[i];
        } else if let Some(j) = sol.mentor_of[row_of[i] as usize] {
            *slot = j;
            load[j as usize] += 1;
        }
    }
    let mut pairs = Vec::new();
    let mut unmatched = Vec::new();
    let mut alternatives = Vec::with_capacity(n);
    for (i, me) in mentees.iter().enumerate() {
        let j = mentor_of[i];
        if j != NONE {
            let mentor = &mentors[j as usize];
            let is_excluded = excluded[i].binary_search(&j).is_ok();
            let explanation = scorer.explain(me, mentor, j as usize, is_excluded);
            pairs.push(Pair {
                mentee: me.id,
                mentor: mentor.id,
                score: explanation.score,
                points: explanation.points,
                explanation,
                locked: lock_of[i] != NONE,
            });
        } else {
            unmatched.push(Unmatched {
                mentee: me.id,
                reason: if rows[i].allowed == 0 {
                    UnmatchedReason::NoAllowedMentor
                } else {
                    UnmatchedReason::AllowedMentorsFull
                },
            });
        }
        alternatives.push(Alternatives {
            mentee: me.id,
            best: rows[i]
                .top
                .iter()
                .filter(|t| t.1 != j)
                .take(SHOWN)
                .map(|&(p, a)| Alternative {
                    mentor: mentors[a as usize].id,
                    score: scorer.normalised(p),
                    points: p,
                    full: load[a as usize] >= caps[a as usize],
                })
                .collect(),
            removed: rows[i]
                .removed
                .iter()
                .map(|&(p, a, c)| RemovedCandidate {
                    mentor: mentors[a as usize].id,
                    score: scorer.normalised(p),
                    points: p,
                    constraint: c,
                })
                .collect(),
        });
    }
    Ok(MatchResult {
        total_score: pairs.iter().map(|p| p.score).sum(),
        total_points: pairs.iter().map(|p| p.points).sum(),
        pairs,
        unmatched,
        alternatives,
        stats,
    })
}
