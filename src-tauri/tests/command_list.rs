//! The command list (`tandem_core::access::COMMANDS`) is the one source of the app's commands:
//! the handler list in `src/lib.rs`, `docs/ipc.md`, the UI's wrappers in `ui/src/api/` and the
//! development mocks in `ui/src/dev/` must name exactly the same commands. Each of these is text
//! another person edits by hand, so this test reads them as text.

use std::collections::BTreeSet;
use std::path::Path;

use tandem_core::access::COMMANDS;

fn listed() -> BTreeSet<String> {
    COMMANDS.iter().map(|c| c.name.to_owned()).collect()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// Every identifier-like string that follows `marker` in `text`, up to `end`.
fn names_after(text: &str, marker: &str, end: char) -> BTreeSet<String> {
    text.match_indices(marker)
        .filter_map(|(at, _)| {
            let rest = &text[at + marker.len()..];
            let name: String = rest.chars().take_while(|&c| c != end).collect();
            let valid = !name.is_empty()
                && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                && rest[name.len()..].starts_with(end);
            valid.then_some(name)
        })
        .collect()
}

fn ts_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|x| x == "ts") && !p.to_string_lossy().ends_with(".test.ts")
        })
        .collect();
    out.sort();
    out
}

fn differences(what: &str, found: &BTreeSet<String>) -> Option<String> {
    let expected = listed();
    let missing: Vec<_> = expected.difference(found).collect();
    let unknown: Vec<_> = found.difference(&expected).collect();
    (!missing.is_empty() || !unknown.is_empty())
        .then(|| format!("{what}: missing {missing:?}, not in the command list {unknown:?}"))
}

#[test]
fn the_handler_list_docs_ui_wrappers_and_mocks_name_the_commands_of_the_list() {
    let lib = read(&root().join("src-tauri/src/lib.rs"));
    let handler = lib
        .split("generate_handler![")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .unwrap_or_default();
    let handlers: BTreeSet<String> = handler
        .split(',')
        .filter_map(|path| path.trim().rsplit("::").next())
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect();

    let docs = names_after(&read(&root().join("docs/ipc.md")), "\n| `", '`');

    let mut wrappers = BTreeSet::new();
    for file in ts_files(&root().join("ui/src/api")) {
        let text = read(&file);
        for marker in ["call('", ">('"] {
            wrappers.extend(names_after(&text, marker, '\''));
        }
    }

    let mut mocks = BTreeSet::new();
    for file in ts_files(&root().join("ui/src/dev")) {
        mocks.extend(names_after(&read(&file), "case '", '\''));
    }

    // The access control list: the commands Tauri makes permissions for, and those the main
    // window is granted (`allow-<command>`, in kebab case).
    let manifest = names_after(&read(&root().join("src-tauri/build.rs")), "\n    \"", '"');
    let granted = names_after(
        &read(&root().join("src-tauri/capabilities/default.json")).replace('-', "_"),
        "\"allow_",
        '"',
    );

    let problems: Vec<String> = [
        ("src-tauri/build.rs", &manifest),
        ("src-tauri/capabilities/default.json", &granted),
        ("src-tauri/src/lib.rs", &handlers),
        ("docs/ipc.md", &docs),
        ("ui/src/api", &wrappers),
        ("ui/src/dev mocks", &mocks),
    ]
    .into_iter()
    .filter_map(|(what, found)| differences(what, found))
    .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_command_is_listed_once() {
    assert_eq!(listed().len(), COMMANDS.len());
}
