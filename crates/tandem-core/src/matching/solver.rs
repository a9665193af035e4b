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

/// Each mentor's incoming edges `(mentee, weight)`, for the reverse searches of a warm restart.
struct Incoming {
    offsets: Vec<usize>,
    edges: Vec<(u32, i64)>,
}

impl Incoming {
    fn of(graph: &Graph, m: usize) -> Self {
        let mut offsets = vec![0usize; m + 1];
        for &j in &graph.targets {
            offsets[j as usize + 1] += 1;
        }
        for j in 0..m {
            offsets[j + 1] += offsets[j];
        }
        let mut fill = offsets.clone();
        let mut edges = vec![(0u32, 0i64); graph.targets.len()];
        for i in 0..graph.offsets.len().saturating_sub(1) {
            for (j, w) in graph.row(i) {
                edges[fill[j as usize]] = (i as u32, w);
                fill[j as usize] += 1;
            }
        }
        Self { offsets, edges }
    }

    fn of_mentor(&self, j: usize) -> &[(u32, i64)] {
        &self.edges[self.offsets[j]..self.offsets[j + 1]]
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
    assigned: Vec<Vec<u32>>,
    /// Units of each mentor's outflow that no mentee sends yet (see [`Solver::add_edges_of`]).
    phantoms: Vec<u32>,
    dist: Vec<i64>,
    done: Vec<bool>,
    pred: Vec<u32>,
    heap: BinaryHeap<Reverse<(i64, u32)>>,
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
            assigned: vec![Vec::new(); m],
            phantoms: vec![0; m],
            dist: vec![i64::MAX; n + m],
            done: vec![false; n + m],
            pred: vec![NONE; n + m],
            heap: BinaryHeap::new(),
            touched: Vec::new(),
            settled: Vec::new(),
        }
    }

    /// Whether [`Solver::add_edges_of`] can continue from this state on `graph`: same sizes, and no
    /// weight above the one the costs were shifted by.
    pub fn can_continue_on(&self, graph: &Graph) -> bool {
        graph.offsets.len() == self.n + 1 && graph.weights.iter().all(|&w| w <= self.big_w)
    }

    /// `graph` gained edges at the mentees in `changed` (other rows are as before). Every such
    /// mentee with a new edge the duals do not cover (negative reduced cost) leaves the solution,
    /// so its row's potential can be set afresh; nothing else moves, and every other dual stays.
    ///
    /// A mentee that leaves a mentor whose dual is positive would leave a free slot with a positive
    /// dual, which breaks complementary slackness. Instead of zeroing that dual (which would evict
    /// everyone whose edge to the mentor relies on it), the slot keeps a *phantom* unit: the
    /// mentor's edge to the sink stays saturated, and the mentor has a deficit of one unit.
    /// [`Solver::run`] then places the mentees who left with shortest paths that may end at such a
    /// deficit (filling the slot), and resolves the deficits left with shortest paths from the
    /// sink (a reverse search: an unmatched mentee takes the slot, a chain of moves frees a slot
    /// elsewhere, or the dual drops to zero). Every step keeps all reduced costs non-negative, so
    /// the result is optimal on the larger graph. Returns how many mentees left.
    pub fn add_edges_of(&mut self, graph: &Graph, changed: &[u32]) -> usize {
        let n = self.n;
        let mut removed = 0;
        let mut rows: Vec<u32> = changed.to_vec();
        rows.sort_unstable();
        rows.dedup();
        for x in rows {
            let x = x as usize;
            if x >= n || !self.processed[x] {
                continue;
            }
            let matched = self.mentor_of[x];
            let violated = graph.row(x).any(|(j, w)| {
                j != matched && self.big_w - w + self.pot[x] - self.pot[n + j as usize] < 0
            });
            if !violated {
                continue;
            }
            self.processed[x] = false;
            removed += 1;
            if matched != NONE {
                self.mentor_of[x] = NONE;
                self.assigned[matched as usize].retain(|&y| y as usize != x);
                if self.pot[n + matched as usize] < 0 {
                    self.phantoms[matched as usize] += 1;
                }
            }
        }
        removed
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

    /// Moves `x` to mentor `j` (from its current mentor, if any).
    fn assign(&mut self, graph: &Graph, x: usize, j: u32) {
        let old = self.mentor_of[x];
        if old != NONE {
            self.assigned[old as usize].retain(|&y| y as usize != x);
        }
        self.mentor_of[x] = j;
        self.weight_of[x] = graph.row(x).find(|&(t, _)| t == j).map_or(0, |(_, w)| w);
        self.assigned[j as usize].push(x as u32);
    }

    /// Resolves one unit of mentor `j`'s deficit: the shortest path from the sink to `j` in the
    /// residual graph, found backwards from `j` (a Dijkstra on reduced costs over the edges that
    /// enter each node). It ends where the sink can give a unit back: an unmatched mentee (who
    /// then takes a slot), or a mentor with flow (which then keeps a free slot, `j` itself when
    /// dropping its dual is cheapest).
    fn release(&mut self, graph: &Graph, incoming: &Incoming, j: usize) {
        let n = self.n;
        let big_w = self.big_w;
        let start = n + j;
        self.dist[start] = 0;
        self.touched.push(start as u32);
        self.heap.push(Reverse((0, start as u32)));
        let mut best = i64::MAX;
        let mut end = start;
        while let Some(Reverse((d, node))) = self.heap.pop() {
            let b = node as usize;
            if self.done[b] || d > self.dist[b] {
                continue;
            }
            if d >= best {
                break;
            }
            self.done[b] = true;
            self.settled.push(node);
            if b < n {
                let jm = self.mentor_of[b];
                if jm == NONE {
                    // The sink takes back this mentee's "unmatched" unit.
                    let c = d - (big_w + self.pot[b]);
                    if c < best {
                        best = c;
                        end = b;
                    }
                } else {
                    // Reached through its matched edge, walked backwards.
                    let t = n + jm as usize;
                    let nd = d - (big_w - self.weight_of[b]) + self.pot[t] - self.pot[b];
                    self.relax(t, nd, node);
                }
            } else {
                let jb = b - n;
                if !self.assigned[jb].is_empty() || self.phantoms[jb] > 0 {
                    // The sink takes back one unit of this mentor's flow.
                    let c = d - self.pot[b];
                    if c < best {
                        best = c;
                        end = b;
                    }
                }
                for &(x, w) in incoming.of_mentor(jb) {
                    let x = x as usize;
                    if self.mentor_of[x] == jb as u32 || !self.processed[x] {
                        continue;
                    }
                    let nd = d + (big_w - w) + self.pot[x] - self.pot[b];
                    self.relax(x, nd, node);
                }
            }
        }
        self.heap.clear();
        for &v in &self.settled {
            self.pot[v as usize] += best - self.dist[v as usize];
        }
        // A settled mentor's potential rose by more than that of a mentee it keeps when the
        // mentor was reached another way: raise the mentee's to match, so its matched edge stays
        // tight (an LP dual, not only a flow certificate). Raising a mentee's potential only
        // raises the reduced costs of its other edges.
        for &v in &self.settled {
            let v = v as usize;
            if v >= n {
                for &x in &self.assigned[v - n] {
                    let x = x as usize;
                    self.pot[x] = self.pot[v] - (big_w - self.weight_of[x]);
                }
            }
        }
        for &v in &self.touched {
            self.dist[v as usize] = i64::MAX;
            self.done[v as usize] = false;
        }
        self.settled.clear();
        self.touched.clear();

        // Walk the path towards `j`: each mentee moves to the mentor after it.
        let mut node = end;
        if node >= n {
            if node == start {
                self.phantoms[j] -= 1;
                return;
            }
            node = self.pred[node] as usize;
        }
        loop {
            let mentor = self.pred[node] as usize - n;
            self.assign(graph, node, mentor as u32);
            if mentor == j {
                self.phantoms[j] -= 1;
                return;
            }
            node = self.pred[n + mentor] as usize;
        }
    }

    /// Dijkstra relaxation for [`Solver::release`]: `pred` points one step towards the start.
    #[inline]
    fn relax(&mut self, v: usize, nd: i64, from: u32) {
        if nd < self.dist[v] {
            if self.dist[v] == i64::MAX {
                self.touched.push(v as u32);
            }
            self.dist[v] = nd;
            self.pred[v] = from;
            self.heap.push(Reverse((nd, v as u32)));
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
                        heap.push(Reverse((nd, t as u32)));
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
                } else if (assigned[j].len() as u32) < self.capacities[j] {
                    let c = d + pot[v];
                    if c < best {
                        best = c;
                        end = End::Mentor(j as u32);
                    }
                }
                for &x in &assigned[j] {
                    let x = x as usize;
                    let nd = d - (big_w - self.weight_of[x]) + pot[v] - pot[x];
                    if nd < dist[x] {
                        if dist[x] == i64::MAX {
                            self.touched.push(x as u32);
                        }
                        dist[x] = nd;
                        pred[x] = node;
                        heap.push(Reverse((nd, x as u32)));
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
                assigned[old as usize].retain(|&y| y != x);
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

    /// Random edges over `n × m` with the given density (out of 256) and weights below `max_w`.
    fn random_edges(
        rng: &mut fastrand::Rng,
        n: usize,
        m: usize,
        density: u8,
        max_w: i64,
    ) -> Vec<(u32, u32, i64)> {
        let mut all = Vec::new();
        for i in 0..n as u32 {
            for j in 0..m as u32 {
                if rng.u8(..) < density {
                    all.push((i, j, rng.i64(1..max_w)));
                }
            }
        }
        all
    }

    /// Solves on a growing graph: the edges come in `batches` (the first holds the heaviest, as
    /// the engine's first graph does), each batch continued from the previous optimum.
    fn grow(n: usize, caps: &[u32], batches: &[Vec<(u32, u32, i64)>]) {
        let mut edges: Vec<(u32, u32, i64)> = Vec::new();
        let mut solver: Option<Solver> = None;
        for batch in batches {
            edges.extend(batch);
            let graph = Graph::from_edges(n, edges.clone());
            let s = match solver.take() {
                Some(mut s) => {
                    assert!(s.can_continue_on(&graph));
                    let mut changed: Vec<u32> = batch.iter().map(|e| e.0).collect();
                    changed.dedup();
                    s.add_edges_of(&graph, &changed);
                    s
                }
                None => Solver::new(&graph, caps),
            };
            let s = solver.insert(s);
            s.run(&graph);
            let warm = s.solution();
            let cold = solve(&graph, caps);
            assert_eq!(
                warm.total, cold.total,
                "edges {edges:?}, capacities {caps:?}"
            );
            assert!(
                warm.certificate_holds(&graph, caps),
                "edges {edges:?}, capacities {caps:?}"
            );
            assert!(s.phantoms.iter().all(|&p| p == 0));
        }
    }

    #[test]
    fn a_warm_restart_after_new_edges_reaches_the_same_optimum_as_a_fresh_solve() {
        let mut rng = fastrand::Rng::with_seed(11);
        for round in 0..3000 {
            let n = rng.usize(1..10);
            let m = rng.usize(1..8);
            // One-to-one (the contested case) a third of the time, else capacities 0..=3.
            let caps: Vec<u32> = (0..m)
                .map(|_| if round % 3 == 0 { 1 } else { rng.u32(0..4) })
                .collect();
            let all = random_edges(&mut rng, n, m, 170, 30);
            let heaviest = all.iter().map(|e| e.2).max().unwrap_or(0);
            let mut batches: Vec<Vec<(u32, u32, i64)>> = vec![Vec::new(); rng.usize(2..5)];
            let last = batches.len() - 1;
            for &e in &all {
                let b = if e.2 == heaviest {
                    0
                } else {
                    rng.usize(..=last)
                };
                batches[b].push(e);
            }
            grow(n, &caps, &batches);
        }
    }

    #[test]
    fn a_warm_restart_of_a_larger_contested_program_keeps_the_optimum_round_after_round() {
        let mut rng = fastrand::Rng::with_seed(23);
        for _ in 0..40 {
            let n = rng.usize(20..80);
            let m = rng.usize(15..80);
            let caps: Vec<u32> = (0..m).map(|_| rng.u32(1..3)).collect();
            let all = random_edges(&mut rng, n, m, 60, 1000);
            let heaviest = all.iter().map(|e| e.2).max().unwrap_or(0);
            // The first batch: each row's three best edges (a small candidate graph), then the
            // rest in rounds, as pricing would add them.
            let mut first = Vec::new();
            let mut rest = Vec::new();
            for i in 0..n as u32 {
                let mut row: Vec<_> = all.iter().copied().filter(|e| e.0 == i).collect();
                row.sort_by_key(|e| std::cmp::Reverse(e.2));
                for (r, e) in row.into_iter().enumerate() {
                    if r < 3 || e.2 == heaviest {
                        first.push(e);
                    } else {
                        rest.push(e);
                    }
                }
            }
            let mut batches = vec![first, Vec::new(), Vec::new(), Vec::new()];
            for e in rest {
                batches[rng.usize(1..4)].push(e);
            }
            grow(n, &caps, &batches);
        }
    }
}
