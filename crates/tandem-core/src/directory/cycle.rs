//! Reporting-cycle detection on an employee → manager map, without a database.
//!
//! Shared by the directory (one edit at a time), the import (a whole file of reporting lines) and
//! the demo loader. Both functions walk each chain once, so they run in linear time even on a single
//! 20,000-long chain, and use no recursion (no stack overflow on deep hierarchies).

use std::collections::HashMap;
use std::hash::Hash;

#[derive(Clone, Copy)]
enum Mark {
    /// On the chain being walked, at this position.
    OnPath(usize),
    /// Fully explored: not on a cycle that has not been reported yet.
    Done,
}

/// Every reporting cycle in `edges` (employee → their manager, `None` for the top).
///
/// Each cycle lists its members in reporting order: each one's manager is the next, and the last
/// one's manager is the first. A self-managed employee is a cycle of one. A manager that is not a
/// key of the map ends the chain (unknown managers are a separate check). Cycles come out in the
/// order of their smallest-key walk start, so the result is deterministic.
pub fn reporting_cycles<K: Eq + Hash + Ord + Clone>(edges: &HashMap<K, Option<K>>) -> Vec<Vec<K>> {
    let mut starts: Vec<&K> = edges.keys().collect();
    starts.sort();
    let mut marks: HashMap<&K, Mark> = HashMap::with_capacity(edges.len());
    let mut cycles = Vec::new();
    let mut path: Vec<&K> = Vec::new();
    for start in starts {
        path.clear();
        let mut current = Some(start);
        while let Some(node) = current {
            match marks.get(node) {
                Some(Mark::Done) => break,
                Some(Mark::OnPath(position)) => {
                    cycles.push(path[*position..].iter().map(|k| (*k).clone()).collect());
                    break;
                }
                None => {}
            }
            marks.insert(node, Mark::OnPath(path.len()));
            path.push(node);
            // Follow the manager only when it is an employee of the map.
            current = match edges.get(node) {
                Some(Some(manager)) => edges.get_key_value(manager).map(|(k, _)| k),
                _ => None,
            };
        }
        for node in &path {
            marks.insert(node, Mark::Done);
        }
    }
    cycles
}

/// One reporting cycle in `edges`, if there is any (see [`reporting_cycles`] for the order).
pub fn find_reporting_cycle<K: Eq + Hash + Ord + Clone>(
    edges: &HashMap<K, Option<K>>,
) -> Option<Vec<K>> {
    reporting_cycles(edges).into_iter().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edges(pairs: &[(u32, Option<u32>)]) -> HashMap<u32, Option<u32>> {
        pairs.iter().copied().collect()
    }

    /// A cycle rotated so that its smallest member comes first, for comparison.
    fn canonical(mut cycle: Vec<u32>) -> Vec<u32> {
        if let Some(min_at) = cycle
            .iter()
            .enumerate()
            .min_by_key(|(_, k)| **k)
            .map(|(i, _)| i)
        {
            cycle.rotate_left(min_at);
        }
        cycle
    }

    #[test]
    fn a_self_managed_employee_is_a_cycle_of_one() {
        assert_eq!(
            find_reporting_cycle(&edges(&[(1, Some(1)), (2, Some(1))])),
            Some(vec![1])
        );
    }

    #[test]
    fn two_employees_managing_each_other_form_a_cycle() {
        let found = find_reporting_cycle(&edges(&[(1, Some(2)), (2, Some(1)), (3, Some(2))]));
        assert_eq!(found.map(canonical), Some(vec![1, 2]));
    }

    #[test]
    fn a_long_cycle_is_returned_in_reporting_order() {
        // 1 → 2 → 3 → 4 → 5 → 1, with a tail 9 → 8 → 3 that is not part of it.
        let found = find_reporting_cycle(&edges(&[
            (1, Some(2)),
            (2, Some(3)),
            (3, Some(4)),
            (4, Some(5)),
            (5, Some(1)),
            (8, Some(3)),
            (9, Some(8)),
        ]));
        assert_eq!(found.map(canonical), Some(vec![1, 2, 3, 4, 5]));
    }

    #[test]
    fn a_forest_without_cycles_has_none_even_with_unknown_managers() {
        let forest = edges(&[
            (1, None),
            (2, Some(1)),
            (3, Some(1)),
            (4, Some(3)),
            (10, None),
            (11, Some(10)),
            (12, Some(99)),
        ]);
        assert_eq!(find_reporting_cycle(&forest), None);
        assert!(reporting_cycles(&forest).is_empty());
    }

    #[test]
    fn every_separate_cycle_is_reported_once() {
        let cycles = reporting_cycles(&edges(&[
            (1, Some(2)),
            (2, Some(1)),
            (3, Some(3)),
            (4, Some(5)),
            (5, Some(6)),
            (6, Some(4)),
            (7, Some(4)),
        ]));
        let mut cycles: Vec<Vec<u32>> = cycles.into_iter().map(canonical).collect();
        cycles.sort();
        assert_eq!(cycles, vec![vec![1, 2], vec![3], vec![4, 5, 6]]);
    }

    #[test]
    fn a_twenty_thousand_long_chain_is_checked_quickly() {
        let n = 20_000u32;
        let mut chain: HashMap<u32, Option<u32>> = (0..n)
            .map(|i| (i, if i == 0 { None } else { Some(i - 1) }))
            .collect();
        let started = std::time::Instant::now();
        assert_eq!(find_reporting_cycle(&chain), None);
        // Closing the chain makes one cycle of every employee.
        chain.insert(0, Some(n - 1));
        let cycle = find_reporting_cycle(&chain).map(canonical);
        assert_eq!(cycle.map(|c| c.len()), Some(n as usize));
        assert!(
            started.elapsed() < std::time::Duration::from_secs(2),
            "took {:?}",
            started.elapsed()
        );
    }
}
