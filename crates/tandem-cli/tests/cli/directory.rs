//! `employees` and `programs`, `match` and `approve`.

use serde_json::Value;

use super::support::*;

#[test]
fn employees_are_listed_searched_shown_deactivated_and_reactivated() -> TestResult {
    let dir = tempfile::tempdir()?;
    let db = demo_db(dir.path())?;
    let all = stdout_json(&run(&db, &["employees", "list", "--json"]))?;
    let total = all["total"].as_u64().unwrap_or_default();
    assert!(total > 20);
    assert_eq!(
        all["employees"].as_array().map(Vec::len),
        Some(total as usize)
    );

    let first = &all["employees"][0];
    let email = first["email"].as_str().unwrap_or_default().to_owned();
    let hr_id = first["external_id"].as_str().unwrap_or_default().to_owned();
    let last_name = first["last_name"].as_str().unwrap_or_default().to_owned();

    let found = stdout_json(&run(
        &db,
        &["employees", "list", "--search", &last_name, "--json"],
    ))?;
    assert!(found["employees"]
        .as_array()
        .is_some_and(|rows| rows.iter().any(|r| r["email"] == email.as_str())));
    let limited = stdout_json(&run(&db, &["employees", "list", "--limit", "3", "--json"]))?;
    assert_eq!(limited["employees"].as_array().map(Vec::len), Some(3));
    assert_eq!(limited["total"], total);

    let shown = run(&db, &["employees", "show", &hr_id]);
    assert!(shown.status.success());
    assert!(text(&shown.stdout).contains(&email));
    let table = run(&db, &["employees", "list", "--limit", "2"]);
    assert!(
        text(&table.stdout).starts_with("HR id"),
        "{}",
        text(&table.stdout)
    );

    let out = run(&db, &["employees", "deactivate", &email]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let detail = stdout_json(&run(&db, &["employees", "show", &email, "--json"]))?;
    assert_eq!(detail["active"], false);
    let active = stdout_json(&run(&db, &["employees", "list", "--json"]))?;
    assert_eq!(active["total"], total - 1);
    let out = run(&db, &["employees", "activate", &email]);
    assert!(out.status.success());
    let detail = stdout_json(&run(&db, &["employees", "show", &email, "--json"]))?;
    assert_eq!(detail["active"], true);
    Ok(())
}

#[test]
fn matching_prints_the_pairs_their_score_parts_and_total_and_approving_publishes_them() -> TestResult
{
    let dir = tempfile::tempdir()?;
    let db = demo_db(dir.path())?;
    let (id, name) = demo_program(&db)?;

    let shown = stdout_json(&run(&db, &["programs", "show", &name, "--json"]))?;
    assert_eq!(shown["program"]["id"], id.as_str());
    assert!(["not_started", "running", "ended"]
        .contains(&shown["program"]["phase"].as_str().unwrap_or_default()));

    let human = run(&db, &["match", &name]);
    assert!(human.status.success(), "{}", text(&human.stderr));
    let matched = run(&db, &["match", &id, "--json"]);
    assert!(matched.status.success(), "{}", text(&matched.stderr));
    let result = stdout_json(&matched)?;
    let pairs = result["pairs"].as_array().cloned().unwrap_or_default();
    assert_eq!(
        result["summary"]["pairs"].as_u64(),
        Some(pairs.len() as u64)
    );
    assert!(!pairs.is_empty());
    let total: f64 = pairs.iter().filter_map(|p| p["score"].as_f64()).sum();
    let reported = result["summary"]["total_score"].as_f64().unwrap_or(-1.0);
    assert!((total - reported).abs() < 1e-6, "{total} vs {reported}");
    // The human table shows the same pairs, with their names and parts.
    let table = text(&human.stdout);
    for pair in &pairs {
        let mentee = pair["mentee_name"].as_str().unwrap_or_default();
        assert!(table.contains(mentee), "{mentee} missing from:\n{table}");
    }
    assert!(
        table.contains("Availability") && table.contains("Total score"),
        "{table}"
    );

    let what_if = run(
        &db,
        &[
            "match",
            &name,
            "--what-if",
            "skill=1",
            "--what-if",
            "comfort=0",
            "--json",
        ],
    );
    assert!(what_if.status.success(), "{}", text(&what_if.stderr));
    let answer = stdout_json(&what_if)?;
    assert!(answer["total_after"].is_number());
    assert_eq!(answer["matched_before"].as_u64(), Some(pairs.len() as u64));

    let proposed: Vec<&Value> = pairs.iter().filter(|p| p["status"] == "proposed").collect();
    if let Some(one) = proposed.first() {
        let before = proposed.len();
        let mentee = one["mentee_email"].as_str().unwrap_or_default();
        let out = run(&db, &["approve", &name, mentee]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let after = stdout_json(&run(&db, &["programs", "show", &name, "--json"]))?;
        let still = after["pairs"]
            .as_array()
            .map(|p| p.iter().filter(|x| x["status"] == "proposed").count());
        assert_eq!(still, Some(before - 1));
    }
    let out = run(&db, &["approve", &name, "--all", "--json"]);
    assert!(out.status.success());
    let after = stdout_json(&run(&db, &["programs", "show", &name, "--json"]))?;
    assert!(after["pairs"]
        .as_array()
        .is_some_and(|p| p.iter().all(|x| x["status"] == "approved")));
    let out = run(&db, &["approve", &name, "nobody@example.com"]);
    assert_eq!(out.status.code(), Some(4));
    Ok(())
}
