//! The session's types: ids, statuses, who cancelled, and a stored session.

use serde::Serialize;

/// Where a session stands. Stored as `planned`, `held`, `cancelled` or `no_show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionStatus {
    /// Booked and not yet marked.
    Planned,
    /// Took place; a learning log may be written.
    Held,
    /// Called off by the mentor, the mentee or HR, with a reason.
    Cancelled,
    /// Somebody did not come.
    NoShow,
}

impl SessionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            SessionStatus::Planned => "planned",
            SessionStatus::Held => "held",
            SessionStatus::Cancelled => "cancelled",
            SessionStatus::NoShow => "no_show",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "planned" => Some(SessionStatus::Planned),
            "held" => Some(SessionStatus::Held),
            "cancelled" => Some(SessionStatus::Cancelled),
            "no_show" => Some(SessionStatus::NoShow),
            _ => None,
        }
    }
}
