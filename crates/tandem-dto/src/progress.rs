//! Learning progress: the program dashboard, a mentee's progress, the manager view, a mentor's
//! recognition and the followers behind the audience estimate (`tandem_core::progress`).
//!
//! Instants travel as RFC 3339 UTC strings (the UI shows them in the viewer's zone), dates as
//! `YYYY-MM-DD`. Follower counts are `f64` (a sum can pass 32 bits, and 64-bit integers would be
//! `bigint`). Every figure that stands for sessions carries their ids, so the UI can click through
//! to the pair page. Nothing here can carry a private note: the core's types have none.
//!
//! To show a new figure: add it to the core's `progress::model`, mirror it here with its `From`,
//! and run `cargo test -p tandem-dto` to regenerate the bindings.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

// The session vocabulary (status, depth, outcome, risk) is the sessions screens' own.
use crate::{
    AdoptionProfileDto, ProgramPersonDto, RiskReasonDto, SessionStatusDto, SideDto, TaskOutcomeDto,
    TopicDepthDto,
};

// ---------------------------------------------------------------- shared

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DepthCountsDto {
    pub shown: u32,
    pub practised: u32,
    pub done_alone: u32,
}

/// A mean of 1–5 ratings (`null` without any) and how many it is made of.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RatingAverageDto {
    pub average: Option<f64>,
    pub count: u32,
}

/// Sessions by status, as progress counts them: `scheduled` is every session not cancelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ProgressSessionCountsDto {
    pub scheduled: u32,
    pub held: u32,
    pub planned: u32,
    pub upcoming: u32,
    pub cancelled: u32,
    pub no_show: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ProgramRefDto {
    pub id: String,
    pub name: String,
    pub start_date: String,
    pub end_date: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ProgramPhaseDto {
    NotStarted,
    Running,
    Ended,
}

/// One session as the progress screens list it (no private note).
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SessionRefDto {
    pub session_id: String,
    pub pair_id: String,
    pub program_id: String,
    pub starts_at: String,
    pub ends_at: String,
    pub status: SessionStatusDto,
    pub hours: f64,
    /// The summary a manager may read; empty without a log.
    pub summary: String,
    pub mentee_rating: Option<u8>,
    pub mentor_rating: Option<u8>,
}

// ---------------------------------------------------------------- program dashboard

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PairStateDto {
    NotStarted,
    Active,
    Completed,
}

/// `at_risk` overlaps `active` and `not_started`; the other three add up to `approved`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PairCountsDto {
    pub approved: u32,
    pub active: u32,
    pub at_risk: u32,
    pub completed: u32,
    pub not_started: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PairProgressDto {
    pub pair_id: String,
    pub mentee: ProgramPersonDto,
    pub mentor: ProgramPersonDto,
    pub state: PairStateDto,
    pub risks: Vec<RiskReasonDto>,
    pub sessions: ProgressSessionCountsDto,
    pub hours_held: f64,
    pub last_held: Option<String>,
    pub next_planned: Option<String>,
    pub topics_covered: u32,
    pub mentee_rating: RatingAverageDto,
    pub mentor_rating: RatingAverageDto,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TopicTaughtDto {
    pub topic_id: String,
    pub name_en: String,
    pub name_fr: String,
    pub sessions: u32,
    pub depths: DepthCountsDto,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PlatformTopicsDto {
    pub platform_id: String,
    pub platform_name: String,
    pub topics_taught: u32,
    pub depths: DepthCountsDto,
    pub topics: Vec<TopicTaughtDto>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CharterCountsDto {
    pub acknowledged: u32,
    pub participants: u32,
    pub mentees_acknowledged: u32,
    pub mentees: u32,
    pub mentors_acknowledged: u32,
    pub mentors: u32,
}

/// Mentees with one adoption profile at the start and now (`profile: null` = not recorded).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ProfileCountDto {
    pub profile: Option<AdoptionProfileDto>,
    pub at_start: u32,
    pub now: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ProfileMoveDto {
    pub from: Option<AdoptionProfileDto>,
    pub to: Option<AdoptionProfileDto>,
    pub count: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AdoptionSummaryDto {
    pub profiles: Vec<ProfileCountDto>,
    /// Changes only, most frequent first.
    pub moves: Vec<ProfileMoveDto>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PlatformAudienceDto {
    pub platform_id: String,
    pub platform_name: String,
    pub followers: f64,
    /// Active mentees with a figure on this platform.
    pub known: u32,
}

/// The followers of the active mentees per platform, summed (an upper estimate).
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AudienceReachDto {
    pub active_mentees: u32,
    pub platforms: Vec<PlatformAudienceDto>,
    pub total_followers: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct MonthSessionsDto {
    pub year: i32,
    /// 1–12.
    pub month: u32,
    pub held: u32,
    pub scheduled: u32,
    pub cancelled: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ProgramDashboardDto {
    pub program: ProgramRefDto,
    pub cadence_weeks: u8,
    pub session_minutes: u16,
    pub phase: ProgramPhaseDto,
    pub as_of: String,
    pub pairs: PairCountsDto,
    pub sessions: ProgressSessionCountsDto,
    pub hours_held: f64,
    pub topics: Vec<PlatformTopicsDto>,
    pub mentee_rating: RatingAverageDto,
    pub mentor_rating: RatingAverageDto,
    pub charter: CharterCountsDto,
    pub adoption: AdoptionSummaryDto,
    pub audience: AudienceReachDto,
    /// Contiguous months from the program's start to its end.
    pub months: Vec<MonthSessionsDto>,
    /// Approved pairs in mentee name order.
    pub pair_rows: Vec<PairProgressDto>,
}

// ---------------------------------------------------------------- mentee progress

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct MenteePairDto {
    pub pair_id: String,
    pub program: ProgramRefDto,
    pub mentor: ProgramPersonDto,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TopicLevelPointDto {
    pub session_id: String,
    pub at: String,
    pub level: u8,
}

/// A topic's declared start, latest confirmed level and target.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TopicProgressDto {
    pub topic_id: String,
    pub platform_id: String,
    pub name_en: String,
    pub name_fr: String,
    pub start: Option<u8>,
    pub now: Option<u8>,
    /// The session whose confirmed self-assessment gives `now`.
    pub now_session_id: Option<String>,
    pub target: Option<u8>,
    pub goal: bool,
    pub history: Vec<TopicLevelPointDto>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct LevelPointDto {
    pub session_id: String,
    pub at: String,
    pub level: f64,
}

/// A platform's level (mean over its tracked topics, 0–4) over time.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PlatformProgressDto {
    pub platform_id: String,
    pub platform_name: String,
    pub topic_ids: Vec<String>,
    pub start: f64,
    pub now: f64,
    pub target: Option<f64>,
    pub points: Vec<LevelPointDto>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TaughtInDto {
    pub session_id: String,
    pub at: String,
    pub depth: TopicDepthDto,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TopicCoveredDto {
    pub topic_id: String,
    pub platform_id: String,
    pub name_en: String,
    pub name_fr: String,
    pub best_depth: TopicDepthDto,
    pub sessions: Vec<TaughtInDto>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PracticeTaskDto {
    pub set_in: String,
    pub set_at: String,
    pub task: String,
    pub outcome: Option<TaskOutcomeDto>,
    pub outcome_session_id: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TaskCountsDto {
    pub set: u32,
    pub done: u32,
    pub partly: u32,
    pub not_done: u32,
    pub open: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct MenteeProgressDto {
    pub mentee: ProgramPersonDto,
    pub program_id: Option<String>,
    pub as_of: String,
    pub pairs: Vec<MenteePairDto>,
    pub platforms: Vec<PlatformProgressDto>,
    /// Goals first, then other topics, in catalog order.
    pub topics: Vec<TopicProgressDto>,
    pub covered: Vec<TopicCoveredDto>,
    pub tasks: Vec<PracticeTaskDto>,
    pub task_counts: TaskCountsDto,
    pub sessions: ProgressSessionCountsDto,
    pub hours_held: f64,
    /// Every session of the pairs, in time order.
    pub session_list: Vec<SessionRefDto>,
}

// ---------------------------------------------------------------- manager view

/// Whose people a manager view shows: `{ kind: "manager", value: <employee id> }` (everyone
/// under them, any depth) or `{ kind: "department", value: <name> }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
#[ts(export)]
pub enum ManagerScopeDto {
    Manager(String),
    Department(String),
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PlatformLevelsDto {
    pub platform_id: String,
    pub platform_name: String,
    pub start: f64,
    pub now: f64,
    pub target: Option<f64>,
}

/// A held session's summary, as a manager may read it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SessionSummaryDto {
    pub session_id: String,
    /// The pair the session belongs to, to open it on the pair page.
    pub pair_id: String,
    pub program_id: String,
    pub at: String,
    pub side: SideDto,
    pub with: ProgramPersonDto,
    pub summary: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ManagedPersonDto {
    pub person: ProgramPersonDto,
    pub sides: Vec<SideDto>,
    pub programs: Vec<ProgramRefDto>,
    pub platforms: Vec<PlatformLevelsDto>,
    pub sessions_held: u32,
    pub hours_held: f64,
    pub last_session: Option<String>,
    pub next_session: Option<String>,
    /// Latest first, at most a dozen.
    pub summaries: Vec<SessionSummaryDto>,
    pub summaries_total: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ManagerViewDto {
    pub scope: ManagerScopeDto,
    pub scope_label: String,
    pub as_of: String,
    /// Everyone in scope, taking part or not.
    pub people_in_scope: u32,
    /// People in scope with an approved pair.
    pub people_taking_part: u32,
    /// Where `people` starts among those taking part.
    pub offset: u32,
    /// One page of the people in scope with an approved pair, in name order.
    pub people: Vec<ManagedPersonDto>,
}

// ---------------------------------------------------------------- mentor recognition

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct MenteeTaughtDto {
    pub mentee: ProgramPersonDto,
    pub program_id: String,
    pub pair_id: String,
    pub sessions_held: u32,
    pub hours_held: f64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PlatformTaughtDto {
    pub platform_id: String,
    pub platform_name: String,
    pub sessions: u32,
    pub hours: f64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TopicTaughtByDto {
    pub topic_id: String,
    pub platform_id: String,
    pub name_en: String,
    pub name_fr: String,
    pub sessions: u32,
    pub hours: f64,
    pub depths: DepthCountsDto,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct MentorProgramDto {
    pub program: ProgramRefDto,
    pub mentees: u32,
    pub sessions_held: u32,
    pub hours_held: f64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct MentorRecognitionDto {
    pub mentor: ProgramPersonDto,
    pub as_of: String,
    pub sessions_held: u32,
    pub hours_held: f64,
    pub first_session: Option<String>,
    pub last_session: Option<String>,
    pub rating: RatingAverageDto,
    pub mentees: Vec<MenteeTaughtDto>,
    pub platforms: Vec<PlatformTaughtDto>,
    /// Most sessions first.
    pub topics: Vec<TopicTaughtByDto>,
    pub programs: Vec<MentorProgramDto>,
    pub session_ids: Vec<String>,
}

// ---------------------------------------------------------------- audience

/// An employee's followers on one platform (`null`: not given).
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AudienceFigureDto {
    pub platform_id: String,
    pub platform_name: String,
    pub platform_active: bool,
    pub followers: Option<u32>,
    pub updated_at: Option<String>,
}

/// A follower figure to set, or to forget with `followers: null`.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AudienceChangeDto {
    pub platform_id: String,
    /// A whole number from 0 to 1,000,000,000.
    pub followers: Option<f64>,
}

mod convert;

pub use convert::{audience_changes, parse_manager_scope};
