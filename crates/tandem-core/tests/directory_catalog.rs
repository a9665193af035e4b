//! The topic catalog, the interface settings and the demo loader, end to end on an in-memory
//! database. Shared fixtures live in `directory_fixture/mod.rs`.

mod directory_fixture;

use std::collections::HashMap;

use directory_fixture::*;
use tandem_core::catalog::{get_catalog, save_platform, save_topic, PlatformInput, TopicInput};
use tandem_core::demo::{load_demo, load_demo_from_str};
use tandem_core::directory::{
    self, directory_facets, get_employee, list_employees, DirectoryQuery,
};
use tandem_core::domain::ProgramRole;
use tandem_core::{CoreError, CoreResult, Store};

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
    let store = Store::open_for_tests()?;
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
    let mut store = Store::open_for_tests()?;
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
    let mut store = Store::open_for_tests()?;
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
    let mut store = Store::open_for_tests()?;
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
    let mut store = Store::open_for_tests()?;
    assert_eq!(language(&store)?, None);
    set_language(&mut store, Language::En)?;
    assert_eq!(language(&store)?, Some(Language::En));
    set_language(&mut store, Language::Fr)?;
    assert_eq!(language(&store)?, Some(Language::Fr));
    Ok(())
}

// ---------------------------------------------------------------- demo

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
    let mut store = Store::open_for_tests()?;
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
        let mut store = Store::open_for_tests()?;
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
    let mut store = Store::open_for_tests()?;
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
