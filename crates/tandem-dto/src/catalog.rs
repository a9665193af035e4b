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
