//! Team mode on a real PostgreSQL server: opening, refusing what cannot be opened, two clients on
//! one database, and moving a solo file into an empty team database.
//!
//! These tests need the test command's throwaway server (`TANDEM_TEST_POSTGRES`, set by
//! `scripts/test.sh`). Without it they say so and pass, unless `CI` is set, where a missing server
//! is a failure. The rest of the core's tests run on PostgreSQL too, with
//! `TANDEM_TEST_ENGINE=postgres`.

use chrono::{NaiveDate, TimeZone, Utc};
use tandem_core::directory::{create_employee, get_employee, list_employees, DirectoryQuery};
use tandem_core::domain::EmployeeDraft;
use tandem_core::store::postgres::{self, testing, ServerSettings, TlsMode};
use tandem_core::store::{dump, transfer, Engine};
use tandem_core::{demo, progress, CoreError, RefusalKey, Store};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The test server, or `None` (and a note) when the test command did not start one.
fn server() -> Option<String> {
    let url = testing::server_url();
    if url.is_none() {
        assert!(
            std::env::var("CI").is_err(),
            "TANDEM_TEST_POSTGRES is not set: CI must run the PostgreSQL tests"
        );
        eprintln!("no test PostgreSQL server: run the tests through scripts/test.sh");
    }
    url
}

fn draft(external_id: &str, first: &str, last: &str) -> EmployeeDraft {
    EmployeeDraft {
        external_id: external_id.into(),
        first_name: first.into(),
        last_name: last.into(),
        email: format!(
            "{}.{}@exemple.fr",
            first.to_lowercase(),
            last.to_lowercase()
        ),
        department: "Ventes".into(),
        grade: 3,
        timezone: "Europe/Paris".into(),
        languages: vec!["fr".into()],
        ..EmployeeDraft::default()
    }
}

fn refusal(result: Result<Store, CoreError>) -> Option<(&'static str, RefusalKey)> {
    let e = result.err()?;
    Some((e.code(), e.refusal_key()?))
}

#[test]
fn an_empty_database_is_given_tandems_schema_and_a_second_client_sees_the_first_ones_changes(
) -> TestResult {
    if server().is_none() {
        return Ok(());
    }
    let (settings, _guard) = testing::empty_database()?;
    let mut first = postgres::open(&settings)?;
    assert_eq!(first.engine(), Engine::Postgres);
    let second = postgres::open(&settings)?;
    let created = create_employee(&mut first, draft("T1", "Inès", "Moreau"))?;
    let seen = get_employee(&second, created.employee.id)?;
    assert_eq!(seen.employee.first_name, "Inès");
    let page = list_employees(&second, &DirectoryQuery::default())?;
    assert_eq!(page.total, 1);
    Ok(())
}

#[test]
fn a_wrong_password_is_refused_in_words_and_writes_nothing() -> TestResult {
    if server().is_none() {
        return Ok(());
    }
    let (mut settings, _guard) = testing::empty_database()?;
    settings.password = Some("not-the-password".into());
    assert_eq!(
        refusal(postgres::open(&settings)),
        Some(("connection", RefusalKey::WrongPassword))
    );
    Ok(())
}

#[test]
fn a_server_that_is_down_is_unreachable_not_a_crash() -> TestResult {
    if server().is_none() {
        return Ok(());
    }
    let mut settings = testing::settings_for("postgres")?;
    // A port nobody listens on: bind one, then let it go.
    let port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    settings.port = port;
    assert_eq!(
        refusal(postgres::open(&settings)),
        Some(("connection", RefusalKey::ServerUnreachable))
    );
    Ok(())
}

#[test]
fn tls_is_verified_against_the_ca_file_and_a_wrong_ca_is_refused() -> TestResult {
    if server().is_none() {
        return Ok(());
    }
    let Ok(ca) = std::env::var("TANDEM_TEST_POSTGRES_CA") else {
        panic!("the test server's CA file is not set");
    };
    let (mut settings, _guard) = testing::empty_database()?;
    settings.host = "localhost".into();
    settings.tls = TlsMode::VerifyFull;
    settings.ca_file = Some(ca.into());
    postgres::open(&settings)?;

    // Any other CA: the server's certificate does not chain to it.
    let dir = tempfile::tempdir()?;
    let other = dir.path().join("other-ca.pem");
    let status = std::process::Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
        ])
        .args(["-subj", "/CN=Some other CA", "-keyout"])
        .arg(dir.path().join("other.key"))
        .arg("-out")
        .arg(&other)
        .stderr(std::process::Stdio::null())
        .status()?;
    assert!(status.success());
    settings.ca_file = Some(other);
    assert_eq!(
        refusal(postgres::open(&settings)),
        Some(("connection", RefusalKey::TlsRefused))
    );

    // A CA file that is not a certificate.
    let junk = dir.path().join("junk.pem");
    std::fs::write(&junk, "not a certificate")?;
    settings.ca_file = Some(junk);
    assert_eq!(
        refusal(postgres::open(&settings)),
        Some(("connection", RefusalKey::CaFileUnreadable))
    );
    Ok(())
}

#[test]
fn a_plain_connection_goes_only_to_this_computer() {
    let settings = ServerSettings {
        host: "db.example.com".into(),
        port: 5432,
        database: "tandem".into(),
        user: "hr".into(),
        password: Some("secret".into()),
        tls: TlsMode::Disable,
        ca_file: None,
    };
    assert_eq!(
        refusal(postgres::open(&settings)),
        Some(("connection", RefusalKey::PlainConnectionNotLocal))
    );
    // The password never shows in logs.
    assert!(!format!("{settings:?}").contains("secret"));
}

#[test]
fn a_server_url_reads_like_libpq_and_tls_is_required_by_default() -> TestResult {
    let s = ServerSettings::from_url(
        "postgresql://hr:p%40ss@db.example.com:5433/tandem?sslmode=verify-full&sslrootcert=/etc/ca.pem",
    )?;
    assert_eq!(
        (
            s.host.as_str(),
            s.port,
            s.database.as_str(),
            s.user.as_str()
        ),
        ("db.example.com", 5433, "tandem", "hr")
    );
    assert_eq!(s.password.as_deref(), Some("p@ss"));
    assert_eq!(s.tls, TlsMode::VerifyFull);
    assert_eq!(s.ca_file, Some("/etc/ca.pem".into()));
    let default = ServerSettings::from_url("postgresql://hr@db.example.com/tandem")?;
    assert_eq!((default.tls, default.port), (TlsMode::Require, 5432));
    assert!(!default.display_url().contains("p@ss"));
    assert!(ServerSettings::from_url("postgresql://hr@h/t?sslmode=allow").is_err());
    // An address with no user, or an empty one, names nobody to sign in as.
    assert!(ServerSettings::from_url("postgresql://@db.example.com/tandem").is_err());
    assert!(ServerSettings::from_url("postgres://@").is_err());
    Ok(())
}

#[test]
fn a_database_that_is_not_tandems_is_refused_untouched() -> TestResult {
    if server().is_none() {
        return Ok(());
    }
    let (settings, _guard) = testing::empty_database()?;
    {
        let raw = testing::raw_connection(&settings)?;
        raw.execute_batch("CREATE TABLE invoices (id integer); INSERT INTO invoices VALUES (1);")?;
    }
    assert_eq!(
        refusal(postgres::open(&settings)),
        Some(("database", RefusalKey::NotTandemDatabase))
    );
    let raw = testing::raw_connection(&settings)?;
    assert_eq!(dump::table_names(&raw)?, vec!["invoices".to_owned()]);
    Ok(())
}

#[test]
fn a_database_of_a_newer_tandem_is_refused_untouched() -> TestResult {
    if server().is_none() {
        return Ok(());
    }
    let (settings, _guard) = testing::empty_database()?;
    let mut store = postgres::open(&settings)?;
    create_employee(&mut store, draft("T1", "Inès", "Moreau"))?;
    drop(store);
    let raw = testing::raw_connection(&settings)?;
    raw.execute_batch("UPDATE tandem_schema SET version = version + 1")?;
    let before = dump::dump(&raw)?;
    assert_eq!(
        refusal(postgres::open(&settings)),
        Some(("database", RefusalKey::DatabaseTooNew))
    );
    assert_eq!(dump::dump(&raw)?, before);
    Ok(())
}

#[test]
fn the_demo_file_moved_into_an_empty_team_database_gives_the_same_dashboard() -> TestResult {
    if server().is_none() {
        return Ok(());
    }
    let mut solo = Store::open_in_memory()?;
    let today = NaiveDate::from_ymd_opt(2026, 11, 2).ok_or("date")?;
    let load = demo::load_demo_with_program(&mut solo, today)?;
    let (settings, _guard) = testing::empty_database()?;
    let team = postgres::open(&settings)?;
    let counts = transfer::copy_database(solo.conn(), team.conn())?;
    let copied: Vec<(String, i64)> = dump::table_counts(solo.conn())?
        .into_iter()
        .filter(|(t, _)| !transfer::TEAM_OWN.contains(&t.as_str()))
        .collect();
    assert_eq!(counts, copied);
    // The login that moved the file stays the team database's HR administrator.
    assert!(team.actor().hr && team.actor().login.is_some());
    let shared_logs: i64 =
        team.conn()
            .query_row("SELECT COUNT(*) FROM session_shared", (), |r| r.get(0))?;
    let logs: i64 = solo
        .conn()
        .query_row("SELECT COUNT(*) FROM session_log", (), |r| r.get(0))?;
    assert_eq!(
        shared_logs, logs,
        "every copied log is shared through session_shared"
    );
    assert_eq!(
        tandem_core::access::list_logins(&team)?
            .iter()
            .filter(|l| l.hr_admin)
            .count(),
        1
    );
    assert!(counts.iter().any(|(t, n)| t == "session" && *n > 100));

    let now = Utc
        .with_ymd_and_hms(2026, 11, 2, 12, 0, 0)
        .single()
        .ok_or("now")?;
    let program = load.program.program_id;
    let on_file = progress::program_dashboard(&solo, program, now)?;
    let on_server = progress::program_dashboard(&team, program, now)?;
    assert_eq!(on_server, on_file);
    // Row for row the same, but for the team's own tables.
    let shared = |rows: Vec<String>| -> Vec<String> {
        rows.into_iter()
            .filter(|r| {
                !transfer::TEAM_OWN
                    .iter()
                    .any(|t| r.starts_with(&format!("{t}|")))
            })
            .collect()
    };
    assert_eq!(
        shared(dump::dump(team.conn())?),
        shared(dump::dump(solo.conn())?)
    );

    // A second move into the same (now full) database is refused and changes nothing.
    let before = dump::dump(team.conn())?;
    let again = transfer::copy_database(solo.conn(), team.conn());
    assert_eq!(
        again.err().and_then(|e| e.refusal_key()),
        Some(RefusalKey::TeamDatabaseNotEmpty)
    );
    assert_eq!(dump::dump(team.conn())?, before);
    Ok(())
}

fn refusal_params(e: &CoreError) -> Vec<(&'static str, String)> {
    e.refusal().map(|r| r.params.clone()).unwrap_or_default()
}

#[test]
fn two_clients_editing_one_employee_or_pair_the_stale_one_is_told_who_and_when() -> TestResult {
    if server().is_none() {
        return Ok(());
    }
    let (settings, _guard) = testing::empty_database()?;
    let mut first = postgres::open(&settings)?;
    let mut second = postgres::open(&settings)?;

    // An employee both screens opened at the same version.
    let created = create_employee(&mut first, draft("T1", "Inès", "Moreau"))?;
    let id = created.employee.id;
    let opened = get_employee(&second, id)?.version;
    let mut edit = draft("T1", "Inès", "Moreau");
    edit.title = "Cheffe de projet".into();
    tandem_core::directory::update_employee(&mut first, id, edit, Some(opened))?;
    let mut late = draft("T1", "Inès", "Moreau-Petit");
    late.title = "Directrice".into();
    let before = dump::dump(second.conn())?;
    let refused = tandem_core::directory::update_employee(&mut second, id, late, Some(opened))
        .err()
        .ok_or("a stale edit went through")?;
    assert_eq!(refused.refusal_key(), Some(RefusalKey::StaleRecord));
    let params = refusal_params(&refused);
    assert!(
        params.contains(&("who", "tandem_test".to_owned())),
        "{params:?}"
    );
    assert!(params
        .iter()
        .any(|(k, v)| *k == "changed_at" && v.starts_with("20")));
    assert_eq!(
        dump::dump(second.conn())?,
        before,
        "nothing was overwritten"
    );
    assert_eq!(
        get_employee(&second, id)?.employee.title,
        "Cheffe de projet"
    );

    // A pair, in a database with the demo program: one client locks it, the other changes the copy
    // it had.
    let (settings, _guard) = testing::empty_database()?;
    let mut first = postgres::open(&settings)?;
    let mut second = postgres::open(&settings)?;
    let today = NaiveDate::from_ymd_opt(2026, 11, 2).ok_or("date")?;
    let load = demo::load_demo_with_program(&mut first, today)?;
    let program = load.program.program_id;
    let pair = tandem_core::program::list_pairs(&second, program)?
        .into_iter()
        .next()
        .ok_or("the demo program has pairs")?;
    tandem_core::program::set_locked(&mut first, program, pair.mentee, true, Some(pair.version))?;
    let refused = tandem_core::program::set_locked(
        &mut second,
        program,
        pair.mentee,
        false,
        Some(pair.version),
    )
    .err()
    .ok_or("a stale change of the pair went through")?;
    assert_eq!(refused.refusal_key(), Some(RefusalKey::StaleRecord));
    let locked = tandem_core::program::list_pairs(&second, program)?
        .into_iter()
        .find(|p| p.mentee == pair.mentee)
        .ok_or("the pair is still there")?;
    assert!(locked.locked, "the first client's change stands");
    assert_eq!(locked.version, pair.version + 1);
    Ok(())
}

#[test]
fn a_connection_lost_in_the_middle_of_an_import_leaves_the_team_database_as_it_was() -> TestResult {
    if server().is_none() {
        return Ok(());
    }
    let (settings, _guard) = testing::empty_database()?;
    let mut store = postgres::open(&settings)?;
    let first = "id,first name,last name,email\nK1,Rémi,Fleury,remi@exemple.fr\n";
    tandem_core::import::commit(
        &mut store,
        &tandem_core::import::stage("a.csv", first.as_bytes())?,
        &[],
        &mut |_| {},
    )?;
    // The server cuts this very connection when the import reaches its third new person.
    {
        let raw = testing::raw_connection(&settings)?;
        raw.execute_batch(
            "CREATE FUNCTION cut() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); RETURN NEW; END; $$;
             CREATE TRIGGER cut BEFORE INSERT ON employee FOR EACH ROW
             WHEN (NEW.external_id = 'K4') EXECUTE FUNCTION cut();",
        )?;
    }
    let before = dump::dump(&testing::raw_connection(&settings)?)?;
    let second = "id,first name,last name,email\n\
                  K2,Anna,Blanc,anna@exemple.fr\nK3,Bruno,Noir,bruno@exemple.fr\n\
                  K4,Chloé,Vert,chloe@exemple.fr\nK5,Denis,Bleu,denis@exemple.fr\n";
    let result = tandem_core::import::commit(
        &mut store,
        &tandem_core::import::stage("b.csv", second.as_bytes())?,
        &[],
        &mut |_| {},
    );
    let error = result
        .err()
        .ok_or("the import went through a cut connection")?;
    assert_eq!(error.code(), "connection", "{error:?}");
    assert_eq!(error.refusal_key(), Some(RefusalKey::ConnectionLost));
    assert!(store.conn().is_closed());
    let after = dump::dump(&testing::raw_connection(&settings)?)?;
    assert_eq!(after, before, "no row of the cut import was kept");
    Ok(())
}
