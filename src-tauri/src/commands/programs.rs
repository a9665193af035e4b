//! Programs and matching: the cohort, its participants, the proposal HR reviews, HR's actions on
//! it and what-if. Each command parses its ids and input, calls the `tandem_core::program`
//! function of the same name and converts the result; the rules are all in the core.

use tandem_core::domain::EmployeeId;
use tandem_core::program::{self, ProgramId};
use tandem_dto::{
    parse_employee_id, parse_employee_ids, parse_program_id, AssignOutcomeDto, ExclusionDto,
    PairDto, ParticipantDto, ProgramDto, ProgramInputDto, ProposalDto, RunSummaryDto,
    SettingsChangeDto, SideDto, WhatIfDto, WhyNotDto,
};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// The three ids that name a pair in a program, each error naming its own field.
fn pair_ids(
    program_id: &str,
    mentee_id: &str,
    mentor_id: &str,
) -> CommandResult<(ProgramId, EmployeeId, EmployeeId)> {
    Ok((
        parse_program_id(program_id)?,
        parse_employee_id("mentee_id", mentee_id)?,
        parse_employee_id("mentor_id", mentor_id)?,
    ))
}

#[tauri::command]
pub async fn list_programs(state: State<'_, AppState>) -> CommandResult<Vec<ProgramDto>> {
    state
        .with_store(|store| program::list_programs(store))
        .map(|programs| programs.into_iter().map(Into::into).collect())
}

#[tauri::command]
pub async fn get_program(
    state: State<'_, AppState>,
    program_id: String,
) -> CommandResult<ProgramDto> {
    let id = parse_program_id(&program_id)?;
    state
        .with_store(|store| program::get_program(store, id))
        .map(Into::into)
}

#[tauri::command]
pub async fn create_program(
    state: State<'_, AppState>,
    input: ProgramInputDto,
) -> CommandResult<ProgramDto> {
    let input = input.into_domain()?;
    state
        .with_store(|store| program::create_program(store, input))
        .map(Into::into)
}

#[tauri::command]
pub async fn update_program(
    state: State<'_, AppState>,
    program_id: String,
    input: ProgramInputDto,
) -> CommandResult<ProgramDto> {
    let id = parse_program_id(&program_id)?;
    let input = input.into_domain()?;
    state
        .with_store(|store| program::update_program(store, id, input))
        .map(Into::into)
}

#[tauri::command]
pub async fn delete_program(state: State<'_, AppState>, program_id: String) -> CommandResult<()> {
    let id = parse_program_id(&program_id)?;
    state.with_store(|store| program::delete_program(store, id))
}

#[tauri::command]
pub async fn list_participants(
    state: State<'_, AppState>,
    program_id: String,
) -> CommandResult<Vec<ParticipantDto>> {
    let id = parse_program_id(&program_id)?;
    state
        .with_store(|store| program::list_participants(store, id))
        .map(|list| list.into_iter().map(Into::into).collect())
}

#[tauri::command]
pub async fn add_participants(
    state: State<'_, AppState>,
    program_id: String,
    side: SideDto,
    employee_ids: Vec<String>,
) -> CommandResult<Vec<ParticipantDto>> {
    let id = parse_program_id(&program_id)?;
    let employees = parse_employee_ids(&employee_ids)?;
    state
        .with_store(|store| program::add_participants(store, id, side.into(), &employees))
        .map(|list| list.into_iter().map(Into::into).collect())
}

#[tauri::command]
pub async fn add_all_eligible(
    state: State<'_, AppState>,
    program_id: String,
    side: SideDto,
    department: Option<String>,
) -> CommandResult<u32> {
    let id = parse_program_id(&program_id)?;
    state.with_store(|store| {
        program::add_all_eligible(store, id, side.into(), department.as_deref())
    })
}

#[tauri::command]
pub async fn remove_participant(
    state: State<'_, AppState>,
    program_id: String,
    employee_id: String,
) -> CommandResult<()> {
    let id = parse_program_id(&program_id)?;
    let employee = parse_employee_id("employee_id", &employee_id)?;
    state.with_store(|store| program::remove_participant(store, id, employee))
}

#[tauri::command]
pub async fn set_mentor_capacity(
    state: State<'_, AppState>,
    program_id: String,
    mentor_id: String,
    capacity: Option<u8>,
) -> CommandResult<()> {
    let id = parse_program_id(&program_id)?;
    let mentor = parse_employee_id("mentor_id", &mentor_id)?;
    state.with_store(|store| program::set_mentor_capacity(store, id, mentor, capacity))
}

#[tauri::command]
pub async fn run_matching(
    state: State<'_, AppState>,
    program_id: String,
) -> CommandResult<RunSummaryDto> {
    let id = parse_program_id(&program_id)?;
    state
        .with_store(|store| program::run_matching(store, id))
        .map(Into::into)
}

#[tauri::command]
pub async fn list_pairs(
    state: State<'_, AppState>,
    program_id: String,
) -> CommandResult<Vec<PairDto>> {
    let id = parse_program_id(&program_id)?;
    state
        .with_store(|store| program::list_pairs(store, id))
        .map(|pairs| pairs.into_iter().map(Into::into).collect())
}

#[tauri::command]
pub async fn get_proposal(
    state: State<'_, AppState>,
    program_id: String,
) -> CommandResult<ProposalDto> {
    let id = parse_program_id(&program_id)?;
    state
        .with_store(|store| program::get_proposal(store, id))
        .map(Into::into)
}

#[tauri::command]
pub async fn why_not(
    state: State<'_, AppState>,
    program_id: String,
    mentee_id: String,
    mentor_id: String,
) -> CommandResult<WhyNotDto> {
    let (id, mentee, mentor) = pair_ids(&program_id, &mentee_id, &mentor_id)?;
    state
        .with_store(|store| program::why_not(store, id, mentee, mentor))
        .map(Into::into)
}

#[tauri::command]
pub async fn set_pair_locked(
    state: State<'_, AppState>,
    program_id: String,
    mentee_id: String,
    locked: bool,
    version: Option<u32>,
) -> CommandResult<()> {
    let id = parse_program_id(&program_id)?;
    let mentee = parse_employee_id("mentee_id", &mentee_id)?;
    let based_on = version.map(i64::from);
    state.with_store(|store| program::set_locked(store, id, mentee, locked, based_on))
}

#[tauri::command]
pub async fn exclude_pair(
    state: State<'_, AppState>,
    program_id: String,
    mentee_id: String,
    mentor_id: String,
) -> CommandResult<()> {
    let (id, mentee, mentor) = pair_ids(&program_id, &mentee_id, &mentor_id)?;
    state.with_store(|store| program::exclude_pair(store, id, mentee, mentor))
}

#[tauri::command]
pub async fn include_pair(
    state: State<'_, AppState>,
    program_id: String,
    mentee_id: String,
    mentor_id: String,
) -> CommandResult<()> {
    let (id, mentee, mentor) = pair_ids(&program_id, &mentee_id, &mentor_id)?;
    state.with_store(|store| program::include_pair(store, id, mentee, mentor))
}

#[tauri::command]
pub async fn list_exclusions(
    state: State<'_, AppState>,
    program_id: String,
) -> CommandResult<Vec<ExclusionDto>> {
    let id = parse_program_id(&program_id)?;
    state
        .with_store(|store| program::list_exclusions(store, id))
        .map(|list| list.into_iter().map(Into::into).collect())
}

#[tauri::command]
pub async fn assign_mentor(
    state: State<'_, AppState>,
    program_id: String,
    mentee_id: String,
    mentor_id: String,
    force: bool,
) -> CommandResult<AssignOutcomeDto> {
    let (id, mentee, mentor) = pair_ids(&program_id, &mentee_id, &mentor_id)?;
    state
        .with_store(|store| program::assign(store, id, mentee, mentor, force))
        .map(Into::into)
}

#[tauri::command]
pub async fn approve_pair(
    state: State<'_, AppState>,
    program_id: String,
    mentee_id: String,
    version: Option<u32>,
) -> CommandResult<()> {
    let id = parse_program_id(&program_id)?;
    let mentee = parse_employee_id("mentee_id", &mentee_id)?;
    let based_on = version.map(i64::from);
    state.with_store(|store| program::approve_pair(store, id, mentee, based_on))
}

#[tauri::command]
pub async fn approve_all(state: State<'_, AppState>, program_id: String) -> CommandResult<u32> {
    let id = parse_program_id(&program_id)?;
    state.with_store(|store| program::approve_all(store, id))
}

#[tauri::command]
pub async fn what_if(
    state: State<'_, AppState>,
    program_id: String,
    change: SettingsChangeDto,
) -> CommandResult<WhatIfDto> {
    let id = parse_program_id(&program_id)?;
    let change = change.into_domain()?;
    state
        .with_store(|store| program::what_if(store, id, &change))
        .map(Into::into)
}

#[tauri::command]
pub async fn apply_settings(
    state: State<'_, AppState>,
    program_id: String,
    change: SettingsChangeDto,
) -> CommandResult<RunSummaryDto> {
    let id = parse_program_id(&program_id)?;
    let change = change.into_domain()?;
    state
        .with_store(|store| program::apply_settings(store, id, &change))
        .map(Into::into)
}
