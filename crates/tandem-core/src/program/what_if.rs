//! What-if: the engine on changed settings, without writing, and the diff against the stored
//! proposal; and applying those settings for real.

use super::*;
use crate::access::{self, Effect, Need};

/// Applies `change` to the loaded settings, checking every value first.
fn apply_change(input: &mut EngineInput, change: &SettingsChange) -> CoreResult<MatchingSettings> {
    let mut errors = Vec::new();
    let mut matching = input.program.matching;
    if let Some(w) = change.weights {
        validate_weights(&w, &mut errors);
        matching.weights = w;
    }
    if let Some(c) = change.default_capacity {
        validate_capacity("default_capacity", c, 1, &mut errors);
        matching.default_capacity = c;
    }
    if let Some(r) = change.require_different_department {
        matching.require_different_department = r;
    }
    for (mentor, capacity) in &change.capacity_overrides {
        check_override(*capacity, &mut errors);
        if input.sides.get(mentor) != Some(&Side::Mentor) {
            errors.push(FieldError::new(
                "capacity_overrides",
                "not_participant",
                format!("employee {mentor} is not a mentor of this program"),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(CoreError::Validation(errors));
    }
    input.settings.weights = matching.weights;
    input.settings.default_capacity = matching.default_capacity;
    input.settings.require_different_department = matching.require_different_department;
    for (mentor, capacity) in &change.capacity_overrides {
        match capacity {
            Some(c) => input.settings.capacity_overrides.insert(*mentor, *c),
            None => input.settings.capacity_overrides.remove(mentor),
        };
    }
    Ok(matching)
}

/// Runs the engine with changed settings, writing nothing, and compares with the stored proposal.
pub fn what_if(store: &Store, id: ProgramId, change: &SettingsChange) -> CoreResult<WhatIf> {
    access::require(store, Need::Hr, Effect::Read)?;
    let started = Instant::now();
    let mut input = load(store.conn(), id)?;
    apply_change(&mut input, change)?;
    let result = matching::solve(&input.mentees, &input.mentors, &input.settings)?;
    let before: HashSet<(EmployeeId, EmployeeId)> =
        input.pairs.iter().map(|p| (p.mentee, p.mentor)).collect();
    let after: HashSet<(EmployeeId, EmployeeId)> =
        result.pairs.iter().map(|p| (p.mentee, p.mentor)).collect();
    let added = result
        .pairs
        .iter()
        .filter(|p| !before.contains(&(p.mentee, p.mentor)))
        .map(|p| DiffPair {
            mentee: input.person(p.mentee),
            mentor: input.person(p.mentor),
            score: p.score,
        })
        .collect();
    let removed = input
        .pairs
        .iter()
        .filter(|p| !after.contains(&(p.mentee, p.mentor)))
        .map(|p| DiffPair {
            mentee: input.person(p.mentee),
            mentor: input.person(p.mentor),
            score: p.score,
        })
        .collect();
    Ok(WhatIf {
        added,
        removed,
        total_before: input.pairs.iter().map(|p| p.score).sum(),
        total_after: result.total_score,
        matched_before: input.pairs.len() as u32,
        matched_after: result.pairs.len() as u32,
        elapsed_micros: micros(started),
    })
}

/// Saves the changed settings (and capacity overrides) and re-runs, in one transaction.
pub fn apply_settings(
    store: &mut Store,
    id: ProgramId,
    change: &SettingsChange,
) -> CoreResult<RunSummary> {
    access::require(store, Need::Hr, Effect::Write)?;
    store.transaction(|tx| {
        let mut input = load(tx, id)?;
        let matching = apply_change(&mut input, change)?;
        let p = &input.program;
        let program_input = ProgramInput {
            name: p.name.clone(),
            start_date: p.start_date,
            end_date: p.end_date,
            cadence_weeks: p.cadence_weeks,
            session_minutes: p.session_minutes,
            charter: p.charter.clone(),
            matching,
        };
        db::update_program(tx, id, &program_input, &now_timestamp())?;
        for (mentor, capacity) in &change.capacity_overrides {
            db::set_capacity(tx, id, *mentor, *capacity)?;
        }
        run_in(tx, id)
    })
}
