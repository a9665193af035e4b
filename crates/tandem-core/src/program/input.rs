//! Builds the matching engine's input from the store, and turns the engine's explanation data
//! (vocabulary indices) back into names the UI can print.
//!
//! The org chart is built from every employee's reporting line, so a chain through managers who
//! take no part in the program still forbids a pair. Only active participants enter the engine;
//! the reference week for time zones is the program's start date. To feed the engine a new input,
//! extend [`load`] (and `matching::FeatureBuilder` if it is a new feature).

use std::collections::{HashMap, HashSet};

use crate::store::db::Connection;

use crate::domain::{Employee, EmployeeId, ProgramRole, Topic};
use crate::matching::{self, Explanation, FeatureBuilder, Parts, Person, Settings, Vocabulary};
use crate::program::{
    CoveredGoal, PairExplanation, PersonSummary, Program, ProgramId, Side, StoredPair, TopicName,
};
use crate::store::catalog as catalog_db;
use crate::store::programs as db;
use crate::{CoreError, CoreResult};

/// Everything one engine call needs, loaded in one pass.
pub(crate) struct EngineInput {
    pub program: Program,
    /// Active mentees and mentors, in id order.
    pub mentees: Vec<Person>,
    pub mentors: Vec<Person>,
    /// Features of every participant, active or not (to explain a pair outside the engine).
    pub persons: HashMap<EmployeeId, Person>,
    pub sides: HashMap<EmployeeId, Side>,
    pub people: HashMap<EmployeeId, PersonSummary>,
    /// Matching capacity of each mentor.
    pub capacities: HashMap<EmployeeId, u8>,
    pub settings: Settings,
    pub vocabulary: Vocabulary,
    pub topics: HashMap<String, Topic>,
    pub pairs: Vec<StoredPair>,
}

impl EngineInput {
    /// The summary of a participant (always present for ids from this input).
    pub fn person(&self, id: EmployeeId) -> PersonSummary {
        self.people
            .get(&id)
            .cloned()
            .unwrap_or_else(|| PersonSummary {
                id,
                first_name: String::new(),
                last_name: String::new(),
                email: String::new(),
                department: String::new(),
                title: String::new(),
                active: false,
            })
    }

    /// Whether both are active participants the engine sees.
    pub fn in_engine(&self, mentee: EmployeeId, mentor: EmployeeId) -> bool {
        let active = |id| self.people.get(&id).is_some_and(|p| p.active);
        self.sides.get(&mentee) == Some(&Side::Mentee)
            && self.sides.get(&mentor) == Some(&Side::Mentor)
            && active(mentee)
            && active(mentor)
    }

    /// The stored pairs a run keeps as they are (locked or approved) and the engine can see.
    pub fn kept_locks(&self) -> Vec<(EmployeeId, EmployeeId)> {
        self.pairs
            .iter()
            .filter(|p| p.locked || p.status == crate::program::PairStatus::Approved)
            .filter(|p| self.in_engine(p.mentee, p.mentor))
            .map(|p| (p.mentee, p.mentor))
            .collect()
    }

    /// Names the engine's explanation data.
    pub fn explain(&self, e: &Explanation) -> PairExplanation {
        let name = |list: &Vec<String>, i: usize| list.get(i).cloned().unwrap_or_default();
        let covered_goals = e
            .covered_topics
            .iter()
            .map(|c| {
                let id = name(&self.vocabulary.topics, usize::from(c.topic));
                let topic = match self.topics.get(&id) {
                    Some(t) => TopicName {
                        id: t.id.clone(),
                        platform_id: t.platform_id.clone(),
                        name_en: t.name_en.clone(),
                        name_fr: t.name_fr.clone(),
                    },
                    None => TopicName {
                        platform_id: String::new(),
                        name_en: id.clone(),
                        name_fr: id.clone(),
                        id,
                    },
                };
                CoveredGoal {
                    topic,
                    mentee_level: c.mentee_level,
                    mentee_target: c.mentee_target,
                    mentor_level: c.mentor_level,
                    covered: c.covered,
                }
            })
            .collect();
        PairExplanation {
            score: e.score,
            parts: e.parts,
            contributions: contributions(&e.parts, &self.settings),
            covered_goals,
            shared_interests: e
                .shared_interests
                .iter()
                .map(|&i| name(&self.vocabulary.interests, i))
                .collect(),
            overlap_minutes: e.overlap_minutes,
            same_site: e.same_site,
            shared_languages: e
                .shared_languages
                .iter()
                .map(|&i| name(&self.vocabulary.languages, i))
                .collect(),
            adoption_rule: e.adoption_rule.to_owned(),
            blocked_by: e.blocked_by,
        }
    }

    /// Explains one pair of participants directly (outside a solve).
    pub fn explain_pair(&self, mentee: EmployeeId, mentor: EmployeeId) -> Option<Explanation> {
        let (Some(me), Some(mo)) = (self.persons.get(&mentee), self.persons.get(&mentor)) else {
            return None;
        };
        Some(matching::explain_pair(me, mo, &self.settings))
    }
}

/// Each part's share of the score: part × weight / sum of weights, with the engine's clamping,
/// so the contributions add up to the score.
pub(crate) fn contributions(parts: &Parts, settings: &Settings) -> Parts {
    let clamp = |x: f64| {
        if x.is_finite() {
            x.clamp(0.0, 100.0)
        } else {
            0.0
        }
    };
    let w = settings.weights;
    let ws = [
        clamp(w.skill),
        clamp(w.interests),
        clamp(w.availability),
        clamp(w.adoption),
        clamp(w.comfort),
    ];
    let sum: f64 = ws.iter().sum();
    if sum <= 0.0 {
        return Parts::default();
    }
    Parts {
        skill: parts.skill * ws[0] / sum,
        interests: parts.interests * ws[1] / sum,
        availability: parts.availability * ws[2] / sum,
        adoption: parts.adoption * ws[3] / sum,
        comfort: parts.comfort * ws[4] / sum,
    }
}

/// The program or a not-found error.
pub(crate) fn program_or_not_found(conn: &Connection, id: ProgramId) -> CoreResult<Program> {
    db::get_program(conn, id)?.ok_or_else(|| CoreError::not_found("program", id))
}

/// Refuses an unknown program with `NotFound`. Cheaper than [`program_or_not_found`], which counts
/// the program's people and pairs: tens of milliseconds at 10,000 participants.
pub(crate) fn require_program(conn: &Connection, id: ProgramId) -> CoreResult<()> {
    if db::program_exists(conn, id)? {
        Ok(())
    } else {
        Err(CoreError::not_found("program", id))
    }
}

/// Loads the program, its participants' features, its settings (with HR's exclusions and the
/// kept pairs as locks) and the stored pairs.
pub(crate) fn load(conn: &Connection, id: ProgramId) -> CoreResult<EngineInput> {
    let program = program_or_not_found(conn, id)?;
    let participants = db::participant_employees(conn, id)?;
    let topics_list = catalog_db::list_topics(conn)?;

    // The population: participants in full, everyone else only as a reporting line (the org
    // chart needs them; their skills and interests would only slow the load down).
    let in_program: HashSet<EmployeeId> = participants.iter().map(|(e, _, _)| e.id).collect();
    let mut population: Vec<Employee> = participants.iter().map(|(e, _, _)| e.clone()).collect();
    for (employee, manager) in db::reporting_lines(conn)? {
        if !in_program.contains(&employee) {
            population.push(bare_employee(employee, manager));
        }
    }
    let mut builder = FeatureBuilder::new(&population, &topics_list, program.start_date)?;

    let mut settings = Settings {
        weights: program.matching.weights,
        default_capacity: program.matching.default_capacity,
        require_different_department: program.matching.require_different_department,
        ..Settings::default()
    };
    let mut mentees = Vec::new();
    let mut mentors = Vec::new();
    let mut persons = HashMap::with_capacity(participants.len());
    let mut sides = HashMap::with_capacity(participants.len());
    let mut people = HashMap::with_capacity(participants.len());
    let mut capacities = HashMap::new();
    // Participants come in id order, so interned departments and sites are deterministic.
    for (employee, side, capacity) in &participants {
        let person = builder.person(employee)?;
        if *side == Side::Mentor {
            let cap = capacity.unwrap_or(program.matching.default_capacity);
            capacities.insert(employee.id, cap);
            if let Some(c) = capacity {
                settings.capacity_overrides.insert(employee.id, *c);
            }
        }
        if employee.active {
            match side {
                Side::Mentee => mentees.push(person.clone()),
                Side::Mentor => mentors.push(person.clone()),
            }
        }
        persons.insert(employee.id, person);
        sides.insert(employee.id, *side);
        people.insert(employee.id, summary(employee));
    }
    settings.excluded_pairs = db::exclusions(conn, id)?.into_iter().collect();
    let mut input = EngineInput {
        program,
        mentees,
        mentors,
        persons,
        sides,
        people,
        capacities,
        settings,
        vocabulary: builder.vocabulary().clone(),
        topics: topics_list.into_iter().map(|t| (t.id.clone(), t)).collect(),
        pairs: db::pairs(conn, id)?,
    };
    input.settings.locked_pairs = input.kept_locks();
    // A kept pair the engine cannot see (one of the two was deactivated) still stands: its
    // mentee is not matched again and its mentor has one place less.
    let outside: Vec<(EmployeeId, EmployeeId)> = input
        .pairs
        .iter()
        .filter(|p| p.locked || p.status == crate::program::PairStatus::Approved)
        .filter(|p| !input.in_engine(p.mentee, p.mentor))
        .map(|p| (p.mentee, p.mentor))
        .collect();
    for (mentee, mentor) in outside {
        input.mentees.retain(|m| m.id != mentee);
        if input.mentors.iter().any(|m| m.id == mentor) {
            let settings = &mut input.settings;
            let current = settings
                .capacity_overrides
                .get(&mentor)
                .copied()
                .unwrap_or(settings.default_capacity);
            settings
                .capacity_overrides
                .insert(mentor, current.saturating_sub(1));
        }
    }
    Ok(input)
}

fn summary(e: &Employee) -> PersonSummary {
    PersonSummary {
        id: e.id,
        first_name: e.first_name.clone(),
        last_name: e.last_name.clone(),
        email: e.email.clone(),
        department: e.department.clone(),
        title: e.title.clone(),
        active: e.active,
    }
}

/// An employee known only by their reporting line.
fn bare_employee(id: EmployeeId, manager_id: Option<EmployeeId>) -> Employee {
    Employee {
        id,
        external_id: String::new(),
        first_name: String::new(),
        last_name: String::new(),
        email: String::new(),
        department: String::new(),
        title: String::new(),
        grade: 1,
        manager_id,
        site: String::new(),
        timezone: String::new(),
        languages: Vec::new(),
        hire_date: None,
        role: ProgramRole::None,
        adoption_profile: None,
        availability: Vec::new(),
        interests: Vec::new(),
        skills: Vec::new(),
        active: false,
    }
}
