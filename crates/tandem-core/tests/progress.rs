//! Integration tests of learning progress: the program dashboard, mentee progress, the manager
//! view, mentor recognition and audience figures, each checked against values computed by hand
//! from the fixture in `progress_fixture/mod.rs` (its docs list every session).

mod progress_fixture;

use progress_fixture::*;
use tandem_core::domain::{AdoptionProfile, EmployeeId};
use tandem_core::program::{ProgramId, Side};
use tandem_core::progress::*;
use tandem_core::session::RiskReason;
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

// ---------------------------------------------------------------- program dashboard

#[test]
fn the_dashboard_counts_sessions_hours_and_ratings_of_approved_pairs_as_computed_by_hand(
) -> CoreResult<()> {
    let w = world()?;
    let d = program_dashboard(&w.store, w.p, now())?;
    assert_eq!(d.phase, ProgramPhase::Running);
    // A: 3 held, 1 planned, 1 cancelled; B: 1 held, 1 planned, 2 cancelled; C: 1 held, 1 no-show.
    assert_eq!(
        d.sessions,
        SessionCounts {
            scheduled: 8,
            held: 5,
            planned: 2,
            upcoming: 2,
            cancelled: 3,
            no_show: 1
        }
    );
    // 1 + 1.5 + 1 (A) + 1 (B) + 1 (C).
    assert!(close(d.hours_held, 5.5));
    // Mentees rated 5, 4, 3 (A) and 2 (B); mentors 4, 4 (A), 3 (B), 5 (C).
    assert_eq!(d.mentee_rating.count, 4);
    assert!(close(d.mentee_rating.average.unwrap_or_default(), 3.5));
    assert_eq!(d.mentor_rating.count, 4);
    assert!(close(d.mentor_rating.average.unwrap_or_default(), 4.0));

    let a = pair_row(&d, &w, "bruno");
    assert!(close(a.hours_held, 3.5));
    assert_eq!(a.last_held, Some(at("2031-03-31T09:00:00Z")));
    assert_eq!(a.next_planned, Some(at("2031-05-12T09:00:00Z")));
    assert_eq!(a.topics_covered, 3);
    assert!(close(a.mentee_rating.average.unwrap_or_default(), 4.0));
    assert_eq!(a.mentor_rating.count, 2);
    let c = pair_row(&d, &w, "denis");
    assert_eq!(c.mentee_rating.average, None);
    Ok(())
}

#[test]
fn pairs_are_active_at_risk_completed_or_not_started_by_the_documented_rules() -> CoreResult<()> {
    let w = world()?;
    let d = program_dashboard(&w.store, w.p, now())?;
    // The proposed pair of Inès is not counted.
    assert_eq!(
        d.pairs,
        PairCounts {
            approved: 4,
            active: 2,
            at_risk: 2,
            completed: 1,
            not_started: 1
        }
    );
    assert_eq!(pair_row(&d, &w, "bruno").state, PairState::Active);
    assert!(pair_row(&d, &w, "bruno").risks.is_empty());
    // B: b2 and b3 cancelled in a row; last held 01-27 14:00, 77 days and 22 hours before NOW.
    let b = pair_row(&d, &w, "claire");
    assert_eq!(b.state, PairState::Active);
    assert_eq!(
        b.risks,
        vec![
            RiskReason::ConsecutiveCancellations { count: 2 },
            RiskReason::NoSessionHeldFor {
                days: 77,
                limit_days: 42
            }
        ]
    );
    // C held a session and has none left planned: completed, so never at risk.
    let c = pair_row(&d, &w, "denis");
    assert_eq!(c.state, PairState::Completed);
    assert!(c.risks.is_empty());
    // E never met: measured from the program's start (midnight in Paris, 2031-01-04 23:00 UTC).
    let e = pair_row(&d, &w, "jules");
    assert_eq!(e.state, PairState::NotStarted);
    assert_eq!(
        e.risks,
        vec![RiskReason::NoSessionHeldFor {
            days: 100,
            limit_days: 42
        }]
    );
    // Rows in mentee name order: Caron, Faure, Morel, Petit.
    let order: Vec<&str> = d
        .pair_rows
        .iter()
        .map(|r| r.mentee.last_name.as_str())
        .collect();
    assert_eq!(order, ["Caron", "Faure", "Morel", "Petit"]);
    Ok(())
}

#[test]
fn once_the_program_has_ended_every_pair_is_completed_and_none_is_at_risk() -> CoreResult<()> {
    let w = world()?;
    let d = program_dashboard(&w.store, w.p, at("2031-08-01T00:00:00Z"))?;
    assert_eq!(d.phase, ProgramPhase::Ended);
    assert_eq!(d.pairs.completed, 4);
    assert_eq!(d.pairs.at_risk, 0);
    // Before it starts, nobody is active or at risk.
    let d = program_dashboard(&w.store, w.p, at("2031-01-01T00:00:00Z"))?;
    assert_eq!(d.phase, ProgramPhase::NotStarted);
    assert_eq!((d.pairs.active, d.pairs.at_risk), (0, 0));
    Ok(())
}

#[test]
fn topics_are_counted_per_platform_and_depth_from_held_sessions_only() -> CoreResult<()> {
    let w = world()?;
    let d = program_dashboard(&w.store, w.p, now())?;
    // x.post was only in the cancelled a3, so X is not listed.
    let platforms: Vec<&str> = d.topics.iter().map(|p| p.platform_id.as_str()).collect();
    assert_eq!(platforms, ["linkedin", "tiktok", "instagram"]);
    let linkedin = &d.topics[0];
    assert_eq!(linkedin.topics_taught, 2);
    assert_eq!(
        linkedin.depths,
        DepthCounts {
            shown: 2,
            practised: 2,
            done_alone: 1
        }
    );
    let post = linkedin
        .topics
        .iter()
        .find(|t| t.topic_id == "linkedin.post")
        .map(|t| (t.sessions, t.depths));
    assert_eq!(
        post,
        Some((
            3,
            DepthCounts {
                shown: 1,
                practised: 1,
                done_alone: 1
            }
        ))
    );
    assert_eq!(linkedin.topics[0].topic_id, "linkedin.profile");
    assert_eq!(linkedin.topics[0].name_fr, "Optimiser son profil");
    assert_eq!(d.topics[2].depths.shown, 1);
    Ok(())
}

#[test]
fn charter_adoption_profiles_and_audience_count_the_right_people() -> CoreResult<()> {
    let w = world()?;
    let d = program_dashboard(&w.store, w.p, now())?;
    assert_eq!(
        d.charter,
        CharterCounts {
            acknowledged: 4,
            participants: 8,
            mentees_acknowledged: 2,
            mentees: 5,
            mentors_acknowledged: 2,
            mentors: 3
        }
    );

    // Mentees of approved pairs: Bruno (anxious, now enthusiast), Claire and Jules (curious),
    // Denis (overwhelmed).
    let count = |p: AdoptionProfile| {
        d.adoption
            .profiles
            .iter()
            .find(|c| c.profile == Some(p))
            .map(|c| (c.at_start, c.now))
    };
    assert_eq!(count(AdoptionProfile::Anxious), Some((1, 0)));
    assert_eq!(count(AdoptionProfile::Enthusiast), Some((0, 1)));
    assert_eq!(count(AdoptionProfile::Curious), Some((2, 2)));
    assert_eq!(count(AdoptionProfile::Overwhelmed), Some((1, 1)));
    assert_eq!(d.adoption.profiles.len(), 8);
    assert_eq!(
        d.adoption.moves,
        vec![ProfileMove {
            from: Some(AdoptionProfile::Anxious),
            to: Some(AdoptionProfile::Enthusiast),
            count: 1
        }]
    );

    // Active mentees: Bruno, Claire and Denis (Jules never met; Inès is not approved; Emma mentors).
    assert_eq!(d.audience.active_mentees, 3);
    let followers = |id: &str| {
        d.audience
            .platforms
            .iter()
            .find(|p| p.platform_id == id)
            .map(|p| (p.followers, p.known))
    };
    assert_eq!(followers("linkedin"), Some((1350, 2)));
    assert_eq!(followers("x"), Some((300, 1)));
    assert_eq!(followers("instagram"), Some((800, 1)));
    assert_eq!(followers("tiktok"), Some((0, 0)));
    assert_eq!(d.audience.total_followers, 2450);
    Ok(())
}

#[test]
fn sessions_per_month_cover_the_program_without_gaps() -> CoreResult<()> {
    let w = world()?;
    let d = program_dashboard(&w.store, w.p, now())?;
    let months: Vec<(u32, u32, u32, u32)> = d
        .months
        .iter()
        .map(|m| (m.month, m.held, m.scheduled, m.cancelled))
        .collect();
    assert_eq!(
        months,
        [
            (1, 2, 2, 0),
            (2, 2, 2, 1),
            (3, 1, 2, 2),
            (4, 0, 1, 0),
            (5, 0, 1, 0),
            (6, 0, 0, 0),
            (7, 0, 0, 0)
        ]
    );
    assert!(d.months.iter().all(|m| m.year == 2031));
    Ok(())
}

#[test]
fn an_unknown_program_mentee_or_mentor_is_not_found() -> CoreResult<()> {
    let w = world()?;
    let nobody = EmployeeId::new();
    assert!(matches!(
        program_dashboard(&w.store, ProgramId::new(), now()),
        Err(CoreError::NotFound { .. })
    ));
    assert!(matches!(
        mentee_progress(&w.store, nobody, None, now()),
        Err(CoreError::NotFound { .. })
    ));
    assert!(matches!(
        mentee_progress(&w.store, w.id("bruno"), Some(ProgramId::new()), now()),
        Err(CoreError::NotFound { .. })
    ));
    assert!(matches!(
        mentor_recognition(&w.store, nobody, now()),
        Err(CoreError::NotFound { .. })
    ));
    Ok(())
}

// ---------------------------------------------------------------- mentee progress

#[test]
fn platform_levels_average_the_goal_topics_and_carry_confirmed_levels_forward() -> CoreResult<()> {
    let w = world()?;
    let m = mentee_progress(&w.store, w.id("bruno"), Some(w.p), now())?;
    let platforms: Vec<&str> = m.platforms.iter().map(|p| p.platform_id.as_str()).collect();
    assert_eq!(platforms, ["linkedin", "tiktok"]);

    // LinkedIn goals: profile 1→3 and post 0→3. a1 confirms 2 and 1; a2 confirms post 2 (its
    // profile 3 is not confirmed); a4 confirms 3 and 3.
    let linkedin = &m.platforms[0];
    assert_eq!(linkedin.topic_ids, ["linkedin.profile", "linkedin.post"]);
    assert!(close(linkedin.start, 0.5));
    assert_eq!(linkedin.target, Some(3.0));
    let points: Vec<(SessionId, f64)> = linkedin
        .points
        .iter()
        .map(|p| (p.session_id, p.level))
        .collect();
    assert_eq!(
        points,
        [
            (w.session("a1"), 1.5),
            (w.session("a2"), 2.0),
            (w.session("a4"), 3.0)
        ]
    );
    assert_eq!(linkedin.points[0].at, at("2031-01-20T09:00:00Z"));
    assert!(close(linkedin.now, 3.0));

    // TikTok: no goal there, so the declared topic is tracked; nothing confirmed, no target.
    let tiktok = &m.platforms[1];
    assert_eq!(tiktok.topic_ids, ["tiktok.video"]);
    assert!(close(tiktok.start, 1.0) && close(tiktok.now, 1.0));
    assert_eq!(tiktok.target, None);
    assert!(tiktok.points.is_empty());
    Ok(())
}

#[test]
fn each_topic_shows_start_now_and_target_with_the_session_behind_now() -> CoreResult<()> {
    let w = world()?;
    let m = mentee_progress(&w.store, w.id("bruno"), Some(w.p), now())?;
    type Row<'a> = (&'a str, Option<u8>, Option<u8>, Option<u8>, bool);
    let rows: Vec<Row<'_>> = m
        .topics
        .iter()
        .map(|t| (t.topic_id.as_str(), t.start, t.now, t.target, t.goal))
        .collect();
    assert_eq!(
        rows,
        [
            ("linkedin.profile", Some(1), Some(3), Some(3), true),
            ("linkedin.post", Some(0), Some(3), Some(3), true),
            ("tiktok.video", Some(1), Some(1), None, false)
        ]
    );
    assert_eq!(m.topics[0].now_session_id, Some(w.session("a4")));
    let history: Vec<SessionId> = m.topics[1].history.iter().map(|h| h.session_id).collect();
    assert_eq!(history, [w.session("a1"), w.session("a2"), w.session("a4")]);
    assert_eq!(m.topics[2].now_session_id, None);
    Ok(())
}

#[test]
fn topics_covered_list_the_held_sessions_behind_them_and_the_deepest_depth() -> CoreResult<()> {
    let w = world()?;
    let m = mentee_progress(&w.store, w.id("bruno"), Some(w.p), now())?;
    let covered: Vec<(&str, TopicDepth, Vec<SessionId>)> = m
        .covered
        .iter()
        .map(|c| {
            (
                c.topic_id.as_str(),
                c.best_depth,
                c.sessions.iter().map(|s| s.session_id).collect(),
            )
        })
        .collect();
    assert_eq!(
        covered,
        [
            ("linkedin.profile", TopicDepth::Shown, vec![w.session("a1")]),
            (
                "linkedin.post",
                TopicDepth::DoneAlone,
                vec![w.session("a1"), w.session("a2"), w.session("a4")]
            ),
            ("tiktok.video", TopicDepth::Shown, vec![w.session("a2")])
        ]
    );
    Ok(())
}

#[test]
fn practice_tasks_take_their_outcome_from_the_pairs_next_logged_session() -> CoreResult<()> {
    let w = world()?;
    let m = mentee_progress(&w.store, w.id("bruno"), Some(w.p), now())?;
    let tasks: Vec<(SessionId, &str, Option<TaskOutcome>, Option<SessionId>)> = m
        .tasks
        .iter()
        .map(|t| (t.set_in, t.task.as_str(), t.outcome, t.outcome_session_id))
        .collect();
    assert_eq!(
        tasks,
        [
            (
                w.session("a1"),
                "Publish a post",
                Some(TaskOutcome::Done),
                Some(w.session("a2"))
            ),
            (
                w.session("a2"),
                "Comment three posts",
                Some(TaskOutcome::Partly),
                Some(w.session("a4"))
            )
        ]
    );
    assert_eq!(
        m.task_counts,
        TaskCounts {
            set: 2,
            done: 1,
            partly: 1,
            not_done: 0,
            open: 0
        }
    );
    assert_eq!(m.sessions.held, 3);
    assert!(close(m.hours_held, 3.5));
    let list: Vec<SessionId> = m.session_list.iter().map(|s| s.session_id).collect();
    assert_eq!(list, ["a1", "a2", "a3", "a4", "a5"].map(|k| w.session(k)));
    Ok(())
}

#[test]
fn across_programs_the_mentee_page_takes_in_every_approved_pair() -> CoreResult<()> {
    let w = world()?;
    let m = mentee_progress(&w.store, w.id("bruno"), None, now())?;
    let programs: Vec<&str> = m.pairs.iter().map(|p| p.program.name.as_str()).collect();
    assert_eq!(programs, ["Pilote 2030", "Cohorte 2031"]);
    // d1 (2030) confirmed linkedin.profile at 4 before the 2031 sessions: the later ones win.
    let profile = &m.topics[0];
    assert_eq!(profile.history.len(), 3);
    assert_eq!(profile.now, Some(3));
    // (4 + 0) / 2 after d1, then as before.
    let levels: Vec<f64> = m.platforms[0].points.iter().map(|p| p.level).collect();
    assert_eq!(levels, [2.0, 1.5, 2.0, 3.0]);
    assert!(close(m.hours_held, 4.5));
    assert_eq!(m.task_counts.open, 1);
    Ok(())
}

#[test]
fn someone_without_a_pair_gets_an_empty_progress_page() -> CoreResult<()> {
    let w = world()?;
    let m = mentee_progress(&w.store, w.id("hugo"), None, now())?;
    assert!(m.pairs.is_empty() && m.session_list.is_empty() && m.platforms.is_empty());
    Ok(())
}

// ---------------------------------------------------------------- manager view

fn names(v: &ManagerView) -> Vec<String> {
    v.people.iter().map(|p| p.person.full_name()).collect()
}

#[test]
fn a_manager_scope_takes_in_indirect_reports_and_nobody_else() -> CoreResult<()> {
    let w = world()?;
    let v = manager_view(&w.store, &ManagerScope::Manager(w.id("ceo")), now())?;
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

    let v = manager_view(&w.store, &ManagerScope::Manager(w.id("bruno")), now())?;
    assert_eq!(
        (v.people_in_scope, names(&v)),
        (1, vec!["Claire Petit".to_owned()])
    );

    // Hugo's people: Félix mentors two pairs; Inès has no approved pair.
    let v = manager_view(&w.store, &ManagerScope::Manager(w.id("hugo")), now())?;
    assert_eq!(v.people_in_scope, 2);
    assert_eq!(names(&v), ["Félix Garnier"]);
    assert_eq!(v.people[0].sides, [Side::Mentor]);
    assert!(v.people[0].platforms.is_empty());
    Ok(())
}

#[test]
fn a_department_scope_takes_in_the_whole_department_whatever_the_case() -> CoreResult<()> {
    let w = world()?;
    let v = manager_view(
        &w.store,
        &ManagerScope::Department("  ventes ".into()),
        now(),
    )?;
    // Ventes: Bruno, Claire, Hugo and Inès; only Bruno and Claire have an approved pair.
    assert_eq!(v.people_in_scope, 4);
    assert_eq!(v.scope_label, "Ventes");
    assert_eq!(names(&v), ["Bruno Morel", "Claire Petit"]);

    let empty = manager_view(&w.store, &ManagerScope::Department(" ".into()), now());
    assert_eq!(
        empty.as_ref().err().map(field_keys),
        Some(vec![("department".to_owned(), "required".to_owned())])
    );
    assert!(matches!(
        manager_view(&w.store, &ManagerScope::Department("Nowhere".into()), now()),
        Err(CoreError::NotFound { .. })
    ));
    Ok(())
}

#[test]
fn the_manager_view_shows_levels_sessions_and_the_latest_summaries() -> CoreResult<()> {
    let w = world()?;
    let v = manager_view(&w.store, &ManagerScope::Department("Ventes".into()), now())?;
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
        let view = manager_view(&w.store, &scope, now())?;
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
        let mut store = tandem_core::Store::open_in_memory()?;
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

    let view = manager_view(&w.store, &ManagerScope::Manager(w.id("denis")), now())?;
    let json = serde_json::to_string(&view).unwrap_or_default();
    assert!(json.contains("E1: profile review"));
    assert!(!json.contains(PRIVATE_MARKER));
    Ok(())
}
