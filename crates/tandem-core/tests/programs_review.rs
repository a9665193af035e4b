//! Integration tests of persisted matching runs and HR's review of them: reporting-chain and
//! capacity constraints, determinism, locked, approved and excluded pairs across reruns, forced
//! and unforced assignments, deactivated participants, and what-if (writes nothing, its diff is
//! what apply does). Fixtures: `programs_fixture/mod.rs`.

mod programs_fixture;

use programs_fixture::*;

use std::collections::{HashMap, HashSet};

use tandem_core::directory::set_employee_active;
use tandem_core::domain::{EmployeeId, ProgramRole};
use tandem_core::matching::{Constraint, Weights};
use tandem_core::program::*;
use tandem_core::{CoreResult, Store};

// ---------------------------------------------------------------- runs

#[test]
fn a_mentor_in_the_mentees_reporting_chain_is_never_proposed_even_through_a_non_participant(
) -> CoreResult<()> {
    let mut t = tiny()?;
    // Léa covers Marc's goals best, but she reports to Marc through a team lead.
    let why = why_not(&t.store, t.program, t.marc, t.lea)?;
    assert_eq!(why.constraints, vec![Constraint::ReportingChain]);
    assert!(why.explanation.parts.skill > 0.9);
    run_matching(&mut t.store, t.program)?;
    let pairs = pair_set(&t.store, t.program)?;
    assert!(!pairs.contains(&(t.marc, t.lea)));
    assert!(pairs.contains(&(t.anne, t.lea)), "{pairs:?}");
    Ok(())
}

#[test]
fn a_demo_run_proposes_only_allowed_pairs_within_capacity_and_persists_the_engines_total(
) -> CoreResult<()> {
    let (mut store, id) = demo_program()?;
    let summary = run_matching(&mut store, id)?;
    let pairs = list_pairs(&store, id)?;
    assert!(pairs.len() >= 20, "{} pairs", pairs.len());
    assert_eq!(summary.pairs as usize, pairs.len());
    let stored_total: f64 = pairs.iter().map(|p| p.score).sum();
    assert!((stored_total - summary.total_score).abs() < 1e-9);
    let stored_points: u64 = pairs.iter().map(|p| p.points).sum();
    assert_eq!(stored_points, summary.total_points);
    let capacity: HashMap<_, _> = list_participants(&store, id)?
        .into_iter()
        .map(|x| (x.person.id, x.capacity))
        .collect();
    let mut load: HashMap<EmployeeId, u8> = HashMap::new();
    for p in &pairs {
        assert_eq!(p.status, PairStatus::Proposed);
        assert!(!p.locked && !p.manual);
        let why = why_not(&store, id, p.mentee, p.mentor)?;
        assert!(why.constraints.is_empty(), "{:?}", why.constraints);
        *load.entry(p.mentor).or_default() += 1;
    }
    for (mentor, n) in load {
        assert!(n <= capacity[&mentor]);
    }
    // The review explains each pair with names and matches the stored scores.
    let proposal = get_proposal(&store, id)?;
    assert_eq!(proposal.pairs.len(), pairs.len());
    assert_eq!(
        proposal.pairs.len() + proposal.unmatched.len(),
        proposal.mentee_count as usize
    );
    for r in &proposal.pairs {
        assert!((r.explanation.score - r.pair.score).abs() < 1e-9);
        let c = r.explanation.contributions;
        let sum = c.skill + c.interests + c.availability + c.adoption + c.comfort;
        assert!((sum - r.explanation.score).abs() < 1e-6);
        assert!(r.alternatives.len() <= 3);
        assert!(r.alternatives.iter().all(|a| a.mentor.id != r.mentor.id));
        for g in &r.explanation.covered_goals {
            assert!(!g.topic.name_en.is_empty() && !g.topic.name_fr.is_empty());
        }
        assert!(!r.mentee.last_name.is_empty() && !r.mentor.email.is_empty());
    }
    assert!(proposal
        .pairs
        .iter()
        .any(|r| !r.explanation.covered_goals.is_empty()));
    Ok(())
}

#[test]
fn the_same_data_gives_the_same_pairs() -> CoreResult<()> {
    let (mut store, id) = demo_program()?;
    run_matching(&mut store, id)?;
    let first = pair_set(&store, id)?;
    run_matching(&mut store, id)?;
    assert_eq!(pair_set(&store, id)?, first);
    // A second database with the same company (by email, ids differ) gives the same pairs.
    let (mut other, other_id) = demo_program()?;
    run_matching(&mut other, other_id)?;
    let by_email = |store: &Store, id| -> CoreResult<HashSet<(String, String)>> {
        Ok(get_proposal(store, id)?
            .pairs
            .into_iter()
            .map(|r| (r.mentee.email, r.mentor.email))
            .collect())
    };
    assert_eq!(by_email(&store, id)?, by_email(&other, other_id)?);
    Ok(())
}

#[test]
fn locked_pairs_survive_a_rerun_with_other_weights() -> CoreResult<()> {
    let (mut store, id) = demo_program()?;
    run_matching(&mut store, id)?;
    let pairs = list_pairs(&store, id)?;
    let locked: Vec<_> = pairs
        .iter()
        .step_by(3)
        .map(|p| (p.mentee, p.mentor))
        .collect();
    for (mentee, _) in &locked {
        set_locked(&mut store, id, *mentee, true, None)?;
    }
    let change = SettingsChange {
        weights: Some(Weights {
            skill: 0.0,
            interests: 1.0,
            availability: 0.0,
            adoption: 0.0,
            comfort: 1.0,
        }),
        ..SettingsChange::default()
    };
    let summary = apply_settings(&mut store, id, &change)?;
    assert_eq!(summary.kept as usize, locked.len());
    let after = list_pairs(&store, id)?;
    for (mentee, mentor) in &locked {
        let p = after.iter().find(|p| p.mentee == *mentee);
        assert_eq!(p.map(|p| (p.mentor, p.locked)), Some((*mentor, true)));
    }
    // The weights changed the rest of the proposal.
    assert_ne!(
        pair_set(&store, id)?,
        pairs.iter().map(|p| (p.mentee, p.mentor)).collect()
    );
    // Unlocked, a pair is re-optimised like any other.
    set_locked(&mut store, id, locked[0].0, false, None)?;
    assert!(list_pairs(&store, id)?
        .iter()
        .any(|p| p.mentee == locked[0].0 && !p.locked));
    Ok(())
}

#[test]
fn approved_pairs_survive_reruns_and_stay_approved() -> CoreResult<()> {
    let (mut store, id) = demo_program()?;
    run_matching(&mut store, id)?;
    let first = list_pairs(&store, id)?;
    approve_pair(&mut store, id, first[0].mentee, None)?;
    apply_settings(
        &mut store,
        id,
        &SettingsChange {
            weights: Some(Weights {
                skill: 0.0,
                interests: 0.0,
                availability: 1.0,
                adoption: 0.0,
                comfort: 0.0,
            }),
            default_capacity: Some(2),
            ..SettingsChange::default()
        },
    )?;
    let kept = list_pairs(&store, id)?
        .into_iter()
        .find(|p| p.mentee == first[0].mentee);
    assert_eq!(
        kept.map(|p| (p.mentor, p.status)),
        Some((first[0].mentor, PairStatus::Approved))
    );
    // Approving all publishes the rest; a re-run then changes nothing.
    let n = approve_all(&mut store, id)?;
    assert_eq!(n as usize, list_pairs(&store, id)?.len() - 1);
    let published = pair_set(&store, id)?;
    run_matching(&mut store, id)?;
    assert_eq!(pair_set(&store, id)?, published);
    assert!(list_pairs(&store, id)?
        .iter()
        .all(|p| p.status == PairStatus::Approved));
    Ok(())
}

#[test]
fn excluded_pairs_leave_the_proposal_and_never_come_back() -> CoreResult<()> {
    let (mut store, id) = demo_program()?;
    run_matching(&mut store, id)?;
    let first = pair_set(&store, id)?;
    for (mentee, mentor) in &first {
        exclude_pair(&mut store, id, *mentee, *mentor)?;
    }
    assert!(list_pairs(&store, id)?.is_empty());
    // The review says a re-run would match them again (with someone else).
    let proposal = get_proposal(&store, id)?;
    assert!(proposal
        .unmatched
        .iter()
        .any(|u| u.reason == UnmatchedWhy::RerunWouldMatch));
    for _ in 0..2 {
        run_matching(&mut store, id)?;
        let again = pair_set(&store, id)?;
        assert!(!again.is_empty());
        assert!(again.is_disjoint(&first));
    }
    assert_eq!(list_exclusions(&store, id)?.len(), first.len());
    // Lifting an exclusion makes the pair possible again.
    let (mentee, mentor) = first.iter().next().copied().unwrap_or_default();
    include_pair(&mut store, id, mentee, mentor)?;
    assert!(why_not(&store, id, mentee, mentor)?
        .constraints
        .iter()
        .all(|c| *c != Constraint::Excluded));
    assert!(is_not_found(include_pair(&mut store, id, mentee, mentor)));
    Ok(())
}

#[test]
fn an_unforced_assignment_that_breaks_a_constraint_writes_nothing_and_names_it() -> CoreResult<()> {
    let mut t = tiny()?;
    run_matching(&mut t.store, t.program)?;
    let before = snapshot(&t.store)?;
    let outcome = assign(&mut t.store, t.program, t.marc, t.lea, false)?;
    assert!(!outcome.applied);
    assert_eq!(
        outcome.warnings,
        vec![
            AssignWarning::Constraint {
                constraint: Constraint::ReportingChain
            },
            // Léa already mentors Anne.
            AssignWarning::MentorFull {
                capacity: 1,
                load: 1
            },
        ]
    );
    assert_eq!(snapshot(&t.store)?, before);
    Ok(())
}

#[test]
fn a_forced_assignment_is_written_locked_kept_by_reruns_and_still_warned() -> CoreResult<()> {
    let mut t = tiny()?;
    run_matching(&mut t.store, t.program)?;
    set_mentor_capacity(&mut t.store, t.program, t.lea, Some(2))?;
    let outcome = assign(&mut t.store, t.program, t.marc, t.lea, true)?;
    assert!(outcome.applied);
    assert_eq!(
        outcome.warnings,
        vec![AssignWarning::Constraint {
            constraint: Constraint::ReportingChain
        }]
    );
    for _ in 0..2 {
        run_matching(&mut t.store, t.program)?;
        let pair = list_pairs(&t.store, t.program)?
            .into_iter()
            .find(|p| p.mentee == t.marc);
        assert_eq!(
            pair.map(|p| (p.mentor, p.locked, p.manual)),
            Some((t.lea, true, true))
        );
    }
    // The review still shows what the pair breaks.
    let proposal = get_proposal(&t.store, t.program)?;
    let marc = proposal.pairs.iter().find(|r| r.mentee.id == t.marc);
    assert_eq!(
        marc.and_then(|r| r.explanation.blocked_by),
        Some(Constraint::ReportingChain)
    );
    // A clean manual swap needs no force and is locked too.
    let outcome = assign(&mut t.store, t.program, t.anne, t.zoe, false)?;
    assert!(outcome.applied && outcome.warnings.is_empty());
    assert!(list_pairs(&t.store, t.program)?
        .iter()
        .any(|p| p.mentee == t.anne && p.mentor == t.zoe && p.locked));
    Ok(())
}

#[test]
fn a_mentee_nobody_may_mentor_is_listed_with_the_reason() -> CoreResult<()> {
    let mut t = tiny()?;
    let loner = add(
        &mut t.store,
        20,
        Person {
            first: "Otto",
            last: "Only",
            grade: 9,
            role: ProgramRole::Mentee,
            manager: None,
            department: "Legal",
            languages: &["de"],
            skills: &[("x.post", 0, Some(3))],
        },
    )?;
    add_participants(&mut t.store, t.program, Side::Mentee, &[loner])?;
    let summary = run_matching(&mut t.store, t.program)?;
    assert_eq!(summary.unmatched, 1);
    let proposal = get_proposal(&t.store, t.program)?;
    let otto = proposal.unmatched.iter().find(|u| u.mentee.id == loner);
    assert_eq!(otto.map(|u| u.reason), Some(UnmatchedWhy::NoAllowedMentor));
    assert!(otto.is_some_and(|u| u
        .removed
        .iter()
        .all(|r| r.constraint == Constraint::NoSharedLanguage)));
    Ok(())
}

// ---------------------------------------------------------------- what-if

#[test]
fn what_if_writes_nothing_and_its_diff_is_what_apply_then_does() -> CoreResult<()> {
    let (mut store, id) = demo_program()?;
    run_matching(&mut store, id)?;
    let mentor = list_participants(&store, id)?
        .into_iter()
        .find(|x| x.side == Side::Mentor)
        .map(|x| x.person.id)
        .unwrap_or_default();
    let change = SettingsChange {
        weights: Some(Weights {
            skill: 0.1,
            interests: 0.5,
            availability: 0.1,
            adoption: 0.2,
            comfort: 0.1,
        }),
        default_capacity: Some(2),
        require_different_department: Some(true),
        capacity_overrides: vec![(mentor, Some(3))],
    };
    let before = snapshot(&store)?;
    let old = pair_set(&store, id)?;
    let diff = what_if(&store, id, &change)?;
    assert_eq!(snapshot(&store)?, before);
    assert_eq!(diff.matched_before as usize, old.len());
    let old_total: f64 = list_pairs(&store, id)?.iter().map(|p| p.score).sum();
    assert!((diff.total_before - old_total).abs() < 1e-9);

    let summary = apply_settings(&mut store, id, &change)?;
    let new = pair_set(&store, id)?;
    let added: HashSet<_> = diff
        .added
        .iter()
        .map(|d| (d.mentee.id, d.mentor.id))
        .collect();
    let removed: HashSet<_> = diff
        .removed
        .iter()
        .map(|d| (d.mentee.id, d.mentor.id))
        .collect();
    let expected: HashSet<_> = old.difference(&removed).copied().chain(added).collect();
    assert_eq!(new, expected);
    assert_eq!(diff.matched_after as usize, new.len());
    assert!((diff.total_after - summary.total_score).abs() < 1e-9);
    let p = get_program(&store, id)?;
    assert_eq!(p.matching.default_capacity, 2);
    assert!(p.matching.require_different_department);
    // Capacity 2 leaves every mentee matched or out of allowed mentors.
    for pair in list_pairs(&store, id)? {
        assert!(why_not(&store, id, pair.mentee, pair.mentor)?
            .constraints
            .is_empty());
    }
    Ok(())
}

#[test]
fn a_bad_what_if_setting_is_a_validation_error() -> CoreResult<()> {
    let t = tiny()?;
    let change = SettingsChange {
        default_capacity: Some(0),
        capacity_overrides: vec![(t.marc, Some(1))],
        ..SettingsChange::default()
    };
    let err = what_if(&t.store, t.program, &change).err();
    assert_eq!(
        err.as_ref().map(field_keys).unwrap_or_default(),
        vec![
            ("default_capacity".to_owned(), "capacity_invalid".to_owned()),
            (
                "capacity_overrides".to_owned(),
                "not_participant".to_owned()
            )
        ]
    );
    Ok(())
}

#[test]
fn a_deactivated_participant_leaves_the_next_proposal_unless_their_pair_is_kept() -> CoreResult<()>
{
    let mut t = tiny()?;
    run_matching(&mut t.store, t.program)?;
    let tom_mentee = list_pairs(&t.store, t.program)?
        .into_iter()
        .find(|p| p.mentor == t.tom || p.mentor == t.zoe)
        .map(|p| (p.mentee, p.mentor));
    let Some((mentee, mentor)) = tom_mentee else {
        panic!("Tom or Zoé should mentor someone");
    };
    set_employee_active(&mut t.store, mentor, false)?;
    run_matching(&mut t.store, t.program)?;
    assert!(list_pairs(&t.store, t.program)?
        .iter()
        .all(|p| p.mentor != mentor));
    // Kept pairs stay: lock one with the other mentor, then deactivate that mentor too.
    set_employee_active(&mut t.store, mentor, true)?;
    run_matching(&mut t.store, t.program)?;
    assign(&mut t.store, t.program, mentee, mentor, true)?;
    set_employee_active(&mut t.store, mentor, false)?;
    run_matching(&mut t.store, t.program)?;
    assert!(list_pairs(&t.store, t.program)?
        .iter()
        .any(|p| p.mentee == mentee && p.mentor == mentor && p.locked));
    // The review still explains it, with the mentor shown as inactive.
    let proposal = get_proposal(&t.store, t.program)?;
    let kept = proposal.pairs.iter().find(|r| r.mentee.id == mentee);
    assert_eq!(kept.map(|r| r.mentor.active), Some(false));
    Ok(())
}
