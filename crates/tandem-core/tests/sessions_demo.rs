//! The demo program under way: approved pairs, held sessions with logs, sessions ahead, pairs at
//! risk, every log valid, the same story for the same date, and a load fast enough for a first
//! launch.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::time::Instant;

use chrono::{NaiveDate, TimeZone, Utc};
use tandem_core::demo::{load_demo, load_demo_program, load_demo_with_program, DEMO_PROGRAM_NAME};
use tandem_core::program::{get_program, list_pairs, PairStatus};
use tandem_core::session::{
    charter_status, list_pairs_with_sessions, pair_page, upcoming_sessions, PairId, RiskReason,
    SessionStatus,
};
use tandem_core::{CoreError, CoreResult, Store};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 18).unwrap()
}

fn now() -> chrono::DateTime<Utc> {
    chrono_tz::Europe::Paris
        .with_ymd_and_hms(2026, 3, 18, 0, 0, 0)
        .unwrap()
        .with_timezone(&Utc)
}

#[test]
fn the_demo_program_is_under_way_with_held_logged_upcoming_and_at_risk_pairs() -> CoreResult<()> {
    let mut store = Store::open_for_tests()?;
    let started = Instant::now();
    let load = load_demo_with_program(&mut store, today())?;
    let elapsed = started.elapsed();
    let demo = load.program;
    println!("demo load: {elapsed:?}, {demo:?}");
    assert_eq!(load.employees, 149);

    let program = get_program(&store, demo.program_id)?;
    assert_eq!(program.name, DEMO_PROGRAM_NAME);
    assert!(program.start_date < today() && today() < program.end_date);
    assert!((110..=130).contains(&(today() - program.start_date).num_days()));
    assert_eq!((program.cadence_weeks, program.session_minutes), (4, 60));
    assert!(!program.charter.is_empty());

    let pairs = list_pairs(&store, demo.program_id)?;
    assert!(pairs.len() >= 30, "{} pairs", pairs.len());
    assert!(pairs.iter().all(|p| p.status == PairStatus::Approved));
    assert_eq!(demo.pairs as usize, pairs.len());
    assert!(demo.held >= 2 * demo.pairs, "{demo:?}");
    assert!(demo.logged >= demo.held * 3 / 4, "{demo:?}");
    assert!(demo.upcoming >= 2 * demo.pairs, "{demo:?}");
    assert!(demo.cancelled >= 3, "{demo:?}");
    assert!((2..=4).contains(&demo.at_risk), "{demo:?}");

    let overview = list_pairs_with_sessions(&store, demo.program_id, now())?;
    let reasons: Vec<&RiskReason> = overview.iter().flat_map(|p| &p.risks).collect();
    assert!(reasons
        .iter()
        .any(|r| matches!(r, RiskReason::ConsecutiveCancellations { .. })));
    assert!(reasons
        .iter()
        .any(|r| matches!(r, RiskReason::NoSessionHeldFor { .. })));
    // Every pair has a next session until the program ends.
    assert!(overview.iter().all(|p| p.next_session.is_some()));

    // Everyone acknowledged the charter before their first session.
    let charter = charter_status(&store, demo.program_id)?;
    assert_eq!(charter.pending, 0);
    for p in &overview {
        let page = pair_page(&store, p.pair_id, now())?;
        let first = page.timeline.first().unwrap().session.starts_at;
        assert!(page
            .charter
            .iter()
            .all(|c| c.acknowledged_at.is_some_and(|at| at < first)));
        // Logged topics come from the mentee's goals, and self-assessments never pass the target.
        for entry in &page.timeline {
            if let Some(log) = &entry.log {
                assert_eq!(entry.session.status, SessionStatus::Held);
                assert!(!log.topics.is_empty());
                for a in &log.self_assessments {
                    let goal = page
                        .goals
                        .iter()
                        .find(|g| g.topic.id == a.topic.id)
                        .unwrap();
                    assert!(a.level <= goal.target);
                }
            }
        }
    }
    let week = upcoming_sessions(&store, now(), now() + chrono::Duration::days(7), None)?;
    assert!(!week.is_empty());
    assert!(elapsed.as_secs_f64() < 3.0, "demo load took {elapsed:?}");
    Ok(())
}

#[test]
fn the_demo_tells_the_same_story_for_the_same_date() -> CoreResult<()> {
    let story = |store: &Store, program| -> CoreResult<Vec<String>> {
        let mut out = Vec::new();
        for p in list_pairs_with_sessions(store, program, now())? {
            let page = pair_page(store, p.pair_id, now())?;
            let statuses: Vec<String> = page
                .timeline
                .iter()
                .map(|e| {
                    format!(
                        "{} {:?} {:?}",
                        e.session.starts_at,
                        e.session.status,
                        e.log
                            .as_ref()
                            .map(|l| (&l.topics, &l.task_set, l.mentee_rating))
                    )
                })
                .collect();
            out.push(format!(
                "{} / {}: {:?} {statuses:?}",
                page.pair.mentee.person.email, page.pair.mentor.person.email, p.risks
            ));
        }
        out.sort();
        Ok(out)
    };
    let mut a = Store::open_for_tests()?;
    let mut b = Store::open_for_tests()?;
    let pa = load_demo_with_program(&mut a, today())?.program.program_id;
    let pb = load_demo_with_program(&mut b, today())?.program.program_id;
    assert_eq!(story(&a, pa)?, story(&b, pb)?);
    Ok(())
}

#[test]
fn the_demo_program_loads_once() -> CoreResult<()> {
    let mut store = Store::open_for_tests()?;
    load_demo(&mut store)?;
    let first = load_demo_program(&mut store, today())?;
    assert!(matches!(
        load_demo_program(&mut store, today()),
        Err(CoreError::Conflict(_))
    ));
    let pair = PairId(list_pairs(&store, first.program_id)?[0].id);
    assert!(pair_page(&store, pair, now()).is_ok());
    Ok(())
}

#[test]
fn the_demo_dashboard_estimates_an_audience_from_the_active_mentees_followers() -> CoreResult<()> {
    let mut store = Store::open_for_tests()?;
    let load = load_demo_with_program(&mut store, today())?;
    let dashboard =
        tandem_core::progress::program_dashboard(&store, load.program.program_id, now())?;
    assert!(dashboard.audience.active_mentees > 0);
    assert!(
        dashboard.audience.total_followers > 0,
        "the demo's active mentees have follower figures: {:?}",
        dashboard.audience
    );
    assert_eq!(
        dashboard.audience.total_followers,
        dashboard
            .audience
            .platforms
            .iter()
            .map(|p| p.followers)
            .sum::<u64>()
    );
    Ok(())
}

#[test]
fn a_first_launch_killed_halfway_leaves_no_half_demo_and_the_next_launch_completes_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tandem.sqlite");
    // What a launch killed while loading leaves: the file being built, with part of the demo.
    let creating = dir.path().join("tandem.sqlite.creating");
    {
        let mut half = Store::open(&creating).unwrap();
        load_demo(&mut half).unwrap();
    }
    assert!(
        !path.exists(),
        "nothing is at the database's own path until the demo is complete"
    );

    let store = tandem_core::demo::open_or_create_with_demo(&path).unwrap();
    let programs = tandem_core::program::list_programs(&store).unwrap();
    assert_eq!(programs.len(), 1, "the full demo, its program included");
    assert!(programs[0].approved_count > 0);
    assert!(
        !creating.exists(),
        "the file being built became the database"
    );
    drop(store);

    // An existing database is opened as it is, never given the demo again.
    let again = tandem_core::demo::open_or_create_with_demo(&path).unwrap();
    assert_eq!(
        tandem_core::program::list_programs(&again).unwrap().len(),
        1
    );
}
