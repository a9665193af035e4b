//! Finding times both people of a pair are free, and planning a series for the whole program.
//!
//! A person is free for a session when it lies inside one of their weekly availability windows,
//! read in their own time zone on that very date (so a clock change moves the window in UTC, not
//! in local time), and overlaps none of their sessions that are not cancelled, in any pair or
//! program. Candidate starts lie on a 30-minute grid of the session's zone (the mentor's), inside
//! the program's dates and never in the past. To change the ranking, edit [`propose_slots`]; the
//! series search window is [`SERIES_SHIFT_DAYS`].

use crate::access::{self, Effect, Need};
use std::collections::HashMap;

use crate::store::db::Connection;
use chrono::{
    DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike, Utc,
};
use chrono_tz::Tz;
use uuid::Uuid;

use super::actions::new_session;
use super::context::{
    check_conflicts, fail_on, local_to_utc, location_errors, time_errors, tz_of, whole_seconds,
    PairContext,
};
use super::model::{PairId, Session, SessionTime};
use crate::domain::{AvailabilitySlot, Employee};
use crate::store::sessions as db;
use crate::{CoreError, CoreResult, FieldError, Store};

/// Candidate starts are this many minutes apart, on the session zone's wall clock.
pub const SLOT_STEP_MINUTES: u32 = 30;
/// At most this many slots are proposed.
pub const MAX_PROPOSED_SLOTS: usize = 40;
/// At most this many slots per day, so the proposal spans several days.
pub const MAX_SLOTS_PER_DAY: usize = 4;
/// The longest range [`propose_slots`] searches, in days.
pub const MAX_SEARCH_DAYS: i64 = 120;
/// A series occurrence that is not free at its usual time moves at most this many days.
pub const SERIES_SHIFT_DAYS: i64 = 3;

/// A time both people are free.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// The start on each person's own wall clock.
    pub mentor_local: NaiveDateTime,
    pub mentee_local: NaiveDateTime,
}

/// One occurrence of a proposed series.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesOccurrence {
    /// 0 for the first session.
    pub index: u32,
    /// The series' usual local time on this occurrence's date.
    pub wanted_start: DateTime<Utc>,
    /// The time proposed: the wanted one when free, else the nearest free time within
    /// [`SERIES_SHIFT_DAYS`] days; `None` when nothing is free.
    pub slot: Option<Slot>,
    /// The proposed time differs from the wanted one.
    pub shifted: bool,
}

/// A series proposal: one occurrence every `cadence_weeks` until the program's end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesProposal {
    pub pair_id: PairId,
    pub cadence_weeks: u8,
    pub session_minutes: u16,
    /// The zone the series keeps its local time in (the mentor's).
    pub timezone: String,
    pub occurrences: Vec<SeriesOccurrence>,
    /// Occurrences with a slot / without one.
    pub planned_count: u32,
    pub missing_count: u32,
}

impl SeriesProposal {
    /// The starts to pass to [`plan_series`]: every occurrence that has a slot.
    pub fn starts(&self) -> Vec<DateTime<Utc>> {
        self.occurrences
            .iter()
            .filter_map(|o| o.slot.as_ref().map(|s| s.starts_at))
            .collect()
    }
}

/// One person's week: availability windows by weekday, merged when they touch.
struct Week {
    tz: Tz,
    windows: HashMap<u32, Vec<(u32, u32)>>,
}

impl Week {
    fn of(employee: &Employee) -> Self {
        let mut slots: Vec<AvailabilitySlot> = employee.availability.clone();
        slots.sort();
        let mut windows: HashMap<u32, Vec<(u32, u32)>> = HashMap::new();
        for s in slots {
            let day = windows.entry(u32::from(s.weekday)).or_default();
            let (start, end) = (u32::from(s.start_minute), u32::from(s.end_minute));
            match day.last_mut() {
                Some(last) if start <= last.1 => last.1 = last.1.max(end),
                _ => day.push((start, end)),
            }
        }
        Self {
            tz: tz_of(employee),
            windows,
        }
    }

    /// Whether `[start, end)` lies in one window, on the person's wall clock of that date.
    fn covers(&self, start: DateTime<Utc>, end: DateTime<Utc>) -> bool {
        let local_start = start.with_timezone(&self.tz).naive_local();
        let local_end = end.with_timezone(&self.tz).naive_local();
        let from = local_start.hour() * 60 + local_start.minute();
        let to = if local_end.date() == local_start.date() {
            local_end.hour() * 60 + local_end.minute()
        } else if Some(local_end.date()) == local_start.date().succ_opt()
            && local_end.time() == NaiveTime::MIN
        {
            24 * 60
        } else {
            return false;
        };
        if to <= from {
            return false;
        }
        let weekday = local_start.weekday().num_days_from_monday();
        self.windows
            .get(&weekday)
            .is_some_and(|day| day.iter().any(|&(a, b)| a <= from && to <= b))
    }
}

/// Both agendas of a pair over a period.
struct Agenda {
    mentor: Week,
    mentee: Week,
    session_tz: Tz,
    minutes: i64,
    program_start: DateTime<Utc>,
    program_end: DateTime<Utc>,
    /// Time both people already spend in sessions, as `(start, end)`.
    busy: Vec<(DateTime<Utc>, DateTime<Utc>)>,
}

impl Agenda {
    fn load(
        conn: &Connection,
        ctx: &PairContext,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> CoreResult<Self> {
        let margin = Duration::days(1);
        let mut busy = Vec::new();
        for person in [ctx.mentor.id, ctx.mentee.id] {
            for s in db::busy_sessions(conn, person, from - margin, to + margin, None)? {
                busy.push((s.starts_at, s.ends_at));
            }
        }
        Ok(Self {
            mentor: Week::of(&ctx.mentor),
            mentee: Week::of(&ctx.mentee),
            session_tz: ctx.session_tz(),
            minutes: i64::from(ctx.program.session_minutes),
            program_start: ctx.program_start(),
            program_end: ctx.program_end(),
            busy,
        })
    }

    fn end_of(&self, start: DateTime<Utc>) -> DateTime<Utc> {
        start + Duration::minutes(self.minutes)
    }

    fn is_free(&self, start: DateTime<Utc>, now: DateTime<Utc>) -> bool {
        let end = self.end_of(start);
        start >= now
            && start >= self.program_start
            && end <= self.program_end
            && self.mentor.covers(start, end)
            && self.mentee.covers(start, end)
            && !self.busy.iter().any(|&(a, b)| a < end && start < b)
    }

    fn slot(&self, start: DateTime<Utc>) -> Slot {
        Slot {
            starts_at: start,
            ends_at: self.end_of(start),
            mentor_local: start.with_timezone(&self.mentor.tz).naive_local(),
            mentee_local: start.with_timezone(&self.mentee.tz).naive_local(),
        }
    }

    /// Grid starts of one local date of the session zone, in time order. A repeated hour gives
    /// both of its instants; a skipped hour gives none.
    fn grid_of_day(&self, date: NaiveDate) -> Vec<DateTime<Utc>> {
        let mut out = Vec::with_capacity(48);
        for minute in (0..24 * 60).step_by(SLOT_STEP_MINUTES as usize) {
            let Some(time) = NaiveTime::from_hms_opt(minute / 60, minute % 60, 0) else {
                continue;
            };
            match self.session_tz.from_local_datetime(&date.and_time(time)) {
                chrono::LocalResult::Single(t) => out.push(t.with_timezone(&Utc)),
                chrono::LocalResult::Ambiguous(a, b) => {
                    out.push(a.with_timezone(&Utc));
                    out.push(b.with_timezone(&Utc));
                }
                chrono::LocalResult::None => {}
            }
        }
        out
    }

    fn local_date(&self, instant: DateTime<Utc>) -> NaiveDate {
        instant.with_timezone(&self.session_tz).date_naive()
    }

    /// Free grid starts in `[from, to)`, in time order.
    fn free_starts(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> impl Iterator<Item = DateTime<Utc>> + '_ {
        let first = self.local_date(from);
        let last = self.local_date(to);
        first
            .iter_days()
            .take_while(move |d| *d <= last)
            .flat_map(move |d| self.grid_of_day(d))
            .filter(move |t| *t >= from && *t < to && self.is_free(*t, now))
    }
}

/// Times in `[from, to)` when both people of an approved pair are free for a session of the
/// program's length: earliest first, at most [`MAX_SLOTS_PER_DAY`] a day and
/// [`MAX_PROPOSED_SLOTS`] in all. The range must be non-empty and at most
/// [`MAX_SEARCH_DAYS`] long (`to` / `range_invalid`, `range_too_long`).
pub fn propose_slots(
    store: &Store,
    pair_id: PairId,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    now: DateTime<Utc>,
) -> CoreResult<Vec<Slot>> {
    access::require(store, Need::PairMember(pair_id), Effect::Read)?;
    let conn = store.conn();
    let ctx = PairContext::load(conn, pair_id)?;
    ctx.require_approved()?;
    if to <= from {
        return Err(CoreError::invalid(
            "to",
            "range_invalid",
            "the end of the search range must come after its start",
        ));
    }
    if to - from > Duration::days(MAX_SEARCH_DAYS) {
        return Err(CoreError::invalid(
            "to",
            "range_too_long",
            format!("search at most {MAX_SEARCH_DAYS} days at once"),
        ));
    }
    let agenda = Agenda::load(conn, &ctx, from, to)?;
    let mut per_day: HashMap<NaiveDate, usize> = HashMap::new();
    let mut slots = Vec::new();
    for start in agenda.free_starts(from, to, now) {
        let day = per_day.entry(agenda.local_date(start)).or_default();
        if *day >= MAX_SLOTS_PER_DAY {
            continue;
        }
        *day += 1;
        slots.push(agenda.slot(start));
        if slots.len() >= MAX_PROPOSED_SLOTS {
            break;
        }
    }
    Ok(slots)
}

/// One occurrence every `cadence_weeks` from `first_start` until the program's end, each at the
/// same local time of the session zone when both are free, else at the nearest free grid time
/// within [`SERIES_SHIFT_DAYS`] days either side (earlier first on a tie), else reported without
/// a slot. Nothing is written. `first_start` must be in the future (`first_start` /
/// `in_the_past`) and inside the program (`outside_program`).
pub fn propose_series(
    store: &Store,
    pair_id: PairId,
    first_start: DateTime<Utc>,
    now: DateTime<Utc>,
) -> CoreResult<SeriesProposal> {
    access::require(store, Need::PairMember(pair_id), Effect::Read)?;
    let conn = store.conn();
    let ctx = PairContext::load(conn, pair_id)?;
    ctx.require_approved()?;
    let first_start = whole_seconds(first_start);
    if first_start < now {
        return Err(CoreError::invalid(
            "first_start",
            "in_the_past",
            "the first session of a series must be in the future",
        ));
    }
    let first_time = SessionTime::new(first_start, ctx.program.session_minutes);
    let mut errors = time_errors(&ctx, &first_time, "");
    for e in &mut errors {
        e.field = "first_start".to_owned();
    }
    fail_on(errors)?;

    let tz = ctx.session_tz();
    let occurrences = series_in(conn, &ctx, first_start, now)?;
    let planned_count = occurrences.iter().filter(|o| o.slot.is_some()).count() as u32;
    Ok(SeriesProposal {
        pair_id,
        cadence_weeks: ctx.program.cadence_weeks,
        session_minutes: ctx.program.session_minutes,
        timezone: tz.name().to_owned(),
        missing_count: occurrences.len() as u32 - planned_count,
        planned_count,
        occurrences,
    })
}

/// The occurrences of a series from `first_start` (see [`propose_series`]), none before `now`.
fn series_in(
    conn: &Connection,
    ctx: &PairContext,
    first_start: DateTime<Utc>,
    now: DateTime<Utc>,
) -> CoreResult<Vec<SeriesOccurrence>> {
    let tz = ctx.session_tz();
    let shift = Duration::days(SERIES_SHIFT_DAYS);
    let mut agenda = Agenda::load(conn, ctx, first_start - shift, ctx.program_end() + shift)?;
    let first_local = first_start.with_timezone(&tz).naive_local();
    let step = Duration::weeks(i64::from(ctx.program.cadence_weeks));
    let mut occurrences = Vec::new();
    let mut local = first_local;
    let mut index = 0u32;
    while local.date() <= ctx.program.end_date {
        let wanted = local_to_utc(tz, local);
        let chosen = if agenda.is_free(wanted, now) {
            Some(wanted)
        } else {
            nearest_free(&agenda, wanted, now)
        };
        if let Some(start) = chosen {
            // Later occurrences must not land on this one.
            agenda.busy.push((start, agenda.end_of(start)));
        }
        occurrences.push(SeriesOccurrence {
            index,
            wanted_start: wanted,
            slot: chosen.map(|s| agenda.slot(s)),
            shifted: chosen.is_some_and(|s| s != wanted),
        });
        index += 1;
        local += step;
    }
    Ok(occurrences)
}

/// The first time in `[from, to)` both people are free, not before `not_before` (the demo loader
/// plans a program that started months ago).
pub(crate) fn first_free_start(
    conn: &Connection,
    ctx: &PairContext,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    not_before: DateTime<Utc>,
) -> CoreResult<Option<DateTime<Utc>>> {
    let agenda = Agenda::load(conn, ctx, from, to)?;
    let first = agenda.free_starts(from, to, not_before).next();
    Ok(first)
}

/// A series' times from `first_start` for the demo loader: each occurrence's free time, or its
/// usual time when nothing is free (availability is a preference; the demo pairs never share a
/// person, so they cannot clash).
pub(crate) fn series_times(
    conn: &Connection,
    ctx: &PairContext,
    first_start: DateTime<Utc>,
    not_before: DateTime<Utc>,
) -> CoreResult<Vec<DateTime<Utc>>> {
    Ok(series_in(conn, ctx, first_start, not_before)?
        .into_iter()
        .map(|o| o.slot.map_or(o.wanted_start, |s| s.starts_at))
        .collect())
}

fn nearest_free(
    agenda: &Agenda,
    wanted: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let shift = Duration::days(SERIES_SHIFT_DAYS);
    agenda
        .free_starts(wanted - shift, wanted + shift + Duration::seconds(1), now)
        .min_by_key(|t| ((*t - wanted).num_seconds().abs(), *t))
}

/// Creates the given sessions (each of the program's length) in one transaction, all or
/// nothing, sharing a new series id. Each start is checked like [`super::create_session`]
/// (fields `starts[i].starts_at` / `starts[i].ends_at`) and must be in the future
/// (`starts[i].starts_at` / `in_the_past`); a double booking, including two starts of the list
/// overlapping, is a [`CoreError::Conflict`].
pub fn plan_series(
    store: &mut Store,
    pair_id: PairId,
    starts: &[DateTime<Utc>],
    location: &str,
    now: DateTime<Utc>,
) -> CoreResult<Vec<Session>> {
    access::require(store, Need::PairMember(pair_id), Effect::Write)?;
    let location = location.trim().to_owned();
    store.transaction(|tx| {
        let ctx = PairContext::load(tx, pair_id)?;
        ctx.require_approved()?;
        let mut errors: Vec<FieldError> = location_errors(&location, "location");
        if starts.is_empty() {
            errors.push(FieldError::new(
                "starts",
                "required",
                "choose at least one date for the series",
            ));
        }
        let times: Vec<SessionTime> = starts
            .iter()
            .map(|s| SessionTime::new(whole_seconds(*s), ctx.program.session_minutes))
            .collect();
        for (i, time) in times.iter().enumerate() {
            let prefix = format!("starts[{i}].");
            if time.starts_at < now {
                errors.push(FieldError::new(
                    &format!("{prefix}starts_at"),
                    "in_the_past",
                    format!("session {} of the series would start in the past", i + 1),
                ));
            }
            errors.extend(time_errors(&ctx, time, &prefix));
        }
        fail_on(errors)?;
        let series = Uuid::new_v4();
        let mut sessions = Vec::with_capacity(times.len());
        for time in &times {
            // Checked one by one after each insert, so two overlapping starts of the list clash.
            check_conflicts(tx, &ctx, time, None)?;
            let session = new_session(&ctx, time, location.clone(), Some(series), now);
            db::insert_session(tx, &session)?;
            sessions.push(session);
        }
        sessions.sort_by_key(|s| s.starts_at);
        Ok(sessions)
    })
}
