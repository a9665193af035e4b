//! The progress exports' shared conventions and labels, and the program dashboard's exports (the
//! manager view's are in `manager_export.rs`).
//!
//! - CSV (one table per file, for other tools): the dashboard's file is **one row per approved
//!   pair**, the table HR filters and sorts most (state, risk, sessions, hours, ratings); the
//!   manager view's is **one row per person and platform**. Headers are stable snake_case keys, as
//!   in every Tandem CSV; dates are `YYYY-MM-DD` (UTC), hours have 2 decimals.
//! - Excel (for people): the dashboard as sheets Summary, Pairs, Mentees' progress, Topics and
//!   Sessions; the manager view as People, Levels and Summaries. Headers and sheet names follow
//!   the interface language. Session times are local to the session's own time zone (given beside
//!   them); other dates are UTC dates.
//!
//! Everything comes from the same functions as the screens ([`super::program_dashboard`],
//! [`super::manager_view`]), so a file always matches what the screen showed. To add a column,
//! add it to the header and to the row in the same function, and to the round-trip test.

use crate::access::{self, Effect, Need};
use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};

use super::catalog::CatalogIndex;
use super::levels::{platform_levels, Confirmed, Declared};
use super::model::*;
use super::{hours_between, program_dashboard};
use crate::domain::{AdoptionProfile, EmployeeId};
use crate::export::{
    file_name, Cell, Column, CsvWriter, Export, XlsxBook, XlsxCell, CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE,
};
use crate::program::{PersonSummary, ProgramId, Side};
use crate::session::{RiskReason, SessionStatus};
use crate::settings::Language;
use crate::store::progress as db;
use crate::{CoreResult, Store};

/// `en` or `fr` as the language asks.
pub(crate) fn tr(language: Language, en: &'static str, fr: &'static str) -> &'static str {
    match language {
        Language::En => en,
        Language::Fr => fr,
    }
}

pub(super) fn day(at: DateTime<Utc>) -> NaiveDate {
    at.date_naive()
}

pub(super) fn day_text(at: Option<DateTime<Utc>>) -> String {
    at.map(|a| day(a).format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// A risk as a stable key with its figures, e.g. `no_session_held_for:50/42`.
fn risk_key(risk: &RiskReason) -> String {
    match risk {
        RiskReason::ConsecutiveCancellations { count } => {
            format!("consecutive_cancellations:{count}")
        }
        RiskReason::NoSessionHeldFor { days, limit_days } => {
            format!("no_session_held_for:{days}/{limit_days}")
        }
    }
}

fn risk_text(risk: &RiskReason, language: Language) -> String {
    match (risk, language) {
        (RiskReason::ConsecutiveCancellations { count }, Language::En) => {
            format!("{count} cancellations in a row")
        }
        (RiskReason::ConsecutiveCancellations { count }, Language::Fr) => {
            format!("{count} annulations d'affilée")
        }
        (RiskReason::NoSessionHeldFor { days, .. }, Language::En) => {
            format!("no session held for {days} days")
        }
        (RiskReason::NoSessionHeldFor { days, .. }, Language::Fr) => {
            format!("aucune séance tenue depuis {days} jours")
        }
    }
}

fn state_key(state: PairState) -> &'static str {
    match state {
        PairState::NotStarted => "not_started",
        PairState::Active => "active",
        PairState::Completed => "completed",
    }
}

fn state_text(state: PairState, language: Language) -> &'static str {
    match state {
        PairState::NotStarted => tr(language, "Not started", "Pas commencé"),
        PairState::Active => tr(language, "Active", "Actif"),
        PairState::Completed => tr(language, "Completed", "Terminé"),
    }
}

fn status_text(status: SessionStatus, language: Language) -> &'static str {
    match status {
        SessionStatus::Planned => tr(language, "Planned", "Prévue"),
        SessionStatus::Held => tr(language, "Held", "Tenue"),
        SessionStatus::Cancelled => tr(language, "Cancelled", "Annulée"),
        SessionStatus::NoShow => tr(language, "No-show", "Absence"),
    }
}

fn depth_text(depth: TopicDepth, language: Language) -> &'static str {
    match depth {
        TopicDepth::Shown => tr(language, "shown", "montré"),
        TopicDepth::Practised => tr(language, "practised", "pratiqué"),
        TopicDepth::DoneAlone => tr(language, "done alone", "fait seul"),
    }
}

fn outcome_text(outcome: TaskOutcome, language: Language) -> &'static str {
    match outcome {
        TaskOutcome::Done => tr(language, "Done", "Fait"),
        TaskOutcome::Partly => tr(language, "Partly", "En partie"),
        TaskOutcome::NotDone => tr(language, "Not done", "Pas fait"),
    }
}

fn profile_text(profile: Option<AdoptionProfile>, language: Language) -> &'static str {
    use AdoptionProfile as P;
    match profile {
        Some(P::Categorical) => tr(language, "Categorical", "Catégorique"),
        Some(P::Allergic) => tr(language, "Allergic", "Allergique"),
        Some(P::Curious) => tr(language, "Curious", "Curieux"),
        Some(P::Anxious) => tr(language, "Anxious", "Anxieux"),
        Some(P::Enthusiast) => tr(language, "Enthusiast", "Enthousiaste"),
        Some(P::GoodStudent) => tr(language, "Good student", "Bon élève"),
        Some(P::Overwhelmed) => tr(language, "Overwhelmed", "Débordé"),
        None => tr(language, "Not recorded", "Non renseigné"),
    }
}

pub(super) fn side_text(side: Side, language: Language) -> &'static str {
    match side {
        Side::Mentee => tr(language, "Mentee", "Mentoré"),
        Side::Mentor => tr(language, "Mentor", "Mentor"),
    }
}

// ---------------------------------------------------------------- program dashboard

/// The dashboard's pairs as CSV, one row per approved pair in mentee name order.
pub fn program_dashboard_csv(
    store: &Store,
    program_id: ProgramId,
    now: DateTime<Utc>,
) -> CoreResult<Export> {
    access::require(store, Need::Hr, Effect::Read)?;
    let d = program_dashboard(store, program_id, now)?;
    let mut w = CsvWriter::new();
    w.header(&[
        "mentee",
        "mentee_email",
        "mentee_department",
        "mentor",
        "mentor_email",
        "mentor_department",
        "state",
        "at_risk",
        "risk_reasons",
        "sessions_scheduled",
        "sessions_held",
        "sessions_planned",
        "sessions_cancelled",
        "sessions_no_show",
        "hours_held",
        "last_held",
        "next_planned",
        "topics_covered",
        "mentee_rating",
        "mentor_rating",
    ])?;
    for p in &d.pair_rows {
        let (mentee, mentor) = (p.mentee.full_name(), p.mentor.full_name());
        let risks = p.risks.iter().map(risk_key).collect::<Vec<_>>().join(" ");
        let (last, next) = (day_text(p.last_held), day_text(p.next_planned));
        let rating = |r: RatingAverage| {
            r.average
                .map_or(Cell::Empty, |value| Cell::Number { value, decimals: 2 })
        };
        w.row(&[
            Cell::Text(&mentee),
            Cell::Text(&p.mentee.email),
            Cell::Text(&p.mentee.department),
            Cell::Text(&mentor),
            Cell::Text(&p.mentor.email),
            Cell::Text(&p.mentor.department),
            Cell::Text(state_key(p.state)),
            Cell::Text(if p.risks.is_empty() { "no" } else { "yes" }),
            Cell::Text(&risks),
            Cell::Integer(p.sessions.scheduled.into()),
            Cell::Integer(p.sessions.held.into()),
            Cell::Integer(p.sessions.planned.into()),
            Cell::Integer(p.sessions.cancelled.into()),
            Cell::Integer(p.sessions.no_show.into()),
            Cell::Number {
                value: p.hours_held,
                decimals: 2,
            },
            Cell::Text(&last),
            Cell::Text(&next),
            Cell::Integer(p.topics_covered.into()),
            rating(p.mentee_rating),
            rating(p.mentor_rating),
        ])?;
    }
    Ok(Export {
        file_name: file_name("program", &d.program.name, day(now), "csv"),
        media_type: CSV_MEDIA_TYPE,
        bytes: w.into_bytes()?,
    })
}

/// The dashboard as an Excel workbook: Summary, Pairs, Mentees' progress, Topics, Sessions.
pub fn program_dashboard_xlsx(
    store: &Store,
    program_id: ProgramId,
    now: DateTime<Utc>,
    language: Language,
) -> CoreResult<Export> {
    access::require(store, Need::Hr, Effect::Read)?;
    let l = |en, fr| tr(language, en, fr);
    let d = program_dashboard(store, program_id, now)?;
    let conn = store.conn();
    let catalog = CatalogIndex::load(conn)?;
    let mut book = XlsxBook::new();

    book.sheet(
        l("Summary", "Synthèse"),
        &[
            Column::new(l("Figure", "Indicateur"), 44.0),
            Column::new(l("Value", "Valeur"), 18.0),
        ],
        summary_rows(&d, language),
    )?;

    book.sheet(
        l("Pairs", "Binômes"),
        &[
            Column::new(l("Mentee", "Mentoré"), 24.0),
            Column::new(l("Mentee email", "E-mail du mentoré"), 30.0),
            Column::new(l("Mentee department", "Service du mentoré"), 20.0),
            Column::new(l("Mentor", "Mentor"), 24.0),
            Column::new(l("Mentor email", "E-mail du mentor"), 30.0),
            Column::new(l("State", "État"), 14.0),
            Column::new(l("At risk", "À risque"), 36.0),
            Column::new(l("Scheduled", "Programmées"), 12.0),
            Column::new(l("Held", "Tenues"), 10.0),
            Column::new(l("Cancelled", "Annulées"), 11.0),
            Column::new(l("No-show", "Absences"), 10.0),
            Column::new(l("Hours held", "Heures tenues"), 12.0),
            Column::new(l("Last held (UTC)", "Dernière tenue (UTC)"), 16.0),
            Column::new(l("Next planned (UTC)", "Prochaine prévue (UTC)"), 18.0),
            Column::new(l("Topics covered", "Thèmes abordés"), 14.0),
            Column::new(l("Mentee rating", "Note du mentoré"), 14.0),
            Column::new(l("Mentor rating", "Note du mentor"), 14.0),
        ],
        d.pair_rows.iter().map(|p| {
            let risks: Vec<String> = p.risks.iter().map(|r| risk_text(r, language)).collect();
            vec![
                XlsxCell::text(p.mentee.full_name()),
                XlsxCell::text(p.mentee.email.as_str()),
                XlsxCell::text(p.mentee.department.as_str()),
                XlsxCell::text(p.mentor.full_name()),
                XlsxCell::text(p.mentor.email.as_str()),
                XlsxCell::text(state_text(p.state, language)),
                XlsxCell::text(risks.join("; ")),
                XlsxCell::integer(p.sessions.scheduled),
                XlsxCell::integer(p.sessions.held),
                XlsxCell::integer(p.sessions.cancelled),
                XlsxCell::integer(p.sessions.no_show),
                XlsxCell::number(p.hours_held, 2),
                p.last_held
                    .map_or(XlsxCell::Empty, |a| XlsxCell::Date(day(a))),
                p.next_planned
                    .map_or(XlsxCell::Empty, |a| XlsxCell::Date(day(a))),
                XlsxCell::integer(p.topics_covered),
                XlsxCell::maybe_number(p.mentee_rating.average, 2),
                XlsxCell::maybe_number(p.mentor_rating.average, 2),
            ]
        }),
    )?;

    // Mentees' levels within this program, as the mentee page computes them.
    let mentees: Vec<&PersonSummary> = d.pair_rows.iter().map(|p| &p.mentee).collect();
    let declared = db::declared_levels(conn, &db::id_list(mentees.iter().map(|m| m.id)))?;
    let latest = db::latest_confirmed_in_program(conn, program_id)?;
    let mut declared_by: HashMap<EmployeeId, HashMap<&str, Declared>> = HashMap::new();
    for k in &declared {
        declared_by.entry(k.employee).or_default().insert(
            &k.topic_id,
            Declared {
                level: k.level,
                target: k.target,
            },
        );
    }
    let mut latest_by: HashMap<EmployeeId, Vec<Confirmed<'_>>> = HashMap::new();
    for c in &latest {
        latest_by.entry(c.mentee).or_default().push(Confirmed {
            session_id: c.session_id,
            at: c.at,
            topic_id: &c.topic_id,
            level: c.level,
        });
    }
    let empty_declared = HashMap::new();
    let mut level_rows = Vec::new();
    for p in &d.pair_rows {
        let declared = declared_by.get(&p.mentee.id).unwrap_or(&empty_declared);
        let latest = latest_by.get(&p.mentee.id).map_or(&[][..], Vec::as_slice);
        for level in platform_levels(&catalog, declared, latest) {
            level_rows.push(vec![
                XlsxCell::text(p.mentee.full_name()),
                XlsxCell::text(p.mentee.email.as_str()),
                XlsxCell::text(p.mentee.department.as_str()),
                XlsxCell::text(level.platform_name),
                XlsxCell::number(level.start, 2),
                XlsxCell::number(level.now, 2),
                XlsxCell::maybe_number(level.target, 2),
                XlsxCell::number(level.now - level.start, 2),
                XlsxCell::integer(p.sessions.held),
                XlsxCell::number(p.hours_held, 2),
            ]);
        }
    }
    book.sheet(
        l("Mentees' progress", "Progression des mentorés"),
        &[
            Column::new(l("Mentee", "Mentoré"), 24.0),
            Column::new(l("Email", "E-mail"), 30.0),
            Column::new(l("Department", "Service"), 20.0),
            Column::new(l("Platform", "Plateforme"), 14.0),
            Column::new(l("Start level", "Niveau de départ"), 14.0),
            Column::new(l("Level now", "Niveau actuel"), 14.0),
            Column::new(l("Target", "Objectif"), 10.0),
            Column::new(l("Change", "Évolution"), 10.0),
            Column::new(l("Sessions held", "Séances tenues"), 14.0),
            Column::new(l("Hours held", "Heures tenues"), 12.0),
        ],
        level_rows,
    )?;

    book.sheet(
        l("Topics", "Thèmes"),
        &[
            Column::new(l("Platform", "Plateforme"), 14.0),
            Column::new(l("Topic", "Thème"), 34.0),
            Column::new(l("Sessions", "Séances"), 10.0),
            Column::new(l("Shown", "Montré"), 10.0),
            Column::new(l("Practised", "Pratiqué"), 10.0),
            Column::new(l("Done alone", "Fait seul"), 10.0),
        ],
        d.topics.iter().flat_map(|p| {
            p.topics.iter().map(move |t| {
                vec![
                    XlsxCell::text(p.platform_name.as_str()),
                    XlsxCell::text(match language {
                        Language::En => t.name_en.as_str(),
                        Language::Fr => t.name_fr.as_str(),
                    }),
                    XlsxCell::integer(t.sessions),
                    XlsxCell::integer(t.depths.shown),
                    XlsxCell::integer(t.depths.practised),
                    XlsxCell::integer(t.depths.done_alone),
                ]
            })
        }),
    )?;

    let pair_names: HashMap<i64, (String, String)> = db::approved_pairs(conn, program_id)?
        .into_iter()
        .map(|p| (p.key, (p.mentee.full_name(), p.mentor.full_name())))
        .collect();
    let sessions = db::program_export_sessions(conn, program_id)?;
    let no_names = (String::new(), String::new());
    book.sheet(
        l("Sessions", "Séances"),
        &[
            Column::new(l("Start (local)", "Début (heure locale)"), 17.0),
            Column::new(l("Time zone", "Fuseau horaire"), 16.0),
            Column::new(l("Hours", "Heures"), 8.0),
            Column::new(l("Status", "Statut"), 11.0),
            Column::new(l("Mentee", "Mentoré"), 24.0),
            Column::new(l("Mentor", "Mentor"), 24.0),
            Column::new(l("Topics", "Thèmes"), 40.0),
            Column::new(l("Practice task set", "Exercice donné"), 36.0),
            Column::new(l("Previous task", "Exercice précédent"), 14.0),
            Column::new(l("Mentee rating", "Note du mentoré"), 14.0),
            Column::new(l("Mentor rating", "Note du mentor"), 14.0),
            Column::new(l("Summary", "Résumé"), 60.0),
        ],
        sessions.iter().map(|s| {
            let (mentee, mentor) = pair_names.get(&s.pair_key).unwrap_or(&no_names);
            let zone: chrono_tz::Tz = s.timezone.parse().unwrap_or(chrono_tz::UTC);
            let topics: Vec<String> = s
                .topics
                .split_whitespace()
                .filter_map(|item| {
                    let (topic, depth) = item.rsplit_once(':')?;
                    let (en, fr) = catalog.topic_names(topic);
                    let name = if language == Language::En { en } else { fr };
                    let depth = TopicDepth::parse(depth).map_or("", |d| depth_text(d, language));
                    Some(format!("{name} ({depth})"))
                })
                .collect();
            vec![
                XlsxCell::DateTime(s.starts_at.with_timezone(&zone).naive_local()),
                XlsxCell::text(s.timezone.as_str()),
                XlsxCell::number(hours_between(s.starts_at, s.ends_at), 2),
                XlsxCell::text(status_text(s.status, language)),
                XlsxCell::text(mentee.as_str()),
                XlsxCell::text(mentor.as_str()),
                XlsxCell::text(topics.join("; ")),
                XlsxCell::text(s.task_set.as_str()),
                s.previous_task_outcome.map_or(XlsxCell::Empty, |o| {
                    XlsxCell::text(outcome_text(o, language))
                }),
                s.mentee_rating.map_or(XlsxCell::Empty, XlsxCell::integer),
                s.mentor_rating.map_or(XlsxCell::Empty, XlsxCell::integer),
                XlsxCell::text(s.summary.as_str()),
            ]
        }),
    )?;

    Ok(Export {
        file_name: file_name("program", &d.program.name, day(now), "xlsx"),
        media_type: XLSX_MEDIA_TYPE,
        bytes: book.into_bytes()?,
    })
}

fn summary_rows(d: &ProgramDashboard, language: Language) -> Vec<Vec<XlsxCell<'static>>> {
    let l = |en, fr| tr(language, en, fr);
    let label = |s: &str| XlsxCell::text(s.to_owned());
    let int = |n: u32| XlsxCell::integer(n);
    let mut rows = vec![
        vec![
            label(l("Program", "Programme")),
            XlsxCell::text(d.program.name.clone()),
        ],
        vec![
            label(l("Start date", "Date de début")),
            XlsxCell::Date(d.program.start_date),
        ],
        vec![
            label(l("End date", "Date de fin")),
            XlsxCell::Date(d.program.end_date),
        ],
        vec![
            label(l("Figures as of (UTC)", "Chiffres au (UTC)")),
            XlsxCell::DateTime(d.as_of.naive_utc()),
        ],
        vec![
            label(l("Pairs approved", "Binômes validés")),
            int(d.pairs.approved),
        ],
        vec![
            label(l("Pairs active", "Binômes actifs")),
            int(d.pairs.active),
        ],
        vec![
            label(l("Pairs at risk", "Binômes à risque")),
            int(d.pairs.at_risk),
        ],
        vec![
            label(l("Pairs completed", "Binômes terminés")),
            int(d.pairs.completed),
        ],
        vec![
            label(l("Pairs not started", "Binômes pas commencés")),
            int(d.pairs.not_started),
        ],
        vec![
            label(l(
                "Sessions scheduled (not cancelled)",
                "Séances programmées (non annulées)",
            )),
            int(d.sessions.scheduled),
        ],
        vec![
            label(l("Sessions held", "Séances tenues")),
            int(d.sessions.held),
        ],
        vec![
            label(l("Sessions cancelled", "Séances annulées")),
            int(d.sessions.cancelled),
        ],
        vec![label(l("No-shows", "Absences")), int(d.sessions.no_show)],
        vec![
            label(l("Hours held", "Heures tenues")),
            XlsxCell::number(d.hours_held, 2),
        ],
        vec![
            label(l("Average mentee rating", "Note moyenne des mentorés")),
            XlsxCell::maybe_number(d.mentee_rating.average, 2),
        ],
        vec![
            label(l("Average mentor rating", "Note moyenne des mentors")),
            XlsxCell::maybe_number(d.mentor_rating.average, 2),
        ],
        vec![
            label(l("Charter acknowledged", "Charte acceptée")),
            int(d.charter.acknowledged),
        ],
        vec![
            label(l("Participants", "Participants")),
            int(d.charter.participants),
        ],
        vec![
            label(l("Active mentees", "Mentorés actifs")),
            int(d.audience.active_mentees),
        ],
        vec![
            label(l(
                "Estimated audience (followers)",
                "Audience estimée (abonnés)",
            )),
            XlsxCell::Integer(d.audience.total_followers as i64),
        ],
    ];
    for p in &d.audience.platforms {
        let name = match language {
            Language::En => format!("Followers on {} ({} known)", p.platform_name, p.known),
            Language::Fr => format!("Abonnés sur {} ({} connus)", p.platform_name, p.known),
        };
        rows.push(vec![
            XlsxCell::text(name),
            XlsxCell::Integer(p.followers as i64),
        ]);
    }
    for p in &d.adoption.profiles {
        let name = profile_text(p.profile, language);
        let (start, now) = match language {
            Language::En => (
                format!("Profile at start: {name}"),
                format!("Profile now: {name}"),
            ),
            Language::Fr => (
                format!("Profil au départ : {name}"),
                format!("Profil actuel : {name}"),
            ),
        };
        rows.push(vec![XlsxCell::text(start), int(p.at_start)]);
        rows.push(vec![XlsxCell::text(now), int(p.now)]);
    }
    rows
}
