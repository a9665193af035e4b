//! Who may do what, command by command: every entry of the command list (`access::COMMANDS`) is
//! run as HR, the pair's mentor, its mentee, the mentee's manager, another mentor and an employee
//! with no role, on the progress fixture. An allowed call must succeed; a refused one must give
//! `forbidden` and leave the database exactly as it was (compared as a dump of every row).
//!
//! The targets are fixed so that the expected answer follows from the command's rule alone: the
//! pair is A (Bruno ← Emma, program P), the person is Bruno, the manager scope is the CEO's.
//! Runs on SQLite, and on PostgreSQL under `TANDEM_TEST_ENGINE=postgres`.

mod programs_fixture;
mod progress_fixture;

use chrono::Duration;
use programs_fixture::draft_of;
use progress_fixture::*;
use tandem_core::access::{self, Rule, COMMANDS};
use tandem_core::catalog::{self, PlatformInput, TopicInput};
use tandem_core::directory::{self, DirectoryQuery};
use tandem_core::domain::{Actor, EmployeeDraft};
use tandem_core::program::{self, ProgramInput, SettingsChange, Side};
use tandem_core::progress::{self, AudienceChange, ManagerScope, PeoplePage};
use tandem_core::session::{
    self, CancelledBy, LogInput, LogTopicInput, SelfAssessmentInput, SessionTime,
};
use tandem_core::settings::{self, Language};
use tandem_core::store::dump::dump;
use tandem_core::{import, CoreError, CoreResult};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Hr,
    Mentor,
    Mentee,
    Manager,
    OtherMentor,
    Nobody,
}

const ROLES: [Role; 6] = [
    Role::Hr,
    Role::Mentor,
    Role::Mentee,
    Role::Manager,
    Role::OtherMentor,
    Role::Nobody,
];

fn actor(w: &World, role: Role) -> Actor {
    let person = |key: &str| Actor::signed_in(key, Some(w.id(key)), false);
    match role {
        Role::Hr => Actor::hr_here(),
        Role::Mentor => person("emma"),
        Role::Mentee => person("bruno"),
        Role::Manager => person("ceo"),
        Role::OtherMentor => person("felix"),
        Role::Nobody => person("ines"),
    }
}

/// Who passes each rule, for the fixed targets (pair A, Bruno, the CEO's people).
fn allowed(rule: Rule, role: Role) -> bool {
    use Role::*;
    match rule {
        Rule::Anyone | Rule::SignedIn => true,
        Rule::Hr => role == Hr,
        Rule::Person => matches!(role, Hr | Mentee),
        Rule::ProgressOf => matches!(role, Hr | Mentee | Manager),
        Rule::PeopleOf => matches!(role, Hr | Manager),
        Rule::PairMember => matches!(role, Hr | Mentee | Mentor),
        Rule::PairMentor => matches!(role, Hr | Mentor),
    }
}

/// Commands of the desktop shell alone: they open or pick a database, or print the window, and
/// reach no data through the core.
const SHELL_ONLY: &[&str] = &[
    "connection_status",
    "open_solo",
    "pick_ca_file",
    "connect_team",
    "move_to_team",
    "reconnect",
    "sign_out",
    "import_cancel",
    "print_page",
];

/// Everything the calls need, read as HR before the actor changes.
struct Setup {
    bruno: EmployeeDraft,
    a4_log: LogInput,
    spare_program: tandem_core::program::ProgramId,
}

fn setup(w: &mut World) -> CoreResult<Setup> {
    let bruno = directory::get_employee(&w.store, w.id("bruno"))?.employee;
    let page = session::pair_page(&w.store, w.pairs["A"], now())?;
    let a4 = page
        .timeline
        .iter()
        .find(|t| t.session.id == w.session("a4"))
        .and_then(|t| t.log.clone())
        .unwrap_or_else(|| panic!("a4 has a log in the fixture"));
    let a4_log = LogInput {
        topics: a4
            .topics
            .iter()
            .map(|t| LogTopicInput {
                topic_id: t.topic.id.clone(),
                depth: t.depth,
            })
            .collect(),
        task_set: a4.task_set.clone(),
        previous_task_outcome: a4.previous_task_outcome,
        summary: format!("{} (edited)", a4.summary),
        private_notes: a4.private_notes.clone(),
        mentee_rating: a4.mentee_rating,
        mentor_rating: a4.mentor_rating,
        self_assessment: a4
            .self_assessments
            .iter()
            .map(|s| SelfAssessmentInput {
                topic_id: s.topic.id.clone(),
                level: s.level,
            })
            .collect(),
    };
    let spare_program = program::create_program(&mut w.store, program_input("Spare"))?.id;
    let (ines, claire, emma) = (w.id("ines"), w.id("claire"), w.id("emma"));
    program::exclude_pair(&mut w.store, w.p, ines, emma)?;
    program::add_participants(&mut w.store, spare_program, Side::Mentee, &[ines])?;
    access::link_login(&mut w.store, "claire_login", Some(claire), false, now())?;
    Ok(Setup {
        bruno: draft_of(&bruno),
        a4_log,
        spare_program,
    })
}

fn program_input(name: &str) -> ProgramInput {
    ProgramInput {
        name: name.into(),
        start_date: date(2031, 9, 1),
        end_date: date(2032, 3, 1),
        cadence_weeks: 2,
        session_minutes: 60,
        charter: "Be kind.".into(),
        matching: Default::default(),
    }
}

/// Runs `command` on the store as whoever the store acts as; `None` for a shell-only command.
fn call(command: &str, role: Role, w: &mut World, s: &Setup) -> Option<CoreResult<()>> {
    let (p, a) = (w.p, w.pairs["A"]);
    let (bruno, ines, emma, felix, simon) = (
        w.id("bruno"),
        w.id("ines"),
        w.id("emma"),
        w.id("felix"),
        w.id("simon"),
    );
    let (a2, a4, a5) = (w.session("a2"), w.session("a4"), w.session("a5"));
    let later = at("2031-05-12T12:00:00Z");
    let slot = SessionTime {
        starts_at: at("2031-05-20T09:00:00Z"),
        ends_at: at("2031-05-20T10:00:00Z"),
    };
    let ceo = ManagerScope::Manager(w.id("ceo"));
    let st = &mut w.store;
    let ok = |r: CoreResult<()>| Some(r);
    let result: CoreResult<()> = match command {
        name if SHELL_ONLY.contains(&name) => return None,
        "whoami" => access::whoami(st).map(drop),
        "view_as" => access::view_as(st, Some(ines)).map(drop),
        "list_logins" => access::list_logins(st).map(drop),
        "link_login" => access::link_login(st, "bruno_login", Some(bruno), false, now()).map(drop),
        "unlink_login" => access::unlink_login(st, "claire_login").map(drop),
        "get_settings" => settings::language(st).map(drop),
        "set_language" => settings::set_language(st, Language::Fr),
        "list_employees" => directory::list_employees(st, &DirectoryQuery::default()).map(drop),
        "directory_facets" => directory::directory_facets(st).map(drop),
        "get_employee" => directory::get_employee(st, bruno).map(drop),
        "create_employee" => {
            let mut d = s.bruno.clone();
            d.external_id = "NEW-1".into();
            d.email = "new.person@example.com".into();
            directory::create_employee(st, d).map(drop)
        }
        "update_employee" => {
            let mut d = s.bruno.clone();
            d.interests.push("podcasts".into());
            directory::update_employee(st, bruno, d, None).map(drop)
        }
        "set_employee_active" => directory::set_employee_active(st, ines, false).map(drop),
        "get_catalog" => catalog::get_catalog(st).map(drop),
        "save_platform" => catalog::save_platform(
            st,
            PlatformInput {
                id: None,
                name: "Threads".into(),
                active: true,
            },
        )
        .map(drop),
        "save_topic" => catalog::save_topic(
            st,
            TopicInput {
                id: None,
                platform_id: "linkedin".into(),
                name_en: "Polls".into(),
                name_fr: "Sondages".into(),
                active: true,
            },
        )
        .map(drop),
        "export_rejected_rows_csv" => import::stage(
            "hr.csv",
            b"employee_id,first_name,last_name,email\nX-1,Zo\xc3\xa9,Petit,not-an-email\n",
        )
        .and_then(|staged| {
            import::rejected_rows_csv(st, &staged, &[(2, "bad email".into())], Language::En)
        })
        .map(drop),
        "import_load" | "import_remap" | "import_commit" => {
            let staged = import::stage(
                "hr.csv",
                b"employee_id,first_name,last_name,email\nX-1,Zo\xc3\xa9,Petit,zoe.petit@example.com\n",
            );
            match staged {
                Err(e) => Err(e),
                Ok(staged) if command == "import_commit" => {
                    import::commit(st, &staged, &staged.ignored_columns(), &mut |_| {}).map(drop)
                }
                Ok(staged) => import::preview(st, &staged, &mut |_| {}).map(drop),
            }
        }
        "list_programs" => program::list_programs(st).map(drop),
        "get_program" => program::get_program(st, p).map(drop),
        "create_program" => program::create_program(st, program_input("New")).map(drop),
        "update_program" => {
            program::update_program(st, s.spare_program, program_input("Renamed")).map(drop)
        }
        "delete_program" => program::delete_program(st, s.spare_program),
        "list_participants" => program::list_participants(st, p).map(drop),
        "add_participants" => {
            program::add_participants(st, s.spare_program, Side::Mentor, &[felix]).map(drop)
        }
        "add_all_eligible" => {
            program::add_all_eligible(st, s.spare_program, Side::Mentor, None).map(drop)
        }
        "remove_participant" => program::remove_participant(st, s.spare_program, ines),
        "set_mentor_capacity" => program::set_mentor_capacity(st, p, felix, Some(3)),
        "run_matching" => program::run_matching(st, p).map(drop),
        "list_pairs" => program::list_pairs(st, p).map(drop),
        "get_proposal" => program::get_proposal(st, p).map(drop),
        "why_not" => program::why_not(st, p, ines, emma).map(drop),
        "set_pair_locked" => program::set_locked(st, p, ines, true, None),
        "exclude_pair" => program::exclude_pair(st, p, ines, simon),
        "include_pair" => program::include_pair(st, p, ines, emma),
        "list_exclusions" => program::list_exclusions(st, p).map(drop),
        "assign_mentor" => program::assign(st, p, ines, simon, true).map(drop),
        "approve_pair" => program::approve_pair(st, p, ines, None),
        "approve_all" => program::approve_all(st, p).map(drop),
        "what_if" => program::what_if(st, p, &SettingsChange::default()).map(drop),
        "apply_settings" => program::apply_settings(
            st,
            p,
            &SettingsChange {
                default_capacity: Some(2),
                ..SettingsChange::default()
            },
        )
        .map(drop),
        "get_pair_page" => session::pair_page(st, a, now()).map(drop),
        "list_pairs_with_sessions" => session::list_pairs_with_sessions(st, p, now()).map(drop),
        "my_pairs" => session::my_pairs(st, now()).map(drop),
        "propose_slots" => session::propose_slots(
            st,
            a,
            slot.starts_at,
            slot.starts_at + Duration::days(7),
            now(),
        )
        .map(drop),
        "propose_series" => session::propose_series(st, a, slot.starts_at, now()).map(drop),
        "plan_series" => session::plan_series(st, a, &[slot.starts_at], "", now()).map(drop),
        "create_session" => session::create_session(st, a, slot, "Room 2", now()).map(drop),
        "move_session" => session::move_session(st, a5, slot, now()).map(drop),
        "cancel_session" => {
            let who = match role {
                Role::Mentee => CancelledBy::Mentee,
                Role::Mentor => CancelledBy::Mentor,
                _ => CancelledBy::Hr,
            };
            session::cancel_session(st, a5, who, "Travel", now()).map(drop)
        }
        "mark_held" => session::mark_held(st, a5, later).map(drop),
        "mark_no_show" => session::mark_no_show(st, a5, later).map(drop),
        "set_session_location" => session::set_location(st, a5, "Room 3", now()).map(drop),
        "save_session_log" => session::save_log(st, a4, s.a4_log.clone(), now()).map(drop),
        "confirm_self_assessment" => session::confirm_self_assessment(st, a2, now()).map(drop),
        "acknowledge_charter" => session::acknowledge_charter(st, p, bruno, now()).map(drop),
        "charter_status" => session::charter_status(st, p).map(drop),
        "upcoming_sessions" => session::upcoming_sessions(st, now(), later, None).map(drop),
        "get_reminder_minutes" => settings::reminder_minutes(st).map(drop),
        "set_reminder_minutes" => settings::set_reminder_minutes(st, 30),
        "export_session_ics" => session::session_ics(st, a5).map(drop),
        "export_pair_ics" => session::pair_ics(st, a).map(drop),
        "program_dashboard" => progress::program_dashboard(st, p, now()).map(drop),
        "mentee_progress" => progress::mentee_progress(st, bruno, None, now()).map(drop),
        "manager_view" => progress::manager_view(st, &ceo, PeoplePage::first(50), now()).map(drop),
        "mentor_recognition" => progress::mentor_recognition(st, bruno, now()).map(drop),
        "employee_audience" => progress::employee_audience(st, bruno).map(drop),
        "set_employee_audience" => progress::set_employee_audience(
            st,
            bruno,
            &[AudienceChange {
                platform_id: "linkedin".into(),
                followers: Some(1300),
            }],
        )
        .map(drop),
        "export_dashboard_csv" => progress::program_dashboard_csv(st, p, now()).map(drop),
        "export_dashboard_xlsx" => {
            progress::program_dashboard_xlsx(st, p, now(), Language::En).map(drop)
        }
        "export_manager_view_csv" => progress::manager_view_csv(st, &ceo, now()).map(drop),
        "export_manager_view_xlsx" => {
            progress::manager_view_xlsx(st, &ceo, now(), Language::Fr).map(drop)
        }
        "export_mentor_summary" => {
            progress::mentor_summary_html(st, bruno, now(), Language::En).map(drop)
        }
        "export_pairs_csv" => program::pairs_csv(st, p).map(drop),
        "export_score_matrix_csv" => program::score_matrix_csv(st, p).map(drop),
        other => panic!("the command {other} is missing from the role × operation test"),
    };
    ok(result)
}

/// One command as every role. Refusals run first, on one fixture, each checked to leave it as it
/// was; then each allowed role runs, on that fixture for a read and on a fresh one for each
/// change (an earlier change could stand in the way of the next).
fn check(spec: &access::CommandSpec) -> CoreResult<()> {
    let fresh = || -> CoreResult<(World, Setup)> {
        let mut w = world()?;
        let s = setup(&mut w)?;
        Ok((w, s))
    };
    let (mut w, mut s) = fresh()?;
    let (refused, passing): (Vec<Role>, Vec<Role>) =
        ROLES.into_iter().partition(|&r| !allowed(spec.rule, r));
    let command = spec.name;
    for role in refused {
        let before = dump(w.store.conn())?;
        w.store.set_actor(actor(&w, role));
        let Some(result) = call(command, role, &mut w, &s) else {
            return Ok(());
        };
        w.store.set_actor(Actor::hr_here());
        match result {
            Err(CoreError::Forbidden(_)) => {}
            Ok(()) => panic!("{command} as {role:?} should be forbidden, and it succeeded"),
            Err(e) => panic!(
                "{command} as {role:?} should be forbidden, got {} ({e})",
                e.code()
            ),
        }
        assert!(
            dump(w.store.conn())? == before,
            "{command} as {role:?} was refused but changed the database"
        );
    }
    for (i, role) in passing.into_iter().enumerate() {
        if i > 0 && spec.effect != access::Effect::Read {
            (w, s) = fresh()?;
        }
        w.store.set_actor(actor(&w, role));
        let Some(result) = call(command, role, &mut w, &s) else {
            return Ok(());
        };
        w.store.set_actor(Actor::hr_here());
        if let Err(e) = result {
            panic!(
                "{command} as {role:?} should succeed, got {} ({e})",
                e.code()
            );
        }
    }
    Ok(())
}

#[test]
fn every_command_as_every_role_does_what_its_rule_says_and_a_refusal_changes_nothing(
) -> CoreResult<()> {
    for spec in COMMANDS {
        check(spec)?;
    }
    Ok(())
}

#[test]
fn the_shell_only_commands_are_in_the_command_list() {
    for name in SHELL_ONLY {
        assert!(access::command(name).is_some(), "{name} is not a command");
    }
}

#[test]
fn viewing_as_someone_reads_as_them_and_changes_nothing() -> CoreResult<()> {
    let mut w = world()?;
    let bruno = w.id("bruno");
    let me = access::view_as(&mut w.store, Some(bruno))?;
    assert_eq!(me.viewing_as.as_ref().map(|p| p.id), Some(bruno));
    assert!(!me.hr && me.mentee && !me.mentor);

    // Bruno's own pair reads; another pair and HR's screens are refused, as for Bruno.
    session::pair_page(&w.store, w.pairs["A"], now())?;
    for refused in [
        session::pair_page(&w.store, w.pairs["B"], now()).map(drop),
        program::list_programs(&w.store).map(drop),
    ] {
        assert_eq!(refused.err().map(|e| e.code()), Some("forbidden"));
    }
    // Every write is refused, even one Bruno could make himself.
    let before = dump(w.store.conn())?;
    let refused = session::acknowledge_charter(&mut w.store, w.p, bruno, now());
    assert_eq!(
        refused.err().and_then(|e| e.refusal_key()),
        Some(tandem_core::RefusalKey::ForbiddenViewingAs)
    );
    assert!(dump(w.store.conn())? == before);

    let me = access::view_as(&mut w.store, None)?;
    assert!(me.hr && me.viewing_as.is_none());
    program::list_programs(&w.store)?;
    Ok(())
}

#[test]
fn each_side_rates_for_itself_and_cancels_in_its_own_name() -> CoreResult<()> {
    let mut w = world()?;
    let s = setup(&mut w)?;
    let (a4, a5) = (w.session("a4"), w.session("a5"));
    let bruno = actor(&w, Role::Mentee);
    let emma = actor(&w, Role::Mentor);

    // The mentee may not rate for the mentor, nor the mentor for the mentee or the levels.
    let mut by_mentee = s.a4_log.clone();
    by_mentee.mentor_rating = Some(1);
    let mut by_mentor = s.a4_log.clone();
    by_mentor.mentee_rating = Some(1);
    let mut levels_by_mentor = s.a4_log.clone();
    if let Some(first) = levels_by_mentor.self_assessment.first_mut() {
        first.level = 0;
    }
    for (who, input) in [
        (&bruno, by_mentee),
        (&emma, by_mentor),
        (&emma, levels_by_mentor),
    ] {
        w.store.set_actor(who.clone());
        let before = dump(w.store.conn())?;
        let refused = session::save_log(&mut w.store, a4, input, now());
        assert_eq!(
            refused.err().and_then(|e| e.refusal_key()),
            Some(tandem_core::RefusalKey::ForbiddenOtherSide)
        );
        assert!(dump(w.store.conn())? == before);
    }
    // Their own side is theirs.
    let mut own = s.a4_log.clone();
    own.mentee_rating = Some(5);
    w.store.set_actor(bruno.clone());
    let saved = session::save_log(&mut w.store, a4, own, now())?;
    assert_eq!(saved.mentee_rating, Some(5));

    // Cancelling "as the mentor" is refused to the mentee.
    let refused = session::cancel_session(&mut w.store, a5, CancelledBy::Mentor, "Ill", now());
    assert_eq!(
        refused.err().and_then(|e| e.refusal_key()),
        Some(tandem_core::RefusalKey::ForbiddenOtherSide)
    );
    Ok(())
}

#[test]
fn a_participant_edits_their_own_profile_but_not_what_hr_keeps() -> CoreResult<()> {
    let mut w = world()?;
    let s = setup(&mut w)?;
    let bruno = w.id("bruno");
    w.store.set_actor(actor(&w, Role::Mentee));

    let mut own = s.bruno.clone();
    own.interests = vec!["podcasts".into()];
    own.languages = vec!["fr".into(), "en".into(), "es".into()];
    let saved = directory::update_employee(&mut w.store, bruno, own, None)?;
    assert_eq!(saved.employee.interests, ["podcasts"]);

    for change in [
        |d: &mut EmployeeDraft| d.title = "CEO".into(),
        |d: &mut EmployeeDraft| d.grade = 10,
        |d: &mut EmployeeDraft| d.manager_id = None,
        |d: &mut EmployeeDraft| d.adoption_profile = None,
    ] {
        let mut d = draft_of(&saved.employee);
        change(&mut d);
        let before = dump(w.store.conn())?;
        let refused = directory::update_employee(&mut w.store, bruno, d, None);
        assert_eq!(
            refused.err().and_then(|e| e.refusal_key()),
            Some(tandem_core::RefusalKey::ForbiddenHrFields)
        );
        assert!(dump(w.store.conn())? == before);
    }
    Ok(())
}

#[test]
fn my_week_and_my_pairs_cover_the_signed_in_persons_own_sessions() -> CoreResult<()> {
    let mut w = world()?;
    let everyone = session::upcoming_sessions(&w.store, now(), at("2031-06-01T00:00:00Z"), None)?;
    assert!(everyone.len() > 1);
    let bruno = w.id("bruno");
    w.store.set_actor(actor(&w, Role::Mentee));
    for asked in [None, Some(w.id("claire"))] {
        let mine = session::upcoming_sessions(&w.store, now(), at("2031-06-01T00:00:00Z"), asked)?;
        assert!(!mine.is_empty());
        assert!(mine
            .iter()
            .all(|e| e.mentee.id == bruno || e.mentor.id == bruno));
    }
    let pairs = session::my_pairs(&w.store, now())?;
    let programs: Vec<_> = pairs.iter().map(|p| (p.program_id, p.side)).collect();
    assert_eq!(programs.len(), 2, "Bruno is a mentee in P and in Q");
    assert!(pairs.iter().all(|p| p.side == Side::Mentee));

    w.store.set_actor(actor(&w, Role::Mentor));
    let emma = session::my_pairs(&w.store, now())?;
    assert_eq!(emma.len(), 1);
    assert_eq!(emma[0].side, Side::Mentor);
    assert_eq!(
        emma[0].levels_to_confirm, 1,
        "a2's LinkedIn profile level waits"
    );
    Ok(())
}

#[test]
fn logins_are_linked_by_hr_and_the_last_hr_administrator_stays() -> CoreResult<()> {
    let mut w = world()?;
    let claire = w.id("claire");
    let links = access::link_login(&mut w.store, "  c.petit ", Some(claire), true, now())?;
    let mine = links.iter().find(|l| l.login == "c.petit");
    assert_eq!(
        mine.and_then(|l| l.person.as_ref()).map(|p| p.id),
        Some(claire)
    );
    assert_eq!(
        access::link_login(&mut w.store, "", None, false, now())
            .err()
            .map(|e| e.code()),
        Some("validation")
    );
    // On SQLite, c.petit is the only HR administrator; on PostgreSQL the test login is one too.
    let admins = access::list_logins(&w.store)?
        .iter()
        .filter(|l| l.hr_admin)
        .count();
    if admins == 1 {
        let before = dump(w.store.conn())?;
        let refused = access::unlink_login(&mut w.store, "c.petit");
        assert_eq!(
            refused.err().and_then(|e| e.refusal_key()),
            Some(tandem_core::RefusalKey::LastHrAdmin)
        );
        assert!(dump(w.store.conn())? == before);
    }
    access::link_login(&mut w.store, "backup_hr", None, true, now())?;
    let links = access::unlink_login(&mut w.store, "c.petit")?;
    assert!(links.iter().all(|l| l.login != "c.petit"));
    Ok(())
}

#[test]
fn a_person_signs_in_with_one_login_only() -> CoreResult<()> {
    let mut w = world()?;
    let claire = w.id("claire");
    access::link_login(&mut w.store, "c.petit", Some(claire), false, now())?;
    let before = dump(w.store.conn())?;
    let refused = access::link_login(&mut w.store, "claire2", Some(claire), false, now());
    match refused {
        Err(CoreError::Validation(errors)) => {
            assert_eq!(errors[0].key, "employee_has_login");
            assert_eq!(errors[0].params, vec![("login", "c.petit".to_owned())]);
        }
        other => panic!("a second login for Claire must be refused: {other:?}"),
    }
    assert!(dump(w.store.conn())? == before);
    // Re-linking the same login (to change HR rights, say) is no second login.
    access::link_login(&mut w.store, "c.petit", Some(claire), true, now())?;
    Ok(())
}
