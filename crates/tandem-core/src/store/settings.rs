//! SQL for `app_setting`: per-database preferences as text key/value pairs.
//!
//! Keys are defined by the modules that use them (e.g. `settings::LANGUAGE_KEY`); this module only
//! reads and writes. Values are plain text; callers parse them.

use crate::store::db::{params, Connection, OptionalExtension};

use crate::CoreResult;

/// The stored value of `key`, if any.
pub fn get_setting(conn: &Connection, key: &str) -> CoreResult<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT value FROM app_setting WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?)
}

/// Stores `value` under `key`, replacing any previous value.
pub fn set_setting(conn: &Connection, key: &str, value: &str) -> CoreResult<()> {
    conn.prepare_cached(
        "INSERT INTO app_setting (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute(params![key, value])?;
    Ok(())
}
