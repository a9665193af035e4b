//! Progress timings on a large history: 10,000 employees, 2,000 approved pairs and 100,000 logged
//! sessions (held with logs, topics and self-assessments, some cancelled or no-show, the last
//! fifth still planned), all in ONE program, the worst case for the dashboard.
//!
//! Plain `main` (no harness): run `cargo bench -p tandem-core --bench progress` and read the
//! medians. The database is a temporary FILE opened with `Store::open`, so it has the production
//! pragmas (WAL, `synchronous=FULL`). The target is 100 ms or less for the program dashboard and
//! the mentee page. `PROGRESS_BENCH_KEEP=path` copies the generated database there, to look at
//! query plans with `sqlite3` (`EXPLAIN QUERY PLAN ...`).

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use tandem_core::progress::synthetic::{seed_synthetic_progress, SyntheticSpec};
use tandem_core::progress::{
    manager_view, mentee_progress, program_dashboard, program_dashboard_csv,
    program_dashboard_xlsx, seed_demo_audience, ManagerScope,
};
use tandem_core::settings::Language;
use tandem_core::{CoreResult, Store};

const EMPLOYEES: usize = 10_000;
const PAIRS: usize = 2_000;
const SESSIONS_PER_PAIR: usize = 50;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time(
    label: &str,
    runs: usize,
    mut run: impl FnMut(usize) -> CoreResult<String>,
) -> CoreResult<()> {
    let mut samples = Vec::with_capacity(runs);
    let mut note = String::new();
    for i in 0..runs {
        let started = Instant::now();
        note = run(i)?;
        samples.push(started.elapsed());
    }
    println!(
        "{label:<48} median {:>9.1} ms  ({runs} runs; {note})",
        median(samples).as_secs_f64() * 1e3
    );
    Ok(())
}

fn main() -> CoreResult<()> {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temporary directory: {e}"));
    let path = dir.path().join("progress.sqlite");
    let mut store = Store::open(&path)?;
    let now: DateTime<Utc> = DateTime::parse_from_rfc3339("2031-06-15T12:00:00Z")
        .map(|d| d.with_timezone(&Utc))
        .unwrap_or_else(|e| panic!("{e}"));

    let started = Instant::now();
    let employees = tandem_core::demo::seed_synthetic(&mut store, EMPLOYEES, 42)?;
    let company = started.elapsed();
    let started = Instant::now();
    let spec = SyntheticSpec {
        programs: 1,
        pairs: PAIRS,
        sessions_per_pair: SESSIONS_PER_PAIR,
        cadence_days: 14,
        now,
        seed: 7,
    };
    let history = seed_synthetic_progress(&mut store, &employees, &spec)?;
    let sessions = started.elapsed();
    let started = Instant::now();
    let figures = seed_demo_audience(&mut store, 7)?;
    let audience = started.elapsed();
    println!(
        "generated {EMPLOYEES} employees in {:.0} ms; {} pairs and {} sessions in {:.0} ms; \
         {figures} follower figures in {:.0} ms (one transaction each, database file {:.0} MB)",
        company.as_secs_f64() * 1e3,
        history.pairs.len(),
        history.sessions,
        sessions.as_secs_f64() * 1e3,
        audience.as_secs_f64() * 1e3,
        file_size_mb(&path),
    );
    if let Ok(keep) = std::env::var("PROGRESS_BENCH_KEEP") {
        store.backup_to(Path::new(&keep))?;
        println!("copied the database to {keep}");
    }

    let program = history.programs[0];
    time(
        "program dashboard (2,000 pairs, 100,000 sessions)",
        21,
        |_| {
            let d = program_dashboard(&store, program, now)?;
            Ok(format!(
                "{} held, {} at risk",
                d.sessions.held, d.pairs.at_risk
            ))
        },
    )?;
    time("mentee page (one program)", 41, |i| {
        let mentee = history.pairs[(i * 37) % history.pairs.len()].1;
        let m = mentee_progress(&store, mentee, Some(program), now)?;
        Ok(format!(
            "{} sessions, {} points",
            m.session_list.len(),
            m.platforms.iter().map(|p| p.points.len()).sum::<usize>()
        ))
    })?;
    time("mentee page (every program)", 41, |i| {
        let mentee = history.pairs[(i * 53) % history.pairs.len()].1;
        let m = mentee_progress(&store, mentee, None, now)?;
        Ok(format!("{} tasks", m.tasks.len()))
    })?;
    time("manager view, department 'Marketing'", 11, |_| {
        let v = manager_view(&store, &ManagerScope::Department("Marketing".into()), now)?;
        Ok(format!(
            "{} of {} people",
            v.people.len(),
            v.people_in_scope
        ))
    })?;
    time("manager view, top manager (everyone)", 5, |_| {
        let v = manager_view(&store, &ManagerScope::Manager(employees[0]), now)?;
        Ok(format!(
            "{} of {} people",
            v.people.len(),
            v.people_in_scope
        ))
    })?;
    time("dashboard CSV export (one row per pair)", 5, |_| {
        let f = program_dashboard_csv(&store, program, now)?;
        Ok(format!("{} KB", f.bytes.len() / 1024))
    })?;
    time(
        "dashboard XLSX export (5 sheets, 100,000 sessions)",
        3,
        |_| {
            let f = program_dashboard_xlsx(&store, program, now, Language::En)?;
            Ok(format!("{} KB", f.bytes.len() / 1024))
        },
    )?;
    Ok(())
}

fn file_size_mb(path: &Path) -> f64 {
    let wal = path.with_extension("sqlite-wal");
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    (size(path) + size(&wal)) as f64 / 1e6
}
