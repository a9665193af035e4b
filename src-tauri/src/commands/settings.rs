use tandem_core::settings;
use tandem_dto::{LanguageDto, SettingsDto};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

fn current(state: &AppState) -> CommandResult<SettingsDto> {
    let language = state.with_store(|store| settings::language(store))?;
    Ok(SettingsDto {
        language: language.map(LanguageDto::from),
        database_path: state.database_label()?,
    })
}

#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> CommandResult<SettingsDto> {
    current(&state)
}

#[tauri::command]
pub async fn set_language(
    state: State<'_, AppState>,
    language: LanguageDto,
) -> CommandResult<SettingsDto> {
    state.with_store(|store| settings::set_language(store, language.into()))?;
    current(&state)
}
