//! Every command the desktop app exposes, with the rule of [`super::Rule`] it is checked by and
//! whether it writes. This list is the one source: the shell's handler list, `docs/ipc.md`, the
//! UI's wrappers in `ui/src/api` and the development mocks are tested against it, and the role ×
//! operation test runs every entry as every role.

use super::{Effect, Rule};

/// One command of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommandSpec {
    pub name: &'static str,
    pub rule: Rule,
    pub effect: Effect,
}

const fn cmd(name: &'static str, rule: Rule, effect: Effect) -> CommandSpec {
    CommandSpec { name, rule, effect }
}

use Effect::{Preference, Read, Write};
use Rule::*;

pub const COMMANDS: &[CommandSpec] = &[
    // The database and who is signed in (the shell's own; no data of anyone).
    cmd("connection_status", Anyone, Read),
    cmd("open_solo", Anyone, Preference),
    cmd("pick_ca_file", Anyone, Preference),
    cmd("connect_team", Anyone, Preference),
    cmd("move_to_team", Hr, Write),
    cmd("reconnect", Anyone, Preference),
    cmd("sign_out", Anyone, Preference),
    cmd("whoami", SignedIn, Read),
    cmd("view_as", Hr, Preference),
    cmd("list_logins", Hr, Read),
    cmd("link_login", Hr, Write),
    cmd("unlink_login", Hr, Write),
    // Settings.
    cmd("get_settings", SignedIn, Read),
    cmd("set_language", SignedIn, Preference),
    // Directory.
    cmd("list_employees", Hr, Read),
    cmd("directory_facets", Hr, Read),
    cmd("get_employee", Person, Read),
    cmd("create_employee", Hr, Write),
    cmd("update_employee", Person, Write),
    cmd("set_employee_active", Hr, Write),
    // Catalog.
    cmd("get_catalog", SignedIn, Read),
    cmd("save_platform", Hr, Write),
    cmd("save_topic", Hr, Write),
    // Import.
    cmd("import_load", Hr, Read),
    cmd("import_remap", Hr, Read),
    cmd("import_commit", Hr, Write),
    cmd("export_rejected_rows_csv", Hr, Read),
    cmd("import_cancel", Hr, Read),
    // Programs and matching.
    cmd("list_programs", Hr, Read),
    cmd("get_program", Hr, Read),
    cmd("create_program", Hr, Write),
    cmd("update_program", Hr, Write),
    cmd("delete_program", Hr, Write),
    cmd("list_participants", Hr, Read),
    cmd("add_participants", Hr, Write),
    cmd("add_all_eligible", Hr, Write),
    cmd("remove_participant", Hr, Write),
    cmd("set_mentor_capacity", Hr, Write),
    cmd("run_matching", Hr, Write),
    cmd("list_pairs", Hr, Read),
    cmd("get_proposal", Hr, Read),
    cmd("why_not", Hr, Read),
    cmd("set_pair_locked", Hr, Write),
    cmd("exclude_pair", Hr, Write),
    cmd("include_pair", Hr, Write),
    cmd("list_exclusions", Hr, Read),
    cmd("assign_mentor", Hr, Write),
    cmd("approve_pair", Hr, Write),
    cmd("approve_all", Hr, Write),
    cmd("what_if", Hr, Read),
    cmd("apply_settings", Hr, Write),
    // Sessions.
    cmd("get_pair_page", PairMember, Read),
    cmd("list_pairs_with_sessions", Hr, Read),
    cmd("my_pairs", SignedIn, Read),
    cmd("propose_slots", PairMember, Read),
    cmd("propose_series", PairMember, Read),
    cmd("plan_series", PairMember, Write),
    cmd("create_session", PairMember, Write),
    cmd("move_session", PairMember, Write),
    cmd("cancel_session", PairMember, Write),
    cmd("mark_held", PairMember, Write),
    cmd("mark_no_show", PairMember, Write),
    cmd("set_session_location", PairMember, Write),
    cmd("save_session_log", PairMember, Write),
    cmd("confirm_self_assessment", PairMentor, Write),
    cmd("acknowledge_charter", Person, Write),
    cmd("charter_status", Hr, Read),
    cmd("upcoming_sessions", SignedIn, Read),
    cmd("get_reminder_minutes", SignedIn, Read),
    cmd("set_reminder_minutes", SignedIn, Preference),
    cmd("export_session_ics", PairMember, Read),
    cmd("export_pair_ics", PairMember, Read),
    // Progress.
    cmd("program_dashboard", Hr, Read),
    cmd("mentee_progress", ProgressOf, Read),
    cmd("manager_view", PeopleOf, Read),
    cmd("mentor_recognition", Person, Read),
    cmd("employee_audience", Person, Read),
    cmd("set_employee_audience", Person, Write),
    cmd("export_dashboard_csv", Hr, Read),
    cmd("export_dashboard_xlsx", Hr, Read),
    cmd("export_manager_view_csv", PeopleOf, Read),
    cmd("export_manager_view_xlsx", PeopleOf, Read),
    cmd("export_mentor_summary", Person, Read),
    cmd("print_page", Anyone, Read),
    // Exports of a program.
    cmd("export_pairs_csv", Hr, Read),
    cmd("export_score_matrix_csv", Hr, Read),
];

/// The entry of `name`, if the app has such a command.
pub fn command(name: &str) -> Option<&'static CommandSpec> {
    COMMANDS.iter().find(|c| c.name == name)
}
