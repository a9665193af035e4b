//! The command line's grammar (clap): every subcommand, its arguments and its `--help` with an
//! example. The man page and the shell completions are generated from these definitions, so a new
//! flag documents itself: add it here, then handle it in `main.rs`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "tandem-cli",
    version,
    about = "Tandem on the command line: the HR import, the directory, matching, exports and backups.",
    long_about = "Tandem on the command line: the HR import, the directory, matching, exports and \
backups, on a database file (--db) or a team database (--server), with the same rules and \
permissions as the desktop app.\n\nWithout --db or --server it opens the desktop app's own file.",
    after_help = "Examples:\n  tandem-cli --db tandem.sqlite import staff.csv --dry-run\n  \
tandem-cli --server postgresql://hr@db.example.com/tandem programs list --json\n\n\
Exit codes: 0 done; 1 internal error; 2 refused input (bad file, bad argument, mapping missing), \
nothing written; 3 import done with rejected rows; 4 unknown program, person or pair; 5 not \
allowed for the signed-in person; 6 refused by the data's state; 7 database unusable (missing, \
damaged, not Tandem's, newer, read-only, unreachable); 8 output file not written."
)]
pub struct Cli {
    /// The Tandem database file to work on [env: TANDEM_DB].
    #[arg(
        long,
        global = true,
        value_name = "FILE",
        env = "TANDEM_DB",
        hide_env = true,
        conflicts_with = "server"
    )]
    pub db: Option<PathBuf>,

    /// The team database, as postgresql://user@host:port/database?sslmode=… (never with a
    /// password: it comes from TANDEM_PASSWORD, the keyring, or a prompt) [env: TANDEM_SERVER].
    #[arg(
        long,
        global = true,
        value_name = "URL",
        env = "TANDEM_SERVER",
        hide_env = true
    )]
    pub server: Option<String>,

    /// Print machine-readable JSON on standard output instead of tables.
    #[arg(long, global = true)]
    pub json: bool,

    /// The language of messages and of Excel and HTML exports (default: from LANG).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Fr,
    En,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import an HR export (CSV): print the preview, then commit it unless --dry-run.
    #[command(after_help = "Examples:\n  tandem-cli import staff.csv --dry-run\n  \
tandem-cli import staff.csv --map manager_email=\"Email N+1\" --ignore Notes\n  \
tandem-cli import /srv/hris/nightly.csv --ignore-unmapped --json\n\n\
Exit codes: 0 every row valid; 3 rows rejected (committed without them, or would be with \
--dry-run); 2 refused, nothing written (unreadable file, a needed field with no column, a column \
with values left out unconfirmed).")]
    Import(ImportArgs),

    /// The directory: list, show, deactivate and reactivate employees.
    #[command(subcommand)]
    Employees(EmployeesCommand),

    /// Programs and their state.
    #[command(subcommand)]
    Programs(ProgramsCommand),

    /// Run the matching of a program and print its pairs, or a what-if that writes nothing.
    #[command(
        name = "match",
        after_help = "Examples:\n  tandem-cli match \"Spring 2026\"\n  \
tandem-cli match \"Spring 2026\" --what-if skill=0.6 --what-if availability=0.1\n\n\
What-if settings: skill, interests, availability, adoption, comfort (weights from 0 to 1), \
capacity (mentees per mentor), different-department (true or false)."
    )]
    Match(MatchArgs),

    /// Approve pairs of a program's proposal: all of them, or the ones named.
    #[command(
        after_help = "Examples:\n  tandem-cli approve \"Spring 2026\" --all\n  \
tandem-cli approve \"Spring 2026\" lea.martin@example.com E1042\n\n\
A PAIR is named by its id (as `programs show` lists it) or by its mentee (e-mail, HR id or id)."
    )]
    Approve(ApproveArgs),

    /// Export a report: the program dashboard, pairs, scores, a manager's people or a mentor's summary.
    #[command(
        after_help = "Examples:\n  tandem-cli export dashboard \"Spring 2026\" --format xlsx -o dashboard.xlsx\n  \
tandem-cli export pairs \"Spring 2026\" --format csv -o - | mail -s Pairs hr@example.com\n  \
tandem-cli export manager claire.moreau@example.com --format csv\n  \
tandem-cli export manager --department Sales --format xlsx\n\n\
Formats: dashboard csv|xlsx|json; pairs csv|json; scores csv; manager csv|xlsx; mentor html|json. \
Without -o the file gets its usual name in the current folder; -o - writes to standard output. \
CSV files are formula-safe."
    )]
    Export(ExportArgs),

    /// Calendar files of sessions.
    #[command(subcommand)]
    Sessions(SessionsCommand),

    /// Back up the database file through SQLite's online API, and check the copy.
    #[command(
        after_help = "Example:\n  tandem-cli --db /srv/tandem/tandem.sqlite backup -o /backups/tandem-$(date +%F).sqlite"
    )]
    Backup(BackupArgs),

    /// Restore a backup into the database file; the current content is kept aside first.
    #[command(
        after_help = "Example:\n  tandem-cli --db tandem.sqlite restore /backups/tandem-2026-11-30.sqlite\n\n\
Shows the backup's date and counts and asks to confirm; --yes confirms without asking."
    )]
    Restore(RestoreArgs),

    /// Check the database file: SQLite's integrity_check and foreign_key_check.
    #[command(
        after_help = "Example:\n  tandem-cli --db tandem.sqlite check || echo \"Tandem's file needs attention\""
    )]
    Check,

    /// Move a database file into an empty team database (PostgreSQL).
    #[command(
        after_help = "Example:\n  TANDEM_PASSWORD=… tandem-cli --db tandem.sqlite migrate --to postgresql://hr@db.example.com/tandem"
    )]
    Migrate(MigrateArgs),

    /// Print shell completions (bash, zsh, fish, elvish, powershell).
    #[command(
        after_help = "Example:\n  tandem-cli completions bash > /etc/bash_completion.d/tandem-cli"
    )]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },

    /// Print the man page (roff).
    #[command(after_help = "Example:\n  tandem-cli man > /usr/local/share/man/man1/tandem-cli.1")]
    Man,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The CSV file (UTF-8, UTF-16 or Windows-1252; comma, semicolon or tab).
    pub file: PathBuf,
    /// Print the preview and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Feed FIELD from COLUMN (a header or its number from 1), e.g. manager_email="Email N+1".
    #[arg(long = "map", value_name = "FIELD=COLUMN")]
    pub map: Vec<String>,
    /// Confirm leaving out this column (a header or its number from 1).
    #[arg(long = "ignore", value_name = "COLUMN")]
    pub ignore: Vec<String>,
    /// Confirm leaving out every column no field takes.
    #[arg(long)]
    pub ignore_unmapped: bool,
}

#[derive(Debug, Subcommand)]
pub enum EmployeesCommand {
    /// List employees, with the app's search (words matched in name, e-mail, department, title).
    #[command(
        after_help = "Examples:\n  tandem-cli employees list --search \"lea marketing\"\n  \
tandem-cli employees list --department Sales --inactive --json"
    )]
    List {
        /// Words every listed employee matches, accents and case ignored.
        #[arg(long, default_value = "")]
        search: String,
        /// Only this department.
        #[arg(long)]
        department: Option<String>,
        /// Include deactivated employees.
        #[arg(long)]
        inactive: bool,
        /// At most this many.
        #[arg(long)]
        limit: Option<u32>,
    },
    /// Show one employee: profile, manager and direct reports.
    #[command(after_help = "Example:\n  tandem-cli employees show E1042")]
    Show {
        /// E-mail, HR id or Tandem id.
        person: String,
    },
    /// Deactivate an employee (nothing is deleted; their history stays).
    #[command(after_help = "Example:\n  tandem-cli employees deactivate lea.martin@example.com")]
    Deactivate {
        /// E-mail, HR id or Tandem id.
        person: String,
    },
    /// Reactivate a deactivated employee.
    #[command(after_help = "Example:\n  tandem-cli employees activate E1042")]
    Activate {
        /// E-mail, HR id or Tandem id.
        person: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ProgramsCommand {
    /// List programs with their dates, phase and counts.
    #[command(after_help = "Example:\n  tandem-cli programs list --json")]
    List,
    /// Show one program and its pairs.
    #[command(after_help = "Example:\n  tandem-cli programs show \"Spring 2026\"")]
    Show {
        /// The program's name or id.
        program: String,
    },
}

#[derive(Debug, Args)]
pub struct MatchArgs {
    /// The program's name or id.
    pub program: String,
    /// Try a setting without writing anything (repeatable), e.g. skill=0.6.
    #[arg(long = "what-if", value_name = "NAME=VALUE")]
    pub what_if: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ApproveArgs {
    /// The program's name or id.
    pub program: String,
    /// Approve every proposed pair.
    #[arg(long, conflicts_with = "pairs")]
    pub all: bool,
    /// Pairs to approve: pair id, or the mentee's e-mail, HR id or id.
    #[arg(required_unless_present = "all")]
    pub pairs: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportKind {
    Dashboard,
    Pairs,
    Scores,
    Manager,
    Mentor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Csv,
    Xlsx,
    Json,
    Html,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// What to export.
    #[arg(value_enum)]
    pub kind: ExportKind,
    /// The program (dashboard, pairs, scores), manager or mentor (e-mail, HR id or id).
    pub subject: Option<String>,
    /// A manager export of a whole department instead of a manager's people.
    #[arg(long)]
    pub department: Option<String>,
    #[arg(long, value_enum)]
    pub format: Format,
    /// The file to write; `-` for standard output. Default: the usual name, in this folder.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum SessionsCommand {
    /// Write a pair's sessions as an iCalendar file (Outlook, Google, Thunderbird).
    #[command(
        after_help = "Example:\n  tandem-cli sessions ics 0b0e6c1e-4d0f-4c43-a1f5-3a2f8e1f9c11 -o pair.ics"
    )]
    Ics {
        /// The pair's id, as `programs show` lists it.
        pair: String,
        /// The file to write; `-` for standard output. Default: the usual name, in this folder.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The backup file to write.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: PathBuf,
    /// Replace the file if it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup to restore.
    pub file: PathBuf,
    /// Restore without asking.
    #[arg(long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct MigrateArgs {
    /// The empty team database to move into: postgresql://user@host:port/database?sslmode=…
    #[arg(long = "to", value_name = "URL")]
    pub to: String,
}
