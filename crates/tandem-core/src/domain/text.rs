//! Text folding shared by search and import: case- and accent-insensitive matching.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Lower-cases and strips accents, so "Hélène" and "helene" compare equal.
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The text the directory searches for one employee: name, email, department and title, folded.
pub fn employee_search_text(
    first_name: &str,
    last_name: &str,
    email: &str,
    department: &str,
    title: &str,
) -> String {
    fold(&format!(
        "{first_name} {last_name}\u{1f}{email}\u{1f}{department}\u{1f}{title}"
    ))
}

/// The key employees sort by: the folded last name, then the folded first name. U+0001 sorts
/// before every printable character, so a last name comes before its longer extensions.
pub fn employee_sort_name(first_name: &str, last_name: &str) -> String {
    format!("{}\u{1}{}", fold(last_name), fold(first_name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_names_ignore_accents_and_case_and_put_the_last_name_first() {
        let mut people = [
            ("Zoé", "Zola"),
            ("éric", "Émond"),
            ("Paul", "Rouxel"),
            ("Anne", "roux"),
            ("Bruno", "Roux"),
            ("Élise", "Dupont"),
        ];
        people.sort_by_key(|(first, last)| employee_sort_name(first, last));
        let order: Vec<&str> = people.iter().map(|(first, _)| *first).collect();
        assert_eq!(order, ["Élise", "éric", "Anne", "Bruno", "Paul", "Zoé"]);
    }

    #[test]
    fn folding_removes_accents_and_case() {
        assert_eq!(fold("Hélène ÇA Œuvre"), "helene ca œuvre");
    }

    #[test]
    fn a_first_and_last_name_search_matches_across_the_space() {
        let text = employee_search_text("Léa", "Martin", "lea.martin@x.fr", "Ventes", "Chargée");
        assert!(text.contains("lea martin"));
        assert!(text.contains("ventes"));
    }
}
