//! What HR sees around the import's rows: header names of real HR systems, columns that would be
//! lost, the changes an update makes, rejections they can read and fix, and the mapping they chose
//! remembered for the next file.

mod import_fixture;

use import_fixture::*;
use tandem_core::import::{self, ColumnMapping, ImportField, REASON_HEADERS};
use tandem_core::settings::Language;
use tandem_core::{CoreError, Store};

use ImportField::*;

/// The fields a header line maps to, column by column.
fn mapped(header: &str) -> Vec<Option<ImportField>> {
    let headers: Vec<String> = header.split(';').map(str::to_owned).collect();
    ColumnMapping::guess(&headers).columns
}

#[test]
fn the_header_lines_of_real_hr_systems_map_every_column_they_should() {
    let systems: [(&str, &str, Vec<Option<ImportField>>); 9] = [
        (
            "Workday",
            "Employee ID;Legal First Name;Legal Last Name;Primary Work Email;Business Title;\
             Supervisory Organization;Manager Employee ID;Location;Original Hire Date;\
             Management Level;Time Zone",
            vec![
                Some(ExternalId),
                Some(FirstName),
                Some(LastName),
                Some(Email),
                Some(Title),
                Some(Department),
                Some(ManagerExternalId),
                Some(Site),
                Some(HireDate),
                Some(Grade),
                Some(Timezone),
            ],
        ),
        (
            "SAP SuccessFactors",
            "USERID;FIRSTNAME;LASTNAME;EMAIL;DEPARTMENT;TITLE;Manager User ID;LOCATION;HIREDATE;\
             TIMEZONE;Pay Grade",
            vec![
                Some(ExternalId),
                Some(FirstName),
                Some(LastName),
                Some(Email),
                Some(Department),
                Some(Title),
                Some(ManagerExternalId),
                Some(Site),
                Some(HireDate),
                Some(Timezone),
                Some(Grade),
            ],
        ),
        (
            "Lucca",
            "Matricule;Prénom;Nom;Email professionnel;Département;Intitulé du poste;\
             Matricule du manager;Établissement;Date d'entrée",
            vec![
                Some(ExternalId),
                Some(FirstName),
                Some(LastName),
                Some(Email),
                Some(Department),
                Some(Title),
                Some(ManagerExternalId),
                Some(Site),
                Some(HireDate),
            ],
        ),
        (
            "PayFit",
            "Matricule;Prénom;Nom;Email professionnel;Poste;Équipe;Email du manager;\
             Lieu de travail;Date d'arrivée",
            vec![
                Some(ExternalId),
                Some(FirstName),
                Some(LastName),
                Some(Email),
                Some(Title),
                Some(Department),
                Some(ManagerEmail),
                Some(Site),
                Some(HireDate),
            ],
        ),
        (
            "ADP",
            "Matricule salarié;Nom d'usage;Prénom;E-mail professionnel;Libellé emploi;Service;\
             Matricule du responsable;Établissement;Date d'entrée dans l'entreprise;Coefficient",
            vec![
                Some(ExternalId),
                Some(LastName),
                Some(FirstName),
                Some(Email),
                Some(Title),
                Some(Department),
                Some(ManagerExternalId),
                Some(Site),
                Some(HireDate),
                Some(Grade),
            ],
        ),
        (
            "Cegid",
            "Code salarié;Nom usuel;Prénom usuel;Adresse e-mail professionnelle;Libellé emploi;\
             Libellé service;Matricule du responsable;Établissement;Date entrée;Classification",
            vec![
                Some(ExternalId),
                Some(LastName),
                Some(FirstName),
                Some(Email),
                Some(Title),
                Some(Department),
                Some(ManagerExternalId),
                Some(Site),
                Some(HireDate),
                Some(Grade),
            ],
        ),
        (
            "Sage",
            "N° salarié;Nom du salarié;Prénom du salarié;Mail professionnel;Emploi;Service;\
             Matricule responsable hiérarchique;Établissement;Date d'entrée",
            vec![
                Some(ExternalId),
                Some(LastName),
                Some(FirstName),
                Some(Email),
                Some(Title),
                Some(Department),
                Some(ManagerExternalId),
                Some(Site),
                Some(HireDate),
            ],
        ),
        (
            "an Excel list in French",
            "Matricules;NOM;Prénoms;Adresses e-mail;Fonctions;Services;Matricule N+1;Sites;Langues",
            vec![
                Some(ExternalId),
                Some(LastName),
                Some(FirstName),
                Some(Email),
                Some(Title),
                Some(Department),
                Some(ManagerExternalId),
                Some(Site),
                Some(Languages),
            ],
        ),
        (
            "an Excel list in English",
            "Employee Number;Name;Email Address;Job Title;Departments;Manager ID;Office;Start Date",
            vec![
                Some(ExternalId),
                Some(FullName),
                Some(Email),
                Some(Title),
                Some(Department),
                Some(ManagerExternalId),
                Some(Site),
                Some(HireDate),
            ],
        ),
    ];
    for (system, header, expected) in systems {
        assert_eq!(mapped(header), expected, "{system}: {header}");
    }
}

const UNUSUAL: &str = "id;prénom;nom;email;Libellé de la tâche occupée\n\
                       A1;Léa;Martin;lea.martin@exemple.fr;Cheffe de projet\n\
                       A2;Marc;Petit;marc.petit@exemple.fr;Comptable\n";

#[test]
fn a_column_no_field_takes_is_listed_and_commit_waits_for_hr_to_confirm_it() -> TestResult {
    let mut store = Store::open_for_tests()?;
    let staged = import::stage("export.csv", UNUSUAL.as_bytes())?;
    let preview = preview_of(&store, &staged)?;
    assert_eq!(preview.ignored.len(), 1);
    let column = &preview.ignored[0];
    assert_eq!(
        (column.index, column.header.as_str()),
        (4, "Libellé de la tâche occupée")
    );
    assert_eq!(column.samples, ["Cheffe de projet", "Comptable"]);
    assert!(column.has_values);
    // The title is among the usual fields nothing feeds.
    assert!(preview.unfed.contains(&Title), "{:?}", preview.unfed);

    let before = dump(store.conn())?;
    let refused = import::commit(&mut store, &staged, &[], &mut quiet());
    match refused {
        Err(CoreError::Validation(errors)) => {
            assert_eq!(errors.len(), 1);
            assert_eq!(
                (errors[0].field.as_str(), errors[0].key.as_str()),
                ("mapping", "ignored_unconfirmed")
            );
        }
        other => panic!("an unconfirmed ignored column must refuse the commit: {other:?}"),
    }
    assert_eq!(dump(store.conn())?, before, "nothing was written");

    // Confirmed, the import goes through; mapped to the title, the titles arrive.
    let outcome = import::commit(&mut store, &staged, &[4], &mut quiet())?;
    assert_eq!(outcome.created, 2);
    let mut staged = import::stage("export.csv", UNUSUAL.as_bytes())?;
    let mut mapping = staged.mapping().clone();
    mapping.columns[4] = Some(Title);
    staged.set_mapping(mapping)?;
    let preview = preview_of(&store, &staged)?;
    assert!(preview.ignored.is_empty() && !preview.unfed.contains(&Title));
    assert_eq!(preview.counts.updated, 2);
    Ok(())
}

#[test]
fn an_update_shows_each_field_it_changes_with_both_values() -> TestResult {
    let mut store = Store::open_for_tests()?;
    commit_text(
        &mut store,
        "id;first name;last name;email;title;manager id\n\
         M1;Anne;Roy;anne.roy@exemple.fr;Directrice;\n\
         E1;Léa;Martin;lea.martin@exemple.fr;Analyste;M1\n\
         E2;Marc;Petit;marc.petit@exemple.fr;Comptable;M1\n",
    )?;
    let staged = import::stage(
        "export.csv",
        "id;first name;last name;email;title;manager id\n\
         M1;Anne;Roy;anne.roy@exemple.fr;Directrice;\n\
         E1;Léa;Martin;lea.martin@exemple.fr;Cheffe de projet;M1\n\
         E2;Marc;Petit;marc.petit@exemple.fr;Comptable;E1\n"
            .as_bytes(),
    )?;
    let preview = preview_of(&store, &staged)?;
    assert_eq!(preview.counts.updated, 2);
    type Changes<'a> = Vec<(String, Vec<(&'a str, String, String)>)>;
    let changes: Changes = preview
        .changes
        .iter()
        .map(|c| {
            (
                c.external_id.clone(),
                c.changes
                    .iter()
                    .map(|f| (f.field, f.before.clone(), f.after.clone()))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        changes,
        vec![
            (
                "E1".to_owned(),
                vec![(
                    "title",
                    "Analyste".to_owned(),
                    "Cheffe de projet".to_owned()
                )]
            ),
            (
                "E2".to_owned(),
                vec![("manager_external_id", "M1".to_owned(), "E1".to_owned())]
            ),
        ]
    );
    Ok(())
}

#[test]
fn a_rejected_row_names_the_person_the_value_and_the_row_a_spreadsheet_shows() -> TestResult {
    let store = Store::open_for_tests()?;
    let staged = import::stage(
        "export.csv",
        "id;first name;last name;email;title\n\
         A1;Léa;Martin;lea.martin@exemple.fr;\"Cheffe\nde projet\"\n\
         A2;Marc;Petit;marc.petit(at)exemple.fr;Comptable\n\
         A3;Zoé;Blanc;zoe.blanc@exemple.fr;Juriste\n"
            .as_bytes(),
    )?;
    let preview = preview_of(&store, &staged)?;
    assert_eq!(preview.rejected.len(), 1);
    let row = &preview.rejected[0];
    assert_eq!(row.name, "Marc Petit");
    assert_eq!(row.value.as_deref(), Some("marc.petit(at)exemple.fr"));
    // The quoted line break above makes the text one line longer, not the spreadsheet.
    assert_eq!((row.row, row.line), (3, 4));
    Ok(())
}

#[test]
fn the_export_of_rejected_rows_imports_once_corrected() -> TestResult {
    let mut store = Store::open_for_tests()?;
    let file = "id;first name;last name;email;title\n\
                A1;Léa;Martin;lea.martin@exemple.fr;Analyste\n\
                A2;Marc;Petit;marc.petit(at)exemple.fr;=SUM(A1)\n";
    let staged = import::stage("export.csv", file.as_bytes())?;
    let preview = preview_of(&store, &staged)?;
    let reasons: Vec<(u64, String)> = preview
        .rejected
        .iter()
        .map(|r| (r.line, "Adresse e-mail invalide".to_owned()))
        .collect();
    let bytes = import::rejected_rows_csv(&store, &staged, &reasons, Language::Fr)?;
    let text = String::from_utf8(bytes)?;
    let text = text.trim_start_matches('\u{feff}');
    assert_eq!(
        text,
        format!(
            "id;first name;last name;email;title;{}\n\
             A2;Marc;Petit;marc.petit(at)exemple.fr;'=SUM(A1);Adresse e-mail invalide\n",
            REASON_HEADERS[1]
        )
    );
    commit_of(&mut store, &staged)?;

    // HR fixes the address in a spreadsheet and imports the file as it comes back.
    let fixed = text.replace("marc.petit(at)exemple.fr", "marc.petit@exemple.fr");
    let staged = import::stage("export-rejected.csv", fixed.as_bytes())?;
    let preview = preview_of(&store, &staged)?;
    assert!(
        preview.ignored.is_empty(),
        "the reason column needs no confirmation"
    );
    assert!(preview.rejected.is_empty(), "{:?}", preview.rejected);
    let outcome = import::commit(&mut store, &staged, &[], &mut quiet())?;
    assert_eq!(outcome.created, 1);
    let marc = tandem_core::directory::list_employees(
        &store,
        &tandem_core::directory::DirectoryQuery {
            search: "petit".into(),
            ..Default::default()
        },
    )?;
    assert_eq!(marc.total, 1);
    assert_eq!(
        marc.rows[0].title, "=SUM(A1)",
        "the protected value reads as it was"
    );
    Ok(())
}

#[test]
fn columns_with_unknown_headers_are_proposed_from_their_values() -> TestResult {
    let staged = import::stage(
        "export.csv",
        "Code;Prénom;Nom;Adresse électronique pro;Supérieur;Arrivée\n\
         A1;Léa;Martin;lea.martin@exemple.fr;;2021-03-01\n\
         A2;Marc;Petit;marc.petit@exemple.fr;A1;2022-09-15\n\
         A3;Zoé;Blanc;zoe.blanc@exemple.fr;A1;2020-01-06\n\
         A4;Ana;Roy;ana.roy@exemple.fr;A2;2019-05-20\n"
            .as_bytes(),
    )?;
    // "Code" is no known header either; only the columns whose values say what they hold are
    // proposed, and the id column itself is not taken for the manager's.
    assert_eq!(
        staged.mapping().columns,
        vec![
            None,
            Some(FirstName),
            Some(LastName),
            Some(Email),
            None,
            Some(HireDate)
        ]
    );
    let store = Store::open_for_tests()?;
    let preview = preview_of(&store, &staged)?;
    assert_eq!(preview.proposed_from_values, vec![3, 5]);

    // Once HR says which column is the id, the manager column is recognised by its values.
    let staged = import::stage(
        "export.csv",
        "Matricule;Prénom;Nom;Adresse électronique pro;Supérieur\n\
         A1;Léa;Martin;lea.martin@exemple.fr;\n\
         A2;Marc;Petit;marc.petit@exemple.fr;A1\n\
         A3;Zoé;Blanc;zoe.blanc@exemple.fr;A1\n\
         A4;Ana;Roy;ana.roy@exemple.fr;A2\n"
            .as_bytes(),
    )?;
    assert_eq!(staged.mapping().columns[4], Some(ManagerExternalId));
    Ok(())
}

#[test]
fn the_mapping_hr_commits_is_used_again_for_the_same_header_line() -> TestResult {
    let mut store = Store::open_for_tests()?;
    let mut staged = import::stage("export.csv", UNUSUAL.as_bytes())?;
    assert!(!import::recall_mapping(&store, &mut staged)?);
    let mut mapping = staged.mapping().clone();
    mapping.columns[4] = Some(Title);
    staged.set_mapping(mapping.clone())?;
    import::commit(&mut store, &staged, &[], &mut quiet())?;

    let mut next = import::stage("next-month.csv", UNUSUAL.as_bytes())?;
    assert_eq!(
        next.mapping().columns[4],
        None,
        "the header alone says nothing"
    );
    assert!(import::recall_mapping(&store, &mut next)?);
    assert_eq!(next.mapping(), &mapping);
    assert!(preview_of(&store, &next)?.remembered);

    // Another header line is not affected.
    let mut other = import::stage(
        "other.csv",
        "id;prénom;nom;email\nA1;Léa;Martin;lea.martin@exemple.fr\n".as_bytes(),
    )?;
    assert!(!import::recall_mapping(&store, &mut other)?);
    Ok(())
}
