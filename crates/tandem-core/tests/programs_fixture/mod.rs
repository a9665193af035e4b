//! Shared fixtures of the program tests (`tests/programs*.rs`): dates, error helpers, database
//! snapshots, the demo company with every eligible participant, and `tiny()`, a small hand-made
//! company whose reporting chains the matching constraints are checked against. Change a fixture
//! only together with the tests that compute their expectations from it.

#![allow(dead_code)]

use std::collections::HashSet;

use chrono::NaiveDate;
use tandem_core::demo::load_demo;
use tandem_core::directory::create_employee;
use tandem_core::domain::text::fold;
use tandem_core::domain::{
    AdoptionProfile, AvailabilitySlot, Employee, EmployeeDraft, EmployeeId, ProgramRole, SkillLevel,
};
use tandem_core::program::*;
use tandem_core::{CoreError, CoreResult, Store};

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

pub fn input(name: &str) -> ProgramInput {
    ProgramInput::new(name, date(2026, 1, 5), date(2026, 7, 31))
}

pub fn field_keys(error: &CoreError) -> Vec<(String, String)> {
    match error {
        CoreError::Validation(fields) => fields
            .iter()
            .map(|f| (f.field.clone(), f.key.clone()))
            .collect(),
        _ => Vec::new(),
    }
}

pub fn is_not_found<T: std::fmt::Debug>(result: CoreResult<T>) -> bool {
    matches!(result, Err(CoreError::NotFound { .. }))
}

/// Everything a program shows, for "nothing changed" comparisons.
pub fn snapshot(store: &Store) -> CoreResult<String> {
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
pub fn pair_set(store: &Store, id: ProgramId) -> CoreResult<HashSet<(EmployeeId, EmployeeId)>> {
    Ok(list_pairs(store, id)?
        .into_iter()
        .map(|p| (p.mentee, p.mentor))
        .collect())
}

/// The demo company with one program holding every eligible mentor and mentee.
pub fn demo_program() -> CoreResult<(Store, ProgramId)> {
    let mut store = Store::open_for_tests()?;
    load_demo(&mut store)?;
    let p = create_program(&mut store, input("Demo cohort"))?;
    add_all_eligible(&mut store, p.id, Side::Mentor, None)?;
    add_all_eligible(&mut store, p.id, Side::Mentee, None)?;
    Ok((store, p.id))
}

// ---------------------------------------------------------------- a small hand-made company

pub struct Person<'a> {
    pub first: &'a str,
    pub last: &'a str,
    pub grade: u8,
    pub role: ProgramRole,
    pub manager: Option<EmployeeId>,
    pub department: &'a str,
    pub languages: &'a [&'a str],
    pub skills: &'a [(&'a str, u8, Option<u8>)],
}

pub fn add(store: &mut Store, n: usize, p: Person<'_>) -> CoreResult<EmployeeId> {
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
pub struct Tiny {
    pub store: Store,
    pub program: ProgramId,
    pub marc: EmployeeId,
    pub anne: EmployeeId,
    /// Reports to Marc through `team_lead`: never Marc's mentor.
    pub lea: EmployeeId,
    pub tom: EmployeeId,
    pub zoe: EmployeeId,
    /// Role none.
    pub bystander: EmployeeId,
}

pub fn tiny() -> CoreResult<Tiny> {
    let mut store = Store::open_for_tests()?;
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

/// An employee as the draft that would save it unchanged: the start of an edit.
pub fn draft_of(e: &Employee) -> EmployeeDraft {
    EmployeeDraft {
        external_id: e.external_id.clone(),
        first_name: e.first_name.clone(),
        last_name: e.last_name.clone(),
        email: e.email.clone(),
        department: e.department.clone(),
        title: e.title.clone(),
        grade: e.grade,
        manager_id: e.manager_id,
        site: e.site.clone(),
        timezone: e.timezone.clone(),
        languages: e.languages.clone(),
        hire_date: e.hire_date,
        role: Some(e.role),
        adoption_profile: e.adoption_profile,
        availability: e.availability.clone(),
        interests: e.interests.clone(),
        skills: e.skills.clone(),
    }
}
