//! The HR CSV import, writing side: committing a file, importing a newer export over the stored
//! directory (updates, reactivation, missing employees, conflicts with stored rows), atomicity on
//! failure, defaults and progress reports. The sample files are described in
//! `assets/samples/README.md`. Shared fixtures live in `import_fixture/mod.rs`.

mod import_fixture;

use import_fixture::*;
use tandem_core::import::{self, Phase, Progress};
use tandem_core::{CoreError, Store};

#[test]
fn importing_the_same_file_twice_changes_nothing_the_second_time() -> TestResult {
    let mut store = Store::open_for_tests()?;
    let staged = stage_sample("hr-export-utf8bom-semicolon.csv")?;
    assert_eq!(commit_of(&mut store, &staged)?.created, 12);
    let before = dump(store.conn())?;
    std::thread::sleep(std::time::Duration::from_millis(5));

    assert_eq!(preview_of(&store, &staged)?.counts.unchanged, 12);
    let again = commit_of(&mut store, &staged)?;
    assert_eq!(
        (
            again.created,
            again.updated,
            again.unchanged,
            again.rejected
        ),
        (0, 0, 12, 0)
    );
    // Same rows, same updated_at: nothing was rewritten.
    assert_eq!(dump(store.conn())?, before);
    Ok(())
}

#[test]
fn a_changed_value_updates_only_that_employee() -> TestResult {
    let mut store = Store::open_for_tests()?;
    let original = String::from_utf8(sample("hr-export-utf8-comma.csv")?)?;
    commit_text(&mut store, &original)?;
    let promoted = original.replace("Commerciale junior,2", "Commerciale,3");
    let outcome = commit_text(&mut store, &promoted)?;
    assert_eq!((outcome.updated, outcome.unchanged), (1, 11));
    let db = snapshot(&store)?;
    assert_eq!(
        db.text("SELECT title FROM employee WHERE external_id = ?1", "E1005")?
            .as_deref(),
        Some("Commerciale")
    );
    assert_eq!(
        db.text(
            "SELECT search_text FROM employee WHERE external_id = ?1",
            "E1005"
        )?
        .as_deref(),
        Some(
            tandem_core::domain::text::employee_search_text(
                "Léa",
                "Rousseau",
                "lea.rousseau@exemple.fr",
                "Ventes",
                "Commerciale"
            )
            .as_str()
        )
    );
    Ok(())
}

#[test]
fn fields_the_file_does_not_map_keep_their_stored_values() -> TestResult {
    let mut store = Store::open_for_tests()?;
    // The French export sets roles, profiles and time zones; the by-email export has none of them.
    commit_of(
        &mut store,
        &stage_sample("hr-export-utf8bom-semicolon.csv")?,
    )?;
    let outcome = commit_of(&mut store, &stage_sample("hr-export-manager-by-email.csv")?)?;
    assert_eq!(outcome.updated + outcome.unchanged, 12);
    let db = snapshot(&store)?;
    let q = |column: &str| {
        db.text(
            &format!("SELECT {column} FROM employee WHERE external_id = ?1"),
            "E1006",
        )
    };
    assert_eq!(q("program_role")?.as_deref(), Some("mentee"));
    assert_eq!(q("adoption_profile")?.as_deref(), Some("anxious"));
    assert_eq!(q("title")?.as_deref(), Some("Directeur financier"));
    assert_eq!(q("hire_date")?.as_deref(), Some("2011-04-18"));
    assert_eq!(q("CAST(grade AS TEXT)")?.as_deref(), Some("9"));
    Ok(())
}

#[test]
fn an_employee_missing_from_a_newer_export_is_reported_and_stays_active() -> TestResult {
    let mut store = Store::open_for_tests()?;
    let original = String::from_utf8(sample("hr-export-utf8-comma.csv")?)?;
    commit_text(&mut store, &original)?;
    let without_manon: String = original
        .lines()
        .filter(|l| !l.starts_with("E1011,"))
        .map(|l| format!("{l}\n"))
        .collect();
    let staged = import::stage("newer.csv", without_manon.as_bytes())?;
    let preview = preview_of(&store, &staged)?;
    assert_eq!(preview.counts.missing_from_file, 1);
    assert_eq!(preview.missing[0].external_id, "E1011");
    assert_eq!(preview.missing[0].last_name, "Girard");
    let outcome = commit_of(&mut store, &staged)?;
    assert_eq!((outcome.missing_from_file, outcome.unchanged), (1, 11));
    let db = snapshot(&store)?;
    assert_eq!(
        db.text(
            "SELECT CAST(active AS TEXT) FROM employee WHERE external_id = ?1",
            "E1011"
        )?
        .as_deref(),
        Some("1")
    );
    Ok(())
}

#[test]
fn an_inactive_employee_found_in_the_file_is_reactivated_and_counted_as_updated() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("tandem.sqlite");
    let mut store = Store::open(&path)?;
    let staged = stage_sample("hr-export-utf8-comma.csv")?;
    commit_of(&mut store, &staged)?;
    side_connection(&path)?.execute(
        "UPDATE employee SET active = 0 WHERE external_id = 'E1011'",
        (),
    )?;
    let outcome = commit_of(&mut store, &staged)?;
    assert_eq!((outcome.updated, outcome.unchanged), (1, 11));
    let active: i64 = side_connection(&path)?.query_row(
        "SELECT active FROM employee WHERE external_id = 'E1011'",
        (),
        |r| r.get(0),
    )?;
    assert_eq!(active, 1);
    Ok(())
}

#[test]
fn an_email_held_by_another_employee_in_tandem_is_a_duplicate() -> TestResult {
    let mut store = Store::open_for_tests()?;
    commit_of(&mut store, &stage_sample("hr-export-utf8-comma.csv")?)?;
    let csv = "id,first name,last name,email\nE9000,Claire,Moreau-Petit,Claire.Moreau@exemple.fr\n";
    let preview = preview_of(&store, &import::stage("x.csv", csv.as_bytes())?)?;
    assert_eq!(
        reasons(&preview),
        vec![(2, Some("E9000"), "duplicate_email")]
    );
    assert!(preview.rejected[0].message.contains("E1001"));
    let detail = &preview.rejected[0].details[0];
    assert_eq!(detail.key.as_str(), "email_owned");
    assert_eq!(
        detail.params,
        vec![
            ("email", "claire.moreau@exemple.fr".to_owned()),
            ("owner", "Claire Moreau".to_owned()),
            ("owner_id", "E1001".to_owned()),
        ]
    );
    Ok(())
}

#[test]
fn a_cycle_through_reporting_lines_already_in_tandem_is_rejected() -> TestResult {
    let mut store = Store::open_for_tests()?;
    commit_of(&mut store, &stage_sample("hr-export-utf8-comma.csv")?)?;
    // In Tandem, E1003 reports to E1002 who reports to E1001; making E1001 report to E1003 loops.
    let csv = "id,first name,last name,email,manager id\n\
               E1001,Claire,Moreau,claire.moreau@exemple.fr,E1003\n";
    let preview = preview_of(&store, &import::stage("x.csv", csv.as_bytes())?)?;
    assert_eq!(
        reasons(&preview),
        vec![(2, Some("E1001"), "reporting_cycle")]
    );
    // The same change together with E1002 now reporting to nobody is fine.
    let csv = "id,first name,last name,email,manager id\n\
               E1001,Claire,Moreau,claire.moreau@exemple.fr,E1003\n\
               E1002,Hugo,Lefebvre,hugo.lefebvre@exemple.fr,\n";
    let preview = preview_of(&store, &import::stage("x.csv", csv.as_bytes())?)?;
    assert!(preview.rejected.is_empty(), "{:?}", preview.rejected);
    assert_eq!(preview.counts.updated, 2);
    Ok(())
}

#[test]
fn a_failure_in_the_middle_of_a_commit_leaves_the_database_exactly_as_it_was() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("tandem.sqlite");
    let mut store = Store::open(&path)?;
    let original = String::from_utf8(sample("hr-export-utf8-comma.csv")?)?;
    commit_text(&mut store, &original)?;
    // A store-level failure no validation foresees, in the last write of the commit (updating
    // E1005, after the two new employees were inserted).
    let side = side_connection(&path)?;
    side.execute_batch(
        "CREATE TRIGGER refuse_e1005 BEFORE UPDATE ON employee WHEN NEW.external_id = 'E1005'
         BEGIN SELECT RAISE(ABORT, 'injected failure'); END;",
    )?;
    let before = dump(&side)?;

    let mut csv = original.replace("Commerciale junior,2", "Commerciale,3");
    csv.push_str("E1013,Yanis,Benali,yanis.benali@exemple.fr,Ventes,Commercial,2,E1004,Lyon,fr,2024-09-02,,\n");
    csv.push_str(
        "E2007,Sami,Haddad,sami.haddad@exemple.fr,Ventes,Commercial,2,E1013,Lyon,fr,2024-09-02,,\n",
    );
    let staged = import::stage("newer.csv", csv.as_bytes())?;
    let preview = preview_of(&store, &staged)?;
    assert_eq!((preview.counts.new, preview.counts.updated), (2, 1));

    let result = commit_of(&mut store, &staged);
    assert!(matches!(result, Err(CoreError::Storage(_))), "{result:?}");
    assert_eq!(dump(&side)?, before);
    Ok(())
}

#[test]
fn a_name_starting_with_an_equals_sign_is_stored_as_typed() -> TestResult {
    let mut store = Store::open_for_tests()?;
    let outcome = commit_of(&mut store, &stage_sample("hr-export-with-errors.csv")?)?;
    assert_eq!((outcome.created, outcome.rejected), (4, 17));
    let db = snapshot(&store)?;
    assert_eq!(
        db.text(
            "SELECT last_name FROM employee WHERE external_id = ?1",
            "E3018"
        )?
        .as_deref(),
        Some("=Martin")
    );
    Ok(())
}

#[test]
fn progress_is_reported_per_phase_about_once_per_percent_and_ends_at_the_total() -> TestResult {
    let mut store = Store::open_for_tests()?;
    let mut csv = String::from("id,first name,last name,email\n");
    for i in 0..1000 {
        csv.push_str(&format!("P{i},Prénom{i},Nom{i},p{i}@exemple.fr\n"));
    }
    let staged = import::stage("x.csv", csv.as_bytes())?;
    let mut seen: Vec<Progress> = Vec::new();
    import::commit(&mut store, &staged, &staged.ignored_columns(), &mut |p| {
        seen.push(p)
    })?;
    for phase in [Phase::Reading, Phase::Checking, Phase::Writing] {
        let calls: Vec<&Progress> = seen.iter().filter(|p| p.phase == phase).collect();
        assert!(
            calls.len() >= 2 && calls.len() <= 102,
            "{phase:?}: {}",
            calls.len()
        );
        let last = calls.last().map(|p| (p.done, p.total));
        assert_eq!(last, Some((1000, 1000)), "{phase:?}");
    }
    Ok(())
}

#[test]
fn a_minimal_file_gets_the_default_grade_time_zone_and_role() -> TestResult {
    let mut store = Store::open_for_tests()?;
    commit_text(
        &mut store,
        "Matricule,Nom complet,Email\nK1,Rémi Fleury,remi@exemple.fr\n",
    )?;
    let db = snapshot(&store)?;
    let row: (i64, String, String, String) = db.conn.query_row(
        "SELECT grade, timezone, program_role, first_name || '/' || last_name FROM employee",
        (),
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    assert_eq!(
        row,
        (
            1,
            "Europe/Paris".into(),
            "none".into(),
            "Rémi/Fleury".into()
        )
    );
    Ok(())
}
