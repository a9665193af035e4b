//! The employee directory: list and search, the employee page, create / edit / deactivate.
//!
//! Every write normalizes and validates the draft ([`crate::domain::validation`]), then checks the
//! rules that need the database ([`check_draft`]: manager known, not self, no reporting cycle, topics
//! known, email and HR id free), inside the same transaction as the write, so a rejected write leaves
//! the database exactly as it was. SQL lives in [`crate::store::employees`]. To add a rule that needs
//! the database, add it to [`check_draft`] with its own field key and a test in `tests/directory.rs`.
//!
//! Field error keys added here (beyond those of `validation`): `manager_unknown`, `manager_self`,
//! `manager_cycle` (field `manager_id`) and `topic_unknown` (field `skills`).

mod cycle;

pub use cycle::{find_reporting_cycle, reporting_cycles};
// The directory's types are domain types (the store answers the list with them).
pub use crate::domain::directory::{
    DirectoryFacets, DirectoryPage, DirectoryQuery, DirectorySort, EmployeeDetail, EmployeeRow,
    PersonRef, MAX_PAGE_SIZE,
};

use crate::access::{self, Effect, Need};
use crate::store::db::Connection;

use crate::domain::validation::{normalize, validate};
use crate::domain::{Employee, EmployeeDraft, EmployeeId, ProgramRole};
use crate::store::employees as db;
use crate::{CoreError, CoreResult, FieldError, RefusalKey, Store};

/// One window of the directory list (search, filters, sort), and how many employees match in all.
/// The window is capped at [`MAX_PAGE_SIZE`] rows.
pub fn list_employees(store: &Store, query: &DirectoryQuery) -> CoreResult<DirectoryPage> {
    access::require(store, Need::Hr, Effect::Read)?;
    db::list_employees(store.conn(), query)
}

/// What the filter menus offer: departments and sites of active employees, and head counts.
pub fn directory_facets(store: &Store) -> CoreResult<DirectoryFacets> {
    access::require(store, Need::Hr, Effect::Read)?;
    db::facets(store.conn())
}

/// The employee page: the employee, their manager and their direct reports (by name).
pub fn get_employee(store: &Store, id: EmployeeId) -> CoreResult<EmployeeDetail> {
    access::require(store, Need::Person(id), Effect::Read)?;
    detail(store.conn(), id)
}

/// The employee a person names on the command line: by Tandem id, e-mail (any case) or HR id,
/// among the people the reader may see. Nobody by that reference is `NotFound`.
pub fn find_employee(store: &Store, reference: &str) -> CoreResult<EmployeeId> {
    access::require(store, Need::SignedIn, Effect::Read)?;
    let reference = reference.trim();
    let conn = store.conn();
    let found = if let Ok(id) = EmployeeId::parse(reference) {
        db::employee_exists(conn, id)?.then_some(id)
    } else if reference.contains('@') {
        db::find_by_email(conn, reference, None)?.map(|p| p.id)
    } else {
        db::find_by_external_id(conn, reference, None)?.map(|p| p.id)
    };
    found.ok_or_else(|| CoreError::not_found("employee", reference))
}

/// [`get_employee`] on any connection (e.g. inside a transaction).
pub fn detail(conn: &Connection, id: EmployeeId) -> CoreResult<EmployeeDetail> {
    let employee =
        db::get_employee(conn, id)?.ok_or_else(|| CoreError::not_found("employee", id))?;
    let version = db::employee_stamp(conn, id)?.map_or(0, |s| s.version);
    Ok(EmployeeDetail {
        version,
        manager: db::manager_of(conn, id)?,
        direct_reports: db::direct_reports(conn, id)?,
        employee,
    })
}

/// Adds an employee (active) after checking every rule; returns their page.
pub fn create_employee(store: &mut Store, draft: EmployeeDraft) -> CoreResult<EmployeeDetail> {
    access::require(store, Need::Hr, Effect::Write)?;
    store.transaction(|tx| {
        let draft = check_draft(tx, None, draft)?;
        let id = EmployeeId::new();
        db::insert_employee(tx, id, &draft, &db::now_timestamp())?;
        detail(tx, id)
    })
}

/// True when `draft` leaves every field HR keeps as `stored` has it: a participant editing their
/// own profile changes only their skills and goals, interests, languages, time zone and weekly
/// availability.
fn keeps_hr_fields(stored: &Employee, draft: &EmployeeDraft) -> bool {
    stored.external_id == draft.external_id
        && stored.first_name == draft.first_name
        && stored.last_name == draft.last_name
        && stored.email == draft.email
        && stored.department == draft.department
        && stored.title == draft.title
        && stored.grade == draft.grade
        && stored.manager_id == draft.manager_id
        && stored.site == draft.site
        && stored.hire_date == draft.hire_date
        && draft.role.unwrap_or(ProgramRole::None) == stored.role
        && stored.adoption_profile == draft.adoption_profile
}

/// Replaces an employee's data (not their active flag) after checking every rule. HR changes
/// everything; a participant changes only their own profile's fields (see [`keeps_hr_fields`]),
/// else `forbidden_hr_fields`.
///
/// `based_on` is the version the person edited (from [`EmployeeDetail::version`]); if someone
/// changed the employee since, nothing is written and the conflict (`stale_record`) names who
/// and when. `None` skips the check (a caller with no screen, such as a script).
pub fn update_employee(
    store: &mut Store,
    id: EmployeeId,
    draft: EmployeeDraft,
    based_on: Option<i64>,
) -> CoreResult<EmployeeDetail> {
    access::require(store, Need::Person(id), Effect::Write)?;
    let hr = access::acting_as_hr(store);
    store.transaction(|tx| {
        let Some(stored) = db::get_employee(tx, id)? else {
            return Err(CoreError::not_found("employee", id));
        };
        let draft = check_draft(tx, Some(id), draft)?;
        if !hr && !keeps_hr_fields(&stored, &draft) {
            return Err(access::refuse(
                RefusalKey::ForbiddenHrFields,
                "your name, e-mail, HR id, department, title, grade, manager, site, hire date, \
                 role and adoption profile are kept by HR: only your skills, goals, interests, \
                 languages, time zone and availability are yours to change",
            ));
        }
        if !db::update_employee(tx, id, &draft, &db::now_timestamp(), based_on)? {
            return Err(CoreError::stale(db::employee_stamp(tx, id)?));
        }
        detail(tx, id)
    })
}

/// Activates or deactivates an employee. Nothing is deleted: their history stays, and a deactivated
/// manager's reports keep them as manager until HR changes it.
pub fn set_employee_active(
    store: &mut Store,
    id: EmployeeId,
    active: bool,
) -> CoreResult<EmployeeDetail> {
    access::require(store, Need::Hr, Effect::Write)?;
    store.transaction(|tx| {
        if !db::set_active(tx, id, active, &db::now_timestamp())? {
            return Err(CoreError::not_found("employee", id));
        }
        detail(tx, id)
    })
}

/// Normalizes `draft` and checks every rule for storing it as employee `id` (`None` for a new one).
///
/// Field problems, including those needing the database (manager unknown, self or cycle; unknown
/// topic), come back together as one [`CoreError::Validation`]. A valid draft whose email or HR id
/// belongs to someone else is a [`CoreError::Conflict`] naming that person. Returns the normalized
/// draft, ready for [`db::insert_employee`] or [`db::update_employee`].
pub fn check_draft(
    conn: &Connection,
    id: Option<EmployeeId>,
    draft: EmployeeDraft,
) -> CoreResult<EmployeeDraft> {
    let draft = normalize(draft);
    let mut errors = validate(&draft);
    if let Some(manager) = draft.manager_id {
        if let Some(error) = manager_error(conn, id, manager)? {
            errors.push(error);
        }
    }
    let unknown = db::unknown_topics(conn, draft.skills.iter().map(|s| s.topic_id.as_str()))?;
    if !unknown.is_empty() {
        errors.push(FieldError::new(
            "skills",
            "topic_unknown",
            format!(
                "the catalog has no topic {}: pick topics from the catalog",
                unknown.join(", ")
            ),
        ));
    }
    if !errors.is_empty() {
        return Err(CoreError::Validation(errors));
    }
    if let Some(other) = db::find_by_email(conn, &draft.email, id)? {
        let who = format!("{}{}", other.full_name, department_suffix(&other));
        return Err(CoreError::conflict(
            RefusalKey::EmailTaken,
            format!(
                "the email {} is already used by {who}: use another address, or edit that employee",
                draft.email
            ),
        )
        .with("email", &draft.email)
        .with("who", who));
    }
    if let Some(other) = db::find_by_external_id(conn, &draft.external_id, id)? {
        let who = format!("{}{}", other.full_name, department_suffix(&other));
        return Err(CoreError::conflict(
            RefusalKey::ExternalIdTaken,
            format!(
                "the HR id {} is already used by {who}: use another id, or edit that employee",
                draft.external_id
            ),
        )
        .with("external_id", &draft.external_id)
        .with("who", who));
    }
    Ok(draft)
}

fn department_suffix(person: &PersonRef) -> String {
    if person.department.is_empty() {
        String::new()
    } else {
        format!(" ({})", person.department)
    }
}

/// Why `manager` cannot be the manager of employee `id`, if it cannot.
fn manager_error(
    conn: &Connection,
    id: Option<EmployeeId>,
    manager: EmployeeId,
) -> CoreResult<Option<FieldError>> {
    if id == Some(manager) {
        return Ok(Some(FieldError::new(
            "manager_id",
            "manager_self",
            "an employee cannot be their own manager",
        )));
    }
    let Some(manager_ref) = db::person_ref(conn, manager)? else {
        return Ok(Some(FieldError::new(
            "manager_id",
            "manager_unknown",
            format!("no employee has the id {manager}: pick the manager from the directory"),
        )));
    };
    // A new employee has no reports yet, so only an existing one can close a loop.
    if let Some(id) = id {
        if db::manager_chain(conn, manager)?.contains(&id) {
            return Ok(Some(FieldError::new(
                "manager_id",
                "manager_cycle",
                format!(
                    "{} already reports to this employee (directly or indirectly), so they cannot be their manager",
                    manager_ref.full_name
                ),
            )));
        }
    }
    Ok(None)
}
