//! Calendar files (.ics) of sessions, built on [`crate::calendar`].
//!
//! Each session becomes one event whose UID is its id + `@tandem.app`, so a re-export replaces the
//! event in the person's calendar instead of duplicating it; the session's `sequence` (raised by
//! every move, place change and cancellation) tells the calendar which version is newer. The
//! mentor organises, both people attend, and times are written in the session's zone. A
//! cancelled session is exported as cancelled, so importing it removes the event. Texts follow
//! the interface language (French when chosen, English otherwise).

use crate::access::{self, Effect, Need};
use crate::store::db::Connection;
use chrono::{DateTime, Utc};

use super::context::{session_or_not_found, PairContext};
use super::log::previous_task;
use super::model::{CancelledBy, PairId, Session, SessionId, SessionStatus};
use crate::calendar::{file_name, to_ics, Attendee, CalendarEvent};
use crate::domain::Employee;
use crate::settings::{language, Language};
use crate::store::sessions as db;
use crate::{CoreResult, Store};

/// The domain part of every session UID.
pub const UID_DOMAIN: &str = "tandem.app";

/// The iCalendar UID of a session: stable for its whole life.
pub fn session_uid(id: SessionId) -> String {
    format!("{id}@{UID_DOMAIN}")
}

fn attendee(e: &Employee) -> Attendee {
    Attendee {
        name: e.full_name(),
        email: e.email.clone(),
    }
}

fn summary(ctx: &PairContext) -> String {
    format!(
        "Tandem: {} ↔ {}",
        ctx.mentor.full_name(),
        ctx.mentee.full_name()
    )
}

fn description(
    conn: &Connection,
    ctx: &PairContext,
    session: &Session,
    fr: bool,
) -> CoreResult<String> {
    let mut lines = Vec::new();
    let pick = |en: &str, french: &str| if fr { french.to_owned() } else { en.to_owned() };
    lines.push(format!(
        "{} {}",
        pick(
            "Reverse-mentoring program:",
            "Programme de mentorat inversé :"
        ),
        ctx.program.name
    ));
    lines.push(format!(
        "{} {} – {} {}",
        pick("Mentor:", "Mentor :"),
        ctx.mentor.full_name(),
        pick("mentee:", "mentoré :"),
        ctx.mentee.full_name()
    ));
    // The task the mentee brings to this session: set at the last logged session before it.
    if let Some(task) = previous_task(conn, session)? {
        lines.push(format!(
            "{} {task}",
            pick(
                "Practice task from the last session:",
                "Exercice de la dernière séance :"
            )
        ));
    }
    if session.status == SessionStatus::Cancelled {
        let who = match session.cancelled_by {
            Some(CancelledBy::Mentor) => ctx.mentor.full_name(),
            Some(CancelledBy::Mentee) => ctx.mentee.full_name(),
            Some(CancelledBy::Hr) | None => pick("HR", "les RH"),
        };
        lines.push(format!(
            "{} {who}{} {}",
            pick("Cancelled by", "Annulée par"),
            pick(":", " :"),
            session.cancel_reason
        ));
    }
    Ok(lines.join("\n"))
}

fn event(
    conn: &Connection,
    ctx: &PairContext,
    session: &Session,
    fr: bool,
) -> CoreResult<CalendarEvent> {
    Ok(CalendarEvent {
        uid: session_uid(session.id),
        sequence: session.sequence,
        start: session.starts_at,
        end: session.ends_at,
        timezone: session.tz(),
        summary: summary(ctx),
        description: description(conn, ctx, session, fr)?,
        location: session.location.clone(),
        organizer: attendee(&ctx.mentor),
        attendees: vec![attendee(&ctx.mentor), attendee(&ctx.mentee)],
        cancelled: session.status == SessionStatus::Cancelled,
        last_modified: session.updated_at,
    })
}

fn in_french(store: &Store) -> CoreResult<bool> {
    Ok(language(store)? == Some(Language::Fr))
}

fn local_date(at: DateTime<Utc>, session: &Session) -> String {
    at.with_timezone(&session.tz())
        .format("%Y-%m-%d")
        .to_string()
}

/// One session as a calendar file: `(file name, bytes)`, e.g.
/// `("tandem-lea-martin-marc-dubois-2026-01-13.ics", ...)`.
pub fn session_ics(store: &Store, session_id: SessionId) -> CoreResult<(String, Vec<u8>)> {
    access::require(store, Need::SessionMember(session_id), Effect::Read)?;
    let conn = store.conn();
    let session = session_or_not_found(conn, session_id)?;
    let ctx = PairContext::load(conn, session.pair_id)?;
    let bytes = to_ics(&[event(conn, &ctx, &session, in_french(store)?)?])?;
    let name = file_name(&format!(
        "tandem {} {} {}",
        ctx.mentor.full_name(),
        ctx.mentee.full_name(),
        local_date(session.starts_at, &session)
    ));
    Ok((name, bytes))
}

/// Every session of the pair (cancelled ones as cancelled) as one calendar file, in start
/// order. A pair without sessions is a validation error (nothing to export).
pub fn pair_ics(store: &Store, pair_id: PairId) -> CoreResult<(String, Vec<u8>)> {
    access::require(store, Need::PairMember(pair_id), Effect::Read)?;
    let conn = store.conn();
    let ctx = PairContext::load(conn, pair_id)?;
    let fr = in_french(store)?;
    let events = db::pair_sessions(conn, pair_id)?
        .iter()
        .map(|s| event(conn, &ctx, s, fr))
        .collect::<CoreResult<Vec<_>>>()?;
    let bytes = to_ics(&events)?;
    let name = file_name(&format!(
        "tandem {} {}",
        ctx.mentor.full_name(),
        ctx.mentee.full_name()
    ));
    Ok((name, bytes))
}
