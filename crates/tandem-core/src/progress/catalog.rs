//! The catalog as the progress screens look it up: names and display order of platforms and
//! topics, loaded once per call (a few dozen rows).

use std::collections::HashMap;

use crate::store::db::Connection;

use crate::domain::{Platform, Topic};
use crate::store::catalog as db;
use crate::CoreResult;

pub(crate) struct CatalogIndex {
    /// Display order.
    platforms: Vec<Platform>,
    /// Topic ids by rank.
    topic_ids: Vec<String>,
    platform_rank: HashMap<String, usize>,
    /// Topic id to (topic, rank in display order: platform order, then topic position).
    topics: HashMap<String, (Topic, usize)>,
}

impl CatalogIndex {
    pub fn load(conn: &Connection) -> CoreResult<Self> {
        let platforms = db::list_platforms(conn)?;
        let platform_rank: HashMap<String, usize> = platforms
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i))
            .collect();
        let mut topics = db::list_topics(conn)?;
        topics.sort_by(|a, b| {
            let rank = |t: &Topic| platform_rank.get(&t.platform_id).copied();
            (rank(a), a.position, &a.id).cmp(&(rank(b), b.position, &b.id))
        });
        let topic_ids = topics.iter().map(|t| t.id.clone()).collect();
        let topics = topics
            .into_iter()
            .enumerate()
            .map(|(i, t)| (t.id.clone(), (t, i)))
            .collect();
        Ok(Self {
            platforms,
            topic_ids,
            platform_rank,
            topics,
        })
    }

    pub fn platforms(&self) -> &[Platform] {
        &self.platforms
    }

    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.get(id).map(|(t, _)| t)
    }

    /// Topics sort after every known one when unknown.
    pub fn topic_rank(&self, id: &str) -> usize {
        self.topics.get(id).map_or(usize::MAX, |(_, r)| *r)
    }

    /// How many topics the catalog has; ranks go from 0 to this, excluded.
    pub fn topic_count(&self) -> usize {
        self.topic_ids.len()
    }

    /// The id of the topic of this rank.
    pub fn topic_id_at(&self, rank: usize) -> Option<&str> {
        self.topic_ids.get(rank).map(String::as_str)
    }

    pub fn platform_rank(&self, id: &str) -> usize {
        self.platform_rank.get(id).copied().unwrap_or(usize::MAX)
    }

    /// The platform's name, or its id when it is unknown.
    pub fn platform_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.platform_rank
            .get(id)
            .and_then(|&i| self.platforms.get(i))
            .map_or(id, |p| p.name.as_str())
    }

    /// The topic's platform rank, platform id and own id, borrowed from the catalog.
    pub fn topic_with_platform(&self, topic_id: &str) -> Option<(usize, &str, &str)> {
        let (topic, _) = self.topics.get(topic_id)?;
        Some((
            self.platform_rank(&topic.platform_id),
            topic.platform_id.as_str(),
            topic.id.as_str(),
        ))
    }

    /// The topic's English and French names (the id twice when unknown). An empty name falls back
    /// to the other language, as the catalog screen does.
    pub fn topic_names(&self, id: &str) -> (String, String) {
        match self.topic(id) {
            Some(t) => {
                let en = if t.name_en.is_empty() {
                    &t.name_fr
                } else {
                    &t.name_en
                };
                let fr = if t.name_fr.is_empty() {
                    &t.name_en
                } else {
                    &t.name_fr
                };
                (en.clone(), fr.clone())
            }
            None => (id.to_owned(), id.to_owned()),
        }
    }

    /// The platform id of a topic (empty when unknown).
    pub fn platform_of(&self, topic_id: &str) -> &str {
        self.topic(topic_id).map_or("", |t| t.platform_id.as_str())
    }
}
