//! A generated program history of any size, for the `progress` benchmark and scale tests: programs,
//! approved pairs with goals, sessions (held, cancelled, no-show, planned), learning logs, topics,
//! self-assessments and charter acknowledgements.
//!
//! Everything is written in one transaction with prepared statements
//! ([`crate::store::progress::bulk`]), without the checks the `session` module applies: the data is
//! plausible (held sessions in the past, planned ones ahead, levels that rise), not validated.
//! The same spec and employees give the same data.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use uuid::Uuid;

use crate::domain::EmployeeId;
use crate::matching::Parts;
use crate::program::{PairStatus, ProgramId, ProgramInput, Side, StoredPair};
use crate::session::model::{PairId, SessionId, TaskOutcome, TopicDepth};
use crate::session::SessionStatus;
use crate::store::programs as program_db;
use crate::store::progress::bulk::{self, AssessmentRecord, LogRecord, SessionRecord};
use crate::store::progress::timestamp;
use crate::{CoreResult, Store};

/// What to generate.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntheticSpec {
    /// Programs the pairs are spread over (round robin).
    pub programs: usize,
    pub pairs: usize,
    /// Sessions per pair, one every `cadence_days`.
    pub sessions_per_pair: usize,
    pub cadence_days: i64,
    /// Sessions before `now` are held, cancelled or no-show; after it, planned.
    pub now: DateTime<Utc>,
    pub seed: u64,
}

/// What was generated.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntheticProgress {
    pub programs: Vec<ProgramId>,
    /// (pair, mentee, mentor), in generation order.
    pub pairs: Vec<(PairId, EmployeeId, EmployeeId)>,
    pub sessions: usize,
}

/// The topics every generated mentee has as goals, by platform (the default catalog's).
const GOAL_SETS: [[&str; 3]; 4] = [
    ["linkedin.profile", "linkedin.post", "linkedin.analytics"],
    ["tiktok.video", "tiktok.trends", "tiktok.analytics"],
    ["instagram.reels", "instagram.stories", "instagram.profile"],
    ["x.post", "x.hashtags", "x.privacy"],
];

const SUMMARIES: [&str; 4] = [
    "Went through the profile section by section and rewrote the headline together.",
    "Filmed a first short video and discussed what makes people stop scrolling.",
    "Read last month's analytics and picked two posts to learn from.",
    "Looked at privacy settings and what colleagues can see.",
];

const TASKS: [&str; 4] = [
    "Publish one post about the team's latest project",
    "Comment on three posts from people in the industry",
    "Film a 30-second video and keep it as a draft",
    "Check the analytics of last week's post",
];

/// Generates `spec` over `employees` (at least `2 * spec.pairs` of them): mentees are taken from
/// the front of the list (the top of a [`crate::demo::synthetic_company`] tree, its seniors),
/// mentors from the back. Goal topics missing from the catalog are skipped by SQLite's foreign
/// key check, so use it on the default catalog.
pub fn seed_synthetic_progress(
    store: &mut Store,
    employees: &[EmployeeId],
    spec: &SyntheticSpec,
) -> CoreResult<SyntheticProgress> {
    let mut rng = fastrand::Rng::with_seed(spec.seed);
    let programs = spec.programs.max(1);
    let (start, end) = synthetic_program_dates(spec);
    store.transaction(|tx| {
        let before_start = timestamp(super::start_of(start) - Duration::days(7));
        let program_ids: Vec<ProgramId> = (0..programs)
            .map(|k| {
                let id = ProgramId(Uuid::from_u64_pair(spec.seed, k as u64));
                let mut input =
                    ProgramInput::new(&format!("Synthetic cohort {}", k + 1), start, end);
                input.cadence_weeks = (spec.cadence_days / 7).clamp(1, 12) as u8;
                program_db::insert_program(tx, id, &input, &before_start)?;
                Ok(id)
            })
            .collect::<CoreResult<_>>()?;

        let mut pairs = Vec::with_capacity(spec.pairs);
        let mut sessions = 0;
        let mut records = Vec::with_capacity(spec.sessions_per_pair);
        for i in 0..spec.pairs {
            let (Some(&mentee), Some(&mentor)) = (
                employees.get(1 + i),
                employees.get(employees.len().saturating_sub(1 + i)),
            ) else {
                break;
            };
            let program = program_ids[i % programs];
            program_db::insert_participant(tx, program, mentee, Side::Mentee, &before_start)?;
            program_db::insert_participant(tx, program, mentor, Side::Mentor, &before_start)?;
            let pair = PairId(Uuid::from_u64_pair(spec.seed ^ 0x5eed, i as u64));
            program_db::upsert_pair(
                tx,
                program,
                &StoredPair {
                    id: pair.0,
                    mentee,
                    mentor,
                    status: PairStatus::Approved,
                    locked: false,
                    manual: false,
                    score: 0.5,
                    points: 500,
                    parts: Parts {
                        skill: 0.5,
                        interests: 0.5,
                        availability: 0.5,
                        adoption: 0.5,
                        comfort: 0.5,
                    },
                    version: 0,
                },
                &before_start,
            )?;
            let goals = GOAL_SETS[i % GOAL_SETS.len()];
            for topic in goals {
                bulk::upsert_goal(tx, mentee, topic, rng.u8(0..2), Some(rng.u8(3..5)))?;
            }
            for who in [mentee, mentor] {
                if rng.u8(0..10) < 9 {
                    bulk::insert_charter_acknowledgement(tx, program, who, super::start_of(start))?;
                }
            }

            records.clear();
            let offset = Duration::days((i % 5) as i64) + Duration::hours(8 + (i % 9) as i64);
            let mut task_open = false;
            for j in 0..spec.sessions_per_pair {
                let starts_at =
                    super::start_of(start) + offset + Duration::days(spec.cadence_days * j as i64);
                let status = if starts_at > spec.now {
                    SessionStatus::Planned
                } else {
                    match rng.u8(0..100) {
                        0..=83 => SessionStatus::Held,
                        84..=93 => SessionStatus::Cancelled,
                        _ => SessionStatus::NoShow,
                    }
                };
                let mut record = SessionRecord {
                    id: SessionId(Uuid::from_u64_pair(spec.seed ^ i as u64, j as u64)),
                    pair_id: pair,
                    starts_at,
                    ends_at: starts_at + Duration::minutes(60 + 30 * (j % 2) as i64),
                    timezone: "Europe/Paris".to_owned(),
                    status,
                    cancelled_by: (status == SessionStatus::Cancelled).then_some(mentee),
                    log: None,
                    topics: Vec::new(),
                    assessments: Vec::new(),
                };
                if status == SessionStatus::Held {
                    let progress = (j * 3) / spec.sessions_per_pair.max(1);
                    let depth = TopicDepth::ALL[progress.min(2)];
                    let taught = [goals[j % 3], goals[(j + 1) % 3]];
                    record.topics = taught.iter().map(|t| ((*t).to_owned(), depth)).collect();
                    let level = (1 + (j * 4) / spec.sessions_per_pair.max(1)).min(4) as u8;
                    record.assessments = taught
                        .iter()
                        .map(|t| AssessmentRecord {
                            topic_id: (*t).to_owned(),
                            level,
                            confirmed_at: (rng.u8(0..10) < 9)
                                .then_some(starts_at + Duration::days(1)),
                        })
                        .collect();
                    let task = rng.u8(0..10) < 7;
                    record.log = Some(LogRecord {
                        task_set: if task {
                            TASKS[j % TASKS.len()].to_owned()
                        } else {
                            String::new()
                        },
                        previous_task_outcome: task_open
                            .then(|| TaskOutcome::ALL[rng.usize(0..TaskOutcome::ALL.len())]),
                        summary: SUMMARIES[j % SUMMARIES.len()].to_owned(),
                        private_notes: "Private to the pair.".to_owned(),
                        mentee_rating: Some(rng.u8(3..6)),
                        mentor_rating: Some(rng.u8(3..6)),
                    });
                    task_open = task;
                }
                records.push(record);
            }
            bulk::insert_session_records(tx, &records)?;
            sessions += records.len();
            pairs.push((pair, mentee, mentor));
        }
        Ok(SyntheticProgress {
            programs: program_ids,
            pairs,
            sessions,
        })
    })
}

/// The program dates [`seed_synthetic_progress`] uses for `spec`: (start, end), so that about four
/// fifths of the sessions are behind `now`.
pub fn synthetic_program_dates(spec: &SyntheticSpec) -> (NaiveDate, NaiveDate) {
    let span = Duration::days(spec.cadence_days * spec.sessions_per_pair as i64);
    (
        (spec.now - span * 4 / 5).date_naive(),
        (spec.now + span / 5 + Duration::days(spec.cadence_days)).date_naive(),
    )
}
