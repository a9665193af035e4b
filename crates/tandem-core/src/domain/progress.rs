//! What the store hands the progress screens as is: a program's name and dates, and its charter
//! acknowledgement counts.
//!
//! Plain data; `progress` builds its screens' types around them. To add a field, add it here, to
//! its query in `store::progress`, and to the screen that shows it.

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::program::ProgramId;

/// A program as the progress screens name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProgramRef {
    pub id: ProgramId,
    pub name: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
}

/// Charter acknowledgements among the program's participants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct CharterCounts {
    pub acknowledged: u32,
    pub participants: u32,
    pub mentees_acknowledged: u32,
    pub mentees: u32,
    pub mentors_acknowledged: u32,
    pub mentors: u32,
}
