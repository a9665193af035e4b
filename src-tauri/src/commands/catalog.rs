use tandem_core::catalog;
use tandem_dto::{CatalogDto, PlatformInputDto, TopicInputDto};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn get_catalog(state: State<'_, AppState>) -> CommandResult<CatalogDto> {
    state
        .with_store(|store| catalog::get_catalog(store))
        .map(Into::into)
}

#[tauri::command]
pub async fn save_platform(
    state: State<'_, AppState>,
    input: PlatformInputDto,
) -> CommandResult<CatalogDto> {
    state
        .with_store(|store| catalog::save_platform(store, input.into()))
        .map(Into::into)
}

#[tauri::command]
pub async fn save_topic(
    state: State<'_, AppState>,
    input: TopicInputDto,
) -> CommandResult<CatalogDto> {
    state
        .with_store(|store| catalog::save_topic(store, input.into()))
        .map(Into::into)
}
