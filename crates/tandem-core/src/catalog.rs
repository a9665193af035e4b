//! The editable catalog of platforms (LinkedIn, TikTok, ...) and the topics taught on each.
//!
//! HR adds, renames and (de)activates platforms and topics; nothing is ever deleted, because skill
//! levels and session logs refer to topics. New ids are slugs derived from the name (ASCII,
//! lower-case, `platform.topic` for topics), made unique with a numeric suffix, and never change
//! afterwards, even on rename. New items go last. SQL lives in [`crate::store::catalog`]; to add a
//! rule, check it in [`save_platform`] or [`save_topic`] with a field key and test it in
//! `tests/directory.rs`.

use crate::access::{self, Effect, Need};
use crate::domain::text::fold;
use crate::domain::{Platform, Topic};
use crate::store::catalog as db;
use crate::{CoreError, CoreResult, FieldError, Store};

/// The longest platform or topic name accepted.
pub const MAX_CATALOG_NAME_LEN: usize = 60;

/// A platform and its topics in display order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogPlatform {
    pub platform: Platform,
    pub topics: Vec<Topic>,
}

/// The whole catalog: platforms in display order, inactive ones included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalog {
    pub platforms: Vec<CatalogPlatform>,
}

impl Catalog {
    /// The topic with this id, if any.
    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.platforms
            .iter()
            .flat_map(|p| p.topics.iter())
            .find(|t| t.id == id)
    }
}

/// Creates a platform (`id: None`) or renames / (de)activates one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlatformInput {
    pub id: Option<String>,
    pub name: String,
    pub active: bool,
}

/// Creates a topic (`id: None`) or edits one. At least one of the two names is required; an empty
/// one falls back to the other when shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicInput {
    pub id: Option<String>,
    pub platform_id: String,
    pub name_en: String,
    pub name_fr: String,
    pub active: bool,
}

/// The catalog as the UI shows it.
pub fn get_catalog(store: &Store) -> CoreResult<Catalog> {
    access::require(store, Need::SignedIn, Effect::Read)?;
    catalog_of(store.conn())
}

fn catalog_of(conn: &crate::store::db::Connection) -> CoreResult<Catalog> {
    let mut platforms: Vec<CatalogPlatform> = db::list_platforms(conn)?
        .into_iter()
        .map(|platform| CatalogPlatform {
            platform,
            topics: Vec::new(),
        })
        .collect();
    for topic in db::list_topics(conn)? {
        if let Some(p) = platforms
            .iter_mut()
            .find(|p| p.platform.id == topic.platform_id)
        {
            p.topics.push(topic);
        }
    }
    Ok(Catalog { platforms })
}

/// Creates or edits a platform; returns the updated catalog.
///
/// The name is required, at most [`MAX_CATALOG_NAME_LEN`] characters, and unique among platforms
/// (ignoring case and accents). An unknown `id` is [`CoreError::NotFound`].
pub fn save_platform(store: &mut Store, input: PlatformInput) -> CoreResult<Catalog> {
    access::require(store, Need::Hr, Effect::Write)?;
    let name = input.name.trim().to_owned();
    store.transaction(|tx| {
        let existing = match &input.id {
            Some(id) => Some(
                db::get_platform(tx, id)?.ok_or_else(|| CoreError::not_found("platform", id))?,
            ),
            None => None,
        };
        let mut errors = Vec::new();
        check_name(&mut errors, "name", &name, true);
        if errors.is_empty() {
            let folded = fold(&name);
            if let Some(other) = db::list_platforms(tx)?.into_iter().find(|p| {
                fold(&p.name) == folded && Some(&p.id) != existing.as_ref().map(|e| &e.id)
            }) {
                errors.push(FieldError::new(
                    "name",
                    "name_taken",
                    format!(
                        "a platform is already called {}: pick another name",
                        other.name
                    ),
                ));
            }
        }
        if !errors.is_empty() {
            return Err(CoreError::Validation(errors));
        }
        match existing {
            Some(platform) => {
                db::update_platform(tx, &platform.id, &name, input.active)?;
            }
            None => {
                let id = unique_id(&slug(&name, "platform"), |id| db::platform_id_taken(tx, id))?;
                db::insert_platform(
                    tx,
                    &Platform {
                        id,
                        name,
                        position: db::next_platform_position(tx)?,
                        active: input.active,
                    },
                )?;
            }
        }
        catalog_of(tx)
    })
}

/// Creates or edits a topic; returns the updated catalog.
///
/// At least one name is required, each at most [`MAX_CATALOG_NAME_LEN`] characters. An unknown
/// platform or topic id is [`CoreError::NotFound`]; a topic cannot move to another platform.
pub fn save_topic(store: &mut Store, input: TopicInput) -> CoreResult<Catalog> {
    access::require(store, Need::Hr, Effect::Write)?;
    let name_en = input.name_en.trim().to_owned();
    let name_fr = input.name_fr.trim().to_owned();
    store.transaction(|tx| {
        let platform = db::get_platform(tx, &input.platform_id)?
            .ok_or_else(|| CoreError::not_found("platform", &input.platform_id))?;
        let existing = match &input.id {
            Some(id) => {
                Some(db::get_topic(tx, id)?.ok_or_else(|| CoreError::not_found("topic", id))?)
            }
            None => None,
        };
        let mut errors = Vec::new();
        if name_en.is_empty() && name_fr.is_empty() {
            errors.push(FieldError::new(
                "name_en",
                "required",
                "give the topic a name, in English or in French",
            ));
        }
        check_name(&mut errors, "name_en", &name_en, false);
        check_name(&mut errors, "name_fr", &name_fr, false);
        if let Some(topic) = &existing {
            if topic.platform_id != platform.id {
                errors.push(FieldError::new(
                    "platform_id",
                    "platform_fixed",
                    "a topic stays on its platform: create a new topic on the other platform instead",
                ));
            }
        }
        if !errors.is_empty() {
            return Err(CoreError::Validation(errors));
        }
        match existing {
            Some(topic) => {
                db::update_topic(tx, &topic.id, &name_en, &name_fr, input.active)?;
            }
            None => {
                let base_name = if name_en.is_empty() { &name_fr } else { &name_en };
                let base = format!("{}.{}", platform.id, slug(base_name, "topic"));
                let id = unique_id(&base, |id| db::topic_id_taken(tx, id))?;
                db::insert_topic(
                    tx,
                    &Topic {
                        id,
                        position: db::next_topic_position(tx, &platform.id)?,
                        platform_id: platform.id,
                        name_en,
                        name_fr,
                        active: input.active,
                    },
                )?;
            }
        }
        catalog_of(tx)
    })
}

fn check_name(errors: &mut Vec<FieldError>, field: &str, name: &str, required: bool) {
    let len = name.chars().count();
    if required && len == 0 {
        errors.push(FieldError::new(field, "required", "a name is required"));
    } else if len > MAX_CATALOG_NAME_LEN {
        errors.push(FieldError::too_long(
            field,
            MAX_CATALOG_NAME_LEN,
            format!("the name is {len} characters long; the limit is {MAX_CATALOG_NAME_LEN}"),
        ));
    }
}

/// An id-friendly form of `name`: accents removed, lower-case ASCII letters and digits, other runs
/// of characters as one `_`. Falls back to `fallback` when nothing is left (e.g. a name in another
/// script).
pub fn slug(name: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in fold(name).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    let out = out.trim_end_matches('_');
    // Keep ids short; 40 characters is plenty to recognise a name.
    let out: String = out.chars().take(40).collect();
    let out = out.trim_end_matches('_');
    if out.is_empty() {
        fallback.to_owned()
    } else {
        out.to_owned()
    }
}

/// `base`, or `base_2`, `base_3`... whichever is free first.
fn unique_id(base: &str, taken: impl Fn(&str) -> CoreResult<bool>) -> CoreResult<String> {
    if !taken(base)? {
        return Ok(base.to_owned());
    }
    let mut n = 2u32;
    loop {
        let candidate = format!("{base}_{n}");
        if !taken(&candidate)? {
            return Ok(candidate);
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lower_case_ascii_with_underscores() {
        assert_eq!(slug("X (Twitter)", "p"), "x_twitter");
        assert_eq!(slug("  Gérer un bad buzz ! ", "t"), "gerer_un_bad_buzz");
        assert_eq!(slug("抖音", "platform"), "platform");
        assert_eq!(slug(&"a".repeat(60), "p").len(), 40);
    }
}
