//! The catalog of social platforms and the topics (skills) taught on each.

use serde::{Deserialize, Serialize};

/// A social network, e.g. LinkedIn. `id` is a stable slug (`linkedin`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Platform {
    pub id: String,
    pub name: String,
    pub position: i64,
    pub active: bool,
}

/// A skill on a platform, e.g. "Analytics" on LinkedIn. `id` is a stable slug (`linkedin.analytics`).
/// Names exist in French and English; an empty one falls back to the other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    pub id: String,
    pub platform_id: String,
    pub name_en: String,
    pub name_fr: String,
    pub position: i64,
    pub active: bool,
}
