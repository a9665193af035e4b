//! Progress timings on a large history: 10,000 employees, 2,000 approved pairs and 100,000 logged
//! sessions (held with logs, topics and self-assessments, some cancelled or no-show, the last
//! fifth still planned). First all in ONE program, the worst case for the dashboard; then the same
//! volume as 8 cohorts of 250 pairs, the way a company runs the program, for the dashboard of one.
//!
//! Plain `main` (no harness): run `cargo bench -p tandem-core --bench progress` and read the
//! medians of wall time, and the mean time on a CPU (Linux), which stays meaningful when other
//! work shares the machine. The database is a temporary FILE opened with `Store::open`, so it has
//! the production pragmas (WAL, `synchronous=FULL`). The target is 100 ms or less for the program
//! dashboard and the mentee page. Each layout first times a plain `COUNT(*)` of the program's
//! sessions: the floor of any walk over them.
//! `PROGRESS_BENCH_KEEP=path` copies the generated database there, to look at query plans with
//! `sqlite3` (`EXPLAIN QUERY PLAN ...`). `PROGRESS_BENCH_ONE_LAYOUT=1` skips the 8 cohorts.
//!
//! `PROGRESS_BENCH_ENGINE=postgres` runs the same on a fresh database of the PostgreSQL server
//! `TANDEM_TEST_POSTGRES` names (`bash scripts/bench-postgres.sh progress` starts a throwaway one
//! and runs both engines); the targets there are 150 ms. After the bulk load the benchmark runs
//! `VACUUM ANALYZE`, as the server's autovacuum does soon after such a load (PostgreSQL 13 and
//! later vacuum insert-only tables too): without statistics the planner takes every table for a
//! small one and picks nested loops over 100,000 rows, and without the visibility map an
//! index-only scan still reads every row from the table. With
//! `PROGRESS_BENCH_KEEP` set (to anything) on PostgreSQL, the databases are kept and their names
//! printed, for `EXPLAIN (ANALYZE, BUFFERS)` in `psql`.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use tandem_core::progress::synthetic::{seed_synthetic_progress, SyntheticSpec};
use tandem_core::progress::{
    manager_view, manager_view_csv, mentee_progress, program_dashboard, program_dashboard_csv,
    program_dashboard_xlsx, seed_demo_audience, ManagerScope, PeoplePage,
};
use tandem_core::settings::Language;
use tandem_core::store::progress::scan::program_session_count;
use tandem_core::{CoreResult, Store};

const EMPLOYEES: usize = 10_000;
const PAIRS: usize = 2_000;
const SESSIONS_PER_PAIR: usize = 50;
/// People per page of the manager view, as the screen asks for them.
const MANAGER_PAGE: u32 = 50;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// The time this thread has spent on a CPU, from Linux's scheduler statistics (`None` elsewhere).
/// On a machine busy with other work, wall time grows with the wait for a CPU; this does not.
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

fn time(
    label: &str,
    runs: usize,
    mut run: impl FnMut(usize) -> CoreResult<String>,
) -> CoreResult<()> {
    let mut wall = Vec::with_capacity(runs);
    let mut note = String::new();
    // The scheduler's figure is only refreshed at ticks and switches, so the CPU time is measured
    // over all the runs together and given as a mean.
    let cpu_started = cpu_time();
    for i in 0..runs {
        let started = Instant::now();
        note = run(i)?;
        wall.push(started.elapsed());
    }
    let cpu = match (cpu_started, cpu_time()) {
        (Some(a), Some(b)) => format!(
            "cpu mean {:>7.1} ms",
            b.saturating_sub(a).as_secs_f64() * 1e3 / runs as f64
        ),
        _ => String::new(),
    };
    println!(
        "{label:<52} median {:>8.1} ms  {cpu}  ({runs} runs; {note})",
        median(wall).as_secs_f64() * 1e3
    );
    Ok(())
}

/// A database FILE (or a PostgreSQL database) with the generated history spread over `programs`
/// programs.
struct Generated {
    _dir: tempfile::TempDir,
    _server_database: Option<tandem_core::store::postgres::testing::DropDatabase>,
    store: Store,
    /// The same database opened by the top manager (`employees[0]`) as themself: on PostgreSQL
    /// through a login of their own, so row-level security applies as it does in the app.
    top_manager: SignedIn,
    /// The same for the manager whose people number closest to 2,000.
    mid_manager: SignedIn,
    employees: Vec<tandem_core::domain::EmployeeId>,
    history: tandem_core::progress::synthetic::SyntheticProgress,
}

/// A manager's own connection to the generated database.
struct SignedIn {
    id: tandem_core::domain::EmployeeId,
    store: Store,
    _role: Option<tandem_core::store::postgres::testing::DropRole>,
}

fn sign_in(
    hr: &mut Store,
    server: Option<&tandem_core::store::postgres::ServerSettings>,
    path: &Path,
    id: tandem_core::domain::EmployeeId,
    now: DateTime<Utc>,
) -> CoreResult<SignedIn> {
    Ok(match server {
        Some(settings) => {
            let (login, password, role) =
                tandem_core::store::postgres::testing::login_role("manager")?;
            tandem_core::access::link_login(hr, &login, Some(id), false, now)?;
            let mut settings = settings.clone();
            settings.user = login;
            settings.password = Some(password);
            SignedIn {
                id,
                store: tandem_core::store::postgres::open(&settings)?,
                _role: Some(role),
            }
        }
        None => {
            let mut store = Store::open(path)?;
            store.set_actor(tandem_core::domain::Actor::signed_in(
                "manager",
                Some(id),
                false,
            ));
            SignedIn {
                id,
                store,
                _role: None,
            }
        }
    })
}

fn generate(programs: usize, now: DateTime<Utc>) -> CoreResult<Generated> {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temporary directory: {e}"));
    let path = dir.path().join("progress.sqlite");
    let (mut store, server_database, server) = if on_postgres() {
        let (settings, guard) = tandem_core::store::postgres::testing::empty_database()?;
        let guard = if std::env::var_os("PROGRESS_BENCH_KEEP").is_some() {
            println!("keeping the PostgreSQL database {}", settings.database);
            std::mem::forget(guard);
            None
        } else {
            Some(guard)
        };
        (
            tandem_core::store::postgres::open(&settings)?,
            guard,
            Some(settings),
        )
    } else {
        (Store::open(&path)?, None, None)
    };

    let started = Instant::now();
    let employees = tandem_core::demo::seed_synthetic(&mut store, EMPLOYEES, 42)?;
    let company = started.elapsed();
    let started = Instant::now();
    let spec = SyntheticSpec {
        programs,
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
    if on_postgres() {
        store.conn().execute_batch("VACUUM ANALYZE")?;
    }
    println!(
        "generated {EMPLOYEES} employees in {:.0} ms; {} pairs and {} sessions in {programs} \
         program(s) in {:.0} ms; {figures} follower figures in {:.0} ms (one transaction each, \
         database file {:.0} MB, 0 on PostgreSQL)",
        company.as_secs_f64() * 1e3,
        history.pairs.len(),
        history.sessions,
        sessions.as_secs_f64() * 1e3,
        audience.as_secs_f64() * 1e3,
        file_size_mb(&path),
    );
    let top_manager = sign_in(&mut store, server.as_ref(), &path, employees[0], now)?;
    let mut mid = (usize::MAX, employees[0]);
    for &id in employees.iter().take(400) {
        let under = tandem_core::store::progress::people_under(store.conn(), id)?.len();
        if under.abs_diff(2_000) < mid.0 {
            mid = (under.abs_diff(2_000), id);
        }
    }
    let mid_manager = sign_in(&mut store, server.as_ref(), &path, mid.1, now)?;
    Ok(Generated {
        _dir: dir,
        _server_database: server_database,
        store,
        top_manager,
        mid_manager,
        employees,
        history,
    })
}

fn on_postgres() -> bool {
    std::env::var("PROGRESS_BENCH_ENGINE").is_ok_and(|e| e == "postgres")
}

fn main() -> CoreResult<()> {
    println!(
        "engine: {}",
        if on_postgres() {
            "PostgreSQL (local server)"
        } else {
            "SQLite (file, WAL, synchronous=FULL)"
        }
    );
    let now: DateTime<Utc> = DateTime::parse_from_rfc3339("2031-06-15T12:00:00Z")
        .map(|d| d.with_timezone(&Utc))
        .unwrap_or_else(|e| panic!("{e}"));

    println!("-- one program with every pair (worst case)");
    let generated = generate(1, now)?;
    let Generated {
        store,
        top_manager,
        mid_manager,
        employees,
        history,
        ..
    } = &generated;
    if let (Ok(keep), false) = (std::env::var("PROGRESS_BENCH_KEEP"), on_postgres()) {
        store.backup_to(Path::new(&keep))?;
        println!("copied the database to {keep}");
    }
    let program = history.programs[0];
    time("reference: COUNT(*) of the program's sessions", 21, |_| {
        let n = program_session_count(store, program)?;
        Ok(format!("{n} sessions; the floor of any walk over them"))
    })?;
    time(
        "program dashboard (2,000 pairs, 100,000 sessions)",
        21,
        |_| {
            let d = program_dashboard(store, program, now)?;
            Ok(format!(
                "{} held, {} at risk",
                d.sessions.held, d.pairs.at_risk
            ))
        },
    )?;
    time("mentee page (one program)", 41, |i| {
        let mentee = history.pairs[(i * 37) % history.pairs.len()].1;
        let m = mentee_progress(store, mentee, Some(program), now)?;
        Ok(format!(
            "{} sessions, {} points",
            m.session_list.len(),
            m.platforms.iter().map(|p| p.points.len()).sum::<usize>()
        ))
    })?;
    time("mentee page (every program)", 41, |i| {
        let mentee = history.pairs[(i * 53) % history.pairs.len()].1;
        let m = mentee_progress(store, mentee, None, now)?;
        Ok(format!("{} tasks", m.tasks.len()))
    })?;
    // The screen shows one page of people at a time.
    let page = PeoplePage::first(MANAGER_PAGE);
    time("manager view, department 'Marketing'", 11, |_| {
        let v = manager_view(
            store,
            &ManagerScope::Department("Marketing".into()),
            page,
            now,
        )?;
        Ok(format!(
            "{} of {} taking part, {} in scope",
            v.people.len(),
            v.people_taking_part,
            v.people_in_scope
        ))
    })?;
    let top = ManagerScope::Manager(employees[0]);
    time("manager view, top manager (first page)", 11, |_| {
        let v = manager_view(store, &top, page, now)?;
        Ok(format!(
            "{} of {} taking part, {} in scope",
            v.people.len(),
            v.people_taking_part,
            v.people_in_scope
        ))
    })?;
    let total = manager_view(store, &top, page, now)?.people_taking_part;
    let last = PeoplePage {
        offset: total.saturating_sub(MANAGER_PAGE),
        limit: MANAGER_PAGE,
    };
    time("manager view, top manager (last page)", 11, |_| {
        let v = manager_view(store, &top, last, now)?;
        Ok(format!("from {}", v.offset))
    })?;
    // The same screens read by the top manager signed in as themself (HR above): what checking
    // permissions costs, in the core and, on PostgreSQL, in row-level security.
    time("manager view as the top manager (first page)", 11, |_| {
        let v = manager_view(&top_manager.store, &top, page, now)?;
        Ok(format!(
            "{} of {} taking part",
            v.people.len(),
            v.people_taking_part
        ))
    })?;
    time("mentee page as the top manager (every program)", 41, |i| {
        let mentee = history.pairs[(i * 53) % history.pairs.len()].1;
        let m = mentee_progress(&top_manager.store, mentee, None, now)?;
        Ok(format!("{} tasks", m.tasks.len()))
    })?;
    let mid = ManagerScope::Manager(mid_manager.id);
    time("manager view, a manager of ~2,000 (as HR)", 11, |_| {
        let v = manager_view(store, &mid, page, now)?;
        Ok(format!(
            "{} of {} taking part, {} in scope",
            v.people.len(),
            v.people_taking_part,
            v.people_in_scope
        ))
    })?;
    time(
        "manager view, a manager of ~2,000 (as themself)",
        11,
        |_| {
            let v = manager_view(&mid_manager.store, &mid, page, now)?;
            Ok(format!(
                "{} of {} taking part",
                v.people.len(),
                v.people_taking_part
            ))
        },
    )?;
    time("manager CSV export, top manager (everyone)", 5, |_| {
        let f = manager_view_csv(store, &top, now)?;
        Ok(format!("{} KB", f.bytes.len() / 1024))
    })?;
    time("dashboard CSV export (one row per pair)", 5, |_| {
        let f = program_dashboard_csv(store, program, now)?;
        Ok(format!("{} KB", f.bytes.len() / 1024))
    })?;
    time(
        "dashboard XLSX export (5 sheets, 100,000 sessions)",
        3,
        |_| {
            let f = program_dashboard_xlsx(store, program, now, Language::En)?;
            Ok(format!("{} KB", f.bytes.len() / 1024))
        },
    )?;
    drop(generated);
    if std::env::var_os("PROGRESS_BENCH_ONE_LAYOUT").is_some() {
        return Ok(());
    }

    println!("-- the same volume as 8 cohorts of 250 pairs");
    let cohorts = generate(8, now)?;
    let program = cohorts.history.programs[0];
    time("reference: COUNT(*) of the cohort's sessions", 21, |_| {
        let n = program_session_count(&cohorts.store, program)?;
        Ok(format!("{n} sessions"))
    })?;
    time("program dashboard (250 pairs, 12,500 sessions)", 21, |_| {
        let d = program_dashboard(&cohorts.store, program, now)?;
        Ok(format!(
            "{} held, {} at risk",
            d.sessions.held, d.pairs.at_risk
        ))
    })?;
    time("mentee page (one program)", 41, |i| {
        let mentee = cohorts.history.pairs[(i * 37) % cohorts.history.pairs.len()].1;
        let m = mentee_progress(&cohorts.store, mentee, Some(program), now)?;
        Ok(format!("{} sessions", m.session_list.len()))
    })?;
    time("dashboard XLSX export (one cohort)", 5, |_| {
        let f = program_dashboard_xlsx(&cohorts.store, program, now, Language::En)?;
        Ok(format!("{} KB", f.bytes.len() / 1024))
    })?;
    Ok(())
}

fn file_size_mb(path: &Path) -> f64 {
    let wal = path.with_extension("sqlite-wal");
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    (size(path) + size(&wal)) as f64 / 1e6
}
