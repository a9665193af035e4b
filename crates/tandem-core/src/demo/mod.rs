//! The demo company, and synthetic companies of any size for tests and benchmarks.
//!
//! [`load_demo`] fills an empty database with `assets/demo/company.json` (embedded at build time), so
//! a first-time user can explore Tandem without an HR file. Every demo employee is checked exactly
//! like the form checks it ([`directory::check_draft`]), the reporting lines are checked for cycles,
//! and everything is inserted in one transaction: a broken file changes nothing. To change the demo
//! data, edit the JSON (format below) and run the `demo_*` tests.
//!
//! File format: `{ "company": "...", "employees": [ { "external_id", "first_name", "last_name",
//! "email", "department", "title", "grade", "manager_external_id" (null at the top), "site",
//! "timezone", "languages": [..], "hire_date": "YYYY-MM-DD" | null, "role": "mentor|mentee|both|none",
//! "adoption_profile": null | "curious" | ..., "availability": [ { "weekday", "start_minute",
//! "end_minute" } ], "interests": [..], "skills": [ { "topic_id", "level", "target" } ] } ] }`.
//! Employees may come before their managers.
//!
//! [`load_demo_with_program`] adds, after the company, a program already under way (see
//! [`program`]); [`load_first_launch_demo`] does both as of the local date, for a new database.
//!
//! [`seed_synthetic`] inserts a generated company (a reporting tree, accented names, skills) for
//! scale tests and the directory benchmark.

mod program;
mod texts;

pub use program::{load_demo_program, DemoProgram, DEMO_PROGRAM_NAME};

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::directory::{self, find_reporting_cycle};
use crate::domain::{
    AdoptionProfile, AvailabilitySlot, EmployeeDraft, EmployeeId, ProgramRole, SkillLevel,
};
use crate::store::employees as db;
use crate::{CoreError, CoreResult, RefusalKey, Store};

/// The demo company shipped with the app.
pub const DEMO_JSON: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../assets/demo/company.json"
));

#[derive(Debug, Deserialize)]
struct DemoFile {
    #[allow(dead_code)]
    company: String,
    employees: Vec<DemoEmployee>,
}

#[derive(Debug, Deserialize)]
struct DemoEmployee {
    external_id: String,
    first_name: String,
    last_name: String,
    email: String,
    #[serde(default)]
    department: String,
    #[serde(default)]
    title: String,
    grade: u8,
    manager_external_id: Option<String>,
    #[serde(default)]
    site: String,
    timezone: String,
    #[serde(default)]
    languages: Vec<String>,
    hire_date: Option<NaiveDate>,
    role: ProgramRole,
    adoption_profile: Option<AdoptionProfile>,
    #[serde(default)]
    availability: Vec<AvailabilitySlot>,
    #[serde(default)]
    interests: Vec<String>,
    #[serde(default)]
    skills: Vec<SkillLevel>,
}

/// Loads the shipped demo company into an empty database; returns how many employees it added.
pub fn load_demo(store: &mut Store) -> CoreResult<usize> {
    load_demo_from_str(store, DEMO_JSON)
}

/// Fixed so that every first launch shows the same audience figures.
const DEMO_AUDIENCE_SEED: u64 = 2026;

/// What [`load_demo_with_program`] loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoLoad {
    pub employees: usize,
    pub program: DemoProgram,
}

/// Loads the demo company and its program under way as of `today` into an empty database.
pub fn load_demo_with_program(store: &mut Store, today: NaiveDate) -> CoreResult<DemoLoad> {
    let employees = load_demo(store)?;
    let program = load_demo_program(store, today)?;
    // Follower figures feed the dashboard's estimated audience.
    crate::progress::seed_demo_audience(store, DEMO_AUDIENCE_SEED)?;
    Ok(DemoLoad { employees, program })
}

/// What a new database gets on first launch: the demo company and its program, as of the local
/// date.
pub fn load_first_launch_demo(store: &mut Store) -> CoreResult<DemoLoad> {
    load_demo_with_program(store, chrono::Local::now().date_naive())
}

/// Opens the database file at `path`, first creating it with the demo company and its program
/// when it does not exist. The demo is written into `<path>.creating` and renamed into place only
/// once complete, so a first launch killed halfway leaves no database at `path` (the next launch
/// starts again), never half a demo.
pub fn open_or_create_with_demo(path: &std::path::Path) -> CoreResult<Store> {
    if !path.exists() {
        let mut creating = path.as_os_str().to_owned();
        creating.push(".creating");
        let creating = std::path::PathBuf::from(creating);
        // A file left by a launch killed halfway is not a database anyone used.
        for leftover in ["", "-wal", "-shm", "-journal"] {
            let mut name = creating.as_os_str().to_owned();
            name.push(leftover);
            let _ = std::fs::remove_file(std::path::PathBuf::from(name));
        }
        let mut store = Store::open(&creating)?;
        load_first_launch_demo(&mut store)?;
        // Closing checkpoints the WAL into the file, which then moves as one.
        drop(store);
        std::fs::rename(&creating, path).map_err(|e| {
            CoreError::Migration(format!(
                "the new database could not be moved to {}: {e}",
                path.display()
            ))
        })?;
    }
    Store::open(path)
}

/// Loads a demo company given as JSON (the format in the module docs) into an empty database.
///
/// A database that already has employees is refused ([`CoreError::Conflict`]); a file that cannot be
/// read, names an unknown manager, has a reporting cycle or an employee the form would refuse is a
/// [`CoreError::InvalidFile`] naming the employee. Either way nothing is written.
pub fn load_demo_from_str(store: &mut Store, json: &str) -> CoreResult<usize> {
    let file: DemoFile = serde_json::from_str(json)
        .map_err(|e| demo_invalid(format!("the demo data cannot be read: {e}")))?;
    store.transaction(|tx| {
        let existing = db::count_employees(tx)?;
        if existing > 0 {
            return Err(CoreError::conflict(
                RefusalKey::DemoNeedsEmptyDatabase,
                format!(
                    "the database already has {existing} employee(s): the demo company loads only into an empty database"
                ),
            )
            .with("count", existing));
        }
        let mut ids: HashMap<&str, EmployeeId> = HashMap::with_capacity(file.employees.len());
        for e in &file.employees {
            if ids.insert(e.external_id.as_str(), EmployeeId::new()).is_some() {
                return Err(demo_invalid(format!(
                    "the demo data lists the HR id {} twice",
                    e.external_id
                )));
            }
        }
        let mut edges: HashMap<&str, Option<&str>> = HashMap::with_capacity(ids.len());
        for e in &file.employees {
            let manager = e.manager_external_id.as_deref();
            if let Some(manager) = manager {
                if !ids.contains_key(manager) {
                    return Err(demo_invalid(format!(
                        "demo employee {} reports to {manager}, who is not in the file",
                        e.external_id
                    )));
                }
            }
            edges.insert(e.external_id.as_str(), manager);
        }
        if let Some(cycle) = find_reporting_cycle(&edges) {
            return Err(demo_invalid(format!(
                "the demo data has a reporting cycle: {}",
                cycle.join(" → ")
            )));
        }
        // Insert everyone without a manager first, so the order of the file does not matter, then
        // link the reporting lines (already checked for cycles above).
        let now = db::now_timestamp();
        for e in &file.employees {
            let id = ids[e.external_id.as_str()];
            let draft = directory::check_draft(tx, None, draft_of(e)).map_err(|err| {
                demo_invalid(format!(
                    "demo employee {} ({} {}): {err}",
                    e.external_id, e.first_name, e.last_name
                ))
            })?;
            db::insert_employee(tx, id, &draft, &now)?;
        }
        for e in &file.employees {
            if let Some(manager) = e.manager_external_id.as_deref() {
                db::set_manager(tx, ids[e.external_id.as_str()], Some(ids[manager]), &now)?;
            }
        }
        Ok(file.employees.len())
    })
}

fn draft_of(e: &DemoEmployee) -> EmployeeDraft {
    EmployeeDraft {
        external_id: e.external_id.clone(),
        first_name: e.first_name.clone(),
        last_name: e.last_name.clone(),
        email: e.email.clone(),
        department: e.department.clone(),
        title: e.title.clone(),
        grade: e.grade,
        manager_id: None,
        site: e.site.clone(),
        timezone: e.timezone.clone(),
        languages: e.languages.clone(),
        hire_date: e.hire_date,
        role: Some(e.role),
        adoption_profile: e.adoption_profile,
        availability: e.availability.clone(),
        interests: e.interests.clone(),
        skills: e.skills.clone(),
    }
}

/// A small deterministic pseudo-random generator (xorshift), so synthetic data is reproducible
/// without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const SYNTHETIC_FIRST_NAMES: &[&str] = &[
    "Hélène",
    "Zoé",
    "Loïc",
    "Chloé",
    "Jérôme",
    "François",
    "Maëlle",
    "Noémie",
    "Agnès",
    "Benoît",
    "Léa",
    "Paul",
    "Camille",
    "Lucas",
    "Emma",
    "Hugo",
    "Inès",
    "Louis",
    "Manon",
    "Nathan",
    "Sarah",
    "Thomas",
    "Julie",
    "Karim",
    "Aïcha",
    "Yann",
    "Océane",
    "Rémi",
    "Céline",
    "Anaïs",
];
const SYNTHETIC_LAST_NAMES: &[&str] = &[
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
    "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
    "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet",
    "Çelik", "Nguyen", "Élie",
];
const SYNTHETIC_DEPARTMENTS: &[&str] = &[
    "Ventes",
    "Marketing",
    "Finance",
    "Ressources humaines",
    "Informatique",
    "Juridique",
    "Logistique",
    "Communication",
    "Recherche & développement",
    "Achats",
];
const SYNTHETIC_SITES: &[&str] = &["Paris", "Lyon", "Nantes", "Lille", "Montréal"];
const SYNTHETIC_TITLES: &[&str] = &[
    "Assistant",
    "Chargé de mission",
    "Analyste",
    "Consultant",
    "Chef de projet",
    "Responsable d'équipe",
    "Manager",
    "Directeur adjoint",
    "Directeur",
    "Directeur général",
];
const SYNTHETIC_TOPICS: &[&str] = &[
    "linkedin.profile",
    "linkedin.post",
    "tiktok.video",
    "tiktok.trends",
    "x.post",
    "instagram.reels",
    "youtube.video",
];
const SYNTHETIC_INTERESTS: &[&str] = &["video", "recruiting", "sport", "photo", "writing", "data"];

/// `count` generated employees, managers before their reports (employee `i` reports to
/// `(i - 1) / 6`, so the tree is about five levels deep at 20,000). Same `seed`, same company.
pub fn synthetic_company(count: usize, seed: u64) -> Vec<(EmployeeId, EmployeeDraft)> {
    let mut rng = Rng(seed | 1);
    let ids: Vec<EmployeeId> = (0..count)
        .map(|i| EmployeeId(uuid::Uuid::from_u64_pair(seed, i as u64)))
        .collect();
    let roles = [
        ProgramRole::Mentor,
        ProgramRole::Mentee,
        ProgramRole::Both,
        ProgramRole::None,
        ProgramRole::None,
    ];
    (0..count)
        .map(|i| {
            let first = rng.pick(SYNTHETIC_FIRST_NAMES);
            let last = rng.pick(SYNTHETIC_LAST_NAMES);
            let depth = (i + 1).ilog(6) as usize;
            let grade = (10 - depth.min(9) as u8)
                .saturating_sub(rng.below(2) as u8)
                .max(1);
            let role = roles[rng.below(roles.len())];
            let skills = (0..rng.below(4))
                .map(|k| SkillLevel {
                    topic_id: SYNTHETIC_TOPICS[(i + k) % SYNTHETIC_TOPICS.len()].to_owned(),
                    level: rng.below(5) as u8,
                    target: None,
                })
                .collect();
            let email_local = crate::domain::text::fold(&format!("{first}.{last}"))
                .replace(|c: char| !c.is_ascii_alphanumeric() && c != '.', "");
            let draft = EmployeeDraft {
                external_id: format!("S{i:06}"),
                first_name: first.to_owned(),
                last_name: last.to_owned(),
                email: format!("{email_local}.{i}@example.com"),
                department: rng.pick(SYNTHETIC_DEPARTMENTS).to_owned(),
                title: SYNTHETIC_TITLES[usize::from(grade) - 1].to_owned(),
                grade,
                manager_id: if i == 0 { None } else { Some(ids[(i - 1) / 6]) },
                site: rng.pick(SYNTHETIC_SITES).to_owned(),
                timezone: "Europe/Paris".to_owned(),
                languages: vec!["fr".to_owned()],
                hire_date: None,
                role: Some(role),
                adoption_profile: if role.can_be_mentored() {
                    Some(AdoptionProfile::ALL[rng.below(AdoptionProfile::ALL.len())])
                } else {
                    None
                },
                availability: Vec::new(),
                interests: vec![rng.pick(SYNTHETIC_INTERESTS).to_owned()],
                skills,
            };
            (ids[i], crate::domain::validation::normalize(draft))
        })
        .collect()
}

/// Inserts [`synthetic_company`] in one transaction (it must be valid and the database empty of
/// those ids and emails); returns the ids in generation order.
pub fn seed_synthetic(store: &mut Store, count: usize, seed: u64) -> CoreResult<Vec<EmployeeId>> {
    let company = synthetic_company(count, seed);
    store.transaction(|tx| {
        let now = db::now_timestamp();
        for (id, draft) in &company {
            db::insert_employee(tx, *id, draft, &now)?;
        }
        Ok(company.iter().map(|(id, _)| *id).collect())
    })
}

/// A program of `mentees` mentees and `mentors` mentors for benchmarks at scale: a
/// [`synthetic_company`] whose first `mentees` people are mentees with learning goals and the
/// next `mentors` are mentors with skills, everyone with two weekly slots. Employees are written
/// in one transaction; the program and its participants through the program rules. Returns the
/// program's id.
pub fn seed_synthetic_program(
    store: &mut Store,
    mentees: usize,
    mentors: usize,
    seed: u64,
) -> CoreResult<crate::program::ProgramId> {
    use crate::program::{ProgramInput, Side};
    let mut company = synthetic_company(mentees + mentors, seed);
    let mut rng = Rng(seed.rotate_left(17) | 1);
    for (i, (_, draft)) in company.iter_mut().enumerate() {
        let mentee = i < mentees;
        draft.role = Some(if mentee {
            ProgramRole::Mentee
        } else {
            ProgramRole::Mentor
        });
        if draft.adoption_profile.is_none() && mentee {
            draft.adoption_profile =
                Some(AdoptionProfile::ALL[rng.below(AdoptionProfile::ALL.len())]);
        }
        if !mentee {
            draft.adoption_profile = None;
        }
        draft.skills = (0..1 + rng.below(3))
            .map(|k| {
                let topic = SYNTHETIC_TOPICS[(i + 3 * k) % SYNTHETIC_TOPICS.len()].to_owned();
                if mentee {
                    let level = rng.below(2) as u8;
                    SkillLevel {
                        topic_id: topic,
                        level,
                        target: Some(level + 1 + rng.below(3) as u8),
                    }
                } else {
                    SkillLevel {
                        topic_id: topic,
                        level: 2 + rng.below(3) as u8,
                        target: None,
                    }
                }
            })
            .collect();
        draft.skills.sort_by(|a, b| a.topic_id.cmp(&b.topic_id));
        draft.skills.dedup_by(|a, b| a.topic_id == b.topic_id);
        draft.availability = (0..2)
            .map(|_| {
                let start = 8 * 60 + 30 * rng.below(16) as u16;
                AvailabilitySlot {
                    weekday: 1 + rng.below(5) as u8,
                    start_minute: start,
                    end_minute: start + 60 + 30 * rng.below(3) as u16,
                }
            })
            .collect();
        draft
            .availability
            .sort_by_key(|s| (s.weekday, s.start_minute));
        draft
            .availability
            .dedup_by(|a, b| a.weekday == b.weekday && a.start_minute < b.end_minute);
    }
    let ids: Vec<EmployeeId> = store.transaction(|tx| {
        let now = db::now_timestamp();
        for (id, draft) in &company {
            db::insert_employee(tx, *id, draft, &now)?;
        }
        Ok(company.iter().map(|(id, _)| *id).collect())
    })?;
    let start = chrono::Local::now().date_naive();
    let program = crate::program::create_program(
        store,
        ProgramInput::new(
            &format!("Synthetic {mentees} x {mentors}"),
            start,
            start + chrono::Days::new(180),
        ),
    )?;
    crate::program::add_participants(store, program.id, Side::Mentee, &ids[..mentees])?;
    crate::program::add_participants(store, program.id, Side::Mentor, &ids[mentees..])?;
    Ok(program.id)
}

/// The bundled demo data is broken: a build defect, reported with what is wrong.
pub(crate) fn demo_invalid(detail: String) -> CoreError {
    CoreError::invalid_file(RefusalKey::DemoDataInvalid, detail.clone()).with("detail", detail)
}
