//! Integration tests of programs: validation, participants, persisted matching runs, HR's review
//! actions (lock, exclude, assign, approve), what-if, CSV exports and speed at 150 + 150.

use std::collections::{HashMap, HashSet};
use std::time::Instant;

use chrono::NaiveDate;
use tandem_core::demo::load_demo;
use tandem_core::directory::{create_employee, set_employee_active};
use tandem_core::domain::text::fold;
use tandem_core::domain::{
    AdoptionProfile, AvailabilitySlot, EmployeeDraft, EmployeeId, ProgramRole, SkillLevel,
};
use tandem_core::matching::{Constraint, Weights};
use tandem_core::program::{self, *};
use tandem_core::{CoreError, CoreResult, Store};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn input(name: &str) -> ProgramInput {
    ProgramInput::new(name, date(2026, 1, 5), date(2026, 7, 31))
}

fn field_keys(error: &CoreError) -> Vec<(String, String)> {
    match error {
        CoreError::Validation(fields) => fields
            .iter()
            .map(|f| (f.field.clone(), f.key.clone()))
            .collect(),
        _ => Vec::new(),
    }
}

fn is_not_found<T: std::fmt::Debug>(result: CoreResult<T>) -> bool {
    matches!(result, Err(CoreError::NotFound { .. }))
}

/// Everything a program shows, for "nothing changed" comparisons.
fn snapshot(store: &Store) -> CoreResult<String> {
    let mut out = String::new();
    for p in list_programs(store)? {
        out.push_str(&format!("{p:?}\n"));
        out.push_str(&format!("{:?}\n", list_participants(store, p.id)?));
        out.push_str(&format!("{:?}\n", list_pairs(store, p.id)?));
        out.push_str(&format!("{:?}\n", list_exclusions(store, p.id)?));
    }
    Ok(out)
}

/// Pairs as (mentee, mentor) for set comparisons.
fn pair_set(store: &Store, id: ProgramId) -> CoreResult<HashSet<(EmployeeId, EmployeeId)>> {
    Ok(list_pairs(store, id)?
        .into_iter()
        .map(|p| (p.mentee, p.mentor))
        .collect())
}

/// The demo company with one program holding every eligible mentor and mentee.
fn demo_program() -> CoreResult<(Store, ProgramId)> {
    let mut store = Store::open_in_memory()?;
    load_demo(&mut store)?;
    let p = create_program(&mut store, input("Demo cohort"))?;
    add_all_eligible(&mut store, p.id, Side::Mentor, None)?;
    add_all_eligible(&mut store, p.id, Side::Mentee, None)?;
    Ok((store, p.id))
}

// ---------------------------------------------------------------- a small hand-made company

struct Person<'a> {
    first: &'a str,
    last: &'a str,
    grade: u8,
    role: ProgramRole,
    manager: Option<EmployeeId>,
    department: &'a str,
    languages: &'a [&'a str],
    skills: &'a [(&'a str, u8, Option<u8>)],
}

fn add(store: &mut Store, n: usize, p: Person<'_>) -> CoreResult<EmployeeId> {
    let draft = EmployeeDraft {
        external_id: format!("T{n:04}"),
        first_name: p.first.into(),
        last_name: p.last.into(),
        email: format!("{}.{n}@example.com", fold(p.last).replace(' ', "")),
        department: p.department.into(),
        title: "Staff".into(),
        grade: p.grade,
        manager_id: p.manager,
        site: "Paris".into(),
        timezone: "Europe/Paris".into(),
        languages: p.languages.iter().map(|l| (*l).to_owned()).collect(),
        role: Some(p.role),
        adoption_profile: Some(AdoptionProfile::Curious),
        availability: vec![AvailabilitySlot {
            weekday: 1,
            start_minute: 9 * 60,
            end_minute: 12 * 60,
        }],
        interests: vec!["video".into()],
        skills: p
            .skills
            .iter()
            .map(|(t, level, target)| SkillLevel {
                topic_id: (*t).into(),
                level: *level,
                target: *target,
            })
            .collect(),
        ..EmployeeDraft::default()
    };
    Ok(create_employee(store, draft)?.employee.id)
}

/// A director with two mentees under a manager who takes no part in the program; one mentor
/// reports to a mentee (the chain runs through a non-participant), two mentors elsewhere.
struct Tiny {
    store: Store,
    program: ProgramId,
    marc: EmployeeId,
    anne: EmployeeId,
    /// Reports to Marc through `team_lead`: never Marc's mentor.
    lea: EmployeeId,
    tom: EmployeeId,
    zoe: EmployeeId,
    /// Role none.
    bystander: EmployeeId,
}

fn tiny() -> CoreResult<Tiny> {
    let mut store = Store::open_in_memory()?;
    let base = |first, last, grade, role, manager, department| Person {
        first,
        last,
        grade,
        role,
        manager,
        department,
        languages: &["fr"],
        skills: &[],
    };
    let director = add(
        &mut store,
        1,
        base("Dora", "Director", 10, ProgramRole::None, None, "Board"),
    )?;
    let marc = add(
        &mut store,
        2,
        Person {
            skills: &[
                ("linkedin.analytics", 1, Some(4)),
                ("tiktok.video", 0, Some(2)),
            ],
            ..base(
                "Marc",
                "Mentee",
                8,
                ProgramRole::Mentee,
                Some(director),
                "Sales",
            )
        },
    )?;
    let anne = add(
        &mut store,
        3,
        Person {
            skills: &[("linkedin.analytics", 0, Some(3))],
            ..base(
                "Anne",
                "Autre",
                8,
                ProgramRole::Both,
                Some(director),
                "Finance",
            )
        },
    )?;
    let team_lead = add(
        &mut store,
        4,
        base("Tim", "Lead", 5, ProgramRole::None, Some(marc), "Sales"),
    )?;
    let lea = add(
        &mut store,
        5,
        Person {
            skills: &[("linkedin.analytics", 4, None), ("tiktok.video", 4, None)],
            ..base(
                "Léa",
                "Expert",
                2,
                ProgramRole::Mentor,
                Some(team_lead),
                "Sales",
            )
        },
    )?;
    let tom = add(
        &mut store,
        6,
        Person {
            skills: &[("linkedin.analytics", 3, None)],
            ..base("Tom", "Second", 2, ProgramRole::Mentor, None, "Marketing")
        },
    )?;
    let zoe = add(
        &mut store,
        7,
        Person {
            skills: &[("tiktok.video", 3, None)],
            ..base("Zoé", "Third", 2, ProgramRole::Both, None, "Marketing")
        },
    )?;
    let bystander = add(
        &mut store,
        8,
        base("Bob", "Bystander", 2, ProgramRole::None, None, "Marketing"),
    )?;
    let p = create_program(&mut store, input("Tiny"))?;
    add_participants(&mut store, p.id, Side::Mentee, &[marc, anne])?;
    add_participants(&mut store, p.id, Side::Mentor, &[lea, tom, zoe])?;
    Ok(Tiny {
        store,
        program: p.id,
        marc,
        anne,
        lea,
        tom,
        zoe,
        bystander,
    })
}

// ---------------------------------------------------------------- programs

#[test]
fn a_new_program_has_the_documented_defaults() -> CoreResult<()> {
    let mut store = Store::open_in_memory()?;
    let p = create_program(&mut store, input("  Printemps  "))?;
    assert_eq!(p.name, "Printemps");
    assert_eq!((p.cadence_weeks, p.session_minutes), (4, 60));
    assert_eq!(p.matching.default_capacity, 1);
    assert!(!p.matching.require_different_department);
    assert_eq!(p.matching.weights, Weights::default());
    assert_eq!(get_program(&store, p.id)?, p);
    Ok(())
}

/// A change that makes a program input invalid.
type Change = Box<dyn Fn(&mut ProgramInput)>;

#[test]
fn every_invalid_program_field_is_refused_and_leaves_the_database_unchanged() -> CoreResult<()> {
    let mut store = Store::open_in_memory()?;
    let existing = create_program(&mut store, input("Existing"))?;
    let before = snapshot(&store)?;
    let cases: Vec<(&str, &str, Change)> = vec![
        ("name", "required", Box::new(|i| i.name = "  ".into())),
        ("name", "too_long", Box::new(|i| i.name = "n".repeat(121))),
        (
            "end_date",
            "end_before_start",
            Box::new(|i| i.end_date = i.start_date),
        ),
        (
            "end_date",
            "end_before_start",
            Box::new(|i| i.end_date = date(2025, 12, 1)),
        ),
        (
            "cadence_weeks",
            "cadence_invalid",
            Box::new(|i| i.cadence_weeks = 0),
        ),
        (
            "cadence_weeks",
            "cadence_invalid",
            Box::new(|i| i.cadence_weeks = 13),
        ),
        (
            "session_minutes",
            "session_length_invalid",
            Box::new(|i| i.session_minutes = 29),
        ),
        (
            "session_minutes",
            "session_length_invalid",
            Box::new(|i| i.session_minutes = 181),
        ),
        (
            "charter",
            "too_long",
            Box::new(|i| i.charter = "é".repeat(20_001)),
        ),
        (
            "default_capacity",
            "capacity_invalid",
            Box::new(|i| i.matching.default_capacity = 0),
        ),
        (
            "default_capacity",
            "capacity_invalid",
            Box::new(|i| i.matching.default_capacity = 4),
        ),
        (
            "weights.skill",
            "weight_invalid",
            Box::new(|i| i.matching.weights.skill = -1.0),
        ),
        (
            "weights.comfort",
            "weight_invalid",
            Box::new(|i| i.matching.weights.comfort = f64::NAN),
        ),
        (
            "weights",
            "weights_all_zero",
            Box::new(|i| {
                i.matching.weights = Weights {
                    skill: 0.0,
                    interests: 0.0,
                    availability: 0.0,
                    adoption: 0.0,
                    comfort: 0.0,
                }
            }),
        ),
    ];
    for (field, key, change) in &cases {
        let mut bad = input("Bad");
        change(&mut bad);
        let created = create_program(&mut store, bad.clone());
        let keys = created.as_ref().err().map(field_keys).unwrap_or_default();
        assert!(
            keys.contains(&(field.to_string(), key.to_string())),
            "create {field}/{key}: {keys:?}"
        );
        let updated = update_program(&mut store, existing.id, bad);
        let keys = updated.as_ref().err().map(field_keys).unwrap_or_default();
        assert!(
            keys.contains(&(field.to_string(), key.to_string())),
            "update {field}/{key}"
        );
        assert_eq!(
            snapshot(&store)?,
            before,
            "{field}/{key} changed the database"
        );
    }
    // The limits themselves are accepted.
    let mut edge = input("Edge");
    edge.charter = "é".repeat(20_000);
    edge.cadence_weeks = 12;
    edge.session_minutes = 180;
    edge.matching.default_capacity = 3;
    assert!(create_program(&mut store, edge).is_ok());
    Ok(())
}

#[test]
fn a_program_with_approved_pairs_cannot_be_deleted_but_one_without_can() -> CoreResult<()> {
    let mut t = tiny()?;
    run_matching(&mut t.store, t.program)?;
    approve_pair(&mut t.store, t.program, t.marc)?;
    let before = snapshot(&t.store)?;
    assert!(matches!(
        delete_program(&mut t.store, t.program),
        Err(CoreError::Conflict(_))
    ));
    assert_eq!(snapshot(&t.store)?, before);

    let other = create_program(&mut t.store, input("Other"))?;
    add_participants(&mut t.store, other.id, Side::Mentee, &[t.marc])?;
    delete_program(&mut t.store, other.id)?;
    assert!(is_not_found(get_program(&t.store, other.id)));
    assert_eq!(list_programs(&t.store)?.len(), 1);
    Ok(())
}

// ---------------------------------------------------------------- participants

#[test]
fn participants_need_an_active_employee_whose_role_fits_the_side() -> CoreResult<()> {
    let mut t = tiny()?;
    let before = snapshot(&t.store)?;
    // A mentee-only employee cannot mentor; a role-none employee cannot join at all.
    let other = create_program(&mut t.store, input("Other"))?.id;
    let err = add_participants(&mut t.store, other, Side::Mentor, &[t.marc]).err();
    assert_eq!(
        err.as_ref().map(field_keys).unwrap_or_default(),
        vec![("employee_ids".to_owned(), "role_mismatch".to_owned())]
    );
    let err = add_participants(&mut t.store, other, Side::Mentee, &[t.bystander]).err();
    assert_eq!(
        err.as_ref().map(field_keys).unwrap_or_default(),
        vec![("employee_ids".to_owned(), "role_mismatch".to_owned())]
    );
    // All or nothing: one bad employee in a batch adds nobody.
    let err = add_participants(&mut t.store, other, Side::Mentor, &[t.tom, t.marc]).err();
    assert!(err.is_some());
    assert!(list_participants(&t.store, other)?.is_empty());
    // "both" fits either side, but only one side per program.
    add_participants(&mut t.store, other, Side::Mentee, &[t.zoe])?;
    let err = add_participants(&mut t.store, other, Side::Mentor, &[t.zoe]).err();
    assert_eq!(
        err.as_ref().map(field_keys).unwrap_or_default(),
        vec![("employee_ids".to_owned(), "already_participant".to_owned())]
    );
    // An inactive employee cannot join.
    set_employee_active(&mut t.store, t.tom, false)?;
    let err = add_participants(&mut t.store, other, Side::Mentor, &[t.tom]).err();
    assert_eq!(
        err.as_ref().map(field_keys).unwrap_or_default(),
        vec![("employee_ids".to_owned(), "employee_inactive".to_owned())]
    );
    // Unknown employee or program.
    assert!(is_not_found(add_participants(
        &mut t.store,
        other,
        Side::Mentor,
        &[EmployeeId::new()]
    )));
    assert!(is_not_found(add_participants(
        &mut t.store,
        ProgramId::new(),
        Side::Mentor,
        &[t.lea]
    )));
    delete_program(&mut t.store, other)?;
    set_employee_active(&mut t.store, t.tom, true)?;
    assert_eq!(snapshot(&t.store)?, before);
    Ok(())
}

#[test]
fn bulk_add_takes_active_employees_of_the_role_and_department_once() -> CoreResult<()> {
    let mut store = Store::open_in_memory()?;
    load_demo(&mut store)?;
    let p = create_program(&mut store, input("Marketing"))?;
    let added = add_all_eligible(
        &mut store,
        p.id,
        Side::Mentor,
        Some("marketing & communication"),
    )?;
    assert!(added > 0);
    let participants = list_participants(&store, p.id)?;
    assert_eq!(participants.len() as u32, added);
    for x in &participants {
        assert_eq!(x.person.department, "Marketing & Communication");
        assert!(x.person.active);
        assert_eq!((x.side, x.capacity), (Side::Mentor, 1));
    }
    assert_eq!(
        add_all_eligible(
            &mut store,
            p.id,
            Side::Mentor,
            Some("Marketing & Communication")
        )?,
        0
    );
    // Everyone else with a fitting role joins; nobody is on both sides.
    add_all_eligible(&mut store, p.id, Side::Mentor, None)?;
    add_all_eligible(&mut store, p.id, Side::Mentee, None)?;
    let all = list_participants(&store, p.id)?;
    let ids: HashSet<_> = all.iter().map(|x| x.person.id).collect();
    assert_eq!(ids.len(), all.len());
    assert!(all.iter().any(|x| x.side == Side::Mentee));
    Ok(())
}

#[test]
fn a_mentor_capacity_override_is_kept_and_checked() -> CoreResult<()> {
    let mut t = tiny()?;
    set_mentor_capacity(&mut t.store, t.program, t.tom, Some(3))?;
    let tom = list_participants(&t.store, t.program)?
        .into_iter()
        .find(|x| x.person.id == t.tom);
    assert_eq!(
        tom.map(|x| (x.capacity_override, x.capacity)),
        Some((Some(3), 3))
    );
    let before = snapshot(&t.store)?;
    let err = set_mentor_capacity(&mut t.store, t.program, t.tom, Some(4)).err();
    assert_eq!(
        err.as_ref().map(field_keys).unwrap_or_default(),
        vec![("capacity".to_owned(), "capacity_invalid".to_owned())]
    );
    let err = set_mentor_capacity(&mut t.store, t.program, t.marc, Some(2)).err();
    assert_eq!(
        err.as_ref().map(field_keys).unwrap_or_default(),
        vec![("mentor_id".to_owned(), "not_participant".to_owned())]
    );
    assert_eq!(snapshot(&t.store)?, before);
    Ok(())
}

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
        set_locked(&mut store, id, *mentee, true)?;
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
    set_locked(&mut store, id, locked[0].0, false)?;
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
    approve_pair(&mut store, id, first[0].mentee)?;
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

// ---------------------------------------------------------------- exports

fn read_csv(bytes: &[u8]) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes)
        .records()
        .filter_map(Result::ok)
        .map(|r| r.iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn the_pairs_export_has_a_header_a_row_per_pair_and_neutralises_formulas() -> CoreResult<()> {
    let mut t = tiny()?;
    let evil = add(
        &mut t.store,
        30,
        Person {
            first: "=HYPERLINK(\"x\")",
            last: "Evil",
            grade: 8,
            role: ProgramRole::Mentee,
            manager: None,
            department: "+Sales",
            languages: &["fr"],
            skills: &[("tiktok.video", 0, Some(3))],
        },
    )?;
    add_participants(&mut t.store, t.program, Side::Mentee, &[evil])?;
    set_mentor_capacity(&mut t.store, t.program, t.zoe, Some(2))?;
    run_matching(&mut t.store, t.program)?;
    let pairs = list_pairs(&t.store, t.program)?;
    let rows = read_csv(&pairs_csv(&t.store, t.program)?);
    assert_eq!(rows.len(), pairs.len() + 1);
    assert_eq!(rows[0][0], "mentee");
    assert_eq!(rows[0].len(), 14);
    assert!(rows.iter().all(|r| r.len() == 14));
    let evil_row = rows.iter().find(|r| r[0].contains("HYPERLINK"));
    assert_eq!(
        evil_row.map(|r| (r[0].as_str(), r[2].as_str())),
        Some(("'=HYPERLINK(\"x\") Evil", "'+Sales"))
    );
    for r in &rows[1..] {
        let score: f64 = r[6].parse().unwrap_or(-1.0);
        assert!((0.0..=1.0).contains(&score));
        assert_eq!(r[13], "proposed");
    }
    Ok(())
}

#[test]
fn the_score_matrix_has_a_row_per_mentee_a_column_per_mentor_and_names_constraints(
) -> CoreResult<()> {
    let t = tiny()?;
    let rows = read_csv(&score_matrix_csv(&t.store, t.program)?);
    assert_eq!(rows.len(), 1 + 2);
    assert!(rows.iter().all(|r| r.len() == 2 + 3));
    let lea_col = rows[0].iter().position(|h| h.starts_with("Léa Expert"));
    let marc_row = rows.iter().position(|r| r[0] == "Marc Mentee");
    let (Some(c), Some(r)) = (lea_col, marc_row) else {
        panic!("missing Léa's column or Marc's row: {rows:?}");
    };
    assert_eq!(rows[r][c], "excluded:reporting_chain");
    let anne_row = rows.iter().position(|r| r[0] == "Anne Autre").unwrap_or(0);
    let score: f64 = rows[anne_row][c].parse().unwrap_or(-1.0);
    assert!(score > 0.0 && score <= 1.0);
    Ok(())
}

// ---------------------------------------------------------------- unknown ids

#[test]
fn unknown_ids_are_not_found_everywhere() -> CoreResult<()> {
    let mut t = tiny()?;
    let nobody = EmployeeId::new();
    let missing = ProgramId::new();
    let s = &mut t.store;
    assert!(is_not_found(get_program(s, missing)));
    assert!(is_not_found(update_program(s, missing, input("x"))));
    assert!(is_not_found(delete_program(s, missing)));
    assert!(is_not_found(list_participants(s, missing)));
    assert!(is_not_found(add_all_eligible(
        s,
        missing,
        Side::Mentor,
        None
    )));
    assert!(is_not_found(remove_participant(s, missing, t.marc)));
    assert!(is_not_found(remove_participant(s, t.program, nobody)));
    assert!(is_not_found(run_matching(s, missing)));
    assert!(is_not_found(get_proposal(s, missing)));
    assert!(is_not_found(list_pairs(s, missing)));
    assert!(is_not_found(why_not(s, missing, t.marc, t.lea)));
    assert!(is_not_found(why_not(s, t.program, nobody, t.lea)));
    assert!(is_not_found(set_locked(s, t.program, t.marc, true)));
    assert!(is_not_found(approve_pair(s, t.program, t.marc)));
    assert!(is_not_found(approve_all(s, missing)));
    assert!(is_not_found(exclude_pair(s, t.program, t.marc, nobody)));
    assert!(is_not_found(assign(s, t.program, nobody, t.lea, true)));
    assert!(is_not_found(assign(s, missing, t.marc, t.lea, true)));
    assert!(is_not_found(what_if(
        s,
        missing,
        &SettingsChange::default()
    )));
    assert!(is_not_found(pairs_csv(s, missing)));
    assert!(is_not_found(score_matrix_csv(s, missing)));
    assert!(is_not_found(set_mentor_capacity(
        s,
        t.program,
        nobody,
        Some(1)
    )));
    Ok(())
}

#[test]
fn removing_a_participant_drops_their_pairs_unless_approved() -> CoreResult<()> {
    let mut t = tiny()?;
    run_matching(&mut t.store, t.program)?;
    let anne_mentor = list_pairs(&t.store, t.program)?
        .into_iter()
        .find(|p| p.mentee == t.anne)
        .map(|p| p.mentor);
    assert_eq!(anne_mentor, Some(t.lea));
    approve_pair(&mut t.store, t.program, t.anne)?;
    let before = snapshot(&t.store)?;
    assert!(matches!(
        remove_participant(&mut t.store, t.program, t.lea),
        Err(CoreError::Conflict(_))
    ));
    assert_eq!(snapshot(&t.store)?, before);
    remove_participant(&mut t.store, t.program, t.marc)?;
    assert!(list_pairs(&t.store, t.program)?
        .iter()
        .all(|p| p.mentee != t.marc));
    assert_eq!(list_participants(&t.store, t.program)?.len(), 4);
    Ok(())
}

// ---------------------------------------------------------------- speed

/// A company of 150 mentors and 150 mentees under a few managers, with goals, skills,
/// availability and interests, so every score part is in play.
fn big_program(store: &mut Store) -> CoreResult<ProgramId> {
    let topics = [
        "linkedin.analytics",
        "linkedin.post",
        "tiktok.video",
        "instagram.reels",
        "x.post",
        "youtube.video",
    ];
    let interests = ["video", "sport", "data", "recruiting", "photo", "music"];
    let mut rng = fastrand::Rng::with_seed(7);
    let mut managers = Vec::new();
    for i in 0..10 {
        let draft = EmployeeDraft {
            external_id: format!("M{i}"),
            first_name: "Manager".into(),
            last_name: format!("N{i}"),
            email: format!("manager{i}@example.com"),
            department: format!("Dept {}", i % 5),
            grade: 10,
            timezone: "Europe/Paris".into(),
            languages: vec!["fr".into()],
            role: Some(ProgramRole::None),
            ..EmployeeDraft::default()
        };
        managers.push(create_employee(store, draft)?.employee.id);
    }
    let mut mentees = Vec::new();
    let mut mentors = Vec::new();
    for i in 0..300 {
        let mentee = i % 2 == 0;
        let mut skills = Vec::new();
        for t in topics {
            if rng.bool() {
                skills.push(SkillLevel {
                    topic_id: t.into(),
                    level: if mentee { rng.u8(0..2) } else { rng.u8(1..5) },
                    target: mentee.then(|| rng.u8(2..5)),
                });
            }
        }
        let day = rng.u8(0..5);
        let start = rng.u16(8..16) * 60;
        let draft = EmployeeDraft {
            external_id: format!("P{i}"),
            first_name: "Person".into(),
            last_name: format!("N{i}"),
            email: format!("person{i}@example.com"),
            department: format!("Dept {}", rng.usize(0..5)),
            grade: if mentee { rng.u8(6..10) } else { rng.u8(1..5) },
            manager_id: Some(managers[rng.usize(0..managers.len())]),
            site: ["Paris", "Lyon", "Nantes"][rng.usize(0..3)].into(),
            timezone: "Europe/Paris".into(),
            languages: if rng.bool() {
                vec!["fr".into(), "en".into()]
            } else {
                vec!["fr".into()]
            },
            role: Some(if mentee {
                ProgramRole::Mentee
            } else {
                ProgramRole::Mentor
            }),
            adoption_profile: mentee
                .then(|| AdoptionProfile::ALL[rng.usize(0..AdoptionProfile::ALL.len())]),
            availability: vec![AvailabilitySlot {
                weekday: day,
                start_minute: start,
                end_minute: start + 120,
            }],
            interests: (0..2)
                .map(|_| interests[rng.usize(0..interests.len())].to_owned())
                .collect::<HashSet<_>>()
                .into_iter()
                .collect(),
            skills,
            ..EmployeeDraft::default()
        };
        let id = create_employee(store, draft)?.employee.id;
        if mentee {
            mentees.push(id);
        } else {
            mentors.push(id);
        }
    }
    let p = create_program(store, input("Big"))?;
    add_participants(store, p.id, Side::Mentee, &mentees)?;
    add_participants(store, p.id, Side::Mentor, &mentors)?;
    Ok(p.id)
}

fn median_millis(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

#[test]
fn what_if_on_a_150_plus_150_program_is_fast() -> CoreResult<()> {
    let mut store = Store::open_in_memory()?;
    let id = big_program(&mut store)?;
    let started = Instant::now();
    let summary = run_matching(&mut store, id)?;
    let run_ms = started.elapsed().as_secs_f64() * 1000.0;
    assert!(summary.pairs >= 140, "{} pairs", summary.pairs);
    let change = SettingsChange {
        weights: Some(Weights {
            interests: 0.5,
            ..Weights::default()
        }),
        ..SettingsChange::default()
    };
    let mut samples = Vec::new();
    for _ in 0..15 {
        let started = Instant::now();
        let diff = what_if(&store, id, &change)?;
        samples.push(started.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(diff.matched_before, summary.pairs);
    }
    let median = median_millis(samples);
    let started = Instant::now();
    let proposal = program::get_proposal(&store, id)?;
    let review_ms = started.elapsed().as_secs_f64() * 1000.0;
    assert_eq!(proposal.pairs.len() as u32, summary.pairs);
    println!(
        "150+150: run {run_ms:.1} ms, what-if median {median:.1} ms, review {review_ms:.1} ms"
    );
    // Generous in unoptimised test builds; the release figure is in the report (aim < 50 ms).
    let limit = if cfg!(debug_assertions) { 1000.0 } else { 50.0 };
    assert!(median < limit, "what-if median {median:.1} ms");
    Ok(())
}

#[test]
fn the_persisted_total_equals_an_independent_engine_call_on_the_same_company() -> CoreResult<()> {
    use tandem_core::catalog::get_catalog;
    use tandem_core::directory::{get_employee, list_employees, DirectoryQuery};
    use tandem_core::matching::{solve, FeatureBuilder, Settings};

    let (mut store, id) = demo_program()?;
    let summary = run_matching(&mut store, id)?;
    let stored_points: u64 = list_pairs(&store, id)?.iter().map(|p| p.points).sum();

    // The whole company, read through the directory, and the catalog's topics.
    let page = list_employees(
        &store,
        &DirectoryQuery {
            include_inactive: true,
            limit: 500,
            ..DirectoryQuery::default()
        },
    )?;
    let mut population = Vec::new();
    for row in &page.rows {
        population.push(get_employee(&store, row.id)?.employee);
    }
    population.sort_by_key(|e| e.id);
    let topics: Vec<_> = get_catalog(&store)?
        .platforms
        .into_iter()
        .flat_map(|p| p.topics)
        .collect();
    let program = get_program(&store, id)?;
    let mut builder = FeatureBuilder::new(&population, &topics, program.start_date)?;
    let sides: HashMap<EmployeeId, Side> = list_participants(&store, id)?
        .into_iter()
        .map(|x| (x.person.id, x.side))
        .collect();
    let (mut mentees, mut mentors) = (Vec::new(), Vec::new());
    for e in &population {
        match sides.get(&e.id) {
            Some(Side::Mentee) => mentees.push(builder.person(e)?),
            Some(Side::Mentor) => mentors.push(builder.person(e)?),
            None => {}
        }
    }
    let settings = Settings {
        weights: program.matching.weights,
        default_capacity: program.matching.default_capacity,
        ..Settings::default()
    };
    let direct = solve(&mentees, &mentors, &settings)?;
    assert_eq!(direct.total_points, summary.total_points);
    assert_eq!(direct.total_points, stored_points);
    assert_eq!(direct.pairs.len() as u32, summary.pairs);
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
