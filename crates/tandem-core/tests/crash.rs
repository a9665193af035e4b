//! A writer killed at random moments loses no committed transaction and leaves a sound file.
//!
//! The harness starts a writer process (this test binary again, running the ignored test
//! `crash_writer`) on a database file. The writer commits numbered transactions in turn, an HR
//! import, a session log and a matching run, and prints `committed <n> <kind>` after each commit.
//! The harness kills it with SIGKILL at a random moment, then checks three things: every
//! transaction reported committed is there, `integrity_check` and `foreign_key_check` find
//! nothing, and the database opens as the app opens it and its dashboard reads. Then it starts the
//! writer again on the same file, `CRASH_KILLS` times (20 by default; `scripts/crash-test.sh` runs
//! 200 on a release build). `CRASH_SEED` replays a run.

#![allow(clippy::unwrap_used)] // the shared session fixture unwraps: a failed unwrap is a failed test

use std::collections::BTreeSet;
use std::io::{BufRead, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use chrono::Utc;
use tandem_core::import;
use tandem_core::program::{self, ProgramId};
use tandem_core::progress;
use tandem_core::session::{self, LogInput, PairId, SessionId, SessionStatus};
use tandem_core::{demo, directory, Store};

mod sessions_support;

type TestResult = Result<(), Box<dyn std::error::Error>>;

const DB_ENV: &str = "CRASH_WRITER_DB";
const SESSION_ENV: &str = "CRASH_WRITER_SESSION";
const PROGRAM_ENV: &str = "CRASH_WRITER_PROGRAM";
const START_ENV: &str = "CRASH_WRITER_START";

/// A valid log whose summary carries the transaction's number.
fn log_input(summary: String) -> LogInput {
    LogInput {
        summary,
        ..sessions_support::good_log()
    }
}

fn import_file(n: u64) -> String {
    format!("Employee ID,First name,Last name,Email\nC{n},Crash,Number{n},crash.{n}@example.com\n")
}

/// The writer: commits numbered transactions until it is killed. Run only by the harness.
#[test]
#[ignore = "the crash harness's writer process; started by the test below"]
fn crash_writer() -> TestResult {
    let (Ok(db), Ok(session), Ok(program), Ok(start)) = (
        std::env::var(DB_ENV),
        std::env::var(SESSION_ENV),
        std::env::var(PROGRAM_ENV),
        std::env::var(START_ENV),
    ) else {
        return Err("run by the crash harness only".into());
    };
    let session = SessionId::parse(&session)?;
    let program = ProgramId::parse(&program)?;
    let mut store = Store::open(Path::new(&db))?;
    let mut stdout = std::io::stdout();
    let mut n: u64 = start.parse()?;
    loop {
        let kind = match n % 3 {
            0 => {
                let staged = import::stage("crash.csv", import_file(n).as_bytes())?;
                let outcome = import::commit(&mut store, &staged, &[], &mut |_| {})?;
                assert_eq!(outcome.created, 1);
                "import"
            }
            1 => {
                session::save_log(
                    &mut store,
                    session,
                    log_input(format!("crash {n}")),
                    Utc::now(),
                )?;
                "log"
            }
            _ => {
                program::run_matching(&mut store, program)?;
                "matching"
            }
        };
        writeln!(stdout, "committed {n} {kind}")?;
        stdout.flush()?;
        n += 1;
    }
}

/// A database with the demo company and its program, and a small program to match; returns the
/// held session the writer logs and the program it matches.
fn prepare(path: &Path) -> Result<(SessionId, ProgramId), Box<dyn std::error::Error>> {
    let mut store = Store::open(path)?;
    let loaded = demo::load_first_launch_demo(&mut store)?;
    let to_match = demo::seed_synthetic_program(&mut store, 20, 20, 11)?;
    for pair in program::list_pairs(&store, loaded.program.program_id)? {
        for s in session::list_sessions(&store, PairId(pair.id))? {
            if s.status == SessionStatus::Held
                && session::save_log(&mut store, s.id, log_input("crash 0".into()), Utc::now())
                    .is_ok()
            {
                return Ok((s.id, to_match));
            }
        }
    }
    Err("the demo has no held session a log can be saved on".into())
}

/// What the writer reported committed: imports, and the last log number.
#[derive(Default)]
struct Reported {
    imports: BTreeSet<u64>,
    last_log: u64,
    next: u64,
}

fn check(path: &Path, session: SessionId, reported: &Reported) -> TestResult {
    let store = Store::open(path)?;
    let problems = store.integrity_problems()?;
    assert!(problems.is_empty(), "damaged after a kill: {problems:?}");
    for n in &reported.imports {
        directory::find_employee(&store, &format!("C{n}"))
            .map_err(|e| format!("import {n} was reported committed but is missing: {e}"))?;
    }
    let summary = session::get_log(&store, session)?
        .map(|log| log.summary)
        .unwrap_or_default();
    let logged: u64 = summary
        .strip_prefix("crash ")
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| format!("the log holds {summary:?}"))?;
    assert!(
        logged >= reported.last_log,
        "log {} was reported committed, the file holds log {logged}",
        reported.last_log
    );
    // The app opens on it: its first screen for HR reads.
    for p in program::list_programs(&store)? {
        progress::program_dashboard(&store, p.id, Utc::now())?;
    }
    Ok(())
}

#[test]
fn a_writer_killed_at_random_moments_loses_no_committed_transaction() -> TestResult {
    let kills: usize = std::env::var("CRASH_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let seed: u64 = std::env::var("CRASH_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| fastrand::u64(..));
    let mut rng = fastrand::Rng::with_seed(seed);
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("crash.sqlite");
    let (session, to_match) = prepare(&path)?;
    let mut reported = Reported {
        next: 1,
        ..Reported::default()
    };
    let mut committed_in_all = 0usize;
    for kill in 0..kills {
        let mut child = Command::new(std::env::current_exe()?)
            .args([
                "--ignored",
                "--exact",
                "crash_writer",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(DB_ENV, &path)
            .env(SESSION_ENV, session.0.to_string())
            .env(PROGRAM_ENV, to_match.to_string())
            .env(START_ENV, reported.next.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        // Random moments: while it opens the file, and during every kind of transaction.
        std::thread::sleep(Duration::from_millis(rng.u64(5..400)));
        child.kill()?;
        child.wait()?;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        for line in std::io::BufReader::new(stdout).lines() {
            let line = line?;
            let mut words = line.split_whitespace();
            if words.next() != Some("committed") {
                continue;
            }
            let n: u64 = words
                .next()
                .and_then(|w| w.parse().ok())
                .ok_or("bad line")?;
            match words.next() {
                Some("import") => {
                    reported.imports.insert(n);
                }
                Some("log") => reported.last_log = reported.last_log.max(n),
                _ => {}
            }
            reported.next = reported.next.max(n + 1);
            committed_in_all += 1;
        }
        // An unreported commit may be there too: the next writer starts after it.
        reported.next += 3;
        check(&path, session, &reported).map_err(|e| {
            format!(
                "after kill {} of {kills} (CRASH_SEED={seed}): {e}",
                kill + 1
            )
        })?;
    }
    println!(
        "{kills} kills, {committed_in_all} transactions reported committed, all present; CRASH_SEED={seed}"
    );
    assert!(committed_in_all > 0, "the writer never committed");
    Ok(())
}
