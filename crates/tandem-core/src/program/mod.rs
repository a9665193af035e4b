//! Programs (cohorts) and their persisted matching, reviewed by HR.
//!
//! A program has dates, a session cadence and length, a charter and matching settings (weights,
//! default mentor capacity, per-mentor overrides, "different department" rule). Participants come
//! from the directory, each on one side: a mentor must have the role mentor/both, a mentee
//! mentee/both, and both must be active when added.
//!
//! Matching lifecycle:
//! - [`run_matching`] calls the engine ([`crate::matching::solve`]) with HR's exclusions, and with
//!   every locked or approved pair as a lock; the other proposed pairs are replaced by the
//!   result, all in one transaction.
//! - [`get_proposal`] is the review: each pair with its score, parts, weighted contributions,
//!   named explanation, the 3 best alternative mentors and the best mentors a constraint
//!   removed; unmatched mentees with the reason. It re-solves with every stored pair locked, so
//!   alternatives and "full" flags are those of the stored proposal.
//! - HR actions: [`set_locked`], [`exclude_pair`] / [`include_pair`], [`assign`] (a manual pair,
//!   kept locked; refused with warnings unless forced), [`approve_pair`], [`approve_all`].
//!   Approved pairs are published: no run, exclusion or assignment changes them.
//! - [`what_if`] runs the engine on changed settings without writing and returns the diff;
//!   [`apply_settings`] saves them and re-runs.
//! - A program can be deleted only while it has no approved pair ([`CoreError::Conflict`]
//!   otherwise): once pairs are published, the program is history that later features (sessions,
//!   progress) refer to.
//!
//! Every change that touches several rows runs in one transaction, and every check happens before
//! the first write, so a refused change leaves the database as it was. SQL lives in
//! [`crate::store::programs`]; building the engine's input in `input.rs`; participants in
//! `participants.rs`; HR's actions in `actions.rs`; what-if in `what_if.rs`; CSV exports in
//! `export.rs`. This file keeps validation, programs and the matching run with its review. To add a setting: a migration column, [`MatchingSettings`], [`SettingsChange`],
//! `input::load` and [`validate_input`].

mod actions;
mod export;
mod input;
mod model;
mod participants;
mod what_if;

use crate::access::{self, Effect, Need};
use std::collections::{HashMap, HashSet};
use std::time::Instant;

use crate::domain::EmployeeId;
use crate::matching::{self, Constraint, UnmatchedReason, Weights, MAX_CAPACITY};
use crate::store::employees::now_timestamp;
use crate::store::programs as db;
use crate::{CoreError, CoreResult, FieldError, RefusalKey, Store};

pub use actions::*;
pub use export::{pairs_csv, score_matrix_csv};
pub use model::*;
pub use participants::*;
pub use what_if::*;

use input::{load, program_or_not_found, require_program, EngineInput};
use participants::{check_override, require_side};

/// The longest charter accepted, in characters.
pub const MAX_CHARTER_CHARS: usize = 20_000;
/// The longest program name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 120;
/// How many alternatives the review shows per mentee.
pub const SHOWN_ALTERNATIVES: usize = 3;

/// The stable key of a constraint, as the UI and the CSV export name it.
pub fn constraint_key(c: Constraint) -> &'static str {
    match c {
        Constraint::SamePerson => "same_person",
        Constraint::Excluded => "excluded",
        Constraint::ReportingChain => "reporting_chain",
        Constraint::SameTeam => "same_team",
        Constraint::NoSharedLanguage => "no_shared_language",
        Constraint::MentorNotJunior => "mentor_not_junior",
        Constraint::SameDepartment => "same_department",
    }
}

// ---------------------------------------------------------------- validation

fn validate_weights(weights: &Weights, errors: &mut Vec<FieldError>) {
    let all = [
        ("weights.skill", weights.skill),
        ("weights.interests", weights.interests),
        ("weights.availability", weights.availability),
        ("weights.adoption", weights.adoption),
        ("weights.comfort", weights.comfort),
    ];
    for (field, w) in all {
        if !w.is_finite() || !(0.0..=100.0).contains(&w) {
            errors.push(FieldError::new(
                field,
                "weight_invalid",
                format!("a weight goes from 0 to 100; {w} is not one"),
            ));
        }
    }
    if all.iter().all(|(_, w)| *w <= 0.0) {
        errors.push(FieldError::new(
            "weights",
            "weights_all_zero",
            "at least one weight must be above 0, or every pair would score 0",
        ));
    }
}

fn validate_capacity(field: &str, capacity: u8, min: u8, errors: &mut Vec<FieldError>) {
    if !(min..=MAX_CAPACITY).contains(&capacity) {
        errors.push(FieldError::new(
            field,
            "capacity_invalid",
            format!("a mentor takes {min} to {MAX_CAPACITY} mentees; {capacity} is not allowed"),
        ));
    }
}

/// Every problem of a submitted program, all at once; empty when it is valid.
pub fn validate_input(input: &ProgramInput) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let name = input.name.trim();
    if name.is_empty() {
        errors.push(FieldError::new(
            "name",
            "required",
            "give the program a name",
        ));
    } else if name.chars().count() > MAX_NAME_CHARS {
        errors.push(FieldError::too_long(
            "name",
            MAX_NAME_CHARS,
            format!("a program name has at most {MAX_NAME_CHARS} characters"),
        ));
    }
    if input.end_date <= input.start_date {
        errors.push(FieldError::new(
            "end_date",
            "end_before_start",
            "the program must end after it starts",
        ));
    }
    if !(1..=12).contains(&input.cadence_weeks) {
        errors.push(FieldError::new(
            "cadence_weeks",
            "cadence_invalid",
            format!(
                "sessions happen every 1 to 12 weeks; {} is not allowed",
                input.cadence_weeks
            ),
        ));
    }
    if !(30..=180).contains(&input.session_minutes) {
        errors.push(FieldError::new(
            "session_minutes",
            "session_length_invalid",
            format!(
                "a session lasts 30 to 180 minutes; {} is not allowed",
                input.session_minutes
            ),
        ));
    }
    let charter_chars = input.charter.chars().count();
    if charter_chars > MAX_CHARTER_CHARS {
        errors.push(FieldError::too_long(
            "charter",
            MAX_CHARTER_CHARS,
            format!(
                "the charter has {charter_chars} characters; at most {MAX_CHARTER_CHARS} are allowed"
            ),
        ));
    }
    validate_weights(&input.matching.weights, &mut errors);
    validate_capacity(
        "default_capacity",
        input.matching.default_capacity,
        1,
        &mut errors,
    );
    errors
}

fn normalized(mut input: ProgramInput) -> ProgramInput {
    input.name = input.name.trim().to_owned();
    input
}

// ---------------------------------------------------------------- programs

/// Creates a program; nothing is written if any field is invalid.
pub fn create_program(store: &mut Store, input: ProgramInput) -> CoreResult<Program> {
    access::require(store, Need::Hr, Effect::Write)?;
    let input = normalized(input);
    let errors = validate_input(&input);
    if !errors.is_empty() {
        return Err(CoreError::Validation(errors));
    }
    let id = ProgramId::new();
    store.transaction(|tx| {
        db::insert_program(tx, id, &input, &now_timestamp())?;
        program_or_not_found(tx, id)
    })
}

/// Edits a program's fields and settings. The proposal is not re-run: call [`run_matching`].
pub fn update_program(
    store: &mut Store,
    id: ProgramId,
    input: ProgramInput,
) -> CoreResult<Program> {
    access::require(store, Need::Hr, Effect::Write)?;
    let input = normalized(input);
    require_program(store.conn(), id)?;
    let errors = validate_input(&input);
    if !errors.is_empty() {
        return Err(CoreError::Validation(errors));
    }
    store.transaction(|tx| {
        db::update_program(tx, id, &input, &now_timestamp())?;
        program_or_not_found(tx, id)
    })
}

pub fn get_program(store: &Store, id: ProgramId) -> CoreResult<Program> {
    access::require(store, Need::Hr, Effect::Read)?;
    program_or_not_found(store.conn(), id)
}

/// Every program, latest start first.
pub fn list_programs(store: &Store) -> CoreResult<Vec<Program>> {
    access::require(store, Need::Hr, Effect::Read)?;
    db::list_programs(store.conn())
}

/// The program a person names on the command line: by id, or by its name (any case, surrounding
/// spaces ignored). A name two programs share is refused as ambiguous: use the id.
pub fn find_program(store: &Store, reference: &str) -> CoreResult<ProgramId> {
    let reference = reference.trim();
    if let Ok(id) = ProgramId::parse(reference) {
        access::require(store, Need::SignedIn, Effect::Read)?;
        require_program(store.conn(), id)?;
        return Ok(id);
    }
    let wanted = crate::domain::text::fold(reference);
    let mut named = list_programs(store)?
        .into_iter()
        .filter(|p| crate::domain::text::fold(p.name.trim()) == wanted);
    match (named.next(), named.next()) {
        (Some(program), None) => Ok(program.id),
        (Some(_), Some(_)) => Err(CoreError::Validation(vec![FieldError::new(
            "program",
            "program_name_ambiguous",
            format!("several programs are named '{reference}': give the program's id"),
        )
        .with("name", reference)])),
        (None, _) => Err(CoreError::not_found("program", reference)),
    }
}

/// Deletes a program and everything in it, refused once a pair is approved.
pub fn delete_program(store: &mut Store, id: ProgramId) -> CoreResult<()> {
    access::require(store, Need::Hr, Effect::Write)?;
    store.transaction(|tx| {
        let program = program_or_not_found(tx, id)?;
        if program.approved_count > 0 {
            return Err(CoreError::conflict(
                RefusalKey::ProgramHasApprovedPairs,
                format!(
                    "program '{}' has {} approved pair(s): published pairs cannot be deleted",
                    program.name, program.approved_count
                ),
            )
            .with("name", &program.name)
            .with("count", program.approved_count));
        }
        db::delete_program(tx, id)?;
        Ok(())
    })
}

// ---------------------------------------------------------------- matching

/// Runs the engine and replaces the proposal's unlocked, unapproved pairs with its result, in one
/// transaction. Locked and approved pairs are kept (their scores refreshed).
pub fn run_matching(store: &mut Store, id: ProgramId) -> CoreResult<RunSummary> {
    access::require(store, Need::Hr, Effect::Write)?;
    store.transaction(|tx| run_in(tx, id))
}

fn run_in(tx: &crate::store::db::Connection, id: ProgramId) -> CoreResult<RunSummary> {
    let started = Instant::now();
    let input = load(tx, id)?;
    let result = matching::solve(&input.mentees, &input.mentors, &input.settings)?;
    let now = now_timestamp();
    db::delete_replaceable_pairs(tx, id)?;
    let mut kept = 0;
    for pair in &result.pairs {
        if pair.locked {
            kept += 1;
            db::update_pair_scores(
                tx,
                id,
                pair.mentee,
                pair.score,
                pair.points,
                &pair.explanation.parts,
            )?;
        } else {
            let stored = StoredPair {
                id: uuid::Uuid::new_v4(),
                mentee: pair.mentee,
                mentor: pair.mentor,
                status: PairStatus::Proposed,
                locked: false,
                manual: false,
                score: pair.score,
                points: pair.points,
                parts: pair.explanation.parts,
                version: 0,
            };
            db::upsert_pair(tx, id, &stored, &now)?;
        }
    }
    Ok(RunSummary {
        pairs: result.pairs.len() as u32,
        kept,
        unmatched: result.unmatched.len() as u32,
        total_score: result.total_score,
        total_points: result.total_points,
        elapsed_micros: micros(started),
    })
}

fn micros(since: Instant) -> u64 {
    u64::try_from(since.elapsed().as_micros()).unwrap_or(u64::MAX)
}

/// The stored pairs in mentee id order, without review data (cheap).
pub fn list_pairs(store: &Store, id: ProgramId) -> CoreResult<Vec<StoredPair>> {
    access::require(store, Need::Hr, Effect::Read)?;
    require_program(store.conn(), id)?;
    db::pairs(store.conn(), id)
}

/// The stored pairs with their two people, in mentee name order: what a list of pairs shows,
/// without the review's explanations (cheap at any size).
pub fn pairs_with_people(
    store: &Store,
    id: ProgramId,
) -> CoreResult<Vec<(StoredPair, PersonSummary, PersonSummary)>> {
    access::require(store, Need::Hr, Effect::Read)?;
    require_program(store.conn(), id)?;
    let people: HashMap<EmployeeId, PersonSummary> = db::pair_people(store.conn(), id)?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let mut named: Vec<(StoredPair, PersonSummary, PersonSummary)> = db::pairs(store.conn(), id)?
        .into_iter()
        .filter_map(|pair| {
            let mentee = people.get(&pair.mentee)?.clone();
            let mentor = people.get(&pair.mentor)?.clone();
            Some((pair, mentee, mentor))
        })
        .collect();
    named.sort_by(|a, b| {
        (&a.1.last_name, &a.1.first_name, a.1.id).cmp(&(&b.1.last_name, &b.1.first_name, b.1.id))
    });
    Ok(named)
}

/// The proposal with its review data; see the module docs.
pub fn get_proposal(store: &Store, id: ProgramId) -> CoreResult<Proposal> {
    access::require(store, Need::Hr, Effect::Read)?;
    let mut input = load(store.conn(), id)?;
    // Lock every stored pair the engine sees: the alternatives and "full" flags then describe
    // the stored proposal, and a mentee the engine still places is one a re-run would match.
    input.settings.locked_pairs = input
        .pairs
        .iter()
        .filter(|p| input.in_engine(p.mentee, p.mentor))
        .map(|p| (p.mentee, p.mentor))
        .collect();
    let result = matching::solve(&input.mentees, &input.mentors, &input.settings)?;
    let explained: HashMap<EmployeeId, &matching::Pair> =
        result.pairs.iter().map(|p| (p.mentee, p)).collect();
    let alternatives: HashMap<EmployeeId, &matching::Alternatives> =
        result.alternatives.iter().map(|a| (a.mentee, a)).collect();
    let engine_unmatched: HashMap<EmployeeId, UnmatchedReason> = result
        .unmatched
        .iter()
        .map(|u| (u.mentee, u.reason))
        .collect();

    let named = |mentee: EmployeeId| -> (Vec<AlternativeMentor>, Vec<RemovedMentor>) {
        let Some(a) = alternatives.get(&mentee) else {
            return (Vec::new(), Vec::new());
        };
        (
            a.best
                .iter()
                .take(SHOWN_ALTERNATIVES)
                .map(|x| AlternativeMentor {
                    mentor: input.person(x.mentor),
                    score: x.score,
                    full: x.full,
                })
                .collect(),
            a.removed
                .iter()
                .take(SHOWN_ALTERNATIVES)
                .map(|x| RemovedMentor {
                    mentor: input.person(x.mentor),
                    score: x.score,
                    constraint: x.constraint,
                })
                .collect(),
        )
    };

    let mut pairs = Vec::with_capacity(input.pairs.len());
    let mut paired = HashSet::new();
    for stored in &input.pairs {
        paired.insert(stored.mentee);
        let explanation = match explained.get(&stored.mentee) {
            Some(p) if p.mentor == stored.mentor => p.explanation.clone(),
            _ => match input.explain_pair(stored.mentee, stored.mentor) {
                Some(e) => e,
                None => continue,
            },
        };
        let (alternatives, removed) = named(stored.mentee);
        pairs.push(ReviewPair {
            pair: stored.clone(),
            mentee: input.person(stored.mentee),
            mentor: input.person(stored.mentor),
            explanation: input.explain(&explanation),
            alternatives,
            removed,
        });
    }
    let mut unmatched = Vec::new();
    for mentee in &input.mentees {
        if paired.contains(&mentee.id) {
            continue;
        }
        let reason = match engine_unmatched.get(&mentee.id) {
            Some(UnmatchedReason::NoAllowedMentor) => UnmatchedWhy::NoAllowedMentor,
            Some(UnmatchedReason::AllowedMentorsFull) => UnmatchedWhy::AllowedMentorsFull,
            None => UnmatchedWhy::RerunWouldMatch,
        };
        let (alternatives, removed) = named(mentee.id);
        unmatched.push(UnmatchedMentee {
            mentee: input.person(mentee.id),
            reason,
            alternatives,
            removed,
        });
    }
    let by_name = |p: &PersonSummary| {
        (
            p.last_name.to_lowercase(),
            p.first_name.to_lowercase(),
            p.id,
        )
    };
    pairs.sort_by_key(|p| by_name(&p.mentee));
    unmatched.sort_by_key(|u| by_name(&u.mentee));
    Ok(Proposal {
        total_score: input.pairs.iter().map(|p| p.score).sum(),
        mentor_count: input.program.mentor_count,
        mentee_count: input.program.mentee_count,
        pairs,
        unmatched,
    })
}

/// Why `mentor` is (or is not) a possible mentor for `mentee`: every constraint, the mentor's
/// load, and the pair's score and explanation.
pub fn why_not(
    store: &Store,
    id: ProgramId,
    mentee: EmployeeId,
    mentor: EmployeeId,
) -> CoreResult<WhyNot> {
    access::require(store, Need::Hr, Effect::Read)?;
    let conn = store.conn();
    require_program(conn, id)?;
    require_side(conn, id, mentee, Side::Mentee)?;
    require_side(conn, id, mentor, Side::Mentor)?;
    let input = load(conn, id)?;
    let (Some(me), Some(mo)) = (input.persons.get(&mentee), input.persons.get(&mentor)) else {
        return Err(CoreError::not_found("participant", mentee));
    };
    let explanation = matching::explain_pair(me, mo, &input.settings);
    Ok(WhyNot {
        mentee: input.person(mentee),
        mentor: input.person(mentor),
        constraints: matching::why_excluded(me, mo, &input.settings),
        mentor_capacity: input.capacities.get(&mentor).copied().unwrap_or(0),
        mentor_load: db::mentor_load(conn, id, mentor, mentee)?,
        explanation: input.explain(&explanation),
    })
}
