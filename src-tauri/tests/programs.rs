//! The programs and matching commands through Tauri's mock runtime, on the demo company: argument
//! names, the shapes the UI reads, an error path and a CSV export written without a dialog.

mod common;

use common::{harness, json_call, ok, Harness, TestResult};
use serde_json::{json, Value};

fn program_input(name: &str) -> Value {
    json!({
        "name": name, "start_date": "2026-01-05", "end_date": "2026-07-31",
        "cadence_weeks": 4, "session_minutes": 60, "charter": "Be kind online.",
        "matching": {
            "weights": { "skill": 40, "interests": 15, "availability": 20, "adoption": 15, "comfort": 10 },
            "default_capacity": 2, "require_different_department": false
        }
    })
}

/// A program with every eligible mentor and mentee of the demo company.
fn program_with_participants(
    h: &Harness,
    name: &str,
) -> Result<String, Box<dyn std::error::Error>> {
    let program = ok(json_call(
        h,
        "create_program",
        json!({ "input": program_input(name) }),
    ))?;
    let id = program["id"]
        .as_str()
        .ok_or("a program has an id")?
        .to_owned();
    let mentors = ok(json_call(
        h,
        "add_all_eligible",
        json!({ "programId": id, "side": "mentor", "department": null }),
    ))?;
    let mentees = ok(json_call(
        h,
        "add_all_eligible",
        json!({ "programId": id, "side": "mentee", "department": null }),
    ))?;
    assert!(mentors.as_u64().unwrap_or(0) > 0, "demo mentors: {mentors}");
    assert!(mentees.as_u64().unwrap_or(0) > 0, "demo mentees: {mentees}");
    Ok(id)
}

#[test]
fn a_program_goes_from_creation_to_a_reviewed_proposal() -> TestResult {
    let h = harness()?;
    let id = program_with_participants(&h, "Printemps 2026")?;

    let participants = ok(json_call(
        &h,
        "list_participants",
        json!({ "programId": id }),
    ))?;
    let participants = participants.as_array().ok_or("participants are a list")?;
    assert!(participants.iter().any(|p| p["side"] == "mentor"));
    assert!(participants.iter().any(|p| p["side"] == "mentee"));

    let summary = ok(json_call(&h, "run_matching", json!({ "programId": id })))?;
    assert!(summary["pairs"].as_u64().unwrap_or(0) > 0, "{summary}");

    let proposal = ok(json_call(&h, "get_proposal", json!({ "programId": id })))?;
    let pairs = proposal["pairs"].as_array().ok_or("pairs are a list")?;
    assert_eq!(pairs.len() as u64, summary["pairs"].as_u64().unwrap_or(0));
    for pair in pairs {
        for part in ["skill", "interests", "availability", "adoption", "comfort"] {
            let value = pair["pair"]["parts"][part]
                .as_f64()
                .ok_or("each part is a number")?;
            assert!((0.0..=1.0).contains(&value), "{part} = {value}");
        }
        assert!(pair["mentee"]["full_name"].is_string());
        assert!(pair["mentor"]["full_name"].is_string());
        assert!(pair["explanation"]["covered_goals"].is_array());
    }

    let program = ok(json_call(&h, "get_program", json!({ "programId": id })))?;
    assert_eq!(program["proposed_count"], summary["pairs"]);
    assert_eq!(program["charter"], "Be kind online.");

    // Approving one pair publishes it: the program can no longer be deleted.
    let mentee = pairs[0]["mentee"]["id"].as_str().ok_or("a mentee id")?;
    ok(json_call(
        &h,
        "approve_pair",
        json!({ "programId": id, "menteeId": mentee }),
    ))?;
    let error = json_call(&h, "delete_program", json!({ "programId": id }))
        .err()
        .ok_or("a program with an approved pair is kept")?;
    assert_eq!(error["code"], "conflict");
    Ok(())
}

#[test]
fn what_if_changes_nothing_until_applied() -> TestResult {
    let h = harness()?;
    let id = program_with_participants(&h, "Automne")?;
    let before = ok(json_call(&h, "run_matching", json!({ "programId": id })))?;
    let change = json!({
        "weights": { "skill": 5, "interests": 5, "availability": 80, "adoption": 5, "comfort": 5 },
        "default_capacity": 1, "require_different_department": null, "capacity_overrides": []
    });
    let what_if = ok(json_call(
        &h,
        "what_if",
        json!({ "programId": id, "change": change.clone() }),
    ))?;
    assert_eq!(what_if["matched_before"], before["pairs"]);
    let pairs = ok(json_call(&h, "list_pairs", json!({ "programId": id })))?;
    assert_eq!(
        pairs.as_array().map(Vec::len) as Option<usize>,
        before["pairs"].as_u64().map(|n| n as usize)
    );

    ok(json_call(
        &h,
        "apply_settings",
        json!({ "programId": id, "change": change }),
    ))?;
    let program = ok(json_call(&h, "get_program", json!({ "programId": id })))?;
    assert_eq!(program["matching"]["default_capacity"], 1);
    Ok(())
}

#[test]
fn an_unknown_program_is_not_found_and_a_malformed_one_names_the_field() -> TestResult {
    let h = harness()?;
    let unknown = "00000000-0000-4000-8000-000000000000";
    for cmd in [
        "get_program",
        "get_proposal",
        "run_matching",
        "list_participants",
    ] {
        let error = json_call(&h, cmd, json!({ "programId": unknown }))
            .err()
            .ok_or("an unknown program must fail")?;
        assert_eq!(error["code"], "not_found", "{cmd}: {error}");
        assert!(error["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
    let error = json_call(&h, "get_program", json!({ "programId": "nope" }))
        .err()
        .ok_or("a malformed id must fail")?;
    assert_eq!(error["code"], "validation");
    assert_eq!(error["fields"][0]["field"], "program_id");
    assert_eq!(error["fields"][0]["key"], "id_invalid");
    Ok(())
}

#[test]
fn an_invalid_program_form_reports_each_field() -> TestResult {
    let h = harness()?;
    let mut input = program_input("  ");
    input["end_date"] = json!("2025-01-01");
    input["cadence_weeks"] = json!(0);
    let error = json_call(&h, "create_program", json!({ "input": input }))
        .err()
        .ok_or("an invalid form must fail")?;
    assert_eq!(error["code"], "validation");
    let keys: Vec<(String, String)> = error["fields"]
        .as_array()
        .ok_or("fields are a list")?
        .iter()
        .map(|f| {
            (
                f["field"].as_str().unwrap_or("").to_owned(),
                f["key"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    for expected in [
        ("name", "required"),
        ("end_date", "end_before_start"),
        ("cadence_weeks", "cadence_invalid"),
    ] {
        assert!(
            keys.contains(&(expected.0.to_owned(), expected.1.to_owned())),
            "{keys:?}"
        );
    }
    assert_eq!(ok(json_call(&h, "list_programs", json!({})))?, json!([]));
    Ok(())
}

#[test]
fn exports_are_written_to_the_test_directory_under_their_suggested_name() -> TestResult {
    let h = harness()?;
    let id = program_with_participants(&h, "Cohorte RH/Paris")?;
    ok(json_call(&h, "run_matching", json!({ "programId": id })))?;
    let dir = tempfile::tempdir()?;
    // Only this test sets the variable, and the file name is unique to it.
    std::env::set_var(tandem_app::commands::export::EXPORT_DIR_ENV, dir.path());

    let path = ok(json_call(
        &h,
        "export_pairs_csv",
        json!({ "programId": id }),
    ))?;
    let path = path.as_str().ok_or("the path written is returned")?;
    assert_eq!(
        std::path::Path::new(path),
        dir.path().join("Cohorte RH-Paris-pairs.csv")
    );
    let text = std::fs::read_to_string(path)?;
    let header = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap_or("");
    assert!(header.starts_with("mentee,mentee_email"), "{header}");
    assert!(text.lines().count() > 1, "one row per pair");

    let path = ok(json_call(
        &h,
        "export_score_matrix_csv",
        json!({ "programId": id }),
    ))?;
    let path = path.as_str().ok_or("the path written is returned")?;
    assert!(path.ends_with("Cohorte RH-Paris-scores.csv"), "{path}");
    assert!(std::fs::metadata(path)?.len() > 0);
    Ok(())
}
