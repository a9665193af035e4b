//! `export` in each of its formats, and `sessions ics`.

use serde_json::Value;

use super::support::*;

#[test]
fn every_export_is_written_in_each_of_its_formats() -> TestResult {
    let dir = tempfile::tempdir()?;
    let db = demo_db(dir.path())?;
    let (_, program) = demo_program(&db)?;
    let shown = stdout_json(&run(&db, &["programs", "show", &program, "--json"]))?;
    let pair = &shown["pairs"][0];
    let mentor = pair["mentor_email"].as_str().unwrap_or_default().to_owned();
    let pair_id = pair["id"].as_str().unwrap_or_default().to_owned();
    let detail = stdout_json(&run(&db, &["employees", "show", &mentor, "--json"]))?;
    let manager = detail["manager"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let department = detail["department"].as_str().unwrap_or_default().to_owned();

    let cases: Vec<(Vec<&str>, &str, &[u8])> = vec![
        (
            vec!["dashboard", &program, "--format", "csv"],
            "dashboard.csv",
            b"",
        ),
        (
            vec!["dashboard", &program, "--format", "xlsx"],
            "dashboard.xlsx",
            b"PK",
        ),
        (
            vec!["dashboard", &program, "--format", "json"],
            "dashboard.json",
            b"{",
        ),
        (vec!["pairs", &program, "--format", "csv"], "pairs.csv", b""),
        (
            vec!["pairs", &program, "--format", "json"],
            "pairs.json",
            b"[",
        ),
        (
            vec!["scores", &program, "--format", "csv"],
            "scores.csv",
            b"",
        ),
        (
            vec!["manager", &manager, "--format", "csv"],
            "manager.csv",
            b"",
        ),
        (
            vec!["manager", "--department", &department, "--format", "xlsx"],
            "dept.xlsx",
            b"PK",
        ),
        (
            vec!["mentor", &mentor, "--format", "html"],
            "mentor.html",
            b"<!",
        ),
        (
            vec!["mentor", &mentor, "--format", "json"],
            "mentor.json",
            b"{",
        ),
    ];
    for (args, file, starts) in cases {
        let target = dir.path().join(file);
        let out = cli()
            .arg("--db")
            .arg(&db)
            .arg("export")
            .args(&args)
            .arg("-o")
            .arg(&target)
            .output()?;
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        let bytes = std::fs::read(&target)?;
        assert!(bytes.len() > 40, "{args:?} wrote {} bytes", bytes.len());
        assert!(bytes.starts_with(starts), "{args:?}");
        if file.ends_with(".json") {
            serde_json::from_slice::<Value>(&bytes)?;
        }
    }
    // To standard output, and under the usual name in the working folder.
    let out = run(
        &db,
        &["export", "pairs", &program, "--format", "csv", "-o", "-"],
    );
    assert!(out.status.success());
    assert!(text(&out.stdout).contains(&mentor) || text(&out.stdout).lines().count() > 1);
    let out = cli()
        .current_dir(dir.path())
        .arg("--db")
        .arg(&db)
        .args(["export", "pairs", &program, "--format", "csv", "--json"])
        .output()?;
    assert!(out.status.success(), "{}", text(&out.stderr));
    let written = stdout_json(&out)?;
    let path = written["path"].as_str().unwrap_or_default();
    assert!(
        path.starts_with("tandem-pairs-") && path.ends_with(".csv"),
        "{path}"
    );
    assert!(dir.path().join(path).is_file());

    let ics = dir.path().join("pair.ics");
    let out = run(
        &db,
        &["sessions", "ics", &pair_id, "-o", &ics.to_string_lossy()],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&std::fs::read(&ics)?).starts_with("BEGIN:VCALENDAR"));

    let unwritable = run(
        &db,
        &[
            "export",
            "pairs",
            &program,
            "--format",
            "csv",
            "-o",
            "/nonexistent/dir/p.csv",
        ],
    );
    assert_eq!(unwritable.status.code(), Some(8));
    Ok(())
}
