//! `import FILE`: the HR import as the app's import screen runs it (stage, remembered mapping,
//! preview, commit), with the mapping and the confirmation of left-out columns given as flags.

use serde::Serialize;
use tandem_core::import::{self, ImportField, ImportPreview, RejectedRow, StagedImport};
use tandem_core::Store;
use tandem_dto::{ImportOutcomeDto, ImportPreviewDto};

use crate::args::ImportArgs;
use crate::failure::{CliResult, Exit, Failure};
use crate::output::Out;
use crate::text::Text;

/// `--json`: the preview as the app receives it, and the outcome when committed.
#[derive(Serialize)]
struct ImportJson {
    preview: ImportPreviewDto,
    committed: bool,
    outcome: Option<ImportOutcomeDto>,
}

pub fn run(store: &mut Store, args: &ImportArgs, out: &Out) -> CliResult<Exit> {
    let unreadable = |e: std::io::Error| {
        Failure::cli(
            "invalid_file",
            "file_unreadable",
            Exit::Refused,
            format!("{} cannot be read: {e}", args.file.display()),
        )
        .with("path", args.file.display())
        .with("detail", e)
    };
    // A file over the import's limit is refused before it is read.
    import::check_file_size(std::fs::metadata(&args.file).map_err(unreadable)?.len())?;
    let bytes = std::fs::read(&args.file).map_err(unreadable)?;
    let name = args
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "import.csv".to_owned());
    let mut staged = import::stage(&name, &bytes)?;
    drop(bytes);
    import::recall_mapping(store, &mut staged)?;
    if !args.map.is_empty() {
        let mut mapping = staged.mapping().clone();
        for pair in &args.map {
            let (field, column) = parse_map(pair, staged.headers())?;
            // A field feeds one column: the one named now.
            for slot in mapping.columns.iter_mut() {
                if *slot == Some(field) {
                    *slot = None;
                }
            }
            mapping.columns[column] = Some(field);
        }
        staged.set_mapping(mapping)?;
    }
    let preview = with_bar(out, |progress| import::preview(store, &staged, progress))?;
    let rejected_rows = !preview.rejected.is_empty();
    if !out.json {
        print_preview(out, &preview);
    }
    if !preview.missing_required.is_empty() {
        let fields: Vec<String> = preview
            .missing_required
            .iter()
            .map(|f| field_label(&out.text, *f))
            .collect();
        return Err(Failure::cli(
            "validation",
            "mapping_missing",
            Exit::Refused,
            format!("no column feeds: {}", fields.join(", ")),
        )
        .with("fields", fields.join(", ")));
    }
    let outcome = if args.dry_run {
        None
    } else {
        let confirmed = confirmed_columns(&staged, args)?;
        Some(with_bar(out, |progress| {
            import::commit(store, &staged, &confirmed, progress)
        })?)
    };
    if out.json {
        out.json(&ImportJson {
            preview: preview.into(),
            committed: outcome.is_some(),
            outcome: outcome.map(Into::into),
        })?;
    } else {
        match outcome {
            Some(o) => out.say(
                "cli.import.committed",
                &[
                    ("created", o.created.to_string()),
                    ("updated", o.updated.to_string()),
                    ("unchanged", o.unchanged.to_string()),
                    ("rejected", o.rejected.to_string()),
                ],
            ),
            None => out.say("cli.import.dry_run", &[]),
        }
    }
    Ok(if rejected_rows {
        Exit::Rejected
    } else {
        Exit::Done
    })
}

/// Runs an import phase with a progress bar on a terminal.
fn with_bar<T>(
    out: &Out,
    phase: impl FnOnce(&mut dyn FnMut(import::Progress)) -> tandem_core::CoreResult<T>,
) -> CliResult<T> {
    let bar = out.bar();
    let mut shown: Option<import::Phase> = None;
    let mut report = |p: import::Progress| {
        if shown != Some(p.phase) {
            shown = Some(p.phase);
            bar.set_message(
                out.text
                    .word(&format!("cli.import.phase.{}", phase_key(p.phase))),
            );
        }
        bar.set_length(p.total as u64);
        bar.set_position(p.done as u64);
    };
    let result = phase(&mut report);
    bar.finish_and_clear();
    Ok(result?)
}

fn phase_key(phase: import::Phase) -> &'static str {
    match phase {
        import::Phase::Reading => "reading",
        import::Phase::Checking => "checking",
        import::Phase::Writing => "writing",
    }
}

/// `FIELD=COLUMN`: the field's key and the column's index.
fn parse_map(pair: &str, headers: &[String]) -> CliResult<(ImportField, usize)> {
    let bad = || {
        Failure::cli(
            "usage",
            "map_invalid",
            Exit::Refused,
            format!("--map {pair}: expected FIELD=COLUMN"),
        )
        .with("value", pair)
        .with(
            "fields",
            ImportField::ALL
                .iter()
                .map(|f| f.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        )
    };
    let (field, column) = pair.split_once('=').ok_or_else(bad)?;
    let field = ImportField::ALL
        .into_iter()
        .find(|f| f.as_str() == field.trim())
        .ok_or_else(bad)?;
    Ok((field, column_index(column, headers)?))
}

/// A column by its header (exactly, else as the import compares headers) or its number from 1.
fn column_index(column: &str, headers: &[String]) -> CliResult<usize> {
    let wanted = column.trim();
    let found = headers
        .iter()
        .position(|h| h.trim() == wanted)
        .or_else(|| {
            let key = import::header_key(wanted);
            headers.iter().position(|h| import::header_key(h) == key)
        })
        .or_else(|| {
            wanted
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=headers.len()).contains(n))
                .map(|n| n - 1)
        });
    found.ok_or_else(|| {
        Failure::cli(
            "usage",
            "column_unknown",
            Exit::Refused,
            format!("the file has no column {wanted}"),
        )
        .with("column", wanted)
        .with("headers", headers.join(", "))
    })
}

/// The left-out columns the flags confirm.
fn confirmed_columns(staged: &StagedImport, args: &ImportArgs) -> CliResult<Vec<usize>> {
    if args.ignore_unmapped {
        return Ok(staged.ignored_columns());
    }
    args.ignore
        .iter()
        .map(|c| column_index(c, staged.headers()))
        .collect()
}

fn field_label(text: &Text, field: ImportField) -> String {
    text.word(&format!("importField.{}", field.as_str()))
}

fn print_preview(out: &Out, preview: &ImportPreview) {
    let t = &out.text;
    let delimiter = match preview.delimiter {
        '\t' => t.word("cli.import.tab"),
        c => c.to_string(),
    };
    out.heading(t.get(
        "cli.import.file",
        &[
            ("file", preview.file_name.clone()),
            ("encoding", preview.encoding.clone()),
            ("delimiter", delimiter),
            ("rows", preview.total_rows.to_string()),
        ],
    ));
    let c = preview.counts;
    out.say(
        "cli.import.counts",
        &[
            ("new", c.new.to_string()),
            ("updated", c.updated.to_string()),
            ("unchanged", c.unchanged.to_string()),
            ("rejected", c.rejected.to_string()),
            ("missing", c.missing_from_file.to_string()),
        ],
    );
    if preview.remembered {
        out.say("cli.import.remembered", &[]);
    }
    out.line("");
    let rows: Vec<Vec<String>> = preview
        .headers
        .iter()
        .zip(&preview.mapping.columns)
        .map(|(header, field)| {
            vec![
                header.clone(),
                field.map_or_else(|| t.word("cli.import.left_out"), |f| field_label(t, f)),
            ]
        })
        .collect();
    out.table(&["cli.col.column", "cli.col.field"], &rows);
    for column in preview.ignored.iter().filter(|c| c.has_values) {
        out.say(
            "cli.import.ignored",
            &[
                ("column", column.header.clone()),
                ("samples", column.samples.join(", ")),
            ],
        );
    }
    if !preview.unfed.is_empty() {
        let fields: Vec<String> = preview.unfed.iter().map(|f| field_label(t, *f)).collect();
        out.say("cli.import.unfed", &[("fields", fields.join(", "))]);
    }
    if !preview.rejected.is_empty() {
        out.line("");
        out.heading(t.get(
            "cli.import.rejected",
            &[("count", preview.rejected.len().to_string())],
        ));
        let rows: Vec<Vec<String>> = preview
            .rejected
            .iter()
            .map(|r| {
                vec![
                    r.line.to_string(),
                    r.external_id.clone().unwrap_or_default(),
                    r.name.clone(),
                    rejected_text(t, r),
                ]
            })
            .collect();
        out.table(
            &[
                "cli.col.line",
                "cli.col.hr_id",
                "cli.col.name",
                "cli.col.reason",
            ],
            &rows,
        );
    }
}

/// A rejected row's reason and what is wrong, as the import screen words them.
fn rejected_text(t: &Text, row: &RejectedRow) -> String {
    let reason = t.word(&format!("reason.{}", row.reason.as_str()));
    let mut details: Vec<String> = Vec::new();
    for detail in &row.details {
        let mut params: Vec<(&str, String)> =
            detail.params.iter().map(|(k, v)| (*k, v.clone())).collect();
        if detail.key == import::RowDetailKey::FieldRule {
            let get = |name: &str| {
                detail
                    .params
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default()
            };
            let values: Vec<(&str, String)> = detail
                .params
                .iter()
                .filter(|(k, _)| *k != "field" && *k != "rule")
                .map(|(k, v)| (*k, v.clone()))
                .collect();
            let rule_key = get("rule");
            let rule = t
                .maybe(&format!("error.{rule_key}.detail"), &values)
                .filter(|_| !values.is_empty())
                .or_else(|| t.maybe(&format!("error.{rule_key}"), &values))
                .unwrap_or_else(|| row.message.clone());
            params = vec![
                ("field", t.word(&format!("importField.{}", get("field")))),
                ("rule", rule),
            ];
        }
        let sentence = t.get(&format!("import.detail.{}", detail.key.as_str()), &params);
        if !details.contains(&sentence) {
            details.push(sentence);
        }
    }
    if details.is_empty() {
        details.push(row.message.clone());
    }
    format!("{reason}: {}", details.join(" "))
}
