//! `programs list|show`, `match` (and its what-if) and `approve`: the program screens' reads and
//! HR's matching actions.

use chrono::Utc;
use serde::Serialize;
use tandem_core::matching::Weights;
use tandem_core::program::{self, PersonSummary, Program, ProgramId, SettingsChange};
use tandem_core::progress::{program_phase, ProgramPhase};
use tandem_core::{directory, Store};
use tandem_dto::{PairDto, PairStatusDto, ProgramDto, RunSummaryDto, WhatIfDto};

use crate::args::{ApproveArgs, MatchArgs, ProgramsCommand};
use crate::commands::score;
use crate::failure::{CliResult, Exit, Failure};
use crate::output::Out;

/// A program with its phase, as `programs list --json` and `programs show --json` give it.
#[derive(Serialize)]
struct ProgramJson {
    #[serde(flatten)]
    program: ProgramDto,
    /// `not_started`, `running` or `ended`, today.
    phase: &'static str,
}

/// A pair with its two people named.
#[derive(Serialize)]
struct NamedPair {
    #[serde(flatten)]
    pair: PairDto,
    mentee_name: String,
    mentee_email: String,
    mentor_name: String,
    mentor_email: String,
}

#[derive(Serialize)]
struct ShowJson {
    program: ProgramJson,
    pairs: Vec<NamedPair>,
}

#[derive(Serialize)]
struct MatchJson {
    summary: RunSummaryDto,
    pairs: Vec<NamedPair>,
}

fn phase(program: &Program) -> &'static str {
    match program_phase(program.start_date, program.end_date, Utc::now()) {
        ProgramPhase::NotStarted => "not_started",
        ProgramPhase::Running => "running",
        ProgramPhase::Ended => "ended",
    }
}

fn program_json(program: Program) -> ProgramJson {
    let phase = phase(&program);
    ProgramJson {
        program: program.into(),
        phase,
    }
}

pub fn run(store: &Store, command: ProgramsCommand, out: &Out) -> CliResult<Exit> {
    match command {
        ProgramsCommand::List => list(store, out),
        ProgramsCommand::Show { program } => {
            let id = program::find_program(store, &program)?;
            show(store, id, out)
        }
    }
}

fn list(store: &Store, out: &Out) -> CliResult<Exit> {
    let programs = program::list_programs(store)?;
    if out.json {
        let all: Vec<ProgramJson> = programs.into_iter().map(program_json).collect();
        out.json(&all)?;
        return Ok(Exit::Done);
    }
    if programs.is_empty() {
        out.say("cli.programs.none", &[]);
        return Ok(Exit::Done);
    }
    let rows: Vec<Vec<String>> = programs
        .iter()
        .map(|p| {
            vec![
                p.name.clone(),
                p.start_date.to_string(),
                p.end_date.to_string(),
                out.text.word(&format!("cli.phase.{}", phase(p))),
                p.mentor_count.to_string(),
                p.mentee_count.to_string(),
                p.proposed_count.to_string(),
                p.approved_count.to_string(),
            ]
        })
        .collect();
    out.table(
        &[
            "cli.col.program",
            "cli.col.start",
            "cli.col.end",
            "cli.col.phase",
            "cli.col.mentors",
            "cli.col.mentees",
            "cli.col.proposed",
            "cli.col.approved",
        ],
        &rows,
    );
    Ok(Exit::Done)
}

/// The program's pairs with names, in mentee name order.
fn named_pairs(store: &Store, id: ProgramId) -> CliResult<Vec<NamedPair>> {
    let full_name = |p: &PersonSummary| format!("{} {}", p.first_name, p.last_name);
    Ok(program::pairs_with_people(store, id)?
        .into_iter()
        .map(|(pair, mentee, mentor)| NamedPair {
            pair: pair.into(),
            mentee_name: full_name(&mentee),
            mentee_email: mentee.email,
            mentor_name: full_name(&mentor),
            mentor_email: mentor.email,
        })
        .collect())
}

fn pairs_table(out: &Out, pairs: &[NamedPair], with_ids: bool) {
    let rows: Vec<Vec<String>> = pairs
        .iter()
        .map(|p| {
            let mut row = vec![
                p.mentee_name.clone(),
                p.mentor_name.clone(),
                score(p.pair.score),
                score(p.pair.parts.skill),
                score(p.pair.parts.interests),
                score(p.pair.parts.availability),
                score(p.pair.parts.adoption),
                score(p.pair.parts.comfort),
                out.text.word(match p.pair.status {
                    PairStatusDto::Proposed => "cli.pair.proposed",
                    PairStatusDto::Approved => "cli.pair.approved",
                }),
            ];
            if with_ids {
                row.push(p.pair.id.clone());
            }
            row
        })
        .collect();
    let mut headings = vec![
        "cli.col.mentee",
        "cli.col.mentor",
        "cli.col.score",
        "cli.col.skill",
        "cli.col.interests",
        "cli.col.availability",
        "cli.col.adoption",
        "cli.col.comfort",
        "cli.col.status",
    ];
    if with_ids {
        headings.push("cli.col.pair_id");
    }
    out.table(&headings, &rows);
}

fn show(store: &Store, id: ProgramId, out: &Out) -> CliResult<Exit> {
    let program = program::get_program(store, id)?;
    let pairs = named_pairs(store, id)?;
    if out.json {
        out.json(&ShowJson {
            program: program_json(program),
            pairs,
        })?;
        return Ok(Exit::Done);
    }
    let t = &out.text;
    out.heading(&program.name);
    out.say(
        "cli.programs.dates",
        &[
            ("start", program.start_date.to_string()),
            ("end", program.end_date.to_string()),
            ("phase", t.word(&format!("cli.phase.{}", phase(&program)))),
        ],
    );
    out.say(
        "cli.programs.counts",
        &[
            ("mentors", program.mentor_count.to_string()),
            ("mentees", program.mentee_count.to_string()),
            ("proposed", program.proposed_count.to_string()),
            ("approved", program.approved_count.to_string()),
        ],
    );
    out.line("");
    if pairs.is_empty() {
        out.say(
            "cli.programs.no_pairs",
            &[("program", program.name.clone())],
        );
    } else {
        pairs_table(out, &pairs, true);
    }
    Ok(Exit::Done)
}

pub fn run_match(store: &mut Store, args: &MatchArgs, out: &Out) -> CliResult<Exit> {
    let id = program::find_program(store, &args.program)?;
    if !args.what_if.is_empty() {
        return what_if(store, id, &args.what_if, out);
    }
    let spinner = out.spinner(out.text.word("cli.match.running"));
    let summary = program::run_matching(store, id);
    spinner.finish_and_clear();
    let summary = summary?;
    let pairs = named_pairs(store, id)?;
    if out.json {
        out.json(&MatchJson {
            summary: summary.into(),
            pairs,
        })?;
        return Ok(Exit::Done);
    }
    pairs_table(out, &pairs, false);
    out.line("");
    out.say(
        "cli.match.summary",
        &[
            ("pairs", summary.pairs.to_string()),
            ("kept", summary.kept.to_string()),
            ("unmatched", summary.unmatched.to_string()),
            ("total", score(summary.total_score)),
            (
                "ms",
                format!("{:.1}", summary.elapsed_micros as f64 / 1000.0),
            ),
        ],
    );
    Ok(Exit::Done)
}

/// `NAME=VALUE` settings over the program's own.
fn settings_change(program: &Program, settings: &[String]) -> CliResult<SettingsChange> {
    let mut weights: Weights = program.matching.weights;
    let mut change = SettingsChange::default();
    for setting in settings {
        let bad = || {
            Failure::cli(
                "usage",
                "what_if_invalid",
                Exit::Refused,
                format!("--what-if {setting}: expected a known NAME=VALUE"),
            )
            .with("value", setting)
        };
        let (name, value) = setting.split_once('=').ok_or_else(bad)?;
        let value = value.trim();
        let weight = || value.parse::<f64>().map_err(|_| bad());
        match name.trim() {
            "skill" => weights.skill = weight()?,
            "interests" => weights.interests = weight()?,
            "availability" => weights.availability = weight()?,
            "adoption" => weights.adoption = weight()?,
            "comfort" => weights.comfort = weight()?,
            "capacity" => change.default_capacity = Some(value.parse().map_err(|_| bad())?),
            "different-department" => {
                change.require_different_department = Some(value.parse().map_err(|_| bad())?)
            }
            _ => return Err(bad()),
        }
    }
    if weights != program.matching.weights {
        change.weights = Some(weights);
    }
    Ok(change)
}

fn what_if(store: &Store, id: ProgramId, settings: &[String], out: &Out) -> CliResult<Exit> {
    let program = program::get_program(store, id)?;
    let change = settings_change(&program, settings)?;
    let spinner = out.spinner(out.text.word("cli.match.running"));
    let answer = program::what_if(store, id, &change);
    spinner.finish_and_clear();
    let answer = answer?;
    if out.json {
        out.json(&WhatIfDto::from(answer))?;
        return Ok(Exit::Done);
    }
    out.say(
        "cli.what_if.totals",
        &[
            ("before", score(answer.total_before)),
            ("after", score(answer.total_after)),
            ("matched_before", answer.matched_before.to_string()),
            ("matched_after", answer.matched_after.to_string()),
        ],
    );
    let rows = |pairs: &[tandem_core::program::DiffPair]| -> Vec<Vec<String>> {
        pairs
            .iter()
            .map(|p| {
                vec![
                    format!("{} {}", p.mentee.first_name, p.mentee.last_name),
                    format!("{} {}", p.mentor.first_name, p.mentor.last_name),
                    score(p.score),
                ]
            })
            .collect()
    };
    let headings = ["cli.col.mentee", "cli.col.mentor", "cli.col.score"];
    if answer.added.is_empty() && answer.removed.is_empty() {
        out.say("cli.what_if.same", &[]);
    }
    if !answer.added.is_empty() {
        out.line("");
        out.heading(out.text.word("cli.what_if.added"));
        out.table(&headings, &rows(&answer.added));
    }
    if !answer.removed.is_empty() {
        out.line("");
        out.heading(out.text.word("cli.what_if.removed"));
        out.table(&headings, &rows(&answer.removed));
    }
    out.say("cli.what_if.nothing_written", &[]);
    Ok(Exit::Done)
}

pub fn approve(store: &mut Store, args: &ApproveArgs, out: &Out) -> CliResult<Exit> {
    let id = program::find_program(store, &args.program)?;
    let approved = if args.all {
        program::approve_all(store, id)?
    } else {
        let pairs = program::list_pairs(store, id)?;
        // Every name is resolved before anything is approved: a typo approves nothing.
        let mut mentees = Vec::new();
        for reference in &args.pairs {
            let by_id = pairs.iter().find(|p| p.id.to_string() == reference.trim());
            let mentee = match by_id {
                Some(pair) => pair.mentee,
                None => {
                    let person = directory::find_employee(store, reference)?;
                    pairs
                        .iter()
                        .find(|p| p.mentee == person)
                        .map(|p| p.mentee)
                        .ok_or_else(|| {
                            Failure::cli(
                                "not_found",
                                "pair_unknown",
                                Exit::NotFound,
                                format!("{reference} has no pair in this program"),
                            )
                            .with("pair", reference)
                        })?
                }
            };
            mentees.push(mentee);
        }
        for mentee in &mentees {
            program::approve_pair(store, id, *mentee, None)?;
        }
        mentees.len() as u32
    };
    if out.json {
        out.json(&serde_json::json!({ "approved": approved }))?;
    } else {
        out.say("cli.approve.done", &[("count", approved.to_string())]);
    }
    Ok(Exit::Done)
}
