//! Who takes part in a program: adding people from the directory on one side, removing them,
//! and per-mentor capacity. Every check runs before the first write.

use super::*;
use crate::access::{self, Effect, Need};

/// The program's participants in name order.
pub fn list_participants(store: &Store, id: ProgramId) -> CoreResult<Vec<Participant>> {
    access::require(store, Need::Hr, Effect::Read)?;
    require_program(store.conn(), id)?;
    db::participants(store.conn(), id)
}

/// Adds employees on one side. All or nothing: an unknown id is [`CoreError::NotFound`]; an
/// inactive employee, a role that does not fit the side, or someone already in the program is a
/// validation error (one per employee, field `employee_ids`).
pub fn add_participants(
    store: &mut Store,
    id: ProgramId,
    side: Side,
    employees: &[EmployeeId],
) -> CoreResult<Vec<Participant>> {
    access::require(store, Need::Hr, Effect::Write)?;
    store.transaction(|tx| {
        require_program(tx, id)?;
        let mut errors = Vec::new();
        let mut seen = HashSet::new();
        for &employee in employees {
            if !seen.insert(employee) {
                continue;
            }
            let (role, active) = db::role_and_active(tx, employee)?
                .ok_or_else(|| CoreError::not_found("employee", employee))?;
            let name = db::person_summary(tx, employee)?
                .map(|p| p.full_name())
                .unwrap_or_else(|| employee.to_string());
            if !active {
                errors.push(FieldError::new(
                    "employee_ids",
                    "employee_inactive",
                    format!("{name} is no longer active and cannot join a program"),
                ));
                continue;
            }
            let fits = match side {
                Side::Mentor => role.can_mentor(),
                Side::Mentee => role.can_be_mentored(),
            };
            if !fits {
                errors.push(FieldError::new(
                    "employee_ids",
                    "role_mismatch",
                    format!(
                        "{name} has the role '{}' and cannot be a {}: set their role to {} or both in the directory",
                        role.as_str(),
                        side.as_str(),
                        side.as_str()
                    ),
                ));
                continue;
            }
            if let Some(current) = db::participant_side(tx, id, employee)? {
                errors.push(FieldError::new(
                    "employee_ids",
                    "already_participant",
                    format!("{name} is already a {} in this program", current.as_str()),
                ));
                continue;
            }
            db::insert_participant(tx, id, employee, side, &now_timestamp())?;
        }
        if !errors.is_empty() {
            // Returning an error rolls the inserts above back.
            return Err(CoreError::Validation(errors));
        }
        db::participants(tx, id)
    })
}

/// Adds every active employee whose role fits `side` (mentor: mentor/both; mentee:
/// mentee/both), optionally only from one department, skipping those already in the program
/// (on either side). Returns how many were added.
pub fn add_all_eligible(
    store: &mut Store,
    id: ProgramId,
    side: Side,
    department: Option<&str>,
) -> CoreResult<u32> {
    access::require(store, Need::Hr, Effect::Write)?;
    let department = department.map(str::trim).filter(|d| !d.is_empty());
    store.transaction(|tx| {
        require_program(tx, id)?;
        let candidates = db::bulk_candidates(tx, id, side, department)?;
        let now = now_timestamp();
        for &employee in &candidates {
            db::insert_participant(tx, id, employee, side, &now)?;
        }
        Ok(candidates.len() as u32)
    })
}

/// Removes a participant and their pairs; refused while one of their pairs is approved.
pub fn remove_participant(
    store: &mut Store,
    id: ProgramId,
    employee: EmployeeId,
) -> CoreResult<()> {
    access::require(store, Need::Hr, Effect::Write)?;
    store.transaction(|tx| {
        require_program(tx, id)?;
        if db::participant_side(tx, id, employee)?.is_none() {
            return Err(CoreError::not_found("participant", employee));
        }
        let sessions = crate::store::sessions::sessions_of_participant(tx, id, employee)?;
        if sessions > 0 {
            return Err(CoreError::conflict(
                RefusalKey::ParticipantHasSessions,
                format!(
                    "this participant's pair has {sessions} session(s): they cannot leave the program"
                ),
            )
            .with("count", sessions));
        }
        let approved = db::pairs(tx, id)?.into_iter().any(|p| {
            p.status == PairStatus::Approved && (p.mentee == employee || p.mentor == employee)
        });
        if approved {
            return Err(CoreError::conflict(
                RefusalKey::ParticipantInApprovedPair,
                "this participant is in an approved pair and cannot leave the program",
            ));
        }
        db::delete_participant(tx, id, employee)?;
        Ok(())
    })
}

pub(super) fn check_override(capacity: Option<u8>, errors: &mut Vec<FieldError>) {
    if let Some(c) = capacity {
        validate_capacity("capacity", c, 0, errors);
    }
}

/// Sets a mentor's capacity (0..=3; 0 = takes no new mentee) or, with `None`, returns them to the
/// program's default.
pub fn set_mentor_capacity(
    store: &mut Store,
    id: ProgramId,
    mentor: EmployeeId,
    capacity: Option<u8>,
) -> CoreResult<()> {
    access::require(store, Need::Hr, Effect::Write)?;
    let mut errors = Vec::new();
    check_override(capacity, &mut errors);
    if !errors.is_empty() {
        return Err(CoreError::Validation(errors));
    }
    store.transaction(|tx| {
        require_program(tx, id)?;
        require_side(tx, id, mentor, Side::Mentor)?;
        db::set_capacity(tx, id, mentor, capacity)?;
        Ok(())
    })
}

/// The employee must exist and be on `side` in the program.
pub(super) fn require_side(
    conn: &crate::store::db::Connection,
    id: ProgramId,
    employee: EmployeeId,
    side: Side,
) -> CoreResult<()> {
    let person = db::person_summary(conn, employee)?
        .ok_or_else(|| CoreError::not_found("employee", employee))?;
    if db::participant_side(conn, id, employee)? != Some(side) {
        let field = match side {
            Side::Mentor => "mentor_id",
            Side::Mentee => "mentee_id",
        };
        return Err(CoreError::invalid(
            field,
            "not_participant",
            format!(
                "{} is not a {} of this program",
                person.full_name(),
                side.as_str()
            ),
        ));
    }
    Ok(())
}
