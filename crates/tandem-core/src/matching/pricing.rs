//! Pricing: the check of every pair outside the candidate graph against the dual certificate.
//!
//! A pair `(i, j)` can improve the optimum only if `w_ij > u_i + v_j`. Pairs come in two kinds:
//! - *known* pairs (the scan's reserve lists, and every pair pricing ever added): their exact
//!   weight is stored, so the check is one comparison;
//! - every other pair scores at most the last score of its row's list and of its column's list
//!   (the scan kept the best of each), so it can only violate when `u_i + v_j` is below both.
//!   Columns are sorted by how much room their limit leaves, so each row reads only the prefix
//!   of columns that could hold a violator; those pairs are bounded cheaply and scored exactly
//!   only when the bound is not enough.
//!
//! Known pairs are checked first, and the others only in a round where no known pair violates:
//! until then the duals are about to move anyway. With no violation among all of them, the duals
//! certify that the sparse optimum is the dense optimum. Each row hands back at most `per_row`
//! violators, the most violated first: the graph grows by what the next solve needs, not by
//! everything a poor first set of duals lets through. The loop keeps going until a round finds
//! nothing, and that round checked every pair, so neither shortcut costs exactness.
//!
//! How to change it: every shortcut must stay a proof (a bound on `w_ij`), never a heuristic.

use super::features::Person;
use super::scan::{par_chunks, MENTOR_BLOCK};
use super::score::{BlockScores, Scorer};
use super::solver::{Graph, Solution};

/// What the pricing pass needs besides the duals.
pub(super) struct PricingInput<'a> {
    pub mentees: &'a [&'a Person],
    pub scorer: &'a Scorer<'a>,
    pub excluded: &'a [Vec<u32>],
    /// Solver row → mentee index.
    pub free: &'a [u32],
    /// Capacity each mentor has left after locks.
    pub remaining: &'a [u32],
    /// Known pairs with their exact weights (a superset of the graph).
    pub known: &'a Graph,
    /// Per solver row, the weight every unknown pair of the row is at most (`None`: the row has
    /// no unknown allowed pair).
    pub row_limit: &'a [Option<i64>],
    /// Likewise per mentor, for free mentees.
    pub col_limit: &'a [Option<i64>],
    pub scale: i64,
    /// Violators handed back per row, at most.
    pub per_row: usize,
    pub threads: usize,
}

/// The pairs one pricing pass found.
#[derive(Default)]
pub(super) struct Found {
    /// Violating pairs to add to the graph, `(row, mentor, weight)`, by row.
    pub added: Vec<(u32, u32, i64)>,
    /// Those of them that were not known before.
    pub unknown: Vec<(u32, u32, i64)>,
    /// Pairs with `w > u + v` (all of them, also those beyond the cap).
    pub violations: usize,
    /// Unknown pairs scored exactly.
    pub scored: usize,
}

/// One row's violators: `(w − u − v, mentor, weight, known)`.
type Violators = Vec<(i64, u32, i64, bool)>;

/// One pass's duals and column order, shared by every row.
struct Pass<'a> {
    input: &'a PricingInput<'a>,
    graph: &'a Graph,
    sol: &'a Solution,
    /// Per mentor, `col_limit − v_j`: an unknown pair of column `j` can only violate when `u_i`
    /// is below it (`i64::MIN`: never).
    col_open: Vec<i64>,
    /// Mentors with a column limit, by `col_open` descending (ties by index).
    order: Vec<u32>,
}

/// Checks every pair not in `graph` against the duals of `sol`; see the module docs.
pub(super) fn price(input: &PricingInput, graph: &Graph, sol: &Solution) -> Found {
    let m = input.remaining.len();
    let col_open: Vec<i64> = (0..m)
        .map(|j| match input.col_limit[j] {
            Some(limit) if input.remaining[j] > 0 => limit - sol.v[j],
            _ => i64::MIN,
        })
        .collect();
    let mut order: Vec<u32> = (0..m as u32)
        .filter(|&j| col_open[j as usize] > i64::MIN)
        .collect();
    order.sort_unstable_by_key(|&j| (std::cmp::Reverse(col_open[j as usize]), j));
    let pass = Pass {
        input,
        graph,
        sol,
        col_open,
        order,
    };
    // Known pairs first: they cost one comparison each (on this thread: cheaper than starting
    // others). Only when none of them violates are the other pairs checked: while known pairs
    // still violate, the duals are about to move and a search of the others would mostly find
    // pairs that no longer matter.
    let (mut rows, _) = par_chunks(
        input.free.len(),
        1,
        || (),
        |_, range| {
            range
                .map(|r| {
                    let mut violators = Violators::new();
                    pass.known_pairs(r, &mut violators);
                    (violators, 0)
                })
                .collect()
        },
    );
    if rows.iter().all(|row| row.0.is_empty()) {
        (rows, _) = par_chunks(
            input.free.len(),
            input.threads,
            || (BlockScores::default(), Vec::new()),
            |(scores, cands), range| {
                range
                    .map(|r| {
                        let mut violators = Violators::new();
                        let scored = pass.unknown_pairs(r, &mut violators, scores, cands);
                        (violators, scored)
                    })
                    .collect()
            },
        );
    }
    let mut found = Found::default();
    for (r, (mut violators, scored)) in rows.into_iter().enumerate() {
        found.violations += violators.len();
        found.scored += scored;
        if violators.len() > input.per_row {
            violators.sort_unstable_by_key(|v| (std::cmp::Reverse(v.0), v.1));
            violators.truncate(input.per_row);
        }
        for (_, j, w, known) in violators {
            found.added.push((r as u32, j, w));
            if !known {
                found.unknown.push((r as u32, j, w));
            }
        }
    }
    found
}

impl Pass<'_> {
    /// Known pairs of solver row `r` outside the graph: one comparison each.
    fn known_pairs(&self, r: usize, violators: &mut Violators) {
        let (known, graph, sol) = (self.input.known, self.graph, self.sol);
        let u = sol.u[r];
        let mut g = graph.offsets[r];
        let g_end = graph.offsets[r + 1];
        for e in known.offsets[r]..known.offsets[r + 1] {
            let j = known.targets[e];
            // Both rows are sorted by mentor: walk the graph's alongside.
            while g < g_end && graph.targets[g] < j {
                g += 1;
            }
            if g < g_end && graph.targets[g] == j {
                continue;
            }
            let w = known.weights[e];
            let slack = u + sol.v[j as usize];
            if w > slack {
                violators.push((w - slack, j, w, true));
            }
        }
    }

    /// Unknown pairs of solver row `r` whose bound leaves room to violate; returns how many
    /// were scored.
    fn unknown_pairs(
        &self,
        r: usize,
        violators: &mut Violators,
        scores: &mut BlockScores,
        cands: &mut Vec<u32>,
    ) -> usize {
        let input = self.input;
        let (scorer, known, sol) = (input.scorer, input.known, self.sol);
        let Some(limit) = input.row_limit[r] else {
            return 0;
        };
        let u = sol.u[r];
        if u >= limit {
            return 0;
        }
        // u_i + v_j must stay below the row's limit too.
        let v_limit = limit - u;
        cands.clear();
        for &j in &self.order {
            if self.col_open[j as usize] <= u {
                break;
            }
            if sol.v[j as usize] < v_limit {
                cands.push(j);
            }
        }
        if cands.is_empty() {
            return 0;
        }
        cands.sort_unstable();
        let weight = |p: u64| p as i64 * input.scale + 1;
        let me = scorer.row(input.mentees[input.free[r] as usize]);
        let row_known = &known.targets[known.offsets[r]..known.offsets[r + 1]];
        let excluded = &input.excluded[input.free[r] as usize];
        let (mut next_known, mut next_excluded) = (0, 0);
        let mut scored = 0;
        let m = input.remaining.len();
        let mut at = 0;
        while at < cands.len() {
            // The candidates of one mentor block: scored all at once when they are many.
            let start = cands[at] as usize / MENTOR_BLOCK * MENTOR_BLOCK;
            let block = start..(start + MENTOR_BLOCK).min(m);
            let len = cands[at..].partition_point(|&j| (j as usize) < block.end);
            let whole = len * 8 > block.len();
            if whole {
                scorer.block(&me, block.clone(), scores);
            }
            for &j in &cands[at..at + len] {
                // Known pairs and exclusions are sorted: walk them alongside j.
                while next_known < row_known.len() && row_known[next_known] < j {
                    next_known += 1;
                }
                if next_known < row_known.len() && row_known[next_known] == j {
                    continue;
                }
                while next_excluded < excluded.len() && excluded[next_excluded] < j {
                    next_excluded += 1;
                }
                if next_excluded < excluded.len() && excluded[next_excluded] == j {
                    continue;
                }
                let j = j as usize;
                let slack = sol.u[r] + sol.v[j];
                let points = if whole {
                    let x = j - block.start;
                    if scores.blocked[x] {
                        continue;
                    }
                    scores.points[x]
                } else {
                    if scorer.blocked_at(&me, j, false).is_some() {
                        continue;
                    }
                    let cheap = scorer.cheap_at(&me, j);
                    if weight(cheap + scorer.optimistic_tail_at(&me, j)) <= slack {
                        continue;
                    }
                    cheap + scorer.exact_tail_at(&me, j)
                };
                scored += 1;
                let w = weight(points);
                if w > slack {
                    violators.push((w - slack, j as u32, w, false));
                }
            }
            at += len;
        }
        scored
    }
}
