//! Integration tests of the learning log, the charter, the pair page and "my week": what a held
//! session may record, which mistakes are refused with which key, the self-assessment
//! confirmation, what to cover next, and reminders.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

mod sessions_support;

use chrono::Duration;
use sessions_support::*;
use tandem_core::program::{update_program, ProgramInput};
use tandem_core::session::{
    acknowledge_charter, charter_status, confirm_self_assessment, create_session, get_log,
    list_pairs_with_sessions, mark_held, pair_page, reminders_due, save_log,
    sessions_starting_between, upcoming_sessions, LogInput, LogTopicInput, RiskReason,
    SelfAssessmentInput, Session, SessionStatus, SessionTime, TaskOutcome, TopicDepth,
};
use tandem_core::settings::set_reminder_minutes;
use tandem_core::{CoreResult, FieldError};

fn after(s: &Session) -> chrono::DateTime<chrono::Utc> {
    s.ends_at + Duration::minutes(5)
}

fn topic(id: &str, depth: TopicDepth) -> LogTopicInput {
    LogTopicInput {
        topic_id: id.into(),
        depth,
    }
}

// ---------------------------------------------------------------- the log

#[test]
fn a_held_session_keeps_its_topics_task_summary_notes_ratings_and_self_assessment() -> CoreResult<()>
{
    let (mut w, s) = held()?;
    let mut input = good_log();
    input
        .topics
        .push(topic("linkedin.profile", TopicDepth::DoneAlone));
    let log = save_log(&mut w.store, s.id, input.clone(), after(&s))?;
    assert_eq!(get_log(&w.store, s.id)?, Some(log.clone()));
    let topics: Vec<_> = log
        .topics
        .iter()
        .map(|t| (t.topic.id.as_str(), t.depth))
        .collect();
    // In catalog order: profile comes before post on LinkedIn.
    assert_eq!(
        topics,
        vec![
            ("linkedin.profile", TopicDepth::DoneAlone),
            ("linkedin.post", TopicDepth::Practised)
        ]
    );
    assert_eq!(log.topics[0].topic.name_fr, "Optimiser son profil");
    assert_eq!(log.task_set, input.task_set);
    assert_eq!(log.summary, input.summary);
    assert_eq!(log.private_notes, input.private_notes);
    assert_eq!((log.mentee_rating, log.mentor_rating), (Some(5), Some(4)));
    assert_eq!(log.self_assessments.len(), 1);
    assert_eq!(log.self_assessments[0].level, 1);
    assert_eq!(log.self_assessments[0].confirmed_at, None);
    assert_eq!(log.previous_task_outcome, None);
    assert_eq!(log.created_at, after(&s));
    Ok(())
}

/// A named way to break a valid log, and the field and key it must be reported under.
type Case = (
    &'static str,
    Box<dyn Fn(&mut LogInput)>,
    &'static str,
    &'static str,
);

#[test]
fn each_broken_log_rule_names_its_field_and_key_and_writes_nothing() -> CoreResult<()> {
    let (mut w, s) = held()?;
    let cases: Vec<Case> = vec![
        (
            "no topic",
            Box::new(|l| l.topics.clear()),
            "topics",
            "required",
        ),
        (
            "unknown topic",
            Box::new(|l| l.topics[0].topic_id = "myspace.friends".into()),
            "topics[0].topic_id",
            "topic_unknown",
        ),
        (
            "duplicate topic",
            Box::new(|l| l.topics.push(topic("linkedin.post", TopicDepth::Shown))),
            "topics[1].topic_id",
            "duplicate",
        ),
        (
            "task too long",
            Box::new(|l| l.task_set = "t".repeat(501)),
            "task_set",
            "too_long",
        ),
        (
            "summary too long",
            Box::new(|l| l.summary = "s".repeat(2001)),
            "summary",
            "too_long",
        ),
        (
            "notes too long",
            Box::new(|l| l.private_notes = "n".repeat(4001)),
            "private_notes",
            "too_long",
        ),
        (
            "mentee rating 0",
            Box::new(|l| l.mentee_rating = Some(0)),
            "mentee_rating",
            "rating_invalid",
        ),
        (
            "mentor rating 6",
            Box::new(|l| l.mentor_rating = Some(6)),
            "mentor_rating",
            "rating_invalid",
        ),
        (
            "level 5",
            Box::new(|l| l.self_assessment[0].level = 5),
            "self_assessment[0].level",
            "level_invalid",
        ),
        (
            "self-assessment twice",
            Box::new(|l| {
                l.self_assessment.push(SelfAssessmentInput {
                    topic_id: "linkedin.post".into(),
                    level: 2,
                })
            }),
            "self_assessment[1].topic_id",
            "duplicate",
        ),
        (
            "self-assessment of an unknown topic",
            Box::new(|l| l.self_assessment[0].topic_id = "nope".into()),
            "self_assessment[0].topic_id",
            "topic_unknown",
        ),
        (
            "outcome without a previous task",
            Box::new(|l| l.previous_task_outcome = Some(TaskOutcome::Done)),
            "previous_task_outcome",
            "no_previous_task",
        ),
    ];
    let before = snapshot(&w.store)?;
    for (name, break_it, field, key) in cases {
        let mut input = good_log();
        break_it(&mut input);
        assert_eq!(
            field_keys(save_log(&mut w.store, s.id, input, after(&s))),
            vec![(field.to_owned(), key.to_owned())],
            "{name}"
        );
        assert_eq!(snapshot(&w.store)?, before, "{name}");
    }
    // The limits themselves are allowed.
    let mut input = good_log();
    input.task_set = "t".repeat(500);
    input.summary = "s".repeat(2000);
    input.private_notes = "n".repeat(4000);
    input.mentee_rating = Some(1);
    input.self_assessment[0].level = 4;
    save_log(&mut w.store, s.id, input, after(&s))?;
    Ok(())
}

#[test]
fn a_bad_depth_or_outcome_from_the_form_is_a_field_error() {
    assert_eq!(
        TopicDepth::parse_field("topics[0].depth", "done_alone"),
        Ok(TopicDepth::DoneAlone)
    );
    let error: FieldError = TopicDepth::parse_field("topics[0].depth", "mastered").unwrap_err();
    assert_eq!(
        (error.field.as_str(), error.key.as_str()),
        ("topics[0].depth", "depth_invalid")
    );
    let error = TaskOutcome::parse_field("previous_task_outcome", "maybe").unwrap_err();
    assert_eq!(error.key, "outcome_invalid");
    assert_eq!(
        TaskOutcome::parse_field("previous_task_outcome", "not_done"),
        Ok(TaskOutcome::NotDone)
    );
}

#[test]
fn a_retired_topic_cannot_be_logged() -> CoreResult<()> {
    let (mut w, s) = held()?;
    tandem_core::catalog::save_topic(
        &mut w.store,
        tandem_core::catalog::TopicInput {
            id: Some("linkedin.post".into()),
            platform_id: "linkedin".into(),
            name_en: "Write and publish a post".into(),
            name_fr: "Rédiger et publier un post".into(),
            active: false,
        },
    )?;
    assert_eq!(
        field_keys(save_log(&mut w.store, s.id, good_log(), after(&s))),
        vec![
            ("topics[0].topic_id".to_owned(), "topic_inactive".to_owned()),
            (
                "self_assessment[0].topic_id".to_owned(),
                "topic_inactive".to_owned()
            )
        ]
    );
    Ok(())
}

#[test]
fn only_a_held_session_can_be_logged() -> CoreResult<()> {
    let mut w = world()?;
    w.acknowledge_all()?;
    let s = w.book(w.lea_marc, at(PARIS, 2026, 1, 13, 10, 0), 60)?;
    let before = snapshot(&w.store)?;
    let message = conflict(save_log(&mut w.store, s.id, good_log(), after(&s)));
    assert!(message.contains("mark the session held"), "{message}");
    assert_eq!(snapshot(&w.store)?, before);
    Ok(())
}

fn set_charter(w: &mut World, charter: &str) -> CoreResult<()> {
    let mut input = ProgramInput::new("Pilote", date(2026, 1, 5), date(2026, 12, 18));
    input.charter = charter.into();
    update_program(&mut w.store, w.program, input)?;
    Ok(())
}

#[test]
fn a_session_cannot_be_logged_before_the_charter_is_acknowledged() -> CoreResult<()> {
    let mut w = world()?;
    // The program had no charter when the session was held; HR adds one before it is logged.
    set_charter(&mut w, "")?;
    let s = w.book(w.lea_marc, at(PARIS, 2026, 1, 13, 10, 0), 60)?;
    mark_held(&mut w.store, s.id, after(&s))?;
    set_charter(&mut w, CHARTER)?;
    acknowledge_charter(&mut w.store, w.program, w.lea, after(&s))?;
    let before = snapshot(&w.store)?;
    let result = save_log(&mut w.store, s.id, good_log(), after(&s));
    assert_eq!(
        result.as_ref().map_err(ToString::to_string).err().as_deref(),
        Some("Marc Dubois has not acknowledged the program's charter yet: they must before a session is logged")
    );
    assert_eq!(
        field_keys(result),
        vec![("charter".to_owned(), "charter_not_acknowledged".to_owned())]
    );
    assert_eq!(snapshot(&w.store)?, before);
    acknowledge_charter(&mut w.store, w.program, w.marc, after(&s))?;
    save_log(&mut w.store, s.id, good_log(), after(&s))?;
    Ok(())
}

#[test]
fn the_previous_task_outcome_refers_to_the_task_of_the_last_logged_session() -> CoreResult<()> {
    let (mut w, first) = held()?;
    save_log(&mut w.store, first.id, good_log(), after(&first))?;
    let second = create_session(
        &mut w.store,
        w.lea_marc,
        SessionTime::new(at(PARIS, 2026, 2, 10, 10, 0), 60),
        "",
        after(&first),
    )?;
    let second = mark_held(&mut w.store, second.id, at(PARIS, 2026, 2, 10, 11, 0))?;
    let mut input = good_log();
    input.previous_task_outcome = Some(TaskOutcome::Partly);
    input.task_set = String::new();
    let log = save_log(&mut w.store, second.id, input, after(&second))?;
    assert_eq!(log.previous_task_outcome, Some(TaskOutcome::Partly));
    assert_eq!(
        log.previous_task.as_deref(),
        Some(good_log().task_set.as_str())
    );
    // The second session set no task: a third one has no outcome to report.
    let third = create_session(
        &mut w.store,
        w.lea_marc,
        SessionTime::new(at(PARIS, 2026, 3, 10, 10, 0), 60),
        "",
        after(&second),
    )?;
    let third = mark_held(&mut w.store, third.id, at(PARIS, 2026, 3, 10, 11, 0))?;
    let mut input = good_log();
    input.previous_task_outcome = Some(TaskOutcome::Done);
    assert_eq!(
        field_keys(save_log(&mut w.store, third.id, input, after(&third))),
        vec![(
            "previous_task_outcome".to_owned(),
            "no_previous_task".to_owned()
        )]
    );
    Ok(())
}

#[test]
fn saving_again_replaces_the_log_and_a_changed_level_loses_its_confirmation() -> CoreResult<()> {
    let (mut w, s) = held()?;
    let mut input = good_log();
    input.self_assessment.push(SelfAssessmentInput {
        topic_id: "linkedin.profile".into(),
        level: 2,
    });
    save_log(&mut w.store, s.id, input.clone(), after(&s))?;
    let confirmed_at = after(&s) + Duration::hours(1);
    let log = confirm_self_assessment(&mut w.store, s.id, confirmed_at)?;
    assert!(log
        .self_assessments
        .iter()
        .all(|a| a.confirmed_at == Some(confirmed_at)));
    // Marc raises his LinkedIn post level; the profile level is unchanged.
    input.self_assessment[0].level = 2;
    input.summary = "Rewritten summary".into();
    input.topics = vec![topic("tiktok.video", TopicDepth::Shown)];
    let later = confirmed_at + Duration::hours(1);
    let log = save_log(&mut w.store, s.id, input, later)?;
    assert_eq!(log.summary, "Rewritten summary");
    assert_eq!(log.topics.len(), 1);
    assert_eq!(log.topics[0].topic.id, "tiktok.video");
    assert_eq!(log.created_at, after(&s));
    assert_eq!(log.updated_at, later);
    let by_topic: Vec<_> = log
        .self_assessments
        .iter()
        .map(|a| (a.topic.id.as_str(), a.level, a.confirmed_at))
        .collect();
    assert_eq!(
        by_topic,
        vec![
            ("linkedin.profile", 2, Some(confirmed_at)),
            ("linkedin.post", 2, None)
        ]
    );
    // Confirming again keeps the first date of the one already confirmed.
    let log = confirm_self_assessment(&mut w.store, s.id, later)?;
    let dates: Vec<_> = log
        .self_assessments
        .iter()
        .map(|a| a.confirmed_at)
        .collect();
    assert_eq!(dates, vec![Some(confirmed_at), Some(later)]);
    Ok(())
}

#[test]
fn there_is_nothing_to_confirm_without_a_self_assessment() -> CoreResult<()> {
    let (mut w, s) = held()?;
    let mut input = good_log();
    input.self_assessment.clear();
    save_log(&mut w.store, s.id, input, after(&s))?;
    assert_eq!(
        field_keys(confirm_self_assessment(&mut w.store, s.id, after(&s))),
        vec![(
            "self_assessment".to_owned(),
            "nothing_to_confirm".to_owned()
        )]
    );
    Ok(())
}

// ---------------------------------------------------------------- charter

#[test]
fn acknowledging_the_charter_is_for_participants_and_keeps_the_first_date() -> CoreResult<()> {
    let mut w = world()?;
    let first = start_of_programs();
    let entry = acknowledge_charter(&mut w.store, w.program, w.marc, first)?;
    assert_eq!(entry.acknowledged_at, Some(first));
    let again = acknowledge_charter(&mut w.store, w.program, w.marc, first + Duration::days(3))?;
    assert_eq!(again.acknowledged_at, Some(first));
    // Paul is only in the second program.
    let before = snapshot(&w.store)?;
    assert_eq!(
        field_keys(acknowledge_charter(&mut w.store, w.program, w.paul, first)),
        vec![("employee_id".to_owned(), "not_participant".to_owned())]
    );
    assert_eq!(snapshot(&w.store)?, before);
    let status = charter_status(&w.store, w.program)?;
    assert_eq!(status.charter, CHARTER);
    assert_eq!((status.acknowledged, status.pending), (1, 3));
    let marc = status
        .entries
        .iter()
        .find(|e| e.person.id == w.marc)
        .unwrap();
    assert_eq!(marc.acknowledged_at, Some(first));
    assert!(status
        .entries
        .iter()
        .filter(|e| e.person.id != w.marc)
        .all(|e| e.acknowledged_at.is_none()));
    Ok(())
}

// ---------------------------------------------------------------- pair page

#[test]
fn the_pair_page_suggests_the_uncovered_goals_with_the_largest_gap_first() -> CoreResult<()> {
    let (mut w, s) = held()?;
    let now = after(&s);
    // Marc's goals: LinkedIn post 0→3, LinkedIn profile 1→2, TikTok video 0→2, Instagram reels
    // 2→2 (reached). Nothing logged yet: every open goal, largest gap first.
    let page = pair_page(&w.store, w.lea_marc, now)?;
    let next: Vec<_> = page
        .cover_next
        .iter()
        .map(|g| g.topic.id.as_str())
        .collect();
    assert_eq!(
        next,
        vec!["linkedin.post", "tiktok.video", "linkedin.profile"]
    );
    assert_eq!(page.goals.len(), 4);
    // The session covered LinkedIn posts, and Marc now rates his profile at 2, confirmed.
    let mut input = good_log();
    input.self_assessment.push(SelfAssessmentInput {
        topic_id: "linkedin.profile".into(),
        level: 2,
    });
    save_log(&mut w.store, s.id, input, now)?;
    let page = pair_page(&w.store, w.lea_marc, now)?;
    let next: Vec<_> = page
        .cover_next
        .iter()
        .map(|g| g.topic.id.as_str())
        .collect();
    assert_eq!(next, vec!["tiktok.video", "linkedin.profile"]);
    confirm_self_assessment(&mut w.store, s.id, now)?;
    let page = pair_page(&w.store, w.lea_marc, now)?;
    let next: Vec<_> = page
        .cover_next
        .iter()
        .map(|g| g.topic.id.as_str())
        .collect();
    assert_eq!(next, vec!["tiktok.video"]);
    let post = page
        .goals
        .iter()
        .find(|g| g.topic.id == "linkedin.post")
        .unwrap();
    assert_eq!(
        (post.level, post.target, post.confirmed_level, post.gap),
        (0, 3, Some(1), 2)
    );
    assert_eq!(post.sessions_covering, 1);
    assert_eq!(post.deepest, Some(TopicDepth::Practised));
    Ok(())
}

#[test]
fn the_pair_page_shows_people_charter_timeline_next_session_and_open_task() -> CoreResult<()> {
    let (mut w, s) = held()?;
    save_log(&mut w.store, s.id, good_log(), after(&s))?;
    let next = create_session(
        &mut w.store,
        w.lea_marc,
        SessionTime::new(at(PARIS, 2026, 2, 10, 10, 0), 60),
        "Room 2",
        after(&s),
    )?;
    let page = pair_page(&w.store, w.lea_marc, after(&s))?;
    assert_eq!(page.pair.mentor.person.full_name(), "Léa Martin");
    assert_eq!(page.pair.mentee.timezone, "Europe/Paris");
    assert_eq!(page.pair.program.name, "Pilote");
    assert!(page.charter_complete);
    assert_eq!(page.charter.len(), 2);
    assert_eq!(page.timeline.len(), 2);
    assert_eq!(page.timeline[0].session.id, s.id);
    assert!(page.timeline[0].log.is_some());
    assert!(page.timeline[1].log.is_none());
    assert_eq!(page.next_session.as_ref().map(|n| n.id), Some(next.id));
    assert_eq!(
        page.open_task.as_ref().map(|t| t.task.as_str()),
        Some(good_log().task_set.as_str())
    );
    assert_eq!((page.counts.held, page.counts.upcoming), (1, 1));
    assert_eq!(page.counts.minutes_held, 60);
    assert!(page.risks.is_empty());
    Ok(())
}

#[test]
fn a_pair_with_two_cancellations_in_a_row_is_listed_at_risk() -> CoreResult<()> {
    let mut w = world()?;
    let now = start_of_programs();
    for day in [13, 20] {
        let s = w.book(w.sam_nina, at(TORONTO, 2026, 1, day, 8, 0), 60)?;
        tandem_core::session::cancel_session(
            &mut w.store,
            s.id,
            tandem_core::session::CancelledBy::Mentee,
            "Board meeting",
            now,
        )?;
    }
    let list = list_pairs_with_sessions(&w.store, w.program, now)?;
    assert_eq!(list.len(), 2);
    let sam_nina = list.iter().find(|p| p.pair_id == w.sam_nina).unwrap();
    assert_eq!(
        sam_nina.risks,
        vec![RiskReason::ConsecutiveCancellations { count: 2 }]
    );
    assert_eq!(sam_nina.counts.cancelled, 2);
    let lea_marc = list.iter().find(|p| p.pair_id == w.lea_marc).unwrap();
    assert!(lea_marc.risks.is_empty());
    // Held on 13 January and nothing since: past 42 days (cadence 4 weeks + 50 %) Léa and Marc
    // are at risk too, but not on the 42nd day itself.
    w.acknowledge_all()?;
    let held = w.book(w.lea_marc, at(PARIS, 2026, 1, 13, 10, 0), 60)?;
    mark_held(&mut w.store, held.id, after(&held))?;
    let risks_of_lea_marc = |at| -> CoreResult<Vec<RiskReason>> {
        Ok(list_pairs_with_sessions(&w.store, w.program, at)?
            .into_iter()
            .find(|p| p.pair_id == w.lea_marc)
            .unwrap()
            .risks)
    };
    assert!(risks_of_lea_marc(held.starts_at + Duration::days(42))?.is_empty());
    assert_eq!(
        risks_of_lea_marc(held.starts_at + Duration::days(43))?,
        vec![RiskReason::NoSessionHeldFor {
            days: 43,
            limit_days: 42
        }]
    );
    Ok(())
}

// ---------------------------------------------------------------- my week and reminders

#[test]
fn my_week_lists_every_pairs_sessions_in_order_with_people_and_program() -> CoreResult<()> {
    let mut w = world()?;
    let a = w.book(w.lea_paul, at(PARIS, 2026, 1, 15, 14, 0), 60)?;
    let b = w.book(w.lea_marc, at(PARIS, 2026, 1, 13, 10, 0), 60)?;
    let c = w.book(w.sam_nina, at(TORONTO, 2026, 1, 13, 8, 0), 60)?;
    let week = (utc(2026, 1, 12, 0, 0), utc(2026, 1, 19, 0, 0));
    let all = upcoming_sessions(&w.store, week.0, week.1, None)?;
    let ids: Vec<_> = all.iter().map(|e| e.session.id).collect();
    assert_eq!(ids, vec![b.id, c.id, a.id]);
    assert_eq!(all[2].program_name, "Second");
    assert_eq!(all[0].mentee.full_name(), "Marc Dubois");
    let leas = upcoming_sessions(&w.store, week.0, week.1, Some(w.lea))?;
    let ids: Vec<_> = leas.iter().map(|e| e.session.id).collect();
    assert_eq!(ids, vec![b.id, a.id]);
    let next_week = upcoming_sessions(&w.store, week.1, week.1 + Duration::days(7), None)?;
    assert!(next_week.is_empty());
    Ok(())
}

#[test]
fn reminders_come_once_at_the_chosen_lead_time_and_not_for_cancelled_sessions() -> CoreResult<()> {
    let mut w = world()?;
    let now = start_of_programs();
    let s = w.book(w.lea_marc, at(PARIS, 2026, 1, 13, 10, 0), 60)?;
    let cancelled = w.book(w.lea_marc, at(PARIS, 2026, 1, 13, 11, 0), 60)?;
    tandem_core::session::cancel_session(
        &mut w.store,
        cancelled.id,
        tandem_core::session::CancelledBy::Hr,
        "Duplicate",
        now,
    )?;
    // Default lead time: 15 minutes. Polls every minute from 09:40 to 10:00.
    let mut announced = Vec::new();
    let mut since = at(PARIS, 2026, 1, 13, 9, 40);
    while since < at(PARIS, 2026, 1, 13, 10, 0) {
        let poll = since + Duration::minutes(1);
        for e in reminders_due(&w.store, since, poll)? {
            announced.push((poll, e.session.id));
        }
        since = poll;
    }
    assert_eq!(announced, vec![(at(PARIS, 2026, 1, 13, 9, 45), s.id)]);
    let window =
        sessions_starting_between(&w.store, utc(2026, 1, 13, 0, 0), utc(2026, 1, 14, 0, 0))?;
    assert_eq!(window.len(), 1);
    assert_eq!(window[0].session.status, SessionStatus::Planned);
    // 0 turns reminders off.
    set_reminder_minutes(&mut w.store, 0)?;
    assert!(reminders_due(
        &w.store,
        at(PARIS, 2026, 1, 13, 9, 0),
        at(PARIS, 2026, 1, 13, 10, 0)
    )?
    .is_empty());
    Ok(())
}
