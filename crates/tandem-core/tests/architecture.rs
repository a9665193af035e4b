//! The core's layering, checked on its sources: SQL is the store's alone. Rule modules hold the
//! store's connection only to hand it to store functions; none of them prepares or runs a
//! statement itself, and none names an engine's own types.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            rust_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    Ok(())
}

#[test]
fn only_the_store_runs_sql_or_names_an_engine() -> std::io::Result<()> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files)?;
    let rules: Vec<&PathBuf> = files
        .iter()
        .filter(|p| !p.starts_with(src.join("store")))
        .collect();
    assert!(rules.len() > 40, "the scan found the rule modules");
    let forbidden = [
        ".prepare(",
        ".prepare_cached(",
        ".query_row(",
        ".query_map(",
        ".execute(",
        ".execute_batch(",
        "rusqlite::",
        "postgres::",
    ];
    let mut offences = Vec::new();
    for path in rules {
        let text = std::fs::read_to_string(path)?;
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for needle in forbidden {
                // The store's own module paths (`crate::store::postgres`) are not an engine's types.
                if code.contains(needle) && !code.contains(&format!("store::{needle}")) {
                    offences.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "SQL or engine types outside the store:\n{}",
        offences.join("\n")
    );
    Ok(())
}
