//! The solver against brute force, and warm restarts against fresh solves.

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
