//! Domain types: what Tandem talks about, independent of storage and of the UI.
//!
//! These types never cross the IPC boundary directly; `tandem-dto` maps them. Keep them free of
//! serialization concerns beyond what tests and the demo loader need.

pub mod catalog;
pub mod employee;
pub mod stamp;
pub mod text;
pub mod validation;

pub use catalog::{Platform, Topic};
pub use employee::{
    AdoptionProfile, AvailabilitySlot, Employee, EmployeeDraft, EmployeeId, ProgramRole, SkillLevel,
};
pub use stamp::ChangeStamp;

/// The 0–4 skill scale: none, aware, beginner, practitioner, expert.
pub const MAX_LEVEL: u8 = 4;
