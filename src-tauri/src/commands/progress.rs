//! Learning progress: the program dashboard, a mentee's progress, the manager view, a mentor's
//! recognition, an employee's followers per platform, their exports, and printing the page.
//!
//! Each command parses its ids, calls the `tandem_core::progress` function of the same name at the
//! current time and converts the result; the rules are all in the core. Exports go through the
//! save dialog of [`super::export`] under the core's suggested file name; Excel and HTML files are
//! written in the language the UI passes (the one on screen).

use chrono::Utc;
use tandem_core::progress;
use tandem_dto::{
    audience_changes, parse_employee_id, parse_manager_scope, parse_program_id, AudienceChangeDto,
    AudienceFigureDto, LanguageDto, ManagerScopeDto, ManagerViewDto, MenteeProgressDto,
    MentorRecognitionDto, ProgramDashboardDto,
};
use tauri::{AppHandle, Runtime, State, Webview};

use super::export::save;
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn program_dashboard(
    state: State<'_, AppState>,
    program_id: String,
) -> CommandResult<ProgramDashboardDto> {
    let id = parse_program_id(&program_id)?;
    state
        .with_store(|store| progress::program_dashboard(store, id, Utc::now()))
        .map(Into::into)
}

#[tauri::command]
pub async fn mentee_progress(
    state: State<'_, AppState>,
    mentee_id: String,
    program_id: Option<String>,
) -> CommandResult<MenteeProgressDto> {
    let mentee = parse_employee_id("mentee_id", &mentee_id)?;
    let program = program_id.as_deref().map(parse_program_id).transpose()?;
    state
        .with_store(|store| progress::mentee_progress(store, mentee, program, Utc::now()))
        .map(Into::into)
}

#[tauri::command]
pub async fn manager_view(
    state: State<'_, AppState>,
    scope: ManagerScopeDto,
    offset: u32,
    limit: u32,
) -> CommandResult<ManagerViewDto> {
    let scope = parse_manager_scope(scope)?;
    let page = progress::PeoplePage { offset, limit };
    state
        .with_store(|store| progress::manager_view(store, &scope, page, Utc::now()))
        .map(Into::into)
}

#[tauri::command]
pub async fn mentor_recognition(
    state: State<'_, AppState>,
    mentor_id: String,
) -> CommandResult<MentorRecognitionDto> {
    let mentor = parse_employee_id("mentor_id", &mentor_id)?;
    state
        .with_store(|store| progress::mentor_recognition(store, mentor, Utc::now()))
        .map(Into::into)
}

#[tauri::command]
pub async fn employee_audience(
    state: State<'_, AppState>,
    employee_id: String,
) -> CommandResult<Vec<AudienceFigureDto>> {
    let employee = parse_employee_id("employee_id", &employee_id)?;
    state
        .with_store(|store| progress::employee_audience(store, employee))
        .map(|figures| figures.into_iter().map(Into::into).collect())
}

#[tauri::command]
pub async fn set_employee_audience(
    state: State<'_, AppState>,
    employee_id: String,
    changes: Vec<AudienceChangeDto>,
) -> CommandResult<Vec<AudienceFigureDto>> {
    let employee = parse_employee_id("employee_id", &employee_id)?;
    let changes = audience_changes(changes)?;
    state
        .with_store(|store| progress::set_employee_audience(store, employee, &changes))
        .map(|figures| figures.into_iter().map(Into::into).collect())
}

#[tauri::command]
pub async fn export_dashboard_csv<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    program_id: String,
) -> CommandResult<Option<String>> {
    let id = parse_program_id(&program_id)?;
    let file = state.with_store(|store| progress::program_dashboard_csv(store, id, Utc::now()))?;
    save(&app, file.file_name, file.bytes).await
}

#[tauri::command]
pub async fn export_dashboard_xlsx<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    program_id: String,
    language: LanguageDto,
) -> CommandResult<Option<String>> {
    let id = parse_program_id(&program_id)?;
    let file = state.with_store(|store| {
        progress::program_dashboard_xlsx(store, id, Utc::now(), language.into())
    })?;
    save(&app, file.file_name, file.bytes).await
}

#[tauri::command]
pub async fn export_manager_view_csv<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    scope: ManagerScopeDto,
) -> CommandResult<Option<String>> {
    let scope = parse_manager_scope(scope)?;
    let file = state.with_store(|store| progress::manager_view_csv(store, &scope, Utc::now()))?;
    save(&app, file.file_name, file.bytes).await
}

#[tauri::command]
pub async fn export_manager_view_xlsx<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    scope: ManagerScopeDto,
    language: LanguageDto,
) -> CommandResult<Option<String>> {
    let scope = parse_manager_scope(scope)?;
    let file = state.with_store(|store| {
        progress::manager_view_xlsx(store, &scope, Utc::now(), language.into())
    })?;
    save(&app, file.file_name, file.bytes).await
}

#[tauri::command]
pub async fn export_mentor_summary<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    mentor_id: String,
    language: LanguageDto,
) -> CommandResult<Option<String>> {
    let mentor = parse_employee_id("mentor_id", &mentor_id)?;
    let file = state.with_store(|store| {
        progress::mentor_summary_html(store, mentor, Utc::now(), language.into())
    })?;
    save(&app, file.file_name, file.bytes).await
}

/// Opens the system print dialog for the calling page (print or save as PDF). WebKitGTK shows
/// its dialog for this call, where `window.print()` alone may do nothing.
#[tauri::command]
pub async fn print_page<R: Runtime>(webview: Webview<R>) -> CommandResult<()> {
    webview.print().map_err(|e| {
        tandem_dto::ErrorDto::internal(
            tandem_core::RefusalKey::PrintFailed,
            format!("The print dialog could not be opened ({e}). Try again."),
        )
        .with("detail", e)
    })
}
