//! The directory, catalog, settings and demo loader, end to end on an in-memory database.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use tandem_core::directory::{
    self, create_employee, directory_facets, get_employee, list_employees, set_employee_active,
    update_employee, DirectoryPage, DirectoryQuery, DirectorySort,
};
use tandem_core::domain::text::fold;
use tandem_core::domain::{
    AdoptionProfile, AvailabilitySlot, EmployeeDraft, EmployeeId, ProgramRole, SkillLevel,
};
use tandem_core::{CoreError, CoreResult, Store};

fn draft(external_id: &str, first: &str, last: &str) -> EmployeeDraft {
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

fn skill(topic: &str, level: u8) -> SkillLevel {
    SkillLevel {
        topic_id: topic.into(),
        level,
        target: None,
    }
}

/// Everything the directory can show, for "nothing changed" comparisons.
fn snapshot(store: &Store) -> CoreResult<String> {
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

fn query(search: &str) -> DirectoryQuery {
    DirectoryQuery {
        search: search.into(),
        ..DirectoryQuery::default()
    }
}

fn names(page: &DirectoryPage) -> Vec<String> {
    page.rows
        .iter()
        .map(|r| format!("{} {}", r.first_name, r.last_name))
        .collect()
}

fn field_keys(error: &CoreError) -> Vec<(String, String)> {
    match error {
        CoreError::Validation(fields) => fields
            .iter()
            .map(|f| (f.field.clone(), f.key.clone()))
            .collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

/// A small company: Hélène runs it; Paul and Zoé report to her; Loïc reports to Paul.
struct Company {
    store: Store,
    helene: EmployeeId,
    paul: EmployeeId,
    zoe: EmployeeId,
    loic: EmployeeId,
}

fn company() -> CoreResult<Company> {
    let mut store = Store::open_in_memory()?;
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
    let updated = update_employee(&mut c.store, c.zoe, d)?;
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
        update_employee(&mut c.store, nobody, draft("E99", "No", "Body")).err(),
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
            Some(id) => update_employee(&mut c.store, id, d),
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
    let mut store = Store::open_in_memory()?;
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
        let error = update_employee(&mut store, top, d).expect_err("a cycle");
        assert_eq!(
            field_keys(&error),
            vec![("manager_id".into(), "manager_cycle".into())],
            "depth {depth}"
        );
    }
    // Moving a middle link under a sibling branch is fine.
    let mut d = draft("C11", "Chain", "Link11");
    d.manager_id = Some(top);
    assert!(update_employee(&mut store, chain[11], d).is_ok());
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
    let error = update_employee(&mut c.store, c.loic, d).expect_err("email of another");
    assert_eq!(error.code(), "conflict");
    assert_eq!(snapshot(&c.store)?, before);

    // Keeping one's own email and id is not a conflict.
    let mut d = draft("E4", "Loïc", "Petit");
    d.manager_id = Some(c.paul);
    assert!(update_employee(&mut c.store, c.loic, d).is_ok());
    Ok(())
}

// ---------------------------------------------------------------- search, filters, sorts

#[test]
fn search_ignores_accents_and_case_and_matches_every_word_in_any_order() -> CoreResult<()> {
    let c = company()?;
    let cases: &[(&str, &[&str])] = &[
        ("helene", &["Hélène Dubois"]),
        ("HÉLÈNE", &["Hélène Dubois"]),
        ("zoe", &["Zoé Martin"]),
        ("martin", &["Paul Martin", "Zoé Martin"]),
        ("martin zoé", &["Zoé Martin"]),
        ("  ZOE   MARTIN ", &["Zoé Martin"]),
        ("loic.petit@example", &["Loïc Petit"]),
        ("marketing", &["Paul Martin", "Loïc Petit"]),
        ("direction generale", &["Hélène Dubois"]),
        ("responsable", &["Paul Martin"]),
        ("100%", &["Loïc Petit"]),
        ("communication_web", &["Loïc Petit"]),
        ("%", &["Loïc Petit"]),
        ("_", &["Loïc Petit"]),
        ("martin dubois", &[]),
        (
            "",
            &["Hélène Dubois", "Paul Martin", "Zoé Martin", "Loïc Petit"],
        ),
    ];
    for (search, expected) in cases {
        let page = list_employees(&c.store, &query(search))?;
        assert_eq!(names(&page), *expected, "search {search:?}");
        assert_eq!(page.total as usize, expected.len(), "search {search:?}");
    }
    Ok(())
}

#[test]
fn each_filter_narrows_the_list() -> CoreResult<()> {
    let c = company()?;
    let cases: Vec<(&str, DirectoryQuery, &[&str])> = vec![
        (
            "department",
            DirectoryQuery {
                department: Some("Marketing".into()),
                ..query("")
            },
            &["Paul Martin", "Loïc Petit"],
        ),
        (
            "mentors include both",
            DirectoryQuery {
                role: Some(ProgramRole::Mentor),
                ..query("")
            },
            &["Paul Martin", "Zoé Martin", "Loïc Petit"],
        ),
        (
            "mentees include both",
            DirectoryQuery {
                role: Some(ProgramRole::Mentee),
                ..query("")
            },
            &["Hélène Dubois", "Paul Martin"],
        ),
        (
            "both only",
            DirectoryQuery {
                role: Some(ProgramRole::Both),
                ..query("")
            },
            &["Paul Martin"],
        ),
        (
            "adoption profile",
            DirectoryQuery {
                adoption_profile: Some(AdoptionProfile::Anxious),
                ..query("")
            },
            &["Hélène Dubois"],
        ),
        (
            "best TikTok topic at least practitioner",
            DirectoryQuery {
                platform_id: Some("tiktok".into()),
                min_level: Some(3),
                ..query("")
            },
            &["Zoé Martin"],
        ),
        (
            "best TikTok topic at least beginner",
            DirectoryQuery {
                platform_id: Some("tiktok".into()),
                min_level: Some(2),
                ..query("")
            },
            &["Paul Martin", "Zoé Martin", "Loïc Petit"],
        ),
        (
            "any skill on LinkedIn",
            DirectoryQuery {
                platform_id: Some("linkedin".into()),
                ..query("")
            },
            &["Hélène Dubois", "Paul Martin"],
        ),
        (
            "combined with a search",
            DirectoryQuery {
                role: Some(ProgramRole::Mentor),
                department: Some("Ventes".into()),
                ..query("martin")
            },
            &["Zoé Martin"],
        ),
    ];
    for (name, q, expected) in cases {
        let page = list_employees(&c.store, &q)?;
        assert_eq!(names(&page), expected, "filter: {name}");
        assert_eq!(page.total as usize, expected.len(), "filter: {name}");
    }
    Ok(())
}

#[test]
fn each_sort_orders_rows_and_breaks_ties_by_name() -> CoreResult<()> {
    let c = company()?;
    let cases: &[(DirectorySort, bool, &[&str])] = &[
        (
            DirectorySort::Name,
            false,
            &["Hélène Dubois", "Paul Martin", "Zoé Martin", "Loïc Petit"],
        ),
        (
            DirectorySort::Name,
            true,
            &["Loïc Petit", "Zoé Martin", "Paul Martin", "Hélène Dubois"],
        ),
        (
            DirectorySort::Department,
            false,
            &["Hélène Dubois", "Paul Martin", "Loïc Petit", "Zoé Martin"],
        ),
        (
            DirectorySort::Grade,
            false,
            &["Zoé Martin", "Loïc Petit", "Paul Martin", "Hélène Dubois"],
        ),
        (
            DirectorySort::Grade,
            true,
            &["Hélène Dubois", "Paul Martin", "Loïc Petit", "Zoé Martin"],
        ),
        (
            DirectorySort::Title,
            false,
            // "Chargé de communication" < "Chargée de clientèle" < "Directrice" < "Responsable".
            &["Loïc Petit", "Zoé Martin", "Hélène Dubois", "Paul Martin"],
        ),
    ];
    for (sort, descending, expected) in cases {
        let q = DirectoryQuery {
            sort: *sort,
            descending: *descending,
            ..query("")
        };
        assert_eq!(
            names(&list_employees(&c.store, &q)?),
            *expected,
            "{sort:?} desc={descending}"
        );
    }
    Ok(())
}

#[test]
fn consecutive_windows_cover_the_list_exactly_once_for_every_sort() -> CoreResult<()> {
    let mut store = Store::open_in_memory()?;
    tandem_core::demo::seed_synthetic(&mut store, 300, 7)?;
    for sort in [
        DirectorySort::Name,
        DirectorySort::Department,
        DirectorySort::Title,
        DirectorySort::Grade,
    ] {
        for descending in [false, true] {
            let base = DirectoryQuery {
                sort,
                descending,
                limit: 300,
                ..query("")
            };
            let whole = list_employees(&store, &base)?;
            assert_eq!(whole.rows.len(), 300);
            let mut paged = Vec::new();
            let mut offset = 0;
            while offset < whole.total {
                let page = list_employees(
                    &store,
                    &DirectoryQuery {
                        offset,
                        limit: 17,
                        ..base.clone()
                    },
                )?;
                assert_eq!(page.offset, offset);
                assert_eq!(page.total, whole.total);
                offset += page.rows.len() as u32;
                paged.extend(page.rows);
            }
            assert_eq!(paged, whole.rows, "{sort:?} desc={descending}");
        }
    }
    Ok(())
}

#[test]
fn a_window_is_capped_at_five_hundred_rows() -> CoreResult<()> {
    let mut store = Store::open_in_memory()?;
    tandem_core::demo::seed_synthetic(&mut store, 600, 3)?;
    let page = list_employees(
        &store,
        &DirectoryQuery {
            limit: 10_000,
            include_inactive: true,
            ..query("")
        },
    )?;
    assert_eq!((page.total, page.rows.len()), (600, 500));
    Ok(())
}

#[test]
fn facets_list_departments_and_sites_of_active_employees() -> CoreResult<()> {
    let mut c = company()?;
    set_employee_active(&mut c.store, c.loic, false)?;
    let facets = directory_facets(&c.store)?;
    assert_eq!(
        facets.departments,
        vec!["Direction générale", "Marketing", "Ventes"]
    );
    assert!(
        facets.sites.is_empty(),
        "Lyon belongs to an inactive employee"
    );
    assert_eq!((facets.active_count, facets.inactive_count), (3, 1));
    Ok(())
}

#[test]
fn the_directory_stays_correct_and_fast_at_twenty_thousand_employees() -> CoreResult<()> {
    let mut store = Store::open_in_memory()?;
    let company = tandem_core::demo::synthetic_company(20_000, 42);
    tandem_core::demo::seed_synthetic(&mut store, 20_000, 42)?;

    // The same search done by hand over the generated drafts.
    let expected = |words: &[&str], role: Option<ProgramRole>| {
        company
            .iter()
            .filter(|(_, d)| {
                let text = tandem_core::domain::text::employee_search_text(
                    &d.first_name,
                    &d.last_name,
                    &d.email,
                    &d.department,
                    &d.title,
                );
                words.iter().all(|w| text.contains(&fold(w)))
                    && role.is_none_or(|r| match r {
                        ProgramRole::Mentor => d.role.is_some_and(ProgramRole::can_mentor),
                        _ => d.role == Some(r),
                    })
            })
            .count() as u32
    };
    let started = Instant::now();
    let page = list_employees(&store, &query("hélène"))?;
    let first_search = started.elapsed();
    assert_eq!(page.total, expected(&["helene"], None));
    assert!(page.total > 0);
    assert!(page.rows.iter().all(|r| fold(&r.first_name) == "helene"));

    let q = DirectoryQuery {
        role: Some(ProgramRole::Mentor),
        ..query("martin ventes")
    };
    assert_eq!(
        list_employees(&store, &q)?.total,
        expected(&["martin", "ventes"], Some(ProgramRole::Mentor))
    );

    let started = Instant::now();
    let window = list_employees(
        &store,
        &DirectoryQuery {
            offset: 10_000,
            limit: 100,
            ..query("")
        },
    )?;
    let window_fetch = started.elapsed();
    assert_eq!(window.total, 20_000);
    assert_eq!(window.rows.len(), 100);
    // Generous bounds for an unoptimized test build on a shared machine; the benchmark measures.
    assert!(
        first_search < Duration::from_millis(500),
        "{first_search:?}"
    );
    assert!(
        window_fetch < Duration::from_millis(500),
        "{window_fetch:?}"
    );
    Ok(())
}

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

// ---------------------------------------------------------------- catalog

use tandem_core::catalog::{get_catalog, save_platform, save_topic, PlatformInput, TopicInput};

fn platform_input(id: Option<&str>, name: &str, active: bool) -> PlatformInput {
    PlatformInput {
        id: id.map(str::to_owned),
        name: name.into(),
        active,
    }
}

fn topic_input(id: Option<&str>, platform: &str, en: &str, fr: &str) -> TopicInput {
    TopicInput {
        id: id.map(str::to_owned),
        platform_id: platform.into(),
        name_en: en.into(),
        name_fr: fr.into(),
        active: true,
    }
}

#[test]
fn the_default_catalog_lists_platforms_in_order_with_their_topics() -> CoreResult<()> {
    let store = Store::open_in_memory()?;
    let catalog = get_catalog(&store)?;
    let ids: Vec<&str> = catalog
        .platforms
        .iter()
        .map(|p| p.platform.id.as_str())
        .collect();
    assert_eq!(ids, vec!["linkedin", "tiktok", "x", "instagram", "youtube"]);
    for p in &catalog.platforms {
        assert_eq!(p.topics.len(), 6, "{}", p.platform.id);
        assert!(p.topics.iter().all(|t| t.platform_id == p.platform.id));
        assert!(p.topics.windows(2).all(|w| w[0].position < w[1].position));
    }
    Ok(())
}

#[test]
fn a_new_platform_gets_a_slug_id_goes_last_and_can_be_renamed_and_deactivated() -> CoreResult<()> {
    let mut store = Store::open_in_memory()?;
    let catalog = save_platform(&mut store, platform_input(None, "  Threads (Meta) ", true))?;
    let last = catalog.platforms.last().map(|p| p.platform.clone());
    let last = last.ok_or_else(|| CoreError::not_found("platform", "last"))?;
    assert_eq!(
        (last.id.as_str(), last.name.as_str()),
        ("threads_meta", "Threads (Meta)")
    );
    assert_eq!(last.position, 5);

    let catalog = save_platform(
        &mut store,
        platform_input(Some("threads_meta"), "Threads", false),
    )?;
    let renamed = catalog
        .platforms
        .iter()
        .find(|p| p.platform.id == "threads_meta")
        .map(|p| (p.platform.name.clone(), p.platform.active));
    assert_eq!(renamed, Some(("Threads".to_owned(), false)));

    // A different name with the same slug still gets its own id.
    let catalog = save_platform(&mut store, platform_input(None, "Threads meta!", true))?;
    assert!(catalog
        .platforms
        .iter()
        .any(|p| p.platform.id == "threads_meta_2"));
    Ok(())
}

#[test]
fn a_new_topic_is_slugged_under_its_platform_and_goes_last() -> CoreResult<()> {
    let mut store = Store::open_in_memory()?;
    let catalog = save_topic(
        &mut store,
        topic_input(None, "linkedin", "", "Créer une page entreprise"),
    )?;
    let topics = &catalog.platforms[0].topics;
    let last = topics
        .last()
        .map(|t| (t.id.as_str(), t.position, t.name_en.as_str()));
    assert_eq!(last, Some(("linkedin.creer_une_page_entreprise", 6, "")));

    // Same name again: a distinct id.
    let catalog = save_topic(
        &mut store,
        topic_input(None, "linkedin", "", "Créer une page entreprise"),
    )?;
    assert!(catalog
        .topic("linkedin.creer_une_page_entreprise_2")
        .is_some());

    let mut edit = topic_input(
        Some("linkedin.creer_une_page_entreprise"),
        "linkedin",
        "Create a company page",
        "Créer une page entreprise",
    );
    edit.active = false;
    let catalog = save_topic(&mut store, edit)?;
    let topic = catalog.topic("linkedin.creer_une_page_entreprise").cloned();
    assert_eq!(
        topic.map(|t| (t.name_en, t.active)),
        Some(("Create a company page".to_owned(), false))
    );
    Ok(())
}

#[test]
fn invalid_catalog_changes_are_refused_and_change_nothing() -> CoreResult<()> {
    let mut store = Store::open_in_memory()?;
    let before = get_catalog(&store)?;
    let platform_cases = [
        (
            platform_input(None, "   ", true),
            "validation",
            Some(("name", "required")),
        ),
        (
            platform_input(None, &"x".repeat(61), true),
            "validation",
            Some(("name", "too_long")),
        ),
        (
            platform_input(None, "LINKEDIN", true),
            "validation",
            Some(("name", "name_taken")),
        ),
        (
            platform_input(Some("tiktok"), "youtube", true),
            "validation",
            Some(("name", "name_taken")),
        ),
        (
            platform_input(Some("myspace"), "MySpace", true),
            "not_found",
            None,
        ),
    ];
    for (input, code, field) in platform_cases {
        let error = save_platform(&mut store, input.clone()).expect_err("refused");
        assert_eq!(error.code(), code, "{input:?}");
        if let Some((f, k)) = field {
            assert_eq!(
                field_keys(&error),
                vec![(f.to_owned(), k.to_owned())],
                "{input:?}"
            );
        }
    }
    let topic_cases = [
        (
            topic_input(None, "linkedin", " ", ""),
            "validation",
            Some(("name_en", "required")),
        ),
        (
            topic_input(None, "linkedin", &"x".repeat(61), ""),
            "validation",
            Some(("name_en", "too_long")),
        ),
        (
            topic_input(None, "myspace", "Glitter", ""),
            "not_found",
            None,
        ),
        (
            topic_input(Some("linkedin.nope"), "linkedin", "Nope", ""),
            "not_found",
            None,
        ),
        (
            topic_input(Some("linkedin.post"), "tiktok", "Post", ""),
            "validation",
            Some(("platform_id", "platform_fixed")),
        ),
    ];
    for (input, code, field) in topic_cases {
        let error = save_topic(&mut store, input.clone()).expect_err("refused");
        assert_eq!(error.code(), code, "{input:?}");
        if let Some((f, k)) = field {
            assert_eq!(
                field_keys(&error),
                vec![(f.to_owned(), k.to_owned())],
                "{input:?}"
            );
        }
    }
    assert_eq!(get_catalog(&store)?, before);
    // Renaming a platform to its own name in another case is fine.
    assert!(save_platform(&mut store, platform_input(Some("tiktok"), "Tiktok", true)).is_ok());
    Ok(())
}

#[test]
fn a_deactivated_topic_stays_usable_by_existing_skills() -> CoreResult<()> {
    let mut c = company()?;
    let mut edit = topic_input(
        Some("tiktok.video"),
        "tiktok",
        "Film and edit a short video",
        "",
    );
    edit.active = false;
    save_topic(&mut c.store, edit)?;
    let zoe = get_employee(&c.store, c.zoe)?;
    assert!(zoe
        .employee
        .skills
        .iter()
        .any(|s| s.topic_id == "tiktok.video"));
    Ok(())
}

// ---------------------------------------------------------------- settings

#[test]
fn the_interface_language_round_trips() -> CoreResult<()> {
    use tandem_core::settings::{language, set_language, Language};
    let mut store = Store::open_in_memory()?;
    assert_eq!(language(&store)?, None);
    set_language(&mut store, Language::En)?;
    assert_eq!(language(&store)?, Some(Language::En));
    set_language(&mut store, Language::Fr)?;
    assert_eq!(language(&store)?, Some(Language::Fr));
    Ok(())
}

// ---------------------------------------------------------------- demo

use tandem_core::demo::{load_demo, load_demo_from_str};

const SMALL_DEMO: &str = r#"{ "company": "Test", "employees": [
  { "external_id": "D2", "first_name": "Zoé", "last_name": "Petit", "email": "zoe.petit@test.fr",
    "department": "Marketing", "title": "Chargée", "grade": 2, "manager_external_id": "D1",
    "site": "Lyon", "timezone": "Europe/Paris", "languages": ["fr", "en"], "hire_date": "2023-09-01",
    "role": "mentor", "adoption_profile": null,
    "availability": [ { "weekday": 1, "start_minute": 720, "end_minute": 780 } ],
    "interests": ["video"], "skills": [ { "topic_id": "tiktok.video", "level": 4, "target": null } ] },
  { "external_id": "D1", "first_name": "Hélène", "last_name": "Roux", "email": "helene.roux@test.fr",
    "department": "Direction", "title": "Directrice", "grade": 9, "manager_external_id": null,
    "site": "Paris", "timezone": "Europe/Paris", "languages": ["fr"], "hire_date": null,
    "role": "mentee", "adoption_profile": "anxious", "availability": [], "interests": [],
    "skills": [ { "topic_id": "tiktok.video", "level": 0, "target": 2 } ] }
] }"#;

#[test]
fn a_demo_company_loads_with_managers_listed_after_their_reports() -> CoreResult<()> {
    let mut store = Store::open_in_memory()?;
    assert_eq!(load_demo_from_str(&mut store, SMALL_DEMO)?, 2);
    let page = list_employees(&store, &query("zoe"))?;
    let zoe = get_employee(&store, page.rows[0].id)?;
    assert_eq!(zoe.manager.map(|m| m.full_name), Some("Hélène Roux".into()));
    assert_eq!(zoe.employee.skills, vec![skill("tiktok.video", 4)]);
    assert_eq!(zoe.employee.languages, vec!["en", "fr"]);
    Ok(())
}

#[test]
fn a_broken_demo_file_is_an_error_that_changes_nothing() -> CoreResult<()> {
    let cases = [
        ("not json", "{ nope".to_owned()),
        (
            "impossible date",
            SMALL_DEMO.replace("2023-09-01", "2023-02-30"),
        ),
        ("unknown role", SMALL_DEMO.replace("\"mentor\"", "\"guru\"")),
        (
            "unknown manager",
            SMALL_DEMO.replace(
                "\"manager_external_id\": \"D1\"",
                "\"manager_external_id\": \"D9\"",
            ),
        ),
        (
            "reporting cycle",
            SMALL_DEMO.replace(
                "\"manager_external_id\": null",
                "\"manager_external_id\": \"D2\"",
            ),
        ),
        (
            "invalid email",
            SMALL_DEMO.replace("zoe.petit@test.fr", "zoe.petit"),
        ),
        (
            "unknown topic",
            SMALL_DEMO.replace(
                "tiktok.video\", \"level\": 4",
                "tiktok.dance\", \"level\": 4",
            ),
        ),
        (
            "duplicate email",
            SMALL_DEMO.replace("helene.roux@test.fr", "zoe.petit@test.fr"),
        ),
        (
            "duplicate HR id",
            SMALL_DEMO.replace("\"external_id\": \"D1\"", "\"external_id\": \"D2\""),
        ),
    ];
    for (name, json) in cases {
        let mut store = Store::open_in_memory()?;
        let error = load_demo_from_str(&mut store, &json).expect_err(name);
        assert_eq!(error.code(), "invalid_file", "{name}: {error}");
        assert_eq!(directory_facets(&store)?.active_count, 0, "{name}");
    }
    Ok(())
}

#[test]
fn the_demo_refuses_a_database_that_already_has_employees() -> CoreResult<()> {
    let mut c = company()?;
    let before = snapshot(&c.store)?;
    let error = load_demo_from_str(&mut c.store, SMALL_DEMO).expect_err("not empty");
    assert_eq!(error.code(), "conflict");
    assert_eq!(snapshot(&c.store)?, before);
    Ok(())
}

#[test]
fn the_shipped_demo_company_loads_as_a_realistic_program() -> CoreResult<()> {
    let mut store = Store::open_in_memory()?;
    let count = load_demo(&mut store)?;
    assert!((120..=200).contains(&count), "{count} employees");
    let facets = directory_facets(&store)?;
    assert_eq!(facets.active_count as usize, count);
    assert!(facets.departments.len() >= 6, "{:?}", facets.departments);
    let total = |role| -> CoreResult<u32> {
        Ok(list_employees(
            &store,
            &DirectoryQuery {
                role: Some(role),
                ..query("")
            },
        )?
        .total)
    };
    let (mentors, mentees) = (total(ProgramRole::Mentor)?, total(ProgramRole::Mentee)?);
    assert!((30..=60).contains(&mentors), "{mentors} mentors");
    assert!((30..=60).contains(&mentees), "{mentees} mentees");
    // Exactly one person at the top, everyone else reachable from them.
    let page = list_employees(
        &store,
        &DirectoryQuery {
            limit: 500,
            ..query("")
        },
    )?;
    let mut edges = HashMap::new();
    let mut tops = 0;
    for row in &page.rows {
        let detail = get_employee(&store, row.id)?;
        tops += usize::from(detail.manager.is_none());
        edges.insert(row.id, detail.manager.map(|m| m.id));
    }
    assert_eq!(tops, 1);
    assert_eq!(directory::find_reporting_cycle(&edges), None);
    Ok(())
}
