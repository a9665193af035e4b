//! Sessions of approved pairs: the pair page, a program's active pairs, proposing and planning
//! times, the session actions, the learning log, the charter, "my week", the reminder lead time
//! and the calendar files. Each command parses its ids and instants, calls the
//! `tandem_core::session` (or `settings`) function of the same name at the current time and
//! converts the result; the rules are all in the core. Calendar files go through the same save
//! dialog as the CSV exports (see [`super::export`]).

use chrono::{DateTime, Utc};
use tandem_core::{session, settings};
use tandem_dto::{
    parse_employee_id, parse_instant, parse_instants, parse_pair_id, parse_program_id,
    parse_session_id, AgendaEntryDto, CancelledByDto, CharterEntryDto, CharterStatusDto,
    LogInputDto, MyPairDto, PairOverviewDto, PairPageDto, SeriesProposalDto, SessionDto,
    SessionLogDto, SlotDto,
};
use tauri::{AppHandle, Runtime, State};

use super::export::save;
use crate::error::CommandResult;
use crate::state::AppState;

fn now() -> DateTime<Utc> {
    Utc::now()
}

fn session_time(starts_at: &str, ends_at: &str) -> CommandResult<session::SessionTime> {
    Ok(session::SessionTime {
        starts_at: parse_instant("starts_at", starts_at)?,
        ends_at: parse_instant("ends_at", ends_at)?,
    })
}

#[tauri::command]
pub async fn get_pair_page(
    state: State<'_, AppState>,
    pair_id: String,
) -> CommandResult<PairPageDto> {
    let id = parse_pair_id(&pair_id)?;
    state
        .with_store(|store| session::pair_page(store, id, now()))
        .map(Into::into)
}

#[tauri::command]
pub async fn list_pairs_with_sessions(
    state: State<'_, AppState>,
    program_id: String,
) -> CommandResult<Vec<PairOverviewDto>> {
    let id = parse_program_id(&program_id)?;
    state
        .with_store(|store| session::list_pairs_with_sessions(store, id, now()))
        .map(|list| list.into_iter().map(Into::into).collect())
}

/// The signed-in person's own approved pairs, with their to-do.
#[tauri::command]
pub async fn my_pairs(state: State<'_, AppState>) -> CommandResult<Vec<MyPairDto>> {
    state
        .with_store(|store| session::my_pairs(store, now()))
        .map(|list| list.into_iter().map(Into::into).collect())
}

#[tauri::command]
pub async fn propose_slots(
    state: State<'_, AppState>,
    pair_id: String,
    from: String,
    to: String,
) -> CommandResult<Vec<SlotDto>> {
    let id = parse_pair_id(&pair_id)?;
    let (from, to) = (parse_instant("from", &from)?, parse_instant("to", &to)?);
    state
        .with_store(|store| session::propose_slots(store, id, from, to, now()))
        .map(|list| list.into_iter().map(Into::into).collect())
}

#[tauri::command]
pub async fn propose_series(
    state: State<'_, AppState>,
    pair_id: String,
    first_start: String,
) -> CommandResult<SeriesProposalDto> {
    let id = parse_pair_id(&pair_id)?;
    let first = parse_instant("first_start", &first_start)?;
    state
        .with_store(|store| session::propose_series(store, id, first, now()))
        .map(Into::into)
}

#[tauri::command]
pub async fn plan_series(
    state: State<'_, AppState>,
    pair_id: String,
    starts: Vec<String>,
    location: String,
) -> CommandResult<Vec<SessionDto>> {
    let id = parse_pair_id(&pair_id)?;
    let starts = parse_instants("starts", &starts)?;
    state
        .with_store(|store| session::plan_series(store, id, &starts, &location, now()))
        .map(|list| list.into_iter().map(Into::into).collect())
}

#[tauri::command]
pub async fn create_session(
    state: State<'_, AppState>,
    pair_id: String,
    starts_at: String,
    ends_at: String,
    location: String,
) -> CommandResult<SessionDto> {
    let id = parse_pair_id(&pair_id)?;
    let time = session_time(&starts_at, &ends_at)?;
    state
        .with_store(|store| session::create_session(store, id, time, &location, now()))
        .map(Into::into)
}

#[tauri::command]
pub async fn move_session(
    state: State<'_, AppState>,
    session_id: String,
    starts_at: String,
    ends_at: String,
) -> CommandResult<SessionDto> {
    let id = parse_session_id(&session_id)?;
    let time = session_time(&starts_at, &ends_at)?;
    state
        .with_store(|store| session::move_session(store, id, time, now()))
        .map(Into::into)
}

#[tauri::command]
pub async fn cancel_session(
    state: State<'_, AppState>,
    session_id: String,
    cancelled_by: CancelledByDto,
    reason: String,
) -> CommandResult<SessionDto> {
    let id = parse_session_id(&session_id)?;
    state
        .with_store(|store| session::cancel_session(store, id, cancelled_by.into(), &reason, now()))
        .map(Into::into)
}

#[tauri::command]
pub async fn mark_held(
    state: State<'_, AppState>,
    session_id: String,
) -> CommandResult<SessionDto> {
    let id = parse_session_id(&session_id)?;
    state
        .with_store(|store| session::mark_held(store, id, now()))
        .map(Into::into)
}

#[tauri::command]
pub async fn mark_no_show(
    state: State<'_, AppState>,
    session_id: String,
) -> CommandResult<SessionDto> {
    let id = parse_session_id(&session_id)?;
    state
        .with_store(|store| session::mark_no_show(store, id, now()))
        .map(Into::into)
}

#[tauri::command]
pub async fn set_session_location(
    state: State<'_, AppState>,
    session_id: String,
    location: String,
) -> CommandResult<SessionDto> {
    let id = parse_session_id(&session_id)?;
    state
        .with_store(|store| session::set_location(store, id, &location, now()))
        .map(Into::into)
}

#[tauri::command]
pub async fn save_session_log(
    state: State<'_, AppState>,
    session_id: String,
    input: LogInputDto,
) -> CommandResult<SessionLogDto> {
    let id = parse_session_id(&session_id)?;
    state
        .with_store(|store| session::save_log(store, id, input.into(), now()))
        .map(Into::into)
}

#[tauri::command]
pub async fn confirm_self_assessment(
    state: State<'_, AppState>,
    session_id: String,
) -> CommandResult<SessionLogDto> {
    let id = parse_session_id(&session_id)?;
    state
        .with_store(|store| session::confirm_self_assessment(store, id, now()))
        .map(Into::into)
}

#[tauri::command]
pub async fn acknowledge_charter(
    state: State<'_, AppState>,
    program_id: String,
    employee_id: String,
) -> CommandResult<CharterEntryDto> {
    let program = parse_program_id(&program_id)?;
    let employee = parse_employee_id("employee_id", &employee_id)?;
    state
        .with_store(|store| session::acknowledge_charter(store, program, employee, now()))
        .map(Into::into)
}

#[tauri::command]
pub async fn charter_status(
    state: State<'_, AppState>,
    program_id: String,
) -> CommandResult<CharterStatusDto> {
    let id = parse_program_id(&program_id)?;
    state
        .with_store(|store| session::charter_status(store, id))
        .map(Into::into)
}

#[tauri::command]
pub async fn upcoming_sessions(
    state: State<'_, AppState>,
    from: String,
    to: String,
    employee_id: Option<String>,
) -> CommandResult<Vec<AgendaEntryDto>> {
    let (from, to) = (parse_instant("from", &from)?, parse_instant("to", &to)?);
    let employee = employee_id
        .as_deref()
        .map(|raw| parse_employee_id("employee_id", raw))
        .transpose()?;
    state
        .with_store(|store| session::upcoming_sessions(store, from, to, employee))
        .map(|list| list.into_iter().map(Into::into).collect())
}

#[tauri::command]
pub async fn get_reminder_minutes(state: State<'_, AppState>) -> CommandResult<u16> {
    state.with_store(|store| settings::reminder_minutes(store))
}

#[tauri::command]
pub async fn set_reminder_minutes(state: State<'_, AppState>, minutes: u16) -> CommandResult<u16> {
    state.with_store(|store| {
        settings::set_reminder_minutes(store, minutes)?;
        settings::reminder_minutes(store)
    })
}

#[tauri::command]
pub async fn export_session_ics<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    session_id: String,
) -> CommandResult<Option<String>> {
    let id = parse_session_id(&session_id)?;
    let (name, bytes) = state.with_store(|store| session::session_ics(store, id))?;
    save(&app, name, bytes).await
}

#[tauri::command]
pub async fn export_pair_ics<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    pair_id: String,
) -> CommandResult<Option<String>> {
    let id = parse_pair_id(&pair_id)?;
    let (name, bytes) = state.with_store(|store| session::pair_ics(store, id))?;
    save(&app, name, bytes).await
}
