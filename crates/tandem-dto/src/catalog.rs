//! The catalog of platforms and topics.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TopicDto {
    pub id: String,
    pub platform_id: String,
    pub name_en: String,
    pub name_fr: String,
    pub position: i32,
    pub active: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PlatformDto {
    pub id: String,
    pub name: String,
    pub position: i32,
    pub active: bool,
    /// In display order.
    pub topics: Vec<TopicDto>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct CatalogDto {
    /// In display order, inactive ones included (the UI greys them).
    pub platforms: Vec<PlatformDto>,
}

/// Creates a platform (`id` null) or renames / (de)activates one.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlatformInputDto {
    pub id: Option<String>,
    pub name: String,
    pub active: bool,
}

/// Creates a topic (`id` null) or edits one. At least one of the two names is required.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TopicInputDto {
    pub id: Option<String>,
    pub platform_id: String,
    pub name_en: String,
    pub name_fr: String,
    pub active: bool,
}

// ---------------------------------------------------------------- conversions

use tandem_core::catalog::{Catalog, CatalogPlatform, PlatformInput, TopicInput};
use tandem_core::domain::Topic;

/// Positions are small; a value beyond `i32` (never written by Tandem) is clamped.
fn position(value: i64) -> i32 {
    i32::try_from(value).unwrap_or(if value < 0 { i32::MIN } else { i32::MAX })
}

impl From<Topic> for TopicDto {
    fn from(topic: Topic) -> Self {
        TopicDto {
            id: topic.id,
            platform_id: topic.platform_id,
            name_en: topic.name_en,
            name_fr: topic.name_fr,
            position: position(topic.position),
            active: topic.active,
        }
    }
}

impl From<CatalogPlatform> for PlatformDto {
    fn from(entry: CatalogPlatform) -> Self {
        PlatformDto {
            id: entry.platform.id,
            name: entry.platform.name,
            position: position(entry.platform.position),
            active: entry.platform.active,
            topics: entry.topics.into_iter().map(Into::into).collect(),
        }
    }
}

impl From<Catalog> for CatalogDto {
    fn from(catalog: Catalog) -> Self {
        CatalogDto {
            platforms: catalog.platforms.into_iter().map(Into::into).collect(),
        }
    }
}

/// A blank id from a form means "create".
fn non_blank(id: Option<String>) -> Option<String> {
    id.filter(|v| !v.trim().is_empty())
}

impl From<PlatformInputDto> for PlatformInput {
    fn from(input: PlatformInputDto) -> Self {
        PlatformInput {
            id: non_blank(input.id),
            name: input.name,
            active: input.active,
        }
    }
}

impl From<TopicInputDto> for TopicInput {
    fn from(input: TopicInputDto) -> Self {
        TopicInput {
            id: non_blank(input.id),
            platform_id: input.platform_id,
            name_en: input.name_en,
            name_fr: input.name_fr,
            active: input.active,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_id_in_a_platform_or_topic_form_means_create() {
        let platform: PlatformInput = PlatformInputDto {
            id: Some(" ".into()),
            name: "Threads".into(),
            active: true,
        }
        .into();
        assert_eq!(platform.id, None);
        let topic: TopicInput = TopicInputDto {
            id: Some("x.post".into()),
            platform_id: "x".into(),
            name_en: "Post".into(),
            name_fr: String::new(),
            active: false,
        }
        .into();
        assert_eq!(topic.id.as_deref(), Some("x.post"));
        assert!(!topic.active);
    }
}
