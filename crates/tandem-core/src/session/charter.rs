//! The program's good-use charter: each participant acknowledges it once (the first date is
//! kept), and a session can be marked held or logged only once both people of the pair have.
//! A program without charter text has nothing to acknowledge and blocks nothing.

use crate::access::{self, Effect, Need};
use crate::store::db::Connection;
use chrono::{DateTime, Utc};
use serde::Serialize;

use super::context::{whole_seconds, PairContext};
use crate::domain::EmployeeId;
use crate::program::{PersonSummary, ProgramId, Side};
use crate::store::programs as program_db;
use crate::store::sessions as db;
use crate::{CoreError, CoreResult, Store};

/// One participant and whether they acknowledged the charter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CharterEntry {
    pub person: PersonSummary,
    pub side: Side,
    pub acknowledged_at: Option<DateTime<Utc>>,
}

/// Who has and has not acknowledged a program's charter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CharterStatus {
    pub program_id: ProgramId,
    pub charter: String,
    /// Every participant, in name order.
    pub entries: Vec<CharterEntry>,
    pub acknowledged: u32,
    pub pending: u32,
}

/// Records that a participant acknowledged the program's charter. Idempotent: acknowledging
/// again keeps the first date. Someone outside the program is a validation error
/// (`employee_id` / `not_participant`).
pub fn acknowledge_charter(
    store: &mut Store,
    program_id: ProgramId,
    employee_id: EmployeeId,
    now: DateTime<Utc>,
) -> CoreResult<CharterEntry> {
    access::require(store, Need::Person(employee_id), Effect::Write)?;
    store.transaction(|tx| {
        program_db::get_program(tx, program_id)?
            .ok_or_else(|| CoreError::not_found("program", program_id))?;
        let person = program_db::person_summary(tx, employee_id)?
            .ok_or_else(|| CoreError::not_found("employee", employee_id))?;
        let Some(side) = program_db::participant_side(tx, program_id, employee_id)? else {
            return Err(CoreError::invalid(
                "employee_id",
                "not_participant",
                format!(
                    "{} does not take part in this program and has no charter to acknowledge",
                    person.full_name()
                ),
            ));
        };
        db::acknowledge(tx, program_id, employee_id, whole_seconds(now))?;
        let acknowledged_at = db::acknowledgements(tx, program_id)?
            .get(&employee_id)
            .copied();
        Ok(CharterEntry {
            person,
            side,
            acknowledged_at,
        })
    })
}

/// The program's charter and each participant's acknowledgement.
pub fn charter_status(store: &Store, program_id: ProgramId) -> CoreResult<CharterStatus> {
    access::require(store, Need::Hr, Effect::Read)?;
    let conn = store.conn();
    let program = program_db::get_program(conn, program_id)?
        .ok_or_else(|| CoreError::not_found("program", program_id))?;
    let acks = db::acknowledgements(conn, program_id)?;
    let entries: Vec<CharterEntry> = program_db::participants(conn, program_id)?
        .into_iter()
        .map(|p| CharterEntry {
            acknowledged_at: acks.get(&p.person.id).copied(),
            person: p.person,
            side: p.side,
        })
        .collect();
    let acknowledged = entries
        .iter()
        .filter(|e| e.acknowledged_at.is_some())
        .count() as u32;
    Ok(CharterStatus {
        program_id,
        charter: program.charter,
        pending: entries.len() as u32 - acknowledged,
        acknowledged,
        entries,
    })
}

/// The pair's two entries, mentor first.
pub(crate) fn pair_entries(conn: &Connection, ctx: &PairContext) -> CoreResult<Vec<CharterEntry>> {
    let acks = db::acknowledgements(conn, ctx.program.id)?;
    let mut out = Vec::with_capacity(2);
    for (employee, side) in [(&ctx.mentor, Side::Mentor), (&ctx.mentee, Side::Mentee)] {
        let person = program_db::person_summary(conn, employee.id)?
            .ok_or_else(|| CoreError::not_found("employee", employee.id))?;
        out.push(CharterEntry {
            person,
            side,
            acknowledged_at: acks.get(&employee.id).copied(),
        });
    }
    Ok(out)
}

/// Refuses (field `charter`, key `charter_not_acknowledged`) while someone in the pair has not
/// acknowledged a program charter that has text; `action` completes "before ...".
pub(crate) fn require_charter(
    conn: &Connection,
    ctx: &PairContext,
    action: &str,
) -> CoreResult<()> {
    if ctx.program.charter.trim().is_empty() {
        return Ok(());
    }
    let acks = db::acknowledgements(conn, ctx.program.id)?;
    let missing: Vec<String> = [&ctx.mentor, &ctx.mentee]
        .into_iter()
        .filter(|e| !acks.contains_key(&e.id))
        .map(|e| e.full_name())
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let (who, verb) = match missing.as_slice() {
        [one] => (one.clone(), "has"),
        _ => (missing.join(" and "), "have"),
    };
    Err(CoreError::invalid(
        "charter",
        "charter_not_acknowledged",
        format!(
            "{who} {verb} not acknowledged the program's charter yet: they must before {action}"
        ),
    ))
}
