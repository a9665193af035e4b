//! The commands through Tauri's mock runtime: wiring, argument names and the `{code, message,
//! fields}` error shape the UI relies on.

mod common;

use common::{call, harness, json_call, ok, TestResult};
use serde_json::{json, Value};
use tauri::ipc::InvokeBody;

fn query(search: &str) -> Value {
    json!({ "query": {
        "search": search, "department": null, "role": null, "adoption_profile": null,
        "platform_id": null, "min_level": null, "include_inactive": false,
        "sort": "name", "descending": false, "offset": 0, "limit": 50
    }})
}

#[test]
fn listing_employees_returns_the_demo_directory() -> TestResult {
    let h = harness()?;
    let page = ok(json_call(&h, "list_employees", query("")))?;
    assert!(page["total"].as_u64().unwrap_or(0) > 100, "{page}");
    assert_eq!(page["rows"].as_array().map(Vec::len), Some(50));
    let first = &page["rows"][0];
    for field in [
        "id",
        "first_name",
        "last_name",
        "email",
        "department",
        "role",
    ] {
        assert!(first.get(field).is_some(), "row lacks {field}: {first}");
    }
    Ok(())
}

#[test]
fn an_unknown_employee_id_is_a_not_found_error_with_code_and_message() -> TestResult {
    let h = harness()?;
    let error = json_call(
        &h,
        "get_employee",
        json!({ "id": "00000000-0000-4000-8000-000000000000" }),
    )
    .err()
    .ok_or("an unknown id must fail")?;
    assert_eq!(error["code"], "not_found");
    assert!(error["message"]
        .as_str()
        .is_some_and(|m| m.contains("00000000-0000-4000-8000-000000000000")));
    assert_eq!(error["fields"], json!([]));
    Ok(())
}

#[test]
fn a_malformed_id_is_a_validation_error_naming_the_field() -> TestResult {
    let h = harness()?;
    let error = json_call(&h, "get_employee", json!({ "id": "not-a-uuid" }))
        .err()
        .ok_or("a malformed id must fail")?;
    assert_eq!(error["code"], "validation");
    assert_eq!(error["fields"][0]["field"], "id");
    assert_eq!(error["fields"][0]["key"], "id_invalid");
    Ok(())
}

#[test]
fn creating_an_employee_with_a_bad_email_reports_the_field_and_writes_nothing() -> TestResult {
    let h = harness()?;
    let before = ok(json_call(&h, "list_employees", query("")))?;
    let input = json!({ "input": {
        "external_id": "NEW-1", "first_name": "Inès", "last_name": "Morel", "email": "not-an-email",
        "department": "Ventes", "title": "Alternante", "grade": 1, "manager_id": null, "site": "Paris",
        "timezone": "Europe/Paris", "languages": ["fr"], "hire_date": null, "role": "mentor",
        "adoption_profile": null, "availability": [], "interests": [], "skills": []
    }});
    let error = json_call(&h, "create_employee", input)
        .err()
        .ok_or("a bad email must fail")?;
    assert_eq!(error["code"], "validation");
    assert!(error["fields"]
        .as_array()
        .is_some_and(|f| f.iter().any(|e| e["field"] == "email")));
    let after = ok(json_call(&h, "list_employees", query("")))?;
    assert_eq!(before["total"], after["total"]);
    Ok(())
}

#[test]
fn an_import_goes_from_raw_bytes_to_a_preview_and_a_commit() -> TestResult {
    let h = harness()?;
    let csv = "Matricule;Nom;Prénom;Courriel;Notes\nZZ-1;Lefèvre;Chloé;chloe.lefevre@example.fr;vue\nZZ-2;Roux;;bad;\n";
    let preview = ok(call(
        &h,
        "import_load",
        InvokeBody::Raw(csv.as_bytes().to_vec()),
    ))?;
    assert_eq!(preview["counts"]["new"], 1);
    assert_eq!(preview["counts"]["rejected"], 1);
    assert_eq!(preview["delimiter"], ";");
    assert_eq!(preview["ignored"][0]["header"], "Notes");
    // The Notes column holds a value: HR must confirm it is left out.
    let refused = json_call(&h, "import_commit", json!({ "confirmedIgnored": [] }))
        .err()
        .ok_or("an unconfirmed ignored column must refuse the commit")?;
    assert_eq!(refused["fields"][0]["key"], "ignored_unconfirmed");
    let outcome = ok(json_call(
        &h,
        "import_commit",
        json!({ "confirmedIgnored": [4] }),
    ))?;
    assert_eq!(outcome["created"], 1);
    let found = ok(json_call(&h, "list_employees", query("chloé lefèvre")))?;
    assert_eq!(found["total"], 1);
    // Nothing is staged any more.
    let error = json_call(&h, "import_commit", json!({ "confirmedIgnored": [] }))
        .err()
        .ok_or("nothing staged must fail")?;
    assert_eq!(error["code"], "not_found");
    Ok(())
}

#[test]
fn the_language_choice_is_saved() -> TestResult {
    let h = harness()?;
    assert_eq!(
        ok(json_call(&h, "get_settings", json!({})))?["language"],
        Value::Null
    );
    let saved = ok(json_call(&h, "set_language", json!({ "language": "en" })))?;
    assert_eq!(saved["language"], "en");
    assert_eq!(
        ok(json_call(&h, "get_settings", json!({})))?["language"],
        "en"
    );
    Ok(())
}
