//! Integration tests of programs and their participants: validation with the database left
//! unchanged, deletion rules, who may join on which side, bulk adds, capacity overrides, removing
//! participants, and `NotFound` for unknown ids everywhere. Fixtures: `programs_fixture/mod.rs`.

mod programs_fixture;

use programs_fixture::*;

use std::collections::HashSet;

use tandem_core::demo::load_demo;
use tandem_core::directory::set_employee_active;
use tandem_core::domain::EmployeeId;
use tandem_core::matching::Weights;
use tandem_core::program::*;
use tandem_core::{CoreError, CoreResult, Store};

// ---------------------------------------------------------------- programs

#[test]
fn a_new_program_has_the_documented_defaults() -> CoreResult<()> {
    let mut store = Store::open_for_tests()?;
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
    let mut store = Store::open_for_tests()?;
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
    approve_pair(&mut t.store, t.program, t.marc, None)?;
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
    let mut store = Store::open_for_tests()?;
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
    assert!(is_not_found(set_locked(s, t.program, t.marc, true, None)));
    assert!(is_not_found(approve_pair(s, t.program, t.marc, None)));
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
    approve_pair(&mut t.store, t.program, t.anne, None)?;
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
