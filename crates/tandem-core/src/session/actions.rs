//! What happens to one session: create, move, cancel, mark held or no-show, change the place.
//!
//! Every action checks everything before its first write and runs in one transaction, so a
//! refused action leaves the database as it was. Changes an attendee must see in their calendar
//! (time, place, cancellation) raise the session's `sequence`. Status changes: planned → held /
//! no-show (once the start has passed) / cancelled; a no-show may be corrected to held and an
//! unlogged held session to no-show. A session may be created at a past time, to record a
//! meeting that took place.

use crate::access::{self, Effect, Need};
use crate::program::Side;
use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::charter::require_charter;
use super::context::{
    check_conflicts, fail_on, location_errors, normalized, session_or_not_found, time_errors,
    whole_seconds, PairContext,
};
use super::model::{CancelledBy, PairId, Session, SessionId, SessionStatus, SessionTime};
use crate::store::sessions as db;
use crate::{CoreError, CoreResult, FieldError, RefusalKey, Store};

/// Longest cancellation reason, in characters.
pub const MAX_REASON_CHARS: usize = 500;

/// One session as stored.
pub fn get_session(store: &Store, id: SessionId) -> CoreResult<Session> {
    session_or_not_found(store.conn(), id)
}

/// Every session of the pair, any status, in start order.
pub fn list_sessions(store: &Store, pair_id: PairId) -> CoreResult<Vec<Session>> {
    PairContext::load(store.conn(), pair_id)?;
    db::pair_sessions(store.conn(), pair_id)
}

/// Plans one session for an approved pair, in the mentor's time zone.
///
/// Refused: a pair that is not approved ([`CoreError::Conflict`]); an impossible time (end not
/// after start `end_before_start`, length outside 15..=240 minutes `session_length_invalid`,
/// outside the program's dates `outside_program`) or a too long place (`location` /
/// `too_long`); a double booking of the mentor or the mentee in any pair ([`CoreError::Conflict`]
/// naming the person and the other session's time).
pub fn create_session(
    store: &mut Store,
    pair_id: PairId,
    time: SessionTime,
    location: &str,
    now: DateTime<Utc>,
) -> CoreResult<Session> {
    access::require(store, Need::PairMember(pair_id), Effect::Write)?;
    let time = normalized(&time);
    let location = location.trim().to_owned();
    store.transaction(|tx| {
        let ctx = PairContext::load(tx, pair_id)?;
        ctx.require_approved()?;
        let mut errors = time_errors(&ctx, &time, "");
        errors.extend(location_errors(&location, "location"));
        fail_on(errors)?;
        check_conflicts(tx, &ctx, &time, None)?;
        let session = new_session(&ctx, &time, location, None, now);
        db::insert_session(tx, &session)?;
        Ok(session)
    })
}

pub(crate) fn new_session(
    ctx: &PairContext,
    time: &SessionTime,
    location: String,
    series_id: Option<Uuid>,
    now: DateTime<Utc>,
) -> Session {
    let now = whole_seconds(now);
    Session {
        id: SessionId::new(),
        pair_id: ctx.pair.id,
        program_id: ctx.program.id,
        mentor_id: ctx.mentor.id,
        mentee_id: ctx.mentee.id,
        starts_at: time.starts_at,
        ends_at: time.ends_at,
        timezone: ctx.session_tz().name().to_owned(),
        location,
        status: super::SessionStatus::Planned,
        cancelled_by: None,
        cancel_reason: String::new(),
        series_id,
        sequence: 0,
        created_at: now,
        updated_at: now,
    }
}

fn require_status(session: &Session, allowed: &[SessionStatus], action: &str) -> CoreResult<()> {
    if allowed.contains(&session.status) {
        return Ok(());
    }
    let (key, status) = match session.status {
        SessionStatus::Planned => (RefusalKey::SessionStillPlanned, "still planned"),
        SessionStatus::Held => (RefusalKey::SessionAlreadyHeld, "already held"),
        SessionStatus::Cancelled => (RefusalKey::SessionCancelled, "cancelled"),
        SessionStatus::NoShow => (RefusalKey::SessionNoShow, "marked as a no-show"),
    };
    Err(CoreError::conflict(
        key,
        format!("this session is {status} and cannot be {action}"),
    ))
}

/// Loads a session and its pair, runs `change` on a copy, and writes it with `updated_at`.
fn change_session(
    store: &mut Store,
    id: SessionId,
    now: DateTime<Utc>,
    change: impl FnOnce(&crate::store::db::Connection, &PairContext, &mut Session) -> CoreResult<()>,
) -> CoreResult<Session> {
    store.transaction(|tx| {
        let mut session = session_or_not_found(tx, id)?;
        let ctx = PairContext::load(tx, session.pair_id)?;
        let before = session.clone();
        change(tx, &ctx, &mut session)?;
        if session != before {
            session.updated_at = whole_seconds(now);
            db::update_session(tx, &session)?;
        }
        Ok(session)
    })
}

/// Moves a planned session to another time (same checks as [`create_session`], its own old
/// time excepted). Raises `sequence` when the time changes.
pub fn move_session(
    store: &mut Store,
    id: SessionId,
    time: SessionTime,
    now: DateTime<Utc>,
) -> CoreResult<Session> {
    access::require(store, Need::SessionMember(id), Effect::Write)?;
    let time = normalized(&time);
    change_session(store, id, now, |tx, ctx, session| {
        require_status(session, &[SessionStatus::Planned], "moved")?;
        fail_on(time_errors(ctx, &time, ""))?;
        if session.starts_at == time.starts_at && session.ends_at == time.ends_at {
            return Ok(());
        }
        check_conflicts(tx, ctx, &time, Some(session.id))?;
        session.starts_at = time.starts_at;
        session.ends_at = time.ends_at;
        session.sequence += 1;
        Ok(())
    })
}

/// Cancels a planned session, recording who cancelled and why (`reason` required, at most
/// [`MAX_REASON_CHARS`]). Raises `sequence`; the time becomes free again.
pub fn cancel_session(
    store: &mut Store,
    id: SessionId,
    who: CancelledBy,
    reason: &str,
    now: DateTime<Utc>,
) -> CoreResult<Session> {
    access::require(store, Need::SessionMember(id), Effect::Write)?;
    let own = match access::acting_side(store, id)? {
        None => who,
        Some(Side::Mentee) => CancelledBy::Mentee,
        Some(Side::Mentor) => CancelledBy::Mentor,
    };
    if own != who {
        return Err(access::refuse(
            RefusalKey::ForbiddenOtherSide,
            "a session is cancelled in your own name",
        ));
    }
    let reason = reason.trim().to_owned();
    change_session(store, id, now, |_, _, session| {
        require_status(session, &[SessionStatus::Planned], "cancelled")?;
        let len = reason.chars().count();
        if reason.is_empty() {
            return Err(CoreError::invalid(
                "reason",
                "required",
                "say why the session is cancelled",
            ));
        }
        if len > MAX_REASON_CHARS {
            return Err(CoreError::Validation(vec![FieldError::too_long(
                "reason",
                MAX_REASON_CHARS,
                format!("the reason is {len} characters long; the limit is {MAX_REASON_CHARS}"),
            )]));
        }
        session.status = SessionStatus::Cancelled;
        session.cancelled_by = Some(who);
        session.cancel_reason = reason;
        session.sequence += 1;
        Ok(())
    })
}

fn require_started(session: &Session, now: DateTime<Utc>, action: &str) -> CoreResult<()> {
    if session.starts_at > now {
        return Err(CoreError::invalid(
            "status",
            "session_not_started",
            format!(
                "this session starts on {}: it can be marked {action} once it has started",
                super::context::describe_time(session.starts_at, session.ends_at, session.tz())
            ),
        ));
    }
    Ok(())
}

/// Marks a session held, once its start has passed (`session_not_started`) and both people have
/// acknowledged the program's charter (`charter_not_acknowledged`). A no-show may be corrected.
pub fn mark_held(store: &mut Store, id: SessionId, now: DateTime<Utc>) -> CoreResult<Session> {
    access::require(store, Need::SessionMember(id), Effect::Write)?;
    change_session(store, id, now, |tx, ctx, session| {
        require_status(
            session,
            &[SessionStatus::Planned, SessionStatus::NoShow],
            "marked held",
        )?;
        require_started(session, now, "held")?;
        require_charter(tx, ctx, "a session is marked held")?;
        session.status = SessionStatus::Held;
        Ok(())
    })
}

/// Marks a session a no-show once its start has passed. A held session without a learning log
/// may be corrected to a no-show.
pub fn mark_no_show(store: &mut Store, id: SessionId, now: DateTime<Utc>) -> CoreResult<Session> {
    access::require(store, Need::SessionMember(id), Effect::Write)?;
    change_session(store, id, now, |tx, _, session| {
        require_status(
            session,
            &[SessionStatus::Planned, SessionStatus::Held],
            "marked as a no-show",
        )?;
        if session.status == SessionStatus::Held && db::log_row(tx, session.id)?.is_some() {
            return Err(CoreError::conflict(
                RefusalKey::SessionHasLog,
                "this session has a learning log: it was held and cannot become a no-show",
            ));
        }
        require_started(session, now, "a no-show")?;
        session.status = SessionStatus::NoShow;
        Ok(())
    })
}

/// Sets a planned session's room or video link (at most 500 characters; may be empty). Raises
/// `sequence` when it changes.
pub fn set_location(
    store: &mut Store,
    id: SessionId,
    location: &str,
    now: DateTime<Utc>,
) -> CoreResult<Session> {
    access::require(store, Need::SessionMember(id), Effect::Write)?;
    let location = location.trim().to_owned();
    change_session(store, id, now, |_, _, session| {
        require_status(session, &[SessionStatus::Planned], "changed")?;
        let errors: Vec<FieldError> = location_errors(&location, "location");
        fail_on(errors)?;
        if session.location != location {
            session.location = location;
            session.sequence += 1;
        }
        Ok(())
    })
}
