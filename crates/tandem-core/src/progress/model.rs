//! The types the progress screens and exports read. Plain data, serializable, with every figure
//! that stands for sessions carrying the ids of those sessions, so the UI can click through.
//!
//! Instants are UTC; the UI shows them in the viewer's zone. Levels are on the 0–4 scale
//! ([`crate::domain::MAX_LEVEL`]); platform levels are means, so they are `f64`.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::domain::{AdoptionProfile, EmployeeId};
use crate::program::{PersonSummary, ProgramId, Side};
// Read by the store as is; defined with the domain types so the store need not import this module.
pub use crate::domain::progress::{CharterCounts, ProgramRef};
// The session module's ids and log vocabulary, re-exported so that progress users need one import.
pub use crate::session::model::{PairId, SessionId, TaskOutcome, TopicDepth};
use crate::session::{RiskReason, SessionStatus};

// ---------------------------------------------------------------- shared

/// Counts of topic taught per depth (one per session and topic).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct DepthCounts {
    pub shown: u32,
    pub practised: u32,
    pub done_alone: u32,
}

impl DepthCounts {
    pub fn add(&mut self, depth: TopicDepth, n: u32) {
        match depth {
            TopicDepth::Shown => self.shown += n,
            TopicDepth::Practised => self.practised += n,
            TopicDepth::DoneAlone => self.done_alone += n,
        }
    }

    pub fn total(&self) -> u32 {
        self.shown + self.practised + self.done_alone
    }
}

/// An average of 1–5 ratings and how many ratings it is made of (`None` when there are none).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct RatingAverage {
    pub average: Option<f64>,
    pub count: u32,
}

/// Sessions by status. `scheduled` is every session that was not cancelled (held, no-show or
/// still planned): what the program planned to hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct SessionCounts {
    pub scheduled: u32,
    pub held: u32,
    /// Still `planned` (not yet marked), whether ahead or overdue.
    pub planned: u32,
    /// `planned` and starting after `now`.
    pub upcoming: u32,
    pub cancelled: u32,
    pub no_show: u32,
}

impl SessionCounts {
    pub(crate) fn add(&mut self, status: SessionStatus, upcoming: bool) {
        match status {
            SessionStatus::Held => self.held += 1,
            SessionStatus::Planned => {
                self.planned += 1;
                if upcoming {
                    self.upcoming += 1;
                }
            }
            SessionStatus::Cancelled => self.cancelled += 1,
            SessionStatus::NoShow => self.no_show += 1,
        }
        if status != SessionStatus::Cancelled {
            self.scheduled += 1;
        }
    }
}

/// Where a program stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProgramPhase {
    /// Before its start date.
    NotStarted,
    /// From its start date to its end date, both included.
    Running,
    /// After its end date.
    Ended,
}

/// One session, as the progress screens list it. Never carries the pair's private notes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionRef {
    pub session_id: SessionId,
    pub pair_id: PairId,
    pub program_id: ProgramId,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub status: SessionStatus,
    /// Length in hours (`ends_at - starts_at`).
    pub hours: f64,
    /// The summary a manager may read; empty without a log.
    pub summary: String,
    pub mentee_rating: Option<u8>,
    pub mentor_rating: Option<u8>,
}

// ---------------------------------------------------------------- program dashboard

/// Where an approved pair stands. See [`super::program_dashboard`] for the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PairState {
    /// Approved, but not yet meeting: the program has not started, or no session is held or planned.
    NotStarted,
    /// The program runs and the pair has a held or planned session.
    Active,
    /// The program has ended, or the pair held its sessions and none is left planned.
    Completed,
}

/// Pair counts of a program. `at_risk` overlaps `active` and `not_started`; the other three add up
/// to `approved`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct PairCounts {
    pub approved: u32,
    pub active: u32,
    pub at_risk: u32,
    pub completed: u32,
    pub not_started: u32,
}

/// One approved pair of the dashboard (and a row of its exports).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairProgress {
    pub pair_id: PairId,
    pub mentee: PersonSummary,
    pub mentor: PersonSummary,
    pub state: PairState,
    /// Empty when healthy, and always empty unless the program runs and the pair is not completed.
    pub risks: Vec<RiskReason>,
    pub sessions: SessionCounts,
    pub hours_held: f64,
    pub last_held: Option<DateTime<Utc>>,
    pub next_planned: Option<DateTime<Utc>>,
    /// Distinct topics taught in held sessions.
    pub topics_covered: u32,
    pub mentee_rating: RatingAverage,
    pub mentor_rating: RatingAverage,
}

/// One topic taught in a program (or by a mentor).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicTaught {
    pub topic_id: String,
    pub name_en: String,
    pub name_fr: String,
    /// Held sessions where it was taught.
    pub sessions: u32,
    pub depths: DepthCounts,
}

/// Topics taught on one platform.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlatformTopics {
    pub platform_id: String,
    pub platform_name: String,
    /// Distinct topics taught.
    pub topics_taught: u32,
    /// Session-topic rows by depth, over every topic of the platform.
    pub depths: DepthCounts,
    /// In catalog order.
    pub topics: Vec<TopicTaught>,
}

/// Mentees with one adoption profile when they joined and now (`profile: None` = not recorded).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ProfileCount {
    pub profile: Option<AdoptionProfile>,
    pub at_start: u32,
    pub now: u32,
}

/// Mentees whose profile changed from `from` to `to` since they joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ProfileMove {
    pub from: Option<AdoptionProfile>,
    pub to: Option<AdoptionProfile>,
    pub count: u32,
}

/// The adoption profiles of the mentees of approved pairs.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct AdoptionSummary {
    /// Every profile in [`AdoptionProfile::ALL`] order, then "not recorded"; zero rows included.
    pub profiles: Vec<ProfileCount>,
    /// Changes only, most frequent first.
    pub moves: Vec<ProfileMove>,
}

/// Followers of the active mentees on one platform.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlatformAudience {
    pub platform_id: String,
    pub platform_name: String,
    pub followers: u64,
    /// Active mentees with a figure on this platform.
    pub known: u32,
}

/// The estimated audience reached: the followers of the active mentees (mentees of an approved
/// pair with at least one held session), per active platform, summed. A person on two platforms
/// counts on both; overlaps between platforms are unknown, so the total is an upper estimate.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct AudienceReach {
    pub active_mentees: u32,
    pub platforms: Vec<PlatformAudience>,
    pub total_followers: u64,
}

/// Sessions of one calendar month (UTC), for the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MonthSessions {
    pub year: i32,
    /// 1..=12.
    pub month: u32,
    pub held: u32,
    /// Not cancelled (held, no-show or planned).
    pub scheduled: u32,
    pub cancelled: u32,
}

/// Everything the program dashboard shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgramDashboard {
    pub program: ProgramRef,
    pub cadence_weeks: u8,
    pub session_minutes: u16,
    pub phase: ProgramPhase,
    pub as_of: DateTime<Utc>,
    pub pairs: PairCounts,
    /// Sessions of approved pairs.
    pub sessions: SessionCounts,
    pub hours_held: f64,
    /// Every platform a held session taught a topic of, in catalog order.
    pub topics: Vec<PlatformTopics>,
    /// Ratings given by mentees, and by mentors, in the logs of held sessions.
    pub mentee_rating: RatingAverage,
    pub mentor_rating: RatingAverage,
    pub charter: CharterCounts,
    pub adoption: AdoptionSummary,
    pub audience: AudienceReach,
    /// Contiguous months from the program's start month to its end month (widened to take in any
    /// session outside them).
    pub months: Vec<MonthSessions>,
    /// Approved pairs in mentee name order.
    pub pair_rows: Vec<PairProgress>,
}

// ---------------------------------------------------------------- mentee progress

/// A pair the mentee is (or was) in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MenteePair {
    pub pair_id: PairId,
    pub program: ProgramRef,
    pub mentor: PersonSummary,
}

/// A confirmed level on one topic after one session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TopicLevelPoint {
    pub session_id: SessionId,
    pub at: DateTime<Utc>,
    pub level: u8,
}

/// A mentee's level on one topic: declared start, latest confirmed, target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopicProgress {
    pub topic_id: String,
    pub platform_id: String,
    pub name_en: String,
    pub name_fr: String,
    /// The declared level (`skill_level.level`); `None` when the mentee never declared one.
    pub start: Option<u8>,
    /// The latest confirmed self-assessment, else `start`.
    pub now: Option<u8>,
    /// The session behind `now`, if it comes from a self-assessment.
    pub now_session_id: Option<SessionId>,
    pub target: Option<u8>,
    /// Whether this is one of the mentee's goals (a target is set).
    pub goal: bool,
    /// Every confirmed self-assessment, in session order.
    pub history: Vec<TopicLevelPoint>,
}

/// The platform level after one session that changed it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LevelPoint {
    pub session_id: SessionId,
    pub at: DateTime<Utc>,
    pub level: f64,
}

/// A mentee's level on one platform over time. See [`super::mentee_progress`] for the definition.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlatformProgress {
    pub platform_id: String,
    pub platform_name: String,
    /// The topics the level is the mean of.
    pub topic_ids: Vec<String>,
    pub start: f64,
    pub now: f64,
    /// Mean target over the tracked topics that have one; `None` when none has.
    pub target: Option<f64>,
    /// One point per held session with a confirmed self-assessment on a tracked topic.
    pub points: Vec<LevelPoint>,
}

/// One session where a topic was taught.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TaughtIn {
    pub session_id: SessionId,
    pub at: DateTime<Utc>,
    pub depth: TopicDepth,
}

/// A topic taught to the mentee, with the held sessions behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopicCovered {
    pub topic_id: String,
    pub platform_id: String,
    pub name_en: String,
    pub name_fr: String,
    /// The deepest it went.
    pub best_depth: TopicDepth,
    pub sessions: Vec<TaughtIn>,
}

/// A practice task set at a session, and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PracticeTask {
    pub set_in: SessionId,
    pub set_at: DateTime<Utc>,
    pub task: String,
    /// From the log of the pair's next logged session; `None` while there is none.
    pub outcome: Option<TaskOutcome>,
    pub outcome_session_id: Option<SessionId>,
}

/// Practice tasks by outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct TaskCounts {
    pub set: u32,
    pub done: u32,
    pub partly: u32,
    pub not_done: u32,
    /// Set, and no outcome logged yet.
    pub open: u32,
}

/// Everything the mentee progress page shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MenteeProgress {
    pub mentee: PersonSummary,
    /// The program asked for, if any (otherwise every program).
    pub program_id: Option<ProgramId>,
    pub as_of: DateTime<Utc>,
    /// Approved pairs, earliest program first.
    pub pairs: Vec<MenteePair>,
    /// Platforms in catalog order.
    pub platforms: Vec<PlatformProgress>,
    /// Goals first, then other topics, each in catalog order.
    pub topics: Vec<TopicProgress>,
    pub covered: Vec<TopicCovered>,
    /// In the order they were set.
    pub tasks: Vec<PracticeTask>,
    pub task_counts: TaskCounts,
    pub sessions: SessionCounts,
    pub hours_held: f64,
    /// Every session of the pairs, in time order.
    pub session_list: Vec<SessionRef>,
}

// ---------------------------------------------------------------- manager view

/// Whose people a manager view shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum ManagerScope {
    /// Everyone who reports to this employee, directly or not (any depth); not the manager.
    Manager(EmployeeId),
    /// Everyone in this department (exact name, case-insensitive).
    Department(String),
}

/// A platform's levels for a manager view: the mentee's start, now and target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlatformLevels {
    pub platform_id: String,
    pub platform_name: String,
    pub start: f64,
    pub now: f64,
    pub target: Option<f64>,
}

/// A held session's summary, as a manager may read it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionSummary {
    pub session_id: SessionId,
    /// The pair the session belongs to, so the summary can open it on the pair page.
    pub pair_id: PairId,
    pub program_id: ProgramId,
    pub at: DateTime<Utc>,
    /// The side the person was on in that session.
    pub side: Side,
    /// The other person of the pair.
    pub with: PersonSummary,
    pub summary: String,
}

/// One person in scope who takes part in an approved pair.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ManagedPerson {
    pub person: PersonSummary,
    /// Mentee and/or mentor, in that order.
    pub sides: Vec<Side>,
    pub programs: Vec<ProgramRef>,
    /// As a mentee, across programs; empty for someone who only mentors.
    pub platforms: Vec<PlatformLevels>,
    pub sessions_held: u32,
    pub hours_held: f64,
    pub last_session: Option<DateTime<Utc>>,
    pub next_session: Option<DateTime<Utc>>,
    /// Non-empty summaries of held sessions, latest first, at most
    /// [`super::MAX_SUMMARIES_PER_PERSON`].
    pub summaries: Vec<SessionSummary>,
    /// How many non-empty summaries there are in all.
    pub summaries_total: u32,
}

/// What a manager sees of their people's progress. Never carries a private note.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ManagerView {
    pub scope: ManagerScope,
    /// The manager's name or the department's, for titles and file names.
    pub scope_label: String,
    pub as_of: DateTime<Utc>,
    /// Everyone in scope, taking part or not.
    pub people_in_scope: u32,
    /// People in scope with an approved pair.
    pub people_taking_part: u32,
    /// Where `people` starts among those taking part, in name order.
    pub offset: u32,
    /// One page of the people in scope with an approved pair, in name order.
    pub people: Vec<ManagedPerson>,
}

/// Which people of a manager view to return, in name order: `limit` of them from `offset`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeoplePage {
    pub offset: u32,
    pub limit: u32,
}

impl PeoplePage {
    /// The most people one page may hold.
    pub const MAX_LIMIT: u32 = 200;

    /// The first `limit` people.
    pub fn first(limit: u32) -> Self {
        Self { offset: 0, limit }
    }
}

// ---------------------------------------------------------------- mentor recognition

/// A mentee a mentor taught.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MenteeTaught {
    pub mentee: PersonSummary,
    pub program_id: ProgramId,
    pub pair_id: PairId,
    pub sessions_held: u32,
    pub hours_held: f64,
}

/// What a mentor taught on one platform (a session counts on every platform it taught a topic of).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlatformTaught {
    pub platform_id: String,
    pub platform_name: String,
    pub sessions: u32,
    pub hours: f64,
}

/// What a mentor taught on one topic.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicTaughtBy {
    pub topic_id: String,
    pub platform_id: String,
    pub name_en: String,
    pub name_fr: String,
    pub sessions: u32,
    pub hours: f64,
    pub depths: DepthCounts,
}

/// A program the mentor took part in, with what they did in it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MentorProgram {
    pub program: ProgramRef,
    pub mentees: u32,
    pub sessions_held: u32,
    pub hours_held: f64,
}

/// A mentor's recognition page, and the data of their one-page summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MentorRecognition {
    pub mentor: PersonSummary,
    pub as_of: DateTime<Utc>,
    pub sessions_held: u32,
    pub hours_held: f64,
    pub first_session: Option<DateTime<Utc>>,
    pub last_session: Option<DateTime<Utc>>,
    /// Ratings the mentees gave the mentor's held sessions.
    pub rating: RatingAverage,
    /// Approved pairs, in program then mentee name order.
    pub mentees: Vec<MenteeTaught>,
    /// Catalog order.
    pub platforms: Vec<PlatformTaught>,
    /// Most sessions first, then catalog order.
    pub topics: Vec<TopicTaughtBy>,
    /// Earliest first.
    pub programs: Vec<MentorProgram>,
    /// Every held session, for the click-through.
    pub session_ids: Vec<SessionId>,
}

// ---------------------------------------------------------------- audience

/// An employee's followers on one platform (`None`: not given).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AudienceFigure {
    pub platform_id: String,
    pub platform_name: String,
    pub platform_active: bool,
    pub followers: Option<u32>,
    pub updated_at: Option<String>,
}

/// A change to an employee's audience: `followers: None` forgets the figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AudienceChange {
    pub platform_id: String,
    /// Accepted from 0 to [`super::MAX_FOLLOWERS`]; signed so that a negative number typed in the
    /// form gets a clear error rather than a parse failure.
    pub followers: Option<i64>,
}
