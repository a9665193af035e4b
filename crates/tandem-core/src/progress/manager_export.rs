//! The manager view's exports: CSV (one row per person and platform) and Excel (People, Levels,
//! Summaries). See [`super::export`] for the conventions every progress export follows.

use crate::access::{self, Effect, Need};
use chrono::{DateTime, Utc};

use super::export::{day, day_text, side_text, tr};
use super::manager::whole_manager_view;
use super::model::*;
use crate::export::{
    file_name, Cell, Column, CsvWriter, Export, XlsxBook, XlsxCell, CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE,
};
use crate::settings::Language;
use crate::{CoreResult, Store};

/// The manager view as CSV: one row per person and platform (one row with empty platform columns
/// for someone without a tracked platform, e.g. a mentor).
pub fn manager_view_csv(
    store: &Store,
    scope: &ManagerScope,
    now: DateTime<Utc>,
) -> CoreResult<Export> {
    access::require(store, Need::PeopleOf(scope), Effect::Read)?;
    let v = whole_manager_view(store, scope, now)?;
    let mut w = CsvWriter::new();
    w.header(&[
        "person",
        "email",
        "department",
        "title",
        "sides",
        "programs",
        "sessions_held",
        "hours_held",
        "last_session",
        "next_session",
        "summaries",
        "platform",
        "level_start",
        "level_now",
        "level_target",
    ])?;
    for p in &v.people {
        let name = p.person.full_name();
        let sides: Vec<&str> = p.sides.iter().map(|s| s.as_str()).collect();
        let sides = sides.join(" ");
        let programs: Vec<&str> = p.programs.iter().map(|g| g.name.as_str()).collect();
        let programs = programs.join("; ");
        let (last, next) = (day_text(p.last_session), day_text(p.next_session));
        let level = |v: f64| Cell::Number {
            value: v,
            decimals: 2,
        };
        let person = |w: &mut CsvWriter, platform: Option<&PlatformLevels>| {
            w.row(&[
                Cell::Text(&name),
                Cell::Text(&p.person.email),
                Cell::Text(&p.person.department),
                Cell::Text(&p.person.title),
                Cell::Text(&sides),
                Cell::Text(&programs),
                Cell::Integer(p.sessions_held.into()),
                level(p.hours_held),
                Cell::Text(&last),
                Cell::Text(&next),
                Cell::Integer(p.summaries_total.into()),
                platform.map_or(Cell::Empty, |l| Cell::Text(&l.platform_name)),
                platform.map_or(Cell::Empty, |l| level(l.start)),
                platform.map_or(Cell::Empty, |l| level(l.now)),
                platform.and_then(|l| l.target).map_or(Cell::Empty, level),
            ])
        };
        if p.platforms.is_empty() {
            person(&mut w, None)?;
        }
        for platform in &p.platforms {
            person(&mut w, Some(platform))?;
        }
    }
    Ok(Export {
        file_name: file_name("people", &v.scope_label, day(now), "csv"),
        media_type: CSV_MEDIA_TYPE,
        bytes: w.into_bytes()?,
    })
}

/// The manager view as an Excel workbook: People, Levels, Summaries.
pub fn manager_view_xlsx(
    store: &Store,
    scope: &ManagerScope,
    now: DateTime<Utc>,
    language: Language,
) -> CoreResult<Export> {
    access::require(store, Need::PeopleOf(scope), Effect::Read)?;
    let l = |en, fr| tr(language, en, fr);
    let v = whole_manager_view(store, scope, now)?;
    let mut book = XlsxBook::new();
    let sides = |p: &ManagedPerson| {
        p.sides
            .iter()
            .map(|s| side_text(*s, language))
            .collect::<Vec<_>>()
            .join(", ")
    };
    book.sheet(
        l("People", "Personnes"),
        &[
            Column::new(l("Person", "Personne"), 24.0),
            Column::new(l("Email", "E-mail"), 30.0),
            Column::new(l("Department", "Service"), 20.0),
            Column::new(l("Title", "Fonction"), 22.0),
            Column::new(l("Takes part as", "Participe comme"), 16.0),
            Column::new(l("Programs", "Programmes"), 30.0),
            Column::new(l("Sessions held", "Séances tenues"), 14.0),
            Column::new(l("Hours held", "Heures tenues"), 12.0),
            Column::new(l("Last session (UTC)", "Dernière séance (UTC)"), 18.0),
            Column::new(l("Next session (UTC)", "Prochaine séance (UTC)"), 18.0),
            Column::new(l("Summaries", "Résumés"), 10.0),
        ],
        v.people.iter().map(|p| {
            vec![
                XlsxCell::text(p.person.full_name()),
                XlsxCell::text(p.person.email.as_str()),
                XlsxCell::text(p.person.department.as_str()),
                XlsxCell::text(p.person.title.as_str()),
                XlsxCell::text(sides(p)),
                XlsxCell::text(
                    p.programs
                        .iter()
                        .map(|g| g.name.as_str())
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
                XlsxCell::integer(p.sessions_held),
                XlsxCell::number(p.hours_held, 2),
                p.last_session
                    .map_or(XlsxCell::Empty, |a| XlsxCell::Date(day(a))),
                p.next_session
                    .map_or(XlsxCell::Empty, |a| XlsxCell::Date(day(a))),
                XlsxCell::integer(p.summaries_total),
            ]
        }),
    )?;
    book.sheet(
        l("Levels", "Niveaux"),
        &[
            Column::new(l("Person", "Personne"), 24.0),
            Column::new(l("Email", "E-mail"), 30.0),
            Column::new(l("Platform", "Plateforme"), 14.0),
            Column::new(l("Start level", "Niveau de départ"), 14.0),
            Column::new(l("Level now", "Niveau actuel"), 14.0),
            Column::new(l("Target", "Objectif"), 10.0),
        ],
        v.people.iter().flat_map(|p| {
            p.platforms.iter().map(move |lv| {
                vec![
                    XlsxCell::text(p.person.full_name()),
                    XlsxCell::text(p.person.email.as_str()),
                    XlsxCell::text(lv.platform_name.as_str()),
                    XlsxCell::number(lv.start, 2),
                    XlsxCell::number(lv.now, 2),
                    XlsxCell::maybe_number(lv.target, 2),
                ]
            })
        }),
    )?;
    book.sheet(
        l("Summaries", "Résumés"),
        &[
            Column::new(l("Person", "Personne"), 24.0),
            Column::new(l("Session (UTC)", "Séance (UTC)"), 17.0),
            Column::new(l("As", "Comme"), 10.0),
            Column::new(l("With", "Avec"), 24.0),
            Column::new(l("Program", "Programme"), 24.0),
            Column::new(l("Summary", "Résumé"), 70.0),
        ],
        v.people.iter().flat_map(|p| {
            p.summaries.iter().map(move |s| {
                let program = p
                    .programs
                    .iter()
                    .find(|g| g.id == s.program_id)
                    .map_or("", |g| g.name.as_str());
                vec![
                    XlsxCell::text(p.person.full_name()),
                    XlsxCell::DateTime(s.at.naive_utc()),
                    XlsxCell::text(side_text(s.side, language)),
                    XlsxCell::text(s.with.full_name()),
                    XlsxCell::text(program),
                    XlsxCell::text(s.summary.as_str()),
                ]
            })
        }),
    )?;
    Ok(Export {
        file_name: file_name("people", &v.scope_label, day(now), "xlsx"),
        media_type: XLSX_MEDIA_TYPE,
        bytes: book.into_bytes()?,
    })
}
