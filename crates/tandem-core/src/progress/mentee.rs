//! One mentee's progress: levels over time, start / now / target, topics covered, practice tasks.

use crate::access::{self, Effect, Need};
use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::catalog::CatalogIndex;
use super::hours_between;
use super::levels::{platform_progress, Confirmed, Declared};
use super::model::*;
use crate::domain::EmployeeId;
use crate::program::ProgramId;
use crate::session::SessionStatus;
use crate::store::programs::person_summary;
use crate::store::progress as db;
use crate::{CoreError, CoreResult, Store};

/// A mentee's progress at `now`, in one program (`program_id`) or across all of them.
///
/// Unknown mentee or program: [`CoreError::NotFound`]. Someone without an approved pair gets an
/// empty page, not an error.
///
/// **Platform level** (the line chart): for each platform, the *tracked topics* are the mentee's
/// goals on it (topics with a target); without a goal there, the topics they declared a level for
/// or have a confirmed self-assessment on. A topic's level is its latest self-assessment that the
/// mentor confirmed (held sessions only; earlier values carry forward until a new one), before any
/// its declared level, without one 0. The platform level is the mean over the tracked topics.
/// Each point of the line is one held session that confirmed a tracked topic, with its session
/// id; `start` is the mean of the declared levels, `target` the mean of the targets.
///
/// **Per topic**: start is the declared level, now the latest confirmed level (else start), target
/// the declared target. Goals come first. **Tasks**: each non-empty task set in a held session's
/// log; its outcome is the one recorded by the pair's next logged session.
pub fn mentee_progress(
    store: &Store,
    mentee_id: EmployeeId,
    program_id: Option<ProgramId>,
    now: DateTime<Utc>,
) -> CoreResult<MenteeProgress> {
    access::require(store, Need::ProgressOf(mentee_id), Effect::Read)?;
    // Ratings are the pair's and HR's: a manager reading the page never sees them.
    let show_ratings =
        access::acting_as_hr(store) || access::acting_person(store) == Some(mentee_id);
    let conn = store.conn();
    let mentee = person_summary(conn, mentee_id)?
        .ok_or_else(|| CoreError::not_found("employee", mentee_id))?;
    if let Some(id) = program_id {
        crate::store::programs::get_program(conn, id)?
            .ok_or_else(|| CoreError::not_found("program", id))?;
    }
    let catalog = CatalogIndex::load(conn)?;
    let pairs = db::mentee_pairs(conn, mentee_id, program_id)?;
    let sessions = db::mentee_sessions(conn, mentee_id, program_id)?;
    let declared_rows = db::declared_levels(conn, &db::id_list([mentee_id]))?;
    let confirmed_rows = db::confirmed_levels_of(conn, mentee_id, program_id)?;
    let taught = db::mentee_session_topics(conn, mentee_id, program_id)?;

    let declared: HashMap<&str, Declared> = declared_rows
        .iter()
        .map(|d| {
            (
                d.topic_id.as_str(),
                Declared {
                    level: d.level,
                    target: d.target,
                },
            )
        })
        .collect();
    let confirmed: Vec<Confirmed<'_>> = confirmed_rows
        .iter()
        .map(|c| Confirmed {
            session_id: c.session_id,
            at: c.at,
            topic_id: &c.topic_id,
            level: c.level,
        })
        .collect();

    let platforms = platform_progress(&catalog, &declared, &confirmed);
    let topics = topic_progress(&catalog, &declared, &confirmed);
    let covered = topics_covered(&catalog, &taught);
    let (tasks, task_counts) = practice_tasks(&sessions);

    let mut counts = SessionCounts::default();
    let mut hours_held = 0.0;
    let session_list: Vec<SessionRef> = sessions
        .iter()
        .map(|s| {
            counts.add(s.status, s.starts_at > now);
            let hours = hours_between(s.starts_at, s.ends_at);
            if s.status == SessionStatus::Held {
                hours_held += hours;
            }
            SessionRef {
                session_id: s.session_id,
                pair_id: s.pair_id,
                program_id: s.program_id,
                starts_at: s.starts_at,
                ends_at: s.ends_at,
                status: s.status,
                hours,
                summary: s.summary.clone(),
                mentee_rating: s.mentee_rating.filter(|_| show_ratings),
                mentor_rating: s.mentor_rating.filter(|_| show_ratings),
            }
        })
        .collect();

    Ok(MenteeProgress {
        mentee,
        program_id,
        as_of: now,
        pairs: pairs
            .into_iter()
            .map(|(pair_id, program, mentor)| MenteePair {
                pair_id,
                program,
                mentor,
            })
            .collect(),
        platforms,
        topics,
        covered,
        tasks,
        task_counts,
        sessions: counts,
        hours_held,
        session_list,
    })
}

fn topic_progress(
    catalog: &CatalogIndex,
    declared: &HashMap<&str, Declared>,
    confirmed: &[Confirmed<'_>],
) -> Vec<TopicProgress> {
    let mut ids: Vec<&str> = declared.keys().copied().collect();
    for c in confirmed {
        if !ids.contains(&c.topic_id) {
            ids.push(c.topic_id);
        }
    }
    let mut out: Vec<TopicProgress> = ids
        .into_iter()
        .map(|topic_id| {
            let d = declared.get(topic_id);
            let history: Vec<TopicLevelPoint> = confirmed
                .iter()
                .filter(|c| c.topic_id == topic_id)
                .map(|c| TopicLevelPoint {
                    session_id: c.session_id,
                    at: c.at,
                    level: c.level,
                })
                .collect();
            let latest = history.last();
            let (name_en, name_fr) = catalog.topic_names(topic_id);
            TopicProgress {
                topic_id: topic_id.to_owned(),
                platform_id: catalog.platform_of(topic_id).to_owned(),
                name_en,
                name_fr,
                start: d.map(|d| d.level),
                now: latest.map(|p| p.level).or(d.map(|d| d.level)),
                now_session_id: latest.map(|p| p.session_id),
                target: d.and_then(|d| d.target),
                goal: d.is_some_and(|d| d.target.is_some()),
                history,
            }
        })
        .collect();
    out.sort_by_key(|t| (!t.goal, catalog.topic_rank(&t.topic_id), t.topic_id.clone()));
    out
}

fn topics_covered(catalog: &CatalogIndex, taught: &[db::SessionTopicRow]) -> Vec<TopicCovered> {
    let mut by_topic: HashMap<&str, Vec<TaughtIn>> = HashMap::new();
    for t in taught {
        by_topic.entry(&t.topic_id).or_default().push(TaughtIn {
            session_id: t.session_id,
            at: t.at,
            depth: t.depth,
        });
    }
    let mut out: Vec<TopicCovered> = by_topic
        .into_iter()
        .map(|(topic_id, sessions)| {
            let (name_en, name_fr) = catalog.topic_names(topic_id);
            TopicCovered {
                topic_id: topic_id.to_owned(),
                platform_id: catalog.platform_of(topic_id).to_owned(),
                name_en,
                name_fr,
                best_depth: sessions
                    .iter()
                    .map(|s| s.depth)
                    .max()
                    .unwrap_or(TopicDepth::Shown),
                sessions,
            }
        })
        .collect();
    out.sort_by_key(|t| (catalog.topic_rank(&t.topic_id), t.topic_id.clone()));
    out
}

/// Tasks in the order they were set; each outcome from the same pair's next logged session.
fn practice_tasks(sessions: &[db::LoggedSession]) -> (Vec<PracticeTask>, TaskCounts) {
    let logged: Vec<&db::LoggedSession> = sessions
        .iter()
        .filter(|s| s.logged && s.status == SessionStatus::Held)
        .collect();
    let mut tasks = Vec::new();
    let mut counts = TaskCounts::default();
    for (i, s) in logged.iter().enumerate() {
        if s.task_set.trim().is_empty() {
            continue;
        }
        let next = logged[i + 1..].iter().find(|n| n.pair_id == s.pair_id);
        let outcome = next.and_then(|n| n.previous_task_outcome);
        counts.set += 1;
        match outcome {
            Some(TaskOutcome::Done) => counts.done += 1,
            Some(TaskOutcome::Partly) => counts.partly += 1,
            Some(TaskOutcome::NotDone) => counts.not_done += 1,
            None => counts.open += 1,
        }
        tasks.push(PracticeTask {
            set_in: s.session_id,
            set_at: s.starts_at,
            task: s.task_set.clone(),
            outcome,
            outcome_session_id: outcome.and(next.map(|n| n.session_id)),
        });
    }
    (tasks, counts)
}
