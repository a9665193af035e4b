//! A remembered team password, kept in the operating system's keyring (Secret Service on Linux,
//! Keychain on macOS, Credential Manager on Windows) and nowhere else: never in a file Tandem
//! writes, never in a log.
//!
//! Keyring entries are per server, database and user. A machine with no keyring service (a bare
//! test machine) simply remembers nothing: every function here fails softly, and the person types
//! the password again.

use tandem_core::store::postgres::ServerSettings;

fn entry(settings: &ServerSettings) -> Option<keyring::Entry> {
    keyring::Entry::new(
        tandem_core::store::postgres::KEYRING_SERVICE,
        &settings.keyring_account(),
    )
    .ok()
}

/// The remembered password for these settings, if the keyring has one.
pub fn load(settings: &ServerSettings) -> Option<String> {
    entry(settings)?.get_password().ok()
}

/// Remembers the password; false when the keyring could not take it.
pub fn save(settings: &ServerSettings, password: &str) -> bool {
    entry(settings).is_some_and(|e| e.set_password(password).is_ok())
}

/// Forgets the password, if one was remembered.
pub fn forget(settings: &ServerSettings) {
    if let Some(e) = entry(settings) {
        // Nothing to forget is fine too.
        let _ = e.delete_credential();
    }
}
