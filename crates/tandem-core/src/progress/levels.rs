//! How a mentee's platform level is computed, shared by mentee progress, the manager view and the
//! exports so that every screen shows the same number.
//!
//! Definition (also in [`super::mentee_progress`]'s docs):
//! - A platform's *tracked topics* for a mentee are their goals on it (topics with a target in
//!   `skill_level`). Without any goal on the platform, they are the platform's topics the mentee
//!   declared a level for or has a confirmed self-assessment on.
//! - A topic's level at a moment is its latest self-assessment confirmed by the mentor, from held
//!   sessions up to that moment (the last one wins, earlier values carry forward); before any, the
//!   declared level; without one, 0.
//! - The platform level is the mean of its tracked topics' levels. `start` uses the declared levels
//!   only; the target is the mean of the targets, when the tracked topics are goals.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};

use super::catalog::CatalogIndex;
use super::model::{LevelPoint, PlatformLevels, PlatformProgress, SessionId};

/// A mentee's declared level and target on one topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Declared {
    pub level: u8,
    pub target: Option<u8>,
}

/// A confirmed self-assessment, in session order when given as a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Confirmed<'a> {
    pub session_id: SessionId,
    pub at: DateTime<Utc>,
    pub topic_id: &'a str,
    pub level: u8,
}

/// Tracked topics per platform id, each list in catalog order.
pub(crate) fn tracked_topics<'a>(
    catalog: &'a CatalogIndex,
    declared: &HashMap<&str, Declared>,
    confirmed: &[Confirmed<'_>],
) -> BTreeMap<usize, (&'a str, Vec<&'a str>)> {
    // Keyed by platform position in the catalog, so platforms come out in display order.
    let mut goals: BTreeMap<usize, (&str, Vec<&str>)> = BTreeMap::new();
    let mut others: BTreeMap<usize, (&str, Vec<&str>)> = BTreeMap::new();
    let add = |map: &mut BTreeMap<usize, (&'a str, Vec<&'a str>)>, topic_id: &str| {
        if let Some((platform_rank, platform_id, topic)) = catalog.topic_with_platform(topic_id) {
            let entry = map
                .entry(platform_rank)
                .or_insert((platform_id, Vec::new()));
            if !entry.1.contains(&topic) {
                entry.1.push(topic);
            }
        }
    };
    for (topic_id, d) in declared {
        if d.target.is_some() {
            add(&mut goals, topic_id);
        } else {
            add(&mut others, topic_id);
        }
    }
    for c in confirmed {
        add(&mut others, c.topic_id);
    }
    for (rank, (platform, topics)) in others {
        goals.entry(rank).or_insert((platform, topics));
    }
    for (_, topics) in goals.values_mut() {
        topics.sort_by_key(|t| catalog.topic_rank(t));
    }
    goals
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0u32), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / f64::from(n))
}

fn start_and_target(topics: &[&str], declared: &HashMap<&str, Declared>) -> (f64, Option<f64>) {
    let start = mean(
        topics
            .iter()
            .map(|t| declared.get(t).map_or(0.0, |d| f64::from(d.level))),
    )
    .unwrap_or(0.0);
    let targets: Vec<f64> = topics
        .iter()
        .filter_map(|t| declared.get(t).and_then(|d| d.target).map(f64::from))
        .collect();
    (start, mean(targets.into_iter()))
}

/// Every platform with a tracked topic: start, now, target and one point per session that
/// changed a tracked topic. `confirmed` must be in session order.
pub(crate) fn platform_progress(
    catalog: &CatalogIndex,
    declared: &HashMap<&str, Declared>,
    confirmed: &[Confirmed<'_>],
) -> Vec<PlatformProgress> {
    tracked_topics(catalog, declared, confirmed)
        .into_values()
        .map(|(platform_id, topics)| {
            let (start, target) = start_and_target(&topics, declared);
            let mut current: HashMap<&str, f64> = topics
                .iter()
                .map(|t| (*t, declared.get(t).map_or(0.0, |d| f64::from(d.level))))
                .collect();
            let mut points: Vec<LevelPoint> = Vec::new();
            for c in confirmed {
                let Some(level) = current.get_mut(c.topic_id) else {
                    continue;
                };
                *level = f64::from(c.level);
                let value = mean(topics.iter().map(|t| current[t])).unwrap_or(0.0);
                // Several topics confirmed in one session make one point, at its final value.
                match points.last_mut() {
                    Some(last) if last.session_id == c.session_id => last.level = value,
                    _ => points.push(LevelPoint {
                        session_id: c.session_id,
                        at: c.at,
                        level: value,
                    }),
                }
            }
            let now = mean(topics.iter().map(|t| current[t])).unwrap_or(start);
            PlatformProgress {
                platform_id: platform_id.to_owned(),
                platform_name: catalog.platform_name(platform_id).to_owned(),
                topic_ids: topics.iter().map(|t| (*t).to_owned()).collect(),
                start,
                now,
                target,
                points,
            }
        })
        .collect()
}

/// Start, now and target per platform from the latest confirmed level of each topic (any order).
pub(crate) fn platform_levels(
    catalog: &CatalogIndex,
    declared: &HashMap<&str, Declared>,
    latest: &[Confirmed<'_>],
) -> Vec<PlatformLevels> {
    platform_progress(catalog, declared, latest)
        .into_iter()
        .map(|p| PlatformLevels {
            platform_id: p.platform_id,
            platform_name: p.platform_name,
            start: p.start,
            now: p.now,
            target: p.target,
        })
        .collect()
}
