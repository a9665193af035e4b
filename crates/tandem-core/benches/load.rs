//! Many people at once on one team database: 50 clients, each a pair's mentor or mentee on their
//! own PostgreSQL connection, log sessions and read their pair page for 60 seconds.
//!
//! Run it through `bash scripts/bench-postgres.sh load` (which starts a throwaway server), or
//! with `TANDEM_TEST_POSTGRES` pointing at a role that may create databases:
//! `cargo bench -p tandem-core --bench load`. `LOAD_BENCH_SECONDS` and `LOAD_BENCH_CLIENTS`
//! change the duration and the number of clients.
//!
//! Prints the throughput, p50/p95/p99 latency per operation, the errors, and the lost writes:
//! every client writes a summary naming its own count into the logs of its pair's sessions, and
//! at the end each log must hold the last summary its client wrote. Errors and lost writes must
//! be zero.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use tandem_core::progress::synthetic::{seed_synthetic_progress, SyntheticSpec};
use tandem_core::session::{
    self, LogInput, LogTopicInput, SelfAssessmentInput, SessionId, SessionStatus, TopicDepth,
};
use tandem_core::store::postgres::{self, testing};
use tandem_core::{CoreResult, Store};

const EMPLOYEES: usize = 2_000;
const PAIRS: usize = 200;
const SESSIONS_PER_PAIR: usize = 12;

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i].as_secs_f64() * 1e3
}

struct ClientReport {
    logs: Vec<Duration>,
    pages: Vec<Duration>,
    errors: Vec<String>,
    /// The last summary this client wrote into each session's log.
    last_written: HashMap<SessionId, String>,
}

fn log_input(summary: String) -> LogInput {
    LogInput {
        topics: vec![LogTopicInput {
            topic_id: "linkedin.post".into(),
            depth: TopicDepth::Practised,
        }],
        task_set: "Publish one post this week".into(),
        previous_task_outcome: None,
        summary,
        private_notes: String::new(),
        mentee_rating: Some(4),
        mentor_rating: Some(5),
        self_assessment: vec![SelfAssessmentInput {
            topic_id: "linkedin.post".into(),
            level: 2,
        }],
    }
}

/// What `work.len()` clients did in `seconds`, each on its own connection.
struct Run {
    logs: Vec<Duration>,
    pages: Vec<Duration>,
    errors: Vec<String>,
    expected: HashMap<SessionId, String>,
    elapsed: f64,
}

fn run_clients(
    settings: &postgres::ServerSettings,
    work: &[(tandem_core::session::PairId, Vec<SessionId>)],
    seconds: u64,
    now: DateTime<Utc>,
) -> CoreResult<Run> {
    let stop = Arc::new(AtomicBool::new(false));
    let handles: Vec<_> = work
        .iter()
        .cloned()
        .enumerate()
        .map(|(client, (pair, held))| {
            let settings = settings.clone();
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || -> CoreResult<ClientReport> {
                let mut store: Store = postgres::open(&settings)?;
                let mut report = ClientReport {
                    logs: Vec::new(),
                    pages: Vec::new(),
                    errors: Vec::new(),
                    last_written: HashMap::new(),
                };
                let mut n = 0usize;
                while !stop.load(Ordering::Relaxed) {
                    if let Some(&session_id) = held.get(n % held.len().max(1)) {
                        let summary = format!("client {client} write {n}");
                        let t = Instant::now();
                        match session::save_log(
                            &mut store,
                            session_id,
                            log_input(summary.clone()),
                            now,
                        ) {
                            Ok(_) => {
                                report.logs.push(t.elapsed());
                                report.last_written.insert(session_id, summary);
                            }
                            Err(e) => report.errors.push(format!("save_log: {e}")),
                        }
                    }
                    let t = Instant::now();
                    match session::pair_page(&store, pair, now) {
                        Ok(_) => report.pages.push(t.elapsed()),
                        Err(e) => report.errors.push(format!("pair_page: {e}")),
                    }
                    n += 1;
                }
                Ok(report)
            })
        })
        .collect();
    let run_started = Instant::now();
    std::thread::sleep(Duration::from_secs(seconds));
    stop.store(true, Ordering::Relaxed);
    let mut logs = Vec::new();
    let mut pages = Vec::new();
    let mut errors = Vec::new();
    let mut expected: HashMap<SessionId, String> = HashMap::new();
    for handle in handles {
        let report = handle
            .join()
            .unwrap_or_else(|_| panic!("a client thread panicked"))?;
        logs.extend(report.logs);
        pages.extend(report.pages);
        errors.extend(report.errors);
        expected.extend(report.last_written);
    }
    let elapsed = run_started.elapsed().as_secs_f64();

    logs.sort();
    pages.sort();
    Ok(Run {
        logs,
        pages,
        errors,
        expected,
        elapsed,
    })
}

fn main() -> CoreResult<()> {
    if testing::server_url().is_none() {
        eprintln!("load: no PostgreSQL server; run `bash scripts/bench-postgres.sh load`");
        return Ok(());
    }
    let seconds: u64 = std::env::var("LOAD_BENCH_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let clients: usize = std::env::var("LOAD_BENCH_CLIENTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(50);
    let now: DateTime<Utc> = DateTime::parse_from_rfc3339("2031-06-15T12:00:00Z")
        .map(|d| d.with_timezone(&Utc))
        .unwrap_or_else(|e| panic!("{e}"));

    let (settings, _drop) = testing::empty_database()?;
    let started = Instant::now();
    let mut store = postgres::open(&settings)?;
    let employees = tandem_core::demo::seed_synthetic(&mut store, EMPLOYEES, 42)?;
    let spec = SyntheticSpec {
        programs: 1,
        pairs: PAIRS,
        sessions_per_pair: SESSIONS_PER_PAIR,
        cadence_days: 14,
        now,
        seed: 7,
    };
    let history = seed_synthetic_progress(&mut store, &employees, &spec)?;
    println!(
        "seeded {EMPLOYEES} employees, {} pairs, {} sessions on PostgreSQL in {:.1} s",
        history.pairs.len(),
        history.sessions,
        started.elapsed().as_secs_f64()
    );
    // Each client works on one pair's held sessions.
    let mut work = Vec::new();
    for &(pair, _, _) in history.pairs.iter().take(clients) {
        let held: Vec<SessionId> = session::list_sessions(&store, pair)?
            .into_iter()
            .filter(|s| s.status == SessionStatus::Held)
            .map(|s| s.id)
            .collect();
        work.push((pair, held));
    }
    drop(store);

    // The reference: one client alone, for a few seconds, in this same run.
    let alone = run_clients(&settings, &work[..1], 5, now)?;
    let run = run_clients(&settings, &work, seconds, now)?;
    let Run {
        logs,
        pages,
        errors,
        expected,
        elapsed,
    } = run;
    // Every log holds what its client wrote last: nothing was lost or overwritten by another.
    let check = postgres::open(&settings)?;
    let mut lost = 0usize;
    for (session_id, summary) in &expected {
        let log = session::get_log(&check, *session_id)?;
        if log.map(|l| l.summary) != Some(summary.clone()) {
            lost += 1;
        }
    }
    let ops = logs.len() + pages.len();
    println!(
        "{clients} clients for {elapsed:.0} s: {ops} operations, {:.0} per second",
        ops as f64 / elapsed
    );
    for (label, samples, reference) in [
        ("log a session", &logs, &alone.logs),
        ("read the pair page", &pages, &alone.pages),
    ] {
        println!(
            "{label:<20} {:>7} done  p50 {:>6.1} ms  p95 {:>6.1} ms  p99 {:>6.1} ms  \
             (one client alone: p50 {:.1} ms; p50 ratio {:.1})",
            samples.len(),
            percentile(samples, 0.50),
            percentile(samples, 0.95),
            percentile(samples, 0.99),
            percentile(reference, 0.50),
            percentile(samples, 0.50) / percentile(reference, 0.50).max(1e-9)
        );
    }
    println!(
        "errors: {}   lost writes: {lost} of {} sessions checked",
        errors.len(),
        expected.len()
    );
    for e in errors.iter().take(5) {
        println!("  {e}");
    }
    if !errors.is_empty() || lost > 0 {
        std::process::exit(1);
    }
    Ok(())
}
