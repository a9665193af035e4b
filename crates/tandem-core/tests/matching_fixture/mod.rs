//! The random small programs and plain people the matching tests share: `small_program` draws a
//! random manager forest with random profiles, capacities, exclusions and locks, `plain` builds
//! a bare person. Add a helper here only when both `tests/matching*.rs` files use it.

#![allow(dead_code)]

use std::collections::HashMap;

use fastrand::Rng;
use tandem_core::domain::{AdoptionProfile, EmployeeId};
use tandem_core::matching::features::{Goal, OrgChart, Person};
use tandem_core::matching::Settings;
use uuid::Uuid;

pub fn eid(n: u128) -> EmployeeId {
    EmployeeId(Uuid::from_u128(n))
}

/// A small random program: a random manager forest over mentees, mentors and a few extra
/// managers, random grades, languages, interests, availability, skills and goals, random
/// capacities, exclusions and locks.
pub struct Small {
    pub mentees: Vec<Person>,
    pub mentors: Vec<Person>,
    pub settings: Settings,
    pub manager_of: HashMap<EmployeeId, EmployeeId>,
}

pub fn small_program(rng: &mut Rng, max_side: usize) -> Small {
    let n = rng.usize(0..=max_side);
    let m = rng.usize(0..=max_side);
    let extra = rng.usize(0..4);
    let total = n + m + extra;
    // Random ids so id order differs from generation order.
    let ids: Vec<EmployeeId> = (0..total).map(|_| eid(rng.u128(..))).collect();
    // A random forest: each person's manager is an earlier person in a random order.
    let mut order: Vec<usize> = (0..total).collect();
    rng.shuffle(&mut order);
    let mut manager_of = HashMap::new();
    let mut edges = Vec::new();
    for (pos, &p) in order.iter().enumerate() {
        let manager = (pos > 0 && rng.u8(..) < 200).then(|| ids[order[rng.usize(..pos)]]);
        if let Some(mgr) = manager {
            manager_of.insert(ids[p], mgr);
        }
        edges.push((ids[p], manager));
    }
    let chart = OrgChart::new(&edges).expect("a forest has no cycle");
    let person = |rng: &mut Rng, idx: usize| {
        let mut p = Person::new(ids[idx]);
        p.manager = manager_of.get(&ids[idx]).copied();
        p.org = chart.position(ids[idx]);
        p.department = rng.u32(0..3);
        p.site = rng.u32(0..3);
        p.grade = rng.u8(1..8);
        p.languages = rng.u64(0..8);
        for _ in 0..rng.usize(0..4) {
            p.interests.insert(rng.usize(0..6));
        }
        for _ in 0..rng.usize(0..3) {
            let start = rng.u32(0..7 * 24 * 60 - 240);
            p.availability
                .add_utc_range(start, start + rng.u32(15..240));
        }
        p.levels = (0..6).map(|_| rng.u8(0..5)).collect();
        for topic in 0..6u16 {
            if rng.u8(..) < 80 {
                let level = rng.u8(0..3);
                p.goals.push(Goal {
                    topic,
                    level,
                    target: rng.u8(level + 1..5),
                });
            }
        }
        p.profile = match rng.u8(0..4) {
            0 => None,
            1 => Some(AdoptionProfile::Anxious),
            2 => Some(AdoptionProfile::Overwhelmed),
            _ => Some(AdoptionProfile::Curious),
        };
        p.tenure_months = rng.bool().then(|| rng.u32(0..40));
        p
    };
    let mentees: Vec<Person> = (0..n).map(|i| person(rng, i)).collect();
    let mentors: Vec<Person> = (n..n + m).map(|i| person(rng, i)).collect();
    let mut settings = Settings {
        default_capacity: rng.u8(1..=3),
        require_different_department: rng.u8(..) < 60,
        candidates_per_person: 4,
        ..Settings::default()
    };
    for p in &mentors {
        if rng.bool() {
            settings.capacity_overrides.insert(p.id, rng.u8(0..=3));
        }
    }
    for a in &mentees {
        for b in &mentors {
            if rng.u8(..) < 25 {
                settings.excluded_pairs.insert((a.id, b.id));
            }
        }
        if !mentors.is_empty() && rng.u8(..) < 30 {
            settings
                .locked_pairs
                .push((a.id, mentors[rng.usize(..mentors.len())].id));
        }
    }
    Small {
        mentees,
        mentors,
        settings,
        manager_of,
    }
}

pub fn plain(id: u128, grade: u8, languages: u64) -> Person {
    let mut p = Person::new(eid(id));
    p.grade = grade;
    p.languages = languages;
    p
}
