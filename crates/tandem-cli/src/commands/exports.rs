//! `export …` and `sessions ics`: the app's exports, built by the core (formula-safe CSV, Excel,
//! HTML, iCalendar) or, with `--format json`, the same data the app's screens receive.

use std::path::{Path, PathBuf};

use chrono::Utc;
use serde::Serialize;
use tandem_core::export::{self, Export, CSV_MEDIA_TYPE};
use tandem_core::progress::{self, ManagerScope};
use tandem_core::session::PairId;
use tandem_core::{directory, program, session, Store};
use tandem_dto::{MentorRecognitionDto, ProgramDashboardDto};

use crate::args::{ExportArgs, ExportKind, Format};
use crate::failure::{CliResult, Exit, Failure};
use crate::output::Out;

/// The name a value has on the command line.
fn arg_name(value: &impl clap::ValueEnum) -> String {
    value
        .to_possible_value()
        .map(|p| p.get_name().to_owned())
        .unwrap_or_default()
}

fn unsupported(kind: ExportKind, format: Format, formats: &str) -> Failure {
    Failure::cli(
        "usage",
        "format_unsupported",
        Exit::Refused,
        format!("this export has no {} format", arg_name(&format)),
    )
    .with("kind", arg_name(&kind))
    .with("format", arg_name(&format))
    .with("formats", formats)
}

fn missing_subject(kind: ExportKind) -> Failure {
    Failure::cli(
        "usage",
        "subject_missing",
        Exit::Refused,
        "say which program or person to export",
    )
    .with("kind", arg_name(&kind))
}

fn json_file<T: Serialize>(file_name: String, value: &T) -> CliResult<Export> {
    let bytes = serde_json::to_vec_pretty(value)
        .map_err(|e| Failure::cli("internal", "json_failed", Exit::Internal, e.to_string()))?;
    Ok(Export {
        file_name,
        media_type: "application/json",
        bytes,
    })
}

pub fn export(store: &Store, args: &ExportArgs, out: &Out) -> CliResult<Exit> {
    let now = Utc::now();
    let language = out.text.lang.core();
    let subject = || {
        args.subject
            .as_deref()
            .ok_or_else(|| missing_subject(args.kind))
    };
    let file = match args.kind {
        ExportKind::Dashboard => {
            let id = program::find_program(store, subject()?)?;
            match args.format {
                Format::Csv => progress::program_dashboard_csv(store, id, now)?,
                Format::Xlsx => progress::program_dashboard_xlsx(store, id, now, language)?,
                Format::Json => {
                    let program = program::get_program(store, id)?;
                    let dashboard = progress::program_dashboard(store, id, now)?;
                    json_file(
                        export::file_name("program", &program.name, now.date_naive(), "json"),
                        &ProgramDashboardDto::from(dashboard),
                    )?
                }
                Format::Html => return Err(unsupported(args.kind, args.format, "csv, xlsx, json")),
            }
        }
        ExportKind::Pairs | ExportKind::Scores => {
            let id = program::find_program(store, subject()?)?;
            let program = program::get_program(store, id)?;
            let kind = if args.kind == ExportKind::Pairs {
                "pairs"
            } else {
                "scores"
            };
            match (args.kind, args.format) {
                (ExportKind::Pairs, Format::Csv) => Export {
                    file_name: export::file_name(kind, &program.name, now.date_naive(), "csv"),
                    media_type: CSV_MEDIA_TYPE,
                    bytes: program::pairs_csv(store, id)?,
                },
                (ExportKind::Pairs, Format::Json) => {
                    let pairs: Vec<tandem_dto::PairDto> = program::list_pairs(store, id)?
                        .into_iter()
                        .map(Into::into)
                        .collect();
                    json_file(
                        export::file_name(kind, &program.name, now.date_naive(), "json"),
                        &pairs,
                    )?
                }
                (ExportKind::Scores, Format::Csv) => Export {
                    file_name: export::file_name(kind, &program.name, now.date_naive(), "csv"),
                    media_type: CSV_MEDIA_TYPE,
                    bytes: program::score_matrix_csv(store, id)?,
                },
                (ExportKind::Pairs, _) => {
                    return Err(unsupported(args.kind, args.format, "csv, json"))
                }
                _ => return Err(unsupported(args.kind, args.format, "csv")),
            }
        }
        ExportKind::Manager => {
            let scope = match (&args.department, args.subject.as_deref()) {
                (Some(department), _) => ManagerScope::Department(department.clone()),
                (None, Some(person)) => {
                    ManagerScope::Manager(directory::find_employee(store, person)?)
                }
                (None, None) => return Err(missing_subject(args.kind)),
            };
            match args.format {
                Format::Csv => progress::manager_view_csv(store, &scope, now)?,
                Format::Xlsx => progress::manager_view_xlsx(store, &scope, now, language)?,
                _ => return Err(unsupported(args.kind, args.format, "csv, xlsx")),
            }
        }
        ExportKind::Mentor => {
            let mentor = directory::find_employee(store, subject()?)?;
            match args.format {
                Format::Html => progress::mentor_summary_html(store, mentor, now, language)?,
                Format::Json => {
                    let recognition = progress::mentor_recognition(store, mentor, now)?;
                    let name = directory::get_employee(store, mentor)?.employee.full_name();
                    json_file(
                        export::file_name("mentor", &name, now.date_naive(), "json"),
                        &MentorRecognitionDto::from(recognition),
                    )?
                }
                _ => return Err(unsupported(args.kind, args.format, "html, json")),
            }
        }
    };
    save(out, args.output.as_deref(), &file.file_name, &file.bytes)
}

pub fn pair_ics(store: &Store, pair: &str, output: Option<PathBuf>, out: &Out) -> CliResult<Exit> {
    let id = PairId::parse(pair)?;
    let (name, bytes) = session::pair_ics(store, id)?;
    save(out, output.as_deref(), &name, &bytes)
}

/// Writes the file where asked (or under its usual name here) and says where.
fn save(out: &Out, output: Option<&Path>, file_name: &str, bytes: &[u8]) -> CliResult<Exit> {
    let path = output.map_or_else(|| PathBuf::from(file_name), Path::to_path_buf);
    out.write_file(&path, bytes)?;
    if path.as_os_str() != "-" {
        if out.json {
            out.json(&serde_json::json!({ "path": path, "bytes": bytes.len() }))?;
        } else {
            out.say(
                "cli.export.written",
                &[
                    ("path", path.display().to_string()),
                    ("bytes", bytes.len().to_string()),
                ],
            );
        }
    }
    Ok(Exit::Done)
}
