//! The small company and program history the progress tests compute their expected figures from
//! by hand. Every number asserted in `tests/progress*.rs` can be checked against the tables below.
//!
//! People (manager in brackets, department, role):
//! - Agnès Roy (CEO): Direction, none
//!   - Bruno Morel: Ventes, mentee, anxious at start then enthusiast; goals linkedin.profile 1→3,
//!     linkedin.post 0→3; tiktok.video 1 (no target)
//!     - Claire Petit: Ventes, mentee, curious; goal instagram.reels 0→2
//!   - Denis Faure: Finance, mentee, overwhelmed; goal linkedin.profile 2→4
//!     - Emma Lenoir: Marketing, mentor
//!     - Jules Caron: Finance, mentee, curious (title "-Analyst")
//! - Hugo Blanc (no manager): Ventes, none
//!   - Félix Garnier: Informatique, mentor
//!   - Inès Vidal: Ventes, mentee (proposed pair only)
//! - `=HYPERLINK("http://evil.example")` Simon (no manager): Marketing, mentor (a formula name)
//!
//! Program P "Cohorte 2031" (2031-01-05 → 2031-07-31, every 4 weeks, so at risk after 42 days);
//! `NOW` is 2031-04-15 12:00 UTC. Approved pairs (mentee ← mentor), sessions in UTC:
//! - A Bruno ← Emma: a1 01-20 09:00 1 h held, a2 02-17 09:00 1.5 h held, a3 03-17 cancelled,
//!   a4 03-31 09:00 1 h held, a5 05-12 planned.
//! - B Claire ← Félix: b1 01-27 14:00 1 h held, b2 02-24 cancelled, b3 03-24 cancelled,
//!   b4 04-21 planned.
//! - C Denis ← Simon: c1 02-03 10:00 1 h held, c2 03-03 no-show.
//! - E Jules ← Simon: no session.
//!
//! Inès ← Félix is proposed, not approved. Program Q "Pilote 2030" (2030-01-06 → 2030-06-30):
//! D Bruno ← Félix, d1 2030-03-10 10:00 1 h held.

#![allow(dead_code)]

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use tandem_core::directory::{create_employee, get_employee, update_employee};
use tandem_core::domain::{AdoptionProfile, EmployeeDraft, EmployeeId, ProgramRole, SkillLevel};
use tandem_core::program::{
    add_participants, approve_pair, assign, create_program, list_pairs, ProgramId, ProgramInput,
    Side,
};
use tandem_core::progress::{AudienceChange, PairId, SessionId, TaskOutcome, TopicDepth};
use tandem_core::session::{acknowledge_charter, SessionStatus};
use tandem_core::store::progress::bulk::{
    insert_session_records, AssessmentRecord, LogRecord, SessionRecord,
};
use tandem_core::store::sessions::set_pair_approved_at;
use tandem_core::{progress, CoreResult, Store};

/// Every private note of the fixture contains this; it must never leave the pair.
pub const PRIVATE_MARKER: &str = "PRIVATE-NOTE-7f3a9c";
/// The formula-like first name of one mentor.
pub const FORMULA_NAME: &str = "=HYPERLINK(\"http://evil.example\")";

pub fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .map(|d| d.with_timezone(&Utc))
        .unwrap_or_else(|e| panic!("bad instant {text}: {e}"))
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

pub fn now() -> DateTime<Utc> {
    at("2031-04-15T12:00:00Z")
}

pub struct World {
    pub store: Store,
    pub p: ProgramId,
    pub q: ProgramId,
    pub people: HashMap<&'static str, EmployeeId>,
    pub pairs: HashMap<&'static str, PairId>,
    pub sessions: HashMap<&'static str, SessionId>,
}

impl World {
    pub fn id(&self, key: &str) -> EmployeeId {
        self.people[key]
    }

    pub fn session(&self, key: &str) -> SessionId {
        self.sessions[key]
    }
}

struct Person {
    key: &'static str,
    first: &'static str,
    last: &'static str,
    grade: u8,
    role: ProgramRole,
    manager: Option<&'static str>,
    department: &'static str,
    title: &'static str,
    profile: Option<AdoptionProfile>,
    skills: &'static [(&'static str, u8, Option<u8>)],
}

const PEOPLE: &[Person] = &[
    Person {
        key: "ceo",
        first: "Agnès",
        last: "Roy",
        grade: 10,
        role: ProgramRole::None,
        manager: None,
        department: "Direction",
        title: "CEO",
        profile: None,
        skills: &[],
    },
    Person {
        key: "bruno",
        first: "Bruno",
        last: "Morel",
        grade: 9,
        role: ProgramRole::Mentee,
        manager: Some("ceo"),
        department: "Ventes",
        title: "Sales director",
        profile: Some(AdoptionProfile::Anxious),
        skills: &[
            ("linkedin.profile", 1, Some(3)),
            ("linkedin.post", 0, Some(3)),
            ("tiktok.video", 1, None),
        ],
    },
    Person {
        key: "claire",
        first: "Claire",
        last: "Petit",
        grade: 7,
        role: ProgramRole::Mentee,
        manager: Some("bruno"),
        department: "Ventes",
        title: "Sales manager",
        profile: Some(AdoptionProfile::Curious),
        skills: &[("instagram.reels", 0, Some(2))],
    },
    Person {
        key: "denis",
        first: "Denis",
        last: "Faure",
        grade: 8,
        role: ProgramRole::Mentee,
        manager: Some("ceo"),
        department: "Finance",
        title: "CFO",
        profile: Some(AdoptionProfile::Overwhelmed),
        skills: &[("linkedin.profile", 2, Some(4))],
    },
    Person {
        key: "emma",
        first: "Emma",
        last: "Lenoir",
        grade: 2,
        role: ProgramRole::Mentor,
        manager: Some("denis"),
        department: "Marketing",
        title: "Community manager",
        profile: None,
        skills: &[("linkedin.post", 4, None)],
    },
    Person {
        key: "jules",
        first: "Jules",
        last: "Caron",
        grade: 6,
        role: ProgramRole::Mentee,
        manager: Some("denis"),
        department: "Finance",
        title: "-Analyst",
        profile: Some(AdoptionProfile::Curious),
        skills: &[],
    },
    Person {
        key: "hugo",
        first: "Hugo",
        last: "Blanc",
        grade: 10,
        role: ProgramRole::None,
        manager: None,
        department: "Ventes",
        title: "Chairman",
        profile: None,
        skills: &[],
    },
    Person {
        key: "felix",
        first: "Félix",
        last: "Garnier",
        grade: 2,
        role: ProgramRole::Mentor,
        manager: Some("hugo"),
        department: "Informatique",
        title: "Developer",
        profile: None,
        skills: &[],
    },
    Person {
        key: "ines",
        first: "Inès",
        last: "Vidal",
        grade: 7,
        role: ProgramRole::Mentee,
        manager: Some("hugo"),
        department: "Ventes",
        title: "Key accounts",
        profile: Some(AdoptionProfile::Enthusiast),
        skills: &[],
    },
    Person {
        key: "simon",
        first: FORMULA_NAME,
        last: "Simon",
        grade: 3,
        role: ProgramRole::Mentor,
        manager: None,
        department: "Marketing",
        title: "Designer",
        profile: None,
        skills: &[],
    },
];

fn draft(n: usize, p: &Person, manager: Option<EmployeeId>) -> EmployeeDraft {
    EmployeeDraft {
        external_id: format!("P{n:03}"),
        first_name: p.first.into(),
        last_name: p.last.into(),
        email: format!("{}.{n}@example.com", p.key),
        department: p.department.into(),
        title: p.title.into(),
        grade: p.grade,
        manager_id: manager,
        site: "Paris".into(),
        timezone: "Europe/Paris".into(),
        languages: vec!["fr".into()],
        role: Some(p.role),
        adoption_profile: p.profile,
        skills: p
            .skills
            .iter()
            .map(|(topic, level, target)| SkillLevel {
                topic_id: (*topic).into(),
                level: *level,
                target: *target,
            })
            .collect(),
        ..EmployeeDraft::default()
    }
}

/// One session of the fixture, in a compact form.
struct S {
    key: &'static str,
    pair: &'static str,
    start: &'static str,
    minutes: i64,
    status: SessionStatus,
    topics: &'static [(&'static str, TopicDepth)],
    /// (topic, level, confirmed)
    levels: &'static [(&'static str, u8, bool)],
    log: Option<L>,
}

struct L {
    task: &'static str,
    outcome: Option<TaskOutcome>,
    summary: &'static str,
    mentee_rating: Option<u8>,
    mentor_rating: Option<u8>,
}

use SessionStatus::{Cancelled, Held, NoShow, Planned};
use TopicDepth::{DoneAlone, Practised, Shown};

const SESSIONS: &[S] = &[
    S {
        key: "a1",
        pair: "A",
        start: "2031-01-20T09:00:00Z",
        minutes: 60,
        status: Held,
        topics: &[("linkedin.profile", Shown), ("linkedin.post", Shown)],
        levels: &[("linkedin.profile", 2, true), ("linkedin.post", 1, true)],
        log: Some(L {
            task: "Publish a post",
            outcome: None,
            summary: "A1: rewrote the headline",
            mentee_rating: Some(5),
            mentor_rating: Some(4),
        }),
    },
    S {
        key: "a2",
        pair: "A",
        start: "2031-02-17T09:00:00Z",
        minutes: 90,
        status: Held,
        topics: &[("linkedin.post", Practised), ("tiktok.video", Shown)],
        levels: &[("linkedin.post", 2, true), ("linkedin.profile", 3, false)],
        log: Some(L {
            task: "Comment three posts",
            outcome: Some(TaskOutcome::Done),
            summary: "A2: a first post together",
            mentee_rating: Some(4),
            mentor_rating: Some(4),
        }),
    },
    S {
        key: "a3",
        pair: "A",
        start: "2031-03-17T09:00:00Z",
        minutes: 60,
        status: Cancelled,
        topics: &[("x.post", Shown)],
        levels: &[],
        log: None,
    },
    S {
        key: "a4",
        pair: "A",
        start: "2031-03-31T09:00:00Z",
        minutes: 60,
        status: Held,
        topics: &[("linkedin.post", DoneAlone)],
        levels: &[("linkedin.post", 3, true), ("linkedin.profile", 3, true)],
        log: Some(L {
            task: "",
            outcome: Some(TaskOutcome::Partly),
            summary: "A4: posted alone",
            mentee_rating: Some(3),
            mentor_rating: None,
        }),
    },
    S {
        key: "a5",
        pair: "A",
        start: "2031-05-12T09:00:00Z",
        minutes: 60,
        status: Planned,
        topics: &[],
        levels: &[],
        log: None,
    },
    S {
        key: "b1",
        pair: "B",
        start: "2031-01-27T14:00:00Z",
        minutes: 60,
        status: Held,
        topics: &[("instagram.reels", Shown)],
        levels: &[("instagram.reels", 1, true)],
        log: Some(L {
            task: "",
            outcome: None,
            summary: "-B1: reels basics",
            mentee_rating: Some(2),
            mentor_rating: Some(3),
        }),
    },
    S {
        key: "b2",
        pair: "B",
        start: "2031-02-24T14:00:00Z",
        minutes: 60,
        status: Cancelled,
        topics: &[],
        levels: &[],
        log: None,
    },
    S {
        key: "b3",
        pair: "B",
        start: "2031-03-24T14:00:00Z",
        minutes: 60,
        status: Cancelled,
        topics: &[],
        levels: &[],
        log: None,
    },
    S {
        key: "b4",
        pair: "B",
        start: "2031-04-21T14:00:00Z",
        minutes: 60,
        status: Planned,
        topics: &[],
        levels: &[],
        log: None,
    },
    S {
        key: "c1",
        pair: "C",
        start: "2031-02-03T10:00:00Z",
        minutes: 60,
        status: Held,
        topics: &[("linkedin.profile", Practised)],
        levels: &[("linkedin.profile", 3, true)],
        log: Some(L {
            task: "Set up analytics",
            outcome: None,
            summary: "",
            mentee_rating: None,
            mentor_rating: Some(5),
        }),
    },
    S {
        key: "c2",
        pair: "C",
        start: "2031-03-03T10:00:00Z",
        minutes: 60,
        status: NoShow,
        topics: &[],
        levels: &[],
        log: None,
    },
    S {
        key: "d1",
        pair: "D",
        start: "2030-03-10T10:00:00Z",
        minutes: 60,
        status: Held,
        topics: &[("linkedin.profile", Shown)],
        levels: &[("linkedin.profile", 4, true)],
        log: Some(L {
            task: "Pilot task",
            outcome: None,
            summary: "D1: pilot session",
            mentee_rating: Some(4),
            mentor_rating: Some(4),
        }),
    },
];

/// Builds the world described in the module docs.
pub fn world() -> CoreResult<World> {
    let mut store = Store::open_for_tests()?;
    let mut people: HashMap<&'static str, EmployeeId> = HashMap::new();
    for (n, p) in PEOPLE.iter().enumerate() {
        let manager = p.manager.map(|m| people[m]);
        let id = create_employee(&mut store, draft(n, p, manager))?
            .employee
            .id;
        people.insert(p.key, id);
    }

    let mut program = |name: &str, start: NaiveDate, end: NaiveDate| -> CoreResult<ProgramId> {
        let mut input = ProgramInput::new(name, start, end);
        input.cadence_weeks = 4;
        Ok(create_program(&mut store, input)?.id)
    };
    let p = program("Cohorte 2031", date(2031, 1, 5), date(2031, 7, 31))?;
    let q = program("Pilote 2030", date(2030, 1, 6), date(2030, 6, 30))?;

    let ids = |keys: &[&str]| keys.iter().map(|k| people[k]).collect::<Vec<_>>();
    add_participants(
        &mut store,
        p,
        Side::Mentee,
        &ids(&["bruno", "claire", "denis", "jules", "ines"]),
    )?;
    add_participants(
        &mut store,
        p,
        Side::Mentor,
        &ids(&["emma", "felix", "simon"]),
    )?;
    add_participants(&mut store, q, Side::Mentee, &ids(&["bruno"]))?;
    add_participants(&mut store, q, Side::Mentor, &ids(&["felix"]))?;

    let mut pairs: HashMap<&'static str, PairId> = HashMap::new();
    for (key, program, mentee, mentor, approved) in [
        ("A", p, "bruno", "emma", true),
        ("B", p, "claire", "felix", true),
        ("C", p, "denis", "simon", true),
        ("E", p, "jules", "simon", true),
        ("I", p, "ines", "felix", false),
        ("D", q, "bruno", "felix", true),
    ] {
        assign(&mut store, program, people[mentee], people[mentor], true)?;
        if approved {
            approve_pair(&mut store, program, people[mentee], None)?;
        }
        let stored = list_pairs(&store, program)?
            .into_iter()
            .find(|s| s.mentee == people[mentee])
            .map(|s| PairId(s.id))
            .unwrap_or_else(|| panic!("pair {key} was not stored"));
        pairs.insert(key, stored);
    }
    // Approved a fortnight before each program starts, whatever today's date is.
    store.transaction(|tx| {
        for (key, approved) in [
            ("A", "2030-12-20"),
            ("B", "2030-12-20"),
            ("C", "2030-12-20"),
            ("E", "2030-12-20"),
            ("D", "2029-12-20"),
        ] {
            set_pair_approved_at(tx, pairs[key], at(&format!("{approved}T09:00:00Z")))?;
        }
        Ok(())
    })?;

    let mut sessions: HashMap<&'static str, SessionId> = HashMap::new();
    let records: Vec<SessionRecord> = SESSIONS
        .iter()
        .map(|s| {
            let id = SessionId::new();
            sessions.insert(s.key, id);
            let starts_at = at(s.start);
            SessionRecord {
                id,
                pair_id: pairs[s.pair],
                starts_at,
                ends_at: starts_at + Duration::minutes(s.minutes),
                timezone: "Europe/Paris".into(),
                status: s.status,
                cancelled_by: None,
                log: s.log.as_ref().map(|l| LogRecord {
                    task_set: l.task.into(),
                    previous_task_outcome: l.outcome,
                    summary: l.summary.into(),
                    private_notes: format!("{PRIVATE_MARKER} about {}", s.key),
                    mentee_rating: l.mentee_rating,
                    mentor_rating: l.mentor_rating,
                }),
                topics: s.topics.iter().map(|(t, d)| ((*t).into(), *d)).collect(),
                assessments: s
                    .levels
                    .iter()
                    .map(|(t, level, confirmed)| AssessmentRecord {
                        topic_id: (*t).into(),
                        level: *level,
                        confirmed_at: confirmed.then(|| starts_at + Duration::days(1)),
                    })
                    .collect(),
            }
        })
        .collect();
    store.transaction(|tx| insert_session_records(tx, &records))?;

    // Charter: Bruno, Claire, Emma and Félix acknowledged.
    for who in ["bruno", "claire", "emma", "felix"] {
        acknowledge_charter(&mut store, p, people[who], at("2031-01-06T08:00:00Z"))?;
    }

    // Bruno became an enthusiast during the program.
    let bruno = get_employee(&store, people["bruno"])?.employee;
    let mut changed = draft(1, &PEOPLE[1], bruno.manager_id);
    changed.adoption_profile = Some(AdoptionProfile::Enthusiast);
    update_employee(&mut store, people["bruno"], changed, None)?;

    // Followers: Bruno and Claire (active mentees), Jules (no session held), Inès (not approved)
    // and Emma (a mentor).
    for (who, figures) in [
        ("bruno", &[("linkedin", 1200), ("x", 300)][..]),
        ("claire", &[("linkedin", 150), ("instagram", 800)][..]),
        ("jules", &[("linkedin", 999)][..]),
        ("ines", &[("linkedin", 5000)][..]),
        ("emma", &[("tiktok", 10000)][..]),
    ] {
        let changes: Vec<AudienceChange> = figures
            .iter()
            .map(|(platform, n)| AudienceChange {
                platform_id: (*platform).into(),
                followers: Some(*n),
            })
            .collect();
        progress::set_employee_audience(&mut store, people[who], &changes)?;
    }

    Ok(World {
        store,
        p,
        q,
        people,
        pairs,
        sessions,
    })
}
