//! `tandem-cli`: Tandem on the command line, a second client of `tandem-core` beside the desktop
//! app, for HR automation (the nightly import, exports to the intranet) and IT (backups, checks,
//! the move to a team database).
//!
//! It is a binary of its own rather than subcommands of the desktop app's `tandem`: it links no
//! webview, so it builds in seconds and installs on a server with no graphical libraries. Every
//! rule, permission and error is the core's; this crate parses arguments, opens the database as
//! the app does, and prints (tables for people, `--json` for scripts).
//!
//! Layout: `args` is the grammar, `connect` opens the database, `commands/*` runs each command,
//! `output` prints, `text` words everything in French or English, and `failure` maps errors to
//! exit codes.

mod args;
mod commands;
mod connect;
mod failure;
mod output;
mod text;

use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use args::{Cli, Command, LangArg};
use failure::{CliResult, Exit};
use output::Out;
use text::{Lang, Text};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = Lang::resolve(
        cli.lang.map(|l| match l {
            LangArg::Fr => Lang::Fr,
            LangArg::En => Lang::En,
        }),
        |name| std::env::var(name).ok(),
    );
    let out = Out::new(cli.json, Text::new(lang));
    match run(cli, &out) {
        Ok(exit) => exit.into(),
        Err(failure) => out.fail(failure).into(),
    }
}

fn run(cli: Cli, out: &Out) -> CliResult<Exit> {
    let target = || connect::target(cli.db.clone(), cli.server.as_deref());
    let open = || connect::open(&target()?, &out.text);
    match cli.command {
        Command::Completions { shell } => {
            let mut command = Cli::command();
            clap_complete::generate(shell, &mut command, "tandem-cli", &mut std::io::stdout());
            Ok(Exit::Done)
        }
        Command::Man => commands::database::man(out),
        Command::Import(args) => commands::import::run(&mut open()?, &args, out),
        Command::Employees(command) => commands::directory::run(&mut open()?, command, out),
        Command::Programs(command) => commands::programs::run(&open()?, command, out),
        Command::Match(args) => commands::programs::run_match(&mut open()?, &args, out),
        Command::Approve(args) => commands::programs::approve(&mut open()?, &args, out),
        Command::Export(args) => commands::exports::export(&open()?, &args, out),
        Command::Sessions(args::SessionsCommand::Ics { pair, output }) => {
            commands::exports::pair_ics(&open()?, &pair, output, out)
        }
        Command::Backup(args) => commands::database::backup(&open()?, &args, out),
        Command::Restore(args) => commands::database::restore(&mut open()?, &args, out),
        Command::Check => commands::database::check(&open()?, out),
        Command::Migrate(args) => commands::database::migrate(&target()?, &args, out),
    }
}
