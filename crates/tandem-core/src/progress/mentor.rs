//! Mentor recognition: what a mentor taught, per platform and topic, and how mentees rated it.

use crate::access::{self, Effect, Need};
use std::collections::{BTreeMap, HashMap, HashSet};

use crate::session::model::{PairId, SessionId};
use chrono::{DateTime, Utc};

use super::catalog::CatalogIndex;
use super::model::*;
use super::{hours_between, rating_average};
use crate::domain::EmployeeId;
use crate::store::programs::person_summary;
use crate::store::progress as db;
use crate::{CoreError, CoreResult, Store};

/// A mentor's recognition at `now`: the held sessions of their approved pairs, across programs.
///
/// A session counts once per platform it taught a topic of, so per-platform sessions and hours can
/// add up to more than the totals; per topic, likewise. The rating is the mean of the ratings the
/// mentees gave in the logs. An unknown id is [`CoreError::NotFound`]; someone who never mentored
/// gets zeros.
pub fn mentor_recognition(
    store: &Store,
    mentor_id: EmployeeId,
    now: DateTime<Utc>,
) -> CoreResult<MentorRecognition> {
    access::require(store, Need::Person(mentor_id), Effect::Read)?;
    let conn = store.conn();
    let mentor = person_summary(conn, mentor_id)?
        .ok_or_else(|| CoreError::not_found("employee", mentor_id))?;
    let catalog = CatalogIndex::load(conn)?;
    let pairs = db::mentor_pairs(conn, mentor_id)?;
    let sessions = db::mentor_sessions(conn, mentor_id)?;
    let topics = db::mentor_session_topics(conn, mentor_id)?;

    let hours_of: HashMap<SessionId, f64> = sessions
        .iter()
        .map(|s| (s.session_id, hours_between(s.starts_at, s.ends_at)))
        .collect();

    let mut per_pair: HashMap<PairId, (u32, f64)> = HashMap::new();
    let (mut rating_sum, mut rating_n) = (0i64, 0u32);
    for s in &sessions {
        let e = per_pair.entry(s.pair_id).or_default();
        e.0 += 1;
        e.1 += hours_of[&s.session_id];
        if let Some(r) = s.mentee_rating {
            rating_sum += i64::from(r);
            rating_n += 1;
        }
    }

    // Per topic, and per platform (each session once per platform).
    let mut per_topic: HashMap<&str, (u32, f64, DepthCounts)> = HashMap::new();
    let mut platform_sessions: HashSet<(&str, SessionId)> = HashSet::new();
    let mut per_platform: BTreeMap<usize, (&str, u32, f64)> = BTreeMap::new();
    for t in &topics {
        let hours = hours_of.get(&t.session_id).copied().unwrap_or(0.0);
        let e = per_topic.entry(&t.topic_id).or_default();
        e.0 += 1;
        e.1 += hours;
        e.2.add(t.depth, 1);
        let platform = catalog.platform_of(&t.topic_id);
        if platform_sessions.insert((platform, t.session_id)) {
            let p = per_platform
                .entry(catalog.platform_rank(platform))
                .or_insert((platform, 0, 0.0));
            p.1 += 1;
            p.2 += hours;
        }
    }
    let mut topic_rows: Vec<TopicTaughtBy> = per_topic
        .into_iter()
        .map(|(topic_id, (sessions, hours, depths))| {
            let (name_en, name_fr) = catalog.topic_names(topic_id);
            TopicTaughtBy {
                topic_id: topic_id.to_owned(),
                platform_id: catalog.platform_of(topic_id).to_owned(),
                name_en,
                name_fr,
                sessions,
                hours,
                depths,
            }
        })
        .collect();
    topic_rows.sort_by_key(|t| {
        (
            std::cmp::Reverse(t.sessions),
            catalog.topic_rank(&t.topic_id),
            t.topic_id.clone(),
        )
    });

    let mentees: Vec<MenteeTaught> = pairs
        .iter()
        .map(|(pair_id, program, mentee)| {
            let (sessions_held, hours_held) = per_pair.get(pair_id).copied().unwrap_or_default();
            MenteeTaught {
                mentee: mentee.clone(),
                program_id: program.id,
                pair_id: *pair_id,
                sessions_held,
                hours_held,
            }
        })
        .collect();
    let mut programs: Vec<MentorProgram> = Vec::new();
    for (pair_id, program, _) in &pairs {
        let (sessions_held, hours_held) = per_pair.get(pair_id).copied().unwrap_or_default();
        match programs.iter_mut().find(|p| p.program.id == program.id) {
            Some(p) => {
                p.mentees += 1;
                p.sessions_held += sessions_held;
                p.hours_held += hours_held;
            }
            None => programs.push(MentorProgram {
                program: program.clone(),
                mentees: 1,
                sessions_held,
                hours_held,
            }),
        }
    }

    Ok(MentorRecognition {
        mentor,
        as_of: now,
        sessions_held: sessions.len() as u32,
        hours_held: sessions.iter().map(|s| hours_of[&s.session_id]).sum(),
        first_session: sessions.first().map(|s| s.starts_at),
        last_session: sessions.last().map(|s| s.starts_at),
        rating: rating_average(rating_sum, rating_n),
        mentees,
        platforms: per_platform
            .into_values()
            .map(|(platform_id, sessions, hours)| PlatformTaught {
                platform_id: platform_id.to_owned(),
                platform_name: catalog.platform_name(platform_id).to_owned(),
                sessions,
                hours,
            })
            .collect(),
        topics: topic_rows,
        programs,
        session_ids: sessions.iter().map(|s| s.session_id).collect(),
    })
}
