//! Integration tests of the program views of learning progress: the program dashboard and mentee
//! progress, each checked against values computed by hand from the fixture in
//! `progress_fixture/mod.rs` (its docs list every session). The manager view, mentor recognition
//! and audience figures live in `progress_people.rs`.

mod progress_fixture;

use progress_fixture::*;
use tandem_core::domain::{AdoptionProfile, EmployeeId};
use tandem_core::program::ProgramId;
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

mod tally {
    //! The per-pair tallies the dashboard reads (migration 013) against a recount of the logs and
    //! topics of held sessions, after every kind of change the triggers must follow.
    use std::collections::{BTreeMap, HashMap};

    use chrono::{DateTime, Utc};
    use tandem_core::program::ProgramId;
    use tandem_core::progress::synthetic::{seed_synthetic_progress, SyntheticSpec};
    use tandem_core::progress::{program_dashboard, ProgramDashboard, RatingAverage};
    use tandem_core::Store;

    /// Per pair: (mentee rating sum, count, mentor sum, count, distinct topics), and over the
    /// program the session-topic rows by depth: recounted from the logs and topics of held
    /// sessions, as the dashboard counted before the tallies.
    type Recount = (
        HashMap<String, (i64, u32, i64, u32, u32)>,
        BTreeMap<String, u32>,
    );

    fn recount(store: &Store, program: ProgramId) -> Recount {
        let conn = store.conn();
        let mut pairs: HashMap<String, (i64, u32, i64, u32, u32)> = HashMap::new();
        let mut stmt = conn
            .prepare(
                "SELECT p.id, l.mentee_rating, l.mentor_rating
                 FROM program_pair p JOIN session s ON s.pair_id = p.id AND s.status = 'held'
                 JOIN session_log l ON l.session_id = s.id
                 WHERE p.program_id = ?1 AND p.status = 'approved'",
            )
            .unwrap_or_else(|e| panic!("{e}"));
        stmt.for_each_row([program.to_string()], |r| {
            let e = pairs.entry(r.get(0)?).or_default();
            if let Some(v) = r.get::<Option<i64>>(1)? {
                e.0 += v;
                e.1 += 1;
            }
            if let Some(v) = r.get::<Option<i64>>(2)? {
                e.2 += v;
                e.3 += 1;
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
        let mut depths: BTreeMap<String, u32> = BTreeMap::new();
        let mut taught: HashMap<String, std::collections::HashSet<String>> = HashMap::new();
        let mut stmt = conn
            .prepare(
                "SELECT p.id, t.topic_id, t.depth
                 FROM program_pair p JOIN session s ON s.pair_id = p.id AND s.status = 'held'
                 JOIN session_topic t ON t.session_id = s.id
                 WHERE p.program_id = ?1 AND p.status = 'approved'",
            )
            .unwrap_or_else(|e| panic!("{e}"));
        stmt.for_each_row([program.to_string()], |r| {
            taught.entry(r.get(0)?).or_default().insert(r.get(1)?);
            *depths.entry(r.get(2)?).or_default() += 1;
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
        for (pair, topics) in taught {
            pairs.entry(pair).or_default().4 = topics.len() as u32;
        }
        (pairs, depths)
    }

    fn figures(d: &ProgramDashboard) -> Recount {
        let mut pairs = HashMap::new();
        for row in &d.pair_rows {
            let (m, n) = (row.mentee_rating, row.mentor_rating);
            let sum = |r: RatingAverage| (r.average.unwrap_or(0.0) * f64::from(r.count)).round();
            if m.count + n.count + row.topics_covered > 0 {
                pairs.insert(
                    row.pair_id.to_string(),
                    (
                        sum(m) as i64,
                        m.count,
                        sum(n) as i64,
                        n.count,
                        row.topics_covered,
                    ),
                );
            }
        }
        let mut depths = BTreeMap::new();
        for platform in &d.topics {
            for (depth, n) in [
                ("shown", platform.depths.shown),
                ("practised", platform.depths.practised),
                ("done_alone", platform.depths.done_alone),
            ] {
                if n > 0 {
                    *depths.entry(depth.to_owned()).or_default() += n;
                }
            }
        }
        (pairs, depths)
    }

    #[test]
    fn the_kept_tallies_give_the_figures_of_a_recount_of_the_logs() {
        let mut store = Store::open_for_tests().unwrap_or_else(|e| panic!("{e}"));
        let employees =
            tandem_core::demo::seed_synthetic(&mut store, 200, 3).unwrap_or_else(|e| panic!("{e}"));
        let now = DateTime::parse_from_rfc3339("2031-06-15T12:00:00Z")
            .map(|d| d.with_timezone(&Utc))
            .unwrap_or_else(|e| panic!("{e}"));
        let spec = SyntheticSpec {
            programs: 5,
            pairs: 60,
            sessions_per_pair: 12,
            cadence_days: 14,
            now,
            seed: 11,
        };
        let history = seed_synthetic_progress(&mut store, &employees, &spec)
            .unwrap_or_else(|e| panic!("{e}"));
        let check = |store: &Store| {
            for &program in &history.programs {
                let d = program_dashboard(store, program, now).unwrap_or_else(|e| panic!("{e}"));
                assert!(d.sessions.held > 0 && !d.topics.is_empty());
                assert!(d.mentee_rating.count > 0);
                assert_eq!(figures(&d), recount(store, program));
            }
        };
        check(&store);

        // Changing a log's ratings and topics, dropping a log, and deleting a held session with
        // its log and topics all keep the tallies right.
        let conn = store.conn();
        let held: Vec<String> = conn
            .prepare("SELECT session_id FROM session_log ORDER BY session_id LIMIT 3")
            .and_then(|mut s| s.query_map((), |r| r.get(0))?.collect())
            .unwrap_or_else(|e| panic!("{e}"));
        let run = |sql: &str, id: &str| {
            conn.execute(sql, [id])
                .unwrap_or_else(|e| panic!("{sql}: {e}"));
        };
        run(
            "UPDATE session_log SET mentee_rating = 1, mentor_rating = NULL WHERE session_id = ?1",
            &held[0],
        );
        run(
            "UPDATE session_topic SET depth = 'done_alone' WHERE session_id = ?1",
            &held[0],
        );
        run("DELETE FROM session_topic WHERE session_id = ?1", &held[1]);
        run("DELETE FROM session_log WHERE session_id = ?1", &held[1]);
        run(
            "DELETE FROM self_assessment WHERE session_id = ?1",
            &held[2],
        );
        run("DELETE FROM session WHERE id = ?1", &held[2]);
        check(&store);
    }
}
