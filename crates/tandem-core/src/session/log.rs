//! The learning log written after a held session, and the mentor's confirmation of the
//! mentee's self-assessment.
//!
//! [`validate_log`] reports every problem at once with a stable key per field (listed on
//! [`save_log`]); the rules that need the database (catalog, previous task, charter) run in
//! [`save_log`] before its first write. To add a field: a migration column, [`LogInput`],
//! [`SessionLog`], the check here, and `store::sessions::replace_log`.

use crate::access::{self, Effect, Need};
use std::collections::{HashMap, HashSet};

use crate::store::db::Connection;
use chrono::{DateTime, Utc};

use super::charter::require_charter;
use super::context::{session_or_not_found, whole_seconds, PairContext};
use super::model::{
    LogInput, LoggedTopic, SelfAssessment, Session, SessionId, SessionLog, SessionStatus,
    TaskOutcome, TopicDepth,
};
use crate::domain::{Topic, MAX_LEVEL};
use crate::program::TopicName;
use crate::store::catalog as catalog_db;
use crate::store::sessions as db;
use crate::{CoreError, CoreResult, FieldError, RefusalKey, Store};

/// Length limits, in characters.
pub const MAX_TASK_CHARS: usize = 500;
pub const MAX_SUMMARY_CHARS: usize = 2000;
pub const MAX_NOTES_CHARS: usize = 4000;
/// Most topics one session may log.
pub const MAX_LOG_TOPICS: usize = 12;

impl TopicDepth {
    /// Parses a submitted depth; anything else is a field error `depth_invalid`.
    pub fn parse_field(field: &str, raw: &str) -> Result<Self, FieldError> {
        Self::parse(raw.trim()).ok_or_else(|| {
            FieldError::new(
                field,
                "depth_invalid",
                format!("'{raw}' is not a depth: use shown, practised or done_alone"),
            )
        })
    }
}

impl TaskOutcome {
    /// Parses a submitted outcome; anything else is a field error `outcome_invalid`.
    pub fn parse_field(field: &str, raw: &str) -> Result<Self, FieldError> {
        Self::parse(raw.trim()).ok_or_else(|| {
            FieldError::new(
                field,
                "outcome_invalid",
                format!("'{raw}' is not a task outcome: use done, partly or not_done"),
            )
        })
    }
}

fn normalized(mut input: LogInput) -> LogInput {
    input.task_set = input.task_set.trim().to_owned();
    input.summary = input.summary.trim().to_owned();
    input.private_notes = input.private_notes.trim().to_owned();
    for t in &mut input.topics {
        t.topic_id = t.topic_id.trim().to_owned();
    }
    for a in &mut input.self_assessment {
        a.topic_id = a.topic_id.trim().to_owned();
    }
    input
}

fn check_length(errors: &mut Vec<FieldError>, field: &str, label: &str, value: &str, max: usize) {
    let len = value.chars().count();
    if len > max {
        errors.push(FieldError::too_long(
            field,
            max,
            format!("the {label} is {len} characters long; the limit is {max}"),
        ));
    }
}

fn check_topic(
    errors: &mut Vec<FieldError>,
    field: &str,
    id: &str,
    topics: &HashMap<String, Topic>,
    seen: &mut HashSet<String>,
) {
    match topics.get(id) {
        None => errors.push(FieldError::new(
            field,
            "topic_unknown",
            format!("'{id}' is not a topic of the catalog"),
        )),
        Some(t) if !t.active => errors.push(FieldError::new(
            field,
            "topic_inactive",
            format!("the topic '{}' is retired from the catalog", t.name_en),
        )),
        Some(t) => {
            if !seen.insert(id.to_owned()) {
                errors.push(FieldError::new(
                    field,
                    "duplicate",
                    format!("the topic '{}' is listed twice", t.name_en),
                ));
            }
        }
    }
}

/// Every problem of a log, given the catalog's topics and whether the pair has a previous task
/// to report on. Keys: `topics` / `required`, `too_many`; `topics[i].topic_id` /
/// `topic_unknown`, `topic_inactive`, `duplicate`; `task_set`, `summary`, `private_notes` /
/// `too_long`; `previous_task_outcome` / `no_previous_task`; `mentee_rating`, `mentor_rating` /
/// `rating_invalid`; `self_assessment[i].topic_id` / as topics; `self_assessment[i].level` /
/// `level_invalid`.
pub fn validate_log(
    input: &LogInput,
    topics: &HashMap<String, Topic>,
    has_previous_task: bool,
) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if input.topics.is_empty() {
        errors.push(FieldError::new(
            "topics",
            "required",
            "choose at least one topic taught in this session",
        ));
    } else if input.topics.len() > MAX_LOG_TOPICS {
        errors.push(FieldError::new(
            "topics",
            "too_many",
            format!(
                "{} topics given; a session logs at most {MAX_LOG_TOPICS}",
                input.topics.len()
            ),
        ));
    }
    let mut seen = HashSet::new();
    for (i, t) in input.topics.iter().enumerate() {
        check_topic(
            &mut errors,
            &format!("topics[{i}].topic_id"),
            &t.topic_id,
            topics,
            &mut seen,
        );
    }
    check_length(
        &mut errors,
        "task_set",
        "practice task",
        &input.task_set,
        MAX_TASK_CHARS,
    );
    check_length(
        &mut errors,
        "summary",
        "summary",
        &input.summary,
        MAX_SUMMARY_CHARS,
    );
    check_length(
        &mut errors,
        "private_notes",
        "private notes",
        &input.private_notes,
        MAX_NOTES_CHARS,
    );
    if input.previous_task_outcome.is_some() && !has_previous_task {
        errors.push(FieldError::new(
            "previous_task_outcome",
            "no_previous_task",
            "no earlier session of this pair set a practice task, so there is no outcome to record",
        ));
    }
    for (field, rating) in [
        ("mentee_rating", input.mentee_rating),
        ("mentor_rating", input.mentor_rating),
    ] {
        if let Some(r) = rating.filter(|r| !(1..=5).contains(r)) {
            errors.push(FieldError::new(
                field,
                "rating_invalid",
                format!("a rating goes from 1 to 5; {r} is not one"),
            ));
        }
    }
    let mut seen = HashSet::new();
    for (i, a) in input.self_assessment.iter().enumerate() {
        check_topic(
            &mut errors,
            &format!("self_assessment[{i}].topic_id"),
            &a.topic_id,
            topics,
            &mut seen,
        );
        if a.level > MAX_LEVEL {
            errors.push(FieldError::new(
                &format!("self_assessment[{i}].level"),
                "level_invalid",
                format!(
                    "levels go from 0 (none) to {MAX_LEVEL} (expert); {} is not one",
                    a.level
                ),
            ));
        }
    }
    errors
}

/// The task set at the pair's most recent held session before `session` that has a log, if
/// that log set one.
pub(crate) fn previous_task(conn: &Connection, session: &Session) -> CoreResult<Option<String>> {
    let earlier = db::pair_sessions(conn, session.pair_id)?;
    for s in earlier.iter().rev() {
        if s.status != SessionStatus::Held || s.starts_at >= session.starts_at || s.id == session.id
        {
            continue;
        }
        if let Some(log) = db::log_row(conn, s.id)? {
            return Ok(Some(log.task_set).filter(|t| !t.is_empty()));
        }
    }
    Ok(None)
}

pub(crate) fn topic_map(conn: &Connection) -> CoreResult<HashMap<String, Topic>> {
    Ok(catalog_db::list_topics(conn)?
        .into_iter()
        .map(|t| (t.id.clone(), t))
        .collect())
}

pub(crate) fn topic_name(topics: &HashMap<String, Topic>, id: &str) -> TopicName {
    match topics.get(id) {
        Some(t) => TopicName {
            id: t.id.clone(),
            platform_id: t.platform_id.clone(),
            name_en: t.name_en.clone(),
            name_fr: t.name_fr.clone(),
        },
        None => TopicName {
            id: id.to_owned(),
            platform_id: id.split('.').next().unwrap_or_default().to_owned(),
            name_en: id.to_owned(),
            name_fr: id.to_owned(),
        },
    }
}

/// Refuses a log from one person of the pair that changes what belongs to the other side: the
/// mentee rates for the mentee and assesses their own levels; the mentor rates for the mentor.
fn keeps_other_side(
    person: crate::domain::EmployeeId,
    ctx: &PairContext,
    input: &LogInput,
    existing: Option<&db::LogRow>,
    kept: &HashMap<String, (u8, Option<DateTime<Utc>>)>,
) -> CoreResult<()> {
    let stored_mentee = existing.and_then(|l| l.mentee_rating);
    let stored_mentor = existing.and_then(|l| l.mentor_rating);
    let other_side_changed = if person == ctx.mentee.id {
        input.mentor_rating != stored_mentor
    } else {
        let assessment_changed = input.self_assessment.len() != kept.len()
            || input
                .self_assessment
                .iter()
                .any(|a| kept.get(&a.topic_id).map(|k| k.0) != Some(a.level));
        input.mentee_rating != stored_mentee || assessment_changed
    };
    if other_side_changed {
        return Err(access::refuse(
            RefusalKey::ForbiddenOtherSide,
            "each side rates the session for itself, and the mentee assesses their own levels",
        ));
    }
    Ok(())
}

/// Saves the learning log of a held session, replacing any earlier one. Only for held sessions
/// ([`CoreError::Conflict`] otherwise) whose pair both acknowledged the charter (`charter` /
/// `charter_not_acknowledged`); see [`validate_log`] for the field keys. A self-assessed level
/// that changes loses the mentor's confirmation; an unchanged one keeps it. Either person of the
/// pair may log; each rates only their own side, and only the mentee assesses their levels
/// (`forbidden_other_side`).
pub fn save_log(
    store: &mut Store,
    session_id: SessionId,
    input: LogInput,
    now: DateTime<Utc>,
) -> CoreResult<SessionLog> {
    access::require(store, Need::SessionMember(session_id), Effect::Write)?;
    let person = (!access::acting_as_hr(store))
        .then(|| access::acting_person(store))
        .flatten();
    let input = normalized(input);
    let now = whole_seconds(now);
    store.transaction(|tx| {
        let session = session_or_not_found(tx, session_id)?;
        if session.status != SessionStatus::Held {
            return Err(CoreError::conflict(
                RefusalKey::LogNeedsHeldSession,
                "only a held session has a learning log: mark the session held first",
            ));
        }
        let ctx = PairContext::load(tx, session.pair_id)?;
        require_charter(tx, &ctx, "a session is logged")?;
        let topics = topic_map(tx)?;
        let previous = previous_task(tx, &session)?;
        let errors = validate_log(&input, &topics, previous.is_some());
        if !errors.is_empty() {
            return Err(CoreError::Validation(errors));
        }
        let existing = db::log_row(tx, session_id)?;
        let kept: HashMap<String, (u8, Option<DateTime<Utc>>)> =
            db::self_assessments(tx, session_id)?
                .into_iter()
                .map(|(topic, level, confirmed)| (topic, (level, confirmed)))
                .collect();
        if let Some(person) = person {
            keeps_other_side(person, &ctx, &input, existing.as_ref(), &kept)?;
        }
        let confirmations: HashMap<String, DateTime<Utc>> = input
            .self_assessment
            .iter()
            .filter_map(|a| match kept.get(&a.topic_id) {
                Some(&(level, Some(at))) if level == a.level => Some((a.topic_id.clone(), at)),
                _ => None,
            })
            .collect();
        let created_at = existing.map_or(now, |l| l.created_at);
        db::replace_log(tx, session_id, &input, &confirmations, created_at, now)?;
        read_log(tx, &session, &topics)?
            .ok_or_else(|| CoreError::not_found("session log", session_id))
    })
}

/// The session's learning log, if written.
pub fn get_log(store: &Store, session_id: SessionId) -> CoreResult<Option<SessionLog>> {
    let conn = store.conn();
    let session = session_or_not_found(conn, session_id)?;
    read_log(conn, &session, &topic_map(conn)?)
}

pub(crate) fn read_log(
    conn: &Connection,
    session: &Session,
    topics: &HashMap<String, Topic>,
) -> CoreResult<Option<SessionLog>> {
    let Some(row) = db::log_row(conn, session.id)? else {
        return Ok(None);
    };
    let previous_task = match row.previous_task_outcome {
        Some(_) => previous_task(conn, session)?,
        None => None,
    };
    Ok(Some(SessionLog {
        session_id: session.id,
        topics: db::log_topics(conn, session.id)?
            .into_iter()
            .map(|(id, depth)| LoggedTopic {
                topic: topic_name(topics, &id),
                depth,
            })
            .collect(),
        task_set: row.task_set,
        previous_task_outcome: row.previous_task_outcome,
        previous_task,
        summary: row.summary,
        private_notes: row.private_notes,
        mentee_rating: row.mentee_rating,
        mentor_rating: row.mentor_rating,
        self_assessments: db::self_assessments(conn, session.id)?
            .into_iter()
            .map(|(id, level, confirmed_at)| SelfAssessment {
                topic: topic_name(topics, &id),
                level,
                confirmed_at,
            })
            .collect(),
        created_at: row.created_at,
        updated_at: row.updated_at,
    }))
}

/// The mentor confirms the mentee's self-assessed levels of a logged session. Confirming again
/// keeps the first date. A session with no self-assessment is a validation error
/// (`self_assessment` / `nothing_to_confirm`).
pub fn confirm_self_assessment(
    store: &mut Store,
    session_id: SessionId,
    now: DateTime<Utc>,
) -> CoreResult<SessionLog> {
    access::require(store, Need::SessionMentor(session_id), Effect::Write)?;
    let now = whole_seconds(now);
    store.transaction(|tx| {
        let session = session_or_not_found(tx, session_id)?;
        if db::self_assessments(tx, session_id)?.is_empty() {
            return Err(CoreError::invalid(
                "self_assessment",
                "nothing_to_confirm",
                "this session's log has no self-assessment to confirm",
            ));
        }
        db::confirm_self_assessments(tx, session_id, now)?;
        read_log(tx, &session, &topic_map(tx)?)?
            .ok_or_else(|| CoreError::not_found("session log", session_id))
    })
}
