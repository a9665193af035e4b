//! Creating, reading, editing and deactivating employees, end to end on an in-memory database:
//! child rows, refused writes that leave the database unchanged, conflicts and reporting cycles.
//! Shared fixtures live in `directory_fixture/mod.rs`.

mod directory_fixture;

use std::collections::HashMap;

use directory_fixture::*;
use tandem_core::directory::{
    self, create_employee, directory_facets, get_employee, list_employees, set_employee_active,
    update_employee, DirectoryQuery,
};
use tandem_core::domain::{AvailabilitySlot, EmployeeDraft, EmployeeId};
use tandem_core::{CoreError, CoreResult, RefusalKey, Store};

// ---------------------------------------------------------------- create / get / update / active

#[test]
fn a_created_employee_reads_back_with_manager_reports_and_child_rows() -> CoreResult<()> {
    let mut c = company()?;
    let mut d = draft("E9", "  Anaïs ", "Roux");
    d.email = " Anais.Roux@Example.COM ".into();
    d.manager_id = Some(c.paul);
    d.languages = vec!["EN".into(), "fr".into()];
    d.interests = vec!["Video".into(), "sport".into()];
    d.availability = vec![AvailabilitySlot {
        weekday: 1,
        start_minute: 600,
        end_minute: 660,
    }];
    d.hire_date = chrono::NaiveDate::from_ymd_opt(2022, 9, 1);
    d.skills = vec![skill("x.post", 2)];
    let created = create_employee(&mut c.store, d)?;
    let e = &created.employee;
    assert_eq!(e.first_name, "Anaïs");
    assert_eq!(e.email, "anais.roux@example.com");
    assert_eq!(e.languages, vec!["en", "fr"]);
    assert_eq!(e.interests, vec!["sport", "video"]);
    assert_eq!(e.availability.len(), 1);
    assert_eq!(e.skills, vec![skill("x.post", 2)]);
    assert!(e.active);
    assert_eq!(created.manager.as_ref().map(|m| m.id), Some(c.paul));
    assert_eq!(get_employee(&c.store, e.id)?, created);

    let paul = get_employee(&c.store, c.paul)?;
    let reports: Vec<&str> = paul
        .direct_reports
        .iter()
        .map(|p| p.full_name.as_str())
        .collect();
    assert_eq!(reports, vec!["Loïc Petit", "Anaïs Roux"]);
    assert_eq!(
        paul.manager.map(|m| m.full_name),
        Some("Hélène Dubois".into())
    );
    let helene = get_employee(&c.store, c.helene)?;
    let reports: Vec<&str> = helene
        .direct_reports
        .iter()
        .map(|p| p.full_name.as_str())
        .collect();
    assert_eq!(reports, vec!["Paul Martin", "Zoé Martin"]);
    Ok(())
}

#[test]
fn an_update_replaces_the_child_rows_and_the_search_text() -> CoreResult<()> {
    let mut c = company()?;
    let before = get_employee(&c.store, c.zoe)?.employee;
    let mut d = draft("E3", "Zoé", "Lambert");
    d.manager_id = Some(c.paul);
    d.skills = vec![skill("youtube.video", 3)];
    d.interests = vec!["photo".into()];
    let updated = update_employee(&mut c.store, c.zoe, d, None)?;
    assert_eq!(updated.employee.id, before.id);
    assert_eq!(updated.employee.last_name, "Lambert");
    assert_eq!(updated.employee.skills, vec![skill("youtube.video", 3)]);
    assert_eq!(updated.employee.interests, vec!["photo"]);
    assert_eq!(updated.manager.map(|m| m.id), Some(c.paul));
    assert_eq!(list_employees(&c.store, &query("lambert"))?.total, 1);
    assert_eq!(list_employees(&c.store, &query("zoé martin"))?.total, 0);
    Ok(())
}

#[test]
fn deactivating_hides_the_employee_but_deletes_nothing_and_keeps_reporting_lines() -> CoreResult<()>
{
    let mut c = company()?;
    let page = set_employee_active(&mut c.store, c.paul, false)?;
    assert!(!page.employee.active);
    assert_eq!(page.direct_reports.len(), 1);
    let loic = get_employee(&c.store, c.loic)?;
    assert_eq!(
        loic.manager.as_ref().map(|m| (m.id, m.active)),
        Some((c.paul, false))
    );
    assert_eq!(list_employees(&c.store, &query(""))?.total, 3);
    let all = DirectoryQuery {
        include_inactive: true,
        ..query("")
    };
    assert_eq!(list_employees(&c.store, &all)?.total, 4);
    let facets = directory_facets(&c.store)?;
    assert_eq!((facets.active_count, facets.inactive_count), (3, 1));

    let back = set_employee_active(&mut c.store, c.paul, true)?;
    assert!(back.employee.active);
    assert_eq!(back.employee.skills.len(), 2);
    Ok(())
}

#[test]
fn an_unknown_id_is_not_found_everywhere() -> CoreResult<()> {
    let mut c = company()?;
    let nobody = EmployeeId::new();
    let before = snapshot(&c.store)?;
    let errors = [
        get_employee(&c.store, nobody).err(),
        update_employee(&mut c.store, nobody, draft("E99", "No", "Body"), None).err(),
        set_employee_active(&mut c.store, nobody, false).err(),
    ];
    for error in errors {
        assert_eq!(error.map(|e| e.code()), Some("not_found"));
    }
    assert_eq!(snapshot(&c.store)?, before);
    Ok(())
}

// ---------------------------------------------------------------- validation and conflicts

#[test]
fn every_refused_write_names_its_fields_and_leaves_the_database_unchanged() -> CoreResult<()> {
    let mut c = company()?;
    let before = snapshot(&c.store)?;
    let (helene, paul, loic) = (c.helene, c.paul, c.loic);
    type Case = (
        &'static str,
        Option<EmployeeId>,
        EmployeeDraft,
        Vec<(&'static str, &'static str)>,
    );
    let with = |f: &dyn Fn(&mut EmployeeDraft)| {
        let mut d = draft("E50", "Léa", "Garcia");
        f(&mut d);
        d
    };
    let cases: Vec<Case> = vec![
        (
            "invalid email",
            None,
            with(&|d| d.email = "lea@localhost".into()),
            vec![("email", "email_invalid")],
        ),
        (
            "unknown manager",
            None,
            with(&|d| d.manager_id = Some(EmployeeId::new())),
            vec![("manager_id", "manager_unknown")],
        ),
        (
            "own manager",
            Some(paul),
            {
                let mut d = draft("E2", "Paul", "Martin");
                d.manager_id = Some(paul);
                d
            },
            vec![("manager_id", "manager_self")],
        ),
        (
            "direct report as manager",
            Some(paul),
            {
                let mut d = draft("E2", "Paul", "Martin");
                d.manager_id = Some(loic);
                d
            },
            vec![("manager_id", "manager_cycle")],
        ),
        (
            "indirect report as manager (depth 2)",
            Some(helene),
            {
                let mut d = draft("E1", "Hélène", "Dubois");
                d.manager_id = Some(loic);
                d
            },
            vec![("manager_id", "manager_cycle")],
        ),
        (
            "unknown topic",
            None,
            with(&|d| d.skills = vec![skill("myspace.glitter", 2)]),
            vec![("skills", "topic_unknown")],
        ),
        (
            "several problems at once",
            None,
            with(&|d| {
                d.first_name.clear();
                d.grade = 0;
                d.manager_id = Some(EmployeeId::new());
                d.skills = vec![skill("nope", 1)];
            }),
            vec![
                ("first_name", "required"),
                ("grade", "grade_invalid"),
                ("manager_id", "manager_unknown"),
                ("skills", "topic_unknown"),
            ],
        ),
    ];
    for (name, id, d, expected) in cases {
        let result = match id {
            None => create_employee(&mut c.store, d),
            Some(id) => update_employee(&mut c.store, id, d, None),
        };
        let error = result.expect_err(name);
        let expected: Vec<(String, String)> = expected
            .into_iter()
            .map(|(f, k)| (f.to_owned(), k.to_owned()))
            .collect();
        assert_eq!(field_keys(&error), expected, "case: {name}");
        assert_eq!(snapshot(&c.store)?, before, "case: {name}");
    }
    Ok(())
}

#[test]
fn a_manager_cycle_is_refused_at_any_depth() -> CoreResult<()> {
    let mut store = Store::open_for_tests()?;
    let mut chain = Vec::new();
    for i in 0..12 {
        let mut d = draft(&format!("C{i}"), "Chain", &format!("Link{i}"));
        d.manager_id = chain.last().copied();
        chain.push(create_employee(&mut store, d)?.employee.id);
    }
    let top = chain[0];
    for (depth, below) in chain.iter().enumerate().skip(1) {
        let mut d = draft("C0", "Chain", "Link0");
        d.manager_id = Some(*below);
        let error = update_employee(&mut store, top, d, None).expect_err("a cycle");
        assert_eq!(
            field_keys(&error),
            vec![("manager_id".into(), "manager_cycle".into())],
            "depth {depth}"
        );
    }
    // Moving a middle link under a sibling branch is fine.
    let mut d = draft("C11", "Chain", "Link11");
    d.manager_id = Some(top);
    assert!(update_employee(&mut store, chain[11], d, None).is_ok());
    Ok(())
}

#[test]
fn an_email_or_hr_id_used_by_someone_else_is_a_conflict_naming_them() -> CoreResult<()> {
    let mut c = company()?;
    let before = snapshot(&c.store)?;
    let mut d = draft("E60", "Paul", "Martin");
    d.email = "PAUL.martin@example.com".into();
    let error = create_employee(&mut c.store, d).expect_err("duplicate email");
    assert_eq!(error.code(), "conflict");
    assert!(
        error.to_string().contains("Paul Martin (Marketing)"),
        "{error}"
    );

    let error =
        create_employee(&mut c.store, draft("E3", "Other", "Person")).expect_err("duplicate HR id");
    assert_eq!(error.code(), "conflict");
    assert!(error.to_string().contains("E3"), "{error}");
    assert!(error.to_string().contains("Zoé Martin"), "{error}");

    let mut d = draft("E4", "Loïc", "Petit");
    d.email = "zoe.martin@example.com".into();
    let error = update_employee(&mut c.store, c.loic, d, None).expect_err("email of another");
    assert_eq!(error.code(), "conflict");
    assert_eq!(snapshot(&c.store)?, before);

    // Keeping one's own email and id is not a conflict.
    let mut d = draft("E4", "Loïc", "Petit");
    d.manager_id = Some(c.paul);
    assert!(update_employee(&mut c.store, c.loic, d, None).is_ok());
    Ok(())
}

// ---------------------------------------------------------------- reporting cycles

#[test]
fn the_reporting_cycle_finder_is_usable_on_any_key_type() {
    let edges: HashMap<&str, Option<&str>> = [
        ("a", Some("b")),
        ("b", Some("c")),
        ("c", Some("a")),
        ("d", None),
    ]
    .into_iter()
    .collect();
    let cycle = directory::find_reporting_cycle(&edges).unwrap_or_default();
    assert_eq!(cycle.len(), 3);
    assert!(!cycle.contains(&"d"));
}

#[test]
fn an_edit_based_on_an_old_version_is_refused_and_writes_nothing() -> CoreResult<()> {
    let mut c = company()?;
    let opened = get_employee(&c.store, c.zoe)?;
    let mut first = draft("E3", "Zoé", "Lambert");
    first.title = "Cheffe de projet".into();
    let saved = update_employee(&mut c.store, c.zoe, first, Some(opened.version))?;
    assert_eq!(
        saved.version,
        opened.version + 1,
        "every change raises the version"
    );

    // A second screen opened before that change saves its own edit: refused, nothing written.
    let before = snapshot(&c.store)?;
    let mut second = draft("E3", "Zoé", "Martin-Roux");
    second.title = "Responsable communication".into();
    let refused = update_employee(&mut c.store, c.zoe, second.clone(), Some(opened.version));
    let key = refused.as_ref().err().and_then(CoreError::refusal_key);
    assert!(
        matches!(
            key,
            Some(RefusalKey::StaleRecord | RefusalKey::StaleRecordHere)
        ),
        "{refused:?}"
    );
    let refusal = refused.err().and_then(|e| e.refusal().cloned());
    let changed_at = refusal
        .iter()
        .flat_map(|r| r.params.iter())
        .find(|(name, _)| *name == "changed_at")
        .map(|(_, v)| v.clone());
    assert!(
        changed_at.is_some_and(|at| at.starts_with("20")),
        "names when"
    );
    assert_eq!(snapshot(&c.store)?, before);

    // Reloaded, the same edit goes through.
    let fresh = get_employee(&c.store, c.zoe)?;
    let saved = update_employee(&mut c.store, c.zoe, second, Some(fresh.version))?;
    assert_eq!(saved.employee.last_name, "Martin-Roux");
    Ok(())
}
