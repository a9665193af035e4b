//! Which column of the file feeds which employee field: the guess from header names, and the rules
//! a mapping must follow before a commit.
//!
//! Header names are compared after [`header_key`] (accents, case, spaces and punctuation removed), so
//! "Adresse e-mail" and "adresse_email" are the same header. To recognise a new header name, add it
//! to [`SYNONYMS`] in any spelling: it is folded the same way when compared.

use crate::domain::text::fold;

/// A Tandem field an HR export column can feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ImportField {
    ExternalId,
    FirstName,
    LastName,
    /// "First Last" (or "Last, First") in one column, when the export has no separate columns.
    FullName,
    Email,
    Department,
    Title,
    Grade,
    ManagerExternalId,
    ManagerEmail,
    Site,
    Timezone,
    /// Languages separated by `,`, `;`, `/`, `|` or spaces.
    Languages,
    HireDate,
    Role,
    AdoptionProfile,
    Interests,
}

impl ImportField {
    pub const ALL: [ImportField; 17] = [
        Self::ExternalId,
        Self::FirstName,
        Self::LastName,
        Self::FullName,
        Self::Email,
        Self::Department,
        Self::Title,
        Self::Grade,
        Self::ManagerExternalId,
        Self::ManagerEmail,
        Self::Site,
        Self::Timezone,
        Self::Languages,
        Self::HireDate,
        Self::Role,
        Self::AdoptionProfile,
        Self::Interests,
    ];

    /// The stable snake_case key, as the UI and error messages name the field.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ExternalId => "external_id",
            Self::FirstName => "first_name",
            Self::LastName => "last_name",
            Self::FullName => "full_name",
            Self::Email => "email",
            Self::Department => "department",
            Self::Title => "title",
            Self::Grade => "grade",
            Self::ManagerExternalId => "manager_external_id",
            Self::ManagerEmail => "manager_email",
            Self::Site => "site",
            Self::Timezone => "timezone",
            Self::Languages => "languages",
            Self::HireDate => "hire_date",
            Self::Role => "role",
            Self::AdoptionProfile => "adoption_profile",
            Self::Interests => "interests",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Header names HR systems use, French and English, for each field. Order matters only for reading.
const SYNONYMS: &[(ImportField, &[&str])] = &[
    (
        ImportField::ExternalId,
        &[
            "matricule",
            "employee id",
            "employee number",
            "id",
            "emp id",
            "personnel number",
            "numéro de matricule",
            "n° matricule",
            "staff id",
            "external id",
        ],
    ),
    (
        ImportField::LastName,
        &[
            "nom",
            "last name",
            "surname",
            "nom de famille",
            "family name",
        ],
    ),
    (
        ImportField::FirstName,
        &["prénom", "first name", "given name", "forename"],
    ),
    (
        ImportField::FullName,
        &[
            "nom complet",
            "full name",
            "name",
            "nom et prénom",
            "prénom et nom",
        ],
    ),
    (
        ImportField::Email,
        &[
            "courriel",
            "adresse e-mail",
            "adresse email",
            "adresse mail",
            "e-mail",
            "email",
            "mail",
            "email address",
            "work email",
            "courriel professionnel",
        ],
    ),
    (
        ImportField::Department,
        &[
            "service",
            "direction",
            "département",
            "department",
            "division",
            "dept",
        ],
    ),
    (
        ImportField::Title,
        &[
            "poste",
            "fonction",
            "intitulé de poste",
            "title",
            "job title",
            "position",
            "emploi",
        ],
    ),
    (
        ImportField::Grade,
        &[
            "niveau",
            "grade",
            "level",
            "échelon",
            "job level",
            "classification",
        ],
    ),
    (
        ImportField::ManagerExternalId,
        &[
            "matricule manager",
            "manager id",
            "id manager",
            "n+1",
            "matricule n+1",
            "responsable",
            "responsable (id)",
            "matricule du responsable",
            "manager employee id",
        ],
    ),
    (
        ImportField::ManagerEmail,
        &[
            "e-mail manager",
            "email manager",
            "courriel manager",
            "manager email",
            "manager e-mail",
            "email du responsable",
            "e-mail du responsable",
            "courriel du responsable",
            "email n+1",
            "courriel n+1",
        ],
    ),
    (
        ImportField::Site,
        &[
            "site",
            "location",
            "lieu",
            "établissement",
            "office",
            "lieu de travail",
        ],
    ),
    (
        ImportField::Timezone,
        &["fuseau horaire", "time zone", "timezone", "fuseau"],
    ),
    (
        ImportField::Languages,
        &["langues", "languages", "langue", "language"],
    ),
    (
        ImportField::HireDate,
        &[
            "date d'entrée",
            "date d'embauche",
            "hire date",
            "start date",
            "date entrée",
            "date embauche",
        ],
    ),
    (
        ImportField::Role,
        &["rôle", "role", "rôle programme", "program role"],
    ),
    (
        ImportField::AdoptionProfile,
        &["profil", "adoption profile", "profil d'adoption"],
    ),
    (
        ImportField::Interests,
        &[
            "centres d'intérêt",
            "interests",
            "centres d'interet",
            "intérêts",
        ],
    ),
];

/// A header name reduced to what identifies it: folded (no accents, lower case), letters and digits only.
pub fn header_key(header: &str) -> String {
    fold(header)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The field a header name stands for, if it is a known synonym.
pub fn field_for_header(header: &str) -> Option<ImportField> {
    let key = header_key(header);
    if key.is_empty() {
        return None;
    }
    SYNONYMS
        .iter()
        .find(|(_, names)| names.iter().any(|name| header_key(name) == key))
        .map(|(field, _)| *field)
}

/// For each column of the file (by position), the field it feeds, or `None` to ignore it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ColumnMapping {
    pub columns: Vec<Option<ImportField>>,
}

impl ColumnMapping {
    /// The mapping guessed from header names. A field two headers claim goes to the first.
    pub fn guess(headers: &[String]) -> Self {
        let mut mapping = ColumnMapping {
            columns: headers.iter().map(|h| field_for_header(h)).collect(),
        };
        mapping.keep_first_of_each_field();
        mapping
    }

    /// Clears every later column mapped to a field an earlier column already feeds.
    pub fn keep_first_of_each_field(&mut self) {
        let mut seen = [false; ImportField::ALL.len()];
        for column in &mut self.columns {
            if let Some(field) = *column {
                if std::mem::replace(&mut seen[field.index()], true) {
                    *column = None;
                }
            }
        }
    }

    /// The column feeding `field`, if any.
    pub fn column_of(&self, field: ImportField) -> Option<usize> {
        self.columns.iter().position(|c| *c == Some(field))
    }

    pub fn is_mapped(&self, field: ImportField) -> bool {
        self.column_of(field).is_some()
    }

    /// Fields an import needs that no column feeds. Names need either first and last name, or the
    /// full name: when neither is complete, the separate columns are asked for.
    pub fn missing_required(&self) -> Vec<ImportField> {
        let mut missing = Vec::new();
        if !self.is_mapped(ImportField::ExternalId) {
            missing.push(ImportField::ExternalId);
        }
        let split_names =
            self.is_mapped(ImportField::FirstName) && self.is_mapped(ImportField::LastName);
        if !split_names && !self.is_mapped(ImportField::FullName) {
            for field in [ImportField::FirstName, ImportField::LastName] {
                if !self.is_mapped(field) {
                    missing.push(field);
                }
            }
        }
        if !self.is_mapped(ImportField::Email) {
            missing.push(ImportField::Email);
        }
        missing
    }

    /// Column index per field, for fast lookups while reading rows.
    pub(crate) fn columns_by_field(&self) -> FieldColumns {
        let mut by_field = [None; ImportField::ALL.len()];
        for field in ImportField::ALL {
            by_field[field.index()] = self.column_of(field);
        }
        FieldColumns(by_field)
    }
}

/// The column of each field, indexed by field.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FieldColumns([Option<usize>; ImportField::ALL.len()]);

impl FieldColumns {
    pub(crate) fn get(&self, field: ImportField) -> Option<usize> {
        self.0[field.index()]
    }

    pub(crate) fn has(&self, field: ImportField) -> bool {
        self.get(field).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_whatever_their_case_accents_and_punctuation() {
        for (header, field) in [
            ("Prénom", ImportField::FirstName),
            ("PRENOM", ImportField::FirstName),
            ("Adresse E-mail", ImportField::Email),
            ("N+1", ImportField::ManagerExternalId),
            ("Responsable (ID)", ImportField::ManagerExternalId),
            ("Date d’entrée", ImportField::HireDate),
            ("job_title", ImportField::Title),
            ("Centres d'intérêt", ImportField::Interests),
            ("Email du responsable", ImportField::ManagerEmail),
        ] {
            assert_eq!(field_for_header(header), Some(field), "header {header}");
        }
        assert_eq!(field_for_header("Salaire"), None);
    }

    #[test]
    fn a_field_claimed_twice_goes_to_the_first_column() {
        let headers = vec!["Email".to_owned(), "Courriel".to_owned()];
        let mapping = ColumnMapping::guess(&headers);
        assert_eq!(mapping.columns, vec![Some(ImportField::Email), None]);
    }

    #[test]
    fn a_full_name_column_satisfies_the_name_requirement() {
        let mapping = ColumnMapping {
            columns: vec![
                Some(ImportField::ExternalId),
                Some(ImportField::FullName),
                Some(ImportField::Email),
            ],
        };
        assert!(mapping.missing_required().is_empty());
    }
}
