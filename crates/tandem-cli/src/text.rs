//! The command line's words, in French and English.
//!
//! Two catalogs are merged: the sentences the desktop app shares
//! (`ui/src/lib/i18n/messages.<lang>.json`: refusals, field errors, import reasons, field names),
//! so an error reads the same in the window and in a terminal; and the command line's own
//! (`messages/cli.<lang>.json`: headings, summaries, its own errors). Both are flat
//! `key → sentence` objects with `{name}` placeholders. To add a sentence, add its key to both
//! `cli.*.json` files; a test fails while one language lacks it.

use std::collections::BTreeMap;

use tandem_dto::ErrorDto;

const SHARED_EN: &str = include_str!("../../../ui/src/lib/i18n/messages.en.json");
const SHARED_FR: &str = include_str!("../../../ui/src/lib/i18n/messages.fr.json");
const CLI_EN: &str = include_str!("../messages/cli.en.json");
const CLI_FR: &str = include_str!("../messages/cli.fr.json");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    /// `--lang` when given, else French when `LC_ALL`, `LC_MESSAGES` or `LANG` (the first set)
    /// says so, else English.
    pub fn resolve(chosen: Option<Lang>, env: impl Fn(&str) -> Option<String>) -> Lang {
        if let Some(lang) = chosen {
            return lang;
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|name| env(name).filter(|v| !v.is_empty()))
            .unwrap_or_default();
        if locale.to_ascii_lowercase().starts_with("fr") {
            Lang::Fr
        } else {
            Lang::En
        }
    }

    /// The language of Excel and HTML exports.
    pub fn core(self) -> tandem_core::settings::Language {
        match self {
            Lang::Fr => tandem_core::settings::Language::Fr,
            Lang::En => tandem_core::settings::Language::En,
        }
    }
}

/// One language's sentences.
pub struct Text {
    pub lang: Lang,
    sentences: BTreeMap<String, String>,
}

/// The sentences of one catalog file; an unreadable one gives none (the tests read every file).
fn catalog(json: &str) -> BTreeMap<String, String> {
    serde_json::from_str(json).unwrap_or_default()
}

impl Text {
    pub fn new(lang: Lang) -> Self {
        let (shared, own) = match lang {
            Lang::En => (SHARED_EN, CLI_EN),
            Lang::Fr => (SHARED_FR, CLI_FR),
        };
        let mut sentences = catalog(shared);
        sentences.extend(catalog(own));
        Text { lang, sentences }
    }

    /// The sentence for `key` with its placeholders filled, if the catalog has it.
    pub fn maybe(&self, key: &str, params: &[(&str, String)]) -> Option<String> {
        let mut sentence = self.sentences.get(key)?.clone();
        for (name, value) in params {
            sentence = sentence.replace(&format!("{{{name}}}"), value);
        }
        Some(sentence)
    }

    /// The sentence for `key`; the key itself when the catalog lacks it (a test rules that out).
    pub fn get(&self, key: &str, params: &[(&str, String)]) -> String {
        self.maybe(key, params).unwrap_or_else(|| key.to_owned())
    }

    /// A sentence with no placeholder.
    pub fn word(&self, key: &str) -> String {
        self.get(key, &[])
    }

    /// How an error reads, as the app words it: each field error's sentence (the precise one
    /// when the error carries every value it names), else the refusal's sentence, else the
    /// sentence for its kind, else the core's English message.
    pub fn error(&self, error: &ErrorDto) -> String {
        if !error.fields.is_empty() {
            let mut sentences: Vec<String> = Vec::new();
            for field in &error.fields {
                let params: Vec<(&str, String)> = field
                    .params
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.clone()))
                    .collect();
                let precise = (!params.is_empty())
                    .then(|| self.maybe(&format!("error.{}.detail", field.key), &params))
                    .flatten()
                    .filter(|s| !has_placeholder(s));
                let sentence = precise
                    .or_else(|| self.maybe(&format!("error.{}", field.key), &params))
                    .filter(|s| !has_placeholder(s))
                    .unwrap_or_else(|| field.message.clone());
                if !sentences.contains(&sentence) {
                    sentences.push(sentence);
                }
            }
            return sentences.join(" ");
        }
        let params: Vec<(&str, String)> = error
            .params
            .iter()
            .map(|(k, v)| (k.as_str(), v.clone()))
            .collect();
        let by_key = error.key.as_deref().and_then(|key| {
            let key = if key.starts_with("cli.") {
                key.to_owned()
            } else {
                format!("refusal.{key}")
            };
            self.maybe(&key, &params)
                .map(|s| fill_when(s, &error.params))
        });
        by_key
            .or_else(|| self.maybe(&format!("error.{}", error.code), &[]))
            .unwrap_or_else(|| error.message.clone())
    }
}

fn has_placeholder(sentence: &str) -> bool {
    sentence
        .split('{')
        .skip(1)
        .any(|rest| rest.split_once('}').is_some_and(|(name, _)| is_name(name)))
}

fn is_name(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// `{when}` in a refusal: the instants it names, as the core gives them (RFC 3339), in the zone.
fn fill_when(sentence: String, params: &BTreeMap<String, String>) -> String {
    let Some(start) = params.get("starts_at") else {
        return sentence;
    };
    let end = params
        .get("ends_at")
        .map(|e| format!("–{e}"))
        .unwrap_or_default();
    let zone = params
        .get("timezone")
        .map(|z| format!(" ({z})"))
        .unwrap_or_default();
    sentence.replace("{when}", &format!("{start}{end}{zone}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(json: &str) -> Vec<String> {
        catalog(json).into_keys().collect()
    }

    fn placeholders(sentence: &str) -> Vec<String> {
        let mut names: Vec<String> = sentence
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
            .filter(|name| is_name(name))
            .collect();
        names.sort();
        names.dedup();
        names
    }

    #[test]
    fn every_catalog_reads_and_both_languages_have_the_same_sentences() {
        for json in [SHARED_EN, SHARED_FR, CLI_EN, CLI_FR] {
            assert!(serde_json::from_str::<BTreeMap<String, String>>(json).is_ok());
        }
        assert!(keys(CLI_EN).len() > 40);
        assert_eq!(keys(CLI_EN), keys(CLI_FR));
        let (en, fr) = (catalog(CLI_EN), catalog(CLI_FR));
        for (key, sentence) in &en {
            assert!(key.starts_with("cli."), "{key} is not under cli.");
            assert_eq!(
                placeholders(sentence),
                placeholders(&fr[key]),
                "{key} names different values in French and English"
            );
        }
    }

    #[test]
    fn the_language_comes_from_the_flag_then_the_locale() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(
            Lang::resolve(Some(Lang::En), env(&[("LANG", "fr_FR.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::resolve(None, env(&[("LANG", "fr_FR.UTF-8")])),
            Lang::Fr
        );
        assert_eq!(
            Lang::resolve(
                None,
                env(&[("LC_ALL", "en_GB.UTF-8"), ("LANG", "fr_FR.UTF-8")])
            ),
            Lang::En
        );
        assert_eq!(Lang::resolve(None, env(&[])), Lang::En);
    }

    #[test]
    fn an_error_reads_as_the_app_words_it_in_either_language() {
        let refusal = ErrorDto::refused(
            "conflict",
            tandem_core::RefusalKey::PairApproved,
            "this pair is approved",
        );
        assert_eq!(
            Text::new(Lang::En).error(&refusal),
            "This pair is approved: it can no longer be changed or excluded."
        );
        assert!(Text::new(Lang::Fr)
            .error(&refusal)
            .starts_with("Ce binôme est validé"));
        let too_long = ErrorDto::from(tandem_core::CoreError::Validation(vec![
            tandem_core::FieldError::too_long("title", 120, "too long"),
        ]));
        assert_eq!(
            Text::new(Lang::En).error(&too_long),
            "This is too long: 120 characters at most."
        );
    }
}
