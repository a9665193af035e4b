//! The HR CSV import, end to end: stage a file, preview it, commit it, on a real (mostly in-memory)
//! database. The sample files in `assets/samples` and their expected counts are described in
//! `assets/samples/README.md`; a change there must change the tables below.

use std::path::PathBuf;

use rusqlite::types::ValueRef;
use rusqlite::Connection;
use tandem_core::import::{
    self, ColumnMapping, ImportField, ImportOutcome, ImportPreview, Phase, Progress, RejectReason,
    StagedImport,
};
use tandem_core::{CoreError, CoreResult, Store};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn sample(name: &str) -> Result<Vec<u8>, std::io::Error> {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "..",
        "..",
        "assets",
        "samples",
        name,
    ]
    .iter()
    .collect();
    std::fs::read(path)
}

fn quiet() -> impl FnMut(Progress) {
    |_| {}
}

fn stage_sample(name: &str) -> Result<StagedImport, Box<dyn std::error::Error>> {
    Ok(import::stage(name, &sample(name)?)?)
}

fn preview_of(store: &Store, staged: &StagedImport) -> CoreResult<ImportPreview> {
    import::preview(store, staged, &mut quiet())
}

fn commit_of(store: &mut Store, staged: &StagedImport) -> CoreResult<ImportOutcome> {
    import::commit(store, staged, &mut quiet())
}

fn commit_text(store: &mut Store, csv: &str) -> CoreResult<ImportOutcome> {
    let staged = import::stage("export.csv", csv.as_bytes())?;
    commit_of(store, &staged)
}

/// Every row of every table as text, sorted: two equal dumps mean two identical databases.
fn dump(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\""))?;
        let width = stmt.column_count();
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let mut cells = vec![table.clone()];
            for i in 0..width {
                cells.push(match row.get_ref(i)? {
                    ValueRef::Null => "NULL".to_owned(),
                    ValueRef::Integer(v) => v.to_string(),
                    ValueRef::Real(v) => v.to_string(),
                    ValueRef::Text(v) | ValueRef::Blob(v) => {
                        String::from_utf8_lossy(v).into_owned()
                    }
                });
            }
            out.push(cells.join("|"));
        }
    }
    out.sort();
    Ok(out)
}

/// A read-only look at an in-memory store, through a backup into a temporary file.
struct Snapshot {
    _dir: tempfile::TempDir,
    conn: Connection,
}

fn snapshot(store: &Store) -> Result<Snapshot, Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("snapshot.sqlite");
    store.backup_to(&path)?;
    let conn = Connection::open(&path)?;
    Ok(Snapshot { _dir: dir, conn })
}

impl Snapshot {
    fn text(&self, sql: &str, external_id: &str) -> rusqlite::Result<Option<String>> {
        self.conn.query_row(sql, [external_id], |r| r.get(0))
    }

    fn count(&self, sql: &str) -> rusqlite::Result<i64> {
        self.conn.query_row(sql, [], |r| r.get(0))
    }
}

fn reasons(preview: &ImportPreview) -> Vec<(u64, Option<&str>, &'static str)> {
    preview
        .rejected
        .iter()
        .map(|r| (r.line, r.external_id.as_deref(), r.reason.as_str()))
        .collect()
}

#[test]
fn every_sample_file_is_read_with_its_encoding_and_delimiter() -> TestResult {
    // file, encoding, delimiter, data rows, new on an empty database, rejected
    let cases = [
        ("hr-export-utf8-comma.csv", "UTF-8", ',', 12, 12, 0),
        ("hr-export-utf8bom-semicolon.csv", "UTF-8", ';', 12, 12, 0),
        ("hr-export-utf16-tab.txt", "UTF-16LE", '\t', 12, 12, 0),
        (
            "hr-export-cp1252-semicolon.csv",
            "windows-1252",
            ';',
            10,
            10,
            0,
        ),
        ("hr-export-manager-by-email.csv", "UTF-8", ',', 12, 12, 0),
        ("hr-export-with-errors.csv", "UTF-8", ',', 21, 4, 17),
    ];
    for (file, encoding, delimiter, rows, new, rejected) in cases {
        let store = Store::open_in_memory()?;
        let staged = stage_sample(file)?;
        assert_eq!(staged.encoding(), encoding, "{file}");
        assert_eq!(staged.delimiter(), delimiter, "{file}");
        assert_eq!(staged.row_count(), rows, "{file}");
        let preview = preview_of(&store, &staged)?;
        assert!(preview.missing_required.is_empty(), "{file}");
        assert_eq!(preview.counts.new, new, "{file}: {:?}", preview.rejected);
        assert_eq!(preview.counts.rejected, rejected, "{file}");
        assert_eq!(preview.total_rows, rows, "{file}");
    }
    Ok(())
}

#[test]
fn accented_names_survive_every_encoding() -> TestResult {
    let mut store = Store::open_in_memory()?;
    commit_of(&mut store, &stage_sample("hr-export-cp1252-semicolon.csv")?)?;
    commit_of(&mut store, &stage_sample("hr-export-utf16-tab.txt")?)?;
    let db = snapshot(&store)?;
    let last = "SELECT last_name FROM employee WHERE external_id = ?1";
    let first = "SELECT first_name FROM employee WHERE external_id = ?1";
    assert_eq!(db.text(last, "E2002")?.as_deref(), Some("Cœurdevey"));
    assert_eq!(db.text(last, "E2003")?.as_deref(), Some("Œhmichen"));
    assert_eq!(db.text(first, "E2004")?.as_deref(), Some("Maëlle"));
    assert_eq!(db.text(last, "E2004")?.as_deref(), Some("Besançon"));
    assert_eq!(db.text(last, "E2001")?.as_deref(), Some("Lefèvre"));
    // The UTF-16 file has full names only: split on the first space.
    assert_eq!(db.text(first, "E1007")?.as_deref(), Some("Inès"));
    assert_eq!(db.text(last, "E1007")?.as_deref(), Some("Fontaine"));
    Ok(())
}

#[test]
fn english_and_french_headers_map_to_the_same_fields() -> TestResult {
    use ImportField::*;
    let english = stage_sample("hr-export-utf8-comma.csv")?;
    assert_eq!(
        english.mapping().columns,
        vec![
            Some(ExternalId),
            Some(FirstName),
            Some(LastName),
            Some(Email),
            Some(Department),
            Some(Title),
            Some(Grade),
            Some(ManagerExternalId),
            Some(Site),
            Some(Languages),
            Some(HireDate),
            Some(Interests),
            None, // Notes
        ]
    );
    let french = stage_sample("hr-export-utf8bom-semicolon.csv")?;
    assert_eq!(
        french.headers()[0],
        "Matricule",
        "the BOM is not part of the first header"
    );
    assert_eq!(
        french.mapping().columns,
        vec![
            Some(ExternalId),
            Some(LastName),
            Some(FirstName),
            Some(Email),
            Some(Department),
            Some(Title),
            Some(Grade),
            Some(ManagerExternalId),
            Some(Site),
            Some(Timezone),
            Some(Languages),
            Some(HireDate),
            Some(Role),
            Some(AdoptionProfile),
        ]
    );
    let tab = stage_sample("hr-export-utf16-tab.txt")?;
    assert_eq!(
        tab.mapping().columns,
        vec![
            Some(ExternalId),
            Some(FullName),
            Some(Email),
            Some(Department),
            Some(Title),
            Some(Grade),
            Some(ManagerExternalId),
            Some(HireDate),
        ]
    );
    Ok(())
}

#[test]
fn french_values_for_dates_roles_profiles_and_languages_are_understood() -> TestResult {
    let mut store = Store::open_in_memory()?;
    commit_of(
        &mut store,
        &stage_sample("hr-export-utf8bom-semicolon.csv")?,
    )?;
    let db = snapshot(&store)?;
    let q = |column: &str, id: &str| {
        db.text(
            &format!("SELECT {column} FROM employee WHERE external_id = ?1"),
            id,
        )
    };
    assert_eq!(q("hire_date", "E1002")?.as_deref(), Some("2009-09-01"));
    assert_eq!(q("program_role", "E1002")?.as_deref(), Some("mentee"));
    assert_eq!(q("program_role", "E1007")?.as_deref(), Some("both"));
    assert_eq!(q("program_role", "E1001")?.as_deref(), Some("none"));
    assert_eq!(
        q("adoption_profile", "E1008")?.as_deref(),
        Some("good_student")
    );
    assert_eq!(
        q("adoption_profile", "E1004")?.as_deref(),
        Some("overwhelmed")
    );
    assert_eq!(q("adoption_profile", "E1003")?, None);
    let languages = db.count(
        "SELECT count(*) FROM employee_language l JOIN employee e ON e.id = l.employee_id
         WHERE e.external_id = 'E1007'",
    )?;
    assert_eq!(languages, 3);
    Ok(())
}

#[test]
fn a_quoted_field_keeps_its_delimiter_quotes_and_newline_and_later_lines_stay_right() -> TestResult
{
    let mut store = Store::open_in_memory()?;
    let staged = stage_sample("hr-export-utf8-comma.csv")?;
    let preview = preview_of(&store, &staged)?;
    // The E1003 row holds a two-line note, so E1004 starts on line 6, not 5.
    assert_eq!(
        preview.sample[2][12],
        "Anime le compte LinkedIn,\nforme les stagiaires"
    );
    assert_eq!(preview.sample[6][12], "Dit \"oui\" à tout");
    commit_of(&mut store, &staged)?;
    let db = snapshot(&store)?;
    assert_eq!(
        db.text("SELECT title FROM employee WHERE external_id = ?1", "E1012")?
            .as_deref(),
        Some("Responsable grands comptes, Sud-Est")
    );

    let csv = "id;nom;prénom;email;notes\n\
               A1;Martin;Léa;lea@exemple.fr;\"une note\nsur deux lignes; avec point-virgule\"\n\
               \n\
               A2;Petit;Jules;pas-un-email;\n";
    let staged = import::stage("x.csv", csv.as_bytes())?;
    let preview = preview_of(&store, &staged)?;
    assert_eq!(reasons(&preview), vec![(5, Some("A2"), "email_invalid")]);
    Ok(())
}

#[test]
fn each_rejection_reason_is_reported_on_the_line_where_its_row_starts() -> TestResult {
    let store = Store::open_in_memory()?;
    let preview = preview_of(&store, &stage_sample("hr-export-with-errors.csv")?)?;
    assert_eq!(
        reasons(&preview),
        vec![
            (4, Some("E3003"), "email_missing"),
            (5, Some("E3004"), "email_invalid"),
            (6, Some("E3002"), "duplicate_id"),
            (7, Some("E3006"), "duplicate_email"),
            (8, Some("E3007"), "unknown_manager"),
            (9, Some("E3008"), "reporting_cycle"),
            (10, Some("E3009"), "reporting_cycle"),
            (12, Some("E3010"), "field_too_long"),
            (13, Some("E3011"), "date_invalid"),
            (14, None, "id_missing"),
            (15, Some("E3013"), "name_missing"),
            (16, Some("E3014"), "grade_invalid"),
            (17, Some("E3015"), "self_manager"),
            (18, Some("E3016"), "unknown_manager"),
            (19, Some("E3017"), "column_count"),
            (21, Some("E3019"), "timezone_invalid"),
            (22, Some("E3020"), "role_invalid"),
        ]
    );
    let message = |line: u64| {
        preview
            .rejected
            .iter()
            .find(|r| r.line == line)
            .map(|r| r.message.clone())
            .unwrap_or_default()
    };
    assert!(message(6).contains("line 3"), "{}", message(6));
    assert!(message(7).contains("line 3"), "{}", message(7));
    assert!(message(8).contains("E9999"), "{}", message(8));
    assert!(message(13).contains("31/02/2024"), "{}", message(13));
    // A row whose manager is rejected names the manager's line.
    assert!(message(18).contains("line 5"), "{}", message(18));
    Ok(())
}

#[test]
fn a_rejected_manager_takes_the_whole_chain_below_it() -> TestResult {
    let store = Store::open_in_memory()?;
    let csv = "id,first name,last name,email,manager id\n\
               B1,Anne,Roy,not-an-email,\n\
               B2,Bruno,Roy,bruno@exemple.fr,B1\n\
               B3,Carla,Roy,carla@exemple.fr,B2\n\
               B4,Denis,Roy,denis@exemple.fr,\n";
    let preview = preview_of(&store, &import::stage("x.csv", csv.as_bytes())?)?;
    assert_eq!(
        reasons(&preview),
        vec![
            (2, Some("B1"), "email_invalid"),
            (3, Some("B2"), "unknown_manager"),
            (4, Some("B3"), "unknown_manager"),
        ]
    );
    assert!(preview.rejected[2].message.contains("line 3"));
    assert_eq!(preview.counts.new, 1);
    Ok(())
}

#[test]
fn managers_named_by_email_are_linked_like_managers_named_by_id() -> TestResult {
    let mut by_email = Store::open_in_memory()?;
    commit_of(
        &mut by_email,
        &stage_sample("hr-export-manager-by-email.csv")?,
    )?;
    let db = snapshot(&by_email)?;
    let manager_of = "SELECT m.external_id FROM employee e JOIN employee m ON m.id = e.manager_id
                      WHERE e.external_id = ?1";
    assert_eq!(db.text(manager_of, "E1003")?.as_deref(), Some("E1002"));
    assert_eq!(db.text(manager_of, "E1012")?.as_deref(), Some("E1004"));
    assert_eq!(
        db.count("SELECT count(*) FROM employee WHERE manager_id IS NULL")?,
        1
    );
    Ok(())
}

#[test]
fn a_file_with_unrecognised_headers_cannot_be_committed_until_it_is_remapped() -> TestResult {
    let mut store = Store::open_in_memory()?;
    let csv = "Col A;Col B;Col C;Col D\nK1;Rémi;Fleury;remi.fleury@exemple.fr\n";
    let mut staged = import::stage("x.csv", csv.as_bytes())?;
    let preview = preview_of(&store, &staged)?;
    assert_eq!(
        preview.missing_required,
        vec![
            ImportField::ExternalId,
            ImportField::FirstName,
            ImportField::LastName,
            ImportField::Email
        ]
    );
    let refused = commit_of(&mut store, &staged);
    assert!(
        matches!(&refused, Err(CoreError::Validation(fields)) if fields.len() == 4),
        "{refused:?}"
    );

    let too_short = ColumnMapping {
        columns: vec![Some(ImportField::ExternalId)],
    };
    assert!(matches!(
        staged.set_mapping(too_short),
        Err(CoreError::Validation(_))
    ));

    staged.set_mapping(ColumnMapping {
        columns: vec![
            Some(ImportField::ExternalId),
            Some(ImportField::FirstName),
            Some(ImportField::LastName),
            Some(ImportField::Email),
        ],
    })?;
    assert!(preview_of(&store, &staged)?.missing_required.is_empty());
    assert_eq!(commit_of(&mut store, &staged)?.created, 1);
    Ok(())
}

#[test]
fn remapping_keeps_the_first_column_of_a_field_claimed_twice() -> TestResult {
    let mut staged = import::stage("x.csv", b"a,b,c,d\n1,x,y,z@exemple.fr\n")?;
    staged.set_mapping(ColumnMapping {
        columns: vec![
            Some(ImportField::ExternalId),
            Some(ImportField::FullName),
            Some(ImportField::FullName),
            Some(ImportField::Email),
        ],
    })?;
    assert_eq!(staged.mapping().columns[2], None);
    Ok(())
}

#[test]
fn a_missing_email_column_blocks_commit_and_writes_nothing() -> TestResult {
    let mut store = Store::open_in_memory()?;
    let csv = "Matricule;Nom;Prénom\nK1;Fleury;Rémi\n";
    let staged = import::stage("x.csv", csv.as_bytes())?;
    let preview = preview_of(&store, &staged)?;
    assert_eq!(preview.missing_required, vec![ImportField::Email]);
    // The mapping is the problem, not the row: it is not listed as rejected.
    assert!(preview.rejected.is_empty());
    assert_eq!(preview.total_rows, 1);
    assert!(matches!(
        commit_of(&mut store, &staged),
        Err(CoreError::Validation(_))
    ));
    assert_eq!(snapshot(&store)?.count("SELECT count(*) FROM employee")?, 0);
    Ok(())
}

#[test]
fn importing_the_same_file_twice_changes_nothing_the_second_time() -> TestResult {
    let mut store = Store::open_in_memory()?;
    let staged = stage_sample("hr-export-utf8bom-semicolon.csv")?;
    assert_eq!(commit_of(&mut store, &staged)?.created, 12);
    let before = dump(&snapshot(&store)?.conn)?;
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
    assert_eq!(dump(&snapshot(&store)?.conn)?, before);
    Ok(())
}

#[test]
fn a_changed_value_updates_only_that_employee() -> TestResult {
    let mut store = Store::open_in_memory()?;
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
    let mut store = Store::open_in_memory()?;
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
    let mut store = Store::open_in_memory()?;
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
    Connection::open(&path)?.execute(
        "UPDATE employee SET active = 0 WHERE external_id = 'E1011'",
        [],
    )?;
    let outcome = commit_of(&mut store, &staged)?;
    assert_eq!((outcome.updated, outcome.unchanged), (1, 11));
    let active: i64 = Connection::open(&path)?.query_row(
        "SELECT active FROM employee WHERE external_id = 'E1011'",
        [],
        |r| r.get(0),
    )?;
    assert_eq!(active, 1);
    Ok(())
}

#[test]
fn an_email_held_by_another_employee_in_tandem_is_a_duplicate() -> TestResult {
    let mut store = Store::open_in_memory()?;
    commit_of(&mut store, &stage_sample("hr-export-utf8-comma.csv")?)?;
    let csv = "id,first name,last name,email\nE9000,Claire,Moreau-Petit,Claire.Moreau@exemple.fr\n";
    let preview = preview_of(&store, &import::stage("x.csv", csv.as_bytes())?)?;
    assert_eq!(
        reasons(&preview),
        vec![(2, Some("E9000"), "duplicate_email")]
    );
    assert!(preview.rejected[0].message.contains("E1001"));
    Ok(())
}

#[test]
fn a_cycle_through_reporting_lines_already_in_tandem_is_rejected() -> TestResult {
    let mut store = Store::open_in_memory()?;
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
    let side = Connection::open(&path)?;
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
    let mut store = Store::open_in_memory()?;
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
fn files_that_are_not_csv_text_are_refused_with_advice() {
    let mut noise = Vec::with_capacity(4096);
    let mut x: u32 = 0x1234_5678;
    for _ in 0..4096 {
        // xorshift: reproducible bytes that are not text.
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        noise.push((x >> 24) as u8);
    }
    let utf16_without_bom: Vec<u8> = "id,email\nA1,a@exemple.fr\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("blank", b" \r\n\r\n  \n".to_vec()),
        ("only a BOM", b"\xef\xbb\xbf".to_vec()),
        ("only delimiters", b";;;\n;;;\n".to_vec()),
        ("random bytes", noise),
        ("NUL bytes", b"id,email\0\0\0\nA1,a@b.fr\n".to_vec()),
        ("a workbook", b"PK\x03\x04\x14\x00\x06\x00".to_vec()),
        ("UTF-16 without BOM", utf16_without_bom),
    ];
    for (name, bytes) in cases {
        match import::stage("x.csv", &bytes) {
            Err(CoreError::InvalidFile(message)) => assert!(
                message.contains("Export the file as CSV (UTF-8)"),
                "{name}: {message}"
            ),
            other => panic!("{name}: expected InvalidFile, got {other:?}"),
        }
    }
}

#[test]
fn progress_is_reported_per_phase_about_once_per_percent_and_ends_at_the_total() -> TestResult {
    let mut store = Store::open_in_memory()?;
    let mut csv = String::from("id,first name,last name,email\n");
    for i in 0..1000 {
        csv.push_str(&format!("P{i},Prénom{i},Nom{i},p{i}@exemple.fr\n"));
    }
    let staged = import::stage("x.csv", csv.as_bytes())?;
    let mut seen: Vec<Progress> = Vec::new();
    import::commit(&mut store, &staged, &mut |p| seen.push(p))?;
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
fn reasons_have_stable_keys() {
    assert_eq!(RejectReason::ColumnCount.as_str(), "column_count");
    assert_eq!(RejectReason::ReportingCycle.as_str(), "reporting_cycle");
}

#[test]
fn each_unreadable_value_earns_its_own_reason() -> TestResult {
    let store = Store::open_in_memory()?;
    let header = "id;prénom;nom;email;niveau;fuseau horaire;langues;date d'entrée;rôle;profil";
    let good = [
        "V1",
        "Léa",
        "Martin",
        "lea@exemple.fr",
        "3",
        "Europe/Paris",
        "fr",
        "01/02/2020",
        "mentor",
        "curieux",
    ];
    // (column, bad value, reason)
    let cases = [
        (4, "trois", "grade_invalid"),
        (4, "0", "grade_invalid"),
        (5, "Paris", "timezone_invalid"),
        (6, "klingon", "language_invalid"),
        (7, "2020-13-01", "date_invalid"),
        (8, "chef", "role_invalid"),
        (9, "sceptique", "profile_invalid"),
        (3, "lea@localhost", "email_invalid"),
        (1, "", "name_missing"),
    ];
    for (column, value, reason) in cases {
        let mut cells = good.map(str::to_owned);
        cells[column] = value.to_owned();
        let csv = format!("{header}\n{}\n", cells.join(";"));
        let preview = preview_of(&store, &import::stage("x.csv", csv.as_bytes())?)?;
        assert_eq!(reasons(&preview), vec![(2, Some("V1"), reason)], "{value}");
    }
    let csv = format!("{header}\n{}\n", good.join(";"));
    let preview = preview_of(&store, &import::stage("x.csv", csv.as_bytes())?)?;
    assert_eq!(preview.counts.new, 1, "{:?}", preview.rejected);
    Ok(())
}

#[test]
fn a_minimal_file_gets_the_default_grade_time_zone_and_role() -> TestResult {
    let mut store = Store::open_in_memory()?;
    commit_text(
        &mut store,
        "Matricule,Nom complet,Email\nK1,Rémi Fleury,remi@exemple.fr\n",
    )?;
    let db = snapshot(&store)?;
    let row: (i64, String, String, String) = db.conn.query_row(
        "SELECT grade, timezone, program_role, first_name || '/' || last_name FROM employee",
        [],
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

#[test]
fn every_row_on_a_longer_cycle_is_rejected_and_so_are_their_reports() -> TestResult {
    let store = Store::open_in_memory()?;
    let csv = "id,first name,last name,email,manager id\n\
               C1,Anne,Roy,anne@exemple.fr,C3\n\
               C2,Bruno,Roy,bruno@exemple.fr,C1\n\
               C3,Carla,Roy,carla@exemple.fr,C2\n\
               C4,Denis,Roy,denis@exemple.fr,C2\n\
               C5,Emma,Roy,emma@exemple.fr,\n";
    let preview = preview_of(&store, &import::stage("x.csv", csv.as_bytes())?)?;
    assert_eq!(
        reasons(&preview),
        vec![
            (2, Some("C1"), "reporting_cycle"),
            (3, Some("C2"), "reporting_cycle"),
            (4, Some("C3"), "reporting_cycle"),
            (5, Some("C4"), "unknown_manager"),
        ]
    );
    assert!(preview.rejected[0].message.contains("C1"));
    assert_eq!(preview.counts.new, 1);
    Ok(())
}
