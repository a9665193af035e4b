//! Who is signed in, the logins HR links to people, and HR's "view as".

use chrono::{DateTime, Utc};

use super::{require, Effect, Need};
use crate::domain::profile::{profile_gaps, ProfileGap, ProfileSides};
use crate::domain::{Actor, EmployeeId};
use crate::program::PersonSummary;
use crate::store::access as db;
use crate::store::programs::person_summary;
use crate::{CoreError, CoreResult, FieldError, RefusalKey, Store};

/// Who the app acts for, and what they take part in: the top bar and the home screen read it.
#[derive(Debug, Clone, PartialEq)]
pub struct Me {
    /// The database login, on a team database.
    pub login: Option<String>,
    /// The linked employee, if any.
    pub person: Option<PersonSummary>,
    pub hr: bool,
    /// In an approved pair as a mentee.
    pub mentee: bool,
    /// In an approved pair as a mentor.
    pub mentor: bool,
    /// Someone reports to them.
    pub manager: bool,
    /// The person HR is viewing as (read-only), whose roles the other fields then give.
    pub viewing_as: Option<PersonSummary>,
    /// What the person's own profile lacks for the sides they take; empty when complete or when
    /// nobody is linked.
    pub profile_gaps: Vec<ProfileGap>,
}

/// Who is signed in (or, while HR views as someone, who they view as) and their roles.
pub fn whoami(store: &Store) -> CoreResult<Me> {
    let actor = store.actor();
    let conn = store.conn();
    let (person, hr) = actor.effective();
    let (mentee, mentor, manager) = match person {
        Some(p) => db::roles_of(conn, p)?,
        None => (false, false, false),
    };
    let profile_gaps = match person {
        Some(p) => {
            let (sides, facts) = db::profile_of(conn, p)?;
            let sides = ProfileSides {
                mentee: sides.mentee || mentee,
                mentor: sides.mentor || mentor,
            };
            profile_gaps(sides, facts)
        }
        None => Vec::new(),
    };
    let summary = |id: Option<EmployeeId>| -> CoreResult<Option<PersonSummary>> {
        Ok(match id {
            Some(id) => person_summary(conn, id)?,
            None => None,
        })
    };
    Ok(Me {
        login: actor.login.clone(),
        person: summary(actor.person)?,
        hr,
        mentee,
        mentor,
        manager,
        viewing_as: summary(actor.viewing_as)?,
        profile_gaps,
    })
}

/// Starts viewing Tandem as `person` (read-only), or stops with `None`. HR only; HR cannot view
/// as someone while already doing so (stop first).
pub fn view_as(store: &mut Store, person: Option<EmployeeId>) -> CoreResult<Me> {
    let actor = store.actor().clone();
    if person.is_some() && actor.viewing_as.is_some() {
        return Err(CoreError::forbidden(
            RefusalKey::ForbiddenViewingAs,
            "you are already viewing Tandem as someone else: stop first",
        ));
    }
    if !actor.hr {
        return Err(CoreError::forbidden(
            RefusalKey::ForbiddenHrOnly,
            "only HR administrators may view Tandem as someone else",
        ));
    }
    if let Some(id) = person {
        if person_summary(store.conn(), id)?.is_none() {
            return Err(CoreError::not_found("employee", id));
        }
    }
    store.set_actor(actor.viewing_as(person));
    whoami(store)
}

/// A login of the team database, as HR's list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct LoginLink {
    pub login: String,
    pub person: Option<PersonSummary>,
    pub hr_admin: bool,
    pub created_at: String,
}

/// Every linked login, in name order. HR only.
pub fn list_logins(store: &Store) -> CoreResult<Vec<LoginLink>> {
    require(store, Need::Hr, Effect::Read)?;
    let conn = store.conn();
    db::logins(conn)?
        .into_iter()
        .map(|row| {
            Ok(LoginLink {
                person: match row.employee {
                    Some(id) => person_summary(conn, id)?,
                    None => None,
                },
                login: row.login,
                hr_admin: row.hr_admin,
                created_at: row.created_at,
            })
        })
        .collect()
}

/// The longest login PostgreSQL accepts (NAMEDATALEN - 1).
pub const MAX_LOGIN: usize = 63;

/// Links a database login to an employee (or to nobody, for an HR administrator who does not
/// take part), with or without HR rights. HR only.
///
/// The login is the user name people sign in with (created by IT, or by the server's own
/// tools); Tandem stores no password. Refused: an empty or too long login (`login` field), an
/// unknown employee, and taking HR rights from the last HR administrator (`last_hr_admin`).
pub fn link_login(
    store: &mut Store,
    login: &str,
    employee: Option<EmployeeId>,
    hr_admin: bool,
    now: DateTime<Utc>,
) -> CoreResult<Vec<LoginLink>> {
    require(store, Need::Hr, Effect::Write)?;
    let login = login.trim();
    if login.is_empty() {
        return Err(CoreError::invalid(
            "login",
            "required",
            "give the login the person signs in with",
        ));
    }
    if login.chars().count() > MAX_LOGIN {
        return Err(CoreError::Validation(vec![FieldError::too_long(
            "login",
            MAX_LOGIN,
            format!("a login has at most {MAX_LOGIN} characters"),
        )]));
    }
    if let Some(id) = employee {
        if person_summary(store.conn(), id)?.is_none() {
            return Err(CoreError::not_found("employee", id));
        }
    }
    store.transaction(|tx| {
        // One login per person: the app could not tell which of two is theirs.
        if let Some(other) = employee.and_then(|id| {
            db::logins(tx)
                .ok()?
                .into_iter()
                .find(|r| r.employee == Some(id) && r.login != login)
        }) {
            return Err(CoreError::Validation(vec![FieldError::new(
                "employee",
                "employee_has_login",
                format!(
                    "this person already signs in as {}: unlink that login first",
                    other.login
                ),
            )
            .with("login", other.login)]));
        }
        let was_hr = db::login(tx, login)?.is_some_and(|r| r.hr_admin);
        if was_hr && !hr_admin && db::hr_admin_count(tx)? <= 1 {
            return Err(last_hr_admin());
        }
        db::save_login(tx, login, employee, hr_admin, now)
    })?;
    list_logins(store)
}

/// Removes a login's link: that login can no longer open Tandem. HR only; the last HR
/// administrator cannot be removed.
pub fn unlink_login(store: &mut Store, login: &str) -> CoreResult<Vec<LoginLink>> {
    require(store, Need::Hr, Effect::Write)?;
    store.transaction(|tx| {
        let row = db::login(tx, login)?.ok_or_else(|| CoreError::not_found("login", login))?;
        if row.hr_admin && db::hr_admin_count(tx)? <= 1 {
            return Err(last_hr_admin());
        }
        db::delete_login(tx, login)?;
        Ok(())
    })?;
    list_logins(store)
}

fn last_hr_admin() -> CoreError {
    CoreError::conflict(
        RefusalKey::LastHrAdmin,
        "this is the last HR administrator: grant HR rights to someone else first",
    )
}

impl Store {
    /// Who acts on this store.
    pub fn actor(&self) -> &Actor {
        &self.actor
    }

    /// Changes who acts: for view-as, and for tests that act as a given person.
    #[doc(hidden)]
    pub fn set_actor(&mut self, actor: Actor) {
        self.actor = actor;
    }
}
