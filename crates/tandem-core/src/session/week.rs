//! "My week" and the desktop reminders: sessions across every pair and program in a time range.
//!
//! The shell polls [`reminders_due`] while the app runs; the lead time is the
//! `reminder_minutes` setting ([`crate::settings::reminder_minutes`], 0 turns reminders off).

use crate::access::{self, Effect, Need};
use std::collections::HashMap;

use crate::store::db::Connection;
use chrono::{DateTime, Duration, Utc};

use super::model::Session;
use crate::domain::EmployeeId;
use crate::program::{PersonSummary, ProgramId};
use crate::store::programs as program_db;
use crate::store::sessions as db;
use crate::{CoreError, CoreResult, Store};

/// A session with the names an agenda shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaEntry {
    pub session: Session,
    pub program_name: String,
    pub mentor: PersonSummary,
    pub mentee: PersonSummary,
}

fn entries(conn: &Connection, sessions: Vec<Session>) -> CoreResult<Vec<AgendaEntry>> {
    let mut programs: HashMap<ProgramId, String> = HashMap::new();
    let mut people: HashMap<EmployeeId, PersonSummary> = HashMap::new();
    let mut out = Vec::with_capacity(sessions.len());
    for session in sessions {
        if let std::collections::hash_map::Entry::Vacant(slot) = programs.entry(session.program_id)
        {
            let program = program_db::get_program(conn, session.program_id)?
                .ok_or_else(|| CoreError::not_found("program", session.program_id))?;
            slot.insert(program.name);
        }
        for id in [session.mentor_id, session.mentee_id] {
            if let std::collections::hash_map::Entry::Vacant(slot) = people.entry(id) {
                let p = program_db::person_summary(conn, id)?
                    .ok_or_else(|| CoreError::not_found("employee", id))?;
                slot.insert(p);
            }
        }
        out.push(AgendaEntry {
            program_name: programs[&session.program_id].clone(),
            mentor: people[&session.mentor_id].clone(),
            mentee: people[&session.mentee_id].clone(),
            session,
        });
    }
    Ok(out)
}

/// Sessions starting in `[from, to)` across all pairs and programs, optionally only those of one
/// employee (on either side), in start order. Every status is included (a week view strikes
/// out the cancelled ones); filter on `session.status` for planned ones only.
///
/// Someone signed in sees their own sessions only: `employee` is theirs whatever is asked, except
/// that HR may ask for anyone's. HR at the keyboard of a solo file, who is nobody in particular,
/// sees everyone's.
pub fn upcoming_sessions(
    store: &Store,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    employee: Option<EmployeeId>,
) -> CoreResult<Vec<AgendaEntry>> {
    access::require(store, Need::SignedIn, Effect::Read)?;
    let employee = whose_sessions(store, employee);
    let conn = store.conn();
    entries(
        conn,
        db::sessions_starting(conn, from, to, employee, false)?,
    )
}

/// Whose sessions a week view or a reminder covers (see [`upcoming_sessions`]).
fn whose_sessions(store: &Store, asked: Option<EmployeeId>) -> Option<EmployeeId> {
    match (access::acting_person(store), access::acting_as_hr(store)) {
        (_, true) if asked.is_some() => asked,
        (Some(me), _) => Some(me),
        (None, _) => asked,
    }
}

/// Planned sessions starting in `[from, to)`, in start order: what a reminder announces (the
/// signed-in person's own, as for [`upcoming_sessions`]).
pub fn sessions_starting_between(
    store: &Store,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> CoreResult<Vec<AgendaEntry>> {
    let conn = store.conn();
    let employee = whose_sessions(store, None);
    entries(conn, db::sessions_starting(conn, from, to, employee, true)?)
}

/// Planned sessions whose reminder time (start minus the `reminder_minutes` setting) fell in
/// `(since, now]`: poll with the previous call's `now` as `since` and each session is announced
/// once. Empty when reminders are off.
pub fn reminders_due(
    store: &Store,
    since: DateTime<Utc>,
    now: DateTime<Utc>,
) -> CoreResult<Vec<AgendaEntry>> {
    let lead = crate::settings::reminder_minutes(store)?;
    if lead == 0 || now <= since {
        return Ok(Vec::new());
    }
    let lead = Duration::minutes(i64::from(lead));
    // Starts in (since + lead, now + lead]: shifted by a second for the half-open query.
    let one = Duration::seconds(1);
    sessions_starting_between(store, since + lead + one, now + lead + one)
}
