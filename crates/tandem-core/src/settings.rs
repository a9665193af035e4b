//! Application settings stored in the database: the interface language and the session reminder
//! lead time.
//!
//! Both are each person's own. On a file (one person, no login) they are stored under their key.
//! On a team database each login keeps its own under `key:login` ([`preference_key`]), so one
//! person choosing English does not switch everyone's Tandem; until a person chooses, they get the
//! value stored under the plain key (what the database had before, or what a file moved into it
//! had).
//!
//! Each setting is a typed getter/setter pair over `store::settings`. To add one, pick a key
//! constant, parse its stored text leniently (an unknown value reads as "not set"), and test the
//! round trip.

use crate::access::{self, Effect, Need};
use crate::store::settings::{get_setting, set_setting};
use crate::{CoreError, CoreResult, Store};

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

/// Where the acting person's own value of `key` is stored: `key:login` for a login of a team
/// database, `key` itself on a file.
fn preference_key(store: &Store, key: &str) -> String {
    match &store.actor().login {
        Some(login) => format!("{key}:{login}"),
        None => key.to_owned(),
    }
}

/// The acting person's value of a preference read by `parse`: their own, else the database's
/// (see the module doc). A value `parse` refuses (written by a newer version, say) counts as
/// not set.
fn preference<T>(
    store: &Store,
    key: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> CoreResult<Option<T>> {
    let own = get_setting(store.conn(), &preference_key(store, key))?.and_then(|raw| parse(&raw));
    if own.is_some() || store.actor().login.is_none() {
        return Ok(own);
    }
    Ok(get_setting(store.conn(), key)?.and_then(|raw| parse(&raw)))
}

/// The language the user chose, or `None` until they choose (the UI then follows the system).
pub fn language(store: &Store) -> CoreResult<Option<Language>> {
    access::require(store, Need::SignedIn, Effect::Read)?;
    preference(store, LANGUAGE_KEY, Language::parse)
}

/// Remembers the interface language, for the acting person.
pub fn set_language(store: &mut Store, language: Language) -> CoreResult<()> {
    access::require(store, Need::SignedIn, Effect::Preference)?;
    let key = preference_key(store, LANGUAGE_KEY);
    store.transaction(|tx| set_setting(tx, &key, language.as_str()))
}

/// The key under which the session reminder lead time is stored, in minutes.
pub const REMINDER_MINUTES_KEY: &str = "reminder_minutes";
/// The lead time until the user chooses one.
pub const DEFAULT_REMINDER_MINUTES: u16 = 15;
/// The longest lead time accepted: a day.
pub const MAX_REMINDER_MINUTES: u16 = 1440;

/// How many minutes before a session the desktop reminder appears; 0 means no reminders.
pub fn reminder_minutes(store: &Store) -> CoreResult<u16> {
    access::require(store, Need::SignedIn, Effect::Read)?;
    // A value this version cannot read falls back to the default rather than failing.
    let minutes = preference(store, REMINDER_MINUTES_KEY, |raw| {
        raw.trim()
            .parse::<u16>()
            .ok()
            .filter(|m| *m <= MAX_REMINDER_MINUTES)
    })?;
    Ok(minutes.unwrap_or(DEFAULT_REMINDER_MINUTES))
}

/// Sets the reminder lead time: 0 (off) to [`MAX_REMINDER_MINUTES`]; anything else is a
/// validation error (`reminder_minutes` / `out_of_range`).
pub fn set_reminder_minutes(store: &mut Store, minutes: u16) -> CoreResult<()> {
    access::require(store, Need::SignedIn, Effect::Preference)?;
    if minutes > MAX_REMINDER_MINUTES {
        return Err(CoreError::invalid(
            "reminder_minutes",
            "out_of_range",
            format!(
                "a reminder comes 0 (off) to {MAX_REMINDER_MINUTES} minutes before a session; {minutes} is not allowed"
            ),
        ));
    }
    let key = preference_key(store, REMINDER_MINUTES_KEY);
    store.transaction(|tx| set_setting(tx, &key, &minutes.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_is_unset_until_chosen_then_remembered() -> CoreResult<()> {
        let mut store = Store::open_for_tests()?;
        assert_eq!(language(&store)?, None);
        set_language(&mut store, Language::Fr)?;
        assert_eq!(language(&store)?, Some(Language::Fr));
        set_language(&mut store, Language::En)?;
        assert_eq!(language(&store)?, Some(Language::En));
        Ok(())
    }

    #[test]
    fn an_unknown_stored_language_reads_as_not_chosen() -> CoreResult<()> {
        let store = Store::open_for_tests()?;
        set_setting(
            store.conn(),
            &preference_key(&store, LANGUAGE_KEY),
            "klingon",
        )?;
        assert_eq!(language(&store)?, None);
        Ok(())
    }

    #[test]
    fn the_reminder_lead_time_defaults_to_15_minutes_and_0_turns_it_off() -> CoreResult<()> {
        let mut store = Store::open_for_tests()?;
        assert_eq!(reminder_minutes(&store)?, DEFAULT_REMINDER_MINUTES);
        set_reminder_minutes(&mut store, 0)?;
        assert_eq!(reminder_minutes(&store)?, 0);
        set_reminder_minutes(&mut store, 1440)?;
        assert_eq!(reminder_minutes(&store)?, 1440);
        Ok(())
    }

    #[test]
    fn a_reminder_lead_time_over_a_day_is_refused_and_the_old_one_kept() -> CoreResult<()> {
        let mut store = Store::open_for_tests()?;
        set_reminder_minutes(&mut store, 30)?;
        let error = set_reminder_minutes(&mut store, 1441).expect_err("1441 minutes is over a day");
        match error {
            CoreError::Validation(errors) => {
                assert_eq!(errors[0].field, "reminder_minutes");
                assert_eq!(errors[0].key, "out_of_range");
            }
            other => panic!("expected a validation error, got {other:?}"),
        }
        assert_eq!(reminder_minutes(&store)?, 30);
        set_setting(
            store.conn(),
            &preference_key(&store, REMINDER_MINUTES_KEY),
            "soon",
        )?;
        assert_eq!(reminder_minutes(&store)?, DEFAULT_REMINDER_MINUTES);
        Ok(())
    }

    #[test]
    fn each_login_of_a_team_database_keeps_its_own_language_and_reminders() -> CoreResult<()> {
        use crate::domain::Actor;
        let mut store = Store::open_for_tests()?;
        // What the database had before anyone chose: everyone starts from it.
        store.set_actor(Actor::hr_here());
        set_setting(store.conn(), LANGUAGE_KEY, "fr")?;
        set_setting(store.conn(), REMINDER_MINUTES_KEY, "30")?;
        let anne = Actor::signed_in("anne", None, false);
        let marc = Actor::signed_in("marc", None, false);
        store.set_actor(anne.clone());
        assert_eq!(language(&store)?, Some(Language::Fr));
        set_language(&mut store, Language::En)?;
        set_reminder_minutes(&mut store, 0)?;
        assert_eq!(
            (language(&store)?, reminder_minutes(&store)?),
            (Some(Language::En), 0)
        );
        // Marc's Tandem stays as it was.
        store.set_actor(marc);
        assert_eq!(
            (language(&store)?, reminder_minutes(&store)?),
            (Some(Language::Fr), 30)
        );
        set_language(&mut store, Language::Fr)?;
        store.set_actor(anne);
        assert_eq!(language(&store)?, Some(Language::En));
        // The file's own (no login) is the shared value, untouched by either.
        store.set_actor(Actor::hr_here());
        assert_eq!(
            (language(&store)?, reminder_minutes(&store)?),
            (Some(Language::Fr), 30)
        );
        Ok(())
    }
}
