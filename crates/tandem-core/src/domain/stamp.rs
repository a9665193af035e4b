//! Who last changed a record and at which version: the stored shape behind refusing a change
//! based on an old copy (see [`crate::CoreError::stale`]).

/// A record's change stamp. `version` goes up by one on every update (a trigger of migration
/// 010 raises it, whoever writes); `updated_by` is the database login that made the change, empty
/// on a file on this computer (one user) or before any change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeStamp {
    pub version: i64,
    pub updated_by: String,
    pub updated_at: String,
}
