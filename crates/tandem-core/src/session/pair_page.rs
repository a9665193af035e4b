//! What the pair page and a program's list of pairs show: people, health, charter, the timeline
//! of sessions with their logs, the next session, the mentee's goals and what to cover next.
//!
//! Read-only. Health is assessed at `now`, or at the program's end once it is over (a finished
//! program does not keep raising "no session held"). To show something new, add a field to
//! [`PairPage`] and fill it in [`pair_page`] from data already loaded when possible.

use crate::access::{self, Effect, Need};
use std::collections::{HashMap, HashSet};

use crate::store::db::Connection;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::charter::{pair_entries, CharterEntry};
use super::context::PairContext;
use super::health::{assess, RiskReason};
use super::log::{read_log, topic_map, topic_name};
use super::model::{PairId, Session, SessionId, SessionLog, SessionStatus, TopicDepth};
use crate::domain::{Employee, Topic};
use crate::program::{PairStatus, PersonSummary, ProgramId, Side, TopicName};
use crate::store::programs as program_db;
use crate::store::sessions as db;
use crate::{CoreError, CoreResult, Store};

/// A person of the pair, with the zone their times are shown in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairPerson {
    pub person: PersonSummary,
    pub timezone: String,
}

/// The program as the pair page names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgramBrief {
    pub id: ProgramId,
    pub name: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub cadence_weeks: u8,
    pub session_minutes: u16,
    /// The good-use charter the two people acknowledge: theirs to read before they do.
    pub charter: String,
}

/// Who the pair is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairInfo {
    pub id: PairId,
    pub program: ProgramBrief,
    pub mentor: PairPerson,
    pub mentee: PairPerson,
    pub status: PairStatus,
    pub approved_at: Option<DateTime<Utc>>,
}

/// A session and its log, if written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineEntry {
    pub session: Session,
    pub log: Option<SessionLog>,
}

/// One of the mentee's goals (a topic with a target above 0) and how far it got.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GoalProgress {
    pub topic: TopicName,
    /// The level in the directory.
    pub level: u8,
    pub target: u8,
    /// The latest self-assessed level the mentor confirmed, and the start of that session.
    pub confirmed_level: Option<u8>,
    pub confirmed_at: Option<DateTime<Utc>>,
    /// Target minus the best known level (the confirmed one when there is one), at least 0.
    pub gap: u8,
    /// Sessions of the pair whose log covers the topic, and the deepest depth reached.
    pub sessions_covering: u32,
    pub deepest: Option<TopicDepth>,
}

/// Session counts of a pair at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct SessionCounts {
    pub held: u32,
    /// Planned and still ahead.
    pub upcoming: u32,
    /// Planned, started, and not yet marked held or no-show.
    pub to_mark: u32,
    pub cancelled: u32,
    pub no_show: u32,
    /// Held sessions without a learning log.
    pub unlogged: u32,
    pub minutes_held: i64,
}

/// The practice task the mentee is working on: the one set at the last logged session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenTask {
    pub task: String,
    pub set_at: DateTime<Utc>,
}

/// Everything the pair page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairPage {
    pub pair: PairInfo,
    /// Empty when the pair is healthy.
    pub risks: Vec<RiskReason>,
    /// Mentor first, then mentee.
    pub charter: Vec<CharterEntry>,
    /// Whether a session may be marked held and logged (charter acknowledged by both, or the
    /// program has no charter).
    pub charter_complete: bool,
    /// Every session, in start order, with its log.
    pub timeline: Vec<TimelineEntry>,
    /// The first planned session still ahead.
    pub next_session: Option<Session>,
    pub open_task: Option<OpenTask>,
    /// The mentee's goals in catalog order.
    pub goals: Vec<GoalProgress>,
    /// Goals still open (gap above 0) that no log has covered yet, largest gap first.
    pub cover_next: Vec<GoalProgress>,
    pub counts: SessionCounts,
}

/// A line of a program's list of active pairs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairOverview {
    pub pair_id: PairId,
    pub mentor: PersonSummary,
    pub mentee: PersonSummary,
    pub next_session: Option<Session>,
    pub last_held: Option<DateTime<Utc>>,
    pub counts: SessionCounts,
    pub risks: Vec<RiskReason>,
}

pub(crate) fn counts(
    sessions: &[Session],
    logged: &HashSet<super::SessionId>,
    now: DateTime<Utc>,
) -> SessionCounts {
    let mut c = SessionCounts::default();
    for s in sessions {
        match s.status {
            SessionStatus::Held => {
                c.held += 1;
                c.minutes_held += s.minutes();
                if !logged.contains(&s.id) {
                    c.unlogged += 1;
                }
            }
            SessionStatus::Planned if s.starts_at > now => c.upcoming += 1,
            SessionStatus::Planned => c.to_mark += 1,
            SessionStatus::Cancelled => c.cancelled += 1,
            SessionStatus::NoShow => c.no_show += 1,
        }
    }
    c
}

fn next_session(sessions: &[Session], now: DateTime<Utc>) -> Option<Session> {
    sessions
        .iter()
        .filter(|s| s.status == SessionStatus::Planned && s.starts_at > now)
        .min_by_key(|s| s.starts_at)
        .cloned()
}

/// The pair's risks at `now` (or at the program's end, once it is over).
pub(crate) fn risks(
    ctx: &PairContext,
    sessions: &[Session],
    now: DateTime<Utc>,
) -> Vec<RiskReason> {
    let facts: Vec<_> = sessions.iter().map(Session::fact).collect();
    let at = now.min(ctx.program_end());
    assess(ctx.program.cadence_weeks, ctx.active_since(), &facts, at)
}

fn person(conn: &Connection, employee: &Employee) -> CoreResult<PersonSummary> {
    program_db::person_summary(conn, employee.id)?
        .ok_or_else(|| CoreError::not_found("employee", employee.id))
}

fn goals(
    mentee: &Employee,
    timeline: &[TimelineEntry],
    topics: &HashMap<String, Topic>,
) -> Vec<GoalProgress> {
    let mut out: Vec<GoalProgress> = mentee
        .skills
        .iter()
        .filter_map(|skill| {
            let target = skill.target.filter(|t| *t > 0)?;
            let mut confirmed: Option<(u8, DateTime<Utc>)> = None;
            let mut covering = 0;
            let mut deepest: Option<TopicDepth> = None;
            for entry in timeline {
                let Some(log) = &entry.log else { continue };
                if let Some(t) = log.topics.iter().find(|t| t.topic.id == skill.topic_id) {
                    covering += 1;
                    deepest = deepest.max(Some(t.depth));
                }
                if let Some(a) = log
                    .self_assessments
                    .iter()
                    .find(|a| a.topic.id == skill.topic_id && a.confirmed_at.is_some())
                {
                    // The timeline is in start order: the last one wins.
                    confirmed = Some((a.level, entry.session.starts_at));
                }
            }
            let best = confirmed.map_or(skill.level, |(l, _)| l);
            Some(GoalProgress {
                topic: topic_name(topics, &skill.topic_id),
                level: skill.level,
                target,
                confirmed_level: confirmed.map(|(l, _)| l),
                confirmed_at: confirmed.map(|(_, at)| at),
                gap: target.saturating_sub(best),
                sessions_covering: covering,
                deepest,
            })
        })
        .collect();
    let position = |t: &TopicName| {
        topics.get(&t.id).map_or((String::new(), i64::MAX), |x| {
            (x.platform_id.clone(), x.position)
        })
    };
    out.sort_by_key(|g| position(&g.topic));
    out
}

/// Everything the pair page shows, at `now`.
pub fn pair_page(store: &Store, pair_id: PairId, now: DateTime<Utc>) -> CoreResult<PairPage> {
    access::require(store, Need::PairMember(pair_id), Effect::Read)?;
    let conn = store.conn();
    let ctx = PairContext::load(conn, pair_id)?;
    let topics = topic_map(conn)?;
    let sessions = db::pair_sessions(conn, pair_id)?;
    let mut timeline = Vec::with_capacity(sessions.len());
    for s in &sessions {
        timeline.push(TimelineEntry {
            log: read_log(conn, s, &topics)?,
            session: s.clone(),
        });
    }
    let logged: HashSet<_> = timeline
        .iter()
        .filter(|e| e.log.is_some())
        .map(|e| e.session.id)
        .collect();
    let open_task = timeline
        .iter()
        .rev()
        .find_map(|e| {
            e.log
                .as_ref()
                .map(|l| (e.session.starts_at, l.task_set.clone()))
        })
        .filter(|(_, task)| !task.is_empty())
        .map(|(set_at, task)| OpenTask { task, set_at });
    let goals = goals(&ctx.mentee, &timeline, &topics);
    let mut cover_next: Vec<GoalProgress> = goals
        .iter()
        .filter(|g| g.gap > 0 && g.sessions_covering == 0)
        .cloned()
        .collect();
    // Stable: equal gaps stay in catalog order.
    cover_next.sort_by_key(|g| std::cmp::Reverse(g.gap));
    let charter = pair_entries(conn, &ctx)?;
    let charter_complete = ctx.program.charter.trim().is_empty()
        || charter.iter().all(|e| e.acknowledged_at.is_some());
    Ok(PairPage {
        pair: PairInfo {
            id: pair_id,
            program: ProgramBrief {
                id: ctx.program.id,
                name: ctx.program.name.clone(),
                start_date: ctx.program.start_date,
                end_date: ctx.program.end_date,
                cadence_weeks: ctx.program.cadence_weeks,
                session_minutes: ctx.program.session_minutes,
                charter: ctx.program.charter.clone(),
            },
            mentor: PairPerson {
                person: person(conn, &ctx.mentor)?,
                timezone: ctx.mentor.timezone.clone(),
            },
            mentee: PairPerson {
                person: person(conn, &ctx.mentee)?,
                timezone: ctx.mentee.timezone.clone(),
            },
            status: ctx.pair.status,
            approved_at: ctx.pair.approved_at,
        },
        risks: risks(&ctx, &sessions, now),
        charter,
        charter_complete,
        next_session: next_session(&sessions, now),
        counts: counts(&sessions, &logged, now),
        open_task,
        goals,
        cover_next,
        timeline,
    })
}

/// One of the acting person's own pairs, with what is theirs to do in it.
#[derive(Debug, Clone, PartialEq)]
pub struct MyPair {
    pub program_id: ProgramId,
    pub program_name: String,
    /// The side the person takes in this pair.
    pub side: Side,
    pub overview: PairOverview,
    /// The person acknowledged the program's charter, or it has none to acknowledge.
    pub charter_acknowledged: bool,
    /// For the mentor: self-assessed levels that wait for their confirmation.
    pub levels_to_confirm: u32,
}

/// A pair at a glance from its sessions: next and last, counts, health.
fn overview(
    conn: &Connection,
    ctx: &PairContext,
    sessions: &[Session],
    logged: &HashSet<SessionId>,
    now: DateTime<Utc>,
) -> CoreResult<PairOverview> {
    Ok(PairOverview {
        pair_id: ctx.pair.id,
        mentor: person(conn, &ctx.mentor)?,
        mentee: person(conn, &ctx.mentee)?,
        next_session: next_session(sessions, now),
        last_held: sessions
            .iter()
            .filter(|s| s.status == SessionStatus::Held)
            .map(|s| s.starts_at)
            .max(),
        counts: counts(sessions, logged, now),
        risks: risks(ctx, sessions, now),
    })
}

/// The approved pairs of the person signed in (or viewed as), with their next session, counts,
/// health and to-do, in program then pair order. Empty for HR at the keyboard of a solo file,
/// who is nobody in particular.
pub fn my_pairs(store: &Store, now: DateTime<Utc>) -> CoreResult<Vec<MyPair>> {
    access::require(store, Need::SignedIn, Effect::Read)?;
    let Some(me) = access::acting_person(store) else {
        return Ok(Vec::new());
    };
    let conn = store.conn();
    let mut out = Vec::new();
    for row in db::approved_pairs_of(conn, me)? {
        let ctx = PairContext::load(conn, row.id)?;
        let sessions = db::pair_sessions(conn, row.id)?;
        let logged = db::logged_sessions(conn, row.program_id)?;
        let side = if row.mentee == me {
            Side::Mentee
        } else {
            Side::Mentor
        };
        out.push(MyPair {
            program_id: row.program_id,
            program_name: ctx.program.name.clone(),
            side,
            charter_acknowledged: ctx.program.charter.trim().is_empty()
                || db::acknowledgements(conn, row.program_id)?.contains_key(&me),
            levels_to_confirm: match side {
                Side::Mentor => db::unconfirmed_assessments(conn, row.id)?,
                Side::Mentee => 0,
            },
            overview: overview(conn, &ctx, &sessions, &logged, now)?,
        });
    }
    Ok(out)
}

/// The program's approved pairs with their next session, counts and health at `now`, in
/// mentee name order.
pub fn list_pairs_with_sessions(
    store: &Store,
    program_id: ProgramId,
    now: DateTime<Utc>,
) -> CoreResult<Vec<PairOverview>> {
    access::require(store, Need::Hr, Effect::Read)?;
    let conn = store.conn();
    program_db::get_program(conn, program_id)?
        .ok_or_else(|| CoreError::not_found("program", program_id))?;
    let mut by_pair: HashMap<PairId, Vec<Session>> = HashMap::new();
    for s in db::program_sessions(conn, program_id)? {
        by_pair.entry(s.pair_id).or_default().push(s);
    }
    let logged = db::logged_sessions(conn, program_id)?;
    let mut out = Vec::new();
    for row in db::approved_pairs(conn, program_id)? {
        let ctx = PairContext::load(conn, row.id)?;
        let sessions = by_pair.remove(&row.id).unwrap_or_default();
        out.push(overview(conn, &ctx, &sessions, &logged, now)?);
    }
    out.sort_by_key(|p| {
        (
            p.mentee.last_name.to_lowercase(),
            p.mentee.first_name.to_lowercase(),
            p.pair_id,
        )
    });
    Ok(out)
}
