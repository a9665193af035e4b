//! Who may do what: the one table of access rules, checked by every operation of the core.
//!
//! The store carries the acting person ([`Actor`]): HR at the keyboard of a solo file, or the
//! login signed in to a team database and the employee it is linked to. Each operation of the core
//! starts with [`require`], naming what it needs ([`Need`]) and whether it changes anything
//! ([`Effect`]). A refusal is [`CoreError::Forbidden`] with a key the UI words in French and
//! English, and comes before anything is read or written.
//!
//! | rule | who passes |
//! |---|---|
//! | [`Rule::Anyone`] | everyone, even before a database is open (the shell's own commands) |
//! | [`Rule::SignedIn`] | anyone signed in: their own settings and the catalog |
//! | [`Rule::Hr`] | HR administrators only |
//! | [`Rule::Person`] | the person themself (their own profile, their mentor recognition with its ratings), and HR |
//! | [`Rule::ProgressOf`] | the person, anyone above them in the reporting line, and HR (a mentor follows their mentee on the pair page) |
//! | [`Rule::PeopleOf`] | a manager for the people under them (any depth), and HR; a department is HR's |
//! | [`Rule::PairMember`] | the mentee and the mentor of the pair, and HR |
//! | [`Rule::PairMentor`] | the pair's mentor, and HR |
//!
//! Whoever holds several roles gets their union; a role in one pair gives nothing in another.
//! HR viewing as someone ([`view_as`]) is checked as that person, and every write is refused.
//! Finer rules inside one operation (a rating on one's own side only, the profile fields only HR
//! changes, the charter for oneself) are checked by that operation with [`refuse`].
//!
//! The command list ([`COMMANDS`]) names every command the app exposes with its rule and effect;
//! the shell's handler list, the UI's wrappers, the IPC document and the role × operation test
//! are checked against it. To add a command: add it there first.

mod commands;
mod logins;

pub use commands::{command, CommandSpec, COMMANDS};
pub use logins::*;

use crate::domain::session::{PairId, SessionId};
use crate::domain::EmployeeId;
use crate::progress::ManagerScope;
use crate::store::access as db;
use crate::{CoreError, CoreResult, RefusalKey, Store};

/// The kinds of rule, as the command list declares them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    Anyone,
    SignedIn,
    Hr,
    Person,
    ProgressOf,
    PeopleOf,
    PairMember,
    PairMentor,
}

/// Whether an operation changes data. Every write is refused while HR views as someone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Effect {
    Read,
    Write,
    /// A preference of the person at this machine (language, reminder lead time): allowed while
    /// viewing as someone, as it changes nothing of theirs.
    Preference,
}

/// What an operation needs, with the record it is about.
#[derive(Debug, Clone, Copy)]
pub enum Need<'a> {
    SignedIn,
    Hr,
    Person(EmployeeId),
    ProgressOf(EmployeeId),
    PeopleOf(&'a ManagerScope),
    PairMember(PairId),
    SessionMember(SessionId),
    PairMentor(PairId),
    SessionMentor(SessionId),
}

impl Need<'_> {
    /// The rule of the table this need is checked by.
    pub fn rule(&self) -> Rule {
        match self {
            Need::SignedIn => Rule::SignedIn,
            Need::Hr => Rule::Hr,
            Need::Person(_) => Rule::Person,
            Need::ProgressOf(_) => Rule::ProgressOf,
            Need::PeopleOf(_) => Rule::PeopleOf,
            Need::PairMember(_) | Need::SessionMember(_) => Rule::PairMember,
            Need::PairMentor(_) | Need::SessionMentor(_) => Rule::PairMentor,
        }
    }
}

/// Refuses with `key` unless `allowed`; for the finer rules inside one operation.
pub fn refuse(key: RefusalKey, message: &str) -> CoreError {
    CoreError::forbidden(key, message)
}

/// Checks that the store's actor may do what `need` names, with `effect`.
///
/// An unknown pair or session is [`CoreError::NotFound`], for everyone: ids are random, and
/// saying "not found" tells nothing a refusal would not.
pub fn require(store: &Store, need: Need<'_>, effect: Effect) -> CoreResult<()> {
    let actor = store.actor();
    if effect == Effect::Write && actor.viewing_as.is_some() {
        return Err(refuse(
            RefusalKey::ForbiddenViewingAs,
            "you are viewing Tandem as someone else: nothing can be changed until you stop",
        ));
    }
    let (person, hr) = actor.effective();
    if hr {
        // HR may do everything; unknown records are still reported as such by the operation.
        return Ok(());
    }
    let conn = store.conn();
    let me = |target: EmployeeId| person == Some(target);
    let pair_of_session = |session: SessionId| -> CoreResult<PairId> {
        db::session_pair(conn, session)?.ok_or_else(|| CoreError::not_found("session", session))
    };
    let members = |pair: PairId| -> CoreResult<(EmployeeId, EmployeeId)> {
        match db::pair_members(conn, pair)? {
            Some((mentee, mentor, true)) => Ok((mentee, mentor)),
            // A proposal belongs to HR's matching, not yet to the two people in it.
            Some((_, _, false)) => Err(refuse(
                RefusalKey::ForbiddenNotYourPair,
                "this pair is not one of yours",
            )),
            None => Err(CoreError::not_found("pair", pair)),
        }
    };
    let allowed = match need {
        Need::SignedIn => true,
        Need::Hr => false,
        Need::Person(id) => me(id),
        Need::ProgressOf(id) => match person {
            Some(p) => p == id || db::reports_to(conn, id, p)?,
            None => false,
        },
        Need::PeopleOf(ManagerScope::Manager(id)) => match person {
            Some(p) => p == *id || db::reports_to(conn, *id, p)?,
            None => false,
        },
        Need::PeopleOf(ManagerScope::Department(_)) => false,
        Need::PairMember(pair) => {
            let (mentee, mentor) = members(pair)?;
            me(mentee) || me(mentor)
        }
        Need::SessionMember(session) => {
            let (mentee, mentor) = members(pair_of_session(session)?)?;
            me(mentee) || me(mentor)
        }
        Need::PairMentor(pair) => me(members(pair)?.1),
        Need::SessionMentor(session) => me(members(pair_of_session(session)?)?.1),
    };
    if allowed {
        return Ok(());
    }
    Err(match need.rule() {
        Rule::Hr => refuse(
            RefusalKey::ForbiddenHrOnly,
            "only HR administrators may do this",
        ),
        Rule::PairMember => refuse(
            RefusalKey::ForbiddenNotYourPair,
            "this pair is not one of yours",
        ),
        Rule::PairMentor => refuse(
            RefusalKey::ForbiddenMentorOnly,
            "only the pair's mentor may do this",
        ),
        Rule::PeopleOf | Rule::ProgressOf => refuse(
            RefusalKey::ForbiddenNotYourPeople,
            "this person's progress is for them, their managers and HR",
        ),
        Rule::Person | Rule::SignedIn | Rule::Anyone => refuse(
            RefusalKey::ForbiddenNotYours,
            "this belongs to someone else",
        ),
    })
}

/// True when the store's actor acts with HR rights (not viewing as someone).
pub fn acting_as_hr(store: &Store) -> bool {
    store.actor().effective().1
}

/// The person the store's actor acts as (the person viewed as, while viewing as someone).
pub fn acting_person(store: &Store) -> Option<EmployeeId> {
    store.actor().effective().0
}

/// The side the acting person takes in the pair of `session`, when they act as one of its two
/// people rather than as HR (`None` for HR).
pub fn acting_side(store: &Store, session: SessionId) -> CoreResult<Option<crate::program::Side>> {
    if acting_as_hr(store) {
        return Ok(None);
    }
    let conn = store.conn();
    let pair =
        db::session_pair(conn, session)?.ok_or_else(|| CoreError::not_found("session", session))?;
    let (mentee, _, _) =
        db::pair_members(conn, pair)?.ok_or_else(|| CoreError::not_found("pair", pair))?;
    Ok(Some(if acting_person(store) == Some(mentee) {
        crate::program::Side::Mentee
    } else {
        crate::program::Side::Mentor
    }))
}
