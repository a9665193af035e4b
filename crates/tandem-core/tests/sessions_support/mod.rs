//! A small company for the session tests: two programs, pairs in Paris and across the Atlantic,
//! a clock the tests set, and a snapshot of everything the session rules write.

#![allow(dead_code)]

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use tandem_core::directory::create_employee;
use tandem_core::domain::{AvailabilitySlot, EmployeeDraft, EmployeeId, ProgramRole, SkillLevel};
use tandem_core::program::{
    add_participants, approve_pair, assign, create_program, list_pairs, list_programs, ProgramId,
    ProgramInput, Side,
};
use tandem_core::session::{
    acknowledge_charter, charter_status, create_session, get_log, list_sessions, mark_held,
    LogInput, LogTopicInput, PairId, SelfAssessmentInput, Session, SessionTime, TopicDepth,
};
use tandem_core::{CoreError, CoreResult, Store};

pub const PARIS: Tz = chrono_tz::Europe::Paris;
pub const TORONTO: Tz = chrono_tz::America::Toronto;

/// Monday 5 January 2026, 08:00 UTC: the programs start that day.
pub fn start_of_programs() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 5, 8, 0, 0).unwrap()
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A wall-clock time in `tz` as an instant.
pub fn at(tz: Tz, y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    tz.with_ymd_and_hms(y, m, d, h, min, 0)
        .single()
        .unwrap()
        .with_timezone(&Utc)
}

pub fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
}

/// `(weekday, "HH:MM", "HH:MM")`, weekday 0 = Monday.
pub fn window(weekday: u8, from: &str, to: &str) -> AvailabilitySlot {
    let minutes = |t: &str| {
        let (h, m) = t.split_once(':').unwrap();
        h.parse::<u16>().unwrap() * 60 + m.parse::<u16>().unwrap()
    };
    AvailabilitySlot {
        weekday,
        start_minute: minutes(from),
        end_minute: minutes(to),
    }
}

pub struct NewPerson<'a> {
    pub first: &'a str,
    pub last: &'a str,
    pub role: ProgramRole,
    pub grade: u8,
    pub timezone: &'a str,
    pub department: &'a str,
    pub availability: Vec<AvailabilitySlot>,
    pub skills: Vec<(&'a str, u8, Option<u8>)>,
}

pub fn add_person(store: &mut Store, n: usize, p: NewPerson<'_>) -> CoreResult<EmployeeId> {
    let draft = EmployeeDraft {
        external_id: format!("S{n:03}"),
        first_name: p.first.into(),
        last_name: p.last.into(),
        email: format!(
            "{}.{}@example.com",
            p.first.to_lowercase(),
            p.last.to_lowercase()
        )
        .replace('é', "e"),
        department: p.department.into(),
        title: "Staff".into(),
        grade: p.grade,
        site: "Paris".into(),
        timezone: p.timezone.into(),
        languages: vec!["fr".into(), "en".into()],
        role: Some(p.role),
        availability: p.availability,
        skills: p
            .skills
            .into_iter()
            .map(|(t, level, target)| SkillLevel {
                topic_id: t.into(),
                level,
                target,
            })
            .collect(),
        ..EmployeeDraft::default()
    };
    Ok(create_employee(store, draft)?.employee.id)
}

pub const CHARTER: &str =
    "Be kind online; never post customer data; ask before filming a colleague.";

/// Two programs over 2026 (every 4 weeks, 60 minutes, with a charter):
/// - "Pilote": Léa (mentor, Paris) with Marc (mentee, Paris); Sam (mentor, Toronto) with Nina
///   (mentee, Paris).
/// - "Second": Léa again, with Paul (mentee, Paris): her sessions there count as busy time.
pub struct World {
    pub store: Store,
    pub program: ProgramId,
    pub second: ProgramId,
    pub lea: EmployeeId,
    pub marc: EmployeeId,
    pub sam: EmployeeId,
    pub nina: EmployeeId,
    pub paul: EmployeeId,
    pub lea_marc: PairId,
    pub sam_nina: PairId,
    pub lea_paul: PairId,
}

fn program(store: &mut Store, name: &str) -> CoreResult<ProgramId> {
    let mut input = ProgramInput::new(name, date(2026, 1, 5), date(2026, 12, 18));
    input.charter = CHARTER.into();
    Ok(create_program(store, input)?.id)
}

fn pair(
    store: &mut Store,
    program: ProgramId,
    mentor: EmployeeId,
    mentee: EmployeeId,
) -> CoreResult<PairId> {
    add_participants(store, program, Side::Mentor, &[mentor]).ok();
    add_participants(store, program, Side::Mentee, &[mentee])?;
    let outcome = assign(store, program, mentee, mentor, true)?;
    assert!(outcome.applied);
    approve_pair(store, program, mentee, None)?;
    let stored = list_pairs(store, program)?
        .into_iter()
        .find(|p| p.mentee == mentee)
        .unwrap();
    Ok(PairId(stored.id))
}

pub fn world() -> CoreResult<World> {
    let mut store = Store::open_for_tests()?;
    let lea = add_person(
        &mut store,
        1,
        NewPerson {
            first: "Léa",
            last: "Martin",
            role: ProgramRole::Mentor,
            grade: 3,
            timezone: "Europe/Paris",
            department: "Marketing",
            availability: vec![window(1, "09:00", "12:00"), window(3, "14:00", "17:00")],
            skills: vec![("linkedin.post", 4, None), ("tiktok.video", 4, None)],
        },
    )?;
    let marc = add_person(
        &mut store,
        2,
        NewPerson {
            first: "Marc",
            last: "Dubois",
            role: ProgramRole::Mentee,
            grade: 8,
            timezone: "Europe/Paris",
            department: "Sales",
            availability: vec![window(1, "10:00", "12:00"), window(3, "14:00", "15:30")],
            skills: vec![
                ("linkedin.post", 0, Some(3)),
                ("linkedin.profile", 1, Some(2)),
                ("tiktok.video", 0, Some(2)),
                ("instagram.reels", 2, Some(2)),
                ("x.post", 1, None),
            ],
        },
    )?;
    let sam = add_person(
        &mut store,
        3,
        NewPerson {
            first: "Sam",
            last: "Tremblay",
            role: ProgramRole::Mentor,
            grade: 3,
            timezone: "America/Toronto",
            department: "IT",
            availability: vec![window(1, "08:00", "10:00")],
            skills: vec![("linkedin.post", 4, None)],
        },
    )?;
    let nina = add_person(
        &mut store,
        4,
        NewPerson {
            first: "Nina",
            last: "Roux",
            role: ProgramRole::Mentee,
            grade: 8,
            timezone: "Europe/Paris",
            department: "Finance",
            availability: vec![window(1, "14:00", "15:30")],
            skills: vec![("linkedin.post", 1, Some(3))],
        },
    )?;
    let paul = add_person(
        &mut store,
        5,
        NewPerson {
            first: "Paul",
            last: "Girard",
            role: ProgramRole::Mentee,
            grade: 8,
            timezone: "Europe/Paris",
            department: "Legal",
            availability: vec![window(1, "09:00", "12:00")],
            skills: vec![("tiktok.video", 0, Some(3))],
        },
    )?;
    let first = program(&mut store, "Pilote")?;
    let second = program(&mut store, "Second")?;
    let lea_marc = pair(&mut store, first, lea, marc)?;
    let sam_nina = pair(&mut store, first, sam, nina)?;
    let lea_paul = pair(&mut store, second, lea, paul)?;
    Ok(World {
        store,
        program: first,
        second,
        lea,
        marc,
        sam,
        nina,
        paul,
        lea_marc,
        sam_nina,
        lea_paul,
    })
}

impl World {
    /// Everyone acknowledges both charters on the programs' first day.
    pub fn acknowledge_all(&mut self) -> CoreResult<()> {
        let now = start_of_programs();
        for (program, people) in [
            (self.program, vec![self.lea, self.marc, self.sam, self.nina]),
            (self.second, vec![self.lea, self.paul]),
        ] {
            for p in people {
                acknowledge_charter(&mut self.store, program, p, now)?;
            }
        }
        Ok(())
    }

    /// Books `pair` for `minutes` from `start`, without a location, on the programs' first day.
    pub fn book(
        &mut self,
        pair: PairId,
        start: DateTime<Utc>,
        minutes: u16,
    ) -> CoreResult<Session> {
        create_session(
            &mut self.store,
            pair,
            SessionTime::new(start, minutes),
            "",
            start_of_programs(),
        )
    }
}

/// Léa and Marc with the charter acknowledged and a session in Room 2 held on Tuesday 13 January,
/// 10:00–11:00 in Paris.
pub fn held() -> CoreResult<(World, Session)> {
    let mut w = world()?;
    w.acknowledge_all()?;
    let s = create_session(
        &mut w.store,
        w.lea_marc,
        SessionTime::new(at(PARIS, 2026, 1, 13, 10, 0), 60),
        "Room 2",
        start_of_programs(),
    )?;
    let s = mark_held(&mut w.store, s.id, at(PARIS, 2026, 1, 13, 11, 0))?;
    Ok((w, s))
}

/// Everything the session rules write, as text: programs' pairs, charters, sessions and logs.
pub fn snapshot(store: &Store) -> CoreResult<String> {
    let mut out = String::new();
    for p in list_programs(store)? {
        out.push_str(&format!("{p:?}\n{:?}\n", charter_status(store, p.id)?));
        for pair in list_pairs(store, p.id)? {
            out.push_str(&format!("{pair:?}\n"));
            let Ok(sessions) = list_sessions(store, PairId(pair.id)) else {
                continue;
            };
            for s in sessions {
                out.push_str(&format!("{s:?}\n{:?}\n", get_log(store, s.id)?));
            }
        }
    }
    Ok(out)
}

/// The `(field, key)` pairs of a validation error; panics on any other error.
pub fn field_keys(result: CoreResult<impl std::fmt::Debug>) -> Vec<(String, String)> {
    match result {
        Err(CoreError::Validation(errors)) => {
            errors.into_iter().map(|e| (e.field, e.key)).collect()
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
}

/// The English sentence of a conflict; panics on any other outcome.
pub fn conflict(result: CoreResult<impl std::fmt::Debug>) -> String {
    refusal(result).message
}

/// The whole refusal of a conflict (key and params, as the UI gets them); panics otherwise.
pub fn refusal(result: CoreResult<impl std::fmt::Debug>) -> tandem_core::Refusal {
    match result {
        Err(CoreError::Conflict(refusal)) => refusal,
        other => panic!("expected a conflict, got {other:?}"),
    }
}

/// A valid log: LinkedIn posts practised, a task, ratings, a self-assessment.
pub fn good_log() -> LogInput {
    LogInput {
        topics: vec![LogTopicInput {
            topic_id: "linkedin.post".into(),
            depth: TopicDepth::Practised,
        }],
        task_set: "Publish one LinkedIn post about the team's latest project".into(),
        previous_task_outcome: None,
        summary: "Wrote a first post together and looked at who reacts.".into(),
        private_notes: "Marc is nervous about comments; start next time with moderation.".into(),
        mentee_rating: Some(5),
        mentor_rating: Some(4),
        self_assessment: vec![SelfAssessmentInput {
            topic_id: "linkedin.post".into(),
            level: 1,
        }],
    }
}
