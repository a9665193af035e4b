//! Tandem's core: domain types, business rules and storage for a reverse-mentoring program.
//!
//! This crate never depends on Tauri, so every rule is tested on an in-memory database and builds in
//! seconds. The desktop shell (`src-tauri`) only parses input, calls functions here and maps
//! [`CoreError`] to `{ code, message }`.
//!
//! Code map:
//! - [`domain`]: the types Tandem talks about (employees, catalog, skills).
//! - [`store`]: the only module that speaks SQL; migrations live beside it.

pub mod domain;
pub mod error;
pub mod store;

pub use error::{CoreError, CoreResult, FieldError};
pub use store::Store;
