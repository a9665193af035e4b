//! Integration tests of the matching engine: optimality against brute force and a dense
//! reference, hard constraints on random hierarchies, locks, determinism, unmatched reasons and
//! explanations.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use fastrand::Rng;
use tandem_core::domain::{
    AdoptionProfile, AvailabilitySlot, Employee, EmployeeId, ProgramRole, SkillLevel, Topic,
};
use tandem_core::matching::features::{Goal, OrgChart, Person};
use tandem_core::matching::synthetic::{program, Spec};
use tandem_core::matching::{
    dense_problem, explain_pair, solve, solve_scores, why_excluded, Constraint, DenseProblem,
    FeatureBuilder, MatchResult, Settings, UnmatchedReason,
};
use uuid::Uuid;

fn eid(n: u128) -> EmployeeId {
    EmployeeId(Uuid::from_u128(n))
}

/// A small random program: a random manager forest over mentees, mentors and a few extra
/// managers, random grades, languages, interests, availability, skills and goals, random
/// capacities, exclusions and locks.
struct Small {
    mentees: Vec<Person>,
    mentors: Vec<Person>,
    settings: Settings,
    manager_of: HashMap<EmployeeId, EmployeeId>,
}

fn small_program(rng: &mut Rng, max_side: usize) -> Small {
    let n = rng.usize(0..=max_side);
    let m = rng.usize(0..=max_side);
    let extra = rng.usize(0..4);
    let total = n + m + extra;
    // Random ids so id order differs from generation order.
    let ids: Vec<EmployeeId> = (0..total).map(|_| eid(rng.u128(..))).collect();
    // A random forest: each person's manager is an earlier person in a random order.
    let mut order: Vec<usize> = (0..total).collect();
    rng.shuffle(&mut order);
    let mut manager_of = HashMap::new();
    let mut edges = Vec::new();
    for (pos, &p) in order.iter().enumerate() {
        let manager = (pos > 0 && rng.u8(..) < 200).then(|| ids[order[rng.usize(..pos)]]);
        if let Some(mgr) = manager {
            manager_of.insert(ids[p], mgr);
        }
        edges.push((ids[p], manager));
    }
    let chart = OrgChart::new(&edges).expect("a forest has no cycle");
    let person = |rng: &mut Rng, idx: usize| {
        let mut p = Person::new(ids[idx]);
        p.manager = manager_of.get(&ids[idx]).copied();
        p.org = chart.position(ids[idx]);
        p.department = rng.u32(0..3);
        p.site = rng.u32(0..3);
        p.grade = rng.u8(1..8);
        p.languages = rng.u64(0..8);
        for _ in 0..rng.usize(0..4) {
            p.interests.insert(rng.usize(0..6));
        }
        for _ in 0..rng.usize(0..3) {
            let start = rng.u32(0..7 * 24 * 60 - 240);
            p.availability
                .add_utc_range(start, start + rng.u32(15..240));
        }
        p.levels = (0..6).map(|_| rng.u8(0..5)).collect();
        for topic in 0..6u16 {
            if rng.u8(..) < 80 {
                let level = rng.u8(0..3);
                p.goals.push(Goal {
                    topic,
                    level,
                    target: rng.u8(level + 1..5),
                });
            }
        }
        p.profile = match rng.u8(0..4) {
            0 => None,
            1 => Some(AdoptionProfile::Anxious),
            2 => Some(AdoptionProfile::Overwhelmed),
            _ => Some(AdoptionProfile::Curious),
        };
        p.tenure_months = rng.bool().then(|| rng.u32(0..40));
        p
    };
    let mentees: Vec<Person> = (0..n).map(|i| person(rng, i)).collect();
    let mentors: Vec<Person> = (n..n + m).map(|i| person(rng, i)).collect();
    let mut settings = Settings {
        default_capacity: rng.u8(1..=3),
        require_different_department: rng.u8(..) < 60,
        candidates_per_person: 4,
        ..Settings::default()
    };
    for p in &mentors {
        if rng.bool() {
            settings.capacity_overrides.insert(p.id, rng.u8(0..=3));
        }
    }
    for a in &mentees {
        for b in &mentors {
            if rng.u8(..) < 25 {
                settings.excluded_pairs.insert((a.id, b.id));
            }
        }
        if !mentors.is_empty() && rng.u8(..) < 30 {
            settings
                .locked_pairs
                .push((a.id, mentors[rng.usize(..mentors.len())].id));
        }
    }
    Small {
        mentees,
        mentors,
        settings,
        manager_of,
    }
}

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

fn is_in_chain(
    manager_of: &HashMap<EmployeeId, EmployeeId>,
    low: EmployeeId,
    high: EmployeeId,
) -> bool {
    let mut cur = low;
    while let Some(&m) = manager_of.get(&cur) {
        if m == high {
            return true;
        }
        cur = m;
    }
    false
}

#[test]
fn no_proposed_pair_ever_breaks_a_hard_constraint_on_random_hierarchies() {
    let mut rng = Rng::with_seed(99);
    for _ in 0..300 {
        let s = small_program(&mut rng, 12);
        let result = solve(&s.mentees, &s.mentors, &s.settings).expect("valid program");
        let mentee: HashMap<_, _> = s.mentees.iter().map(|p| (p.id, p)).collect();
        let mentor: HashMap<_, _> = s.mentors.iter().map(|p| (p.id, p)).collect();
        let mut load: HashMap<EmployeeId, u32> = HashMap::new();
        let mut seen = HashSet::new();
        for pair in &result.pairs {
            assert!(seen.insert(pair.mentee), "a mentee has one mentor at most");
            *load.entry(pair.mentor).or_default() += 1;
            if pair.locked {
                continue;
            }
            let (a, b) = (mentee[&pair.mentee], mentor[&pair.mentor]);
            assert_ne!(a.id, b.id);
            assert!(!s.settings.excluded_pairs.contains(&(a.id, b.id)));
            assert!(
                !is_in_chain(&s.manager_of, a.id, b.id),
                "mentor manages the mentee"
            );
            assert!(
                !is_in_chain(&s.manager_of, b.id, a.id),
                "mentee manages the mentor"
            );
            assert!(a.manager.is_none() || a.manager != b.manager, "same team");
            assert!(a.languages & b.languages != 0, "no shared language");
            assert!(b.grade < a.grade, "mentor not junior");
            if s.settings.require_different_department {
                assert_ne!(a.department, b.department);
            }
            assert!(why_excluded(a, b, &s.settings).is_empty());
        }
        for (id, n) in load {
            let cap = s
                .settings
                .capacity_overrides
                .get(&id)
                .copied()
                .unwrap_or(s.settings.default_capacity);
            let locked = s.settings.locked_pairs.iter().filter(|l| l.1 == id).count() as u32;
            assert!(n <= u32::from(cap).max(locked), "capacity respected");
        }
    }
}

#[test]
fn a_mentor_in_the_reporting_chain_is_excluded_at_any_depth_in_either_direction() {
    // ceo -> director -> manager -> lead -> junior
    let chain: Vec<EmployeeId> = (1..=5).map(eid).collect();
    let mut edges = vec![(chain[0], None)];
    for w in chain.windows(2) {
        edges.push((w[1], Some(w[0])));
    }
    let chart = OrgChart::new(&edges).expect("no cycle");
    let person = |id: EmployeeId, grade: u8| {
        let mut p = Person::new(id);
        p.org = chart.position(id);
        p.manager = edges.iter().find(|e| e.0 == id).and_then(|e| e.1);
        p.grade = grade;
        p.languages = 1;
        p
    };
    let settings = Settings::default();
    let director = person(chain[1], 9);
    let junior = person(chain[4], 1);
    assert_eq!(
        why_excluded(&director, &junior, &settings),
        vec![Constraint::ReportingChain]
    );
    // The other way round the junior is the mentee: chain and grade both apply.
    assert_eq!(
        why_excluded(&junior, &director, &settings),
        vec![Constraint::ReportingChain, Constraint::MentorNotJunior]
    );
    let outsider = {
        let mut p = Person::new(eid(99));
        p.grade = 1;
        p.languages = 1;
        p
    };
    assert!(why_excluded(&director, &outsider, &settings).is_empty());
}

#[test]
fn a_reporting_cycle_is_a_conflict() {
    let edges = vec![(eid(1), Some(eid(2))), (eid(2), Some(eid(1)))];
    assert_eq!(
        OrgChart::new(&edges).map(|_| ()).map_err(|e| e.code()),
        Err("conflict")
    );
}

#[test]
fn locked_pairs_survive_a_rerun_and_consume_capacity() {
    let mut spec = Spec::new(60, 40, 5);
    spec.max_capacity = 2;
    let p = program(&spec);
    let first = solve(&p.mentees, &p.mentors, &p.settings).expect("valid program");
    let mut settings = p.settings.clone();
    // Lock three proposed pairs, then re-run with different weights.
    let locks: Vec<_> = first
        .pairs
        .iter()
        .take(3)
        .map(|x| (x.mentee, x.mentor))
        .collect();
    settings.locked_pairs = locks.clone();
    settings.weights.skill = 0.05;
    settings.weights.availability = 0.9;
    let second = solve(&p.mentees, &p.mentors, &settings).expect("valid program");
    for (a, b) in &locks {
        let pair = second
            .pairs
            .iter()
            .find(|x| x.mentee == *a)
            .expect("the locked mentee keeps a pair");
        assert_eq!(pair.mentor, *b);
        assert!(pair.locked);
    }
    let mut load: HashMap<EmployeeId, u32> = HashMap::new();
    for pair in &second.pairs {
        *load.entry(pair.mentor).or_default() += 1;
    }
    for (id, n) in load {
        let cap = settings.capacity_overrides.get(&id).copied().unwrap_or(1);
        assert!(n <= u32::from(cap));
    }
}

#[test]
fn the_same_input_in_any_order_gives_the_same_pairs() {
    let mut spec = Spec::new(200, 150, 8);
    spec.max_capacity = 3;
    spec.exclusions_per_mille = 500;
    let p = program(&spec);
    let a = solve(&p.mentees, &p.mentors, &p.settings).expect("valid program");
    let mut mentees = p.mentees.clone();
    let mut mentors = p.mentors.clone();
    mentees.reverse();
    Rng::with_seed(1).shuffle(&mut mentors);
    let mut settings = p.settings.clone();
    settings.threads = 1;
    let b = solve(&mentees, &mentors, &settings).expect("valid program");
    let pairs = |r: &MatchResult| {
        r.pairs
            .iter()
            .map(|x| (x.mentee, x.mentor))
            .collect::<Vec<_>>()
    };
    assert_eq!(pairs(&a), pairs(&b));
    assert_eq!(a.alternatives, b.alternatives);
}

fn plain(id: u128, grade: u8, languages: u64) -> Person {
    let mut p = Person::new(eid(id));
    p.grade = grade;
    p.languages = languages;
    p
}

#[test]
fn unmatched_mentees_are_told_whether_no_mentor_was_allowed_or_all_were_full() {
    // Mentee 1 speaks only German; mentees 2 and 3 compete for the single English mentor.
    let mentees = vec![plain(1, 8, 0b10), plain(2, 8, 0b01), plain(3, 8, 0b01)];
    let mentors = vec![plain(10, 2, 0b01)];
    let result = solve(&mentees, &mentors, &Settings::default()).expect("valid program");
    assert_eq!(result.pairs.len(), 1);
    let reason = |id| {
        result
            .unmatched
            .iter()
            .find(|u| u.mentee == eid(id))
            .map(|u| u.reason)
    };
    assert_eq!(reason(1), Some(UnmatchedReason::NoAllowedMentor));
    let full = [reason(2), reason(3)];
    assert!(full.contains(&Some(UnmatchedReason::AllowedMentorsFull)));
    assert!(full.contains(&None));
}

#[test]
fn the_optimum_is_not_the_greedy_choice() {
    // Greedy gives mentee 0 its best mentor (10) and leaves mentee 1 with nothing: total 10.
    // The optimum swaps: 9 + 9 = 18.
    let edges = [(0, 0, 10), (0, 1, 9), (1, 0, 9)];
    let best = solve_scores(2, &[1, 1], &edges).expect("valid problem");
    assert_eq!(best.total, 18);
    assert_eq!(best.mentor_of, vec![Some(1), Some(0)]);
}

#[test]
fn solve_scores_rejects_an_edge_outside_the_problem() {
    let err = solve_scores(1, &[1], &[(0, 3, 5)])
        .map(|_| ())
        .map_err(|e| e.code());
    assert_eq!(err, Err("validation"));
}

#[test]
fn invalid_settings_are_validation_errors_not_panics() {
    let mentees = vec![plain(1, 8, 1)];
    let mentors = vec![plain(10, 2, 1)];
    let code = |s: &Settings| {
        solve(&mentees, &mentors, s)
            .map(|_| ())
            .map_err(|e| e.code())
    };
    let mut s = Settings::default();
    s.capacity_overrides.insert(eid(10), 4);
    assert_eq!(code(&s), Err("validation"));
    let s = Settings {
        locked_pairs: vec![(eid(1), eid(77))],
        ..Settings::default()
    };
    assert_eq!(code(&s), Err("validation"));
    let s = Settings {
        default_capacity: 0,
        ..Settings::default()
    };
    assert_eq!(code(&s), Err("validation"));
    assert_eq!(
        solve(
            &[plain(1, 8, 1), plain(1, 8, 1)],
            &mentors,
            &Settings::default()
        )
        .map(|_| ())
        .map_err(|e| e.code()),
        Err("validation")
    );
}

#[test]
fn alternatives_list_the_next_best_allowed_mentors_and_removed_candidates_with_their_constraint() {
    let mut mentee = plain(1, 8, 1);
    mentee.goals = vec![Goal {
        topic: 0,
        level: 0,
        target: 4,
    }];
    // Mentors 10..14 cover 4, 3, 2, 1 levels; mentor 15 would cover all but is excluded.
    let mut mentors: Vec<Person> = (0..4)
        .map(|k| {
            let mut p = plain(10 + k, 2, 1);
            p.levels = vec![4 - k as u8];
            p
        })
        .collect();
    let mut excluded = plain(15, 2, 1);
    excluded.levels = vec![4];
    mentors.push(excluded);
    let mut settings = Settings::default();
    settings.excluded_pairs.insert((eid(1), eid(15)));
    let result = solve(&[mentee], &mentors, &settings).expect("valid program");
    assert_eq!(result.pairs[0].mentor, eid(10));
    let alt = &result.alternatives[0];
    let best: Vec<_> = alt.best.iter().map(|a| a.mentor).collect();
    assert_eq!(best, vec![eid(11), eid(12), eid(13)]);
    assert!(alt.best.windows(2).all(|w| w[0].points >= w[1].points));
    assert!(alt.best.iter().all(|a| !a.full));
    assert_eq!(alt.removed[0].mentor, eid(15));
    assert_eq!(alt.removed[0].constraint, Constraint::Excluded);
}

fn employee(id: u128, tz: &str, slots: Vec<AvailabilitySlot>) -> Employee {
    Employee {
        id: eid(id),
        external_id: format!("E{id}"),
        first_name: "A".into(),
        last_name: "B".into(),
        email: format!("e{id}@example.com"),
        department: "Sales".into(),
        title: String::new(),
        grade: 5,
        manager_id: None,
        site: "Paris".into(),
        timezone: tz.into(),
        languages: vec!["fr".into(), "en".into()],
        hire_date: NaiveDate::from_ymd_opt(2023, 1, 1),
        role: ProgramRole::Both,
        adoption_profile: Some(AdoptionProfile::Anxious),
        availability: slots,
        interests: vec!["Video".into(), "sport".into()],
        skills: Vec::new(),
        active: true,
    }
}

fn topic(id: &str) -> Topic {
    Topic {
        id: id.into(),
        platform_id: "linkedin".into(),
        name_en: id.into(),
        name_fr: id.into(),
        position: 0,
        active: true,
    }
}

#[test]
fn an_explanation_gives_covered_topics_shared_interests_and_overlap_in_utc() {
    let slot = |weekday, start, end| AvailabilitySlot {
        weekday,
        start_minute: start,
        end_minute: end,
    };
    // Marc in Paris, free Monday 15:00–18:00 local (14:00–17:00 UTC in January).
    let mut marc = employee(1, "Europe/Paris", vec![slot(0, 900, 1080)]);
    marc.grade = 8;
    marc.skills = vec![SkillLevel {
        topic_id: "linkedin.analytics".into(),
        level: 1,
        target: Some(3),
    }];
    // Léa in New York, free Monday 10:00–12:00 local (15:00–17:00 UTC): 2 h in common.
    let mut lea = employee(2, "America/New_York", vec![slot(0, 600, 720)]);
    lea.grade = 2;
    lea.site = "New York".into();
    lea.interests = vec!["video".into(), "cooking".into()];
    lea.skills = vec![SkillLevel {
        topic_id: "linkedin.analytics".into(),
        level: 4,
        target: None,
    }];
    let topics = [topic("linkedin.post"), topic("linkedin.analytics")];
    let monday = NaiveDate::from_ymd_opt(2026, 1, 12).expect("a valid date");
    let mut builder =
        FeatureBuilder::new(&[marc.clone(), lea.clone()], &topics, monday).expect("no cycle");
    let mentee = builder.person(&marc).expect("valid employee");
    let mentor = builder.person(&lea).expect("valid employee");
    let e = explain_pair(&mentee, &mentor, &Settings::default());
    assert_eq!(e.blocked_by, None);
    assert_eq!(e.overlap_minutes, 120);
    let vocabulary = builder.vocabulary();
    let shared: Vec<&str> = e
        .shared_interests
        .iter()
        .map(|&i| vocabulary.interests[i].as_str())
        .collect();
    assert_eq!(shared, vec!["video"]);
    assert_eq!(e.covered_topics.len(), 1);
    assert_eq!(
        vocabulary.topics[usize::from(e.covered_topics[0].topic)],
        "linkedin.analytics"
    );
    assert_eq!(e.covered_topics[0].covered, 2);
    assert_eq!(e.parts.skill, 1.0);
    assert!((e.parts.interests - 1.0 / 3.0).abs() < 1e-3);
    assert!((e.parts.availability - 120.0 / 180.0).abs() < 1e-3);
    // Different sites, but French on top of English.
    assert_eq!(e.parts.comfort, 0.5);
    assert!(!e.same_site);
    assert!(e.score > 0.0 && e.score <= 1.0);
}

#[test]
fn an_unknown_time_zone_is_a_validation_error() {
    let e = employee(1, "Mars/Olympus", Vec::new());
    let monday = NaiveDate::from_ymd_opt(2026, 1, 12).expect("a valid date");
    let mut builder = FeatureBuilder::new(std::slice::from_ref(&e), &[], monday).expect("no cycle");
    assert_eq!(
        builder.person(&e).map(|_| ()).map_err(|e| e.code()),
        Err("validation")
    );
}

#[test]
fn each_pair_reports_the_same_points_as_its_explanation() {
    let mut spec = Spec::new(80, 60, 3);
    spec.max_capacity = 2;
    let p = program(&spec);
    let result = solve(&p.mentees, &p.mentors, &p.settings).expect("valid program");
    let mentee: HashMap<_, _> = p.mentees.iter().map(|x| (x.id, x)).collect();
    let mentor: HashMap<_, _> = p.mentors.iter().map(|x| (x.id, x)).collect();
    for pair in &result.pairs {
        let e = explain_pair(mentee[&pair.mentee], mentor[&pair.mentor], &p.settings);
        assert_eq!(e.points, pair.points);
        assert_eq!(e.parts, pair.explanation.parts);
    }
}

#[test]
fn a_person_who_is_both_mentee_and_mentor_is_never_paired_with_themselves() {
    // Employee 1 (grade 5) mentors and is mentored; only employee 2 (grade 9) is senior to them.
    let both = plain(1, 5, 1);
    let senior = plain(2, 9, 1);
    let junior = plain(3, 2, 1);
    let result = solve(
        &[both.clone(), senior.clone()],
        &[both.clone(), junior],
        &Settings {
            default_capacity: 2,
            ..Settings::default()
        },
    )
    .expect("valid program");
    assert!(result.pairs.iter().all(|p| p.mentee != p.mentor));
    assert_eq!(
        why_excluded(&both, &both, &Settings::default()).first(),
        Some(&Constraint::SamePerson)
    );
    let senior_pair = result
        .pairs
        .iter()
        .find(|p| p.mentee == eid(2))
        .expect("the senior gets a mentor");
    assert!(senior_pair.mentor == eid(1) || senior_pair.mentor == eid(3));
}
