//! Conversions between `tandem_core::session` and the session DTOs, and the parsing of what the
//! UI sends: instants, session and pair ids.

use chrono::{DateTime, NaiveDateTime, SecondsFormat, Utc};
use tandem_core::session::{
    AgendaEntry, CancelledBy, CharterEntry, CharterStatus, GoalProgress, LogInput, LogTopicInput,
    LoggedTopic, OpenTask, PairId, PairInfo, PairOverview, PairPage, PairPerson, ProgramBrief,
    RiskReason, SelfAssessment, SelfAssessmentInput, SeriesOccurrence, SeriesProposal, Session,
    SessionCounts, SessionId, SessionLog, SessionStatus, Slot, TaskOutcome, TimelineEntry,
    TopicDepth,
};
use tandem_core::{CoreError, CoreResult};

use super::*;

/// An instant as the UI receives it: RFC 3339 in UTC, to the second.
pub fn instant_text(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn wall_clock_text(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%dT%H:%M").to_string()
}

/// An instant from the UI (RFC 3339 with any offset); `datetime_invalid` on `field` otherwise.
pub fn parse_instant(field: &str, raw: &str) -> CoreResult<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(raw.trim())
        .map(|at| at.with_timezone(&Utc))
        .map_err(|_| {
            CoreError::invalid(
                field,
                "datetime_invalid",
                format!("'{raw}' is not a date and time: use e.g. 2026-01-13T09:00:00Z"),
            )
        })
}

/// Instants from the UI, all or nothing; the error names the first bad one (`starts[2]`).
pub fn parse_instants(field: &str, raw: &[String]) -> CoreResult<Vec<DateTime<Utc>>> {
    raw.iter()
        .enumerate()
        .map(|(i, r)| parse_instant(&format!("{field}[{i}]"), r))
        .collect()
}

/// A session id from the UI; `id_invalid` on `session_id` if malformed.
pub fn parse_session_id(raw: &str) -> CoreResult<SessionId> {
    SessionId::parse(raw)
}

/// A pair id from the UI; `id_invalid` on `pair_id` if malformed.
pub fn parse_pair_id(raw: &str) -> CoreResult<PairId> {
    PairId::parse(raw)
}

fn opt_instant(at: Option<DateTime<Utc>>) -> Option<String> {
    at.map(instant_text)
}

fn small(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}

impl From<SessionStatus> for SessionStatusDto {
    fn from(s: SessionStatus) -> Self {
        match s {
            SessionStatus::Planned => Self::Planned,
            SessionStatus::Held => Self::Held,
            SessionStatus::Cancelled => Self::Cancelled,
            SessionStatus::NoShow => Self::NoShow,
        }
    }
}

impl From<CancelledBy> for CancelledByDto {
    fn from(c: CancelledBy) -> Self {
        match c {
            CancelledBy::Mentor => Self::Mentor,
            CancelledBy::Mentee => Self::Mentee,
            CancelledBy::Hr => Self::Hr,
        }
    }
}

impl From<CancelledByDto> for CancelledBy {
    fn from(c: CancelledByDto) -> Self {
        match c {
            CancelledByDto::Mentor => Self::Mentor,
            CancelledByDto::Mentee => Self::Mentee,
            CancelledByDto::Hr => Self::Hr,
        }
    }
}

impl From<TopicDepth> for TopicDepthDto {
    fn from(d: TopicDepth) -> Self {
        match d {
            TopicDepth::Shown => Self::Shown,
            TopicDepth::Practised => Self::Practised,
            TopicDepth::DoneAlone => Self::DoneAlone,
        }
    }
}

impl From<TopicDepthDto> for TopicDepth {
    fn from(d: TopicDepthDto) -> Self {
        match d {
            TopicDepthDto::Shown => Self::Shown,
            TopicDepthDto::Practised => Self::Practised,
            TopicDepthDto::DoneAlone => Self::DoneAlone,
        }
    }
}

impl From<TaskOutcome> for TaskOutcomeDto {
    fn from(o: TaskOutcome) -> Self {
        match o {
            TaskOutcome::Done => Self::Done,
            TaskOutcome::Partly => Self::Partly,
            TaskOutcome::NotDone => Self::NotDone,
        }
    }
}

impl From<TaskOutcomeDto> for TaskOutcome {
    fn from(o: TaskOutcomeDto) -> Self {
        match o {
            TaskOutcomeDto::Done => Self::Done,
            TaskOutcomeDto::Partly => Self::Partly,
            TaskOutcomeDto::NotDone => Self::NotDone,
        }
    }
}

impl From<Session> for SessionDto {
    fn from(s: Session) -> Self {
        SessionDto {
            minutes: small(s.minutes()),
            id: s.id.to_string(),
            pair_id: s.pair_id.to_string(),
            program_id: s.program_id.to_string(),
            mentor_id: s.mentor_id.to_string(),
            mentee_id: s.mentee_id.to_string(),
            starts_at: instant_text(s.starts_at),
            ends_at: instant_text(s.ends_at),
            timezone: s.timezone,
            location: s.location,
            status: s.status.into(),
            cancelled_by: s.cancelled_by.map(Into::into),
            cancel_reason: s.cancel_reason,
            series_id: s.series_id.map(|id| id.to_string()),
            sequence: s.sequence,
        }
    }
}

impl From<LoggedTopic> for LoggedTopicDto {
    fn from(t: LoggedTopic) -> Self {
        LoggedTopicDto {
            topic: t.topic.into(),
            depth: t.depth.into(),
        }
    }
}

impl From<SelfAssessment> for SelfAssessmentDto {
    fn from(a: SelfAssessment) -> Self {
        SelfAssessmentDto {
            topic: a.topic.into(),
            level: a.level,
            confirmed_at: opt_instant(a.confirmed_at),
        }
    }
}

impl From<SessionLog> for SessionLogDto {
    fn from(l: SessionLog) -> Self {
        SessionLogDto {
            session_id: l.session_id.to_string(),
            topics: l.topics.into_iter().map(Into::into).collect(),
            task_set: l.task_set,
            previous_task_outcome: l.previous_task_outcome.map(Into::into),
            previous_task: l.previous_task,
            summary: l.summary,
            private_notes: l.private_notes,
            mentee_rating: l.mentee_rating,
            mentor_rating: l.mentor_rating,
            self_assessments: l.self_assessments.into_iter().map(Into::into).collect(),
            created_at: instant_text(l.created_at),
            updated_at: instant_text(l.updated_at),
        }
    }
}

impl From<LogInputDto> for LogInput {
    fn from(i: LogInputDto) -> Self {
        LogInput {
            topics: i
                .topics
                .into_iter()
                .map(|t| LogTopicInput {
                    topic_id: t.topic_id,
                    depth: t.depth.into(),
                })
                .collect(),
            task_set: i.task_set,
            previous_task_outcome: i.previous_task_outcome.map(Into::into),
            summary: i.summary,
            private_notes: i.private_notes,
            mentee_rating: i.mentee_rating,
            mentor_rating: i.mentor_rating,
            self_assessment: i
                .self_assessment
                .into_iter()
                .map(|a| SelfAssessmentInput {
                    topic_id: a.topic_id,
                    level: a.level,
                })
                .collect(),
        }
    }
}

impl From<RiskReason> for RiskReasonDto {
    fn from(r: RiskReason) -> Self {
        match r {
            RiskReason::ConsecutiveCancellations { count } => {
                Self::ConsecutiveCancellations { count }
            }
            RiskReason::NoSessionHeldFor { days, limit_days } => Self::NoSessionHeldFor {
                days: small(days),
                limit_days: small(limit_days),
            },
        }
    }
}

impl From<CharterEntry> for CharterEntryDto {
    fn from(e: CharterEntry) -> Self {
        CharterEntryDto {
            person: e.person.into(),
            side: e.side.into(),
            acknowledged_at: opt_instant(e.acknowledged_at),
        }
    }
}

impl From<CharterStatus> for CharterStatusDto {
    fn from(c: CharterStatus) -> Self {
        CharterStatusDto {
            program_id: c.program_id.to_string(),
            charter: c.charter,
            entries: c.entries.into_iter().map(Into::into).collect(),
            acknowledged: c.acknowledged,
            pending: c.pending,
        }
    }
}

impl From<PairPerson> for PairPersonDto {
    fn from(p: PairPerson) -> Self {
        PairPersonDto {
            person: p.person.into(),
            timezone: p.timezone,
        }
    }
}

impl From<ProgramBrief> for ProgramBriefDto {
    fn from(p: ProgramBrief) -> Self {
        ProgramBriefDto {
            id: p.id.to_string(),
            name: p.name,
            start_date: p.start_date.format("%Y-%m-%d").to_string(),
            end_date: p.end_date.format("%Y-%m-%d").to_string(),
            cadence_weeks: p.cadence_weeks,
            session_minutes: p.session_minutes,
            charter: p.charter,
        }
    }
}

impl From<PairInfo> for PairInfoDto {
    fn from(p: PairInfo) -> Self {
        PairInfoDto {
            id: p.id.to_string(),
            program: p.program.into(),
            mentor: p.mentor.into(),
            mentee: p.mentee.into(),
            status: p.status.into(),
            approved_at: opt_instant(p.approved_at),
        }
    }
}

impl From<TimelineEntry> for TimelineEntryDto {
    fn from(e: TimelineEntry) -> Self {
        TimelineEntryDto {
            session: e.session.into(),
            log: e.log.map(Into::into),
        }
    }
}

impl From<GoalProgress> for GoalProgressDto {
    fn from(g: GoalProgress) -> Self {
        GoalProgressDto {
            topic: g.topic.into(),
            level: g.level,
            target: g.target,
            confirmed_level: g.confirmed_level,
            confirmed_at: opt_instant(g.confirmed_at),
            gap: g.gap,
            sessions_covering: g.sessions_covering,
            deepest: g.deepest.map(Into::into),
        }
    }
}

impl From<SessionCounts> for SessionCountsDto {
    fn from(c: SessionCounts) -> Self {
        SessionCountsDto {
            held: c.held,
            upcoming: c.upcoming,
            to_mark: c.to_mark,
            cancelled: c.cancelled,
            no_show: c.no_show,
            unlogged: c.unlogged,
            minutes_held: small(c.minutes_held),
        }
    }
}

impl From<OpenTask> for OpenTaskDto {
    fn from(t: OpenTask) -> Self {
        OpenTaskDto {
            task: t.task,
            set_at: instant_text(t.set_at),
        }
    }
}

impl From<PairPage> for PairPageDto {
    fn from(p: PairPage) -> Self {
        PairPageDto {
            pair: p.pair.into(),
            risks: p.risks.into_iter().map(Into::into).collect(),
            charter: p.charter.into_iter().map(Into::into).collect(),
            charter_complete: p.charter_complete,
            timeline: p.timeline.into_iter().map(Into::into).collect(),
            next_session: p.next_session.map(Into::into),
            open_task: p.open_task.map(Into::into),
            goals: p.goals.into_iter().map(Into::into).collect(),
            cover_next: p.cover_next.into_iter().map(Into::into).collect(),
            counts: p.counts.into(),
        }
    }
}

impl From<PairOverview> for PairOverviewDto {
    fn from(p: PairOverview) -> Self {
        PairOverviewDto {
            pair_id: p.pair_id.to_string(),
            mentor: p.mentor.into(),
            mentee: p.mentee.into(),
            next_session: p.next_session.map(Into::into),
            last_held: opt_instant(p.last_held),
            counts: p.counts.into(),
            risks: p.risks.into_iter().map(Into::into).collect(),
        }
    }
}

impl From<Slot> for SlotDto {
    fn from(s: Slot) -> Self {
        SlotDto {
            starts_at: instant_text(s.starts_at),
            ends_at: instant_text(s.ends_at),
            mentor_local: wall_clock_text(s.mentor_local),
            mentee_local: wall_clock_text(s.mentee_local),
        }
    }
}

impl From<SeriesOccurrence> for SeriesOccurrenceDto {
    fn from(o: SeriesOccurrence) -> Self {
        SeriesOccurrenceDto {
            index: o.index,
            wanted_start: instant_text(o.wanted_start),
            slot: o.slot.map(Into::into),
            shifted: o.shifted,
        }
    }
}

impl From<SeriesProposal> for SeriesProposalDto {
    fn from(p: SeriesProposal) -> Self {
        SeriesProposalDto {
            pair_id: p.pair_id.to_string(),
            cadence_weeks: p.cadence_weeks,
            session_minutes: p.session_minutes,
            timezone: p.timezone,
            occurrences: p.occurrences.into_iter().map(Into::into).collect(),
            planned_count: p.planned_count,
            missing_count: p.missing_count,
        }
    }
}

impl From<AgendaEntry> for AgendaEntryDto {
    fn from(e: AgendaEntry) -> Self {
        AgendaEntryDto {
            session: e.session.into(),
            program_name: e.program_name,
            mentor: e.mentor.into(),
            mentee: e.mentee.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::validation_keys as keys;
    use chrono::TimeZone;

    #[test]
    fn instants_cross_as_utc_rfc3339_and_come_back_from_any_offset() -> CoreResult<()> {
        let at = Utc.with_ymd_and_hms(2026, 3, 29, 7, 30, 0).unwrap();
        assert_eq!(instant_text(at), "2026-03-29T07:30:00Z");
        assert_eq!(parse_instant("starts_at", "2026-03-29T09:30:00+02:00")?, at);
        assert_eq!(parse_instant("starts_at", " 2026-03-29T07:30:00Z ")?, at);
        Ok(())
    }

    #[test]
    fn an_unreadable_instant_names_its_field_and_position() {
        assert_eq!(
            keys(parse_instant("from", "next tuesday")),
            vec![("from".to_owned(), "datetime_invalid".to_owned())]
        );
        let raw = vec!["2026-01-13T09:00:00Z".to_owned(), "13/01/2026".to_owned()];
        assert_eq!(
            keys(parse_instants("starts", &raw)),
            vec![("starts[1]".to_owned(), "datetime_invalid".to_owned())]
        );
    }

    #[test]
    fn malformed_session_and_pair_ids_are_refused_on_their_field() {
        assert_eq!(
            keys(parse_session_id("42")),
            vec![("session_id".to_owned(), "id_invalid".to_owned())]
        );
        assert_eq!(
            keys(parse_pair_id("")),
            vec![("pair_id".to_owned(), "id_invalid".to_owned())]
        );
    }

    #[test]
    fn a_risk_reason_keeps_its_figures_for_the_ui() {
        let dto = RiskReasonDto::from(RiskReason::NoSessionHeldFor {
            days: 50,
            limit_days: 42,
        });
        assert_eq!(
            dto,
            RiskReasonDto::NoSessionHeldFor {
                days: 50,
                limit_days: 42
            }
        );
        let cancelled = RiskReasonDto::from(RiskReason::ConsecutiveCancellations { count: 2 });
        assert_eq!(
            cancelled,
            RiskReasonDto::ConsecutiveCancellations { count: 2 }
        );
    }

    #[test]
    fn enums_convert_both_ways() {
        for c in [
            CancelledByDto::Mentor,
            CancelledByDto::Mentee,
            CancelledByDto::Hr,
        ] {
            assert_eq!(CancelledByDto::from(CancelledBy::from(c)), c);
        }
        for d in [
            TopicDepthDto::Shown,
            TopicDepthDto::Practised,
            TopicDepthDto::DoneAlone,
        ] {
            assert_eq!(TopicDepthDto::from(TopicDepth::from(d)), d);
        }
        for o in [
            TaskOutcomeDto::Done,
            TaskOutcomeDto::Partly,
            TaskOutcomeDto::NotDone,
        ] {
            assert_eq!(TaskOutcomeDto::from(TaskOutcome::from(o)), o);
        }
    }
}
