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

// ---------------------------------------------------------------- conversions

use tandem_core::settings::Language;

impl From<Language> for LanguageDto {
    fn from(language: Language) -> Self {
        match language {
            Language::Fr => Self::Fr,
            Language::En => Self::En,
        }
    }
}

impl From<LanguageDto> for Language {
    fn from(language: LanguageDto) -> Self {
        match language {
            LanguageDto::Fr => Self::Fr,
            LanguageDto::En => Self::En,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_convert_both_ways() {
        for dto in [LanguageDto::Fr, LanguageDto::En] {
            assert_eq!(LanguageDto::from(Language::from(dto)), dto);
        }
    }
}
