//! Integration tests of the matching engine's rules: hard constraints on random hierarchies,
//! reporting chains and cycles, locks, determinism, unmatched reasons, settings validation and
//! explanations. Exactness against reference solvers is in `tests/matching.rs`; shared helpers in
//! `tests/matching_fixture`.

mod matching_fixture;

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use fastrand::Rng;
use tandem_core::domain::{
    AdoptionProfile, AvailabilitySlot, Employee, EmployeeId, ProgramRole, SkillLevel, Topic,
};
use tandem_core::matching::features::{Goal, OrgChart, Person};
use tandem_core::matching::synthetic::{program, Spec};
use tandem_core::matching::{
    explain_pair, solve, solve_scores, why_excluded, Constraint, FeatureBuilder, MatchResult,
    Settings, UnmatchedReason,
};

use matching_fixture::*;

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
