//! Exports (CSV, Excel, HTML). The core builds the file's bytes; the shell asks the user where to
//! save them with a native save dialog opened from Rust, so the webview never hands over a path. With
//! `TANDEM_EXPORT_DIR` set (tests), the file goes to that directory under its suggested name,
//! without a dialog. A command returns the path written, or `null` when the dialog was cancelled.

use std::path::{Path, PathBuf};

use tandem_core::{program, RefusalKey};
use tandem_dto::{parse_program_id, ErrorDto};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use crate::error::CommandResult;
use crate::state::AppState;

/// Where exports go without asking, when set.
pub const EXPORT_DIR_ENV: &str = "TANDEM_EXPORT_DIR";

/// A file name made from a program name: characters that file systems refuse become `-`.
pub fn file_stem(name: &str) -> String {
    let cleaned: String = name
        .trim()
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_control() => '-',
            c => c,
        })
        .collect();
    let cleaned = cleaned.trim_matches(|c: char| c == '.' || c.is_whitespace());
    if cleaned.is_empty() {
        "program".to_owned()
    } else {
        cleaned.to_owned()
    }
}

fn write_failed(path: &Path, error: std::io::Error) -> ErrorDto {
    ErrorDto::refused(
        "storage",
        RefusalKey::SaveFailed,
        format!(
            "The file could not be written to {}: {error}. Choose another place.",
            path.display()
        ),
    )
    .with("path", path.display())
    .with("detail", error)
}

fn write(path: PathBuf, bytes: &[u8]) -> CommandResult<Option<String>> {
    std::fs::write(&path, bytes).map_err(|e| write_failed(&path, e))?;
    Ok(Some(path.display().to_string()))
}

/// The save dialog's file type filter for a suggested file name, from its extension.
fn filter_for(suggested: &str) -> (&'static str, &'static str) {
    let extension = Path::new(suggested)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match extension.as_str() {
        "xlsx" => ("Excel", "xlsx"),
        "html" => ("HTML", "html"),
        "ics" => ("iCalendar", "ics"),
        _ => ("CSV", "csv"),
    }
}

/// Saves `bytes` under `suggested` in the test directory, or where the user chooses (the dialog
/// offers the file type of the suggested name's extension).
pub(crate) async fn save<R: Runtime>(
    app: &AppHandle<R>,
    suggested: String,
    bytes: Vec<u8>,
) -> CommandResult<Option<String>> {
    if let Some(dir) = std::env::var_os(EXPORT_DIR_ENV).filter(|d| !d.is_empty()) {
        return write(PathBuf::from(dir).join(suggested), &bytes);
    }
    let (kind, extension) = filter_for(&suggested);
    let dialog = app
        .dialog()
        .file()
        .set_file_name(suggested)
        .add_filter(kind, &[extension]);
    let chosen = tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file())
        .await
        .map_err(|_| {
            ErrorDto::internal(
                RefusalKey::SaveDialogFailed,
                "The save dialog closed unexpectedly. Try again.",
            )
        })?;
    let Some(chosen) = chosen else {
        return Ok(None);
    };
    let path = chosen.into_path().map_err(|_| {
        ErrorDto::internal(
            RefusalKey::SaveLocationInvalid,
            "This place cannot hold a file: choose a folder on this computer.",
        )
    })?;
    write(path, &bytes)
}

#[tauri::command]
pub async fn export_pairs_csv<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    program_id: String,
) -> CommandResult<Option<String>> {
    let id = parse_program_id(&program_id)?;
    let (name, bytes) = state.with_store(|store| {
        let program = program::get_program(store, id)?;
        Ok((program.name, program::pairs_csv(store, id)?))
    })?;
    save(&app, format!("{}-pairs.csv", file_stem(&name)), bytes).await
}

#[tauri::command]
pub async fn export_score_matrix_csv<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    program_id: String,
) -> CommandResult<Option<String>> {
    let id = parse_program_id(&program_id)?;
    let (name, bytes) = state.with_store(|store| {
        let program = program::get_program(store, id)?;
        Ok((program.name, program::score_matrix_csv(store, id)?))
    })?;
    save(&app, format!("{}-scores.csv", file_stem(&name)), bytes).await
}

#[cfg(test)]
mod tests {
    use super::{file_stem, filter_for};

    #[test]
    fn a_program_name_becomes_a_safe_file_name() {
        assert_eq!(file_stem("Printemps 2026"), "Printemps 2026");
        assert_eq!(file_stem("RH/Paris: vague 1?"), "RH-Paris- vague 1-");
        assert_eq!(file_stem("  ..  "), "program");
    }

    #[test]
    fn the_save_dialog_offers_the_type_of_the_suggested_file() {
        assert_eq!(filter_for("Spring-pairs.csv"), ("CSV", "csv"));
        assert_eq!(
            filter_for("program-Spring-2026-05-01.XLSX"),
            ("Excel", "xlsx")
        );
        assert_eq!(filter_for("mentor-Lea.html"), ("HTML", "html"));
        assert_eq!(filter_for("no-extension"), ("CSV", "csv"));
    }
}
