//! Integration tests of the people views of learning progress: the manager view, mentor
//! recognition, audience figures and a session recorded through the session module, each checked
//! against values computed by hand from the fixture in `progress_fixture/mod.rs` (its docs list
//! every session). Program-level views live in `progress.rs`.

mod progress_fixture;

use progress_fixture::*;
use tandem_core::domain::EmployeeId;
use tandem_core::program::Side;
use tandem_core::progress::*;
use tandem_core::{CoreError, CoreResult};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn pair_row<'a>(d: &'a ProgramDashboard, w: &World, mentee: &str) -> &'a PairProgress {
    d.pair_rows
        .iter()
        .find(|r| r.mentee.id == w.id(mentee))
        .unwrap_or_else(|| panic!("no row for {mentee}"))
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

// ---------------------------------------------------------------- manager view

/// The screen's page size: every test world fits in one page.
const PAGE: PeoplePage = PeoplePage {
    offset: 0,
    limit: 50,
};

fn names(v: &ManagerView) -> Vec<String> {
    v.people.iter().map(|p| p.person.full_name()).collect()
}

#[test]
fn a_manager_scope_takes_in_indirect_reports_and_nobody_else() -> CoreResult<()> {
    let w = world()?;
    let v = manager_view(&w.store, &ManagerScope::Manager(w.id("ceo")), PAGE, now())?;
    // Under the CEO: Bruno, Claire (through Bruno), Denis, Emma and Jules (through Denis).
    assert_eq!(v.people_in_scope, 5);
    assert_eq!(
        names(&v),
        [
            "Jules Caron",
            "Denis Faure",
            "Emma Lenoir",
            "Bruno Morel",
            "Claire Petit"
        ]
    );
    assert_eq!(v.scope_label, "Agnès Roy");

    let v = manager_view(&w.store, &ManagerScope::Manager(w.id("bruno")), PAGE, now())?;
    assert_eq!(
        (v.people_in_scope, names(&v)),
        (1, vec!["Claire Petit".to_owned()])
    );

    // Hugo's people: Félix mentors two pairs; Inès has no approved pair.
    let v = manager_view(&w.store, &ManagerScope::Manager(w.id("hugo")), PAGE, now())?;
    assert_eq!(v.people_in_scope, 2);
    assert_eq!(names(&v), ["Félix Garnier"]);
    assert_eq!(v.people[0].sides, [Side::Mentor]);
    assert!(v.people[0].platforms.is_empty());
    Ok(())
}

#[test]
fn the_manager_view_comes_in_pages_of_the_name_order() -> CoreResult<()> {
    let w = world()?;
    let scope = ManagerScope::Manager(w.id("ceo"));
    let whole = names(&manager_view(&w.store, &scope, PAGE, now())?);
    let mut paged = Vec::new();
    for offset in [0, 2, 4] {
        let v = manager_view(&w.store, &scope, PeoplePage { offset, limit: 2 }, now())?;
        assert_eq!((v.people_taking_part, v.offset), (5, offset));
        assert!(v.people.len() <= 2);
        paged.extend(names(&v));
    }
    assert_eq!(paged, whole);

    let past = manager_view(
        &w.store,
        &scope,
        PeoplePage {
            offset: 9,
            limit: 2,
        },
        now(),
    )?;
    assert_eq!((past.people.len(), past.people_taking_part), (0, 5));
    for limit in [0, PeoplePage::MAX_LIMIT + 1] {
        let refused = manager_view(&w.store, &scope, PeoplePage { offset: 0, limit }, now());
        assert_eq!(
            refused.as_ref().err().map(field_keys),
            Some(vec![("limit".to_owned(), "range".to_owned())])
        );
    }
    Ok(())
}

#[test]
fn a_department_scope_takes_in_the_whole_department_whatever_the_case() -> CoreResult<()> {
    let w = world()?;
    let v = manager_view(
        &w.store,
        &ManagerScope::Department("  ventes ".into()),
        PAGE,
        now(),
    )?;
    // Ventes: Bruno, Claire, Hugo and Inès; only Bruno and Claire have an approved pair.
    assert_eq!(v.people_in_scope, 4);
    assert_eq!(v.scope_label, "Ventes");
    assert_eq!(names(&v), ["Bruno Morel", "Claire Petit"]);

    let empty = manager_view(&w.store, &ManagerScope::Department(" ".into()), PAGE, now());
    assert_eq!(
        empty.as_ref().err().map(field_keys),
        Some(vec![("department".to_owned(), "required".to_owned())])
    );
    assert!(matches!(
        manager_view(
            &w.store,
            &ManagerScope::Department("Nowhere".into()),
            PAGE,
            now()
        ),
        Err(CoreError::NotFound { .. })
    ));
    Ok(())
}

#[test]
fn the_manager_view_shows_levels_sessions_and_the_latest_summaries() -> CoreResult<()> {
    let w = world()?;
    let v = manager_view(
        &w.store,
        &ManagerScope::Department("Ventes".into()),
        PAGE,
        now(),
    )?;
    let bruno = &v.people[0];
    assert_eq!(bruno.sides, [Side::Mentee]);
    assert_eq!(bruno.programs.len(), 2);
    // Held: d1, a1, a2, a4 (1 + 1 + 1.5 + 1 hours).
    assert_eq!(bruno.sessions_held, 4);
    assert!(close(bruno.hours_held, 4.5));
    assert_eq!(bruno.last_session, Some(at("2031-03-31T09:00:00Z")));
    assert_eq!(bruno.next_session, Some(at("2031-05-12T09:00:00Z")));
    // Across programs, as the mentee page without a program filter.
    let page = mentee_progress(&w.store, w.id("bruno"), None, now())?;
    let levels: Vec<(String, f64, f64, Option<f64>)> = page
        .platforms
        .iter()
        .map(|p| (p.platform_id.clone(), p.start, p.now, p.target))
        .collect();
    let shown: Vec<(String, f64, f64, Option<f64>)> = bruno
        .platforms
        .iter()
        .map(|p| (p.platform_id.clone(), p.start, p.now, p.target))
        .collect();
    assert_eq!(shown, levels);
    let summaries: Vec<(SessionId, &str)> = bruno
        .summaries
        .iter()
        .map(|s| (s.session_id, s.summary.as_str()))
        .collect();
    assert_eq!(
        summaries,
        [
            (w.session("a4"), "A4: posted alone"),
            (w.session("a2"), "A2: a first post together"),
            (w.session("a1"), "A1: rewrote the headline"),
            (w.session("d1"), "D1: pilot session")
        ]
    );
    assert_eq!(bruno.summaries_total, 4);
    assert_eq!(bruno.summaries[0].with.first_name, "Emma");
    // Each summary names its pair, so the view can open the session on the pair page.
    let pairs: Vec<_> = bruno.summaries.iter().map(|s| s.pair_id).collect();
    assert_eq!(
        pairs,
        [w.pairs["A"], w.pairs["A"], w.pairs["A"], w.pairs["D"]]
    );
    Ok(())
}

#[test]
fn the_manager_view_never_returns_a_private_note() -> CoreResult<()> {
    let w = world()?;
    for scope in [
        ManagerScope::Manager(w.id("ceo")),
        ManagerScope::Manager(w.id("hugo")),
        ManagerScope::Department("Ventes".into()),
        ManagerScope::Department("Marketing".into()),
    ] {
        let view = manager_view(&w.store, &scope, PAGE, now())?;
        assert!(!view.people.is_empty());
        let json = serde_json::to_string(&view).unwrap_or_default();
        assert!(
            json.contains("A1: rewrote the headline") || json.contains("B1") || json.contains("D1")
        );
        assert!(
            !json.contains(PRIVATE_MARKER),
            "{scope:?} leaked a private note"
        );
    }
    // Nor does any other progress screen.
    let screens = [
        serde_json::to_string(&program_dashboard(&w.store, w.p, now())?),
        serde_json::to_string(&mentee_progress(&w.store, w.id("bruno"), None, now())?),
        serde_json::to_string(&mentor_recognition(&w.store, w.id("emma"), now())?),
    ];
    for json in screens {
        assert!(!json.unwrap_or_default().contains(PRIVATE_MARKER));
    }
    Ok(())
}

// ---------------------------------------------------------------- mentor recognition

#[test]
fn mentor_recognition_counts_sessions_and_hours_per_platform_and_topic() -> CoreResult<()> {
    let w = world()?;
    let r = mentor_recognition(&w.store, w.id("emma"), now())?;
    assert_eq!(r.sessions_held, 3);
    assert!(close(r.hours_held, 3.5));
    assert!(close(r.rating.average.unwrap_or_default(), 4.0));
    assert_eq!(r.rating.count, 3);
    // a1 and a4 on LinkedIn only, a2 on LinkedIn and TikTok.
    let platforms: Vec<(&str, u32, f64)> = r
        .platforms
        .iter()
        .map(|p| (p.platform_id.as_str(), p.sessions, p.hours))
        .collect();
    assert_eq!(platforms, [("linkedin", 3, 3.5), ("tiktok", 1, 1.5)]);
    let topics: Vec<(&str, u32, f64)> = r
        .topics
        .iter()
        .map(|t| (t.topic_id.as_str(), t.sessions, t.hours))
        .collect();
    assert_eq!(
        topics,
        [
            ("linkedin.post", 3, 3.5),
            ("linkedin.profile", 1, 1.0),
            ("tiktok.video", 1, 1.5)
        ]
    );
    assert_eq!(r.topics[0].depths.done_alone, 1);
    assert_eq!(r.session_ids, ["a1", "a2", "a4"].map(|k| w.session(k)));

    // Félix: d1 (2030, LinkedIn) and b1 (2031, Instagram), rated 4 and 2.
    let r = mentor_recognition(&w.store, w.id("felix"), now())?;
    assert_eq!(r.sessions_held, 2);
    assert_eq!(r.rating.average, Some(3.0));
    let programs: Vec<(&str, u32, u32)> = r
        .programs
        .iter()
        .map(|p| (p.program.name.as_str(), p.mentees, p.sessions_held))
        .collect();
    assert_eq!(programs, [("Pilote 2030", 1, 1), ("Cohorte 2031", 1, 1)]);
    assert_eq!(r.first_session, Some(at("2030-03-10T10:00:00Z")));
    assert_eq!(r.mentees.len(), 2);
    Ok(())
}

#[test]
fn the_mentor_summary_is_one_printable_page_with_names_escaped() -> CoreResult<()> {
    let w = world()?;
    let page = mentor_summary_html(
        &w.store,
        w.id("simon"),
        now(),
        tandem_core::settings::Language::Fr,
    )?;
    assert_eq!(page.media_type, "text/html");
    assert!(page.file_name.starts_with("tandem-mentor-") && page.file_name.ends_with(".html"));
    let html = String::from_utf8(page.bytes).unwrap_or_default();
    assert!(html.contains("<html lang=\"fr\">") && html.contains("@page { size: A4"));
    assert!(html.contains("=HYPERLINK(&quot;http://evil.example&quot;) Simon"));
    assert!(!html.contains("\"http://evil.example\""));
    assert!(html.contains("Séances tenues") && html.contains("Jules Caron"));
    assert!(!html.contains(PRIVATE_MARKER));
    Ok(())
}

// ---------------------------------------------------------------- audience

#[test]
fn followers_are_validated_and_nothing_is_written_when_one_figure_is_wrong() -> CoreResult<()> {
    let mut w = world()?;
    let bruno = w.id("bruno");
    let before = employee_audience(&w.store, bruno)?;
    let change = |platform: &str, followers: Option<i64>| AudienceChange {
        platform_id: platform.into(),
        followers,
    };
    let error = set_employee_audience(
        &mut w.store,
        bruno,
        &[
            change("linkedin", Some(10)),
            change("tiktok", Some(-1)),
            change("youtube", Some(1_000_000_001)),
            change("myspace", Some(5)),
            change("linkedin", Some(20)),
        ],
    )
    .err();
    assert_eq!(
        error.as_ref().map(field_keys),
        Some(vec![
            ("audience.tiktok".to_owned(), "followers_invalid".to_owned()),
            (
                "audience.youtube".to_owned(),
                "followers_invalid".to_owned()
            ),
            ("audience.myspace".to_owned(), "platform_unknown".to_owned()),
            (
                "audience.linkedin".to_owned(),
                "platform_repeated".to_owned()
            ),
        ])
    );
    assert_eq!(employee_audience(&w.store, bruno)?, before);

    let after = set_employee_audience(
        &mut w.store,
        bruno,
        &[
            change("youtube", Some(1_000_000_000)),
            change("x", None),
            change("tiktok", Some(0)),
        ],
    )?;
    let figure = |id: &str| {
        after
            .iter()
            .find(|f| f.platform_id == id)
            .and_then(|f| f.followers)
    };
    assert_eq!(figure("youtube"), Some(1_000_000_000));
    assert_eq!(figure("x"), None);
    assert_eq!(figure("tiktok"), Some(0));
    assert_eq!(figure("linkedin"), Some(1200));
    assert_eq!(after.len(), 5);
    assert!(matches!(
        employee_audience(&w.store, EmployeeId::new()),
        Err(CoreError::NotFound { .. })
    ));
    Ok(())
}

#[test]
fn demo_audience_fills_only_unknown_figures_and_only_for_participants() -> CoreResult<()> {
    let mut first = world()?;
    let written = seed_demo_audience(&mut first.store, 7)?;
    assert!(written > 0);
    // Figures people gave are kept.
    let bruno = employee_audience(&first.store, first.id("bruno"))?;
    assert_eq!(
        bruno
            .iter()
            .find(|f| f.platform_id == "linkedin")
            .and_then(|f| f.followers),
        Some(1200)
    );
    // Running it again writes nothing new.
    assert_eq!(seed_demo_audience(&mut first.store, 7)?, 0);
    // People with role none get nothing.
    assert!(employee_audience(&first.store, first.id("ceo"))?
        .iter()
        .all(|f| f.followers.is_none()));
    let everyone: Vec<Option<u32>> = employee_audience(&first.store, first.id("felix"))?
        .into_iter()
        .map(|f| f.followers)
        .collect();
    assert!(everyone.iter().flatten().all(|f| *f <= 1_000_000_000));
    Ok(())
}

#[test]
fn demo_audience_gives_the_same_figures_for_the_same_people_and_seed() -> CoreResult<()> {
    let figures = || -> CoreResult<Vec<Vec<Option<u32>>>> {
        let mut store = tandem_core::Store::open_for_tests()?;
        let ids = tandem_core::demo::seed_synthetic(&mut store, 60, 3)?;
        seed_demo_audience(&mut store, 11)?;
        ids.iter()
            .map(|id| {
                Ok(employee_audience(&store, *id)?
                    .into_iter()
                    .map(|f| f.followers)
                    .collect())
            })
            .collect()
    };
    let (a, b) = (figures()?, figures()?);
    assert_eq!(a, b);
    assert!(a.iter().flatten().flatten().count() > 20);
    Ok(())
}

// ---------------------------------------------------------------- through the session module

#[test]
fn a_session_recorded_through_the_session_module_shows_up_in_every_progress_view() -> CoreResult<()>
{
    use tandem_core::session::{
        acknowledge_charter, confirm_self_assessment, create_session, mark_held, save_log,
        LogInput, LogTopicInput, SelfAssessmentInput, SessionTime,
    };
    let mut w = world()?;
    let (jules, simon) = (w.id("jules"), w.id("simon"));
    for who in [jules, simon] {
        acknowledge_charter(&mut w.store, w.p, who, at("2031-02-01T08:00:00Z"))?;
    }
    let starts_at = at("2031-02-10T10:00:00Z");
    let session = create_session(
        &mut w.store,
        w.pairs["E"],
        SessionTime::new(starts_at, 60),
        "Room 3",
        at("2031-02-01T08:00:00Z"),
    )?;
    mark_held(&mut w.store, session.id, at("2031-02-10T12:00:00Z"))?;
    save_log(
        &mut w.store,
        session.id,
        LogInput {
            topics: vec![LogTopicInput {
                topic_id: "linkedin.profile".into(),
                depth: TopicDepth::Practised,
            }],
            task_set: "Update the profile photo".into(),
            summary: "E1: profile review".into(),
            private_notes: format!("{PRIVATE_MARKER} in a real log"),
            mentee_rating: Some(4),
            self_assessment: vec![SelfAssessmentInput {
                topic_id: "linkedin.profile".into(),
                level: 2,
            }],
            ..LogInput::default()
        },
        at("2031-02-10T12:00:00Z"),
    )?;
    confirm_self_assessment(&mut w.store, session.id, at("2031-02-11T09:00:00Z"))?;

    // E held its only session and has none left planned: completed, no longer at risk.
    let d = program_dashboard(&w.store, w.p, now())?;
    let e = pair_row(&d, &w, "jules");
    assert_eq!(
        (e.state, e.sessions.held, e.risks.len()),
        (PairState::Completed, 1, 0)
    );
    assert_eq!(d.sessions.held, 6);
    assert_eq!(d.audience.active_mentees, 4);

    // Jules declared nothing: the confirmed topic is tracked from 0.
    let m = mentee_progress(&w.store, jules, Some(w.p), now())?;
    let linkedin = &m.platforms[0];
    assert_eq!((linkedin.start, linkedin.now), (0.0, 2.0));
    assert_eq!(linkedin.points[0].session_id, session.id);
    assert_eq!(m.tasks[0].task, "Update the profile photo");
    assert_eq!(m.session_list[0].summary, "E1: profile review");

    let view = manager_view(&w.store, &ManagerScope::Manager(w.id("denis")), PAGE, now())?;
    let json = serde_json::to_string(&view).unwrap_or_default();
    assert!(json.contains("E1: profile review"));
    assert!(!json.contains(PRIVATE_MARKER));
    Ok(())
}
