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

/// The header names real HR exports use for each field (Workday, SAP SuccessFactors, Lucca,
/// PayFit, ADP, Cegid, Sage and plain Excel lists, in French and English), as data: one row per
/// name, with the systems that use it. Names are compared after [`header_key`], so one spelling
/// covers its accents, case, punctuation, plural and "de"/"du"/"de la".
const HEADER_NAMES: &str = include_str!("header_names.csv");

/// Header keys to fields, read once from [`HEADER_NAMES`]. A row whose field is unknown is
/// skipped (a unit test proves there is none).
fn header_names() -> &'static std::collections::HashMap<String, ImportField> {
    static NAMES: std::sync::OnceLock<std::collections::HashMap<String, ImportField>> =
        std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        header_name_rows()
            .filter_map(|(field, name)| Some((header_key(&name), field?)))
            .collect()
    })
}

/// Every row of [`HEADER_NAMES`]: the field (`None` if the data names no known field) and the name.
fn header_name_rows() -> impl Iterator<Item = (Option<ImportField>, String)> {
    csv::Reader::from_reader(HEADER_NAMES.as_bytes())
        .into_records()
        .filter_map(Result::ok)
        .map(|row| {
            let field = row
                .get(0)
                .and_then(|f| ImportField::ALL.into_iter().find(|x| x.as_str() == f));
            (field, row.get(1).unwrap_or_default().to_owned())
        })
}

/// Words a header name may carry or not without changing what it names.
const FILLER_WORDS: &[&str] = &["de", "du", "des", "d", "la", "le", "les", "l", "of", "the"];

/// A header name reduced to what identifies it: folded (no accents, lower case), split into words
/// of letters and digits, without [`FILLER_WORDS`], each word in the singular (a final `s`
/// dropped), joined. "Centres d'intérêts" and "centre_interet" give the same key.
pub fn header_key(header: &str) -> String {
    fold(header)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty() && !FILLER_WORDS.contains(word))
        .map(|word| match word.strip_suffix('s') {
            Some(stem) if stem.chars().count() >= 3 && !stem.ends_with('s') => stem,
            _ => word,
        })
        .collect()
}

/// The header of the reason column the export of rejected rows adds, per language (English,
/// French). A file that carries it back is being re-imported after a fix: the column is left
/// out without asking.
pub const REASON_HEADERS: [&str; 2] = ["Rejection reason (Tandem)", "Motif du rejet (Tandem)"];

/// True for the reason column of an export of rejected rows, in either language.
pub fn is_reason_column(header: &str) -> bool {
    let key = header_key(header);
    REASON_HEADERS.iter().any(|h| header_key(h) == key)
}

/// Fields an HR export usually gives; the preview names those no column feeds.
const USUAL_FIELDS: [ImportField; 8] = [
    ImportField::Department,
    ImportField::Title,
    ImportField::Grade,
    ImportField::ManagerExternalId,
    ImportField::Site,
    ImportField::Timezone,
    ImportField::Languages,
    ImportField::HireDate,
];

/// The field a header name stands for, if it is a known name.
pub fn field_for_header(header: &str) -> Option<ImportField> {
    let key = header_key(header);
    if key.is_empty() {
        return None;
    }
    header_names().get(&key).copied()
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

    /// Proposes a field for each column no header name recognised, from what its cells hold:
    /// e-mail addresses (the e-mail, else the manager's), dates (the hire date), or HR ids of the
    /// file's own id column (the manager's id). Only a field no column feeds yet is proposed.
    /// Returns the columns it mapped, for the preview to say so.
    pub(crate) fn propose_from_values(&mut self, records: &[super::parse::Record]) -> Vec<usize> {
        const SAMPLED: usize = 200;
        const MIN_VALUES: usize = 3;
        let values = |column: usize| -> Vec<&str> {
            records
                .iter()
                .take(SAMPLED)
                .filter_map(|r| r.fields.get(column).map(str::trim))
                .filter(|v| !v.is_empty())
                .collect()
        };
        let share = |values: &[&str], test: &dyn Fn(&str) -> bool| -> f64 {
            values.iter().filter(|v| test(v)).count() as f64 / values.len().max(1) as f64
        };
        let id_column = self.column_of(ImportField::ExternalId);
        // Every HR id of the file, gathered only if a column needs them.
        let mut ids: Option<std::collections::HashSet<&str>> = None;
        let mut proposed = Vec::new();
        for column in 0..self.columns.len() {
            if self.columns[column].is_some() {
                continue;
            }
            let cells = values(column);
            if cells.len() < MIN_VALUES {
                continue;
            }
            let emails = share(&cells, &crate::domain::validation::is_plausible_email);
            let dates = share(&cells, &|v| super::row::parse_date(v).is_some());
            let field = if emails >= 0.9 {
                [ImportField::Email, ImportField::ManagerEmail]
                    .into_iter()
                    .find(|f| !self.is_mapped(*f))
            } else if dates >= 0.9 {
                Some(ImportField::HireDate).filter(|f| !self.is_mapped(*f))
            } else if let Some(k) = id_column {
                let ids = ids.get_or_insert_with(|| {
                    records
                        .iter()
                        .filter_map(|r| r.fields.get(k).map(str::trim))
                        .collect()
                });
                let known = share(&cells, &|v| ids.contains(v));
                // A copy of the id column names each row itself, not its manager.
                let own = records
                    .iter()
                    .take(SAMPLED)
                    .filter(|r| {
                        let cell = r.fields.get(column).map(str::trim).unwrap_or_default();
                        !cell.is_empty() && r.fields.get(k).map(str::trim) == Some(cell)
                    })
                    .count();
                (known >= 0.8 && own * 2 < cells.len())
                    .then_some(ImportField::ManagerExternalId)
                    .filter(|f| !self.is_mapped(*f))
            } else {
                None
            };
            if let Some(field) = field {
                self.columns[column] = Some(field);
                proposed.push(column);
            }
        }
        proposed
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

    /// The usual fields of an HR export no column feeds: their stored values stay as they are. The
    /// manager counts as fed by either their HR id or their e-mail.
    pub fn unfed_optional(&self) -> Vec<ImportField> {
        USUAL_FIELDS
            .into_iter()
            .filter(|&field| match field {
                ImportField::ManagerExternalId => {
                    !self.is_mapped(field) && !self.is_mapped(ImportField::ManagerEmail)
                }
                _ => !self.is_mapped(field),
            })
            .collect()
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
    fn every_row_of_the_header_names_names_a_field_and_no_name_means_two_fields() {
        let mut seen: std::collections::HashMap<String, ImportField> = Default::default();
        for (field, name) in header_name_rows() {
            let field = field.unwrap_or_else(|| panic!("unknown field for '{name}'"));
            let key = header_key(&name);
            assert!(!key.is_empty(), "'{name}' folds to nothing");
            if let Some(other) = seen.insert(key.clone(), field) {
                assert_eq!(other, field, "'{name}' ({key}) names two fields");
            }
        }
    }

    #[test]
    fn plurals_accents_and_filler_words_do_not_change_a_header() {
        for (a, b) in [
            ("Centres d'intérêts", "centre interet"),
            ("Date d'entrée", "date entree"),
            ("Email du responsable", "E-mails responsable"),
            ("Intitulé de la fonction", "intitule fonction"),
        ] {
            assert_eq!(header_key(a), header_key(b), "{a} / {b}");
        }
        assert_ne!(header_key("ID"), header_key("I"));
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
