//! Bad input of every kind: a clear message, its exit code, and a database exactly as it was.

use std::path::Path;

use super::support::*;

#[test]
fn bad_input_gets_a_clear_message_its_exit_code_and_changes_nothing() -> TestResult {
    let dir = tempfile::tempdir()?;
    let db = demo_db(dir.path())?;
    let before = dump_of(&db)?;

    let missing = run(&db, &["import", "/nonexistent/staff.csv"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        text(&missing.stderr).contains("cannot be read"),
        "{}",
        text(&missing.stderr)
    );

    // Over the import's size limit: refused from its size alone (a sparse file, never read).
    let huge = dir.path().join("huge.csv");
    std::fs::File::create(&huge)?.set_len(tandem_core::import::MAX_FILE_BYTES + 1)?;
    let out = run(&db, &["import", &huge.to_string_lossy(), "--json"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout_json(&out)?["error"]["key"], "file_too_large");

    let pdf = dir.path().join("staff.csv");
    std::fs::write(&pdf, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")?;
    let out = run(&db, &["import", &pdf.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("PDF"), "{}", text(&out.stderr));

    let out = run(&db, &["programs", "show", "No such program"]);
    assert_eq!(out.status.code(), Some(4), "{}", text(&out.stderr));
    let out = run(&db, &["match", "No such program"]);
    assert_eq!(out.status.code(), Some(4));
    let out = run(&db, &["employees", "show", "nobody@example.com"]);
    assert_eq!(out.status.code(), Some(4));
    let out = run(&db, &["employees", "deactivate", "E-NOPE"]);
    assert_eq!(out.status.code(), Some(4));
    let out = run(&db, &["sessions", "ics", "not-a-pair-id"]);
    assert_eq!(out.status.code(), Some(2));
    let (_, program) = demo_program(&db)?;
    let out = run(
        &db,
        &["export", "scores", &program, "--format", "xlsx", "-o", "-"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("csv"), "{}", text(&out.stderr));
    let out = run(&db, &["match", &program, "--what-if", "luck=1"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(
        &db,
        &["--lang", "fr", "employees", "show", "personne@example.com"],
    );
    assert_eq!(out.status.code(), Some(4));
    assert!(!text(&out.stderr).is_empty());

    let out = cli()
        .args([
            "--server",
            "postgresql://hr:secret@db.example.com/tandem",
            "check",
        ])
        .output()?;
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("password"),
        "{}",
        text(&out.stderr)
    );

    assert_eq!(dump_of(&db)?, before);

    let nowhere = dir.path().join("typo.sqlite");
    let out = run(&nowhere, &["programs", "list"]);
    assert_eq!(out.status.code(), Some(7));
    assert!(!nowhere.exists(), "a missing database must not be created");
    Ok(())
}

#[test]
fn a_file_that_is_not_tandems_is_refused_and_left_as_it_was() -> TestResult {
    let dir = tempfile::tempdir()?;
    let other = dir.path().join("other.sqlite");
    foreign_sqlite(&other)?;
    let bytes = std::fs::read(&other)?;
    let out = run(&other, &["programs", "list"]);
    assert_eq!(out.status.code(), Some(7), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("Tandem"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read(&other)?, bytes);

    let text_file = dir.path().join("notes.txt");
    std::fs::write(
        &text_file,
        "not a database at all, just some words\n".repeat(200),
    )?;
    let bytes = std::fs::read(&text_file)?;
    let out = run(&text_file, &["check"]);
    assert_eq!(out.status.code(), Some(7), "{}", text(&out.stderr));
    assert_eq!(std::fs::read(&text_file)?, bytes);
    Ok(())
}

/// A SQLite file of another application.
fn foreign_sqlite(path: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let conn = rusqlite::Connection::open(path)?;
    conn.execute_batch(
        "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('tarte tatin');",
    )?;
    Ok(())
}

#[test]
fn a_write_to_a_read_only_database_is_refused_and_changes_nothing() -> TestResult {
    let dir = tempfile::tempdir()?;
    let db = demo_db(dir.path())?;
    let before = dump_of(&db)?;
    let bytes = std::fs::read(&db)?;
    let mut permissions = std::fs::metadata(&db)?.permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&db, permissions)?;
    // Root writes through file modes: run the binary as an unprivileged user then.
    let mut command = if is_root() {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755))?;
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(assert_cmd::cargo::cargo_bin("tandem-cli"));
        c
    } else {
        std::process::Command::new(assert_cmd::cargo::cargo_bin("tandem-cli"))
    };
    let out = command
        .env("NO_COLOR", "1")
        .env_remove("LANG")
        .arg("--db")
        .arg(&db)
        .args(["employees", "deactivate", "claire.moreau@example.com"])
        .output()?;
    assert_eq!(out.status.code(), Some(7), "{}", text(&out.stderr));
    assert!(!text(&out.stderr).is_empty());
    assert_eq!(std::fs::read(&db)?, bytes);
    let mut permissions = std::fs::metadata(&db)?.permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    permissions.set_readonly(false);
    std::fs::set_permissions(&db, permissions)?;
    assert_eq!(dump_of(&db)?, before);
    Ok(())
}

fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| text(&o.stdout).trim() == "0")
        .unwrap_or(false)
}
