//! `import`: the sample HR exports with the counts their README gives, the human preview, and
//! imports refused untouched.

use std::path::Path;

use super::support::*;

#[test]
fn the_sample_hr_exports_import_with_the_counts_their_readme_gives() -> TestResult {
    // (file, rows, new, rejected, flags the commit needs)
    let samples: [(&str, u64, u64, u64, &[&str]); 6] = [
        (
            "hr-export-utf8-comma.csv",
            12,
            12,
            0,
            &["--ignore", "Notes"],
        ),
        ("hr-export-utf8bom-semicolon.csv", 12, 12, 0, &[]),
        ("hr-export-utf16-tab.txt", 12, 12, 0, &[]),
        ("hr-export-cp1252-semicolon.csv", 10, 10, 0, &[]),
        ("hr-export-manager-by-email.csv", 12, 12, 0, &[]),
        (
            "hr-export-with-errors.csv",
            21,
            4,
            17,
            &["--ignore-unmapped"],
        ),
    ];
    for (file, rows, new, rejected, flags) in samples {
        let dir = tempfile::tempdir()?;
        let db = empty_db(dir.path())?;
        let path = Path::new(SAMPLES).join(file);
        let path = path.to_string_lossy();
        let before = dump_of(&db)?;
        let expected_exit = if rejected > 0 { 3 } else { 0 };

        let dry = run(&db, &["import", &path, "--dry-run", "--json"]);
        assert_eq!(
            dry.status.code(),
            Some(expected_exit),
            "{file}: {}",
            text(&dry.stderr)
        );
        let preview = stdout_json(&dry)?;
        assert_eq!(preview["committed"], false);
        assert_eq!(preview["preview"]["total_rows"], rows, "{file}");
        assert_eq!(preview["preview"]["counts"]["new"], new, "{file}");
        assert_eq!(preview["preview"]["counts"]["rejected"], rejected, "{file}");
        assert_eq!(
            preview["preview"]["rejected"].as_array().map(Vec::len),
            Some(rejected as usize)
        );
        assert_eq!(dump_of(&db)?, before, "{file}: a dry run wrote");

        let mut args = vec!["import", &*path, "--json"];
        args.extend_from_slice(flags);
        let real = run(&db, &args);
        assert_eq!(
            real.status.code(),
            Some(expected_exit),
            "{file}: {}",
            text(&real.stderr)
        );
        let outcome = stdout_json(&real)?;
        assert_eq!(outcome["committed"], true);
        assert_eq!(outcome["outcome"]["created"], new, "{file}");
        assert_eq!(outcome["outcome"]["rejected"], rejected, "{file}");

        let listed = run(&db, &["employees", "list", "--json"]);
        assert_eq!(stdout_json(&listed)?["total"], new, "{file}");
    }
    Ok(())
}

#[test]
fn the_human_import_preview_names_every_rejected_row_with_its_line_and_reason() -> TestResult {
    let dir = tempfile::tempdir()?;
    let db = empty_db(dir.path())?;
    let path = Path::new(SAMPLES).join("hr-export-with-errors.csv");
    let out = run(&db, &["import", &path.to_string_lossy(), "--dry-run"]);
    assert_eq!(out.status.code(), Some(3));
    let shown = text(&out.stdout);
    assert!(shown.contains("UTF-8"), "{shown}");
    assert!(shown.contains("17 rejected row(s)"), "{shown}");
    for line in [4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22] {
        assert!(
            shown.lines().any(|l| l.starts_with(&format!("{line} "))),
            "line {line} is not listed:\n{shown}"
        );
    }
    assert!(shown.contains("Invalid email address"), "{shown}");
    assert!(shown.contains("E9999"), "{shown}");
    assert!(shown.contains("Dry run: nothing was written."));

    let french = run(
        &db,
        &[
            "--lang",
            "fr",
            "import",
            &path.to_string_lossy(),
            "--dry-run",
        ],
    );
    assert!(text(&french.stdout).contains("Simulation : rien n’a été écrit."));
    Ok(())
}

#[test]
fn an_import_is_refused_untouched_when_a_column_is_left_out_unconfirmed_or_a_field_is_missing(
) -> TestResult {
    let dir = tempfile::tempdir()?;
    let db = empty_db(dir.path())?;
    let before = dump_of(&db)?;
    let sample = Path::new(SAMPLES).join("hr-export-utf8-comma.csv");
    let out = run(&db, &["import", &sample.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Notes"));
    assert_eq!(dump_of(&db)?, before);

    let no_email = dir.path().join("no-email.csv");
    std::fs::write(
        &no_email,
        "Employee ID,First name,Last name\nE1,Ada,Lovelace\n",
    )?;
    let out = run(&db, &["import", &no_email.to_string_lossy(), "--json"]);
    assert_eq!(out.status.code(), Some(2));
    let error = stdout_json(&out)?;
    assert_eq!(error["error"]["key"], "cli.mapping_missing");
    assert_eq!(error["exit_code"], 2);
    assert!(text(&out.stderr).contains("Email"), "{}", text(&out.stderr));
    assert_eq!(dump_of(&db)?, before);

    // The same file, its e-mail column named by hand.
    let renamed = dir.path().join("renamed.csv");
    std::fs::write(
        &renamed,
        "Employee ID,First name,Last name,Courriel pro\nE1,Ada,Lovelace,ada@example.com\n",
    )?;
    let out = run(
        &db,
        &[
            "import",
            &renamed.to_string_lossy(),
            "--map",
            "email=4",
            "--json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(stdout_json(&out)?["outcome"]["created"], 1);
    let bad_map = run(
        &db,
        &["import", &renamed.to_string_lossy(), "--map", "colour=4"],
    );
    assert_eq!(bad_map.status.code(), Some(2));
    Ok(())
}
