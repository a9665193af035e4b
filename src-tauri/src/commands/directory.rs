use tandem_core::directory;
use tandem_core::domain::EmployeeId;
use tandem_dto::{
    DirectoryFacetsDto, DirectoryPageDto, DirectoryQueryDto, EmployeeDetailDto, EmployeeInputDto,
    ErrorDto,
};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

fn parse_id(id: &str) -> CommandResult<EmployeeId> {
    EmployeeId::parse(id).map_err(ErrorDto::from)
}

#[tauri::command]
pub async fn list_employees(
    state: State<'_, AppState>,
    query: DirectoryQueryDto,
) -> CommandResult<DirectoryPageDto> {
    let query = query.into_domain()?;
    state
        .with_store(|store| directory::list_employees(store, &query))
        .map(Into::into)
}

#[tauri::command]
pub async fn directory_facets(state: State<'_, AppState>) -> CommandResult<DirectoryFacetsDto> {
    state
        .with_store(|store| directory::directory_facets(store))
        .map(Into::into)
}

#[tauri::command]
pub async fn get_employee(
    state: State<'_, AppState>,
    id: String,
) -> CommandResult<EmployeeDetailDto> {
    let id = parse_id(&id)?;
    state
        .with_store(|store| directory::get_employee(store, id))
        .map(Into::into)
}

#[tauri::command]
pub async fn create_employee(
    state: State<'_, AppState>,
    input: EmployeeInputDto,
) -> CommandResult<EmployeeDetailDto> {
    let draft = input.into_domain()?;
    state
        .with_store(|store| directory::create_employee(store, draft))
        .map(Into::into)
}

#[tauri::command]
pub async fn update_employee(
    state: State<'_, AppState>,
    id: String,
    input: EmployeeInputDto,
    version: Option<u32>,
) -> CommandResult<EmployeeDetailDto> {
    let id = parse_id(&id)?;
    let draft = input.into_domain()?;
    let based_on = version.map(i64::from);
    state
        .with_store(|store| directory::update_employee(store, id, draft, based_on))
        .map(Into::into)
}

#[tauri::command]
pub async fn set_employee_active(
    state: State<'_, AppState>,
    id: String,
    active: bool,
) -> CommandResult<EmployeeDetailDto> {
    let id = parse_id(&id)?;
    state
        .with_store(|store| directory::set_employee_active(store, id, active))
        .map(Into::into)
}
