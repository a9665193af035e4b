//! Who is acting: the person behind every operation, as the store carries it.
//!
//! On this computer's file the person at the keyboard is HR ([`Actor::hr_here`]). On a team
//! database each login is linked to an employee and may be an HR administrator (the
//! `tandem_login` table); [`Actor::signed_in`] is built from that row when the store connects.
//! HR on this computer may also *view as* someone ([`Actor::viewing_as`]): everything is read as
//! that person would read it, and every change is refused.
//!
//! The rules that decide what an actor may do live in [`crate::access`]; this type only says who
//! acts.

use super::EmployeeId;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The database login, on a team database.
    pub login: Option<String>,
    /// The employee the actor is, if linked.
    pub person: Option<EmployeeId>,
    /// An HR administrator (and HR at the keyboard of a solo file).
    pub hr: bool,
    /// The person HR is viewing as, read-only.
    pub viewing_as: Option<EmployeeId>,
}

impl Actor {
    /// HR at the keyboard of this computer's file: everything Tandem does.
    pub fn hr_here() -> Self {
        Actor {
            login: None,
            person: None,
            hr: true,
            viewing_as: None,
        }
    }

    /// A login of a team database, linked (or not) to an employee.
    pub fn signed_in(login: &str, person: Option<EmployeeId>, hr: bool) -> Self {
        Actor {
            login: Some(login.to_owned()),
            person,
            hr,
            viewing_as: None,
        }
    }

    /// The same actor viewing as `person` (or no longer, with `None`).
    pub fn viewing_as(mut self, person: Option<EmployeeId>) -> Self {
        self.viewing_as = person;
        self
    }

    /// Who the rules are checked for: the person viewed as, without HR rights, or the actor.
    pub fn effective(&self) -> (Option<EmployeeId>, bool) {
        match self.viewing_as {
            Some(person) => (Some(person), false),
            None => (self.person, self.hr),
        }
    }
}
