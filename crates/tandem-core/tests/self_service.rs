//! Self-service: participants fill in their own profile, HR sees who has not, and the next
//! matching uses what they wrote.

mod programs_fixture;

use programs_fixture::draft_of;
use tandem_core::access;
use tandem_core::directory;
use tandem_core::domain::Actor;
use tandem_core::program::{self, Side};
use tandem_core::CoreResult;

#[test]
fn a_profile_the_participant_fills_in_is_what_the_next_matching_uses() -> CoreResult<()> {
    use programs_fixture::{add, pair_set, Person};
    use tandem_core::domain::{ProgramRole, SkillLevel};

    let mut store = tandem_core::Store::open_for_tests()?;
    let person = |first, last, grade, role, department, skills| Person {
        first,
        last,
        grade,
        role,
        manager: None,
        department,
        languages: &["fr"],
        skills,
    };
    let marc = add(
        &mut store,
        1,
        person(
            "Marc",
            "Mentee",
            8,
            ProgramRole::Mentee,
            "Sales",
            &[("tiktok.video", 0, Some(4))],
        ),
    )?;
    let xavier = add(
        &mut store,
        2,
        person(
            "Xavier",
            "Analyst",
            2,
            ProgramRole::Mentor,
            "IT",
            &[("linkedin.analytics", 4, None)],
        ),
    )?;
    let yasmine = add(
        &mut store,
        3,
        person(
            "Yasmine",
            "Video",
            2,
            ProgramRole::Mentor,
            "Marketing",
            &[("tiktok.video", 4, None)],
        ),
    )?;
    let p = program::create_program(&mut store, programs_fixture::input("Self-service"))?.id;
    program::add_participants(&mut store, p, Side::Mentee, &[marc])?;
    program::add_participants(&mut store, p, Side::Mentor, &[xavier, yasmine])?;
    program::run_matching(&mut store, p)?;
    assert_eq!(pair_set(&store, p)?, [(marc, yasmine)].into());

    // Marc, signed in as himself, changes his goal from TikTok videos to LinkedIn analytics.
    store.set_actor(Actor::signed_in("marc", Some(marc), false));
    let mut own = draft_of(&directory::get_employee(&store, marc)?.employee);
    own.skills = vec![SkillLevel {
        topic_id: "linkedin.analytics".into(),
        level: 0,
        target: Some(4),
    }];
    directory::update_employee(&mut store, marc, own, None)?;

    // HR's next run matches him on what he wrote.
    store.set_actor(Actor::hr_here());
    program::run_matching(&mut store, p)?;
    assert_eq!(pair_set(&store, p)?, [(marc, xavier)].into());
    Ok(())
}

#[test]
fn hr_sees_whose_profile_is_incomplete_and_each_person_sees_their_own_gaps() -> CoreResult<()> {
    use programs_fixture::{add, Person};
    use tandem_core::domain::profile::ProfileGap;
    use tandem_core::domain::ProgramRole;

    let mut store = tandem_core::Store::open_for_tests()?;
    let person = |first, last, role, skills| Person {
        first,
        last,
        grade: 5,
        role,
        manager: None,
        department: "Sales",
        languages: &["fr"],
        skills,
    };
    let goal = &[("tiktok.video", 0, Some(4))];
    let no_goal = &[("tiktok.video", 1, None)];
    let marc = add(
        &mut store,
        1,
        person("Marc", "Goal", ProgramRole::Mentee, goal),
    )?;
    let nina = add(
        &mut store,
        2,
        person("Nina", "Nogoal", ProgramRole::Mentee, no_goal),
    )?;
    let yann = add(
        &mut store,
        3,
        person("Yann", "Skilled", ProgramRole::Mentor, no_goal),
    )?;
    let zoe = add(
        &mut store,
        4,
        person("Zoe", "Empty", ProgramRole::Mentor, &[]),
    )?;
    let p = program::create_program(&mut store, programs_fixture::input("Profiles"))?.id;
    program::add_participants(&mut store, p, Side::Mentee, &[marc, nina])?;
    program::add_participants(&mut store, p, Side::Mentor, &[yann, zoe])?;

    let gaps_of = |store: &tandem_core::Store| -> CoreResult<Vec<(String, Vec<ProfileGap>)>> {
        Ok(program::list_participants(store, p)?
            .iter()
            .map(|x| (x.person.first_name.clone(), x.profile_gaps()))
            .collect())
    };
    use ProfileGap::*;
    // The fixture gives everyone a weekly slot; in name order (last name first).
    assert_eq!(
        gaps_of(&store)?,
        vec![
            ("Zoe".to_owned(), vec![Skills]),
            ("Marc".to_owned(), vec![]),
            ("Nina".to_owned(), vec![Goals]),
            ("Yann".to_owned(), vec![]),
        ]
    );

    // Nina sets herself a learning goal: her profile is complete, for her and for HR.
    store.set_actor(Actor::signed_in("nina", Some(nina), false));
    assert_eq!(access::whoami(&store)?.profile_gaps, vec![Goals]);
    let mut own = draft_of(&directory::get_employee(&store, nina)?.employee);
    own.skills[0].target = Some(3);
    directory::update_employee(&mut store, nina, own, None)?;
    assert_eq!(access::whoami(&store)?.profile_gaps, vec![]);

    // Yann's weekly slots are gone: he and HR both see it.
    store.set_actor(Actor::hr_here());
    let mut his = draft_of(&directory::get_employee(&store, yann)?.employee);
    his.availability.clear();
    directory::update_employee(&mut store, yann, his, None)?;
    store.set_actor(Actor::signed_in("yann", Some(yann), false));
    assert_eq!(access::whoami(&store)?.profile_gaps, vec![Availability]);
    store.set_actor(Actor::hr_here());
    let gaps = gaps_of(&store)?;
    assert_eq!(gaps[2], ("Nina".to_owned(), vec![]));
    assert_eq!(gaps[3], ("Yann".to_owned(), vec![Availability]));
    // Someone with no linked employee has no profile to complete.
    assert_eq!(access::whoami(&store)?.profile_gaps, vec![]);
    Ok(())
}
