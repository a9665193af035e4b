//! Tandem's core: domain types, business rules and storage for a reverse-mentoring program.
//!
//! This crate never depends on Tauri, so every rule is tested on an in-memory database and builds in
//! seconds. The desktop shell (`src-tauri`) only parses input, calls functions here and maps
//! [`CoreError`] to `{ code, message }`.
//!
//! Code map:
//! - [`domain`]: the types Tandem talks about (employees, catalog, skills, and every shape the
//!   store reads or writes: programs, pairs, sessions, directory pages...); rule modules re-export
//!   the ones of their area.
//! - [`store`]: the only module that speaks SQL; migrations live beside it. It is the bottom
//!   floor: it imports only [`domain`] and the error type, never a rule module.
//! - [`access`]: who may do what: the one table of access rules every operation checks, the
//!   command list with each command's rule, the logins HR links to people, and "view as".
//! - [`import`]: the HR CSV import: stage a file, preview, commit all or nothing.
//! - [`maintenance`]: whole-database operations: backup checked once written, integrity check,
//!   restore with the current file kept aside, and the move of a solo file to a team database.
//! - [`directory`]: employee list, search, page, create/edit/deactivate, reporting-cycle checks.
//! - [`catalog`]: the editable catalog of platforms and topics.
//! - [`settings`]: per-database preferences (interface language).
//! - [`demo`]: loads the demo company into an empty database, and on first launch a program
//!   under way with sessions and learning logs.
//! - [`program`]: programs (cohorts), participants, persisted matching and HR's review.
//! - [`export`]: the formula-safe CSV writer and the Excel (.xlsx) writer every export uses.
//! - [`session`]: sessions of approved pairs: scheduling, actions, learning log, charter, pair page,
//!   my week, calendar files and the health rules.
//! - [`progress`]: learning progress: program dashboard, mentee progress, manager view, mentor
//!   recognition, audience figures, and their CSV / Excel exports.
//! - [`calendar`]: iCalendar (.ics) export of sessions, with time zones, for Outlook, Google and Thunderbird.

pub mod access;
pub mod calendar;
pub mod catalog;
pub mod demo;
pub mod directory;
pub mod domain;
pub mod error;
pub mod export;
pub mod import;
pub mod maintenance;
pub mod matching;
pub mod program;
pub mod progress;
pub mod session;
pub mod settings;
pub mod store;

pub use error::{CoreError, CoreResult, FieldError, Refusal, RefusalKey};
pub use store::Store;
