//! Tandem's desktop shell.
//!
//! It opens the database (see [`database`]), keeps it in [`state::AppState`], and exposes the core
//! through thin Tauri commands ([`commands`]). Rules and SQL live in `tandem-core`; the types that
//! cross to the UI live in `tandem-dto`. To add a command: list it with its access rule in
//! `tandem_core::access::COMMANDS`, write it in the right `commands/*.rs`, list it in
//! [`invoke_handler`] and in `docs/ipc.md`, and wrap it in `ui/src/api/` (and the development
//! mock); `tests/command_list.rs` fails until all of them agree.

pub mod commands;
pub mod credentials;
pub mod database;
pub mod error;
pub mod reminders;
pub mod state;

use std::process::ExitCode;

use tauri::{Manager, Runtime};

use database::{Remembered, Target};
pub use state::AppState;

/// Every command the UI may call.
pub fn invoke_handler<R: Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static
{
    tauri::generate_handler![
        commands::connection::connection_status,
        commands::connection::open_solo,
        commands::connection::pick_ca_file,
        commands::connection::connect_team,
        commands::connection::move_to_team,
        commands::connection::reconnect,
        commands::connection::sign_out,
        commands::access::whoami,
        commands::access::view_as,
        commands::access::list_logins,
        commands::access::link_login,
        commands::access::unlink_login,
        commands::settings::get_settings,
        commands::settings::set_language,
        commands::directory::list_employees,
        commands::directory::directory_facets,
        commands::directory::get_employee,
        commands::directory::create_employee,
        commands::directory::update_employee,
        commands::directory::set_employee_active,
        commands::catalog::get_catalog,
        commands::catalog::save_platform,
        commands::catalog::save_topic,
        commands::import::import_load,
        commands::import::import_remap,
        commands::import::import_commit,
        commands::import::export_rejected_rows_csv,
        commands::import::import_cancel,
        commands::programs::list_programs,
        commands::programs::get_program,
        commands::programs::create_program,
        commands::programs::update_program,
        commands::programs::delete_program,
        commands::programs::list_participants,
        commands::programs::add_participants,
        commands::programs::add_all_eligible,
        commands::programs::remove_participant,
        commands::programs::set_mentor_capacity,
        commands::programs::run_matching,
        commands::programs::list_pairs,
        commands::programs::get_proposal,
        commands::programs::why_not,
        commands::programs::set_pair_locked,
        commands::programs::exclude_pair,
        commands::programs::include_pair,
        commands::programs::list_exclusions,
        commands::programs::assign_mentor,
        commands::programs::approve_pair,
        commands::programs::approve_all,
        commands::programs::what_if,
        commands::programs::apply_settings,
        commands::sessions::get_pair_page,
        commands::sessions::list_pairs_with_sessions,
        commands::sessions::my_pairs,
        commands::sessions::propose_slots,
        commands::sessions::propose_series,
        commands::sessions::plan_series,
        commands::sessions::create_session,
        commands::sessions::move_session,
        commands::sessions::cancel_session,
        commands::sessions::mark_held,
        commands::sessions::mark_no_show,
        commands::sessions::set_session_location,
        commands::sessions::save_session_log,
        commands::sessions::confirm_self_assessment,
        commands::sessions::acknowledge_charter,
        commands::sessions::charter_status,
        commands::sessions::upcoming_sessions,
        commands::sessions::get_reminder_minutes,
        commands::sessions::set_reminder_minutes,
        commands::sessions::export_session_ics,
        commands::sessions::export_pair_ics,
        commands::progress::program_dashboard,
        commands::progress::mentee_progress,
        commands::progress::manager_view,
        commands::progress::mentor_recognition,
        commands::progress::employee_audience,
        commands::progress::set_employee_audience,
        commands::progress::export_dashboard_csv,
        commands::progress::export_dashboard_xlsx,
        commands::progress::export_manager_view_csv,
        commands::progress::export_manager_view_xlsx,
        commands::progress::export_mentor_summary,
        commands::progress::print_page,
        commands::export::export_pairs_csv,
        commands::export::export_score_matrix_csv,
    ]
}

/// What Tandem opens at launch: the file or server asked for, else the choice remembered from
/// last time, else the default file (with the demo company when new). A file opens now; a
/// server opens at the first command, so the window shows at once and says it is connecting.
fn startup_state(
    requested: Option<Target>,
    config_dir: std::path::PathBuf,
    default_file: std::path::PathBuf,
) -> AppState {
    let target = requested.unwrap_or_else(|| match Remembered::load(&config_dir) {
        Some(Remembered::Solo { file }) => Target::File(file),
        Some(remembered @ Remembered::Team { .. }) => match remembered.server_settings() {
            Some((settings, _)) => Target::Server(settings),
            None => Target::File(default_file.clone()),
        },
        None => Target::File(default_file.clone()),
    });
    match target {
        Target::File(path) => match database::open_file(&path) {
            Ok(store) => AppState::new(
                Some(store),
                Some(Target::File(path)),
                None,
                config_dir,
                default_file,
            ),
            Err(e) => AppState::new(None, None, Some(e.into()), config_dir, default_file),
        },
        Target::Server(mut settings) => {
            if settings.password.is_none() {
                settings.password = credentials::load(&settings);
            }
            AppState::new(
                None,
                Some(Target::Server(settings)),
                None,
                config_dir,
                default_file,
            )
        }
    }
}

/// Starts the app; the exit code says whether it could.
pub fn run() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let requested = match database::requested_target(
        &args,
        std::env::var(database::DB_ENV).ok(),
        std::env::var(database::SERVER_ENV).ok(),
    ) {
        Ok(target) => target,
        Err(message) => {
            eprintln!("tandem: {message}");
            return ExitCode::from(2);
        }
    };
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .setup(move |app| {
            let config_dir = app.path().app_config_dir()?;
            let default_file = database::default_path(&app.path().app_data_dir()?);
            app.manage(startup_state(requested, config_dir, default_file));
            reminders::start(app.handle().clone());
            Ok(())
        })
        .invoke_handler(invoke_handler())
        .run(tauri::generate_context!());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("tandem: {error}");
            ExitCode::FAILURE
        }
    }
}
