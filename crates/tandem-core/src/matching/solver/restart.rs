//! Warm restart: continuing from an optimum after the graph gained edges.
//!
//! [`Solver::add_edges_of`] takes out only the mentees whose new edges the duals do not cover;
//! [`Solver::run`] places them again and then resolves the *deficits* their leaving created
//! (see [`Solver::add_edges_of`]) with [`Solver::release`], a shortest-path search run backwards
//! from the mentor. Every step keeps every reduced cost non-negative and every matched edge
//! tight, so the duals stay a certificate.
//!
//! How to change it: any new way of moving mentees must be a shortest path in the residual
//! graph with the potentials updated as in `release`; the tests in `tests.rs` compare warm and
//! cold solves on random growing graphs.

use super::{Graph, Solver, NONE};

/// Each mentor's incoming edges `(mentee, weight)`, for the reverse searches of a warm restart.
pub(super) struct Incoming {
    offsets: Vec<usize>,
    edges: Vec<(u32, i64)>,
}

impl Incoming {
    pub(super) fn of(graph: &Graph, m: usize) -> Self {
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

impl Solver {
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
        self.assigned = self.assigned.grown(graph, &self.capacities);
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
                self.assigned.remove(matched as usize, x as u32);
                if self.pot[n + matched as usize] < 0 {
                    self.phantoms[matched as usize] += 1;
                }
            }
        }
        removed
    }

    /// Moves `x` to mentor `j` (from its current mentor, if any).
    fn assign(&mut self, graph: &Graph, x: usize, j: u32) {
        let old = self.mentor_of[x];
        if old != NONE {
            self.assigned.remove(old as usize, x as u32);
        }
        self.mentor_of[x] = j;
        self.weight_of[x] = graph.row(x).find(|&(t, _)| t == j).map_or(0, |(_, w)| w);
        self.assigned.push(j as usize, x as u32);
    }

    /// Resolves one unit of mentor `j`'s deficit: the shortest path from the sink to `j` in the
    /// residual graph, found backwards from `j` (a Dijkstra on reduced costs over the edges that
    /// enter each node). It ends where the sink can give a unit back: an unmatched mentee (who
    /// then takes a slot), or a mentor with flow (which then keeps a free slot, `j` itself when
    /// dropping its dual is cheapest).
    pub(super) fn release(&mut self, graph: &Graph, incoming: &Incoming, j: usize) {
        let n = self.n;
        let big_w = self.big_w;
        let start = n + j;
        self.dist[start] = 0;
        self.touched.push(start as u32);
        self.heap.push(0, start as u32);
        let mut best = i64::MAX;
        let mut end = start;
        while let Some((d, node)) = self.heap.pop() {
            let d = d as i64;
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
                if self.assigned.count(jb) > 0 || self.phantoms[jb] > 0 {
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
                for &x in self.assigned.of(v - n) {
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

        // Walk the path towards `j`: each mentee moves to the mentor after it. The moves are
        // made from `j` back, so each mentor has lost a mentee before it gains one.
        let mut node = end;
        if node >= n {
            if node == start {
                self.phantoms[j] -= 1;
                return;
            }
            node = self.pred[node] as usize;
        }
        let mut moves = Vec::new();
        loop {
            let mentor = self.pred[node] as usize - n;
            moves.push((node, mentor as u32));
            if mentor == j {
                break;
            }
            node = self.pred[n + mentor] as usize;
        }
        for &(x, mentor) in moves.iter().rev() {
            self.assign(graph, x, mentor);
        }
        self.phantoms[j] -= 1;
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
            self.heap.push(nd as u64, v as u32);
        }
    }
}
