//! What the command line adds to the core, measured through the real binary:
//! `cargo bench -p tandem-cli --bench cli`.
//!
//! - `import --dry-run` of the 50,000-row export of the core's import benchmark
//!   (`tandem_core::import::synthetic::hr_export`), beside the same work in-process (read the file,
//!   stage, recall the mapping, preview against the same empty database file), with the peak
//!   resident memory of each.
//! - `match` on a stored program of 10,000 mentees and 10,000 mentors, beside `run_matching` on
//!   the same database in-process (what the app's command does). Each run starts from a copy of
//!   the same file. The CLI's own overhead is the difference: starting, opening the database,
//!   finding the program, reading the pairs back with names and printing them as JSON.
//!
//! Prints medians of `CLI_BENCH_RUNS` runs (default 5 for the import, 3 for matching);
//! `CLI_BENCH_MATCH=<n>` changes the program's size (n mentees and n mentors).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use nix::sys::resource::{getrusage, UsageWho};
use tandem_core::import::{self, synthetic};
use tandem_core::{demo, program, Store};

const BIN: &str = env!("CARGO_BIN_EXE_tandem-cli");
const ROWS: usize = 50_000;

fn runs(default: usize) -> usize {
    std::env::var("CLI_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(default)
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// This process's peak resident memory (VmHWM), in MB.
fn own_peak_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// Resets VmHWM to the current resident memory (Linux ≥ 4.0).
fn reset_own_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// The largest peak resident memory of the children waited for so far, in MB.
fn children_peak_mb() -> f64 {
    getrusage(UsageWho::RUSAGE_CHILDREN).map_or(f64::NAN, |u| u.max_rss() as f64 / 1024.0)
}

fn cli(args: &[&str]) -> Duration {
    let started = Instant::now();
    let status = Command::new(BIN)
        .args(args)
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .status()
        .unwrap_or_else(|e| panic!("{BIN} did not start: {e}"));
    let elapsed = started.elapsed();
    assert!(status.success(), "tandem-cli {args:?} failed: {status}");
    elapsed
}

fn path_str(path: &Path) -> &str {
    path.to_str()
        .unwrap_or_else(|| panic!("{} is not UTF-8", path.display()))
}

fn main() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temporary directory: {e}"));
    bench_import(dir.path());
    bench_match(dir.path());
}

fn bench_import(dir: &Path) {
    let runs = runs(5);
    let bytes = synthetic::hr_export(ROWS);
    let csv = dir.join("hr-export.csv");
    std::fs::write(&csv, &bytes).unwrap_or_else(|e| panic!("write the export: {e}"));
    let db = dir.join("import.sqlite");
    drop(Store::open(&db).unwrap_or_else(|e| panic!("open: {e}")));
    println!(
        "import --dry-run, {ROWS} rows ({:.1} MB), median of {runs} runs",
        bytes.len() as f64 / 1e6
    );
    drop(bytes);

    reset_own_peak();
    let before_mb = own_peak_mb();
    let core: Vec<Duration> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            let store = Store::open(&db).unwrap_or_else(|e| panic!("open: {e}"));
            let bytes = std::fs::read(&csv).unwrap_or_else(|e| panic!("read: {e}"));
            let mut staged =
                import::stage("hr-export.csv", &bytes).unwrap_or_else(|e| panic!("stage: {e}"));
            drop(bytes);
            import::recall_mapping(&store, &mut staged).unwrap_or_else(|e| panic!("recall: {e}"));
            let preview = import::preview(&store, &staged, &mut |_| {})
                .unwrap_or_else(|e| panic!("preview: {e}"));
            assert_eq!(preview.counts.new, ROWS);
            started.elapsed()
        })
        .collect();
    let core_peak = own_peak_mb();

    let args = [
        "--db",
        path_str(&db),
        "import",
        path_str(&csv),
        "--dry-run",
        "--json",
    ];
    let binary: Vec<Duration> = (0..runs).map(|_| cli(&args)).collect();
    let binary_peak = children_peak_mb();
    let (core, binary) = (median(core), median(binary));
    println!(
        "  in-process (read, stage, preview)    {:>9.1} ms   peak RSS {:>6.1} MB ({:.1} MB before)",
        ms(core),
        core_peak,
        before_mb
    );
    println!(
        "  tandem-cli import --dry-run --json   {:>9.1} ms   peak RSS {:>6.1} MB   {:.2}x in-process",
        ms(binary),
        binary_peak,
        ms(binary) / ms(core)
    );
}

fn bench_match(dir: &Path) {
    let runs = runs(3);
    let size: usize = std::env::var("CLI_BENCH_MATCH")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let seeded = dir.join("match.sqlite");
    let started = Instant::now();
    let program_id = {
        let mut store = Store::open(&seeded).unwrap_or_else(|e| panic!("open: {e}"));
        demo::seed_synthetic_program(&mut store, size, size, 7)
            .unwrap_or_else(|e| panic!("seed the program: {e}"))
    };
    println!(
        "match, {size} mentees x {size} mentors (seeded in {:.1} s), median of {runs} runs, each from a copy of the same file",
        started.elapsed().as_secs_f64()
    );
    let copy = |n: usize| -> PathBuf {
        let target = dir.join(format!("match-{n}.sqlite"));
        std::fs::copy(&seeded, &target).unwrap_or_else(|e| panic!("copy: {e}"));
        target
    };

    let mut engine = Vec::new();
    let mut pairs = 0;
    let core: Vec<Duration> = (0..runs)
        .map(|n| {
            let path = copy(n);
            let mut store = Store::open(&path).unwrap_or_else(|e| panic!("open: {e}"));
            let started = Instant::now();
            let summary = program::run_matching(&mut store, program_id)
                .unwrap_or_else(|e| panic!("match: {e}"));
            let elapsed = started.elapsed();
            engine.push(Duration::from_micros(summary.elapsed_micros));
            pairs = summary.pairs;
            elapsed
        })
        .collect();

    let id = program_id.to_string();
    let binary: Vec<Duration> = (0..runs)
        .map(|n| {
            let path = copy(runs + n);
            cli(&["--db", path_str(&path), "match", &id, "--json"])
        })
        .collect();
    let (core, binary, engine) = (median(core), median(binary), median(engine));
    println!("  {pairs} pairs");
    println!(
        "  engine (scan, solve)                 {:>9.1} ms",
        ms(engine)
    );
    println!(
        "  run_matching in-process (the app)    {:>9.1} ms",
        ms(core)
    );
    println!(
        "  tandem-cli match --json              {:>9.1} ms   CLI overhead {:+.1} %",
        ms(binary),
        (ms(binary) / ms(core) - 1.0) * 100.0
    );
}
