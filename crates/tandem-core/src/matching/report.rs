//! Turns the optimum into what HR reads: pairs with their explanations, unmatched mentees with
//! the reason, and each mentee's next best alternatives and best removed candidates.
//!
//! How to change it: everything here reads the scan's lists and the final assignment; it must
//! not change which pairs are chosen. Alternatives are the head of the scan's row list, so they
//! are exact and tie-broken by mentor index like everything else.

use super::engine::Prepared;
use super::scan::{RowScan, NONE, SHOWN};
use super::score::Scorer;
use super::{
    Alternative, Alternatives, MatchResult, Pair, RemovedCandidate, SolverStats, Unmatched,
    UnmatchedReason,
};

/// Builds the result in mentee id order from each solver row's mentor (`row_mentor`, indexed
/// through `row_of`).
pub(super) fn assemble(
    p: &Prepared,
    scorer: &Scorer,
    rows: &[RowScan],
    row_of: &[u32],
    row_mentor: &[Option<u32>],
    stats: SolverStats,
) -> MatchResult {
    let n = p.mentees.len();
    let mut mentor_of = vec![NONE; n];
    let mut load = p.locks_on.clone();
    for (i, slot) in mentor_of.iter_mut().enumerate() {
        if p.lock_of[i] != NONE {
            *slot = p.lock_of[i];
        } else if let Some(j) = row_mentor[row_of[i] as usize] {
            *slot = j;
            load[j as usize] += 1;
        }
    }
    let mut pairs = Vec::new();
    let mut unmatched = Vec::new();
    let mut alternatives = Vec::with_capacity(n);
    for (i, me) in p.mentees.iter().enumerate() {
        let j = mentor_of[i];
        if j != NONE {
            let mentor = &p.mentors[j as usize];
            let is_excluded = p.excluded[i].binary_search(&j).is_ok();
            let explanation = scorer.explain(me, mentor, j as usize, is_excluded);
            pairs.push(Pair {
                mentee: me.id,
                mentor: mentor.id,
                score: explanation.score,
                points: explanation.points,
                explanation,
                locked: p.lock_of[i] != NONE,
            });
        } else {
            unmatched.push(Unmatched {
                mentee: me.id,
                reason: if rows[i].allowed == 0 {
                    UnmatchedReason::NoAllowedMentor
                } else {
                    UnmatchedReason::AllowedMentorsFull
                },
            });
        }
        alternatives.push(Alternatives {
            mentee: me.id,
            best: rows[i]
                .top
                .iter()
                .filter(|t| t.1 != j)
                .take(SHOWN)
                .map(|&(points, a)| Alternative {
                    mentor: p.mentors[a as usize].id,
                    score: scorer.normalised(points),
                    points,
                    full: load[a as usize] >= p.caps[a as usize],
                })
                .collect(),
            removed: rows[i]
                .removed
                .iter()
                .map(|&(points, a, constraint)| RemovedCandidate {
                    mentor: p.mentors[a as usize].id,
                    score: scorer.normalised(points),
                    points,
                    constraint,
                })
                .collect(),
        });
    }
    MatchResult {
        total_score: pairs.iter().map(|p| p.score).sum(),
        total_points: pairs.iter().map(|p| p.points).sum(),
        pairs,
        unmatched,
        alternatives,
        stats,
    }
}
