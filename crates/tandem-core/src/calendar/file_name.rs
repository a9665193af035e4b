//! File names for calendar files that every OS, mail client and zip tool accepts.
//!
//! Only lower-case ASCII letters, digits and single hyphens survive: accents are dropped ("Léa" →
//! "lea"), a few Latin letters that do not decompose are spelled out, anything else separates
//! words. Windows' reserved device names (CON, NUL, COM1, ...) are avoided, and the length is capped
//! well below every file system's limit.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Longest stem kept, in ASCII characters (the whole name stays under 100).
const MAX_STEM: usize = 90;
/// Used when nothing of the stem survives (e.g. a name written only in another script).
const FALLBACK: &str = "calendar";
const WINDOWS_RESERVED: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// A file name safe on every OS for a calendar file, e.g. `"tandem-lea-martin-2026-12-03.ics"` for
/// the stem `"Tandem Léa Martin 2026-12-03"`. A trailing `.ics` in the stem is not repeated.
pub fn file_name(stem: &str) -> String {
    let stem = stem.trim();
    let stem = match stem.len().checked_sub(4) {
        Some(cut) if stem.is_char_boundary(cut) && stem[cut..].eq_ignore_ascii_case(".ics") => {
            &stem[..cut]
        }
        _ => stem,
    };
    let mut out = String::with_capacity(stem.len());
    for c in stem.nfkd().filter(|c| !is_combining_mark(*c)) {
        let spelled = match c {
            'ß' => "ss",
            'æ' | 'Æ' => "ae",
            'œ' | 'Œ' => "oe",
            'ø' | 'Ø' => "o",
            'ł' | 'Ł' => "l",
            'đ' | 'Đ' | 'ð' | 'Ð' => "d",
            'þ' | 'Þ' => "th",
            'ı' => "i",
            _ => "",
        };
        if !spelled.is_empty() {
            out.push_str(spelled);
        } else if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let mut name = out.trim_matches('-').to_owned();
    if name.len() > MAX_STEM {
        name.truncate(MAX_STEM);
        name = name.trim_end_matches('-').to_owned();
    }
    if name.is_empty() {
        name = FALLBACK.to_owned();
    }
    if WINDOWS_RESERVED.contains(&name.as_str()) {
        name = format!("{FALLBACK}-{name}");
    }
    format!("{name}.ics")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_spaces_become_a_plain_hyphenated_name() {
        assert_eq!(
            file_name("Tandem Léa Martin 2026-12-03"),
            "tandem-lea-martin-2026-12-03.ics"
        );
        assert_eq!(
            file_name("tandem-lea-martin-2026-12-03"),
            "tandem-lea-martin-2026-12-03.ics"
        );
    }

    #[test]
    fn characters_forbidden_on_some_system_are_removed() {
        assert_eq!(
            file_name("a/b\\c:d*e?f\"g<h>i|j\u{0}k. "),
            "a-b-c-d-e-f-g-h-i-j-k.ics"
        );
        assert_eq!(
            file_name("Œuvre de Søren Groß"),
            "oeuvre-de-soren-gross.ics"
        );
    }

    #[test]
    fn an_empty_or_reserved_stem_still_gives_a_usable_name() {
        assert_eq!(file_name(""), "calendar.ics");
        assert_eq!(file_name("李雷"), "calendar.ics");
        assert_eq!(file_name("CON"), "calendar-con.ics");
        assert_eq!(file_name("session.ICS"), "session.ics");
    }

    #[test]
    fn a_long_stem_is_cut_without_a_trailing_hyphen() {
        let name = file_name(&"ab ".repeat(100));
        assert!(name.len() <= MAX_STEM + 4);
        assert!(name.ends_with("ab.ics"), "{name}");
    }
}
