//! The progress commands through Tauri's mock runtime, on the demo company with its program under
//! way: argument names, the shapes the UI reads, error codes, exports written without a dialog,
//! and that what a manager sees never holds a private note.

mod common;

use std::collections::BTreeSet;

use chrono::Utc;
use common::{harness, harness_on, json_call, ok, Harness, TestResult};
use serde_json::{json, Value};
use tandem_core::demo::{load_first_launch_demo, DemoLoad};
use tandem_core::session::{list_pairs_with_sessions, pair_page};
use tandem_core::Store;

type Boxed<T> = Result<T, Box<dyn std::error::Error>>;

struct Demo {
    h: Harness,
    program_id: String,
    /// Every non-empty private note the demo program's logs hold.
    private_notes: Vec<String>,
}

/// The demo as a first launch makes it, with the private notes read through the pair pages.
fn demo() -> Boxed<Demo> {
    let mut store = Store::open_in_memory()?;
    let DemoLoad { program, .. } = load_first_launch_demo(&mut store)?;
    let mut private_notes = Vec::new();
    for pair in list_pairs_with_sessions(&store, program.program_id, Utc::now())? {
        for entry in pair_page(&store, pair.pair_id, Utc::now())?.timeline {
            if let Some(log) = entry.log {
                if !log.private_notes.trim().is_empty() {
                    private_notes.push(log.private_notes);
                }
            }
        }
    }
    Ok(Demo {
        h: harness_on(store)?,
        program_id: program.program_id.to_string(),
        private_notes,
    })
}

fn array<'a>(value: &'a Value, what: &str) -> Boxed<&'a Vec<Value>> {
    value
        .as_array()
        .ok_or_else(|| format!("{what} is a list: {value}").into())
}

fn number(value: &Value) -> u64 {
    value.as_u64().unwrap_or(0)
}

#[test]
fn the_demo_programs_dashboard_has_pairs_sessions_months_and_an_audience() -> TestResult {
    let d = demo()?;
    let dash = ok(json_call(
        &d.h,
        "program_dashboard",
        json!({ "programId": d.program_id }),
    ))?;
    let approved = number(&dash["pairs"]["approved"]);
    assert!(approved > 0, "{}", dash["pairs"]);
    assert_eq!(
        array(&dash["pair_rows"], "pair rows")?.len() as u64,
        approved
    );
    assert!(number(&dash["sessions"]["held"]) > 0);
    assert!(number(&dash["sessions"]["scheduled"]) >= number(&dash["sessions"]["held"]));
    assert!(dash["hours_held"].as_f64().unwrap_or(0.0) > 0.0);
    assert_eq!(dash["phase"], "running");
    let months = array(&dash["months"], "months")?;
    assert!(months.len() >= 6, "a program of about seven months");
    assert_eq!(
        months.iter().map(|m| number(&m["held"])).sum::<u64>(),
        number(&dash["sessions"]["held"]),
        "every held session falls in a month of the chart"
    );
    assert!(!array(&dash["topics"], "topics")?.is_empty());
    assert!(dash["audience"]["total_followers"].as_f64().unwrap_or(0.0) > 0.0);
    // Instants are RFC 3339 UTC, dates are days.
    assert!(dash["as_of"].as_str().is_some_and(|s| s.ends_with('Z')));
    assert_eq!(
        dash["program"]["start_date"].as_str().map(str::len),
        Some(10)
    );

    let row = &dash["pair_rows"][0];
    let mentee = row["mentee"]["id"].as_str().ok_or("a mentee id")?;
    let mentor = row["mentor"]["id"].as_str().ok_or("a mentor id")?;
    let progress = ok(json_call(
        &d.h,
        "mentee_progress",
        json!({ "menteeId": mentee, "programId": null }),
    ))?;
    assert_eq!(progress["mentee"]["id"], mentee);
    assert!(!array(&progress["session_list"], "sessions")?.is_empty());
    let recognition = ok(json_call(
        &d.h,
        "mentor_recognition",
        json!({ "mentorId": mentor }),
    ))?;
    assert_eq!(recognition["mentor"]["id"], mentor);
    assert!(array(&recognition["mentees"], "mentees")?
        .iter()
        .any(|m| m["mentee"]["id"] == mentee));
    Ok(())
}

#[test]
fn malformed_and_unknown_ids_fail_with_their_codes() -> TestResult {
    let d = demo()?;
    let error = json_call(&d.h, "program_dashboard", json!({ "programId": "nope" }))
        .err()
        .ok_or("a malformed id is refused")?;
    assert_eq!(error["code"], "validation");
    assert_eq!(error["fields"][0]["field"], "program_id");
    assert_eq!(error["fields"][0]["key"], "id_invalid");

    let unknown = "7d1f0b8e-9a4c-4c57-9a0e-3f7ab3b1c001";
    for (cmd, args) in [
        ("program_dashboard", json!({ "programId": unknown })),
        (
            "mentee_progress",
            json!({ "menteeId": unknown, "programId": null }),
        ),
        ("mentor_recognition", json!({ "mentorId": unknown })),
        ("employee_audience", json!({ "employeeId": unknown })),
        (
            "manager_view",
            json!({ "scope": { "kind": "manager", "value": unknown }, "offset": 0, "limit": 50 }),
        ),
        (
            "manager_view",
            json!({ "scope": { "kind": "department", "value": "Nowhere" }, "offset": 0, "limit": 50 }),
        ),
    ] {
        let error = json_call(&d.h, cmd, args)
            .err()
            .ok_or_else(|| format!("{cmd} on an unknown id fails"))?;
        assert_eq!(error["code"], "not_found", "{cmd}: {error}");
    }

    let error = json_call(
        &d.h,
        "manager_view",
        json!({ "scope": { "kind": "manager", "value": "me" }, "offset": 0, "limit": 50 }),
    )
    .err()
    .ok_or("a malformed manager id is refused")?;
    assert_eq!(error["fields"][0]["field"], "manager_id");
    Ok(())
}

#[test]
fn what_a_manager_sees_never_holds_a_private_note() -> TestResult {
    let d = demo()?;
    assert!(
        !d.private_notes.is_empty(),
        "the demo logs hold private notes to look for"
    );
    let dash = ok(json_call(
        &d.h,
        "program_dashboard",
        json!({ "programId": d.program_id }),
    ))?;
    let rows = array(&dash["pair_rows"], "pair rows")?;
    let departments: BTreeSet<String> = rows
        .iter()
        .filter_map(|r| r["mentee"]["department"].as_str().map(str::to_owned))
        .collect();
    let mut summaries = 0;
    let mut responses = vec![dash.to_string()];
    for department in &departments {
        let view = ok(json_call(
            &d.h,
            "manager_view",
            json!({ "scope": { "kind": "department", "value": department }, "offset": 0, "limit": 50 }),
        ))?;
        let people = array(&view["people"], "people")?;
        assert!(
            !people.is_empty(),
            "{department} has a mentee of the program"
        );
        summaries += people
            .iter()
            .map(|p| array(&p["summaries"], "summaries").map_or(0, Vec::len))
            .sum::<usize>();
        responses.push(view.to_string());
    }
    assert!(summaries > 0, "summaries are shown to managers");
    for row in rows.iter().take(5) {
        let mentee = row["mentee"]["id"].as_str().ok_or("a mentee id")?;
        responses.push(
            ok(json_call(
                &d.h,
                "mentee_progress",
                json!({ "menteeId": mentee, "programId": d.program_id }),
            ))?
            .to_string(),
        );
    }
    for response in &responses {
        assert!(!response.contains("private_notes"));
        for note in &d.private_notes {
            assert!(
                !response.contains(note.as_str()),
                "a private note reached a progress screen: {note}"
            );
        }
    }
    Ok(())
}

#[test]
fn a_department_where_nobody_is_paired_gets_an_empty_view_not_an_error() -> TestResult {
    // The demo company without its program: people, but no pair yet.
    let h = harness()?;
    let view = ok(json_call(
        &h,
        "manager_view",
        json!({ "scope": { "kind": "department", "value": "finance" }, "offset": 0, "limit": 50 }),
    ))?;
    assert_eq!(view["scope_label"], "Finance");
    assert!(number(&view["people_in_scope"]) > 0);
    assert_eq!(array(&view["people"], "people")?.len(), 0);
    Ok(())
}

#[test]
fn audience_figures_are_saved_all_or_nothing_and_refused_per_platform() -> TestResult {
    let d = demo()?;
    let dash = ok(json_call(
        &d.h,
        "program_dashboard",
        json!({ "programId": d.program_id }),
    ))?;
    let employee = dash["pair_rows"][0]["mentee"]["id"]
        .as_str()
        .ok_or("a mentee id")?
        .to_owned();
    let before = ok(json_call(
        &d.h,
        "employee_audience",
        json!({ "employeeId": employee }),
    ))?;
    let platforms: Vec<String> = array(&before, "figures")?
        .iter()
        .filter_map(|f| f["platform_id"].as_str().map(str::to_owned))
        .collect();
    assert!(platforms.len() >= 2, "{before}");

    let error = json_call(
        &d.h,
        "set_employee_audience",
        json!({ "employeeId": employee, "changes": [
            { "platform_id": platforms[0], "followers": 1234 },
            { "platform_id": platforms[1], "followers": -5 },
        ] }),
    )
    .err()
    .ok_or("a negative figure is refused")?;
    assert_eq!(error["code"], "validation");
    assert_eq!(
        error["fields"][0]["field"],
        format!("audience.{}", platforms[1])
    );
    assert_eq!(error["fields"][0]["key"], "followers_invalid");
    let unchanged = ok(json_call(
        &d.h,
        "employee_audience",
        json!({ "employeeId": employee }),
    ))?;
    assert_eq!(
        unchanged, before,
        "nothing is written when a figure is refused"
    );

    let after = ok(json_call(
        &d.h,
        "set_employee_audience",
        json!({ "employeeId": employee, "changes": [
            { "platform_id": platforms[0], "followers": 1234 },
            { "platform_id": platforms[1], "followers": null },
        ] }),
    ))?;
    let figure = |id: &str| {
        array(&after, "figures")
            .ok()
            .and_then(|l| l.iter().find(|f| f["platform_id"] == id).cloned())
            .unwrap_or(Value::Null)
    };
    assert_eq!(figure(&platforms[0])["followers"], 1234);
    assert_eq!(figure(&platforms[1])["followers"], Value::Null);
    Ok(())
}

#[test]
fn exports_are_written_under_their_suggested_names() -> TestResult {
    let d = demo()?;
    let dir = tempfile::tempdir()?;
    // Only this test of this file sets the variable.
    std::env::set_var(tandem_app::commands::export::EXPORT_DIR_ENV, dir.path());

    let csv = ok(json_call(
        &d.h,
        "export_dashboard_csv",
        json!({ "programId": d.program_id }),
    ))?;
    let csv = std::path::PathBuf::from(csv.as_str().ok_or("the path written")?);
    assert!(csv.starts_with(dir.path()));
    assert_eq!(csv.extension().and_then(|e| e.to_str()), Some("csv"));
    let text = std::fs::read_to_string(&csv)?;
    let header = text.lines().next().unwrap_or_default();
    assert!(
        header.contains("mentee") && header.contains("mentor"),
        "{header}"
    );
    let dash = ok(json_call(
        &d.h,
        "program_dashboard",
        json!({ "programId": d.program_id }),
    ))?;
    assert_eq!(
        text.lines().count() - 1,
        array(&dash["pair_rows"], "pair rows")?.len(),
        "one row per approved pair"
    );

    let xlsx = ok(json_call(
        &d.h,
        "export_dashboard_xlsx",
        json!({ "programId": d.program_id, "language": "fr" }),
    ))?;
    let xlsx = std::fs::read(xlsx.as_str().ok_or("the path written")?)?;
    assert!(xlsx.starts_with(b"PK"), "an Excel file is a zip");

    let department = dash["pair_rows"][0]["mentee"]["department"].clone();
    let scope = json!({ "kind": "department", "value": department });
    for (cmd, args, extension) in [
        ("export_manager_view_csv", json!({ "scope": scope }), "csv"),
        (
            "export_manager_view_xlsx",
            json!({ "scope": scope, "language": "en" }),
            "xlsx",
        ),
        (
            "export_mentor_summary",
            json!({ "mentorId": dash["pair_rows"][0]["mentor"]["id"], "language": "en" }),
            "html",
        ),
    ] {
        let path = ok(json_call(&d.h, cmd, args))?;
        let path = std::path::PathBuf::from(path.as_str().ok_or("the path written")?);
        assert_eq!(
            path.extension().and_then(|e| e.to_str()),
            Some(extension),
            "{cmd}"
        );
        assert!(std::fs::metadata(&path)?.len() > 0, "{cmd} wrote a file");
    }
    Ok(())
}
