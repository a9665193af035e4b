//! The mentor's one-page summary: a self-contained, print-ready HTML page (A4, no script, no
//! external file) that the mentor can print or save as PDF from any browser and bring to their
//! own review. The shell saves it through the save dialog, or shows it in a window to print.
//!
//! Every text that comes from the database is HTML-escaped. Labels exist in English and French.
//! The page keeps to one sheet by listing at most [`MAX_TOPICS`] topics and [`MAX_MENTEES`] mentees
//! (with a "and N more" line).

use crate::access::{self, Effect, Need};
use chrono::{DateTime, Utc};

use super::export::tr;
use super::mentor_recognition;
use super::model::MentorRecognition;
use crate::domain::EmployeeId;
use crate::export::{file_name, Export, HTML_MEDIA_TYPE};
use crate::settings::Language;
use crate::{CoreResult, Store};

/// Topics listed on the page, most taught first.
pub const MAX_TOPICS: usize = 10;
/// Mentees listed on the page.
pub const MAX_MENTEES: usize = 8;

/// The mentor's recognition at `now` as a printable HTML page.
pub fn mentor_summary_html(
    store: &Store,
    mentor_id: EmployeeId,
    now: DateTime<Utc>,
    language: Language,
) -> CoreResult<Export> {
    access::require(store, Need::Person(mentor_id), Effect::Read)?;
    let r = mentor_recognition(store, mentor_id, now)?;
    let html = render(&r, language);
    Ok(Export {
        file_name: file_name("mentor", &r.mentor.full_name(), now.date_naive(), "html"),
        media_type: HTML_MEDIA_TYPE,
        bytes: html.into_bytes(),
    })
}

/// `text` safe inside HTML elements and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn hours(value: f64, language: Language) -> String {
    let text = format!("{value:.1}");
    match language {
        Language::En => text,
        Language::Fr => text.replace('.', ","),
    }
}

fn date(at: Option<DateTime<Utc>>, language: Language) -> String {
    at.map(|a| match language {
        Language::En => a.format("%Y-%m-%d").to_string(),
        Language::Fr => a.format("%d/%m/%Y").to_string(),
    })
    .unwrap_or_else(|| "—".to_owned())
}

fn render(r: &MentorRecognition, language: Language) -> String {
    let l = |en, fr| tr(language, en, fr);
    let name = escape(&r.mentor.full_name());
    let mut out = String::new();
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{} — {}</title>\n",
        language.as_str(),
        l("Mentoring summary", "Bilan de mentorat"),
        name
    ));
    out.push_str(
        "<style>\n\
         @page { size: A4; margin: 16mm; }\n\
         body { font: 11pt/1.4 system-ui, sans-serif; color: #1d1d1f; max-width: 180mm; margin: 0 auto; }\n\
         h1 { font-size: 18pt; margin: 0 0 2mm; }\n\
         h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 1px solid #ccc; }\n\
         .sub { color: #555; margin: 0 0 4mm; }\n\
         .figures { display: flex; gap: 4mm; }\n\
         .figure { flex: 1; border: 1px solid #ccc; border-radius: 2mm; padding: 3mm; text-align: center; }\n\
         .figure b { display: block; font-size: 16pt; }\n\
         table { width: 100%; border-collapse: collapse; font-size: 10pt; }\n\
         th, td { text-align: left; padding: 1mm 2mm; border-bottom: 1px solid #eee; }\n\
         td.n, th.n { text-align: right; }\n\
         footer { margin-top: 6mm; color: #777; font-size: 9pt; }\n\
         @media print { a { color: inherit; text-decoration: none; } }\n\
         </style>\n</head>\n<body>\n",
    );
    out.push_str(&format!(
        "<h1>{} — {}</h1>\n<p class=\"sub\">{}{}</p>\n",
        l("Reverse-mentoring summary", "Bilan de mentorat inversé"),
        name,
        escape(&r.mentor.title),
        if r.mentor.department.is_empty() {
            String::new()
        } else {
            format!(", {}", escape(&r.mentor.department))
        }
    ));

    let rating = r
        .rating
        .average
        .map_or_else(|| "—".to_owned(), |a| format!("{} / 5", hours(a, language)));
    out.push_str("<div class=\"figures\">\n");
    for (label, value) in [
        (
            l("Sessions held", "Séances tenues"),
            r.sessions_held.to_string(),
        ),
        (
            l("Hours taught", "Heures de mentorat"),
            hours(r.hours_held, language),
        ),
        (l("Mentees", "Mentorés"), r.mentees.len().to_string()),
        (l("Mentees' rating", "Note des mentorés"), rating),
    ] {
        out.push_str(&format!(
            "<div class=\"figure\"><b>{}</b>{}</div>\n",
            escape(&value),
            label
        ));
    }
    out.push_str("</div>\n");
    out.push_str(&format!(
        "<p>{} {} — {}</p>\n",
        l("Sessions from", "Séances du"),
        date(r.first_session, language),
        date(r.last_session, language)
    ));

    if !r.platforms.is_empty() {
        out.push_str(&format!(
            "<h2>{}</h2>\n<table>\n<tr><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th></tr>\n",
            l("Per platform", "Par plateforme"),
            l("Platform", "Plateforme"),
            l("Sessions", "Séances"),
            l("Hours", "Heures")
        ));
        for p in &r.platforms {
            out.push_str(&format!(
                "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
                escape(&p.platform_name),
                p.sessions,
                hours(p.hours, language)
            ));
        }
        out.push_str("</table>\n");
    }

    if !r.topics.is_empty() {
        out.push_str(&format!(
            "<h2>{}</h2>\n<table>\n<tr><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th></tr>\n",
            l("Topics taught", "Thèmes enseignés"),
            l("Topic", "Thème"),
            l("Sessions", "Séances"),
            l("Hours", "Heures"),
            l("Done alone", "Fait seul")
        ));
        for t in r.topics.iter().take(MAX_TOPICS) {
            let topic = match language {
                Language::En => &t.name_en,
                Language::Fr => &t.name_fr,
            };
            out.push_str(&format!(
                "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
                escape(topic),
                t.sessions,
                hours(t.hours, language),
                t.depths.done_alone
            ));
        }
        out.push_str("</table>\n");
        more(&mut out, r.topics.len(), MAX_TOPICS, language);
    }

    if !r.mentees.is_empty() {
        out.push_str(&format!(
            "<h2>{}</h2>\n<table>\n<tr><th>{}</th><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th></tr>\n",
            l("Mentees", "Mentorés"),
            l("Mentee", "Mentoré"),
            l("Program", "Programme"),
            l("Sessions", "Séances"),
            l("Hours", "Heures")
        ));
        for m in r.mentees.iter().take(MAX_MENTEES) {
            let program = r
                .programs
                .iter()
                .find(|p| p.program.id == m.program_id)
                .map_or("", |p| p.program.name.as_str());
            out.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
                escape(&m.mentee.full_name()),
                escape(program),
                m.sessions_held,
                hours(m.hours_held, language)
            ));
        }
        out.push_str("</table>\n");
        more(&mut out, r.mentees.len(), MAX_MENTEES, language);
    }

    out.push_str(&format!(
        "<footer>{} {} — Tandem</footer>\n</body>\n</html>\n",
        l("Figures as of", "Chiffres au"),
        date(Some(r.as_of), language)
    ));
    out
}

fn more(out: &mut String, total: usize, shown: usize, language: Language) {
    if total > shown {
        let n = total - shown;
        out.push_str(&format!(
            "<p class=\"sub\">{}</p>\n",
            match language {
                Language::En => format!("and {n} more"),
                Language::Fr => format!("et {n} de plus"),
            }
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_in_names_is_escaped() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }
}
