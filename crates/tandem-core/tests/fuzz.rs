//! Fuzzing every parser that takes a user's bytes or text, with proptest (`cargo fuzz` needs a
//! nightly toolchain): the HR import from raw bytes through stage, preview and commit on an
//! in-memory store, and the team server's address. No input may panic or hang; a refused import
//! writes nothing.
//!
//! The test command runs each target for `FUZZ_SECONDS` (default 2). The long run the README
//! gives: `FUZZ_SECONDS=600 cargo test --release -p tandem-core --test fuzz -- --nocapture`.
//! A case that takes over 20 seconds is reported as a hang. A failure prints the shrunk input.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use tandem_core::import;
use tandem_core::store::dump;
use tandem_core::store::postgres::ServerSettings;
use tandem_core::Store;

fn budget() -> Duration {
    let seconds: u64 = std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2);
    Duration::from_secs(seconds)
}

/// Runs `test` on inputs from `strategy` until the time budget is spent; a case that runs over
/// 20 seconds aborts the process as a hang. Returns how many cases ran.
fn fuzz<S: Strategy>(
    name: &str,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) -> u64
where
    S::Value: std::fmt::Debug,
{
    let started = Instant::now();
    let heartbeat = Arc::new(AtomicU64::new(0));
    let watched = Arc::clone(&heartbeat);
    let label = name.to_owned();
    std::thread::spawn(move || {
        let mut last = (0, Instant::now());
        loop {
            std::thread::sleep(Duration::from_secs(1));
            let now = watched.load(Ordering::Relaxed);
            if now == u64::MAX {
                return;
            }
            if now != last.0 {
                last = (now, Instant::now());
            } else if last.1.elapsed() > Duration::from_secs(20) {
                eprintln!("{label}: a case has run for over 20 s: a hang");
                std::process::abort();
            }
        }
    });
    let mut cases = 0u64;
    while started.elapsed() < budget() || cases == 0 {
        let mut runner = TestRunner::new(Config {
            cases: 64,
            failure_persistence: None,
            ..Config::default()
        });
        let result = runner.run(&strategy, |input| {
            heartbeat.fetch_add(1, Ordering::Relaxed);
            test(input)
        });
        if let Err(e) = result {
            heartbeat.store(u64::MAX, Ordering::Relaxed);
            panic!("{name}: {e}");
        }
        cases += 64;
    }
    heartbeat.store(u64::MAX, Ordering::Relaxed);
    println!(
        "{name}: {cases} cases in {:.0} s, no panic, no hang",
        started.elapsed().as_secs_f64()
    );
    cases
}

/// Cells that reach deep into the import: known headers, e-mails, dates, grades, ids, manager
/// references, quotes, delimiters, line breaks, accents, formulas and very long values.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[A-Za-zÀ-ÿ' -]{0,12}",
        "[a-z]{1,6}@[a-z]{1,5}\\.(fr|com)",
        "(E|M)[0-9]{1,3}",
        "[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        "-?[0-9]{1,3}",
        "=[A-Z]{1,3}[0-9]?",
        "\"[^\"]{0,8}\"",
        "[,;\t\n\r\"]{1,3}",
        prop::sample::select(vec![
            "Mentor",
            "Mentoré",
            "both",
            "none",
            "Curieux",
            "anxious",
            "fr; en",
            "Europe/Paris",
            "Mars/Olympus",
            "N+1",
            "Matricule",
            "Email",
            "Manager ID",
            "Prénom",
            "Nom",
        ])
        .prop_map(str::to_owned),
        Just("x".repeat(300)),
    ]
}

fn header() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "Employee ID",
            "Matricule",
            "First name",
            "Prénom",
            "Last name",
            "Nom",
            "Email",
            "Courriel",
            "Department",
            "Service",
            "Job title",
            "Grade",
            "Manager ID",
            "Email du responsable",
            "Site",
            "Time zone",
            "Languages",
            "Hire date",
            "Role",
            "Profil",
            "Interests",
            "Nom complet",
            "Notes",
        ])
        .prop_map(str::to_owned),
        cell(),
    ]
}

/// A CSV-shaped file: a header and rows of cells, joined by one delimiter (sometimes a wrong one),
/// in one of the encodings the import reads.
fn csv_file() -> impl Strategy<Value = Vec<u8>> {
    (
        prop::collection::vec(header(), 1..10),
        prop::collection::vec(prop::collection::vec(cell(), 0..12), 0..25),
        prop::sample::select(vec![",", ";", "\t", "|"]),
        prop::sample::select(vec!["\n", "\r\n"]),
        0..4u8,
    )
        .prop_map(|(headers, rows, delimiter, newline, encoding)| {
            let mut text = headers.join(delimiter);
            for row in rows {
                text.push_str(newline);
                text.push_str(&row.join(delimiter));
            }
            match encoding {
                0 => text.into_bytes(),
                1 => [b"\xef\xbb\xbf".as_slice(), text.as_bytes()].concat(),
                2 => [0xFFu8, 0xFE]
                    .into_iter()
                    .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
                    .collect(),
                _ => text
                    .chars()
                    .map(|c| u8::try_from(c).unwrap_or(b'?'))
                    .collect(),
            }
        })
}

fn import_bytes(bytes: &[u8]) -> Result<(), TestCaseError> {
    let Ok(staged) = import::stage("fuzz.csv", bytes) else {
        return Ok(());
    };
    let mut store = Store::open_in_memory().map_err(|e| TestCaseError::fail(e.to_string()))?;
    let preview = import::preview(&store, &staged, &mut |_| {});
    let before = dump::dump(store.conn()).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let committed = import::commit(&mut store, &staged, &staged.ignored_columns(), &mut |_| {});
    if committed.is_err() {
        let after = dump::dump(store.conn()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(before, after, "a refused commit wrote");
    }
    if let (Ok(preview), Ok(outcome)) = (preview, committed) {
        prop_assert_eq!(outcome.created, preview.counts.new);
        prop_assert_eq!(outcome.rejected, preview.counts.rejected);
    }
    Ok(())
}

#[test]
fn the_import_survives_any_bytes() {
    let cases = fuzz(
        "import, raw bytes",
        prop::collection::vec(any::<u8>(), 0..2048),
        |bytes| import_bytes(&bytes),
    );
    assert!(cases > 0);
}

#[test]
fn the_import_survives_any_csv_shaped_file_and_a_refused_commit_writes_nothing() {
    let cases = fuzz("import, CSV-shaped files", csv_file(), |bytes| {
        import_bytes(&bytes)
    });
    assert!(cases > 0);
}

#[test]
fn a_server_address_of_any_text_is_read_or_refused() {
    let strategy = prop_oneof![
        any::<String>(),
        "postgres(ql)?://[a-z:@%?&=/.0-9\\[\\]-]{0,40}",
    ];
    let cases = fuzz("server address", strategy, |url| {
        if let Ok(settings) = ServerSettings::from_url(&url) {
            prop_assert!(!settings.user.is_empty());
            // What is shown never depends on the password.
            let mut other = settings.clone();
            other.password = Some(format!(
                "{}x",
                settings.password.clone().unwrap_or_default()
            ));
            prop_assert_eq!(settings.display_url(), other.display_url());
        }
        Ok(())
    });
    assert!(cases > 0);
}
