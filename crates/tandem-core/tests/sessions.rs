//! Integration tests of session scheduling: free slots from both agendas and time zones, the
//! daylight-saving changeovers, series (proposed and planned all or nothing). Actions on one
//! session are in `sessions_actions.rs`.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

mod sessions_support;

use chrono::{Datelike, Duration, NaiveTime, Weekday};
use sessions_support::*;
use tandem_core::session::{
    cancel_session, create_session, plan_series, propose_series, propose_slots, CancelledBy,
    SessionStatus, SessionTime,
};
use tandem_core::CoreResult;

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

// ---------------------------------------------------------------- slots

#[test]
fn slots_are_where_both_weekly_agendas_overlap_for_the_whole_session() -> CoreResult<()> {
    let w = world()?;
    let now = start_of_programs();
    // Week of Monday 12 January 2026.
    let slots = propose_slots(
        &w.store,
        w.lea_marc,
        utc(2026, 1, 12, 0, 0),
        utc(2026, 1, 19, 0, 0),
        now,
    )?;
    let local: Vec<(Weekday, NaiveTime)> = slots
        .iter()
        .map(|s| (s.mentor_local.weekday(), s.mentor_local.time()))
        .collect();
    // Léa Tue 9–12 and Thu 14–17, Marc Tue 10–12 and Thu 14–15:30; 60 minutes on a 30-minute grid.
    assert_eq!(
        local,
        vec![
            (Weekday::Tue, hm(10, 0)),
            (Weekday::Tue, hm(10, 30)),
            (Weekday::Tue, hm(11, 0)),
            (Weekday::Thu, hm(14, 0)),
            (Weekday::Thu, hm(14, 30)),
        ]
    );
    for s in &slots {
        assert_eq!(s.ends_at - s.starts_at, Duration::minutes(60));
        assert_eq!(s.mentor_local, s.mentee_local);
    }
    Ok(())
}

#[test]
fn slots_across_two_time_zones_follow_each_persons_own_clock_on_that_date() -> CoreResult<()> {
    let mut w = world()?;
    let now = start_of_programs();
    // Sam is free Tuesdays 08:00–10:00 in Toronto, Nina Tuesdays 14:00–15:30 in Paris.
    // In January Paris is 6 hours ahead: Toronto 08:00 and 08:30 fit.
    let january = propose_slots(
        &w.store,
        w.sam_nina,
        utc(2026, 1, 12, 0, 0),
        utc(2026, 1, 19, 0, 0),
        now,
    )?;
    let starts: Vec<_> = january.iter().map(|s| s.starts_at).collect();
    assert_eq!(
        starts,
        vec![utc(2026, 1, 13, 13, 0), utc(2026, 1, 13, 13, 30)]
    );
    assert_eq!(january[0].mentor_local.time(), hm(8, 0));
    assert_eq!(january[0].mentee_local.time(), hm(14, 0));
    // Between Toronto's change (8 March) and Paris' (29 March) the gap is 5 hours: only Toronto
    // 09:00 (Paris 14:00) fits both.
    let march = propose_slots(
        &w.store,
        w.sam_nina,
        utc(2026, 3, 9, 0, 0),
        utc(2026, 3, 16, 0, 0),
        now,
    )?;
    assert_eq!(march.len(), 1);
    assert_eq!(march[0].starts_at, utc(2026, 3, 10, 13, 0));
    assert_eq!(march[0].mentor_local.time(), hm(9, 0));
    assert_eq!(march[0].mentee_local.time(), hm(14, 0));
    // The session is planned on the organiser's (the mentor's) clock.
    let session = create_session(
        &mut w.store,
        w.sam_nina,
        SessionTime::new(march[0].starts_at, 60),
        "https://meet.example.com/sam-nina",
        now,
    )?;
    assert_eq!(session.timezone, "America/Toronto");
    Ok(())
}

#[test]
fn a_weekly_slot_keeps_its_local_time_across_both_paris_changeovers() -> CoreResult<()> {
    let w = world()?;
    let now = start_of_programs();
    let tuesday_ten = |from, to| -> CoreResult<Vec<_>> {
        Ok(propose_slots(&w.store, w.lea_marc, from, to, now)?
            .into_iter()
            .filter(|s| {
                s.mentor_local.weekday() == Weekday::Tue && s.mentor_local.time() == hm(10, 0)
            })
            .map(|s| s.starts_at)
            .collect())
    };
    // Summer time starts on Sunday 29 March 2026: 10:00 in Paris is 09:00 UTC before, 08:00 after.
    assert_eq!(
        tuesday_ten(utc(2026, 3, 23, 0, 0), utc(2026, 4, 5, 0, 0))?,
        vec![utc(2026, 3, 24, 9, 0), utc(2026, 3, 31, 8, 0)]
    );
    // It ends on Sunday 25 October 2026: 08:00 UTC before, 09:00 after.
    assert_eq!(
        tuesday_ten(utc(2026, 10, 19, 0, 0), utc(2026, 11, 1, 0, 0))?,
        vec![utc(2026, 10, 20, 8, 0), utc(2026, 10, 27, 9, 0)]
    );
    Ok(())
}

#[test]
fn slots_are_never_in_the_past_nor_outside_the_program() -> CoreResult<()> {
    let w = world()?;
    // On Tuesday 13 January at 10:15 Paris, the 10:00 slot has gone; 10:30 and 11:00 remain.
    let now = at(PARIS, 2026, 1, 13, 10, 15);
    let slots = propose_slots(
        &w.store,
        w.lea_marc,
        utc(2026, 1, 13, 0, 0),
        utc(2026, 1, 14, 0, 0),
        now,
    )?;
    let times: Vec<_> = slots.iter().map(|s| s.mentor_local.time()).collect();
    assert_eq!(times, vec![hm(10, 30), hm(11, 0)]);
    // The program ends on Friday 18 December 2026: nothing is proposed after it.
    let late = propose_slots(
        &w.store,
        w.lea_marc,
        utc(2026, 12, 14, 0, 0),
        utc(2027, 1, 10, 0, 0),
        now,
    )?;
    assert!(!late.is_empty());
    assert!(late
        .iter()
        .all(|s| s.mentor_local.date() <= date(2026, 12, 18)));
    Ok(())
}

#[test]
fn a_search_range_that_ends_before_it_starts_is_refused() -> CoreResult<()> {
    let w = world()?;
    let now = start_of_programs();
    let keys = field_keys(propose_slots(
        &w.store,
        w.lea_marc,
        utc(2026, 2, 1, 0, 0),
        utc(2026, 1, 1, 0, 0),
        now,
    ));
    assert_eq!(keys, vec![("to".to_owned(), "range_invalid".to_owned())]);
    let keys = field_keys(propose_slots(
        &w.store,
        w.lea_marc,
        utc(2026, 1, 1, 0, 0),
        utc(2026, 12, 1, 0, 0),
        now,
    ));
    assert_eq!(keys, vec![("to".to_owned(), "range_too_long".to_owned())]);
    Ok(())
}

#[test]
fn a_session_of_the_mentor_in_another_program_takes_the_slot_until_it_is_cancelled(
) -> CoreResult<()> {
    let mut w = world()?;
    let now = start_of_programs();
    let week = (utc(2026, 1, 12, 0, 0), utc(2026, 1, 19, 0, 0));
    // Léa meets Paul (other program) on Tuesday 13 January 10:30–11:30.
    let other = create_session(
        &mut w.store,
        w.lea_paul,
        SessionTime::new(at(PARIS, 2026, 1, 13, 10, 30), 60),
        "Room 4",
        now,
    )?;
    let tuesday: Vec<_> = propose_slots(&w.store, w.lea_marc, week.0, week.1, now)?
        .into_iter()
        .filter(|s| s.mentor_local.weekday() == Weekday::Tue)
        .collect();
    assert!(tuesday.is_empty(), "10:00, 10:30 and 11:00 all overlap");
    cancel_session(
        &mut w.store,
        other.id,
        CancelledBy::Mentee,
        "Travelling",
        now,
    )?;
    let tuesday = propose_slots(&w.store, w.lea_marc, week.0, week.1, now)?
        .into_iter()
        .filter(|s| s.mentor_local.weekday() == Weekday::Tue)
        .count();
    assert_eq!(tuesday, 3);
    // And the time can be booked again.
    w.book(w.lea_marc, at(PARIS, 2026, 1, 13, 10, 30), 60)?;
    Ok(())
}

// ---------------------------------------------------------------- series

#[test]
fn a_series_meets_every_cadence_at_the_same_local_time_until_the_program_ends() -> CoreResult<()> {
    let mut w = world()?;
    let now = start_of_programs();
    let first = at(PARIS, 2026, 1, 13, 10, 0);
    let series = propose_series(&w.store, w.lea_marc, first, now)?;
    assert_eq!(series.cadence_weeks, 4);
    assert_eq!(series.timezone, "Europe/Paris");
    // Every 28 days from 13 January up to 18 December: 13 Jan ... 15 Dec, 13 occurrences.
    assert_eq!(series.occurrences.len(), 13);
    assert_eq!(series.missing_count, 0);
    let mut expected = date(2026, 1, 13);
    for o in &series.occurrences {
        let slot = o.slot.as_ref().unwrap();
        assert!(!o.shifted);
        assert_eq!(slot.mentor_local.date(), expected);
        // Same wall-clock time on both sides of the March and October changeovers.
        assert_eq!(slot.mentor_local.time(), hm(10, 0));
        expected += Duration::days(28);
    }
    assert!(expected > date(2026, 12, 18));
    let sessions = plan_series(&mut w.store, w.lea_marc, &series.starts(), "Room 2", now)?;
    assert_eq!(sessions.len(), 13);
    let series_id = sessions[0].series_id.unwrap();
    assert!(sessions.iter().all(|s| s.series_id == Some(series_id)
        && s.status == SessionStatus::Planned
        && s.sequence == 0
        && s.location == "Room 2"));
    Ok(())
}

#[test]
fn a_series_occurrence_that_is_taken_moves_to_the_nearest_free_time_or_is_reported_missing(
) -> CoreResult<()> {
    let mut w = world()?;
    let now = start_of_programs();
    // Léa is busy with Paul on 10 February 09:30–11:30: the second occurrence's 10:00 is taken,
    // and so are 10:30 and 11:00 that day. The nearest free time is Thursday 12 February 14:00.
    create_session(
        &mut w.store,
        w.lea_paul,
        SessionTime {
            starts_at: at(PARIS, 2026, 2, 10, 9, 30),
            ends_at: at(PARIS, 2026, 2, 10, 11, 30),
        },
        "",
        now,
    )?;
    let series = propose_series(&w.store, w.lea_marc, at(PARIS, 2026, 1, 13, 10, 0), now)?;
    let second = &series.occurrences[1];
    assert_eq!(second.wanted_start, at(PARIS, 2026, 2, 10, 10, 0));
    assert!(second.shifted);
    assert_eq!(
        second.slot.as_ref().unwrap().starts_at,
        at(PARIS, 2026, 2, 12, 14, 0)
    );
    // Sam and Nina share only Tuesday early afternoon in Paris: with 10 February taken, that
    // occurrence has no free time within three days.
    w.book(w.sam_nina, at(TORONTO, 2026, 2, 10, 8, 0), 90)?;
    let theirs = propose_series(&w.store, w.sam_nina, at(TORONTO, 2026, 1, 13, 8, 0), now)?;
    let missing: Vec<_> = theirs
        .occurrences
        .iter()
        .filter(|o| o.slot.is_none())
        .map(|o| o.index)
        .collect();
    assert_eq!(missing, vec![1]);
    assert_eq!(theirs.missing_count, 1);
    assert_eq!(theirs.starts().len(), theirs.occurrences.len() - 1);
    Ok(())
}

#[test]
fn a_series_is_planned_all_or_nothing() -> CoreResult<()> {
    let mut w = world()?;
    let now = start_of_programs();
    w.book(w.lea_paul, at(PARIS, 2026, 3, 10, 10, 0), 60)?;
    let before = snapshot(&w.store)?;
    let starts = [
        at(PARIS, 2026, 2, 10, 10, 0),
        at(PARIS, 2026, 3, 10, 10, 30),
        at(PARIS, 2026, 4, 7, 10, 0),
    ];
    let message = conflict(plan_series(&mut w.store, w.lea_marc, &starts, "", now));
    assert!(message.contains("Léa Martin"), "{message}");
    assert_eq!(snapshot(&w.store)?, before);
    // Two starts of the list that overlap each other clash too.
    let twice = [at(PARIS, 2026, 5, 5, 10, 0), at(PARIS, 2026, 5, 5, 10, 30)];
    conflict(plan_series(&mut w.store, w.lea_marc, &twice, "", now));
    assert_eq!(snapshot(&w.store)?, before);
    // A start in the past or after the program, or no start at all, is a field error.
    let keys = field_keys(plan_series(
        &mut w.store,
        w.lea_marc,
        &[utc(2026, 1, 1, 9, 0), at(PARIS, 2027, 1, 5, 10, 0)],
        "",
        now,
    ));
    assert_eq!(
        keys,
        vec![
            ("starts[0].starts_at".to_owned(), "in_the_past".to_owned()),
            (
                "starts[0].starts_at".to_owned(),
                "outside_program".to_owned()
            ),
            (
                "starts[1].starts_at".to_owned(),
                "outside_program".to_owned()
            ),
        ]
    );
    let keys = field_keys(plan_series(&mut w.store, w.lea_marc, &[], "", now));
    assert_eq!(keys, vec![("starts".to_owned(), "required".to_owned())]);
    assert_eq!(snapshot(&w.store)?, before);
    Ok(())
}

#[test]
fn a_series_cannot_start_in_the_past() -> CoreResult<()> {
    let w = world()?;
    let now = at(PARIS, 2026, 2, 1, 12, 0);
    let keys = field_keys(propose_series(
        &w.store,
        w.lea_marc,
        at(PARIS, 2026, 1, 13, 10, 0),
        now,
    ));
    assert_eq!(
        keys,
        vec![("first_start".to_owned(), "in_the_past".to_owned())]
    );
    Ok(())
}
