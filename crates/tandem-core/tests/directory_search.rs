//! Listing the directory, end to end on an in-memory database: accent-blind search, filters,
//! sorts, windows, facets, and the list at twenty thousand employees.
//! Shared fixtures live in `directory_fixture/mod.rs`.

mod directory_fixture;

use std::time::{Duration, Instant};

use directory_fixture::*;
use tandem_core::directory::{
    create_employee, directory_facets, list_employees, set_employee_active, DirectoryQuery,
    DirectorySort,
};
use tandem_core::domain::text::fold;
use tandem_core::domain::{AdoptionProfile, ProgramRole};
use tandem_core::{CoreResult, Store};

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
fn names_sort_without_regard_to_accents_or_case_whether_typed_or_imported() -> CoreResult<()> {
    let mut c = company()?;
    create_employee(&mut c.store, draft("E5", "Éric", "Émond"))?;
    create_employee(&mut c.store, draft("E6", "anne", "de la Tour"))?;
    // The import writes employees through its own statements: they must sort the same way.
    let csv = "id,first name,last name,email\nE7,Élodie,Étienne,elodie.etienne@exemple.fr\n";
    let staged = tandem_core::import::stage("x.csv", csv.as_bytes())?;
    tandem_core::import::preview(&c.store, &staged, &mut |_| {})?;
    tandem_core::import::commit(
        &mut c.store,
        &staged,
        &staged.ignored_columns(),
        &mut |_| {},
    )?;
    let q = |descending| DirectoryQuery {
        sort: DirectorySort::Name,
        descending,
        ..query("")
    };
    let ascending = names(&list_employees(&c.store, &q(false))?);
    assert_eq!(
        ascending,
        [
            "anne de la Tour",
            "Hélène Dubois",
            "Éric Émond",
            "Élodie Étienne",
            "Paul Martin",
            "Zoé Martin",
            "Loïc Petit"
        ]
    );
    let mut descending = names(&list_employees(&c.store, &q(true))?);
    descending.reverse();
    assert_eq!(descending, ascending);
    // A department's people are ordered the same way within it (the fixture's default one).
    let by_department = DirectoryQuery {
        sort: DirectorySort::Department,
        ..query("")
    };
    let page = names(&list_employees(&c.store, &by_department)?);
    assert_eq!(
        page[page.len() - 3..],
        ["anne de la Tour", "Éric Émond", "Zoé Martin"]
    );
    Ok(())
}

#[test]
fn consecutive_windows_cover_the_list_exactly_once_for_every_sort() -> CoreResult<()> {
    let mut store = Store::open_for_tests()?;
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
    let mut store = Store::open_for_tests()?;
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
    let mut store = Store::open_for_tests()?;
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
