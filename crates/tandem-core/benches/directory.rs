//! Directory timings at 20,000 employees: a search keystroke, a window fetch for virtual scrolling,
//! facets and the employee page. Plain `main` (no harness): run `cargo bench -p tandem-core --bench
//! directory` and read the medians. The UI needs a keystroke well under 50 ms to feel instant.

use std::time::{Duration, Instant};

use tandem_core::directory::{
    directory_facets, get_employee, list_employees, DirectoryQuery, DirectorySort,
};
use tandem_core::domain::ProgramRole;
use tandem_core::{CoreResult, Store};

const EMPLOYEES: usize = 20_000;
const RUNS: usize = 41;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time(label: &str, mut run: impl FnMut(usize) -> CoreResult<u32>) -> CoreResult<()> {
    let mut samples = Vec::with_capacity(RUNS);
    let mut rows = 0;
    for i in 0..RUNS {
        let started = Instant::now();
        rows = run(i)?;
        samples.push(started.elapsed());
    }
    let median = median(samples);
    println!(
        "{label:<58} median {:>8.3} ms  ({rows} matching)",
        median.as_secs_f64() * 1e3
    );
    Ok(())
}

fn main() -> CoreResult<()> {
    let mut store = Store::open_in_memory()?;
    let started = Instant::now();
    let ids = tandem_core::demo::seed_synthetic(&mut store, EMPLOYEES, 42)?;
    println!(
        "seeded {EMPLOYEES} employees in one transaction in {:.0} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    let q = |search: &str| DirectoryQuery {
        search: search.into(),
        limit: 100,
        ..DirectoryQuery::default()
    };

    // Each keystroke of "hélène martin" is one query, as the search box sends them.
    let typed = "hélène martin";
    let prefixes: Vec<String> = typed
        .char_indices()
        .map(|(i, c)| typed[..i + c.len_utf8()].to_owned())
        .collect();
    time(
        "search keystroke (prefixes of 'hélène martin', 100 rows)",
        |i| Ok(list_employees(&store, &q(&prefixes[i % prefixes.len()]))?.total),
    )?;
    time("search, rare email fragment ('.19999@'), 100 rows", |_| {
        Ok(list_employees(&store, &q(".19999@"))?.total)
    })?;
    time("search by department word ('logistique'), 100 rows", |_| {
        Ok(list_employees(&store, &q("logistique"))?.total)
    })?;
    for (label, sort, descending) in [
        (
            "window at offset 10,000, by name",
            DirectorySort::Name,
            false,
        ),
        (
            "window at offset 10,000, by name descending",
            DirectorySort::Name,
            true,
        ),
        (
            "window at offset 10,000, by department",
            DirectorySort::Department,
            false,
        ),
        (
            "window at offset 10,000, by grade descending",
            DirectorySort::Grade,
            true,
        ),
    ] {
        time(label, |i| {
            let query = DirectoryQuery {
                sort,
                descending,
                offset: 10_000 + (i as u32 % 7) * 100,
                ..q("")
            };
            Ok(list_employees(&store, &query)?.total)
        })?;
    }
    time("first window of mentors on TikTok at level >= 3", |_| {
        let query = DirectoryQuery {
            role: Some(ProgramRole::Mentor),
            platform_id: Some("tiktok".into()),
            min_level: Some(3),
            ..q("")
        };
        Ok(list_employees(&store, &query)?.total)
    })?;
    time("facets", |_| Ok(directory_facets(&store)?.active_count))?;
    time("employee page (a manager with reports)", |i| {
        Ok(get_employee(&store, ids[i % 100])?.direct_reports.len() as u32)
    })?;
    Ok(())
}
