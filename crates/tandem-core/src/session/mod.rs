//! Sessions of approved pairs: scheduling from both agendas, the session actions (create, move,
//! cancel, mark held or no-show), the learning log, the charter acknowledgements, the pair page,
//! "my week", calendar files and the health rules.
//!
//! Every rule that depends on the time takes `now` as a parameter so tests control the clock.
//! SQL lives in `store::sessions`; this module holds the rules. A new rule goes in the file of its
//! area; a new screen's data gets its own file returning a plain struct.

pub mod health;
pub mod model;

pub use health::{assess, RiskReason, SessionFact};
pub use model::SessionStatus;
