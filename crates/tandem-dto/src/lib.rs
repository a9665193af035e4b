//! The types that cross the IPC boundary between the UI and Rust, and their TypeScript bindings.
//!
//! Domain types stay in `tandem-core`; this crate mirrors what the UI needs and converts. Every type
//! derives `ts_rs::TS`: `cargo test -p tandem-dto` writes `ui/src/api/bindings/`, and the UI builds on
//! those files, so renaming a field here breaks the UI build, not the user. Commit the regenerated
//! bindings with the change (the test suite fails when they are stale).
//!
//! No 64-bit integers here: they would become `bigint` in TypeScript.

pub mod access;
pub mod catalog;
pub mod connection;
pub mod directory;
pub mod error;
pub mod import;
pub mod programs;
pub mod progress;
pub mod sessions;
pub mod settings;
#[cfg(test)]
mod test_support;

pub use access::*;
pub use catalog::*;
pub use connection::*;
pub use directory::*;
pub use error::*;
pub use import::*;
pub use programs::*;
pub use progress::*;
pub use sessions::*;
pub use settings::*;
