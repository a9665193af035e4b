//! `backup`, `restore`, `check` and `migrate`: the whole-database operations of
//! `tandem_core::maintenance`; and `man`, the manual page.

use std::io::{BufRead, IsTerminal, Write};

use clap::CommandFactory;
use serde::Serialize;
use tandem_core::maintenance::{self, TableCounts};
use tandem_core::Store;

use crate::args::{BackupArgs, Cli, MigrateArgs, RestoreArgs};
use crate::connect::{self, Target};
use crate::failure::{CliResult, Exit, Failure};
use crate::output::Out;

#[derive(Serialize)]
struct TableCount {
    table: String,
    rows: i64,
}

fn counts_json(tables: &TableCounts) -> Vec<TableCount> {
    tables
        .iter()
        .map(|(table, rows)| TableCount {
            table: table.clone(),
            rows: *rows,
        })
        .collect()
}

fn print_counts(out: &Out, tables: &TableCounts) {
    let rows: Vec<Vec<String>> = tables
        .iter()
        .filter(|(_, rows)| *rows > 0)
        .map(|(table, rows)| vec![table.clone(), rows.to_string()])
        .collect();
    out.table(&["cli.col.table", "cli.col.rows"], &rows);
}

pub fn backup(store: &Store, args: &BackupArgs, out: &Out) -> CliResult<Exit> {
    if args.output.exists() && !args.force {
        return Err(Failure::cli(
            "conflict",
            "output_exists",
            Exit::NotWritten,
            format!("{} already exists", args.output.display()),
        )
        .with("path", args.output.display()));
    }
    if args.output.exists() {
        std::fs::remove_file(&args.output).map_err(|e| Failure::not_written(&args.output, &e))?;
    }
    let spinner = out.spinner(out.text.word("cli.backup.running"));
    let report = maintenance::backup(store, &args.output);
    spinner.finish_and_clear();
    let report = report?;
    if out.json {
        out.json(&serde_json::json!({
            "path": report.path,
            "tables": counts_json(&report.tables),
        }))?;
    } else {
        out.say(
            "cli.backup.done",
            &[("path", report.path.display().to_string())],
        );
    }
    Ok(Exit::Done)
}

pub fn check(store: &Store, out: &Out) -> CliResult<Exit> {
    let problems = maintenance::check(store)?;
    if out.json {
        out.json(&serde_json::json!({ "ok": problems.is_empty(), "problems": problems }))?;
    } else if problems.is_empty() {
        out.say("cli.check.ok", &[]);
    } else {
        out.say(
            "cli.check.problems",
            &[("count", problems.len().to_string())],
        );
        for problem in &problems {
            out.line(format!("  {problem}"));
        }
    }
    Ok(if problems.is_empty() {
        Exit::Done
    } else {
        Exit::Database
    })
}

pub fn restore(store: &mut Store, args: &RestoreArgs, out: &Out) -> CliResult<Exit> {
    let backup = maintenance::inspect_backup(store, &args.file)?;
    let summary = &backup.summary;
    let written = summary
        .written_at
        .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_default();
    if !out.json {
        out.say(
            "cli.restore.summary",
            &[
                ("path", args.file.display().to_string()),
                ("written", written.clone()),
            ],
        );
        print_counts(out, &summary.tables);
    }
    if !args.yes && !confirmed(out)? {
        return Err(Failure::cli(
            "conflict",
            "restore_not_confirmed",
            Exit::Refused,
            "the restore was not confirmed: nothing was changed",
        ));
    }
    let aside = keep_aside_path(store)?;
    let report = maintenance::restore(store, &backup, &aside)?;
    if out.json {
        out.json(&serde_json::json!({
            "restored_from": args.file,
            "backup_written_at": summary.written_at,
            "kept_aside": report.kept_aside,
            "tables": counts_json(&report.tables),
        }))?;
    } else {
        out.say(
            "cli.restore.done",
            &[("aside", report.kept_aside.display().to_string())],
        );
    }
    Ok(Exit::Done)
}

/// Asks on the terminal; without one, only `--yes` confirms.
fn confirmed(out: &Out) -> CliResult<bool> {
    if !std::io::stdin().is_terminal() {
        return Ok(false);
    }
    let mut stderr = std::io::stderr().lock();
    let _ = write!(stderr, "{} ", out.text.word("cli.restore.confirm"));
    let _ = stderr.flush();
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(|e| {
            Failure::cli(
                "usage",
                "restore_not_confirmed",
                Exit::Refused,
                e.to_string(),
            )
        })?;
    let answer = answer.trim().to_lowercase();
    Ok(["y", "yes", "o", "oui"].contains(&answer.as_str()))
}

/// `<file>.before-restore-<UTC time>.sqlite`, beside the database file.
fn keep_aside_path(store: &Store) -> CliResult<std::path::PathBuf> {
    let file = store.file_path().ok_or_else(|| {
        Failure::from(tandem_core::CoreError::conflict(
            tandem_core::RefusalKey::BackupNeedsLocalDatabase,
            "a team database is restored on its server",
        ))
    })?;
    let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S");
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "tandem".to_owned());
    Ok(file.with_file_name(format!("{stem}.before-restore-{stamp}.sqlite")))
}

pub fn migrate(source: &Target, args: &MigrateArgs, out: &Out) -> CliResult<Exit> {
    let Target::File(path) = source else {
        return Err(Failure::from(tandem_core::CoreError::conflict(
            tandem_core::RefusalKey::MoveNeedsSoloDatabase,
            "only a database file can be moved to a team database",
        )));
    };
    let source = connect::open_file(path)?;
    maintenance::check_move(&source)?;
    let settings = connect::server_settings(&args.to)?;
    let team = connect::open_server(settings.clone(), &out.text)?;
    let spinner = out.spinner(out.text.word("cli.migrate.running"));
    let counts = maintenance::move_to_team(&source, &team);
    spinner.finish_and_clear();
    let counts = counts?;
    if out.json {
        out.json(&serde_json::json!({
            "to": settings.display_url(),
            "tables": counts_json(&counts),
        }))?;
    } else {
        out.say("cli.migrate.done", &[("server", settings.display_url())]);
        print_counts(out, &counts);
    }
    Ok(Exit::Done)
}

pub fn man(out: &Out) -> CliResult<Exit> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .map_err(|e| Failure::cli("internal", "man_failed", Exit::Internal, e.to_string()))?;
    out.write_file(std::path::Path::new("-"), &page)?;
    Ok(Exit::Done)
}
