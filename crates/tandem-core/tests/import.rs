//! The HR CSV import, reading side: encodings and delimiters, header mapping and remapping, value
//! parsing, and each reason a row is rejected in the preview, on an in-memory database. The sample
//! files in `assets/samples` and their expected counts are described in `assets/samples/README.md`;
//! a change there must change the tables below. Shared fixtures live in `import_fixture/mod.rs`.

mod import_fixture;

use import_fixture::*;
use tandem_core::import::{self, ColumnMapping, ImportField, RejectReason};
use tandem_core::{CoreError, Store};

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
        let store = Store::open_for_tests()?;
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
    let mut store = Store::open_for_tests()?;
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
    let mut store = Store::open_for_tests()?;
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
    let mut store = Store::open_for_tests()?;
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
    let store = Store::open_for_tests()?;
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
    // Messages name other rows as a spreadsheet numbers them (no quoted line break here).
    assert!(message(6).contains("row 3"), "{}", message(6));
    assert!(message(7).contains("row 3"), "{}", message(7));
    assert!(message(8).contains("E9999"), "{}", message(8));
    assert!(message(13).contains("31/02/2024"), "{}", message(13));
    // A row whose manager is rejected names the manager's row.
    assert!(message(18).contains("row 5"), "{}", message(18));

    // The same facts as keys and values, which the UI words in French or English.
    let details = |line: u64| -> Vec<(&'static str, Vec<(&'static str, String)>)> {
        preview
            .rejected
            .iter()
            .find(|r| r.line == line)
            .map(|r| {
                r.details
                    .iter()
                    .map(|d| (d.key.as_str(), d.params.clone()))
                    .collect()
            })
            .unwrap_or_default()
    };
    let p = |pairs: &[(&'static str, &str)]| -> Vec<(&'static str, String)> {
        pairs.iter().map(|(k, v)| (*k, (*v).to_owned())).collect()
    };
    assert_eq!(
        details(6),
        vec![("duplicate_id_in_file", p(&[("id", "E3002"), ("line", "3")]))]
    );
    assert_eq!(
        details(8),
        vec![("manager_unknown", p(&[("manager", "E9999")]))]
    );
    assert_eq!(
        details(13),
        vec![("date_unreadable", p(&[("value", "31/02/2024")]))]
    );
    assert_eq!(
        details(14),
        vec![(
            "field_rule",
            p(&[("field", "external_id"), ("rule", "required")])
        )]
    );
    // A value over its limit carries the limit, so the UI can name it.
    let max = tandem_core::domain::validation::MAX_TEXT_LEN.to_string();
    assert_eq!(
        details(12),
        vec![(
            "field_rule",
            p(&[
                ("field", "department"),
                ("rule", "too_long"),
                ("max", max.as_str())
            ])
        )]
    );
    assert_eq!(details(18)[0].0, "manager_rejected");
    assert_eq!(details(19)[0].0, "column_count");
    // Every rejected row has at least one detail, so no row falls back to English.
    assert!(preview.rejected.iter().all(|r| !r.details.is_empty()));
    Ok(())
}

#[test]
fn a_rejected_manager_takes_the_whole_chain_below_it() -> TestResult {
    let store = Store::open_for_tests()?;
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
    assert!(preview.rejected[2].message.contains("row 3"));
    assert_eq!(preview.counts.new, 1);
    Ok(())
}

#[test]
fn managers_named_by_email_are_linked_like_managers_named_by_id() -> TestResult {
    let mut by_email = Store::open_for_tests()?;
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
    let mut store = Store::open_for_tests()?;
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
    let mut store = Store::open_for_tests()?;
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
fn a_file_over_the_documented_limits_is_refused_before_it_is_read_whole() {
    use tandem_core::RefusalKey::{FileTooLarge, FileTooManyColumns, FileTooManyRows};
    let key = |result: tandem_core::CoreResult<import::StagedImport>| match result {
        Err(CoreError::InvalidFile(refusal)) => Some(refusal.key),
        _ => None,
    };
    // Size: asked before reading (a client with a path), and checked again on bytes.
    assert!(import::check_file_size(import::MAX_FILE_BYTES).is_ok());
    assert_eq!(
        import::check_file_size(import::MAX_FILE_BYTES + 1)
            .err()
            .and_then(|e| e.refusal_key()),
        Some(FileTooLarge)
    );
    let huge = vec![b'a'; usize::try_from(import::MAX_FILE_BYTES).unwrap_or(usize::MAX) + 1];
    assert_eq!(key(import::stage("huge.csv", &huge)), Some(FileTooLarge));
    drop(huge);

    let wide_header: Vec<String> = (0..=import::MAX_COLUMNS).map(|i| format!("c{i}")).collect();
    let wide = format!("{}\n", wide_header.join(","));
    assert_eq!(
        key(import::stage("wide.csv", wide.as_bytes())),
        Some(FileTooManyColumns)
    );
    let widest_allowed = format!("{}\n", wide_header[1..].join(","));
    assert!(import::stage("ok.csv", widest_allowed.as_bytes()).is_ok());

    let mut long = String::from("id,email\n");
    for i in 0..import::MAX_ROWS {
        long.push_str(&format!("E{i},e{i}@exemple.fr\n"));
    }
    let staged = import::stage("long.csv", long.as_bytes());
    assert_eq!(
        staged.as_ref().map(|s| s.row_count()).ok(),
        Some(import::MAX_ROWS)
    );
    long.push_str("E-last,last@exemple.fr\n");
    assert_eq!(
        key(import::stage("longer.csv", long.as_bytes())),
        Some(FileTooManyRows)
    );
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
    use tandem_core::RefusalKey::{FileEmpty, FileIsWorkbook, FileNoHeader, FileNotText};
    let cases: Vec<(&str, Vec<u8>, tandem_core::RefusalKey)> = vec![
        ("empty", Vec::new(), FileEmpty),
        ("blank", b" \r\n\r\n  \n".to_vec(), FileEmpty),
        ("only a BOM", b"\xef\xbb\xbf".to_vec(), FileEmpty),
        ("only delimiters", b";;;\n;;;\n".to_vec(), FileNoHeader),
        ("random bytes", noise, FileNotText),
        (
            "NUL bytes",
            b"id,email\0\0\0\nA1,a@b.fr\n".to_vec(),
            FileNotText,
        ),
        (
            "a workbook",
            b"PK\x03\x04\x14\x00\x06\x00".to_vec(),
            FileIsWorkbook,
        ),
        ("UTF-16 without BOM", utf16_without_bom, FileNotText),
    ];
    for (name, bytes, key) in cases {
        match import::stage("x.csv", &bytes) {
            // The key is what the UI translates; the English sentence stays as a fallback.
            Err(CoreError::InvalidFile(refusal)) => {
                assert_eq!(refusal.key, key, "{name}");
                assert!(
                    refusal.message.contains("Export the file as CSV (UTF-8)"),
                    "{name}: {refusal:?}"
                );
            }
            other => panic!("{name}: expected InvalidFile, got {other:?}"),
        }
    }
}

#[test]
fn reasons_have_stable_keys() {
    assert_eq!(RejectReason::ColumnCount.as_str(), "column_count");
    assert_eq!(RejectReason::ReportingCycle.as_str(), "reporting_cycle");
}

#[test]
fn each_unreadable_value_earns_its_own_reason() -> TestResult {
    let store = Store::open_for_tests()?;
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
fn every_row_on_a_longer_cycle_is_rejected_and_so_are_their_reports() -> TestResult {
    let store = Store::open_for_tests()?;
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
