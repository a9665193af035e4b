//! Shared fixtures of the directory tests (`tests/directory*.rs`): employee drafts, a small
//! company with a reporting line, and helpers to compare what the directory shows. Add a helper
//! here only when more than one directory test file needs it.

#![allow(dead_code)]

use tandem_core::directory::{
    create_employee, directory_facets, get_employee, list_employees, DirectoryPage, DirectoryQuery,
};
use tandem_core::domain::text::fold;
use tandem_core::domain::{AdoptionProfile, EmployeeDraft, EmployeeId, ProgramRole, SkillLevel};
use tandem_core::{CoreError, CoreResult, Store};

pub fn draft(external_id: &str, first: &str, last: &str) -> EmployeeDraft {
    let email = format!("{}.{}@example.com", fold(first), fold(last)).replace(' ', "");
    EmployeeDraft {
        external_id: external_id.into(),
        first_name: first.into(),
        last_name: last.into(),
        email,
        department: "Ventes".into(),
        title: "Chargée de clientèle".into(),
        grade: 3,
        timezone: "Europe/Paris".into(),
        languages: vec!["fr".into()],
        role: Some(ProgramRole::None),
        ..EmployeeDraft::default()
    }
}

pub fn skill(topic: &str, level: u8) -> SkillLevel {
    SkillLevel {
        topic_id: topic.into(),
        level,
        target: None,
    }
}

/// Everything the directory can show, for "nothing changed" comparisons.
pub fn snapshot(store: &Store) -> CoreResult<String> {
    let page = list_employees(
        store,
        &DirectoryQuery {
            include_inactive: true,
            limit: 500,
            ..DirectoryQuery::default()
        },
    )?;
    let mut out = format!("{page:?}\n{:?}\n", directory_facets(store)?);
    for row in &page.rows {
        out.push_str(&format!("{:?}\n", get_employee(store, row.id)?));
    }
    Ok(out)
}

pub fn query(search: &str) -> DirectoryQuery {
    DirectoryQuery {
        search: search.into(),
        ..DirectoryQuery::default()
    }
}

pub fn names(page: &DirectoryPage) -> Vec<String> {
    page.rows
        .iter()
        .map(|r| format!("{} {}", r.first_name, r.last_name))
        .collect()
}

pub fn field_keys(error: &CoreError) -> Vec<(String, String)> {
    match error {
        CoreError::Validation(fields) => fields
            .iter()
            .map(|f| (f.field.clone(), f.key.clone()))
            .collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

/// A small company: Hélène runs it; Paul and Zoé report to her; Loïc reports to Paul.
pub struct Company {
    pub store: Store,
    pub helene: EmployeeId,
    pub paul: EmployeeId,
    pub zoe: EmployeeId,
    pub loic: EmployeeId,
}

pub fn company() -> CoreResult<Company> {
    let mut store = Store::open_for_tests()?;
    let mut h = draft("E1", "Hélène", "Dubois");
    h.department = "Direction générale".into();
    h.title = "Directrice générale".into();
    h.grade = 10;
    h.role = Some(ProgramRole::Mentee);
    h.adoption_profile = Some(AdoptionProfile::Anxious);
    h.skills = vec![skill("linkedin.profile", 1), skill("tiktok.video", 0)];
    let helene = create_employee(&mut store, h)?.employee.id;

    let mut p = draft("E2", "Paul", "Martin");
    p.manager_id = Some(helene);
    p.department = "Marketing".into();
    p.title = "Responsable marketing".into();
    p.grade = 7;
    p.role = Some(ProgramRole::Both);
    p.adoption_profile = Some(AdoptionProfile::Curious);
    p.skills = vec![skill("linkedin.post", 3), skill("tiktok.trends", 2)];
    let paul = create_employee(&mut store, p)?.employee.id;

    let mut z = draft("E3", "Zoé", "Martin");
    z.manager_id = Some(helene);
    z.grade = 2;
    z.role = Some(ProgramRole::Mentor);
    z.skills = vec![skill("tiktok.video", 4), skill("tiktok.trends", 1)];
    let zoe = create_employee(&mut store, z)?.employee.id;

    let mut l = draft("E4", "Loïc", "Petit");
    l.manager_id = Some(paul);
    l.department = "Marketing".into();
    l.title = "Chargé de communication_web 100%".into();
    l.grade = 2;
    l.role = Some(ProgramRole::Mentor);
    l.site = "Lyon".into();
    l.skills = vec![skill("tiktok.video", 2)];
    let loic = create_employee(&mut store, l)?.employee.id;
    Ok(Company {
        store,
        helene,
        paul,
        zoe,
        loic,
    })
}
