//! Who is signed in, HR's "view as", and the logins HR links to people. The rules are in
//! `tandem_core::access`.

use chrono::Utc;
use tandem_core::access;
use tandem_dto::{parse_employee_id, LoginLinkDto, MeDto};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn whoami(state: State<'_, AppState>) -> CommandResult<MeDto> {
    state
        .with_store(|store| access::whoami(store))
        .map(Into::into)
}

/// Starts viewing as `employee_id` (read-only), or stops with `null`.
#[tauri::command]
pub async fn view_as(
    state: State<'_, AppState>,
    employee_id: Option<String>,
) -> CommandResult<MeDto> {
    let person = employee_id
        .as_deref()
        .map(|raw| parse_employee_id("employee_id", raw))
        .transpose()?;
    state
        .with_store(|store| access::view_as(store, person))
        .map(Into::into)
}

#[tauri::command]
pub async fn list_logins(state: State<'_, AppState>) -> CommandResult<Vec<LoginLinkDto>> {
    state
        .with_store(|store| access::list_logins(store))
        .map(|list| list.into_iter().map(Into::into).collect())
}

#[tauri::command]
pub async fn link_login(
    state: State<'_, AppState>,
    login: String,
    employee_id: Option<String>,
    hr_admin: bool,
) -> CommandResult<Vec<LoginLinkDto>> {
    let person = employee_id
        .as_deref()
        .map(|raw| parse_employee_id("employee_id", raw))
        .transpose()?;
    state
        .with_store(|store| access::link_login(store, &login, person, hr_admin, Utc::now()))
        .map(|list| list.into_iter().map(Into::into).collect())
}

#[tauri::command]
pub async fn unlink_login(
    state: State<'_, AppState>,
    login: String,
) -> CommandResult<Vec<LoginLinkDto>> {
    state
        .with_store(|store| access::unlink_login(store, &login))
        .map(|list| list.into_iter().map(Into::into).collect())
}
