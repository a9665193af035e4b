//! Tauri commands, one file per area. Each one parses its input (DTO → domain), calls the core and
//! maps the result back: no SQL and no business rule here. The list is in `docs/ipc.md`.

pub mod access;
pub mod catalog;
pub mod connection;
pub mod directory;
pub mod export;
pub mod import;
pub mod programs;
pub mod progress;
pub mod sessions;
pub mod settings;
