//! Sessions: the pair page, a program's active pairs, proposed slots and series, the session
//! actions, the learning log, the charter and "my week".
//!
//! Instants travel as RFC 3339 strings in UTC (`2026-01-13T09:00:00Z`) next to the IANA zone they
//! belong to; the UI formats them in that zone. A person's wall-clock time (a slot seen by the
//! mentor or the mentee) is a zone-less `YYYY-MM-DDTHH:MM`. Ids travel as strings and are parsed
//! by [`parse_session_id`] and [`parse_pair_id`] (`id_invalid` on the field that carries them),
//! instants by [`parse_instant`] (`datetime_invalid`).
//!
//! To show something new: add the field to the DTO here and to its conversion in `convert`, then
//! run `cargo test -p tandem-dto` to regenerate the bindings.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::programs::{PairStatusDto, ProgramPersonDto, SideDto, TopicNameDto};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SessionStatusDto {
    Planned,
    Held,
    Cancelled,
    NoShow,
}

/// Who called a session off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CancelledByDto {
    Mentor,
    Mentee,
    Hr,
}

/// How deep a topic went: shown by the mentor, practised together, done alone by the mentee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TopicDepthDto {
    Shown,
    Practised,
    DoneAlone,
}

/// How the previous session's practice task went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TaskOutcomeDto {
    Done,
    Partly,
    NotDone,
}

/// A stored session.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SessionDto {
    pub id: String,
    pub pair_id: String,
    pub program_id: String,
    pub mentor_id: String,
    pub mentee_id: String,
    /// RFC 3339, UTC.
    pub starts_at: String,
    pub ends_at: String,
    /// The IANA zone it was planned in (the mentor's).
    pub timezone: String,
    pub minutes: u32,
    /// A room or a video link; may be empty.
    pub location: String,
    pub status: SessionStatusDto,
    pub cancelled_by: Option<CancelledByDto>,
    pub cancel_reason: String,
    /// Shared by the sessions one "plan the series" created.
    pub series_id: Option<String>,
    /// The calendar SEQUENCE: raised by every change attendees must see.
    pub sequence: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct LoggedTopicDto {
    pub topic: TopicNameDto,
    pub depth: TopicDepthDto,
}

/// The mentee's level (0–4) on a topic after a session, and when the mentor confirmed it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SelfAssessmentDto {
    pub topic: TopicNameDto,
    pub level: u8,
    pub confirmed_at: Option<String>,
}

/// A stored learning log. `private_notes` are for the pair's own screens only.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SessionLogDto {
    pub session_id: String,
    pub topics: Vec<LoggedTopicDto>,
    pub task_set: String,
    pub previous_task_outcome: Option<TaskOutcomeDto>,
    /// The task the outcome refers to.
    pub previous_task: Option<String>,
    pub summary: String,
    pub private_notes: String,
    pub mentee_rating: Option<u8>,
    pub mentor_rating: Option<u8>,
    pub self_assessments: Vec<SelfAssessmentDto>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LogTopicInputDto {
    pub topic_id: String,
    pub depth: TopicDepthDto,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SelfAssessmentInputDto {
    pub topic_id: String,
    /// 0–4.
    pub level: u8,
}

/// The learning log form as submitted. Field error keys: see `tandem_core::session::validate_log`.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LogInputDto {
    pub topics: Vec<LogTopicInputDto>,
    pub task_set: String,
    /// Only when an earlier logged session set a task.
    pub previous_task_outcome: Option<TaskOutcomeDto>,
    pub summary: String,
    pub private_notes: String,
    /// 1–5.
    pub mentee_rating: Option<u8>,
    /// 1–5.
    pub mentor_rating: Option<u8>,
    pub self_assessment: Vec<SelfAssessmentInputDto>,
}

/// Why a pair is at risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum RiskReasonDto {
    /// The last `count` sessions no longer ahead were all cancelled.
    ConsecutiveCancellations { count: u32 },
    /// No session held for `days` days, more than the cadence plus 50 % (`limit_days`).
    NoSessionHeldFor { days: u32, limit_days: u32 },
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct CharterEntryDto {
    pub person: ProgramPersonDto,
    pub side: SideDto,
    pub acknowledged_at: Option<String>,
}

/// The program's charter and who acknowledged it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct CharterStatusDto {
    pub program_id: String,
    /// Empty when the program has no charter.
    pub charter: String,
    pub entries: Vec<CharterEntryDto>,
    pub acknowledged: u32,
    pub pending: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PairPersonDto {
    pub person: ProgramPersonDto,
    /// The IANA zone the person's times are shown in.
    pub timezone: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ProgramBriefDto {
    pub id: String,
    pub name: String,
    pub start_date: String,
    pub end_date: String,
    pub cadence_weeks: u8,
    pub session_minutes: u16,
    /// The good-use charter, for the pair to read before acknowledging it.
    pub charter: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PairInfoDto {
    pub id: String,
    pub program: ProgramBriefDto,
    pub mentor: PairPersonDto,
    pub mentee: PairPersonDto,
    pub status: PairStatusDto,
    pub approved_at: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TimelineEntryDto {
    pub session: SessionDto,
    pub log: Option<SessionLogDto>,
}

/// One of the mentee's goals and how far it got.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct GoalProgressDto {
    pub topic: TopicNameDto,
    /// The level in the directory.
    pub level: u8,
    pub target: u8,
    /// The latest level the mentor confirmed, and when that session started.
    pub confirmed_level: Option<u8>,
    pub confirmed_at: Option<String>,
    pub gap: u8,
    pub sessions_covering: u32,
    pub deepest: Option<TopicDepthDto>,
}

#[derive(Debug, Clone, Copy, Serialize, TS)]
#[ts(export)]
pub struct SessionCountsDto {
    pub held: u32,
    /// Planned and still ahead.
    pub upcoming: u32,
    /// Started, still planned: to mark held or no-show.
    pub to_mark: u32,
    pub cancelled: u32,
    pub no_show: u32,
    /// Held without a learning log.
    pub unlogged: u32,
    pub minutes_held: u32,
}

/// The practice task the mentee is working on.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct OpenTaskDto {
    pub task: String,
    pub set_at: String,
}

/// Everything the pair page shows.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PairPageDto {
    pub pair: PairInfoDto,
    /// Empty when the pair is healthy.
    pub risks: Vec<RiskReasonDto>,
    /// Mentor first, then mentee.
    pub charter: Vec<CharterEntryDto>,
    /// Sessions may be marked held and logged.
    pub charter_complete: bool,
    /// Every session in start order, with its log.
    pub timeline: Vec<TimelineEntryDto>,
    pub next_session: Option<SessionDto>,
    pub open_task: Option<OpenTaskDto>,
    pub goals: Vec<GoalProgressDto>,
    /// Open goals no log covered yet, largest gap first.
    pub cover_next: Vec<GoalProgressDto>,
    pub counts: SessionCountsDto,
}

/// A line of a program's list of approved pairs.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PairOverviewDto {
    pub pair_id: String,
    pub mentor: ProgramPersonDto,
    pub mentee: ProgramPersonDto,
    pub next_session: Option<SessionDto>,
    pub last_held: Option<String>,
    pub counts: SessionCountsDto,
    pub risks: Vec<RiskReasonDto>,
}

/// A time both people are free.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SlotDto {
    pub starts_at: String,
    pub ends_at: String,
    /// The start on each person's wall clock, `YYYY-MM-DDTHH:MM`.
    pub mentor_local: String,
    pub mentee_local: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SeriesOccurrenceDto {
    pub index: u32,
    /// The series' usual local time on this occurrence's date.
    pub wanted_start: String,
    /// `null` when nobody is free within a few days of it.
    pub slot: Option<SlotDto>,
    pub shifted: bool,
}

/// A series to review before planning it; nothing is written yet.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SeriesProposalDto {
    pub pair_id: String,
    pub cadence_weeks: u8,
    pub session_minutes: u16,
    pub timezone: String,
    pub occurrences: Vec<SeriesOccurrenceDto>,
    pub planned_count: u32,
    pub missing_count: u32,
}

/// A session with the names an agenda shows.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AgendaEntryDto {
    pub session: SessionDto,
    pub program_name: String,
    pub mentor: ProgramPersonDto,
    pub mentee: ProgramPersonDto,
}

mod convert;

pub use convert::{instant_text, parse_instant, parse_instants, parse_pair_id, parse_session_id};
