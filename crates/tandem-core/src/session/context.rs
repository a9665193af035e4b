//! What every session rule loads first: the pair with its program and both people, and the
//! checks shared by the actions (approved pair, time inside the program, no double booking,
//! charter acknowledged).

use crate::store::db::Connection;
use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

use super::model::{PairId, Session, SessionId, SessionTime};
use crate::domain::Employee;
use crate::program::{PairStatus, PersonSummary, Program};
use crate::store::employees as employee_db;
use crate::store::programs as program_db;
use crate::store::sessions::{self as db, PairRow};
use crate::{CoreError, CoreResult, FieldError, RefusalKey};

/// Shortest and longest session accepted, in minutes.
pub const MIN_SESSION_MINUTES: i64 = 15;
pub const MAX_SESSION_MINUTES: i64 = 240;
/// Longest location (room or link), in characters.
pub const MAX_LOCATION_CHARS: usize = 500;

/// A pair with its program and both people, loaded in full.
pub(crate) struct PairContext {
    pub pair: PairRow,
    pub program: Program,
    pub mentor: Employee,
    pub mentee: Employee,
}

impl PairContext {
    pub fn load(conn: &Connection, id: PairId) -> CoreResult<Self> {
        let pair = db::pair_row(conn, id)?.ok_or_else(|| CoreError::not_found("pair", id))?;
        let program = program_db::get_program(conn, pair.program_id)?
            .ok_or_else(|| CoreError::not_found("program", pair.program_id))?;
        let mentor = employee_db::get_employee(conn, pair.mentor)?
            .ok_or_else(|| CoreError::not_found("employee", pair.mentor))?;
        let mentee = employee_db::get_employee(conn, pair.mentee)?
            .ok_or_else(|| CoreError::not_found("employee", pair.mentee))?;
        Ok(Self {
            pair,
            program,
            mentor,
            mentee,
        })
    }

    /// Sessions are planned in the mentor's zone: the mentor organises them.
    pub fn session_tz(&self) -> Tz {
        tz_of(&self.mentor)
    }

    pub fn require_approved(&self) -> CoreResult<()> {
        if self.pair.status != PairStatus::Approved {
            return Err(CoreError::conflict(
                RefusalKey::PairNotApproved,
                format!(
                    "the pair {} – {} is not approved yet: approve it in the program's review before planning sessions",
                    self.mentor.full_name(),
                    self.mentee.full_name()
                ),
            )
            .with("mentor", self.mentor.full_name())
            .with("mentee", self.mentee.full_name()));
        }
        Ok(())
    }

    /// The first instant of the program's first day, in the session zone.
    pub fn program_start(&self) -> DateTime<Utc> {
        start_of_day(self.session_tz(), self.program.start_date)
    }

    /// The first instant after the program's last day, in the session zone.
    pub fn program_end(&self) -> DateTime<Utc> {
        match self.program.end_date.succ_opt() {
            Some(next) => start_of_day(self.session_tz(), next),
            None => DateTime::<Utc>::MAX_UTC,
        }
    }

    /// When the pair could first meet: its approval or the program's start, whichever is later.
    pub fn active_since(&self) -> DateTime<Utc> {
        let start = self.program_start();
        self.pair.approved_at.map_or(start, |a| a.max(start))
    }
}

/// The employee's zone; an unreadable one (the directory validates it) falls back to UTC.
pub(crate) fn tz_of(employee: &Employee) -> Tz {
    employee.timezone.parse().unwrap_or(Tz::UTC)
}

/// Midnight of `date` in `tz` as an instant (the first valid local time when midnight is
/// skipped by a clock change).
pub(crate) fn start_of_day(tz: Tz, date: NaiveDate) -> DateTime<Utc> {
    let midnight = date.and_time(chrono::NaiveTime::MIN);
    local_to_utc(tz, midnight)
}

/// A wall-clock time in `tz` as an instant: the earlier one when the hour repeats, and the time
/// one hour later when the clock skips it.
pub(crate) fn local_to_utc(tz: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    match tz.from_local_datetime(&local) {
        chrono::LocalResult::Single(t) => t.with_timezone(&Utc),
        chrono::LocalResult::Ambiguous(first, _) => first.with_timezone(&Utc),
        chrono::LocalResult::None => {
            let later = local + chrono::Duration::hours(1);
            tz.from_local_datetime(&later)
                .earliest()
                .map_or_else(|| Utc.from_utc_datetime(&local), |t| t.with_timezone(&Utc))
        }
    }
}

pub(crate) fn session_or_not_found(conn: &Connection, id: SessionId) -> CoreResult<Session> {
    db::get_session(conn, id)?.ok_or_else(|| CoreError::not_found("session", id))
}

/// Drops sub-second parts: instants are stored to the second.
pub(crate) fn whole_seconds(time: DateTime<Utc>) -> DateTime<Utc> {
    DateTime::from_timestamp(time.timestamp(), 0).unwrap_or(time)
}

pub(crate) fn normalized(time: &SessionTime) -> SessionTime {
    SessionTime {
        starts_at: whole_seconds(time.starts_at),
        ends_at: whole_seconds(time.ends_at),
    }
}

/// "Tue 2026-03-10 14:00–15:00 (Europe/Paris)"
pub(crate) fn describe_time(start: DateTime<Utc>, end: DateTime<Utc>, tz: Tz) -> String {
    let s = start.with_timezone(&tz);
    let e = end.with_timezone(&tz);
    format!(
        "{} {}–{} ({})",
        s.format("%a %Y-%m-%d"),
        s.format("%H:%M"),
        e.format("%H:%M"),
        tz.name()
    )
}

/// The problems of a session time for this pair's program, each under `field_prefix` (e.g.
/// `""` or `"starts[2]."`).
pub(crate) fn time_errors(ctx: &PairContext, time: &SessionTime, prefix: &str) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let field = |name: &str| format!("{prefix}{name}");
    let minutes = (time.ends_at - time.starts_at).num_minutes();
    if time.ends_at <= time.starts_at {
        errors.push(FieldError::new(
            &field("ends_at"),
            "end_before_start",
            "the session must end after it starts",
        ));
        return errors;
    }
    if !(MIN_SESSION_MINUTES..=MAX_SESSION_MINUTES).contains(&minutes) {
        errors.push(FieldError::new(
            &field("ends_at"),
            "session_length_invalid",
            format!(
                "a session lasts {MIN_SESSION_MINUTES} to {MAX_SESSION_MINUTES} minutes; this one lasts {minutes}"
            ),
        ));
    }
    if time.starts_at < ctx.program_start() || time.ends_at > ctx.program_end() {
        let tz = ctx.session_tz();
        errors.push(FieldError::new(
            &field("starts_at"),
            "outside_program",
            format!(
                "the program '{}' runs from {} to {}; a session on {} is outside it",
                ctx.program.name,
                ctx.program.start_date,
                ctx.program.end_date,
                time.starts_at.with_timezone(&tz).format("%Y-%m-%d")
            ),
        ));
    }
    errors
}

/// Refuses a time when the mentor or the mentee already has a session (not cancelled, in any
/// pair or program) overlapping it; `except` is the session being moved.
pub(crate) fn check_conflicts(
    conn: &Connection,
    ctx: &PairContext,
    time: &SessionTime,
    except: Option<SessionId>,
) -> CoreResult<()> {
    for person in [&ctx.mentor, &ctx.mentee] {
        let busy = db::busy_sessions(conn, person.id, time.starts_at, time.ends_at, except)?;
        if let Some(other) = busy.first() {
            let partner_id = if other.mentor_id == person.id {
                other.mentee_id
            } else {
                other.mentor_id
            };
            let partner = program_db::person_summary(conn, partner_id)?
                .map(|p: PersonSummary| p.full_name())
                .unwrap_or_else(|| partner_id.to_string());
            let tz = tz_of(person);
            return Err(CoreError::conflict(
                RefusalKey::DoubleBooking,
                format!(
                    "{} already has a session on {} with {}: pick another time",
                    person.full_name(),
                    describe_time(other.starts_at, other.ends_at, tz),
                    partner
                ),
            )
            .with("person", person.full_name())
            .with("partner", partner)
            .with("starts_at", other.starts_at.to_rfc3339())
            .with("ends_at", other.ends_at.to_rfc3339())
            .with("timezone", tz.name()));
        }
    }
    Ok(())
}

pub(crate) fn location_errors(location: &str, field: &str) -> Vec<FieldError> {
    let len = location.chars().count();
    if len > MAX_LOCATION_CHARS {
        vec![FieldError::too_long(
            field,
            MAX_LOCATION_CHARS,
            format!(
                "the place or link is {len} characters long; the limit is {MAX_LOCATION_CHARS}"
            ),
        )]
    } else {
        Vec::new()
    }
}

pub(crate) fn fail_on(errors: Vec<FieldError>) -> CoreResult<()> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(CoreError::Validation(errors))
    }
}
