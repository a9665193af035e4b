//! The manager view: the progress of a manager's people (any depth) or of a department.
//!
//! It shows summaries, which a manager may read, and never private notes: the queries behind it
//! (in `store::progress`) do not read that column at all.

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::session::model::PairId;
use chrono::{DateTime, Utc};

use super::catalog::CatalogIndex;
use super::levels::{platform_levels, Confirmed, Declared};
use super::model::*;
use crate::domain::EmployeeId;
use crate::program::{PersonSummary, Side};
use crate::store::programs::person_summary;
use crate::store::progress as db;
use crate::{CoreError, CoreResult, Store};

/// How many session summaries the view carries per person, latest first (the mentee page has
/// them all).
pub const MAX_SUMMARIES_PER_PERSON: u32 = 12;

/// Everyone in `scope` who is in an approved pair, with their progress at `now`.
///
/// `Manager(id)`: everyone reporting to `id` directly or indirectly, not `id` themself; an unknown
/// id is [`CoreError::NotFound`]. `Department(name)`: everyone whose department is `name`
/// (case-insensitive, surrounding spaces ignored); an empty name is a validation error
/// (`department` / `required`), a department nobody is in is [`CoreError::NotFound`].
///
/// Per person: the sides they take part on, their programs, as a mentee their platform levels
/// (start / now / target, defined as in [`super::mentee_progress`], across programs), held
/// sessions and hours (both sides), the last held and next planned session, and the latest
/// [`MAX_SUMMARIES_PER_PERSON`] non-empty session summaries.
pub fn manager_view(
    store: &Store,
    scope: &ManagerScope,
    now: DateTime<Utc>,
) -> CoreResult<ManagerView> {
    let conn = store.conn();
    let (label, people) = match scope {
        ManagerScope::Manager(id) => {
            let manager =
                person_summary(conn, *id)?.ok_or_else(|| CoreError::not_found("employee", id))?;
            (manager.full_name(), db::people_under(conn, *id)?)
        }
        ManagerScope::Department(name) => {
            if name.trim().is_empty() {
                return Err(CoreError::invalid(
                    "department",
                    "required",
                    "choose a department",
                ));
            }
            let label = db::department_name(conn, name)?
                .ok_or_else(|| CoreError::not_found("department", name.trim()))?;
            (label, db::people_in_department(conn, name)?)
        }
    };
    let in_scope: HashSet<EmployeeId> = people.iter().copied().collect();
    let pairs = db::scoped_pairs(conn, &db::id_list(&people), now)?;

    // One entry per person in scope taking part, keyed by id.
    let mut entries: HashMap<EmployeeId, Entry> = HashMap::new();
    for (i, pair) in pairs.iter().enumerate() {
        for (side, person) in [(Side::Mentee, &pair.mentee), (Side::Mentor, &pair.mentor)] {
            if !in_scope.contains(&person.id) {
                continue;
            }
            let e = entries
                .entry(person.id)
                .or_insert_with(|| Entry::new(person));
            e.sides.insert(side);
            e.pairs.push(i);
        }
    }

    // Levels of the mentees in scope.
    let mentees: Vec<EmployeeId> = entries
        .values()
        .filter(|e| e.sides.contains(&Side::Mentee))
        .map(|e| e.person.id)
        .collect();
    let mentee_list = db::id_list(&mentees);
    let declared = db::declared_levels(conn, &mentee_list)?;
    let latest = db::latest_confirmed_of(conn, &mentee_list)?;
    let catalog = CatalogIndex::load(conn)?;
    let mut declared_by: HashMap<EmployeeId, Vec<&db::DeclaredLevel>> = HashMap::new();
    for d in &declared {
        declared_by.entry(d.employee).or_default().push(d);
    }
    let mut latest_by: HashMap<EmployeeId, Vec<&db::ConfirmedLevel>> = HashMap::new();
    for c in &latest {
        latest_by.entry(c.mentee).or_default().push(c);
    }

    let pair_list = db::id_list(pairs.iter().map(|p| p.pair_id));
    let mut summaries: HashMap<PairId, Vec<db::SummaryRow>> = HashMap::new();
    for s in db::latest_summaries(conn, &pair_list, MAX_SUMMARIES_PER_PERSON)? {
        summaries.entry(s.pair_id).or_default().push(s);
    }

    let mut out: Vec<ManagedPerson> = entries
        .into_values()
        .map(|e| {
            let id = e.person.id;
            let declared: HashMap<&str, Declared> = declared_by
                .get(&id)
                .into_iter()
                .flatten()
                .map(|d| {
                    (
                        d.topic_id.as_str(),
                        Declared {
                            level: d.level,
                            target: d.target,
                        },
                    )
                })
                .collect();
            let latest: Vec<Confirmed<'_>> = latest_by
                .get(&id)
                .into_iter()
                .flatten()
                .map(|c| Confirmed {
                    session_id: c.session_id,
                    at: c.at,
                    topic_id: &c.topic_id,
                    level: c.level,
                })
                .collect();
            let is_mentee = e.sides.contains(&Side::Mentee);
            let mut person = ManagedPerson {
                person: e.person.clone(),
                sides: [Side::Mentee, Side::Mentor]
                    .into_iter()
                    .filter(|s| e.sides.contains(s))
                    .collect(),
                programs: Vec::new(),
                platforms: if is_mentee {
                    platform_levels(&catalog, &declared, &latest)
                } else {
                    Vec::new()
                },
                sessions_held: 0,
                hours_held: 0.0,
                last_session: None,
                next_session: None,
                summaries: Vec::new(),
                summaries_total: 0,
            };
            for &i in &e.pairs {
                let pair = &pairs[i];
                if !person.programs.iter().any(|p| p.id == pair.program.id) {
                    person.programs.push(pair.program.clone());
                }
                person.sessions_held += pair.sessions_held;
                person.hours_held += pair.seconds_held as f64 / 3600.0;
                person.last_session = person.last_session.max(pair.last_held);
                person.next_session = match (person.next_session, pair.next_planned) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
                let latest = summaries.get(&pair.pair_id);
                person.summaries_total += latest
                    .and_then(|rows| rows.first())
                    .map_or(0, |s| s.pair_total);
                let (side, with) = if pair.mentee.id == id {
                    (Side::Mentee, &pair.mentor)
                } else {
                    (Side::Mentor, &pair.mentee)
                };
                for s in latest.into_iter().flatten() {
                    person.summaries.push(SessionSummary {
                        session_id: s.session_id,
                        pair_id: pair.pair_id,
                        program_id: pair.program.id,
                        at: s.at,
                        side,
                        with: with.clone(),
                        summary: s.summary.clone(),
                    });
                }
            }
            person
                .summaries
                .sort_by_key(|s| std::cmp::Reverse((s.at, s.session_id)));
            person.summaries.truncate(MAX_SUMMARIES_PER_PERSON as usize);
            person
        })
        .collect();
    out.sort_by(|a, b| {
        let key = |p: &ManagedPerson| {
            (
                p.person.last_name.to_lowercase(),
                p.person.first_name.to_lowercase(),
                p.person.id,
            )
        };
        key(a).cmp(&key(b))
    });

    Ok(ManagerView {
        scope: scope.clone(),
        scope_label: label,
        as_of: now,
        people_in_scope: people.len() as u32,
        people: out,
    })
}

struct Entry {
    person: PersonSummary,
    sides: BTreeSet<Side>,
    /// Indexes into the scoped pairs.
    pairs: Vec<usize>,
}

impl Entry {
    fn new(person: &PersonSummary) -> Self {
        Self {
            person: person.clone(),
            sides: BTreeSet::new(),
            pairs: Vec::new(),
        }
    }
}
