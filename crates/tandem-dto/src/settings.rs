//! Application settings the UI reads and changes.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum LanguageDto {
    Fr,
    En,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SettingsDto {
    /// The language chosen by the user; `null` until they choose (the UI then follows the OS).
    pub language: Option<LanguageDto>,
    /// Where the database lives, shown in the about box.
    pub database_path: String,
}
