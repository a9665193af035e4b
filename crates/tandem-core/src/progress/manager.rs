//! The manager view: the progress of a manager's people (any depth) or of a department.
//!
//! It shows summaries, which a manager may read, and never private notes: the queries behind it
//! (in `store::progress`) do not read that column at all.
//!
//! Shape, for a scope of thousands of people on either engine: the scope's pairs, then one pass
//! over their held and upcoming sessions (added up in Rust, see
//! [`crate::store::progress::scoped_pairs`]); then the latest confirmed levels and summaries,
//! either searched per held session in SQL (a department or a team) or, when the scope holds at
//! least a quarter of the database's pairs, by reading the self-assessment and log tables once
//! and matching them in memory (`Join`). Both give the same view (a unit test checks it).

use crate::access::{self, Effect, Need};
use std::collections::{BTreeSet, HashMap, HashSet};

use crate::session::model::{PairId, SessionId};
use chrono::{DateTime, Utc};

use super::catalog::CatalogIndex;
use super::levels::{platform_levels, Confirmed, Declared};
use super::model::*;
use super::{join_for, Join};
use crate::domain::EmployeeId;
use crate::program::{PersonSummary, Side};
use crate::store::programs::person_summary;
use crate::store::progress::{self as db, scan};
use crate::{CoreError, CoreResult, Store};

/// How many session summaries the view carries per person, latest first (the mentee page has
/// them all).
pub const MAX_SUMMARIES_PER_PERSON: u32 = 12;

/// One page of everyone in `scope` who is in an approved pair, in name order, with their progress
/// at `now`.
///
/// `Manager(id)`: everyone reporting to `id` directly or indirectly, not `id` themself; an unknown
/// id is [`CoreError::NotFound`]. `Department(name)`: everyone whose department is `name`
/// (case-insensitive, surrounding spaces ignored); an empty name is a validation error
/// (`department` / `required`), a department nobody is in is [`CoreError::NotFound`]. A page
/// limit of 0 or above [`PeoplePage::MAX_LIMIT`] is a validation error (`limit` / `range`).
///
/// Per person: the sides they take part on, their programs, as a mentee their platform levels
/// (start / now / target, defined as in [`super::mentee_progress`], across programs), held
/// sessions and hours (both sides), the last held and next planned session, and the latest
/// [`MAX_SUMMARIES_PER_PERSON`] non-empty session summaries.
///
/// Only the page's people have their sessions read, so a manager of thousands sees the first
/// page as fast as a manager of a team: the whole scope costs two short statements (the people,
/// their pairs) to count and sort.
pub fn manager_view(
    store: &Store,
    scope: &ManagerScope,
    page: PeoplePage,
    now: DateTime<Utc>,
) -> CoreResult<ManagerView> {
    access::require(store, Need::PeopleOf(scope), Effect::Read)?;
    if page.limit == 0 || page.limit > PeoplePage::MAX_LIMIT {
        return Err(CoreError::invalid(
            "limit",
            "range",
            format!("a page holds 1 to {} people", PeoplePage::MAX_LIMIT),
        ));
    }
    view_joined(store, scope, Some(page), now, None)
}

/// Everyone of the scope in one view, for the exports.
pub(super) fn whole_manager_view(
    store: &Store,
    scope: &ManagerScope,
    now: DateTime<Utc>,
) -> CoreResult<ManagerView> {
    view_joined(store, scope, None, now, None)
}

/// The view of `page` (everyone when `None`), with the join forced when `force` is set (a test
/// checks both give the same).
fn view_joined(
    store: &Store,
    scope: &ManagerScope,
    page: Option<PeoplePage>,
    now: DateTime<Utc>,
    force: Option<Join>,
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
    let all_pairs = db::scoped_pairs(conn, &db::id_list(&people))?;

    // One entry per person in scope taking part, keyed by id.
    let mut entries: HashMap<EmployeeId, Entry> = HashMap::new();
    for (i, pair) in all_pairs.iter().enumerate() {
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
    let taking_part = entries.len();
    // Name order, each key folded once (folding inside the comparison allocated per comparison).
    let mut entries: Vec<Entry> = entries.into_values().collect();
    entries.sort_by_cached_key(|e| {
        (
            e.person.last_name.to_lowercase(),
            e.person.first_name.to_lowercase(),
            e.person.id,
        )
    });
    let offset = page.map_or(0, |p| p.offset as usize).min(entries.len());
    let end = page.map_or(entries.len(), |p| {
        offset.saturating_add(p.limit as usize).min(entries.len())
    });
    let mut entries: Vec<Entry> = entries.drain(offset..end).collect();

    // Only the page's pairs are read further, renumbered.
    let mut renumbered: HashMap<usize, usize> = HashMap::new();
    let mut pairs: Vec<db::ScopedPair> = Vec::new();
    for e in &mut entries {
        for i in &mut e.pairs {
            *i = *renumbered.entry(*i).or_insert_with(|| {
                pairs.push(all_pairs[*i].clone());
                pairs.len() - 1
            });
        }
    }
    drop(all_pairs);
    db::add_session_figures(conn, &mut pairs, now)?;

    // Levels of the mentees in scope.
    let mentees: Vec<EmployeeId> = entries
        .iter()
        .filter(|e| e.sides.contains(&Side::Mentee))
        .map(|e| e.person.id)
        .collect();
    let mentee_list = db::id_list(&mentees);
    let declared = db::declared_levels(conn, &mentee_list)?;
    let join = match force {
        Some(join) => join,
        None => join_for(store, pairs.len())?,
    };
    let (latest, summary_rows) = match join {
        Join::Search => {
            let pair_list = db::id_list(pairs.iter().map(|p| p.pair_id));
            (
                db::latest_confirmed_of(conn, &mentee_list)?,
                db::latest_summaries(conn, &pair_list, MAX_SUMMARIES_PER_PERSON)?,
            )
        }
        Join::Scan => scanned(conn, &pairs, &in_scope)?,
    };
    let catalog = CatalogIndex::load(conn)?;
    let mut declared_by: HashMap<EmployeeId, Vec<&db::DeclaredLevel>> = HashMap::new();
    for d in &declared {
        declared_by.entry(d.employee).or_default().push(d);
    }
    let mut latest_by: HashMap<EmployeeId, Vec<&db::ConfirmedLevel>> = HashMap::new();
    for c in &latest {
        latest_by.entry(c.mentee).or_default().push(c);
    }

    let mut summaries: HashMap<PairId, Vec<db::SummaryRow>> = HashMap::new();
    for s in summary_rows {
        summaries.entry(s.pair_id).or_default().push(s);
    }

    let out: Vec<ManagedPerson> = entries
        .into_iter()
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
    Ok(ManagerView {
        scope: scope.clone(),
        scope_label: label,
        as_of: now,
        people_in_scope: people.len() as u32,
        people_taking_part: taking_part as u32,
        offset: offset as u32,
        people: out,
    })
}

/// The latest confirmed levels of the mentees in scope and the latest summaries of every scoped
/// pair, by [`Join::Scan`]: the same rows as [`db::latest_confirmed_of`] and
/// [`db::latest_summaries`] give.
fn scanned(
    conn: &crate::store::db::Connection,
    pairs: &[db::ScopedPair],
    in_scope: &HashSet<EmployeeId>,
) -> CoreResult<(Vec<db::ConfirmedLevel>, Vec<db::SummaryRow>)> {
    // Held sessions by id: (pair index, start).
    let held: super::dashboard::KeyMap<scan::SessionKey, (usize, DateTime<Utc>)> = pairs
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.held.iter().map(move |(s, at)| (s.0.as_u128(), (i, *at))))
        .collect();
    let find = |key: scan::SessionKey| held.get(&key).copied();
    let mut latest = db::LatestConfirmed::default();
    scan::for_each_confirmed_assessment(conn, |session, topic_id, level| {
        if let Some((i, at)) = find(session) {
            let mentee = pairs[i].mentee.id;
            if in_scope.contains(&mentee) {
                let id = SessionId(uuid::Uuid::from_u128(session));
                latest.add(mentee, id, at, topic_id, level);
            }
        }
    })?;
    let mut summaries = db::LatestSummaries::new(MAX_SUMMARIES_PER_PERSON);
    scan::for_each_summary(conn, |session, summary| {
        if let Some((i, at)) = find(session) {
            let id = SessionId(uuid::Uuid::from_u128(session));
            summaries.add(pairs[i].pair_id, id, at, summary);
        }
    })?;
    Ok((latest.finish(), summaries.finish()))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::synthetic::{seed_synthetic_progress, SyntheticSpec};

    #[test]
    fn searching_and_scanning_the_assessments_and_logs_give_the_same_view() {
        let mut store = Store::open_for_tests().unwrap_or_else(|e| panic!("{e}"));
        let employees =
            crate::demo::seed_synthetic(&mut store, 200, 3).unwrap_or_else(|e| panic!("{e}"));
        let now = DateTime::parse_from_rfc3339("2031-06-15T12:00:00Z")
            .map(|d| d.with_timezone(&Utc))
            .unwrap_or_else(|e| panic!("{e}"));
        let spec = SyntheticSpec {
            programs: 3,
            pairs: 60,
            sessions_per_pair: 30,
            cadence_days: 14,
            now,
            seed: 5,
        };
        seed_synthetic_progress(&mut store, &employees, &spec).unwrap_or_else(|e| panic!("{e}"));
        for scope in [
            ManagerScope::Manager(employees[0]),
            ManagerScope::Manager(employees[1]),
        ] {
            let searched = view_joined(&store, &scope, None, now, Some(Join::Search))
                .unwrap_or_else(|e| panic!("{e}"));
            let scanned = view_joined(&store, &scope, None, now, Some(Join::Scan))
                .unwrap_or_else(|e| panic!("{e}"));
            assert!(searched.people.iter().any(|p| !p.summaries.is_empty()));
            assert!(searched.people.iter().any(|p| !p.platforms.is_empty()));
            assert_eq!(searched, scanned);
        }
    }
}
