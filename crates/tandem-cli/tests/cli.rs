//! Every subcommand of `tandem-cli`, end to end through the real binary on a temporary database:
//! its output, its exit code, and what it wrote (or, when refused, that the database's dump is
//! exactly as before).

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use tandem_core::store::dump;
use tandem_core::{demo, Store};

type TestResult = Result<(), Box<dyn std::error::Error>>;

const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/samples");

/// The binary, with nothing from the caller's environment choosing a database or a language.
fn cli() -> Command {
    let mut command = Command::cargo_bin("tandem-cli").expect("the binary is built");
    for name in [
        "TANDEM_DB",
        "TANDEM_SERVER",
        "TANDEM_PASSWORD",
        "LANG",
        "LC_ALL",
        "LC_MESSAGES",
    ] {
        command.env_remove(name);
    }
    command.env("NO_COLOR", "1");
    command
}

fn empty_db(dir: &Path) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let path = dir.join("tandem.sqlite");
    Store::open(&path)?;
    Ok(path)
}

fn demo_db(dir: &Path) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let path = dir.join("tandem.sqlite");
    let mut store = Store::open(&path)?;
    demo::load_first_launch_demo(&mut store)?;
    Ok(path)
}

fn dump_of(path: &Path) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let store = Store::open(path)?;
    Ok(dump::dump(store.conn())?)
}

fn stdout_json(output: &std::process::Output) -> Result<Value, Box<dyn std::error::Error>> {
    Ok(serde_json::from_slice(&output.stdout)?)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs the binary on `db` with `args`; returns its output.
fn run(db: &Path, args: &[&str]) -> std::process::Output {
    cli()
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("the binary runs")
}

/// The first program of the demo database: (id, name).
fn demo_program(db: &Path) -> Result<(String, String), Box<dyn std::error::Error>> {
    let out = run(db, &["programs", "list", "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let list = stdout_json(&out)?;
    let first = &list[0];
    Ok((
        first["id"].as_str().unwrap_or_default().to_owned(),
        first["name"].as_str().unwrap_or_default().to_owned(),
    ))
}

#[test]
fn every_subcommand_has_help_with_an_example() {
    for args in [
        vec!["import"],
        vec!["employees", "list"],
        vec!["employees", "show"],
        vec!["employees", "deactivate"],
        vec!["employees", "activate"],
        vec!["programs", "list"],
        vec!["programs", "show"],
        vec!["match"],
        vec!["approve"],
        vec!["export"],
        vec!["sessions", "ics"],
        vec!["backup"],
        vec!["restore"],
        vec!["check"],
        vec!["migrate"],
        vec!["completions"],
        vec!["man"],
    ] {
        let out = cli().args(&args).arg("--help").output().expect("runs");
        assert!(out.status.success(), "{args:?} --help failed");
        assert!(
            text(&out.stdout).contains("Example"),
            "{args:?} --help has no example"
        );
    }
}

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

#[test]
fn a_backup_restored_gives_back_exactly_the_database_backed_up() -> TestResult {
    let dir = tempfile::tempdir()?;
    let db = demo_db(dir.path())?;
    let original = dump_of(&db)?;
    let backup = dir.path().join("backup.sqlite");

    let out = run(&db, &["backup", "-o", &backup.to_string_lossy()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("checked"));
    let again = run(&db, &["backup", "-o", &backup.to_string_lossy()]);
    assert_eq!(
        again.status.code(),
        Some(8),
        "an existing file is not replaced silently"
    );

    let out = run(&db, &["check", "--json"]);
    assert!(out.status.success());
    assert_eq!(stdout_json(&out)?["ok"], true);

    // Change the database, then restore.
    let out = run(&db, &["employees", "list", "--limit", "1", "--json"]);
    let someone = stdout_json(&out)?["employees"][0]["email"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(run(&db, &["employees", "deactivate", &someone])
        .status
        .success());
    let changed = dump_of(&db)?;
    assert_ne!(changed, original);

    let unconfirmed = run(&db, &["restore", &backup.to_string_lossy()]);
    assert_eq!(
        unconfirmed.status.code(),
        Some(2),
        "no terminal and no --yes: nothing happens"
    );
    assert_eq!(dump_of(&db)?, changed);

    let out = run(
        &db,
        &["restore", &backup.to_string_lossy(), "--yes", "--json"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report = stdout_json(&out)?;
    assert_eq!(dump_of(&db)?, original);
    let aside = PathBuf::from(report["kept_aside"].as_str().unwrap_or_default());
    assert!(aside.is_file());
    assert_eq!(
        dump_of(&aside)?,
        changed,
        "the content replaced is kept aside"
    );

    let damaged = dir.path().join("damaged.sqlite");
    let mut bytes = std::fs::read(&backup)?;
    let half = bytes.len() / 2;
    bytes.truncate(half);
    bytes.extend(std::iter::repeat_n(0xA5u8, half));
    std::fs::write(&damaged, &bytes)?;
    let out = run(&db, &["restore", &damaged.to_string_lossy(), "--yes"]);
    assert_eq!(out.status.code(), Some(7), "{}", text(&out.stderr));
    assert_eq!(dump_of(&db)?, original);
    Ok(())
}

#[test]
fn completions_and_the_man_page_are_generated() {
    let out = cli().args(["completions", "bash"]).output().expect("runs");
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("tandem-cli"));
    let out = cli().arg("man").output().expect("runs");
    assert!(out.status.success());
    let page = text(&out.stdout);
    assert!(page.contains(".TH") && page.contains("import"), "{page}");
}

#[test]
fn moving_a_file_into_an_empty_team_database_copies_every_row() -> TestResult {
    let Some(_) = tandem_core::store::postgres::testing::server_url() else {
        // The test command always starts a PostgreSQL server; a bare `cargo test` may not.
        assert!(
            std::env::var_os("CI").is_none(),
            "TANDEM_TEST_POSTGRES must be set under CI: run scripts/test.sh"
        );
        eprintln!("TANDEM_TEST_POSTGRES is not set: the move is checked by scripts/test.sh");
        return Ok(());
    };
    let dir = tempfile::tempdir()?;
    let db = demo_db(dir.path())?;
    let (settings, _drop) = tandem_core::store::postgres::testing::empty_database()?;
    let password = settings.password.clone().unwrap_or_default();
    let url = settings.display_url();

    let out = cli()
        .env("TANDEM_PASSWORD", &password)
        .arg("--db")
        .arg(&db)
        .args(["migrate", "--to", &url, "--json"])
        .output()?;
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report = stdout_json(&out)?;
    let employees = report["tables"]
        .as_array()
        .and_then(|t| t.iter().find(|x| x["table"] == "employee"))
        .and_then(|x| x["rows"].as_i64());
    let local = stdout_json(&run(&db, &["employees", "list", "--json"]))?;
    assert!(employees.unwrap_or_default() >= local["total"].as_i64().unwrap_or(i64::MAX));

    // The team database answers the same commands, through --server.
    let out = cli()
        .env("TANDEM_PASSWORD", &password)
        .args(["--server", &url, "programs", "list", "--json"])
        .output()?;
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(stdout_json(&out)?.as_array().map(Vec::len), Some(1));

    // Someone who is not HR, signed in as themself, is refused what only HR may do.
    let someone = local["employees"][0]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let (login, login_password, _role) = tandem_core::store::postgres::testing::login_role("cli")?;
    let mut owner = tandem_core::store::postgres::open(&settings)?;
    tandem_core::access::link_login(
        &mut owner,
        &login,
        Some(tandem_core::domain::EmployeeId::parse(&someone)?),
        false,
        chrono::Utc::now(),
    )?;
    let mut as_them = settings.clone();
    as_them.user = login;
    as_them.password = None;
    let out = cli()
        .env("TANDEM_PASSWORD", &login_password)
        .args(["--server", &as_them.display_url(), "employees", "list"])
        .output()?;
    assert_eq!(out.status.code(), Some(5), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("Only HR"),
        "{}",
        text(&out.stderr)
    );
    let out = cli()
        .env("TANDEM_PASSWORD", &login_password)
        .args([
            "--server",
            &as_them.display_url(),
            "employees",
            "show",
            &someone,
            "--json",
        ])
        .output()?;
    assert!(
        out.status.success(),
        "their own page: {}",
        text(&out.stderr)
    );
    drop(owner);

    // A second move into the now-filled database is refused.
    let out = cli()
        .env("TANDEM_PASSWORD", &password)
        .arg("--db")
        .arg(&db)
        .args(["migrate", "--to", &url])
        .output()?;
    assert_eq!(out.status.code(), Some(6), "{}", text(&out.stderr));
    Ok(())
}
