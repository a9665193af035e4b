//! Integration tests of the matching engine's exactness: its total against brute force and a
//! dense Hungarian reference, and column generation (pricing) reaching the dense optimum whatever
//! the candidate list size. Constraints, locks, determinism and explanations are in
//! `tests/matching_constraints.rs`; shared helpers in `tests/matching_fixture`.

mod matching_fixture;

use fastrand::Rng;
use tandem_core::matching::features::{Goal, Person};
use tandem_core::matching::synthetic::{program, Spec};
use tandem_core::matching::{dense_problem, solve, DenseProblem, MatchResult, Settings};

use matching_fixture::*;

/// The best total of a dense problem by trying every assignment.
fn brute_force(d: &DenseProblem) -> u64 {
    fn go(i: usize, d: &DenseProblem, caps: &mut [u32]) -> u64 {
        if i == d.mentees.len() {
            return 0;
        }
        let m = d.mentors.len();
        let mut best = go(i + 1, d, caps);
        for j in 0..m {
            if let Some(p) = d.points[i * m + j] {
                if caps[j] > 0 {
                    caps[j] -= 1;
                    best = best.max(p + go(i + 1, d, caps));
                    caps[j] += 1;
                }
            }
        }
        best
    }
    go(0, d, &mut d.capacities.clone())
}

fn locked_points(result: &MatchResult) -> u64 {
    result
        .pairs
        .iter()
        .filter(|p| p.locked)
        .map(|p| p.points)
        .sum()
}

#[test]
fn the_engine_total_equals_brute_force_on_small_random_programs() {
    let mut rng = Rng::with_seed(2024);
    for _ in 0..400 {
        let s = small_program(&mut rng, 7);
        let result = solve(&s.mentees, &s.mentors, &s.settings).expect("valid program");
        let dense = dense_problem(&s.mentees, &s.mentors, &s.settings).expect("valid program");
        assert_eq!(
            result.total_points - locked_points(&result),
            brute_force(&dense)
        );
    }
}

/// Exact dense reference: the Hungarian method (potentials, O(n² m)) on the expanded matrix,
/// one column per unit of mentor capacity and one zero-score "unmatched" column per mentee.
fn dense_reference(d: &DenseProblem) -> u64 {
    const FORBIDDEN: i64 = 1 << 50;
    let n = d.mentees.len();
    let m = d.mentors.len();
    let mut columns: Vec<Option<usize>> = Vec::new();
    for (j, &c) in d.capacities.iter().enumerate() {
        columns.extend(std::iter::repeat_n(Some(j), c as usize));
    }
    columns.extend(std::iter::repeat_n(None, n));
    let cols = columns.len();
    let cost = |i: usize, c: usize| -> i64 {
        match columns[c] {
            Some(j) => d.points[i * m + j].map_or(FORBIDDEN, |p| -(p as i64)),
            None => 0,
        }
    };
    // 1-based e-maxx formulation.
    let mut u = vec![0i64; n + 1];
    let mut v = vec![0i64; cols + 1];
    let mut p = vec![0usize; cols + 1];
    let mut way = vec![0usize; cols + 1];
    for i in 1..=n {
        p[0] = i;
        let mut j0 = 0;
        let mut minv = vec![i64::MAX; cols + 1];
        let mut used = vec![false; cols + 1];
        loop {
            used[j0] = true;
            let i0 = p[j0];
            let mut delta = i64::MAX;
            let mut j1 = 0;
            for j in 1..=cols {
                if !used[j] {
                    let cur = cost(i0 - 1, j - 1) - u[i0] - v[j];
                    if cur < minv[j] {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if minv[j] < delta {
                        delta = minv[j];
                        j1 = j;
                    }
                }
            }
            for j in 0..=cols {
                if used[j] {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if p[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    let mut total = 0i64;
    for (j, &row) in p.iter().enumerate().skip(1) {
        if row != 0 {
            let c = cost(row - 1, j - 1);
            assert!(c < FORBIDDEN, "the reference never needs a forbidden pair");
            total -= c;
        }
    }
    total as u64
}

#[test]
fn the_engine_total_equals_a_dense_hungarian_reference_on_300_by_300_programs() {
    let cases = [(1, 0, 0, false), (3, 3_000, 10, false), (2, 1_000, 5, true)];
    for (seed, (capacity, exclusions, locks, different_department)) in cases.into_iter().enumerate()
    {
        let mut spec = Spec::new(300, 300, 100 + seed as u64);
        spec.max_capacity = capacity;
        spec.exclusions_per_mille = exclusions;
        spec.locks = locks;
        let mut p = program(&spec);
        p.settings.require_different_department = different_department;
        let result = solve(&p.mentees, &p.mentors, &p.settings).expect("valid program");
        let dense = dense_problem(&p.mentees, &p.mentors, &p.settings).expect("valid program");
        assert_eq!(
            result.total_points - locked_points(&result),
            dense_reference(&dense),
            "case {seed}"
        );
    }
}

#[test]
fn a_small_candidate_list_still_reaches_the_dense_optimum_through_pricing() {
    let mut spec = Spec::new(300, 200, 7);
    spec.max_capacity = 2;
    let mut p = program(&spec);
    p.settings.candidates_per_person = 4;
    let result = solve(&p.mentees, &p.mentors, &p.settings).expect("valid program");
    let dense = dense_problem(&p.mentees, &p.mentors, &p.settings).expect("valid program");
    assert_eq!(result.total_points, dense_reference(&dense));
    assert!(result.stats.pricing_rounds >= 1);
}

#[test]
fn every_candidate_list_size_reaches_the_same_dense_optimum() {
    // Small lists mean several pricing rounds, warm restarts and pairs found outside the scan's
    // lists; large ones a first graph that is nearly enough. The optimum must not move.
    for (seed, capacity) in [(31, 1), (32, 3)] {
        let mut spec = Spec::new(250, 250, seed);
        spec.max_capacity = capacity;
        spec.exclusions_per_mille = 500;
        spec.locks = 3;
        let p = program(&spec);
        let dense = dense_problem(&p.mentees, &p.mentors, &p.settings).expect("valid program");
        let optimum = dense_reference(&dense);
        for k in [4, 5, 8, 16, 64] {
            let mut settings = p.settings.clone();
            settings.candidates_per_person = k;
            let result = solve(&p.mentees, &p.mentors, &settings).expect("valid program");
            assert_eq!(
                result.total_points - locked_points(&result),
                optimum,
                "capacity up to {capacity}, {k} candidates"
            );
        }
    }
}

#[test]
fn pairs_far_down_every_list_are_found_by_pricing() {
    // Every mentee ranks the mentors the same way (mentor j is free for j + 1 quarter-hours),
    // so the scan's lists of each mentee name the same few mentors, and the lists of each mentor
    // the same few mentees: most pairs of any optimum are in no list, and only pricing can
    // bring them in.
    let n = 150;
    let mentees: Vec<Person> = (0..n)
        .map(|i| {
            let mut p = plain(10_000 + i, 8, 1);
            p.goals.push(Goal {
                topic: 0,
                level: 0,
                target: 4,
            });
            p.availability.add_utc_range(0, 7 * 24 * 60);
            p
        })
        .collect();
    let mentors: Vec<Person> = (0..n)
        .map(|j| {
            let mut p = plain(j, 2, 1);
            p.levels = vec![3];
            p.availability.add_utc_range(0, (j as u32 + 1) * 15);
            p
        })
        .collect();
    let settings = Settings {
        availability_full_minutes: 7 * 24 * 60,
        candidates_per_person: 4,
        ..Settings::default()
    };
    let result = solve(&mentees, &mentors, &settings).expect("valid program");
    let dense = dense_problem(&mentees, &mentors, &settings).expect("valid program");
    assert_eq!(result.total_points, dense_reference(&dense));
    assert_eq!(result.pairs.len(), n as usize);
    assert!(result.stats.pricing_scored > 0);
    assert!(result.stats.pricing_rounds > 1);
}

#[test]
fn a_pricing_round_places_again_only_the_mentees_whose_new_pairs_beat_the_duals() {
    // One-to-one with as many mentors as mentees: the contested case, where the first sparse
    // graph is far from enough and pricing adds pairs for many mentees.
    let p = program(&Spec::new(250, 250, 33));
    let mut settings = p.settings.clone();
    settings.candidates_per_person = 4;
    let warm = solve(&p.mentees, &p.mentors, &settings).expect("valid program");
    assert!(warm.stats.pricing_rounds > 1);
    assert!(warm.stats.replaced_mentees > 0);
    assert!(warm.stats.replaced_mentees < (warm.stats.pricing_rounds - 1) * p.mentees.len());
    let dense = dense_problem(&p.mentees, &p.mentors, &p.settings).expect("valid program");
    assert_eq!(warm.total_points, dense_reference(&dense));
    // The same result on the same input, to the pair.
    let again = solve(&p.mentees, &p.mentors, &settings).expect("valid program");
    assert_eq!(warm.pairs, again.pairs);
}
