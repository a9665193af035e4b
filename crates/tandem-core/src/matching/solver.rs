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
//! How to change it: keep `solve` free of domain types; the engine maps persons to indices.
//! Any change must keep `Solution::certificate_holds` true (the tests check it on every solve).

use std::cmp::Reverse;
use std::collections::BinaryHeap;

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
    pub fn from_edges(n_mentees: usize, mut edges: Vec<(u32, u32, i64)>) -> Self {
        edges.sort_unstable_by_key(|e| (e.0, e.1, Reverse(e.2)));
        edges.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
        let mut offsets = vec![0usize; n_mentees + 1];
        for e in &edges {
            offsets[e.0 as usize + 1] += 1;
        }
        for i in 0..n_mentees {
            offsets[i + 1] += offsets[i];
        }
        Self {
            offsets,
            targets: edges.iter().map(|e| e.1).collect(),
            weights: edges.iter().map(|e| e.2).collect(),
        }
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
    let n = graph.offsets.len().saturating_sub(1);
    let m = capacities.len();
    let big_w = graph.weights.iter().copied().max().unwrap_or(0).max(0);
    // Potentials: mentees 0..n, mentors n..n+m; the sink's potential stays 0 (see module docs).
    let mut pot = vec![0i64; n + m];
    let mut dist = vec![i64::MAX; n + m];
    let mut done = vec![false; n + m];
    let mut pred = vec![NONE; n + m];
    let mut mentor_of = vec![NONE; n];
    let mut weight_of = vec![0i64; n];
    // Mentees currently assigned to each mentor.
    let mut assigned: Vec<Vec<u32>> = vec![Vec::new(); m];
    let mut heap: BinaryHeap<Reverse<(i64, u32)>> = BinaryHeap::new();
    let mut touched: Vec<u32> = Vec::new();
    let mut settled: Vec<u32> = Vec::new();

    for s in 0..n {
        // Lowest potential that keeps every edge out of `s` (and its unmatched edge) non-negative.
        let mut ps = -big_w;
        for (j, w) in graph.row(s) {
            ps = ps.max(pot[n + j as usize] + w - big_w);
        }
        pot[s] = ps;
        dist[s] = 0;
        touched.push(s as u32);
        heap.push(Reverse((0, s as u32)));
        let mut best = i64::MAX;
        let mut end = End::Unmatched(s as u32);
        while let Some(Reverse((d, node))) = heap.pop() {
            let v = node as usize;
            if done[v] || d > dist[v] {
                continue;
            }
            if d >= best {
                break;
            }
            done[v] = true;
            settled.push(node);
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
                            touched.push(t as u32);
                        }
                        dist[t] = nd;
                        pred[t] = node;
                        heap.push(Reverse((nd, t as u32)));
                    }
                }
            } else {
                let j = v - n;
                if (assigned[j].len() as u32) < capacities[j] {
                    let c = d + pot[v];
                    if c < best {
                        best = c;
                        end = End::Mentor(j as u32);
                    }
                }
                for &x in &assigned[j] {
                    let x = x as usize;
                    let nd = d - (big_w - weight_of[x]) + pot[v] - pot[x];
                    if nd < dist[x] {
                        if dist[x] == i64::MAX {
                            touched.push(x as u32);
                        }
                        dist[x] = nd;
                        pred[x] = node;
                        heap.push(Reverse((nd, x as u32)));
                    }
                }
            }
        }
        heap.clear();
        for &v in &settled {
            pot[v as usize] += dist[v as usize] - best;
        }
        for &v in &touched {
            dist[v as usize] = i64::MAX;
            done[v as usize] = false;
        }
        settled.clear();
        touched.clear();

        // Augment: walk back from the end, shifting each mentee on the path to the next mentor.
        let mut cur_mentor = match end {
            End::Mentor(j) => j,
            End::Unmatched(x) => {
                if x as usize == s {
                    continue;
                }
                let old = mentor_of[x as usize];
                mentor_of[x as usize] = NONE;
                assigned[old as usize].retain(|&y| y != x);
                old
            }
        };
        loop {
            let x = pred[n + cur_mentor as usize] as usize;
            let old = mentor_of[x];
            mentor_of[x] = cur_mentor;
            weight_of[x] = graph
                .row(x)
                .find(|&(j, _)| j == cur_mentor)
                .map_or(0, |(_, w)| w);
            assigned[cur_mentor as usize].push(x as u32);
            if old != NONE {
                assigned[old as usize].retain(|&y| y as usize != x);
            }
            if x == s {
                break;
            }
            cur_mentor = old;
        }
    }

    let u = (0..n).map(|i| (big_w + pot[i]).max(0)).collect::<Vec<_>>();
    let v = (0..m).map(|j| (-pot[n + j]).max(0)).collect::<Vec<_>>();
    let mut total = 0i64;
    for i in 0..n {
        if mentor_of[i] != NONE {
            total += weight_of[i];
        }
    }
    let mut u = u;
    for i in 0..n {
        if mentor_of[i] == NONE {
            u[i] = 0;
        }
    }
    Solution {
        mentor_of: mentor_of
            .into_iter()
            .map(|j| (j != NONE).then_some(j))
            .collect(),
        total,
        u,
        v,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brute(n: usize, caps: &[u32], w: &[Vec<i64>]) -> i64 {
        fn go(i: usize, n: usize, caps: &mut [u32], w: &[Vec<i64>]) -> i64 {
            if i == n {
                return 0;
            }
            let mut best = go(i + 1, n, caps, w);
            for j in 0..caps.len() {
                if w[i][j] > 0 && caps[j] > 0 {
                    caps[j] -= 1;
                    best = best.max(w[i][j] + go(i + 1, n, caps, w));
                    caps[j] += 1;
                }
            }
            best
        }
        go(0, n, &mut caps.to_vec(), w)
    }

    #[test]
    fn small_random_graphs_are_solved_to_the_brute_force_optimum_with_a_valid_certificate() {
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..2000 {
            let n = rng.usize(0..7);
            let m = rng.usize(0..6);
            let caps: Vec<u32> = (0..m).map(|_| rng.u32(0..3)).collect();
            let w: Vec<Vec<i64>> = (0..n)
                .map(|_| {
                    (0..m)
                        .map(|_| if rng.u8(..) < 80 { 0 } else { rng.i64(1..20) })
                        .collect()
                })
                .collect();
            let mut edges = Vec::new();
            for (i, row) in w.iter().enumerate() {
                for (j, &x) in row.iter().enumerate() {
                    if x > 0 {
                        edges.push((i as u32, j as u32, x));
                    }
                }
            }
            let g = Graph::from_edges(n, edges);
            let sol = solve(&g, &caps);
            assert_eq!(sol.total, brute(n, &caps, &w));
            assert!(sol.certificate_holds(&g, &caps));
        }
    }
}
