//! The matching vocabulary that programs store: the weights HR gives the score parts, and a pair's
//! parts as the engine computed them.
//!
//! Plain data: the engine (`matching`) computes with these, the store reads and writes them. To add
//! a part, extend both [`Weights`] and [`Parts`] here, then follow the steps in
//! `matching::score` and add the column through a migration.

use serde::Serialize;

/// Relative importance of the score parts. Each is clamped to 0..=100; only ratios matter.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Weights {
    pub skill: f64,
    pub interests: f64,
    pub availability: f64,
    pub adoption: f64,
    pub comfort: f64,
}

impl Default for Weights {
    /// Skills first (the program's point), then being able to meet, then affinity and comfort.
    fn default() -> Self {
        Self {
            skill: 0.40,
            interests: 0.15,
            availability: 0.20,
            adoption: 0.15,
            comfort: 0.10,
        }
    }
}

/// The five score parts of a pair, each in 0..1.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Parts {
    pub skill: f64,
    pub interests: f64,
    pub availability: f64,
    pub adoption: f64,
    pub comfort: f64,
}
