//! Integration tests of the actions on one session: double bookings across programs, impossible
//! times, approved pairs only, move, cancel, held and no-show, the charter rule, and the mentor of
//! a pair that met; every refused action leaves the database as it was.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

mod sessions_support;

use chrono::Duration;
use sessions_support::*;
use tandem_core::program::{
    add_participants, assign, create_program, exclude_pair, list_pairs, remove_participant,
    ProgramInput, Side,
};
use tandem_core::session::{
    cancel_session, create_session, get_session, list_sessions, mark_held, mark_no_show,
    move_session, propose_slots, set_location, CancelledBy, PairId, SessionStatus, SessionTime,
};
use tandem_core::CoreResult;

// ---------------------------------------------------------------- conflicts and times

#[test]
fn a_session_overlapping_another_of_the_mentor_in_another_program_is_refused() -> CoreResult<()> {
    let mut w = world()?;
    w.book(w.lea_paul, at(PARIS, 2026, 1, 13, 10, 0), 60)?;
    let before = snapshot(&w.store)?;
    let refused = refusal(w.book(w.lea_marc, at(PARIS, 2026, 1, 13, 10, 30), 60));
    assert_eq!(
        refused.message,
        "Léa Martin already has a session on Tue 2026-01-13 10:00–11:00 (Europe/Paris) with Paul Girard: pick another time"
    );
    // The UI words it in its own language from the key and these values.
    assert_eq!(refused.key, tandem_core::RefusalKey::DoubleBooking);
    assert_eq!(
        refused.params,
        vec![
            ("person", "Léa Martin".to_owned()),
            ("partner", "Paul Girard".to_owned()),
            ("starts_at", "2026-01-13T09:00:00+00:00".to_owned()),
            ("ends_at", "2026-01-13T10:00:00+00:00".to_owned()),
            ("timezone", "Europe/Paris".to_owned()),
        ]
    );
    assert_eq!(snapshot(&w.store)?, before);
    // Back to back is fine.
    w.book(w.lea_marc, at(PARIS, 2026, 1, 13, 11, 0), 60)?;
    Ok(())
}

#[test]
fn a_pair_booked_twice_at_the_same_time_is_refused_naming_the_mentee_too() -> CoreResult<()> {
    let mut w = world()?;
    let now = start_of_programs();
    let time = SessionTime::new(at(TORONTO, 2026, 1, 13, 8, 0), 60);
    create_session(&mut w.store, w.sam_nina, time.clone(), "", now)?;
    let message = conflict(create_session(&mut w.store, w.sam_nina, time, "", now));
    // The mentor is checked first, on his own clock.
    assert!(message.starts_with("Sam Tremblay already has a session on Tue 2026-01-13 08:00–09:00 (America/Toronto) with Nina Roux"), "{message}");
    Ok(())
}

#[test]
fn impossible_session_times_are_field_errors() -> CoreResult<()> {
    let mut w = world()?;
    let now = start_of_programs();
    let before = snapshot(&w.store)?;
    let start = at(PARIS, 2026, 1, 13, 10, 0);
    let cases = [
        (
            SessionTime {
                starts_at: start,
                ends_at: start - Duration::minutes(30),
            },
            vec![("ends_at", "end_before_start")],
        ),
        (
            SessionTime::new(start, 10),
            vec![("ends_at", "session_length_invalid")],
        ),
        (
            SessionTime {
                starts_at: start,
                ends_at: start + Duration::minutes(241),
            },
            vec![("ends_at", "session_length_invalid")],
        ),
        (
            SessionTime::new(at(PARIS, 2026, 1, 2, 10, 0), 60),
            vec![("starts_at", "outside_program")],
        ),
        (
            SessionTime::new(at(PARIS, 2026, 12, 19, 10, 0), 60),
            vec![("starts_at", "outside_program")],
        ),
    ];
    for (time, expected) in cases {
        let keys = field_keys(create_session(
            &mut w.store,
            w.lea_marc,
            time.clone(),
            "",
            now,
        ));
        let expected: Vec<_> = expected
            .into_iter()
            .map(|(f, k)| (f.to_owned(), k.to_owned()))
            .collect();
        assert_eq!(keys, expected, "{time:?}");
    }
    let keys = field_keys(create_session(
        &mut w.store,
        w.lea_marc,
        SessionTime::new(start, 60),
        &"x".repeat(501),
        now,
    ));
    assert_eq!(keys, vec![("location".to_owned(), "too_long".to_owned())]);
    assert_eq!(snapshot(&w.store)?, before);
    // 15 and 240 minutes are the limits, both allowed; so are the program's first and last days.
    w.book(w.lea_marc, start, 15)?;
    w.book(w.lea_marc, at(PARIS, 2026, 1, 14, 8, 0), 240)?;
    w.book(w.lea_marc, at(PARIS, 2026, 1, 5, 18, 0), 60)?;
    w.book(w.lea_marc, at(PARIS, 2026, 12, 18, 22, 0), 120)?;
    assert_eq!(list_sessions(&w.store, w.lea_marc)?.len(), 4);
    Ok(())
}

#[test]
fn sessions_are_only_for_approved_pairs() -> CoreResult<()> {
    let mut w = world()?;
    let now = start_of_programs();
    // Sam also mentors Paul in a third program, proposed but not approved.
    let third = create_program(
        &mut w.store,
        ProgramInput::new("Proposed", date(2026, 1, 5), date(2026, 6, 30)),
    )?;
    add_participants(&mut w.store, third.id, Side::Mentor, &[w.sam])?;
    add_participants(&mut w.store, third.id, Side::Mentee, &[w.paul])?;
    assign(&mut w.store, third.id, w.paul, w.sam, true)?;
    let pair = PairId(list_pairs(&w.store, third.id)?[0].id);
    let before = snapshot(&w.store)?;
    let message = conflict(w.book(pair, at(PARIS, 2026, 1, 13, 15, 0), 60));
    assert!(message.contains("not approved"), "{message}");
    let message = conflict(propose_slots(
        &w.store,
        pair,
        utc(2026, 1, 12, 0, 0),
        utc(2026, 1, 19, 0, 0),
        now,
    ));
    assert!(message.contains("not approved"), "{message}");
    assert_eq!(snapshot(&w.store)?, before);
    Ok(())
}

// ---------------------------------------------------------------- move, cancel, held

#[test]
fn moving_or_relocating_or_cancelling_a_session_raises_its_sequence() -> CoreResult<()> {
    let mut w = world()?;
    let now = start_of_programs();
    let s = create_session(
        &mut w.store,
        w.lea_marc,
        SessionTime::new(at(PARIS, 2026, 1, 13, 10, 0), 60),
        "Room 2",
        now,
    )?;
    assert_eq!(s.sequence, 0);
    let later = now + Duration::hours(1);
    let moved = move_session(
        &mut w.store,
        s.id,
        SessionTime::new(at(PARIS, 2026, 1, 15, 14, 0), 60),
        later,
    )?;
    assert_eq!(
        (moved.sequence, moved.starts_at),
        (1, at(PARIS, 2026, 1, 15, 14, 0))
    );
    assert_eq!(moved.updated_at, later);
    // Moving to the same time changes nothing.
    let same = move_session(
        &mut w.store,
        s.id,
        SessionTime::new(at(PARIS, 2026, 1, 15, 14, 0), 60),
        later + Duration::hours(1),
    )?;
    assert_eq!(same, moved);
    let relocated = set_location(&mut w.store, s.id, "https://meet.example.com/x", later)?;
    assert_eq!(relocated.sequence, 2);
    let cancelled = cancel_session(
        &mut w.store,
        s.id,
        CancelledBy::Mentee,
        " Client meeting ",
        later,
    )?;
    assert_eq!(cancelled.sequence, 3);
    assert_eq!(cancelled.status, SessionStatus::Cancelled);
    assert_eq!(cancelled.cancelled_by, Some(CancelledBy::Mentee));
    assert_eq!(cancelled.cancel_reason, "Client meeting");
    assert_eq!(get_session(&w.store, s.id)?, cancelled);
    Ok(())
}

#[test]
fn a_move_onto_a_taken_time_or_outside_the_program_is_refused_and_changes_nothing() -> CoreResult<()>
{
    let mut w = world()?;
    let now = start_of_programs();
    let s = w.book(w.lea_marc, at(PARIS, 2026, 1, 13, 10, 0), 60)?;
    w.book(w.lea_paul, at(PARIS, 2026, 1, 20, 10, 0), 60)?;
    let before = snapshot(&w.store)?;
    let message = conflict(move_session(
        &mut w.store,
        s.id,
        SessionTime::new(at(PARIS, 2026, 1, 20, 10, 30), 60),
        now,
    ));
    assert!(
        message.starts_with("Léa Martin already has a session on Tue 2026-01-20 10:00–11:00"),
        "{message}"
    );
    assert_eq!(
        field_keys(move_session(
            &mut w.store,
            s.id,
            SessionTime::new(at(PARIS, 2027, 1, 12, 10, 0), 60),
            now,
        )),
        vec![("starts_at".to_owned(), "outside_program".to_owned())]
    );
    assert_eq!(snapshot(&w.store)?, before);
    // Moving within its own old time (half an hour later) does not clash with itself.
    let moved = move_session(
        &mut w.store,
        s.id,
        SessionTime::new(at(PARIS, 2026, 1, 13, 10, 30), 60),
        now,
    )?;
    assert_eq!(moved.sequence, 1);
    Ok(())
}

#[test]
fn who_cancelled_is_kept_for_the_mentor_the_mentee_and_hr() -> CoreResult<()> {
    let mut w = world()?;
    let now = start_of_programs();
    for (day, who) in [
        (13, CancelledBy::Mentor),
        (20, CancelledBy::Mentee),
        (27, CancelledBy::Hr),
    ] {
        let s = w.book(w.lea_marc, at(PARIS, 2026, 1, day, 10, 0), 60)?;
        cancel_session(&mut w.store, s.id, who, "Reason", now)?;
        assert_eq!(get_session(&w.store, s.id)?.cancelled_by, Some(who));
    }
    Ok(())
}

#[test]
fn a_cancellation_needs_a_reason_and_a_planned_session() -> CoreResult<()> {
    let mut w = world()?;
    w.acknowledge_all()?;
    let now = start_of_programs();
    let s = w.book(w.lea_marc, at(PARIS, 2026, 1, 13, 10, 0), 60)?;
    let before = snapshot(&w.store)?;
    let keys = field_keys(cancel_session(
        &mut w.store,
        s.id,
        CancelledBy::Hr,
        "  ",
        now,
    ));
    assert_eq!(keys, vec![("reason".to_owned(), "required".to_owned())]);
    let keys = field_keys(cancel_session(
        &mut w.store,
        s.id,
        CancelledBy::Hr,
        &"r".repeat(501),
        now,
    ));
    assert_eq!(keys, vec![("reason".to_owned(), "too_long".to_owned())]);
    assert_eq!(snapshot(&w.store)?, before);
    let after = at(PARIS, 2026, 1, 13, 11, 5);
    mark_held(&mut w.store, s.id, after)?;
    let before = snapshot(&w.store)?;
    conflict(cancel_session(
        &mut w.store,
        s.id,
        CancelledBy::Hr,
        "Too late",
        after,
    ));
    conflict(move_session(
        &mut w.store,
        s.id,
        SessionTime::new(at(PARIS, 2026, 1, 20, 10, 0), 60),
        after,
    ));
    conflict(set_location(&mut w.store, s.id, "Room 9", after));
    assert_eq!(snapshot(&w.store)?, before);
    Ok(())
}

#[test]
fn a_session_cannot_be_marked_held_or_no_show_before_it_starts() -> CoreResult<()> {
    let mut w = world()?;
    w.acknowledge_all()?;
    let s = w.book(w.lea_marc, at(PARIS, 2026, 1, 13, 10, 0), 60)?;
    let before = snapshot(&w.store)?;
    let just_before = at(PARIS, 2026, 1, 13, 9, 59);
    assert_eq!(
        field_keys(mark_held(&mut w.store, s.id, just_before)),
        vec![("status".to_owned(), "session_not_started".to_owned())]
    );
    assert_eq!(
        field_keys(mark_no_show(&mut w.store, s.id, just_before)),
        vec![("status".to_owned(), "session_not_started".to_owned())]
    );
    assert_eq!(snapshot(&w.store)?, before);
    let started = at(PARIS, 2026, 1, 13, 10, 0);
    assert_eq!(
        mark_no_show(&mut w.store, s.id, started)?.status,
        SessionStatus::NoShow
    );
    // A no-show can be corrected to held, and an unlogged held session back to a no-show.
    assert_eq!(
        mark_held(&mut w.store, s.id, started)?.status,
        SessionStatus::Held
    );
    assert_eq!(
        mark_no_show(&mut w.store, s.id, started)?.status,
        SessionStatus::NoShow
    );
    Ok(())
}

#[test]
fn a_session_cannot_be_marked_held_until_both_acknowledged_the_charter() -> CoreResult<()> {
    let mut w = world()?;
    let now = start_of_programs();
    let s = w.book(w.lea_marc, at(PARIS, 2026, 1, 13, 10, 0), 60)?;
    let after = at(PARIS, 2026, 1, 13, 11, 0);
    let before = snapshot(&w.store)?;
    let error = mark_held(&mut w.store, s.id, after).unwrap_err();
    assert_eq!(snapshot(&w.store)?, before);
    assert_eq!(
        error.to_string(),
        "Léa Martin and Marc Dubois have not acknowledged the program's charter yet: they must before a session is marked held"
    );
    tandem_core::session::acknowledge_charter(&mut w.store, w.program, w.lea, now)?;
    let keys = field_keys(mark_held(&mut w.store, s.id, after));
    assert_eq!(
        keys,
        vec![("charter".to_owned(), "charter_not_acknowledged".to_owned())]
    );
    let error = mark_held(&mut w.store, s.id, after).unwrap_err();
    assert!(
        error.to_string().starts_with("Marc Dubois has not"),
        "{error}"
    );
    assert_eq!(get_session(&w.store, s.id)?.status, SessionStatus::Planned);
    tandem_core::session::acknowledge_charter(&mut w.store, w.program, w.marc, now)?;
    assert_eq!(
        mark_held(&mut w.store, s.id, after)?.status,
        SessionStatus::Held
    );
    Ok(())
}

#[test]
fn a_session_can_be_recorded_after_the_fact() -> CoreResult<()> {
    let mut w = world()?;
    w.acknowledge_all()?;
    let now = at(PARIS, 2026, 2, 1, 12, 0);
    let s = create_session(
        &mut w.store,
        w.lea_marc,
        SessionTime::new(at(PARIS, 2026, 1, 20, 10, 0), 60),
        "",
        now,
    )?;
    assert_eq!(
        mark_held(&mut w.store, s.id, now)?.status,
        SessionStatus::Held
    );
    assert_eq!(list_sessions(&w.store, w.lea_marc)?.len(), 1);
    Ok(())
}

// ---------------------------------------------------------------- the mentor of a pair that met

#[test]
fn a_pair_with_sessions_keeps_its_mentor_and_its_people() -> CoreResult<()> {
    let mut w = world()?;
    w.book(w.sam_nina, at(TORONTO, 2026, 1, 13, 8, 0), 60)?;
    let before = snapshot(&w.store)?;
    let message = conflict(assign(&mut w.store, w.program, w.nina, w.lea, true));
    assert!(message.contains("1 session(s)"), "{message}");
    let message = conflict(exclude_pair(&mut w.store, w.program, w.nina, w.sam));
    assert!(message.contains("1 session(s)"), "{message}");
    let message = conflict(remove_participant(&mut w.store, w.program, w.sam));
    assert!(message.contains("1 session(s)"), "{message}");
    assert_eq!(snapshot(&w.store)?, before);
    Ok(())
}
