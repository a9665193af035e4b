//! Structured synthetic programs for benchmarks, tests and load demos of the matcher.
//!
//! Not uniform noise: people sit in departments under a real manager forest (mentors report to
//! mentees, so reporting chains and teams bite), on sites with their own time zones and languages
//! (some people speak only the local one), with department-flavoured interests, working-hours
//! availability, and mentors specialised on one or two platforms. The same [`Spec`] always gives
//! the same program.
//!
//! How to change it: keep it deterministic from the seed, and keep ids random-looking so id order
//! differs from generation order (tie-breaks are tested through it).

use fastrand::Rng;
use uuid::Uuid;

use super::features::{Goal, OrgChart, OrgPos, Person, WEEK_MINUTES};
use super::Settings;
use crate::domain::{AdoptionProfile, EmployeeId};

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    pub mentees: usize,
    pub mentors: usize,
    pub seed: u64,
    /// Mentor capacities are drawn in 1..=max_capacity (1 = one-to-one).
    pub max_capacity: u8,
    /// HR exclusions, as a share of mentees (per mille).
    pub exclusions_per_mille: u32,
    /// Locked pairs to draw, between random mentees and mentors (a lock may even break a hard
    /// constraint: locks are HR's call and are kept as they are).
    pub locks: usize,
}

impl Spec {
    pub fn new(mentees: usize, mentors: usize, seed: u64) -> Self {
        Self {
            mentees,
            mentors,
            seed,
            max_capacity: 1,
            exclusions_per_mille: 0,
            locks: 0,
        }
    }
}

/// A generated program: people, their manager forest and settings.
#[derive(Debug, Clone)]
pub struct Program {
    pub mentees: Vec<Person>,
    pub mentors: Vec<Person>,
    pub settings: Settings,
    /// `(employee, manager)` for everyone, department heads included.
    pub reporting: Vec<(EmployeeId, Option<EmployeeId>)>,
}

/// Sites: UTC offset in minutes and the language bits spoken there (bit 0 = English).
const SITES: [(i32, u64); 6] = [
    (60, 0b0011),   // Paris: en, fr
    (0, 0b0001),    // London: en
    (-300, 0b0101), // New York: en, es
    (-300, 0b0011), // Montreal: en, fr
    (60, 0b1001),   // Berlin: en, de
    (480, 0b0001),  // Singapore: en
];
const TOPICS: usize = 30;
const PLATFORMS: usize = 5;
const INTERESTS: usize = 48;
const DEPARTMENTS: usize = 8;

fn id(rng: &mut Rng) -> EmployeeId {
    EmployeeId(Uuid::from_u128(rng.u128(..)))
}

fn base_person(rng: &mut Rng, dept: usize, grade: u8, junior: bool) -> Person {
    let mut p = Person::new(id(rng));
    p.department = dept as u32;
    p.grade = grade;
    let site = if rng.u8(..) < 150 {
        dept % SITES.len()
    } else {
        rng.usize(..SITES.len())
    };
    p.site = site as u32;
    let (offset, langs) = SITES[site];
    // Most speak English plus the local language; some only the local one.
    p.languages = if langs != 1 && rng.u8(..) < 40 {
        langs & !1
    } else {
        langs
    };
    if rng.u8(..) < 25 {
        p.languages |= 1 << rng.u32(1..4);
    }
    // Interests: mostly from the department's cluster of tags.
    for _ in 0..rng.usize(2..6) {
        let tag = if rng.u8(..) < 170 {
            dept * 4 + rng.usize(..8)
        } else {
            rng.usize(..INTERESTS)
        };
        p.interests.insert(tag % INTERESTS);
    }
    // Availability: working-hours slots on weekdays, local time; juniors have more.
    let slots = if junior {
        rng.usize(3..8)
    } else {
        rng.usize(1..5)
    };
    for _ in 0..slots {
        let day = rng.u32(0..5);
        let start = rng.u32(16..36) * 30; // 08:00..18:00
        let len = rng.u32(2..5) * 30;
        let local = day * 1440 + start;
        let utc = (i64::from(local) - i64::from(offset)).rem_euclid(i64::from(WEEK_MINUTES)) as u32;
        p.availability.add_utc_range(utc, utc + len);
    }
    p
}

/// Generates a program from `spec`.
pub fn program(spec: &Spec) -> Program {
    let mut rng = Rng::with_seed(spec.seed);
    let mut reporting = Vec::new();
    let heads: Vec<EmployeeId> = (0..DEPARTMENTS).map(|_| id(&mut rng)).collect();
    let ceo = id(&mut rng);
    reporting.push((ceo, None));
    for h in &heads {
        reporting.push((*h, Some(ceo)));
    }

    // Mentees: senior managers, most senior first so each can report to a more senior one.
    let mut mentees: Vec<Person> = (0..spec.mentees)
        .map(|_| {
            let dept = rng.usize(..DEPARTMENTS);
            let grade = 5 + (rng.u8(0..5) + rng.u8(0..5)) / 2;
            let mut p = base_person(&mut rng, dept, grade, false);
            p.profile = Some(match rng.u8(0..20) {
                0 => AdoptionProfile::Categorical,
                1..=2 => AdoptionProfile::Allergic,
                3..=6 => AdoptionProfile::Curious,
                7..=10 => AdoptionProfile::Anxious,
                11..=13 => AdoptionProfile::Enthusiast,
                14..=16 => AdoptionProfile::GoodStudent,
                _ => AdoptionProfile::Overwhelmed,
            });
            // Goals on one or two platforms.
            let platforms = rng.usize(1..3);
            for _ in 0..platforms {
                let pl = rng.usize(..PLATFORMS);
                for _ in 0..rng.usize(1..4) {
                    let topic = (pl * 6 + rng.usize(..6)) as u16;
                    if p.goals.iter().any(|g| g.topic == topic) {
                        continue;
                    }
                    let level = rng.u8(0..2);
                    let target = rng.u8(level + 1..5);
                    p.goals.push(Goal {
                        topic,
                        level,
                        target,
                    });
                }
            }
            p.levels = vec![0; TOPICS];
            for g in &p.goals {
                p.levels[usize::from(g.topic)] = g.level;
            }
            p.goals.sort_by_key(|g| g.topic);
            p
        })
        .collect();
    mentees.sort_by_key(|p| std::cmp::Reverse(p.grade));
    let mut by_dept: Vec<Vec<usize>> = vec![Vec::new(); DEPARTMENTS];
    for (i, p) in mentees.iter().enumerate() {
        let dept = p.department as usize;
        let seniors: Vec<usize> = by_dept[dept]
            .iter()
            .copied()
            .filter(|&s| mentees[s].grade > p.grade)
            .collect();
        let manager = if seniors.is_empty() || rng.u8(..) < 30 {
            heads[dept]
        } else {
            mentees[seniors[rng.usize(..seniors.len())]].id
        };
        reporting.push((p.id, Some(manager)));
        by_dept[dept].push(i);
    }
    let mentee_manager: Vec<Option<EmployeeId>> = reporting[1 + DEPARTMENTS..]
        .iter()
        .map(|(_, m)| *m)
        .collect();
    for (p, m) in mentees.iter_mut().zip(mentee_manager) {
        p.manager = m;
    }

    // Mentors: juniors reporting to a manager in their department, specialised on 1–2 platforms.
    let mut mentors: Vec<Person> = (0..spec.mentors)
        .map(|_| {
            let dept = rng.usize(..DEPARTMENTS);
            let grade = 1 + rng.u8(0..4);
            let mut p = base_person(&mut rng, dept, grade, true);
            p.levels = (0..TOPICS).map(|_| rng.u8(0..3)).collect();
            for _ in 0..rng.usize(1..3) {
                let pl = rng.usize(..PLATFORMS);
                for t in 0..6 {
                    p.levels[pl * 6 + t] = rng.u8(2..5);
                }
            }
            p.tenure_months = Some(rng.u32(2..60));
            p.profile = Some(AdoptionProfile::Enthusiast);
            p
        })
        .collect();
    for p in mentors.iter_mut() {
        let dept = p.department as usize;
        let manager = if by_dept[dept].is_empty() || rng.u8(..) < 20 {
            heads[dept]
        } else {
            mentees[by_dept[dept][rng.usize(..by_dept[dept].len())]].id
        };
        p.manager = Some(manager);
        reporting.push((p.id, Some(manager)));
    }

    let chart = OrgChart::new(&reporting).unwrap_or_default();
    for p in mentees.iter_mut().chain(mentors.iter_mut()) {
        p.org = chart.position(p.id);
    }
    debug_assert!(mentees.iter().all(|p| p.org != OrgPos::DETACHED));

    let mut settings = Settings::default();
    if spec.max_capacity > 1 {
        for p in &mentors {
            settings
                .capacity_overrides
                .insert(p.id, 1 + rng.u8(0..spec.max_capacity));
        }
    }
    if !mentors.is_empty() {
        let count = spec.mentees * spec.exclusions_per_mille as usize / 1000;
        for _ in 0..count {
            let a = mentees[rng.usize(..mentees.len())].id;
            let b = mentors[rng.usize(..mentors.len())].id;
            settings.excluded_pairs.insert((a, b));
        }
        let mut locked = std::collections::HashSet::new();
        for _ in 0..spec.locks.min(spec.mentees) {
            let a = mentees[rng.usize(..mentees.len())].id;
            if locked.insert(a) {
                let b = mentors[rng.usize(..mentors.len())].id;
                settings.locked_pairs.push((a, b));
            }
        }
    }
    // Shuffle so input order is neither id order nor generation order.
    rng.shuffle(&mut mentees);
    rng.shuffle(&mut mentors);
    Program {
        mentees,
        mentors,
        settings,
        reporting,
    }
}
