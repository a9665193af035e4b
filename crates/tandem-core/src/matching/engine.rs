//! The candidate-graph / pricing loop behind [`super::solve`].
//!
//! 1. Validate and index the input ([`prepare`]): both sides in id order, capacities, locks and
//!    exclusions as indices.
//! 2. Scan every pair once (`scan.rs`): each mentee's and each mentor's best `depth` allowed
//!    partners with exact points, `depth` = [`CONTESTED_RESERVE`] or [`RESERVE`] × `k` (`k` =
//!    `candidates_per_person`).
//! 3. Solve the b-matching exactly (`solver/`) on the head of those lists: each side's best `k`.
//! 4. Price (`pricing.rs`): check every other pair against the duals — the rest of the lists
//!    (the reserve) by their stored exact weight, and, once none of those violates, every other
//!    pair through the bound the lists give. Add the violators (at most `k` per mentee, the
//!    worst first), continue the solver from its previous optimum (only the mentees whose new
//!    edges the duals do not cover are placed again), and repeat until no pair violates: the
//!    duals then certify the dense optimum. Debug builds check that certificate after every
//!    solve.
//! 5. Report (`report.rs`): pairs, explanations, unmatched reasons and alternatives.
//!
//! A small graph keeps the solves cheap; the reserve keeps pricing cheap (few pairs outside it
//! can beat the duals, and only those are scored again). Both sizes change speed, never the
//! result.
//!
//! How to change it: keep the bounds sound — anything that can make a pair outside the lists
//! score above its row's or column's last listed score breaks the proof of optimality.

use std::collections::HashMap;
use std::time::Instant;

use super::features::Person;
use super::pricing::{price, PricingInput};
use super::report::assemble;
use super::scan::{scan, ScanInput, NONE, SHOWN};
use super::score::Scorer;
use super::solver::{Graph, Solver};
use super::{DenseProblem, MatchResult, Settings, SolverStats, MAX_CAPACITY};
use crate::domain::EmployeeId;
use crate::{CoreError, CoreResult};

/// The scan's lists hold this many times `k` partners (at most [`MAX_DEPTH`]): the first `k`
/// form the first graph, the rest is the pricing reserve. In a contested program (mentor
/// capacity under 125 % of the mentees) the duals end far below each mentee's first choices,
/// so many pairs outside a short list could beat them: a deep reserve keeps pricing passes cheap
/// there (measured on 10,000 × 10,000 one-to-one: 64 beats 16 and 32). Elsewhere few pairs
/// outside the first graph matter and a short reserve keeps the scan cheaper. Either way the
/// result is the same optimum.
const CONTESTED_RESERVE: usize = 8;
const RESERVE: usize = 2;
const MAX_DEPTH: usize = 64;

fn micros(since: Instant) -> u64 {
    u64::try_from(since.elapsed().as_micros()).unwrap_or(u64::MAX)
}

fn invalid(field: &str, key: &str, message: String) -> CoreError {
    CoreError::invalid(field, key, message)
}

/// Both sides in id order with capacities, locks and exclusions as indices.
pub(super) struct Prepared<'a> {
    pub mentees: Vec<&'a Person>,
    pub mentors: Vec<Person>,
    pub caps: Vec<u32>,
    /// Mentor a mentee is locked to, or [`NONE`].
    pub lock_of: Vec<u32>,
    /// Locked mentees per mentor.
    pub locks_on: Vec<u32>,
    /// Capacity left after locks.
    pub remaining: Vec<u32>,
    /// Excluded mentor indices per mentee, sorted.
    pub excluded: Vec<Vec<u32>>,
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
    let p = prepare(mentees_in, mentors_in, settings)?;
    let n = p.mentees.len();
    let m = p.mentors.len();
    let remaining = &p.remaining;

    // Mentees the solver places (not locked), and their row in the solver.
    let free: Vec<u32> = (0..n as u32)
        .filter(|&i| p.lock_of[i as usize] == NONE)
        .collect();
    let mut row_of = vec![NONE; n];
    for (r, &i) in free.iter().enumerate() {
        row_of[i as usize] = r as u32;
    }
    let is_free: Vec<bool> = row_of.iter().map(|&r| r != NONE).collect();
    let scorer = Scorer::new(settings, &p.mentors);
    let scale = free.len() as i64 + 1;
    // Every solver sum stays far inside an i64 (see solve_scores), and the scan's list keys
    // (points × (people + 1) + index) inside a u64.
    let max_points = i128::from(scorer.weights.max_points());
    let bound = max_points * i128::from(scale) * i128::from(scale) * 4;
    let key_bound = (max_points + 1) * (n.max(m) as i128 + 1);
    if bound > i128::from(i64::MAX) || key_bound > i128::from(u64::MAX) {
        return Err(invalid(
            "mentees",
            "too_many_mentees",
            format!("{n} mentees is too many for an exact solve"),
        ));
    }
    let weight = |p: u64| p as i64 * scale + 1;
    let k = settings.candidates_per_person.clamp(SHOWN + 1, MAX_DEPTH);
    let capacity: u64 = remaining.iter().map(|&c| u64::from(c)).sum();
    let contested = free.len() as u64 * 5 > capacity * 4;
    let reserve = if contested {
        CONTESTED_RESERVE
    } else {
        RESERVE
    };
    let depth = (k * reserve).clamp(k, MAX_DEPTH);
    let threads = if settings.threads == 0 {
        std::thread::available_parallelism().map_or(1, |t| t.get())
    } else {
        settings.threads
    };

    // The full scan, then the first graph (each list's head) and the known pairs (whole lists).
    let started = Instant::now();
    let (mut rows, columns) = scan(&ScanInput {
        mentees: &p.mentees,
        scorer: &scorer,
        excluded: &p.excluded,
        is_free: &is_free,
        remaining,
        depth,
        threads,
    });
    let mut edges: Vec<(u32, u32, i64)> = Vec::new();
    let mut known_edges: Vec<(u32, u32, i64)> = Vec::new();
    let mut row_limit: Vec<Option<i64>> = vec![None; free.len()];
    for (r, &i) in free.iter().enumerate() {
        let scan = &rows[i as usize];
        // A pair outside a full list scores at most the list's last entry; a list holding every
        // allowed mentor leaves no pair outside.
        if scan.allowed as usize > depth {
            row_limit[r] = scan.top.last().map(|t| weight(t.0));
        }
        for (rank, &(points, j)) in scan.top.iter().enumerate() {
            if remaining[j as usize] > 0 {
                let e = (r as u32, j, weight(points));
                known_edges.push(e);
                if rank < k {
                    edges.push(e);
                }
            }
        }
    }
    let mut col_limit: Vec<Option<i64>> = vec![None; m];
    for (j, col) in columns.iter().enumerate() {
        if col.allowed as usize > depth {
            col_limit[j] = col.top.last().map(|t| weight(t.0));
        }
        for (rank, &(points, i)) in col.top.iter().enumerate() {
            let e = (row_of[i as usize], j as u32, weight(points));
            known_edges.push(e);
            if rank < k {
                edges.push(e);
            }
        }
    }
    let mut known = Graph::from_edges(free.len(), known_edges);
    // The lists live on in `known`; the report needs only each mentee's first few.
    drop(columns);
    for scan in &mut rows {
        scan.top.truncate(SHOWN + 1);
        scan.top.shrink_to_fit();
    }
    let mut stats = SolverStats {
        scan_micros: micros(started),
        scan_scored: rows.iter().map(|r| r.scored as usize).sum(),
        ..SolverStats::default()
    };

    // Solve, price, repeat.
    let mut state: Option<Solver> = None;
    let mut changed: Vec<u32> = Vec::new();
    let (graph, sol) = loop {
        let started = Instant::now();
        let graph = Graph::from_edges(free.len(), edges.clone());
        // Later rounds continue from the previous optimum: only mentees whose new edges the
        // duals do not cover are placed again.
        let solver = match state.take() {
            Some(mut s) if s.can_continue_on(&graph) => {
                stats.replaced_mentees += s.add_edges_of(&graph, &changed);
                s
            }
            _ => Solver::new(&graph, remaining),
        };
        let solver = state.insert(solver);
        solver.run(&graph);
        let sol = solver.solution();
        debug_assert!(sol.certificate_holds(&graph, remaining));
        stats.pricing_rounds += 1;
        stats.solve_micros += micros(started);

        let started = Instant::now();
        let input = PricingInput {
            mentees: &p.mentees,
            scorer: &scorer,
            excluded: &p.excluded,
            free: &free,
            remaining,
            known: &known,
            row_limit: &row_limit,
            col_limit: &col_limit,
            scale,
            per_row: k,
            threads,
        };
        let found = price(&input, &graph, &sol);
        stats.pricing_micros += micros(started);
        stats.pricing_scored += found.scored;
        if found.violations == 0 {
            // No pair beats the duals: the sparse optimum is the dense optimum.
            break (graph, sol);
        }
        stats.pricing_violations += found.violations;
        changed.clear();
        changed.extend(found.added.iter().map(|e| e.0));
        changed.dedup();
        edges.extend(found.added);
        if !found.unknown.is_empty() {
            let mut all = known.to_edges();
            all.extend(found.unknown);
            known = Graph::from_edges(free.len(), all);
        }
    };
    stats.candidate_edges = graph.edge_count();
    Ok(assemble(&p, &scorer, &rows, &row_of, &sol.mentor_of, stats))
}
