//! Matching engine benchmark: `cargo bench -p tandem-core --bench matching`.
//!
//! Prints one table row per case: median and fastest wall time over several runs, peak resident
//! memory during the case (VmHWM, reset before each case), candidate edges and pricing rounds.
//! For the reference cases it also dumps the dense score matrix and, when scipy is importable,
//! runs `scripts/reference_solver.py` on it and prints both optima, whether they agree, and both
//! times. Set `MATCHING_BENCH_QUICK=1` to skip the 10,000-person cases, and
//! `MATCHING_BENCH_ONLY=<part of a case name>` to run only the matching cases (e.g. `one-to-one`),
//! `MATCHING_BENCH_RUNS=<n>` to time each case n times instead of its default.
//! Under each row, the phase times of the last run (scan, solves, pricing) and its counters.

use std::io::Write;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use tandem_core::matching::synthetic::{program, Spec};
use tandem_core::matching::{dense_problem, solve, MatchResult, Settings};

fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// Resets VmHWM to the current RSS (Linux ≥ 4.0), so each case reports its own peak.
fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

struct Row {
    name: String,
    median: Duration,
    best: Duration,
    rss: f64,
    result: MatchResult,
}

/// Whether `MATCHING_BENCH_ONLY` (a substring of case names) selects this case.
fn selected(name: &str) -> bool {
    std::env::var("MATCHING_BENCH_ONLY").map_or(true, |only| name.contains(only.as_str()))
}

fn run_case(name: &str, runs: usize, f: impl Fn() -> MatchResult) -> Option<Row> {
    if !selected(name) {
        return None;
    }
    reset_peak_rss();
    let runs = std::env::var("MATCHING_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(runs);
    let mut times = Vec::new();
    let mut result = None;
    for _ in 0..runs {
        let t = Instant::now();
        let r = f();
        times.push(t.elapsed());
        result = Some(r);
    }
    let rss = peak_rss_mb();
    let best = times.iter().min().copied().unwrap_or_default();
    let row = Row {
        name: name.to_owned(),
        median: median(times),
        best,
        rss,
        result: result.expect("at least one run"),
    };
    println!(
        "{:<44} {:>9.1} {:>9.1} {:>8.0} {:>9} {:>6} {:>7} {:>7} {:>12}",
        row.name,
        ms(row.median),
        ms(row.best),
        row.rss,
        row.result.stats.candidate_edges,
        row.result.stats.pricing_rounds,
        row.result.pairs.len(),
        row.result.unmatched.len(),
        row.result.total_points
    );
    let s = &row.result.stats;
    println!(
        "    last run: scan {:.1} ms, solves {:.1} ms, pricing {:.1} ms; {} pairs scored in the scan, {} in pricing, {} violations, {} mentees placed again",
        s.scan_micros as f64 / 1e3,
        s.solve_micros as f64 / 1e3,
        s.pricing_micros as f64 / 1e3,
        s.scan_scored,
        s.pricing_scored,
        s.pricing_violations,
        s.replaced_mentees
    );
    Some(row)
}

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Dumps the dense problem and asks scipy for its optimum; prints the comparison.
fn compare_with_reference(label: &str, spec: &Spec, engine: &Row) {
    let p = program(spec);
    let dense = match dense_problem(&p.mentees, &p.mentors, &p.settings) {
        Ok(d) => d,
        Err(e) => {
            println!("  {label}: could not build the dense problem: {e}");
            return;
        }
    };
    let scipy = Command::new("python3")
        .args(["-c", "import scipy"])
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !scipy {
        println!("  {label}: scipy not importable, reference skipped (pip install scipy)");
        return;
    }
    // Binary: n, m as u64 LE; m capacities as u32 LE; n·m scores as i64 LE (-1 = forbidden).
    let path = std::env::temp_dir().join(format!(
        "tandem-matching-{}-{label}.bin",
        std::process::id()
    ));
    let mut bytes = Vec::with_capacity(16 + dense.capacities.len() * 4 + dense.points.len() * 8);
    bytes.extend_from_slice(&(dense.mentees.len() as u64).to_le_bytes());
    bytes.extend_from_slice(&(dense.mentors.len() as u64).to_le_bytes());
    for c in &dense.capacities {
        bytes.extend_from_slice(&c.to_le_bytes());
    }
    for s in &dense.points {
        bytes.extend_from_slice(&s.map_or(-1i64, |x| x as i64).to_le_bytes());
    }
    if let Err(e) = std::fs::File::create(&path).and_then(|mut f| f.write_all(&bytes)) {
        println!("  {label}: could not write the matrix: {e}");
        return;
    }
    let script = repo_root().join("scripts/reference_solver.py");
    let out = Command::new("python3").arg(&script).arg(&path).output();
    let _ = std::fs::remove_file(&path);
    let out = match out {
        Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout).to_string(),
        Ok(o) => {
            println!(
                "  {label}: reference failed: {}",
                String::from_utf8_lossy(&o.stderr)
            );
            return;
        }
        Err(e) => {
            println!("  {label}: could not run python3: {e}");
            return;
        }
    };
    // The script prints `optimum=<int> seconds=<float>`.
    let field = |key: &str| {
        out.split_whitespace()
            .find_map(|w| w.strip_prefix(key))
            .map(str::to_owned)
    };
    let optimum: Option<u64> = field("optimum=").and_then(|v| v.parse().ok());
    let seconds: Option<f64> = field("seconds=").and_then(|v| v.parse().ok());
    match (optimum, seconds) {
        (Some(o), Some(s)) => println!(
            "  {label}: engine optimum {} in {:.1} ms (median) | scipy linear_sum_assignment {} in {:.1} ms | agree: {} | scipy/engine time ratio {:.1}",
            engine.result.total_points,
            ms(engine.median),
            o,
            s * 1e3,
            if o == engine.result.total_points { "yes" } else { "NO" },
            s / engine.median.as_secs_f64()
        ),
        _ => println!("  {label}: could not read the reference output: {out}"),
    }
}

fn main() {
    let quick = std::env::var_os("MATCHING_BENCH_QUICK").is_some();
    let threads = std::thread::available_parallelism().map_or(1, |t| t.get());
    println!("matching benchmark ({threads} threads available; wall times in ms, RSS in MB)");
    println!(
        "{:<44} {:>9} {:>9} {:>8} {:>9} {:>6} {:>7} {:>7} {:>12}",
        "case", "median", "fastest", "peakRSS", "edges", "rounds", "pairs", "unmatch", "total pts"
    );

    // 1,000 × 1,000 with capacities 1–3 and exclusions.
    let mut spec_1k = Spec::new(1_000, 1_000, 11);
    spec_1k.max_capacity = 3;
    spec_1k.exclusions_per_mille = 2_000;
    let p1k = program(&spec_1k);
    let row_1k = run_case("1,000 x 1,000, capacity 1-3, exclusions", 7, || {
        solve(&p1k.mentees, &p1k.mentors, &p1k.settings).expect("valid program")
    });

    // Re-solve a 1,000-person program (500 + 500) after one weight change.
    let mut spec_prog = Spec::new(500, 500, 12);
    spec_prog.max_capacity = 2;
    spec_prog.exclusions_per_mille = 1_000;
    spec_prog.locks = 10;
    let prog = program(&spec_prog);
    let _ = solve(&prog.mentees, &prog.mentors, &prog.settings);
    let mut changed: Settings = prog.settings.clone();
    changed.weights.skill = 0.6;
    run_case("re-solve 500+500 after a weight change", 9, || {
        solve(&prog.mentees, &prog.mentors, &changed).expect("valid program")
    });

    // 2,000 × 2,000 one-to-one, for the reference comparison.
    let spec_2k = Spec::new(2_000, 2_000, 13);
    let p2k = program(&spec_2k);
    let row_2k = run_case("2,000 x 2,000, one-to-one", 5, || {
        solve(&p2k.mentees, &p2k.mentors, &p2k.settings).expect("valid program")
    });

    if !quick {
        let name = "10,000 x 10,000, capacity 1-3, exclusions";
        if selected(name) {
            let mut spec_10k = Spec::new(10_000, 10_000, 14);
            spec_10k.max_capacity = 3;
            spec_10k.exclusions_per_mille = 2_000;
            let p10k = program(&spec_10k);
            run_case(name, 5, || {
                solve(&p10k.mentees, &p10k.mentors, &p10k.settings).expect("valid program")
            });
        }
        let name = "10,000 x 10,000, one-to-one";
        if selected(name) {
            let p10k1 = program(&Spec::new(10_000, 10_000, 15));
            run_case(name, 5, || {
                solve(&p10k1.mentees, &p10k1.mentors, &p10k1.settings).expect("valid program")
            });
        }
    }

    println!("reference check (same run):");
    if let Some(row) = &row_1k {
        compare_with_reference("1k-cap1-3", &spec_1k, row);
    }
    if let Some(row) = &row_2k {
        compare_with_reference("2k-one-to-one", &spec_2k, row);
    }
}
