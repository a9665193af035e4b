//! What every test of the command line needs: the binary with a clean environment, temporary
//! databases (empty or with the demo), their dumps, and reading the binary's output.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use tandem_core::store::dump;
use tandem_core::{demo, Store};

pub type TestResult = Result<(), Box<dyn std::error::Error>>;

pub const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/samples");

/// The binary, with nothing from the caller's environment choosing a database or a language.
pub fn cli() -> Command {
    let mut command = Command::cargo_bin("tandem-cli").expect("the binary is built");
    for name in [
        "TANDEM_DB",
        "TANDEM_SERVER",
        "TANDEM_PASSWORD",
        "LANG",
        "LC_ALL",
        "LC_MESSAGES",
    ] {
        command.env_remove(name);
    }
    command.env("NO_COLOR", "1");
    command
}

pub fn empty_db(dir: &Path) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let path = dir.join("tandem.sqlite");
    Store::open(&path)?;
    Ok(path)
}

pub fn demo_db(dir: &Path) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let path = dir.join("tandem.sqlite");
    let mut store = Store::open(&path)?;
    demo::load_first_launch_demo(&mut store)?;
    Ok(path)
}

pub fn dump_of(path: &Path) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let store = Store::open(path)?;
    Ok(dump::dump(store.conn())?)
}

pub fn stdout_json(output: &std::process::Output) -> Result<Value, Box<dyn std::error::Error>> {
    Ok(serde_json::from_slice(&output.stdout)?)
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs the binary on `db` with `args`; returns its output.
pub fn run(db: &Path, args: &[&str]) -> std::process::Output {
    cli()
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("the binary runs")
}

/// The first program of the demo database: (id, name).
pub fn demo_program(db: &Path) -> Result<(String, String), Box<dyn std::error::Error>> {
    let out = run(db, &["programs", "list", "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let list = stdout_json(&out)?;
    let first = &list[0];
    Ok((
        first["id"].as_str().unwrap_or_default().to_owned(),
        first["name"].as_str().unwrap_or_default().to_owned(),
    ))
}
