//! SQL for the catalog: platforms and their topics.
//!
//! Nothing here deletes: topics are referenced by skill levels, so a retired platform or topic is
//! deactivated instead. Rules (names, slugs, uniqueness) live in the `catalog` module; these
//! functions only read and write rows.

use crate::store::db::{params, Connection, OptionalExtension, Row};

use crate::domain::{Platform, Topic};
use crate::CoreResult;

fn read_platform(row: &Row<'_>) -> crate::store::db::Result<Platform> {
    Ok(Platform {
        id: row.get(0)?,
        name: row.get(1)?,
        position: row.get(2)?,
        active: row.get(3)?,
    })
}

fn read_topic(row: &Row<'_>) -> crate::store::db::Result<Topic> {
    Ok(Topic {
        id: row.get(0)?,
        platform_id: row.get(1)?,
        name_en: row.get(2)?,
        name_fr: row.get(3)?,
        position: row.get(4)?,
        active: row.get(5)?,
    })
}

/// Every platform, in display order.
pub fn list_platforms(conn: &Connection) -> CoreResult<Vec<Platform>> {
    Ok(conn
        .prepare_cached("SELECT id, name, position, active FROM platform ORDER BY position, id")?
        .query_map((), read_platform)?
        .collect::<Result<_, _>>()?)
}

/// Every topic, grouped by platform id, each group in display order.
pub fn list_topics(conn: &Connection) -> CoreResult<Vec<Topic>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, platform_id, name_en, name_fr, position, active FROM topic
             ORDER BY platform_id, position, id",
        )?
        .query_map((), read_topic)?
        .collect::<Result<_, _>>()?)
}

pub fn get_platform(conn: &Connection, id: &str) -> CoreResult<Option<Platform>> {
    Ok(conn
        .prepare_cached("SELECT id, name, position, active FROM platform WHERE id = ?1")?
        .query_row([id], read_platform)
        .optional()?)
}

pub fn get_topic(conn: &Connection, id: &str) -> CoreResult<Option<Topic>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, platform_id, name_en, name_fr, position, active FROM topic WHERE id = ?1",
        )?
        .query_row([id], read_topic)
        .optional()?)
}

/// Whether a platform or topic already uses this id (ids of both share one namespace per table).
pub fn platform_id_taken(conn: &Connection, id: &str) -> CoreResult<bool> {
    Ok(get_platform(conn, id)?.is_some())
}

pub fn topic_id_taken(conn: &Connection, id: &str) -> CoreResult<bool> {
    Ok(get_topic(conn, id)?.is_some())
}

/// The position after the last platform.
pub fn next_platform_position(conn: &Connection) -> CoreResult<i64> {
    Ok(conn.query_row(
        "SELECT COALESCE(MAX(position) + 1, 0) FROM platform",
        (),
        |r| r.get(0),
    )?)
}

/// The position after the last topic of `platform_id`.
pub fn next_topic_position(conn: &Connection, platform_id: &str) -> CoreResult<i64> {
    Ok(conn.query_row(
        "SELECT COALESCE(MAX(position) + 1, 0) FROM topic WHERE platform_id = ?1",
        [platform_id],
        |r| r.get(0),
    )?)
}

pub fn insert_platform(conn: &Connection, platform: &Platform) -> CoreResult<()> {
    conn.prepare_cached(
        "INSERT INTO platform (id, name, position, active) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![
        platform.id,
        platform.name,
        platform.position,
        platform.active
    ])?;
    Ok(())
}

/// Renames and (de)activates a platform; `false` when the id is unknown.
pub fn update_platform(conn: &Connection, id: &str, name: &str, active: bool) -> CoreResult<bool> {
    let changed = conn
        .prepare_cached("UPDATE platform SET name = ?2, active = ?3 WHERE id = ?1")?
        .execute(params![id, name, active])?;
    Ok(changed > 0)
}

pub fn insert_topic(conn: &Connection, topic: &Topic) -> CoreResult<()> {
    conn.prepare_cached(
        "INSERT INTO topic (id, platform_id, name_en, name_fr, position, active)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        topic.id,
        topic.platform_id,
        topic.name_en,
        topic.name_fr,
        topic.position,
        topic.active
    ])?;
    Ok(())
}

/// Renames and (de)activates a topic; `false` when the id is unknown.
pub fn update_topic(
    conn: &Connection,
    id: &str,
    name_en: &str,
    name_fr: &str,
    active: bool,
) -> CoreResult<bool> {
    let changed = conn
        .prepare_cached("UPDATE topic SET name_en = ?2, name_fr = ?3, active = ?4 WHERE id = ?1")?
        .execute(params![id, name_en, name_fr, active])?;
    Ok(changed > 0)
}
