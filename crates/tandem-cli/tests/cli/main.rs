//! Every subcommand of `tandem-cli`, end to end through the real binary on a temporary database:
//! its output, its exit code, and what it wrote (or, when refused, that the database's dump is
//! exactly as before). One test binary, one module per group of commands.

mod database;
mod directory;
mod exports;
mod help;
mod import;
mod refusals;
mod support;
