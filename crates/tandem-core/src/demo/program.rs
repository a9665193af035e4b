//! The demo program already under way, so that every screen looks alive on first launch.
//!
//! "Programme pilote réseaux sociaux" started about four months before `today` and ends about
//! three months after it: every 4 weeks, 60 minutes, with a charter. The demo company's mentors
//! and mentees take part; the matching runs and every pair is approved. Each pair meets on a series
//! planned from both agendas (the same code as "plan a series"); past sessions are mostly held and
//! logged (topics from the mentee's goals, tasks, summaries, ratings, self-assessments that rise
//! and are mostly confirmed), with a few cancellations and no-shows; three pairs are at risk;
//! sessions ahead are planned until the end.
//!
//! Everything is relative to `today` and drawn from a generator seeded per mentee (HR id) and
//! date, so the same date gives the same story. The sessions, logs and acknowledgements are
//! written in one transaction and every log passes [`validate_log`]. To change the story, edit
//! [`PairPlan`] and `story`; the words live in `texts.rs`.

use std::collections::HashMap;

use crate::store::db::Connection;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};

use super::texts::{self, CANCEL_REASONS, DEPTH_PHRASES, OUTCOME_PHRASES, PRIVATE_NOTES, ROOMS};
use crate::domain::Topic;
use crate::program::{
    add_all_eligible, approve_all, create_program, list_programs, run_matching, ProgramId,
    ProgramInput, Side,
};
use crate::session::context::{local_to_utc, start_of_day, whole_seconds, PairContext};
use crate::session::log::topic_map;
use crate::session::schedule::{first_free_start, series_times};
use crate::session::{
    list_pairs_with_sessions, validate_log, CancelledBy, LogInput, LogTopicInput,
    SelfAssessmentInput, Session, SessionId, SessionStatus, TaskOutcome, TopicDepth,
};
use crate::store::sessions as db;
use crate::{CoreError, CoreResult, RefusalKey, Store};

/// The demo program's name; a database holding a program of that name is not loaded again.
pub const DEMO_PROGRAM_NAME: &str = "Programme pilote réseaux sociaux";
const SEED: u64 = 0x7a6d_3e55_1c0f_9b21;
const PARIS: chrono_tz::Tz = chrono_tz::Europe::Paris;

/// What the demo program holds once loaded, counted at the load date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoProgram {
    pub program_id: ProgramId,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub pairs: u32,
    pub held: u32,
    pub logged: u32,
    /// Planned sessions still ahead.
    pub upcoming: u32,
    /// Past sessions not yet marked held or no-show.
    pub to_mark: u32,
    pub cancelled: u32,
    pub no_show: u32,
    pub at_risk: u32,
}

/// How a pair's past goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PairPlan {
    /// Mostly held, at most one missed session in a row.
    Steady,
    /// The last two past sessions were cancelled by the mentee.
    TwoCancellations,
    /// The last three past sessions were cancelled.
    ThreeCancellations,
    /// Cancelled, then a no-show: nothing held for two cycles.
    Drifting,
}

/// Creates the demo program in a database that holds the demo company, as of `today`.
pub fn load_demo_program(store: &mut Store, today: NaiveDate) -> CoreResult<DemoProgram> {
    if list_programs(store)?
        .iter()
        .any(|p| p.name == DEMO_PROGRAM_NAME)
    {
        return Err(CoreError::conflict(
            RefusalKey::DemoProgramExists,
            format!("the database already has the program '{DEMO_PROGRAM_NAME}'"),
        )
        .with("name", DEMO_PROGRAM_NAME));
    }
    let monday = today - Duration::days(120);
    let start = monday - Duration::days(i64::from(monday.weekday().num_days_from_monday()));
    let end = today + Duration::days(90);
    let mut input = ProgramInput::new(DEMO_PROGRAM_NAME, start, end);
    input.cadence_weeks = 4;
    input.session_minutes = 60;
    input.charter = texts::CHARTER.to_owned();
    let program = create_program(store, input)?;
    add_all_eligible(store, program.id, Side::Mentor, None)?;
    add_all_eligible(store, program.id, Side::Mentee, None)?;
    run_matching(store, program.id)?;
    approve_all(store, program.id)?;
    // "Now" for the story: the start of the load date in Paris, where the company is.
    let now = start_of_day(PARIS, today);
    store.transaction(|tx| write_story(tx, program.id, today, now))?;

    let overview = list_pairs_with_sessions(store, program.id, now)?;
    let mut summary = DemoProgram {
        program_id: program.id,
        start_date: start,
        end_date: end,
        pairs: overview.len() as u32,
        held: 0,
        logged: 0,
        upcoming: 0,
        to_mark: 0,
        cancelled: 0,
        no_show: 0,
        at_risk: 0,
    };
    for p in &overview {
        summary.held += p.counts.held;
        summary.logged += p.counts.held - p.counts.unlogged;
        summary.upcoming += p.counts.upcoming;
        summary.to_mark += p.counts.to_mark;
        summary.cancelled += p.counts.cancelled;
        summary.no_show += p.counts.no_show;
        summary.at_risk += u32::from(!p.risks.is_empty());
    }
    Ok(summary)
}

/// FNV-1a, so a mentee's story depends on their HR id and not on random database ids.
fn hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn at_local(tz: chrono_tz::Tz, date: NaiveDate, hour: u32, minute: u32) -> DateTime<Utc> {
    let time = NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or(NaiveTime::MIN);
    local_to_utc(tz, date.and_time(time))
}

fn write_story(
    tx: &Connection,
    program: ProgramId,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    let topics = topic_map(tx)?;
    let mut pairs = Vec::new();
    for row in db::approved_pairs(tx, program)? {
        pairs.push(PairContext::load(tx, row.id)?);
    }
    pairs.sort_by(|a, b| a.mentee.external_id.cmp(&b.mentee.external_id));
    let n = pairs.len();
    let plan_of = |i: usize| match i {
        _ if n >= 8 && i == n / 8 => PairPlan::TwoCancellations,
        _ if n >= 8 && i == n / 2 => PairPlan::Drifting,
        _ if n >= 8 && i == n - 1 - n / 8 => PairPlan::ThreeCancellations,
        _ => PairPlan::Steady,
    };

    // Everyone acknowledges the charter in the program's first days, before any session.
    let start = pairs.first().map(|c| c.program.start_date).unwrap_or(today);
    let mut participants: Vec<(String, crate::domain::EmployeeId)> =
        crate::store::programs::participants(tx, program)?
            .into_iter()
            .map(|p| (p.person.email.clone(), p.person.id))
            .collect();
    participants.sort();
    for (email, id) in participants {
        let mut rng = fastrand::Rng::with_seed(SEED ^ hash(&email));
        let day = start + Duration::days(rng.i64(0..4));
        let at = at_local(PARIS, day, rng.u32(9..18), rng.u32(0..60));
        db::acknowledge(tx, program, id, at)?;
    }

    for (i, ctx) in pairs.iter().enumerate() {
        let seed = SEED ^ hash(&ctx.mentee.external_id) ^ (today.num_days_from_ce() as u64);
        let mut rng = fastrand::Rng::with_seed(seed);
        story(tx, ctx, plan_of(i), &topics, now, &mut rng)?;
    }
    Ok(())
}

/// The pair's sessions: a series from the first free time two to three weeks into the program.
fn series(
    tx: &Connection,
    ctx: &PairContext,
    rng: &mut fastrand::Rng,
) -> CoreResult<Vec<DateTime<Utc>>> {
    let program_start = ctx.program_start();
    let from = program_start + Duration::days(7 + rng.i64(0..7));
    let to = from + Duration::days(14);
    let first = match first_free_start(tx, ctx, from, to, program_start)? {
        Some(first) => first,
        None => {
            // No common window: Tuesday lunchtime on the mentor's clock.
            let tz = ctx.session_tz();
            let mut day = from.with_timezone(&tz).date_naive();
            while day.weekday() != Weekday::Tue {
                day += Duration::days(1);
            }
            at_local(tz, day, 12, 30)
        }
    };
    series_times(tx, ctx, first, program_start)
}

fn story(
    tx: &Connection,
    ctx: &PairContext,
    plan: PairPlan,
    topics: &HashMap<String, Topic>,
    now: DateTime<Utc>,
    rng: &mut fastrand::Rng,
) -> CoreResult<()> {
    let english = ctx.mentor.timezone != "Europe/Paris" || ctx.mentee.timezone != "Europe/Paris";
    let remote = english || rng.u8(0..4) == 0;
    let location = if remote {
        format!(
            "https://teams.example.com/l/meetup/tandem-{}",
            ctx.mentee.external_id.to_lowercase()
        )
    } else {
        ROOMS[rng.usize(0..ROOMS.len())].to_owned()
    };
    let minutes = Duration::minutes(i64::from(ctx.program.session_minutes));
    let planned_at = whole_seconds(ctx.program_start() - Duration::days(2));
    db::set_pair_approved_at(tx, ctx.pair.id, planned_at - Duration::days(1))?;

    let starts = series(tx, ctx, rng)?;
    let past: Vec<DateTime<Utc>> = starts.iter().copied().filter(|s| *s < now).collect();
    let statuses = past_statuses(plan, &past, now, rng);
    let mut sessions: Vec<Session> = Vec::new();
    let new = |start: DateTime<Utc>, status: SessionStatus| Session {
        id: SessionId::new(),
        pair_id: ctx.pair.id,
        program_id: ctx.program.id,
        mentor_id: ctx.mentor.id,
        mentee_id: ctx.mentee.id,
        starts_at: start,
        ends_at: start + minutes,
        timezone: ctx.session_tz().name().to_owned(),
        location: location.clone(),
        status,
        cancelled_by: None,
        cancel_reason: String::new(),
        series_id: Some(uuid::Uuid::from_u64_pair(hash(&ctx.mentee.external_id), 1)),
        sequence: 0,
        created_at: planned_at,
        updated_at: planned_at,
    };
    for (k, (&start, &status)) in past.iter().zip(&statuses).enumerate() {
        let mut s = new(start, status);
        match status {
            SessionStatus::Cancelled => {
                let by_mentee = rng.u8(0..10) < 7 || plan != PairPlan::Steady;
                s.cancelled_by = Some(if by_mentee {
                    CancelledBy::Mentee
                } else {
                    CancelledBy::Mentor
                });
                s.cancel_reason = CANCEL_REASONS[rng.usize(0..CANCEL_REASONS.len())]
                    .get(english)
                    .to_owned();
                s.sequence = 1;
                s.updated_at = start - Duration::days(rng.i64(1..5));
                // A steady pair makes up a cancelled session a week later when it can.
                let makeup = start + Duration::days(7);
                let next = past.get(k + 1).copied().unwrap_or(now);
                if plan == PairPlan::Steady && makeup + minutes < next.min(now) {
                    let mut m = new(makeup, SessionStatus::Held);
                    m.series_id = None;
                    m.created_at = s.updated_at;
                    m.updated_at = makeup + minutes;
                    sessions.push(s);
                    sessions.push(m);
                    continue;
                }
            }
            SessionStatus::Held | SessionStatus::NoShow => s.updated_at = start + minutes,
            SessionStatus::Planned => {}
        }
        sessions.push(s);
    }
    for &start in starts.iter().filter(|s| **s >= now) {
        sessions.push(new(start, SessionStatus::Planned));
    }
    for s in &sessions {
        db::insert_session(tx, s)?;
    }
    write_logs(tx, ctx, &sessions, topics, english, now, rng)
}

/// The status of each past session (`past` in start order), oldest first.
fn past_statuses(
    plan: PairPlan,
    past: &[DateTime<Utc>],
    now: DateTime<Utc>,
    rng: &mut fastrand::Rng,
) -> Vec<SessionStatus> {
    let count = past.len();
    let mut out: Vec<SessionStatus> = Vec::with_capacity(count);
    for _ in 0..count {
        let previous_missed = out.last().is_some_and(|s| *s != SessionStatus::Held);
        let roll = rng.u8(0..100);
        out.push(match roll {
            _ if previous_missed => SessionStatus::Held,
            0..=9 => SessionStatus::Cancelled,
            10..=13 => SessionStatus::NoShow,
            _ => SessionStatus::Held,
        });
    }
    let tail: &[SessionStatus] = match plan {
        PairPlan::Steady => &[],
        PairPlan::TwoCancellations => &[SessionStatus::Cancelled, SessionStatus::Cancelled],
        PairPlan::ThreeCancellations => &[
            SessionStatus::Cancelled,
            SessionStatus::Cancelled,
            SessionStatus::Cancelled,
        ],
        PairPlan::Drifting => &[SessionStatus::Cancelled, SessionStatus::NoShow],
    };
    let keep = count.saturating_sub(tail.len());
    out.truncate(keep);
    // The session before a run of misses was held, so the run is exactly the plan's.
    if let Some(last) = out.last_mut() {
        if !tail.is_empty() {
            *last = SessionStatus::Held;
        }
    }
    out.extend(tail.iter().copied().take(count - out.len()));
    if plan == PairPlan::Steady {
        if let (Some(status), Some(&start)) = (out.last_mut(), past.last()) {
            if now - start < Duration::days(2) && rng.bool() {
                // Met in the last days and not marked yet.
                *status = SessionStatus::Planned;
            } else if now - start > Duration::days(10) && *status == SessionStatus::NoShow {
                // A steady pair caught up since: keep it healthy.
                *status = SessionStatus::Held;
            }
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn write_logs(
    tx: &Connection,
    ctx: &PairContext,
    sessions: &[Session],
    topics: &HashMap<String, Topic>,
    english: bool,
    now: DateTime<Utc>,
    rng: &mut fastrand::Rng,
) -> CoreResult<()> {
    let mut goals: Vec<(String, u8, u8)> = ctx
        .mentee
        .skills
        .iter()
        .filter_map(|s| {
            let target = s.target?;
            (target > s.level && topics.get(&s.topic_id).is_some_and(|t| t.active))
                .then(|| (s.topic_id.clone(), s.level, target))
        })
        .collect();
    goals.sort_by(|a, b| (b.2 - b.1).cmp(&(a.2 - a.1)).then(a.0.cmp(&b.0)));
    if goals.is_empty() {
        goals.push(("linkedin.profile".to_owned(), 1, 3));
    }
    let mut held: Vec<&Session> = sessions
        .iter()
        .filter(|s| s.status == SessionStatus::Held)
        .collect();
    held.sort_by_key(|s| s.starts_at);
    let mut covered: HashMap<String, u32> = HashMap::new();
    let mut previous_task = false;
    for (k, session) in held.iter().enumerate() {
        let last = k + 1 == held.len();
        // Some pairs have not written their latest log yet.
        if last && rng.u8(0..5) == 0 {
            break;
        }
        let mut chosen = vec![goals[k % goals.len()].clone()];
        if goals.len() > 1 && rng.bool() {
            chosen.push(goals[(k + 1) % goals.len()].clone());
        }
        let mut log = LogInput::default();
        let mut phrases = Vec::new();
        for (topic, level, target) in &chosen {
            let times = covered.entry(topic.clone()).or_default();
            let depth = match *times {
                0 if rng.bool() => TopicDepth::Shown,
                0 | 1 => TopicDepth::Practised,
                _ if rng.u8(0..10) < 7 => TopicDepth::DoneAlone,
                _ => TopicDepth::Practised,
            };
            *times += 1;
            log.topics.push(LogTopicInput {
                topic_id: topic.clone(),
                depth,
            });
            let gain = (*times).div_ceil(2).min(4) as u8;
            log.self_assessment.push(SelfAssessmentInput {
                topic_id: topic.clone(),
                level: (*level + gain).min(*target),
            });
            let name = topics.get(topic).map_or(topic.as_str(), |t| {
                if english {
                    t.name_en.as_str()
                } else {
                    t.name_fr.as_str()
                }
            });
            let depth_index = TopicDepth::ALL
                .iter()
                .position(|d| *d == depth)
                .unwrap_or(0);
            phrases.push(format!(
                "{name}{} {}.",
                if english { ":" } else { " :" },
                DEPTH_PHRASES[depth_index].get(english)
            ));
        }
        if previous_task {
            let (outcome, index) = match rng.u8(0..100) {
                0..=59 => (TaskOutcome::Done, 0),
                60..=84 => (TaskOutcome::Partly, 1),
                _ => (TaskOutcome::NotDone, 2),
            };
            log.previous_task_outcome = Some(outcome);
            phrases.insert(0, OUTCOME_PHRASES[index].get(english).to_owned());
        }
        log.task_set = if rng.u8(0..20) == 0 {
            String::new()
        } else {
            texts::task(&chosen[0].0).get(english).to_owned()
        };
        previous_task = !log.task_set.is_empty();
        log.summary = phrases.join(" ");
        if rng.u8(0..10) < 4 {
            log.private_notes = PRIVATE_NOTES[rng.usize(0..PRIVATE_NOTES.len())]
                .get(english)
                .to_owned();
        }
        log.mentee_rating = Some(if rng.u8(0..10) < 8 { 5 } else { 4 });
        log.mentor_rating = Some(rng.u8(3..6));
        let errors = validate_log(&log, topics, log.previous_task_outcome.is_some());
        if !errors.is_empty() {
            return Err(super::demo_invalid(format!(
                "a demo learning log is not valid: {}",
                CoreError::Validation(errors)
            )));
        }
        let written = (session.ends_at + Duration::hours(rng.i64(1..30))).min(now);
        let confirmed = (written + Duration::days(rng.i64(1..4))).min(now);
        let confirm = !(last && rng.bool()) && rng.u8(0..10) < 9;
        let confirmations = if confirm {
            log.self_assessment
                .iter()
                .map(|a| (a.topic_id.clone(), confirmed))
                .collect()
        } else {
            HashMap::new()
        };
        db::replace_log(tx, session.id, &log, &confirmations, written, written)?;
    }
    Ok(())
}
