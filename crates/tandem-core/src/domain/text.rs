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

#[cfg(test)]
mod tests {
    use super::*;

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
