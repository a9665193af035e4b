//! The program's CSV exports: the proposal's pairs, and the full mentee × mentor score matrix.
//!
//! Both go through [`crate::export::CsvWriter`], so names that look like formulas are neutralised.
//! Scores and parts are written with 4 decimals (0..1). To add a column, add it to the header and
//! to the row in the same function.

use crate::access::{self, Effect, Need};
use std::collections::HashMap;

use crate::domain::EmployeeId;
use crate::export::{Cell, CsvWriter};
use crate::matching::score::IntWeights;
use crate::matching::{self, Person};
use crate::program::input::load;
use crate::program::{constraint_key, ProgramId};
use crate::{CoreResult, Store};

const DECIMALS: usize = 4;

fn number(value: f64) -> Cell<'static> {
    Cell::Number {
        value,
        decimals: DECIMALS,
    }
}

/// The stored pairs, one row each, in mentee name order, with a header.
pub fn pairs_csv(store: &Store, id: ProgramId) -> CoreResult<Vec<u8>> {
    access::require(store, Need::Hr, Effect::Read)?;
    let input = load(store.conn(), id)?;
    let mut w = CsvWriter::new();
    w.header(&[
        "mentee",
        "mentee_email",
        "mentee_department",
        "mentor",
        "mentor_email",
        "mentor_department",
        "score",
        "skill",
        "interests",
        "availability",
        "adoption",
        "comfort",
        "locked",
        "status",
    ])?;
    let mut rows: Vec<_> = input
        .pairs
        .iter()
        .map(|p| (input.person(p.mentee), input.person(p.mentor), p))
        .collect();
    rows.sort_by(|a, b| {
        (&a.0.last_name, &a.0.first_name, a.0.id).cmp(&(&b.0.last_name, &b.0.first_name, b.0.id))
    });
    for (mentee, mentor, pair) in &rows {
        let (mentee_name, mentor_name) = (mentee.full_name(), mentor.full_name());
        w.row(&[
            Cell::Text(&mentee_name),
            Cell::Text(&mentee.email),
            Cell::Text(&mentee.department),
            Cell::Text(&mentor_name),
            Cell::Text(&mentor.email),
            Cell::Text(&mentor.department),
            number(pair.score),
            number(pair.parts.skill),
            number(pair.parts.interests),
            number(pair.parts.availability),
            number(pair.parts.adoption),
            number(pair.parts.comfort),
            Cell::Text(if pair.locked { "yes" } else { "no" }),
            Cell::Text(pair.status.as_str()),
        ])?;
    }
    w.into_bytes()
}

/// One row per active mentee, one column per active mentor (both in id order, so the file is
/// the same for the same data), each cell the pair's score, or `excluded:<constraint>` when a hard
/// constraint forbids the pair. Capacities and locks do not matter here: it is the raw matrix.
pub fn score_matrix_csv(store: &Store, id: ProgramId) -> CoreResult<Vec<u8>> {
    access::require(store, Need::Hr, Effect::Read)?;
    let input = load(store.conn(), id)?;
    let mut settings = input.settings.clone();
    settings.locked_pairs.clear();
    let dense = matching::dense_problem(&input.mentees, &input.mentors, &settings)?;
    let max_points = IntWeights::from_settings(&settings).max_points();
    let mentee_of: HashMap<EmployeeId, &Person> = input.mentees.iter().map(|p| (p.id, p)).collect();
    let mentor_of: HashMap<EmployeeId, &Person> = input.mentors.iter().map(|p| (p.id, p)).collect();

    let mut w = CsvWriter::new();
    let mut header = vec!["mentee".to_owned(), "mentee_email".to_owned()];
    header.extend(dense.mentors.iter().map(|m| {
        let p = input.person(*m);
        format!("{} <{}>", p.full_name(), p.email)
    }));
    w.header(&header)?;
    let m = dense.mentors.len();
    for (i, mentee_id) in dense.mentees.iter().enumerate() {
        let mentee = input.person(*mentee_id);
        let name = mentee.full_name();
        let mut texts: Vec<String> = Vec::with_capacity(m);
        let mut values: Vec<Option<f64>> = Vec::with_capacity(m);
        for (j, mentor_id) in dense.mentors.iter().enumerate() {
            match dense.points.get(i * m + j).copied().flatten() {
                Some(points) if max_points > 0 => {
                    values.push(Some(points as f64 / max_points as f64));
                    texts.push(String::new());
                }
                Some(_) => {
                    values.push(Some(0.0));
                    texts.push(String::new());
                }
                None => {
                    let constraint = match (mentee_of.get(mentee_id), mentor_of.get(mentor_id)) {
                        (Some(me), Some(mo)) => {
                            matching::why_excluded(me, mo, &settings).first().copied()
                        }
                        _ => None,
                    };
                    values.push(None);
                    texts.push(match constraint {
                        Some(c) => format!("excluded:{}", constraint_key(c)),
                        None => String::new(),
                    });
                }
            }
        }
        let mut cells = vec![Cell::Text(&name), Cell::Text(&mentee.email)];
        for (value, text) in values.iter().zip(&texts) {
            cells.push(match value {
                Some(v) => number(*v),
                None if text.is_empty() => Cell::Empty,
                None => Cell::Text(text),
            });
        }
        w.row(&cells)?;
    }
    w.into_bytes()
}
