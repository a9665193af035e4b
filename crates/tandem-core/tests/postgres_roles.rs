//! Row-level security on the team database, tested as each person connecting with their own
//! login: what the app does for them works through PostgreSQL's policies, and what it refuses,
//! PostgreSQL refuses too when they type SQL in psql.
//!
//! Runs only on PostgreSQL (`TANDEM_TEST_ENGINE=postgres`, which `scripts/test.sh` sets for its
//! second pass); on SQLite each test returns at once. The world is the progress fixture: pair A is
//! Bruno ← Emma, B is Claire ← Félix; Agnès (the CEO) manages everyone but Hugo's people.

mod progress_fixture;

use progress_fixture::*;
use tandem_core::access;
use tandem_core::progress::{self, ManagerScope, PeoplePage};
use tandem_core::session;
use tandem_core::store::db::Connection;
use tandem_core::store::postgres::{self, testing, ServerSettings};
use tandem_core::{CoreResult, Store};

/// A person's login on the fixture's database: their store (as the app opens it) and a raw
/// connection (as psql would).
struct Login {
    store: Store,
    sql: Connection,
    _role: testing::DropRole,
}

fn login_as(w: &mut World, key: &str) -> CoreResult<Login> {
    let database = testing::database_of(&w.store)
        .map(str::to_owned)
        .unwrap_or_default();
    let (name, password, role) = testing::login_role(key)?;
    let person = w.id(key);
    access::link_login(&mut w.store, &name, Some(person), false, now())?;
    let mut settings: ServerSettings = testing::settings_for(&database)?;
    settings.user = name;
    settings.password = Some(password);
    Ok(Login {
        store: postgres::open(&settings)?,
        sql: testing::raw_connection(&settings)?,
        _role: role,
    })
}

fn count(conn: &Connection, sql: &str) -> CoreResult<i64> {
    Ok(conn.query_row(sql, (), |r| r.get(0))?)
}

fn pair_clause(w: &World, key: &str) -> String {
    format!("'{}'", w.pairs[key])
}

#[test]
fn every_table_has_row_level_security() -> CoreResult<()> {
    if !testing::selected() {
        return Ok(());
    }
    let w = world()?;
    let open: Vec<String> = w
        .store
        .conn()
        .prepare(
            "SELECT CAST(relname AS TEXT) FROM pg_class
             WHERE relkind = 'r' AND relnamespace = CAST('public' AS regnamespace)
               AND NOT relrowsecurity ORDER BY relname",
        )?
        .query_map((), |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    assert_eq!(open, ["tandem_schema"], "tables without row-level security");
    Ok(())
}

#[test]
fn a_mentee_reads_and_changes_their_own_pair_and_nothing_else() -> CoreResult<()> {
    if !testing::selected() {
        return Ok(());
    }
    let mut w = world()?;
    let bruno = login_as(&mut w, "bruno")?;
    let sql = &bruno.sql;
    let (a, b) = (pair_clause(&w, "A"), pair_clause(&w, "B"));

    // Through the app: his pair page with its private notes; another pair is refused.
    let page = session::pair_page(&bruno.store, w.pairs["A"], now())?;
    assert!(page
        .timeline
        .iter()
        .filter_map(|t| t.log.as_ref())
        .any(|l| l.private_notes.contains(PRIVATE_MARKER)));
    assert_eq!(session::my_pairs(&bruno.store, now())?.len(), 2);

    // In SQL: his pair's notes, no other pair's, no proposal, no exclusion, no one else's login.
    let notes_of = |pair: &str| {
        format!(
            "SELECT COUNT(*) FROM session_log l JOIN session s ON s.id = l.session_id
             WHERE s.pair_id = {pair} AND l.private_notes LIKE '%{PRIVATE_MARKER}%'"
        )
    };
    assert!(count(sql, &notes_of(&a))? > 0);
    assert_eq!(count(sql, &notes_of(&b))?, 0);
    assert_eq!(
        count(
            sql,
            "SELECT COUNT(*) FROM program_pair WHERE status <> 'approved'"
        )?,
        0,
        "the matching's proposals are HR's"
    );
    assert_eq!(count(sql, "SELECT COUNT(*) FROM program_exclusion")?, 0);
    assert_eq!(count(sql, "SELECT COUNT(*) FROM tandem_login")?, 1);
    // Denis is neither under Bruno nor paired with him (Claire, under him, would be visible).
    let denis_profile = format!(
        "SELECT COUNT(*) FROM skill_level WHERE employee_id = '{}'",
        w.id("denis")
    );
    assert_eq!(count(sql, &denis_profile)?, 0);
    assert!(count(w.store.conn(), &denis_profile)? > 0);

    // Forbidden changes: refused, or touching no row.
    let bruno_id = w.id("bruno");
    assert!(sql
        .execute_batch(&format!(
            "UPDATE employee SET title = 'CEO' WHERE id = '{bruno_id}'"
        ))
        .is_err());
    assert!(sql
        .execute_batch(
            "INSERT INTO employee (id, external_id, first_name, last_name, email, created_at, updated_at)
             VALUES ('x', 'X', 'X', 'X', 'x@example.com', '', '')"
        )
        .is_err());
    assert!(sql
        .execute_batch(&format!(
            "INSERT INTO charter_acknowledgement (program_id, employee_id, acknowledged_at)
             VALUES ('{}', '{}', '2031-01-01T00:00:00Z')",
            w.p,
            w.id("jules")
        ))
        .is_err());
    for untouched in [
        format!("DELETE FROM session WHERE pair_id = {b}"),
        format!("UPDATE session_log SET summary = 'x' WHERE session_id IN (SELECT id FROM session WHERE pair_id = {b})"),
        "UPDATE tandem_login SET hr_admin = TRUE".to_owned(),
        "DELETE FROM program_pair".to_owned(),
        format!("UPDATE employee SET title = 'x' WHERE id = '{}'", w.id("claire")),
        format!("UPDATE employee SET title = 'x' WHERE id = '{}'", w.id("jules")),
    ] {
        assert_eq!(sql.execute(&untouched, ())?, 0, "{untouched}");
    }
    assert!(!access::whoami(&bruno.store)?.hr);

    // What the app lets him do goes through the policies: his profile, a session of his pair,
    // his charter, his followers.
    let mut store = bruno.store;
    let mut own = tandem_core::directory::get_employee(&store, bruno_id)?.employee;
    own.interests = vec!["podcasts".into()];
    let draft = tandem_core::domain::EmployeeDraft {
        external_id: own.external_id,
        first_name: own.first_name,
        last_name: own.last_name,
        email: own.email,
        department: own.department,
        title: own.title,
        grade: own.grade,
        manager_id: own.manager_id,
        site: own.site,
        timezone: own.timezone,
        languages: own.languages,
        hire_date: own.hire_date,
        role: Some(own.role),
        adoption_profile: own.adoption_profile,
        availability: own.availability,
        interests: own.interests,
        skills: own.skills,
    };
    let saved = tandem_core::directory::update_employee(&mut store, bruno_id, draft, None)?;
    assert_eq!(saved.employee.interests, ["podcasts"]);
    let slot = session::SessionTime {
        starts_at: at("2031-05-26T09:00:00Z"),
        ends_at: at("2031-05-26T10:00:00Z"),
    };
    session::create_session(&mut store, w.pairs["A"], slot, "", now())?;
    session::acknowledge_charter(&mut store, w.p, bruno_id, now())?;
    progress::set_employee_audience(
        &mut store,
        bruno_id,
        &[progress::AudienceChange {
            platform_id: "linkedin".into(),
            followers: Some(1500),
        }],
    )?;
    assert_eq!(
        count(
            w.store.conn(),
            &format!("SELECT COUNT(*) FROM session WHERE pair_id = {b}")
        )?,
        4
    );
    Ok(())
}

#[test]
fn a_manager_reads_summaries_of_their_people_but_no_private_note_and_no_rating() -> CoreResult<()> {
    if !testing::selected() {
        return Ok(());
    }
    let mut w = world()?;
    let ceo = login_as(&mut w, "ceo")?;
    let sql = &ceo.sql;
    assert_eq!(count(sql, "SELECT COUNT(*) FROM session_log")?, 0);
    assert_eq!(
        count(
            sql,
            "SELECT COUNT(*) FROM session_log WHERE mentee_rating IS NOT NULL OR mentor_rating IS NOT NULL"
        )?,
        0
    );
    assert!(
        count(
            sql,
            "SELECT COUNT(*) FROM session_shared WHERE summary <> ''"
        )? > 0
    );
    assert!(sql
        .execute_batch(&format!(
            "INSERT INTO session (id, pair_id, starts_at, ends_at, timezone, status, created_at, updated_at)
             VALUES ('s', {}, '2031-05-01T09:00:00Z', '2031-05-01T10:00:00Z', 'Europe/Paris', 'planned', '', '')",
            pair_clause(&w, "A")
        ))
        .is_err());

    // Through the app: the manager view of his people, with summaries and never a note.
    let scope = ManagerScope::Manager(w.id("ceo"));
    let view = progress::manager_view(&ceo.store, &scope, PeoplePage::first(50), now())?;
    assert_eq!(view.people.len(), 5);
    assert!(view.people.iter().any(|p| !p.summaries.is_empty()));
    assert!(!format!("{view:?}").contains(PRIVATE_MARKER));
    let bruno = progress::mentee_progress(&ceo.store, w.id("bruno"), None, now())?;
    assert!(bruno.session_list.iter().any(|s| !s.summary.is_empty()));
    assert!(bruno
        .session_list
        .iter()
        .all(|s| s.mentee_rating.is_none() && s.mentor_rating.is_none()));
    Ok(())
}

#[test]
fn a_mentor_confirms_levels_and_another_mentor_sees_none_of_the_pair() -> CoreResult<()> {
    if !testing::selected() {
        return Ok(());
    }
    let mut w = world()?;
    let emma = login_as(&mut w, "emma")?;
    let mut store = emma.store;
    let log = session::confirm_self_assessment(&mut store, w.session("a2"), now())?;
    assert!(log
        .self_assessments
        .iter()
        .all(|s| s.confirmed_at.is_some()));

    let felix = login_as(&mut w, "felix")?;
    let a = pair_clause(&w, "A");
    for table in ["session_log", "session_topic", "self_assessment"] {
        let sql = format!(
            "SELECT COUNT(*) FROM {table} x JOIN session s ON s.id = x.session_id WHERE s.pair_id = {a}"
        );
        assert_eq!(count(&felix.sql, &sql)?, 0, "{table}");
    }
    Ok(())
}

#[test]
fn a_change_in_the_reporting_line_changes_what_a_manager_sees_at_once() -> CoreResult<()> {
    if !testing::selected() {
        return Ok(());
    }
    let mut w = world()?;
    let bruno = login_as(&mut w, "bruno")?;
    let jules = w.id("jules");
    let record = format!("SELECT COUNT(*) FROM employee WHERE id = '{jules}'");
    assert_eq!(count(&bruno.sql, &record)?, 0);

    // HR moves Jules under Bruno: his next statement sees Jules.
    w.store.conn().execute(
        "UPDATE employee SET manager_id = ?1 WHERE id = ?2",
        [w.id("bruno").to_string(), jules.to_string()],
    )?;
    assert_eq!(count(&bruno.sql, &record)?, 1);
    Ok(())
}

#[test]
fn what_a_login_may_see_follows_approvals_and_login_links_at_once() -> CoreResult<()> {
    if !testing::selected() {
        return Ok(());
    }
    // The sets the policies check are kept per login between statements (migration 014): each
    // change they depend on must show in the next statement, never one later.
    let mut w = world()?;
    let felix = login_as(&mut w, "felix")?;
    let ines = w.id("ines");
    let her_record = format!("SELECT COUNT(*) FROM employee WHERE id = '{ines}'");
    let his_pairs = "SELECT COUNT(*) FROM program_pair";
    assert_eq!(count(&felix.sql, &her_record)?, 0);
    let before = count(&felix.sql, his_pairs)?;

    // HR approves the proposed Inès ← Félix: he sees the pair and her record.
    tandem_core::program::approve_pair(&mut w.store, w.p, ines, None)?;
    assert_eq!(count(&felix.sql, his_pairs)?, before + 1);
    assert_eq!(count(&felix.sql, &her_record)?, 1);

    // HR links his login to Denis instead (mentee of C, manager of Emma in A and of Jules in E):
    // the same connection now sees what Denis sees, and nothing of Félix's pair B.
    let login: String = felix
        .sql
        .query_row("SELECT CAST(session_user AS TEXT)", (), |r| r.get(0))?;
    access::unlink_login(&mut w.store, &login)?;
    let denis = w.id("denis");
    access::link_login(&mut w.store, &login, Some(denis), false, now())?;
    assert_eq!(count(&felix.sql, &her_record)?, 0);
    let (b, c) = (pair_clause(&w, "B"), pair_clause(&w, "C"));
    assert_eq!(count(&felix.sql, his_pairs)?, 3);
    let pair = |key: &str| format!("SELECT COUNT(*) FROM program_pair WHERE id = {key}");
    assert_eq!(count(&felix.sql, &pair(&c))?, 1);
    assert_eq!(count(&felix.sql, &pair(&b))?, 0);
    Ok(())
}

#[test]
fn a_person_writes_their_own_preferences_and_no_one_elses() -> CoreResult<()> {
    if !testing::selected() {
        return Ok(());
    }
    let mut w = world()?;
    let mut bruno = login_as(&mut w, "bruno")?;
    let claire = login_as(&mut w, "claire")?;
    // Through the app: his own language, which Claire's Tandem does not follow.
    tandem_core::settings::set_language(&mut bruno.store, tandem_core::settings::Language::En)?;
    // The database's shared value (on a team database only HR writes it).
    w.store.conn().execute(
        "INSERT INTO app_setting (key, value) VALUES ('language', 'fr')
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (),
    )?;
    assert_eq!(
        tandem_core::settings::language(&bruno.store)?,
        Some(tandem_core::settings::Language::En)
    );
    assert_eq!(
        tandem_core::settings::language(&claire.store)?,
        Some(tandem_core::settings::Language::Fr)
    );
    // In psql: the shared values, HR's remembered mappings and Claire's own are out of reach.
    let claire_login: String =
        claire
            .sql
            .query_row("SELECT CAST(session_user AS TEXT)", (), |r| r.get(0))?;
    assert_eq!(
        bruno.sql.execute(
            "UPDATE app_setting SET value = 'en' WHERE key = 'language'",
            ()
        )?,
        0
    );
    assert_eq!(
        tandem_core::settings::language(&claire.store)?,
        Some(tandem_core::settings::Language::Fr),
        "the shared value did not change"
    );
    for refused in [
        "INSERT INTO app_setting (key, value) VALUES ('import_mappings', '[]')".to_owned(),
        format!("INSERT INTO app_setting (key, value) VALUES ('language:{claire_login}', 'en')"),
    ] {
        assert!(bruno.sql.execute_batch(&refused).is_err(), "{refused}");
    }
    assert_eq!(
        bruno.sql.execute(
            "DELETE FROM app_setting WHERE key <> 'language:' || session_user",
            ()
        )?,
        0
    );
    Ok(())
}
