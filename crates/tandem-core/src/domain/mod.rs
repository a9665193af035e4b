//! Domain types: what Tandem talks about, independent of storage and of the UI.
//!
//! This is the ground floor the store stands on: every type the store reads or writes lives here
//! (employees and the directory's list, the catalog, programs and their pairs, the matching
//! weights and parts, sessions and their logs, the progress figures read as is), one file per
//! area, and the rule module of that area re-exports it (`program::ProgramId` is
//! `domain::program::ProgramId`). So this module imports nothing from the store or from a rule
//! module; a method that needs a rule (e.g. `Session::fact`, for the health rules) is written in
//! the rule module's own `impl` block. A type only the rules use stays with its rule module.
//!
//! These types never cross the IPC boundary directly; `tandem-dto` maps them. Keep them free of
//! serialization concerns beyond what tests, the demo loader and the exports need.

pub mod access;
pub mod catalog;
pub mod directory;
pub mod employee;
pub mod matching;
pub mod profile;
pub mod program;
pub mod progress;
pub mod session;
pub mod stamp;
pub mod text;
pub mod validation;

pub use access::Actor;
pub use catalog::{Platform, Topic};
pub use employee::{
    AdoptionProfile, AvailabilitySlot, Employee, EmployeeDraft, EmployeeId, ProgramRole, SkillLevel,
};
pub use stamp::ChangeStamp;

/// The 0–4 skill scale: none, aware, beginner, practitioner, expert.
pub const MAX_LEVEL: u8 = 4;
