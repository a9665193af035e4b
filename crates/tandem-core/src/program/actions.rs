//! HR's actions on a proposal: lock, exclude and include pairs, assign a mentor by hand, approve.
//! Approved pairs are published: no action here changes them.

use super::*;
use crate::access::{self, Effect, Need};

fn pair_or_not_found(
    conn: &crate::store::db::Connection,
    id: ProgramId,
    mentee: EmployeeId,
) -> CoreResult<StoredPair> {
    db::pair_of(conn, id, mentee)?.ok_or_else(|| CoreError::not_found("pair", mentee))
}

/// A pair that has met (or planned to) keeps its mentor: its sessions and logs belong to it.
fn refuse_if_sessions(
    conn: &crate::store::db::Connection,
    id: ProgramId,
    mentee: EmployeeId,
) -> CoreResult<()> {
    let sessions = crate::store::sessions::sessions_of_mentee_pair(conn, id, mentee)?;
    if sessions > 0 {
        return Err(CoreError::conflict(
            RefusalKey::PairHasSessions,
            format!("this mentee's pair has {sessions} session(s): its mentor cannot be changed"),
        )
        .with("count", sessions));
    }
    Ok(())
}

/// Locks (kept by re-runs) or unlocks the mentee's pair.
/// `based_on` is the pair's version on the screen (`StoredPair::version`): if someone changed
/// the pair since, nothing is written ([`CoreError::stale`]). `None` skips the check.
pub fn set_locked(
    store: &mut Store,
    id: ProgramId,
    mentee: EmployeeId,
    locked: bool,
    based_on: Option<i64>,
) -> CoreResult<()> {
    access::require(store, Need::Hr, Effect::Write)?;
    store.transaction(|tx| {
        require_program(tx, id)?;
        pair_or_not_found(tx, id, mentee)?;
        if !db::set_locked(tx, id, mentee, locked, &now_timestamp(), based_on)? {
            return Err(CoreError::stale(db::pair_stamp(tx, id, mentee)?));
        }
        Ok(())
    })
}

/// Excludes a pair: removed from the proposal (if proposed) and never proposed again. Refused
/// while the pair is approved.
pub fn exclude_pair(
    store: &mut Store,
    id: ProgramId,
    mentee: EmployeeId,
    mentor: EmployeeId,
) -> CoreResult<()> {
    access::require(store, Need::Hr, Effect::Write)?;
    store.transaction(|tx| {
        require_program(tx, id)?;
        require_side(tx, id, mentee, Side::Mentee)?;
        require_side(tx, id, mentor, Side::Mentor)?;
        if let Some(pair) = db::pair_of(tx, id, mentee)? {
            if pair.mentor == mentor {
                refuse_if_sessions(tx, id, mentee)?;
                if pair.status == PairStatus::Approved {
                    return Err(CoreError::conflict(
                        RefusalKey::PairApproved,
                        "this pair is approved and cannot be excluded",
                    ));
                }
                db::delete_pair(tx, id, mentee)?;
            }
        }
        db::insert_exclusion(tx, id, mentee, mentor, &now_timestamp())?;
        Ok(())
    })
}

/// Lifts an exclusion; the next run may propose the pair again.
pub fn include_pair(
    store: &mut Store,
    id: ProgramId,
    mentee: EmployeeId,
    mentor: EmployeeId,
) -> CoreResult<()> {
    access::require(store, Need::Hr, Effect::Write)?;
    store.transaction(|tx| {
        require_program(tx, id)?;
        if !db::delete_exclusion(tx, id, mentee, mentor)? {
            return Err(CoreError::not_found(
                "exclusion",
                format!("{mentee}/{mentor}"),
            ));
        }
        Ok(())
    })
}

/// HR's excluded pairs as `(mentee, mentor)`.
pub fn list_exclusions(
    store: &Store,
    id: ProgramId,
) -> CoreResult<Vec<(PersonSummary, PersonSummary)>> {
    access::require(store, Need::Hr, Effect::Read)?;
    let conn = store.conn();
    require_program(conn, id)?;
    let mut out = Vec::new();
    for (mentee, mentor) in db::exclusions(conn, id)? {
        if let (Some(a), Some(b)) = (
            db::person_summary(conn, mentee)?,
            db::person_summary(conn, mentor)?,
        ) {
            out.push((a, b));
        }
    }
    Ok(out)
}

/// Pairs `mentee` with `mentor` by hand. A hard constraint or a full mentor is returned as
/// warnings and nothing is written, unless `force`; a written manual pair is locked so re-runs
/// keep it. Refused ([`CoreError::Conflict`]) when the mentee's pair is already approved.
pub fn assign(
    store: &mut Store,
    id: ProgramId,
    mentee: EmployeeId,
    mentor: EmployeeId,
    force: bool,
) -> CoreResult<AssignOutcome> {
    access::require(store, Need::Hr, Effect::Write)?;
    store.transaction(|tx| {
        require_program(tx, id)?;
        require_side(tx, id, mentee, Side::Mentee)?;
        require_side(tx, id, mentor, Side::Mentor)?;
        if let Some(current) = db::pair_of(tx, id, mentee)? {
            refuse_if_sessions(tx, id, mentee)?;
            if current.status == PairStatus::Approved {
                return Err(CoreError::conflict(
                    RefusalKey::PairApproved,
                    "this mentee's pair is approved and cannot be changed",
                ));
            }
        }
        let input = load(tx, id)?;
        let (Some(me), Some(mo)) = (input.persons.get(&mentee), input.persons.get(&mentor)) else {
            return Err(CoreError::not_found("participant", mentee));
        };
        let mut warnings: Vec<AssignWarning> = matching::why_excluded(me, mo, &input.settings)
            .into_iter()
            .map(|constraint| AssignWarning::Constraint { constraint })
            .collect();
        let capacity = input.capacities.get(&mentor).copied().unwrap_or(0);
        let load = db::mentor_load(tx, id, mentor, mentee)?;
        if load >= u32::from(capacity) {
            warnings.push(AssignWarning::MentorFull { capacity, load });
        }
        if !warnings.is_empty() && !force {
            return Ok(AssignOutcome {
                applied: false,
                warnings,
            });
        }
        let e = matching::explain_pair(me, mo, &input.settings);
        let stored = StoredPair {
            id: uuid::Uuid::new_v4(),
            mentee,
            mentor,
            status: PairStatus::Proposed,
            locked: true,
            manual: true,
            score: e.score,
            points: e.points,
            parts: e.parts,
            version: 0,
        };
        db::upsert_pair(tx, id, &stored, &now_timestamp())?;
        Ok(AssignOutcome {
            applied: true,
            warnings,
        })
    })
}

/// Approves the mentee's pair (published; kept by every re-run). `based_on` is the pair's version
/// on the screen: if someone changed the pair since (another mentor, a re-run), nothing is written
/// ([`CoreError::stale`]). `None` skips the check.
pub fn approve_pair(
    store: &mut Store,
    id: ProgramId,
    mentee: EmployeeId,
    based_on: Option<i64>,
) -> CoreResult<()> {
    access::require(store, Need::Hr, Effect::Write)?;
    store.transaction(|tx| {
        require_program(tx, id)?;
        pair_or_not_found(tx, id, mentee)?;
        if !db::approve_pair(tx, id, mentee, &now_timestamp(), based_on)? {
            return Err(CoreError::stale(db::pair_stamp(tx, id, mentee)?));
        }
        Ok(())
    })
}

/// Approves every proposed pair at once; returns how many were approved.
pub fn approve_all(store: &mut Store, id: ProgramId) -> CoreResult<u32> {
    access::require(store, Need::Hr, Effect::Write)?;
    store.transaction(|tx| {
        require_program(tx, id)?;
        Ok(db::approve_all(tx, id, &now_timestamp())? as u32)
    })
}
