//! How long the HR import takes on a 50,000-row export, phase by phase.
//!
//! `cargo bench -p tandem-core --bench import` prints the median of several runs for staging,
//! previewing against an empty database, committing into an empty database and re-importing the same
//! file (every row unchanged), each into a temporary database FILE with the production pragmas (WAL,
//! `synchronous=FULL`). The time the csv crate alone needs to parse the same bytes is printed as a
//! reference, so figures can be quoted as ratios across machines. The file is
//! [`import::synthetic::hr_export`]: a realistic company (a CEO, directors, managers, teams) with
//! French names and accents.

use std::time::{Duration, Instant};

use tandem_core::import::{self, Progress, StagedImport};
use tandem_core::{CoreResult, Store};

const ROWS: usize = 50_000;
const RUNS: usize = 5;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time<T>(mut setup: impl FnMut() -> T, mut run: impl FnMut(T)) -> Duration {
    median(
        (0..RUNS)
            .map(|_| {
                let input = setup();
                let start = Instant::now();
                run(input);
                start.elapsed()
            })
            .collect(),
    )
}

struct TempStore {
    _dir: tempfile::TempDir,
    store: Store,
}

fn empty_store() -> TempStore {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temporary directory: {e}"));
    let store = Store::open(&dir.path().join("bench.sqlite"))
        .unwrap_or_else(|e| panic!("open the database: {e}"));
    TempStore { _dir: dir, store }
}

fn ok<T>(result: CoreResult<T>) -> T {
    result.unwrap_or_else(|e| panic!("import failed: {e}"))
}

fn main() {
    let bytes = import::synthetic::hr_export(ROWS);
    let mut quiet = |_: Progress| {};
    println!(
        "HR import, {ROWS} rows ({:.1} MB), median of {RUNS} runs, database files in WAL with synchronous=FULL",
        bytes.len() as f64 / 1e6
    );

    let csv_only = time(
        || (),
        |()| {
            let mut reader = csv::ReaderBuilder::new()
                .delimiter(b';')
                .from_reader(bytes.as_slice());
            let mut record = csv::StringRecord::new();
            let mut n = 0usize;
            while reader.read_record(&mut record).unwrap_or(false) {
                n += 1;
            }
            assert_eq!(n, ROWS);
        },
    );

    let staged: StagedImport = ok(import::stage("bench.csv", &bytes));
    assert_eq!(staged.row_count(), ROWS);
    let stage = time(
        || (),
        |()| {
            ok(import::stage("bench.csv", &bytes));
        },
    );

    let empty = empty_store();
    let preview = ok(import::preview(&empty.store, &staged, &mut quiet));
    assert_eq!(preview.counts.new, ROWS, "{:?}", preview.rejected.first());
    let preview_time = time(
        || (),
        |()| {
            ok(import::preview(&empty.store, &staged, &mut quiet));
        },
    );

    let commit = time(empty_store, |mut target| {
        let outcome = ok(import::commit(
            &mut target.store,
            &staged,
            &staged.ignored_columns(),
            &mut quiet,
        ));
        assert_eq!(outcome.created, ROWS);
    });

    let mut full = empty_store();
    ok(import::commit(
        &mut full.store,
        &staged,
        &staged.ignored_columns(),
        &mut quiet,
    ));
    let reimport = time(
        || (),
        |()| {
            let outcome = ok(import::commit(
                &mut full.store,
                &staged,
                &staged.ignored_columns(),
                &mut quiet,
            ));
            assert_eq!(outcome.unchanged, ROWS);
        },
    );

    let report = |name: &str, d: Duration| {
        println!(
            "{name:<42} {:>8.1} ms   {:>6.1} × csv parse",
            d.as_secs_f64() * 1e3,
            d.as_secs_f64() / csv_only.as_secs_f64()
        );
    };
    report("reference: csv crate parse only", csv_only);
    report("stage (decode, parse, guess mapping)", stage);
    report("preview on an empty database", preview_time);
    report("commit into an empty database", commit);
    report("re-import, every row unchanged", reimport);
}
