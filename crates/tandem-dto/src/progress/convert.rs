//! Conversions between `tandem_core::progress` and the progress DTOs, and the parsing of what the
//! UI sends (a manager scope, audience changes).

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use tandem_core::progress::{self as core, AudienceChange, ManagerScope, MAX_FOLLOWERS};
use tandem_core::{CoreError, CoreResult, FieldError};

use super::*;
use crate::parse_employee_id;

fn instant(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn instant_opt(at: Option<DateTime<Utc>>) -> Option<String> {
    at.map(instant)
}

fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn list<T, U: From<T>>(items: Vec<T>) -> Vec<U> {
    items.into_iter().map(Into::into).collect()
}

/// The scope the UI picked; a malformed manager id is `id_invalid` on `manager_id`.
pub fn parse_manager_scope(scope: ManagerScopeDto) -> CoreResult<ManagerScope> {
    Ok(match scope {
        ManagerScopeDto::Manager(id) => {
            ManagerScope::Manager(parse_employee_id("manager_id", &id)?)
        }
        ManagerScopeDto::Department(name) => ManagerScope::Department(name),
    })
}

/// The audience form's changes. A figure that is not a whole number is refused here, on its
/// platform's field (`audience.<platform>` / `followers_invalid`), together; the range and the
/// platforms are checked by the core.
pub fn audience_changes(changes: Vec<AudienceChangeDto>) -> CoreResult<Vec<AudienceChange>> {
    let mut errors = Vec::new();
    let mut out = Vec::with_capacity(changes.len());
    for c in changes {
        let followers = match c.followers {
            None => None,
            Some(f) if f.is_finite() && f.fract() == 0.0 => {
                // Anything past the core's limit stays past it after the cast, and is refused there.
                Some(f.clamp(-1.0, MAX_FOLLOWERS as f64 + 1.0) as i64)
            }
            Some(f) => {
                errors.push(FieldError::new(
                    &format!("audience.{}", c.platform_id),
                    "followers_invalid",
                    format!("followers are counted in whole numbers; {f} is not one"),
                ));
                continue;
            }
        };
        out.push(AudienceChange {
            platform_id: c.platform_id,
            followers,
        });
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(CoreError::Validation(errors))
    }
}

impl From<core::DepthCounts> for DepthCountsDto {
    fn from(d: core::DepthCounts) -> Self {
        Self {
            shown: d.shown,
            practised: d.practised,
            done_alone: d.done_alone,
        }
    }
}

impl From<core::RatingAverage> for RatingAverageDto {
    fn from(r: core::RatingAverage) -> Self {
        Self {
            average: r.average,
            count: r.count,
        }
    }
}

impl From<core::SessionCounts> for ProgressSessionCountsDto {
    fn from(s: core::SessionCounts) -> Self {
        Self {
            scheduled: s.scheduled,
            held: s.held,
            planned: s.planned,
            upcoming: s.upcoming,
            cancelled: s.cancelled,
            no_show: s.no_show,
        }
    }
}

impl From<core::ProgramRef> for ProgramRefDto {
    fn from(p: core::ProgramRef) -> Self {
        Self {
            id: p.id.to_string(),
            name: p.name,
            start_date: date(p.start_date),
            end_date: date(p.end_date),
        }
    }
}

impl From<core::ProgramPhase> for ProgramPhaseDto {
    fn from(p: core::ProgramPhase) -> Self {
        match p {
            core::ProgramPhase::NotStarted => Self::NotStarted,
            core::ProgramPhase::Running => Self::Running,
            core::ProgramPhase::Ended => Self::Ended,
        }
    }
}

impl From<core::SessionRef> for SessionRefDto {
    fn from(s: core::SessionRef) -> Self {
        Self {
            session_id: s.session_id.to_string(),
            pair_id: s.pair_id.to_string(),
            program_id: s.program_id.to_string(),
            starts_at: instant(s.starts_at),
            ends_at: instant(s.ends_at),
            status: s.status.into(),
            hours: s.hours,
            summary: s.summary,
            mentee_rating: s.mentee_rating,
            mentor_rating: s.mentor_rating,
        }
    }
}

impl From<core::PairState> for PairStateDto {
    fn from(s: core::PairState) -> Self {
        match s {
            core::PairState::NotStarted => Self::NotStarted,
            core::PairState::Active => Self::Active,
            core::PairState::Completed => Self::Completed,
        }
    }
}

impl From<core::PairCounts> for PairCountsDto {
    fn from(p: core::PairCounts) -> Self {
        Self {
            approved: p.approved,
            active: p.active,
            at_risk: p.at_risk,
            completed: p.completed,
            not_started: p.not_started,
        }
    }
}

impl From<core::PairProgress> for PairProgressDto {
    fn from(p: core::PairProgress) -> Self {
        Self {
            pair_id: p.pair_id.to_string(),
            mentee: p.mentee.into(),
            mentor: p.mentor.into(),
            state: p.state.into(),
            risks: list(p.risks),
            sessions: p.sessions.into(),
            hours_held: p.hours_held,
            last_held: instant_opt(p.last_held),
            next_planned: instant_opt(p.next_planned),
            topics_covered: p.topics_covered,
            mentee_rating: p.mentee_rating.into(),
            mentor_rating: p.mentor_rating.into(),
        }
    }
}

impl From<core::TopicTaught> for TopicTaughtDto {
    fn from(t: core::TopicTaught) -> Self {
        Self {
            topic_id: t.topic_id,
            name_en: t.name_en,
            name_fr: t.name_fr,
            sessions: t.sessions,
            depths: t.depths.into(),
        }
    }
}

impl From<core::PlatformTopics> for PlatformTopicsDto {
    fn from(p: core::PlatformTopics) -> Self {
        Self {
            platform_id: p.platform_id,
            platform_name: p.platform_name,
            topics_taught: p.topics_taught,
            depths: p.depths.into(),
            topics: list(p.topics),
        }
    }
}

impl From<core::CharterCounts> for CharterCountsDto {
    fn from(c: core::CharterCounts) -> Self {
        Self {
            acknowledged: c.acknowledged,
            participants: c.participants,
            mentees_acknowledged: c.mentees_acknowledged,
            mentees: c.mentees,
            mentors_acknowledged: c.mentors_acknowledged,
            mentors: c.mentors,
        }
    }
}

impl From<core::ProfileCount> for ProfileCountDto {
    fn from(p: core::ProfileCount) -> Self {
        Self {
            profile: p.profile.map(Into::into),
            at_start: p.at_start,
            now: p.now,
        }
    }
}

impl From<core::ProfileMove> for ProfileMoveDto {
    fn from(m: core::ProfileMove) -> Self {
        Self {
            from: m.from.map(Into::into),
            to: m.to.map(Into::into),
            count: m.count,
        }
    }
}

impl From<core::AdoptionSummary> for AdoptionSummaryDto {
    fn from(a: core::AdoptionSummary) -> Self {
        Self {
            profiles: list(a.profiles),
            moves: list(a.moves),
        }
    }
}

impl From<core::PlatformAudience> for PlatformAudienceDto {
    fn from(p: core::PlatformAudience) -> Self {
        Self {
            platform_id: p.platform_id,
            platform_name: p.platform_name,
            followers: p.followers as f64,
            known: p.known,
        }
    }
}

impl From<core::AudienceReach> for AudienceReachDto {
    fn from(a: core::AudienceReach) -> Self {
        Self {
            active_mentees: a.active_mentees,
            platforms: list(a.platforms),
            total_followers: a.total_followers as f64,
        }
    }
}

impl From<core::MonthSessions> for MonthSessionsDto {
    fn from(m: core::MonthSessions) -> Self {
        Self {
            year: m.year,
            month: m.month,
            held: m.held,
            scheduled: m.scheduled,
            cancelled: m.cancelled,
        }
    }
}

impl From<core::ProgramDashboard> for ProgramDashboardDto {
    fn from(d: core::ProgramDashboard) -> Self {
        Self {
            program: d.program.into(),
            cadence_weeks: d.cadence_weeks,
            session_minutes: d.session_minutes,
            phase: d.phase.into(),
            as_of: instant(d.as_of),
            pairs: d.pairs.into(),
            sessions: d.sessions.into(),
            hours_held: d.hours_held,
            topics: list(d.topics),
            mentee_rating: d.mentee_rating.into(),
            mentor_rating: d.mentor_rating.into(),
            charter: d.charter.into(),
            adoption: d.adoption.into(),
            audience: d.audience.into(),
            months: list(d.months),
            pair_rows: list(d.pair_rows),
        }
    }
}

impl From<core::MenteePair> for MenteePairDto {
    fn from(p: core::MenteePair) -> Self {
        Self {
            pair_id: p.pair_id.to_string(),
            program: p.program.into(),
            mentor: p.mentor.into(),
        }
    }
}

impl From<core::TopicLevelPoint> for TopicLevelPointDto {
    fn from(p: core::TopicLevelPoint) -> Self {
        Self {
            session_id: p.session_id.to_string(),
            at: instant(p.at),
            level: p.level,
        }
    }
}

impl From<core::TopicProgress> for TopicProgressDto {
    fn from(t: core::TopicProgress) -> Self {
        Self {
            topic_id: t.topic_id,
            platform_id: t.platform_id,
            name_en: t.name_en,
            name_fr: t.name_fr,
            start: t.start,
            now: t.now,
            now_session_id: t.now_session_id.map(|s| s.to_string()),
            target: t.target,
            goal: t.goal,
            history: list(t.history),
        }
    }
}

impl From<core::LevelPoint> for LevelPointDto {
    fn from(p: core::LevelPoint) -> Self {
        Self {
            session_id: p.session_id.to_string(),
            at: instant(p.at),
            level: p.level,
        }
    }
}

impl From<core::PlatformProgress> for PlatformProgressDto {
    fn from(p: core::PlatformProgress) -> Self {
        Self {
            platform_id: p.platform_id,
            platform_name: p.platform_name,
            topic_ids: p.topic_ids,
            start: p.start,
            now: p.now,
            target: p.target,
            points: list(p.points),
        }
    }
}

impl From<core::TaughtIn> for TaughtInDto {
    fn from(t: core::TaughtIn) -> Self {
        Self {
            session_id: t.session_id.to_string(),
            at: instant(t.at),
            depth: t.depth.into(),
        }
    }
}

impl From<core::TopicCovered> for TopicCoveredDto {
    fn from(t: core::TopicCovered) -> Self {
        Self {
            topic_id: t.topic_id,
            platform_id: t.platform_id,
            name_en: t.name_en,
            name_fr: t.name_fr,
            best_depth: t.best_depth.into(),
            sessions: list(t.sessions),
        }
    }
}

impl From<core::PracticeTask> for PracticeTaskDto {
    fn from(t: core::PracticeTask) -> Self {
        Self {
            set_in: t.set_in.to_string(),
            set_at: instant(t.set_at),
            task: t.task,
            outcome: t.outcome.map(Into::into),
            outcome_session_id: t.outcome_session_id.map(|s| s.to_string()),
        }
    }
}

impl From<core::TaskCounts> for TaskCountsDto {
    fn from(t: core::TaskCounts) -> Self {
        Self {
            set: t.set,
            done: t.done,
            partly: t.partly,
            not_done: t.not_done,
            open: t.open,
        }
    }
}

impl From<core::MenteeProgress> for MenteeProgressDto {
    fn from(m: core::MenteeProgress) -> Self {
        Self {
            mentee: m.mentee.into(),
            program_id: m.program_id.map(|p| p.to_string()),
            as_of: instant(m.as_of),
            pairs: list(m.pairs),
            platforms: list(m.platforms),
            topics: list(m.topics),
            covered: list(m.covered),
            tasks: list(m.tasks),
            task_counts: m.task_counts.into(),
            sessions: m.sessions.into(),
            hours_held: m.hours_held,
            session_list: list(m.session_list),
        }
    }
}

impl From<ManagerScope> for ManagerScopeDto {
    fn from(s: ManagerScope) -> Self {
        match s {
            ManagerScope::Manager(id) => Self::Manager(id.to_string()),
            ManagerScope::Department(name) => Self::Department(name),
        }
    }
}

impl From<core::PlatformLevels> for PlatformLevelsDto {
    fn from(p: core::PlatformLevels) -> Self {
        Self {
            platform_id: p.platform_id,
            platform_name: p.platform_name,
            start: p.start,
            now: p.now,
            target: p.target,
        }
    }
}

impl From<core::SessionSummary> for SessionSummaryDto {
    fn from(s: core::SessionSummary) -> Self {
        Self {
            session_id: s.session_id.to_string(),
            pair_id: s.pair_id.to_string(),
            program_id: s.program_id.to_string(),
            at: instant(s.at),
            side: s.side.into(),
            with: s.with.into(),
            summary: s.summary,
        }
    }
}

impl From<core::ManagedPerson> for ManagedPersonDto {
    fn from(p: core::ManagedPerson) -> Self {
        Self {
            person: p.person.into(),
            sides: list(p.sides),
            programs: list(p.programs),
            platforms: list(p.platforms),
            sessions_held: p.sessions_held,
            hours_held: p.hours_held,
            last_session: instant_opt(p.last_session),
            next_session: instant_opt(p.next_session),
            summaries: list(p.summaries),
            summaries_total: p.summaries_total,
        }
    }
}

impl From<core::ManagerView> for ManagerViewDto {
    fn from(v: core::ManagerView) -> Self {
        Self {
            scope: v.scope.into(),
            scope_label: v.scope_label,
            as_of: instant(v.as_of),
            people_in_scope: v.people_in_scope,
            people_taking_part: v.people_taking_part,
            offset: v.offset,
            people: list(v.people),
        }
    }
}

impl From<core::MenteeTaught> for MenteeTaughtDto {
    fn from(m: core::MenteeTaught) -> Self {
        Self {
            mentee: m.mentee.into(),
            program_id: m.program_id.to_string(),
            pair_id: m.pair_id.to_string(),
            sessions_held: m.sessions_held,
            hours_held: m.hours_held,
        }
    }
}

impl From<core::PlatformTaught> for PlatformTaughtDto {
    fn from(p: core::PlatformTaught) -> Self {
        Self {
            platform_id: p.platform_id,
            platform_name: p.platform_name,
            sessions: p.sessions,
            hours: p.hours,
        }
    }
}

impl From<core::TopicTaughtBy> for TopicTaughtByDto {
    fn from(t: core::TopicTaughtBy) -> Self {
        Self {
            topic_id: t.topic_id,
            platform_id: t.platform_id,
            name_en: t.name_en,
            name_fr: t.name_fr,
            sessions: t.sessions,
            hours: t.hours,
            depths: t.depths.into(),
        }
    }
}

impl From<core::MentorProgram> for MentorProgramDto {
    fn from(p: core::MentorProgram) -> Self {
        Self {
            program: p.program.into(),
            mentees: p.mentees,
            sessions_held: p.sessions_held,
            hours_held: p.hours_held,
        }
    }
}

impl From<core::MentorRecognition> for MentorRecognitionDto {
    fn from(r: core::MentorRecognition) -> Self {
        Self {
            mentor: r.mentor.into(),
            as_of: instant(r.as_of),
            sessions_held: r.sessions_held,
            hours_held: r.hours_held,
            first_session: instant_opt(r.first_session),
            last_session: instant_opt(r.last_session),
            rating: r.rating.into(),
            mentees: list(r.mentees),
            platforms: list(r.platforms),
            topics: list(r.topics),
            programs: list(r.programs),
            session_ids: r.session_ids.iter().map(ToString::to_string).collect(),
        }
    }
}

impl From<core::AudienceFigure> for AudienceFigureDto {
    fn from(a: core::AudienceFigure) -> Self {
        Self {
            platform_id: a.platform_id,
            platform_name: a.platform_name,
            platform_active: a.platform_active,
            followers: a.followers,
            updated_at: a.updated_at,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::validation_keys as keys;

    fn change(platform: &str, followers: Option<f64>) -> AudienceChangeDto {
        AudienceChangeDto {
            platform_id: platform.into(),
            followers,
        }
    }

    #[test]
    fn whole_follower_figures_pass_and_null_forgets_a_figure() -> CoreResult<()> {
        let changes = audience_changes(vec![
            change("linkedin", Some(1200.0)),
            change("tiktok", None),
        ])?;
        assert_eq!(changes[0].followers, Some(1200));
        assert_eq!(changes[1].followers, None);
        Ok(())
    }

    #[test]
    fn fractional_follower_figures_are_refused_on_their_platform() {
        assert_eq!(
            keys(audience_changes(vec![
                change("linkedin", Some(12.5)),
                change("x", Some(f64::NAN)),
                change("tiktok", Some(3.0)),
            ])),
            vec![
                (
                    "audience.linkedin".to_owned(),
                    "followers_invalid".to_owned()
                ),
                ("audience.x".to_owned(), "followers_invalid".to_owned()),
            ]
        );
    }

    #[test]
    fn huge_or_negative_figures_stay_out_of_range_for_the_core_to_refuse() -> CoreResult<()> {
        let changes = audience_changes(vec![change("x", Some(1e15)), change("y", Some(-5.0))])?;
        assert!(changes[0].followers.unwrap_or(0) > MAX_FOLLOWERS);
        assert!(changes[1].followers.unwrap_or(0) < 0);
        Ok(())
    }

    #[test]
    fn a_malformed_manager_id_is_refused_on_its_field() {
        assert_eq!(
            keys(parse_manager_scope(ManagerScopeDto::Manager("me".into()))),
            vec![("manager_id".to_owned(), "id_invalid".to_owned())]
        );
        assert!(matches!(
            parse_manager_scope(ManagerScopeDto::Department("Finance".into())),
            Ok(ManagerScope::Department(name)) if name == "Finance"
        ));
    }
}
