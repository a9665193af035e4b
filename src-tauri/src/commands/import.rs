//! The three-step import. The file arrives once as raw bytes (never a path) and stays staged in the
//! shell until it is committed or cancelled; progress goes out as `import-progress` events.

use std::time::{Duration, Instant};

use percent_encoding::percent_decode_str;
use tandem_core::import::{self, Progress};
use tandem_dto::{
    ColumnMappingDto, ErrorDto, ImportOutcomeDto, ImportPreviewDto, ImportProgressDto,
    RejectedReasonDto,
};
use tauri::ipc::{InvokeBody, Request};
use tauri::{AppHandle, Emitter, Runtime, State};

use crate::error::CommandResult;
use crate::state::AppState;

pub const PROGRESS_EVENT: &str = "import-progress";
const FILE_NAME_HEADER: &str = "x-file-name";

/// Emits progress at most every 100 ms, and always at the end of a phase.
fn progress_emitter<R: Runtime>(app: &AppHandle<R>) -> impl FnMut(Progress) + '_ {
    let mut last: Option<Instant> = None;
    move |progress: Progress| {
        let due = last.is_none_or(|t| t.elapsed() >= Duration::from_millis(100));
        if due || progress.done >= progress.total {
            last = Some(Instant::now());
            // A closed window cannot listen any more; the import itself goes on.
            let _ = app.emit(PROGRESS_EVENT, ImportProgressDto::from(progress));
        }
    }
}

fn file_name(request: &Request<'_>) -> String {
    request
        .headers()
        .get(FILE_NAME_HEADER)
        .and_then(|value| value.to_str().ok())
        .map(|raw| percent_decode_str(raw).decode_utf8_lossy().into_owned())
        .filter(|name| !name.trim().is_empty())
        .unwrap_or_else(|| "import.csv".to_owned())
}

#[tauri::command]
pub async fn import_load<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: Request<'_>,
) -> CommandResult<ImportPreviewDto> {
    let InvokeBody::Raw(bytes) = request.body() else {
        return Err(ErrorDto::from(tandem_core::CoreError::invalid_file(
            tandem_core::RefusalKey::FileNotReceived,
            "No file content was received: choose the file again.",
        )));
    };
    let name = file_name(&request);
    let mut staged = import::stage(&name, bytes)?;
    let mut emit = progress_emitter(&app);
    state.with_import(|store, slot| {
        import::recall_mapping(store, &mut staged)?;
        let preview = import::preview(store, &staged, &mut emit)?;
        *slot = Some(staged);
        Ok(preview.into())
    })
}

fn nothing_staged() -> ErrorDto {
    ErrorDto::refused(
        "not_found",
        tandem_core::RefusalKey::NoImportInProgress,
        "No import is in progress: choose a file first.",
    )
}

#[tauri::command]
pub async fn import_remap<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    mapping: ColumnMappingDto,
) -> CommandResult<ImportPreviewDto> {
    let mut emit = progress_emitter(&app);
    state.with_import(|store, slot| {
        let staged = slot.as_mut().ok_or_else(nothing_staged)?;
        staged.set_mapping(mapping.into_domain())?;
        Ok(import::preview(store, staged, &mut emit)?.into())
    })
}

#[tauri::command]
pub async fn import_commit<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    confirmed_ignored: Vec<u32>,
) -> CommandResult<ImportOutcomeDto> {
    let mut emit = progress_emitter(&app);
    let confirmed: Vec<usize> = confirmed_ignored
        .into_iter()
        .filter_map(|i| usize::try_from(i).ok())
        .collect();
    state.with_import(|store, slot| {
        let staged = slot.as_ref().ok_or_else(nothing_staged)?;
        let outcome = import::commit(store, staged, &confirmed, &mut emit)?;
        *slot = None;
        Ok(outcome.into())
    })
}

/// Saves the staged file's rejected rows, with a column giving each one's reason as the screen
/// words it, for HR to fix in a spreadsheet and import again.
#[tauri::command]
pub async fn export_rejected_rows_csv<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    reasons: Vec<RejectedReasonDto>,
) -> CommandResult<Option<String>> {
    let reasons: Vec<(u64, String)> = reasons
        .into_iter()
        .map(|r| (u64::from(r.line), r.reason))
        .collect();
    let (name, bytes) = state.with_import(|store, slot| {
        let staged = slot.as_ref().ok_or_else(nothing_staged)?;
        let language =
            tandem_core::settings::language(store)?.unwrap_or(tandem_core::settings::Language::En);
        let bytes = import::rejected_rows_csv(store, staged, &reasons, language)?;
        Ok((staged.file_name().to_owned(), bytes))
    })?;
    let stem = std::path::Path::new(&name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("import")
        .to_owned();
    crate::commands::export::save(&app, format!("{stem}-rejected.csv"), bytes).await
}

#[tauri::command]
pub async fn import_cancel(state: State<'_, AppState>) -> CommandResult<()> {
    state.with_import(|_, slot| {
        *slot = None;
        Ok(())
    })
}
