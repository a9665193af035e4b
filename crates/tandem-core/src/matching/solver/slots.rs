//! The mentees assigned to each mentor, in one flat array: a mentor's slots are contiguous, so
//! a search reads them without following a pointer per mentor.
//!
//! A mentor gets room for its capacity, but never for more mentees than have an edge to it
//! (so huge capacities cost nothing); [`Slots::grown`] makes room again when the graph grows.

use super::Graph;

pub(super) struct Slots {
    start: Vec<usize>,
    len: Vec<u32>,
    mentees: Vec<u32>,
}

impl Slots {
    pub(super) fn new(graph: &Graph, capacities: &[u32]) -> Self {
        let m = capacities.len();
        let mut degree = vec![0usize; m];
        for &j in &graph.targets {
            degree[j as usize] += 1;
        }
        let mut start = Vec::with_capacity(m + 1);
        let mut total = 0;
        for j in 0..m {
            start.push(total);
            total += degree[j].min(capacities[j] as usize);
        }
        start.push(total);
        Self {
            start,
            len: vec![0; m],
            mentees: vec![0; total],
        }
    }

    /// The same assignments, with room for `graph` (a superset of the edges).
    pub(super) fn grown(&self, graph: &Graph, capacities: &[u32]) -> Self {
        let mut next = Self::new(graph, capacities);
        for j in 0..capacities.len() {
            for &x in self.of(j) {
                next.push(j, x);
            }
        }
        next
    }

    #[inline]
    pub(super) fn of(&self, j: usize) -> &[u32] {
        let s = self.start[j];
        &self.mentees[s..s + self.len[j] as usize]
    }

    #[inline]
    pub(super) fn count(&self, j: usize) -> u32 {
        self.len[j]
    }

    pub(super) fn push(&mut self, j: usize, x: u32) {
        let at = self.start[j] + self.len[j] as usize;
        debug_assert!(
            at < self.start[j + 1],
            "a mentor takes no more than its room"
        );
        self.mentees[at] = x;
        self.len[j] += 1;
    }

    /// Removes `x` from mentor `j`, keeping the others in order.
    pub(super) fn remove(&mut self, j: usize, x: u32) {
        let s = self.start[j];
        let len = self.len[j] as usize;
        if let Some(k) = self.mentees[s..s + len].iter().position(|&y| y == x) {
            self.mentees.copy_within(s + k + 1..s + len, s + k);
            self.len[j] -= 1;
        }
    }
}
