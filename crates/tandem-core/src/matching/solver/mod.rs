//! Exact maximum-weight bipartite b-matching on a sparse graph: each mentee takes at most one
//! mentor, each mentor at most its capacity, and a mentee may stay unmatched.
//!
//! Method: successive shortest augmenting paths (the Hungarian method, one mentee at a time) with
//! node potentials, so every search is a Dijkstra on non-negative reduced costs, stopped early as
//! soon as the best path end is known. Costs are `W − w` on pair edges and `W` on each mentee's
//! private "stay unmatched" edge, where `W` is the largest weight; every mentee sends exactly one
//! unit, so this shift changes nothing but makes all costs non-negative. All arithmetic is `i64`,
//! so the optimality certificate is exact.
//!
//! At the end the potentials give LP duals `u` (mentees) and `v` (mentors), both ≥ 0, with
//! `u_i + v_j ≥ w_ij` on every graph edge and equality on matched edges, `u_i = 0` for unmatched
//! mentees and `v_j = 0` for mentors with spare capacity. Any pair outside the graph with
//! `w_ij ≤ u_i + v_j` cannot improve the optimum; that is the pricing check the engine runs.
//!
//! A [`Solver`] keeps its state between runs: when the graph gains edges, [`Solver::add_edges_of`]
//! and [`Solver::run`] continue from the previous optimum (`restart.rs`), placing again only the
//! mentees whose new edges the duals do not cover. `slots.rs` stores each mentor's mentees and
//! `radix.rs` is the searches' priority queue.
//!
//! How to change it: keep `solve` free of domain types; the engine maps persons to indices.
//! Any change must keep `Solution::certificate_holds` true (the tests check it on every solve,
//! cold and warm).

mod radix;
mod restart;
mod slots;
#[cfg(test)]
mod tests;

use std::cmp::Reverse;

use radix::RadixHeap;
use restart::Incoming;
use slots::Slots;

const NONE: u32 = u32::MAX;

/// A bipartite graph in compressed rows: mentee `i`'s edges are
/// `targets[offsets[i]..offsets[i + 1]]` with the same range of `weights`.
#[derive(Debug, Clone, Default)]
pub struct Graph {
    pub offsets: Vec<usize>,
    pub targets: Vec<u32>,
    /// Strictly positive.
    pub weights: Vec<i64>,
}

impl Graph {
    /// Builds rows from unsorted `(mentee, mentor, weight)` edges; a duplicate keeps its largest
    /// weight. Rows are sorted by mentor index so searches are deterministic.
    pub fn from_edges(n_mentees: usize, edges: Vec<(u32, u32, i64)>) -> Self {
        // Bucket by mentee (a counting sort), then sort each short row on its own.
        let mut offsets = vec![0usize; n_mentees + 1];
        for e in &edges {
            offsets[e.0 as usize + 1] += 1;
        }
        for i in 0..n_mentees {
            offsets[i + 1] += offsets[i];
        }
        let mut fill = offsets.clone();
        let mut rows = vec![(0u32, 0i64); edges.len()];
        for (i, j, w) in edges {
            rows[fill[i as usize]] = (j, w);
            fill[i as usize] += 1;
        }
        let mut targets = Vec::with_capacity(rows.len());
        let mut weights = Vec::with_capacity(rows.len());
        let mut kept = vec![0usize; n_mentees + 1];
        for i in 0..n_mentees {
            let row = &mut rows[offsets[i]..offsets[i + 1]];
            row.sort_unstable_by_key(|e| (e.0, Reverse(e.1)));
            for (k, &(j, w)) in row.iter().enumerate() {
                if k == 0 || row[k - 1].0 != j {
                    targets.push(j);
                    weights.push(w);
                }
            }
            kept[i + 1] = targets.len();
        }
        Self {
            offsets: kept,
            targets,
            weights,
        }
    }

    /// Every edge as `(mentee, mentor, weight)`, in row order.
    pub fn to_edges(&self) -> Vec<(u32, u32, i64)> {
        let mut out = Vec::with_capacity(self.targets.len());
        for i in 0..self.offsets.len().saturating_sub(1) {
            out.extend(self.row(i).map(|(j, w)| (i as u32, j, w)));
        }
        out
    }

    pub fn edge_count(&self) -> usize {
        self.targets.len()
    }

    fn row(&self, i: usize) -> impl Iterator<Item = (u32, i64)> + '_ {
        let r = self.offsets[i]..self.offsets[i + 1];
        self.targets[r.clone()]
            .iter()
            .copied()
            .zip(self.weights[r].iter().copied())
    }
}

/// An optimal b-matching with its dual certificate.
#[derive(Debug, Clone)]
pub struct Solution {
    /// Mentor index per mentee, or `None`.
    pub mentor_of: Vec<Option<u32>>,
    /// Sum of the weights of matched edges.
    pub total: i64,
    /// Dual of each mentee (≥ 0).
    pub u: Vec<i64>,
    /// Dual of each mentor (≥ 0).
    pub v: Vec<i64>,
}

impl Solution {
    /// True if the duals prove optimality on `graph`: feasibility on every edge, tightness on
    /// matched edges, zero duals on unmatched mentees and on mentors with spare capacity, and the
    /// dual objective equal to the primal total.
    pub fn certificate_holds(&self, graph: &Graph, capacities: &[u32]) -> bool {
        let n = self.mentor_of.len();
        let mut load = vec![0u32; capacities.len()];
        for i in 0..n {
            if self.u[i] < 0 {
                return false;
            }
            for (j, w) in graph.row(i) {
                let slack = self.u[i] + self.v[j as usize] - w;
                if slack < 0 || (self.mentor_of[i] == Some(j) && slack != 0) {
                    return false;
                }
            }
            match self.mentor_of[i] {
                Some(j) => load[j as usize] += 1,
                None if self.u[i] != 0 => return false,
                None => {}
            }
        }
        let mut dual: i64 = self.u.iter().sum();
        for (j, &cap) in capacities.iter().enumerate() {
            if self.v[j] < 0 || load[j] > cap || (load[j] < cap && self.v[j] != 0) {
                return false;
            }
            dual += self.v[j] * i64::from(cap);
        }
        dual == self.total
    }
}

#[derive(Clone, Copy)]
enum End {
    Mentor(u32),
    Unmatched(u32),
}

/// Solves the b-matching on `graph` with `capacities[j]` per mentor. Weights must be positive and
/// small enough that `n_mentees × max weight` fits in an `i64` (the engine guarantees it).
pub fn solve(graph: &Graph, capacities: &[u32]) -> Solution {
    let mut solver = Solver::new(graph, capacities);
    solver.run(graph);
    solver.solution()
}

/// The solver's state between runs, so a graph that gained edges is re-solved from the previous
/// optimum instead of from scratch (see [`Solver::add_edges_of`]).
pub struct Solver {
    n: usize,
    capacities: Vec<u32>,
    big_w: i64,
    /// Potentials: mentees `0..n`, mentors `n..n + m`; the sink's potential is always 0.
    pot: Vec<i64>,
    processed: Vec<bool>,
    mentor_of: Vec<u32>,
    weight_of: Vec<i64>,
    /// Mentees currently assigned to each mentor.
    assigned: Slots,
    /// Units of each mentor's outflow that no mentee sends yet (see [`Solver::add_edges_of`]).
    phantoms: Vec<u32>,
    dist: Vec<i64>,
    done: Vec<bool>,
    pred: Vec<u32>,
    heap: RadixHeap,
    touched: Vec<u32>,
    settled: Vec<u32>,
}

impl Solver {
    pub fn new(graph: &Graph, capacities: &[u32]) -> Self {
        let n = graph.offsets.len().saturating_sub(1);
        let m = capacities.len();
        Self {
            n,
            capacities: capacities.to_vec(),
            big_w: graph.weights.iter().copied().max().unwrap_or(0).max(0),
            pot: vec![0; n + m],
            processed: vec![false; n],
            mentor_of: vec![NONE; n],
            weight_of: vec![0; n],
            assigned: Slots::new(graph, capacities),
            phantoms: vec![0; m],
            dist: vec![i64::MAX; n + m],
            done: vec![false; n + m],
            pred: vec![NONE; n + m],
            heap: RadixHeap::new(),
            touched: Vec::new(),
            settled: Vec::new(),
        }
    }

    /// Whether [`Solver::add_edges_of`] can continue from this state on `graph`: same sizes, and no
    /// weight above the one the costs were shifted by.
    pub fn can_continue_on(&self, graph: &Graph) -> bool {
        graph.offsets.len() == self.n + 1 && graph.weights.iter().all(|&w| w <= self.big_w)
    }

    /// Places every mentee not yet placed, in index order, then resolves the mentors' deficits
    /// left by [`Solver::add_edges_of`], in mentor order.
    pub fn run(&mut self, graph: &Graph) {
        for s in 0..self.n {
            if !self.processed[s] {
                self.place(graph, s);
            }
        }
        if self.phantoms.iter().any(|&p| p > 0) {
            let incoming = Incoming::of(graph, self.capacities.len());
            for j in 0..self.capacities.len() {
                while self.phantoms[j] > 0 {
                    self.release(graph, &incoming, j);
                }
            }
        }
    }

    /// One Hungarian step: the shortest augmenting path from mentee `s`.
    fn place(&mut self, graph: &Graph, s: usize) {
        let n = self.n;
        let big_w = self.big_w;
        let pot = &mut self.pot;
        let dist = &mut self.dist;
        let done = &mut self.done;
        let pred = &mut self.pred;
        let heap = &mut self.heap;
        let mentor_of = &mut self.mentor_of;
        let assigned = &mut self.assigned;
        // Lowest potential that keeps every edge out of `s` (and its unmatched edge) non-negative.
        let mut ps = -big_w;
        for (j, w) in graph.row(s) {
            ps = ps.max(pot[n + j as usize] + w - big_w);
        }
        pot[s] = ps;
        dist[s] = 0;
        self.touched.push(s as u32);
        heap.push(0, s as u32);
        let mut best = i64::MAX;
        let mut end = End::Unmatched(s as u32);
        while let Some((d, node)) = heap.pop() {
            let d = d as i64;
            let v = node as usize;
            if done[v] || d > dist[v] {
                continue;
            }
            if d >= best {
                break;
            }
            done[v] = true;
            self.settled.push(node);
            if v < n {
                // Leave through the mentee's own unmatched edge (only free if it is matched now,
                // or it is the new mentee).
                let c = d + big_w + pot[v];
                if c < best {
                    best = c;
                    end = End::Unmatched(node);
                }
                for (j, w) in graph.row(v) {
                    if mentor_of[v] == j {
                        continue;
                    }
                    let t = n + j as usize;
                    let nd = d + (big_w - w) + pot[v] - pot[t];
                    if nd < dist[t] {
                        if dist[t] == i64::MAX {
                            self.touched.push(t as u32);
                        }
                        dist[t] = nd;
                        pred[t] = node;
                        heap.push(nd as u64, t as u32);
                    }
                }
            } else {
                let j = v - n;
                if self.phantoms[j] > 0 {
                    // A deficit left by a warm restart: filling it costs nothing more.
                    if d < best {
                        best = d;
                        end = End::Mentor(j as u32);
                    }
                } else if assigned.count(j) < self.capacities[j] {
                    let c = d + pot[v];
                    if c < best {
                        best = c;
                        end = End::Mentor(j as u32);
                    }
                }
                for &x in assigned.of(j) {
                    let x = x as usize;
                    let nd = d - (big_w - self.weight_of[x]) + pot[v] - pot[x];
                    if nd < dist[x] {
                        if dist[x] == i64::MAX {
                            self.touched.push(x as u32);
                        }
                        dist[x] = nd;
                        pred[x] = node;
                        heap.push(nd as u64, x as u32);
                    }
                }
            }
        }
        heap.clear();
        for &v in &self.settled {
            pot[v as usize] += dist[v as usize] - best;
        }
        for &v in &self.touched {
            dist[v as usize] = i64::MAX;
            done[v as usize] = false;
        }
        self.settled.clear();
        self.touched.clear();
        self.processed[s] = true;

        // Augment: walk back from the end, shifting each mentee on the path to the next mentor.
        let mut cur_mentor = match end {
            End::Mentor(j) => {
                if self.phantoms[j as usize] > 0 {
                    self.phantoms[j as usize] -= 1;
                }
                j
            }
            End::Unmatched(x) => {
                if x as usize == s {
                    return;
                }
                let old = mentor_of[x as usize];
                mentor_of[x as usize] = NONE;
                assigned.remove(old as usize, x);
                old
            }
        };
        loop {
            let x = pred[n + cur_mentor as usize] as usize;
            let old = mentor_of[x];
            mentor_of[x] = cur_mentor;
            self.weight_of[x] = graph
                .row(x)
                .find(|&(j, _)| j == cur_mentor)
                .map_or(0, |(_, w)| w);
            assigned.push(cur_mentor as usize, x as u32);
            if old != NONE {
                assigned.remove(old as usize, x as u32);
            }
            if x == s {
                break;
            }
            cur_mentor = old;
        }
    }

    /// The current assignment with its duals (see the module docs).
    pub fn solution(&self) -> Solution {
        let n = self.n;
        let matched = |i: usize| self.mentor_of[i] != NONE;
        Solution {
            mentor_of: (0..n)
                .map(|i| matched(i).then_some(self.mentor_of[i]))
                .collect(),
            total: (0..n)
                .filter(|&i| matched(i))
                .map(|i| self.weight_of[i])
                .sum(),
            u: (0..n)
                .map(|i| {
                    if matched(i) {
                        (self.big_w + self.pot[i]).max(0)
                    } else {
                        0
                    }
                })
                .collect(),
            v: (0..self.capacities.len())
                .map(|j| (-self.pot[n + j]).max(0))
                .collect(),
        }
    }
}
