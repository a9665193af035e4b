//! The progress exports read back: CSV with the `csv` crate, Excel with `calamine`. Values come
//! from the fixture in `progress_fixture/mod.rs`, whose docs list every session.

mod progress_fixture;

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, Range, Reader, Xlsx};
use chrono::{NaiveDate, NaiveDateTime};
use progress_fixture::*;
use tandem_core::export::{Column, XlsxBook, XlsxCell};
use tandem_core::progress::*;
use tandem_core::settings::Language;
use tandem_core::CoreResult;

type Book = Xlsx<Cursor<Vec<u8>>>;

fn open(bytes: Vec<u8>) -> Book {
    open_workbook_from_rs(Cursor::new(bytes)).unwrap_or_else(|e| panic!("not an xlsx: {e}"))
}

fn sheet(book: &mut Book, name: &str) -> Range<Data> {
    book.worksheet_range(name)
        .unwrap_or_else(|e| panic!("no sheet {name}: {e}"))
}

fn header(range: &Range<Data>) -> Vec<String> {
    range
        .rows()
        .next()
        .map_or_else(Vec::new, |row| row.iter().map(|c| c.to_string()).collect())
}

/// The data row whose first cell is `first`.
fn row_of<'a>(range: &'a Range<Data>, first: &str) -> &'a [Data] {
    range
        .rows()
        .find(|r| r.first().is_some_and(|c| *c == first))
        .unwrap_or_else(|| panic!("no row starting with {first}"))
}

fn column(range: &Range<Data>, name: &str) -> usize {
    header(range)
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

/// Excel's serial number of a date-time (days since 1899-12-30).
fn serial(at: NaiveDateTime) -> f64 {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap_or_default();
    (at - epoch).num_seconds() as f64 / 86_400.0
}

fn date_cell(cell: &Data) -> Option<f64> {
    match cell {
        Data::DateTime(d) if d.is_datetime() => Some(d.as_f64()),
        _ => None,
    }
}

fn csv_records(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes);
    reader
        .records()
        .map(|r| {
            r.map(|r| r.iter().map(str::to_owned).collect())
                .unwrap_or_default()
        })
        .collect()
}

#[test]
fn the_dashboard_csv_has_one_row_per_approved_pair_in_mentee_name_order() -> CoreResult<()> {
    let w = world()?;
    let file = program_dashboard_csv(&w.store, w.p, now())?;
    assert_eq!(file.file_name, "tandem-program-cohorte-2031-2031-04-15.csv");
    assert_eq!(file.media_type, "text/csv");
    let rows = csv_records(&file.bytes);
    assert_eq!(rows.len(), 5);
    let head = &rows[0];
    let at = |name: &str| head.iter().position(|h| h == name).unwrap_or(usize::MAX);
    let mentees: Vec<&str> = rows[1..].iter().map(|r| r[at("mentee")].as_str()).collect();
    assert_eq!(
        mentees,
        ["Jules Caron", "Denis Faure", "Bruno Morel", "Claire Petit"]
    );
    let bruno = &rows[3];
    assert_eq!(bruno[at("state")], "active");
    assert_eq!(bruno[at("at_risk")], "no");
    assert_eq!(bruno[at("sessions_held")], "3");
    assert_eq!(bruno[at("hours_held")], "3.50");
    assert_eq!(bruno[at("last_held")], "2031-03-31");
    assert_eq!(bruno[at("next_planned")], "2031-05-12");
    assert_eq!(bruno[at("mentee_rating")], "4.00");
    let claire = &rows[4];
    assert_eq!(claire[at("at_risk")], "yes");
    assert_eq!(
        claire[at("risk_reasons")],
        "consecutive_cancellations:2 no_session_held_for:77/42"
    );
    // Simon's first name is a formula: the CSV shows it as text.
    let denis = &rows[2];
    assert_eq!(denis[at("mentor")], format!("'{FORMULA_NAME} Simon"));
    Ok(())
}

#[test]
fn the_dashboard_workbook_reads_back_with_five_sheets_and_typed_cells() -> CoreResult<()> {
    let w = world()?;
    let file = program_dashboard_xlsx(&w.store, w.p, now(), Language::En)?;
    assert!(file.file_name.ends_with(".xlsx"));
    let mut book = open(file.bytes);
    assert_eq!(
        book.sheet_names(),
        [
            "Summary",
            "Pairs",
            "Mentees' progress",
            "Topics",
            "Sessions"
        ]
    );

    let summary = sheet(&mut book, "Summary");
    assert_eq!(header(&summary), ["Figure", "Value"]);
    assert_eq!(row_of(&summary, "Pairs approved")[1], Data::Float(4.0));
    assert_eq!(row_of(&summary, "Hours held")[1], Data::Float(5.5));
    assert_eq!(
        row_of(&summary, "Estimated audience (followers)")[1],
        Data::Float(2450.0)
    );
    let start = row_of(&summary, "Start date")[1].clone();
    assert_eq!(
        date_cell(&start),
        Some(serial(
            date(2031, 1, 5).and_hms_opt(0, 0, 0).unwrap_or_default()
        ))
    );

    let pairs = sheet(&mut book, "Pairs");
    assert_eq!(pairs.height(), 5);
    let bruno = row_of(&pairs, "Bruno Morel");
    assert_eq!(
        bruno[column(&pairs, "State")],
        Data::String("Active".into())
    );
    assert_eq!(bruno[column(&pairs, "Held")], Data::Float(3.0));
    assert_eq!(bruno[column(&pairs, "Hours held")], Data::Float(3.5));
    assert_eq!(bruno[column(&pairs, "Mentee rating")], Data::Float(4.0));
    assert_eq!(
        date_cell(&bruno[column(&pairs, "Last held (UTC)")]),
        Some(serial(
            date(2031, 3, 31).and_hms_opt(0, 0, 0).unwrap_or_default()
        ))
    );
    let claire = row_of(&pairs, "Claire Petit");
    assert_eq!(
        claire[column(&pairs, "At risk")],
        Data::String("2 cancellations in a row; no session held for 77 days".into())
    );
    // No next session for Denis: an empty cell, not a zero.
    let denis = row_of(&pairs, "Denis Faure");
    assert_eq!(denis[column(&pairs, "Next planned (UTC)")], Data::Empty);
    assert_eq!(
        denis[column(&pairs, "Mentor")],
        Data::String(format!("{FORMULA_NAME} Simon"))
    );

    let levels = sheet(&mut book, "Mentees' progress");
    let bruno = row_of(&levels, "Bruno Morel");
    assert_eq!(
        bruno[column(&levels, "Platform")],
        Data::String("LinkedIn".into())
    );
    assert_eq!(bruno[column(&levels, "Start level")], Data::Float(0.5));
    assert_eq!(bruno[column(&levels, "Level now")], Data::Float(3.0));
    assert_eq!(bruno[column(&levels, "Target")], Data::Float(3.0));
    assert_eq!(bruno[column(&levels, "Change")], Data::Float(2.5));

    let topics = sheet(&mut book, "Topics");
    assert_eq!(
        header(&topics),
        [
            "Platform",
            "Topic",
            "Sessions",
            "Shown",
            "Practised",
            "Done alone"
        ]
    );
    let post = row_of(&topics, "LinkedIn");
    assert_eq!(post[1], Data::String("Optimise your profile".into()));
    assert_eq!(post[2], Data::Float(2.0));

    // 11 sessions of approved pairs in the program, first a1 at 10:00 in Paris (09:00 UTC).
    let sessions = sheet(&mut book, "Sessions");
    assert_eq!(sessions.height(), 12);
    let first = &sessions
        .rows()
        .nth(1)
        .map(<[Data]>::to_vec)
        .unwrap_or_default();
    assert_eq!(
        date_cell(&first[0]),
        Some(serial(
            date(2031, 1, 20).and_hms_opt(10, 0, 0).unwrap_or_default()
        ))
    );
    assert_eq!(first[1], Data::String("Europe/Paris".into()));
    assert_eq!(first[3], Data::String("Held".into()));
    assert_eq!(
        first[column(&sessions, "Topics")],
        Data::String("Write and publish a post (shown); Optimise your profile (shown)".into())
    );
    assert_eq!(first[column(&sessions, "Mentee rating")], Data::Float(5.0));
    Ok(())
}

#[test]
fn workbook_headers_are_bold_and_every_table_has_an_autofilter() -> CoreResult<()> {
    let w = world()?;
    let file = program_dashboard_xlsx(&w.store, w.p, now(), Language::En)?;
    let mut book = open(file.bytes);
    let names = book.sheet_names();
    for name in &names {
        let styles = book
            .worksheet_style(name)
            .unwrap_or_else(|e| panic!("styles of {name}: {e}"));
        let bold = styles
            .get((0, 0))
            .and_then(|s| s.font.as_ref())
            .is_some_and(|f| f.is_bold());
        assert!(bold, "{name}: header not bold");
        let body = styles
            .get((1, 0))
            .and_then(|s| s.font.as_ref())
            .is_some_and(|f| f.is_bold());
        assert!(!body, "{name}: data in bold");
    }
    let filters = book
        .defined_names()
        .iter()
        .filter(|(name, _)| name == "_xlnm._FilterDatabase")
        .count();
    assert_eq!(filters, names.len());
    Ok(())
}

#[test]
fn the_workbook_follows_the_interface_language() -> CoreResult<()> {
    let w = world()?;
    let file = program_dashboard_xlsx(&w.store, w.p, now(), Language::Fr)?;
    let mut book = open(file.bytes);
    assert_eq!(
        book.sheet_names(),
        [
            "Synthèse",
            "Binômes",
            "Progression des mentorés",
            "Thèmes",
            "Séances"
        ]
    );
    let pairs = sheet(&mut book, "Binômes");
    assert_eq!(
        row_of(&pairs, "Bruno Morel")[column(&pairs, "État")],
        Data::String("Actif".into())
    );
    Ok(())
}

#[test]
fn text_that_looks_like_a_formula_is_quoted_in_csv_and_stays_a_plain_string_in_xlsx(
) -> CoreResult<()> {
    let risky = [
        "=1+2",
        "+33 6 12",
        "-5",
        "@SUM(A1)",
        "\t=cmd",
        "\r=cmd",
        "=HYPERLINK(\"x\")",
    ];
    let mut csv = tandem_core::export::CsvWriter::new();
    let mut book = XlsxBook::new();
    for text in risky {
        csv.row(&[tandem_core::export::Cell::Text(text)])?;
    }
    book.sheet(
        "Risky",
        &[Column::new("Text", 20.0)],
        risky.iter().map(|t| vec![XlsxCell::text(*t)]),
    )?;
    let rows = csv_records(&csv.into_bytes()?);
    let quoted: Vec<String> = rows.into_iter().flatten().collect();
    assert_eq!(quoted, risky.map(|t| format!("'{t}")));

    let mut read = open(book.into_bytes()?);
    let cells = sheet(&mut read, "Risky");
    let texts: Vec<Data> = cells.rows().skip(1).map(|r| r[0].clone()).collect();
    assert_eq!(texts, risky.map(|t| Data::String(t.to_owned())));
    let formulas = read
        .worksheet_formula("Risky")
        .unwrap_or_else(|e| panic!("formulas: {e}"));
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
    Ok(())
}

#[test]
fn the_manager_view_exports_one_row_per_person_and_platform_without_private_notes() -> CoreResult<()>
{
    let w = world()?;
    let scope = ManagerScope::Manager(w.id("ceo"));
    let file = manager_view_csv(&w.store, &scope, now())?;
    assert_eq!(file.file_name, "tandem-people-agnes-roy-2031-04-15.csv");
    let text = String::from_utf8(file.bytes.clone()).unwrap_or_default();
    assert!(!text.contains(PRIVATE_MARKER));
    let rows = csv_records(&file.bytes);
    let head = &rows[0];
    let at = |name: &str| head.iter().position(|h| h == name).unwrap_or(usize::MAX);
    // Jules (no platform), Denis (LinkedIn), Emma (a mentor), Bruno (LinkedIn, TikTok), Claire
    // (Instagram).
    let people: Vec<(&str, &str)> = rows[1..]
        .iter()
        .map(|r| (r[at("person")].as_str(), r[at("platform")].as_str()))
        .collect();
    assert_eq!(
        people,
        [
            ("Jules Caron", ""),
            ("Denis Faure", "LinkedIn"),
            ("Emma Lenoir", ""),
            ("Bruno Morel", "LinkedIn"),
            ("Bruno Morel", "TikTok"),
            ("Claire Petit", "Instagram")
        ]
    );
    // Jules's title starts with a minus sign.
    assert_eq!(rows[1][at("title")], "'-Analyst");
    // Denis: declared 2, c1 confirmed 3, target 4.
    let denis = &rows[2];
    assert_eq!(
        (
            &denis[at("level_start")],
            &denis[at("level_now")],
            &denis[at("level_target")]
        ),
        (&"2.00".to_owned(), &"3.00".to_owned(), &"4.00".to_owned())
    );
    assert_eq!(rows[3][at("sides")], "mentor");

    let file = manager_view_xlsx(&w.store, &scope, now(), Language::En)?;
    let mut book = open(file.bytes);
    assert_eq!(book.sheet_names(), ["People", "Levels", "Summaries"]);
    for name in book.sheet_names() {
        let range = sheet(&mut book, &name);
        assert!(range
            .used_cells()
            .all(|(_, _, c)| !c.to_string().contains(PRIVATE_MARKER)));
    }
    let summaries = sheet(&mut book, "Summaries");
    let bruno: Vec<String> = summaries
        .rows()
        .filter(|r| r[0] == Data::String("Bruno Morel".into()))
        .map(|r| r[column(&summaries, "Summary")].to_string())
        .collect();
    assert_eq!(
        bruno,
        [
            "A4: posted alone",
            "A2: a first post together",
            "A1: rewrote the headline",
            "D1: pilot session"
        ]
    );
    let people = sheet(&mut book, "People");
    let emma = row_of(&people, "Emma Lenoir");
    assert_eq!(emma[column(&people, "Sessions held")], Data::Float(3.0));
    assert_eq!(
        emma[column(&people, "Takes part as")],
        Data::String("Mentor".into())
    );
    Ok(())
}
