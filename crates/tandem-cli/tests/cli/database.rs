//! `backup`, `restore`, `check`, and `migrate` into a team database (with the permissions of
//! whoever signs in there).

use std::path::PathBuf;

use super::support::*;

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
