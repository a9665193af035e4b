//! Application settings stored in the database: today, the interface language.
//!
//! Each setting is a typed getter/setter pair over `store::settings`. To add one, pick a key
//! constant, parse its stored text leniently (an unknown value reads as "not set"), and test the
//! round trip.

use crate::store::settings::{get_setting, set_setting};
use crate::{CoreResult, Store};

/// The key under which the interface language is stored.
pub const LANGUAGE_KEY: &str = "language";

/// Interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    Fr,
    En,
}

impl Language {
    pub fn as_str(self) -> &'static str {
        match self {
            Language::Fr => "fr",
            Language::En => "en",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "fr" => Some(Language::Fr),
            "en" => Some(Language::En),
            _ => None,
        }
    }
}

/// The language the user chose, or `None` until they choose (the UI then follows the system).
pub fn language(store: &Store) -> CoreResult<Option<Language>> {
    // A value written by a newer version reads as "not chosen" rather than failing.
    Ok(get_setting(store.conn(), LANGUAGE_KEY)?.and_then(|raw| Language::parse(&raw)))
}

/// Remembers the interface language.
pub fn set_language(store: &mut Store, language: Language) -> CoreResult<()> {
    store.transaction(|tx| set_setting(tx, LANGUAGE_KEY, language.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_is_unset_until_chosen_then_remembered() -> CoreResult<()> {
        let mut store = Store::open_in_memory()?;
        assert_eq!(language(&store)?, None);
        set_language(&mut store, Language::Fr)?;
        assert_eq!(language(&store)?, Some(Language::Fr));
        set_language(&mut store, Language::En)?;
        assert_eq!(language(&store)?, Some(Language::En));
        Ok(())
    }

    #[test]
    fn an_unknown_stored_language_reads_as_not_chosen() -> CoreResult<()> {
        let store = Store::open_in_memory()?;
        set_setting(store.conn(), LANGUAGE_KEY, "klingon")?;
        assert_eq!(language(&store)?, None);
        Ok(())
    }
}
