//! The session commands through Tauri's mock runtime, on the demo company with a program of
//! today's dates whose pairs are approved: argument names, the shapes the UI reads, errors
//! (`not_found`, `validation` with field keys, `conflict`), a calendar file written without a
//! dialog, and the reminder poller.

mod common;

use chrono::{DateTime, Duration, NaiveTime, SecondsFormat, Utc};
use common::{harness, json_call, ok, Harness, TestResult};
use serde_json::{json, Value};
use tandem_app::reminders::{reminder_text, Reminders};
use tandem_core::program::{self, MatchingSettings, ProgramInput, Side};
use tandem_core::session::{self, SessionTime};
use tandem_core::settings::{self, Language};
use tandem_core::Store;

fn text(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Yesterday at 10:00 UTC: inside the program, already over.
fn yesterday_ten() -> DateTime<Utc> {
    (Utc::now().date_naive() - Duration::days(1))
        .and_time(NaiveTime::from_hms_opt(10, 0, 0).unwrap_or_default())
        .and_utc()
}

/// A program from a month ago to half a year ahead, without a charter, every pair approved.
/// Returns the program id and its pairs as the program's "pairs" tab lists them.
fn program_under_way(h: &Harness) -> Result<(String, Vec<Value>), Box<dyn std::error::Error>> {
    let today = Utc::now().date_naive();
    let input = json!({
        "name": "Sessions", "start_date": (today - Duration::days(30)).to_string(),
        "end_date": (today + Duration::days(180)).to_string(),
        "cadence_weeks": 4, "session_minutes": 60, "charter": "",
        "matching": {
            "weights": { "skill": 40, "interests": 15, "availability": 20, "adoption": 15, "comfort": 10 },
            "default_capacity": 2, "require_different_department": false
        }
    });
    let program = ok(json_call(h, "create_program", json!({ "input": input })))?;
    let id = program["id"].as_str().ok_or("a program id")?.to_owned();
    for side in ["mentor", "mentee"] {
        ok(json_call(
            h,
            "add_all_eligible",
            json!({ "programId": id, "side": side, "department": null }),
        ))?;
    }
    ok(json_call(h, "run_matching", json!({ "programId": id })))?;
    ok(json_call(h, "approve_all", json!({ "programId": id })))?;
    let pairs = ok(json_call(
        h,
        "list_pairs_with_sessions",
        json!({ "programId": id }),
    ))?;
    let pairs = pairs.as_array().ok_or("pairs are a list")?.clone();
    assert!(!pairs.is_empty(), "the demo company gives approved pairs");
    Ok((id, pairs))
}

fn pair_id(pair: &Value) -> Result<String, Box<dyn std::error::Error>> {
    Ok(pair["pair_id"].as_str().ok_or("a pair id")?.to_owned())
}

fn first_topic(h: &Harness) -> Result<String, Box<dyn std::error::Error>> {
    let catalog = ok(json_call(h, "get_catalog", json!({})))?;
    Ok(catalog["platforms"][0]["topics"][0]["id"]
        .as_str()
        .ok_or("the demo catalog has topics")?
        .to_owned())
}

#[test]
fn a_session_held_yesterday_is_logged_and_shown_on_the_pair_page() -> TestResult {
    let h = harness()?;
    let (_, pairs) = program_under_way(&h)?;
    let pair = pair_id(&pairs[0])?;
    let start = yesterday_ten();
    let session = ok(json_call(
        &h,
        "create_session",
        json!({
            "pairId": pair, "startsAt": text(start), "endsAt": text(start + Duration::hours(1)),
            "location": "Room 4"
        }),
    ))?;
    assert_eq!(session["status"], "planned");
    assert_eq!(session["starts_at"], text(start));
    assert_eq!(session["minutes"], 60);
    let id = session["id"].as_str().ok_or("a session id")?.to_owned();

    let held = ok(json_call(&h, "mark_held", json!({ "sessionId": id })))?;
    assert_eq!(held["status"], "held");
    let topic = first_topic(&h)?;
    let log = ok(json_call(
        &h,
        "save_session_log",
        json!({ "sessionId": id, "input": {
            "topics": [{ "topic_id": topic, "depth": "practised" }],
            "task_set": "Post once this week", "previous_task_outcome": null,
            "summary": "Profile reviewed", "private_notes": "Shy about posting",
            "mentee_rating": 5, "mentor_rating": 4,
            "self_assessment": [{ "topic_id": topic, "level": 2 }]
        }}),
    ))?;
    assert_eq!(log["topics"][0]["depth"], "practised");
    assert_eq!(log["self_assessments"][0]["confirmed_at"], Value::Null);
    let confirmed = ok(json_call(
        &h,
        "confirm_self_assessment",
        json!({ "sessionId": id }),
    ))?;
    assert!(confirmed["self_assessments"][0]["confirmed_at"].is_string());

    let page = ok(json_call(&h, "get_pair_page", json!({ "pairId": pair })))?;
    assert_eq!(page["pair"]["id"], pair.as_str());
    assert!(page["pair"]["mentor"]["timezone"].is_string());
    assert_eq!(page["charter_complete"], true);
    assert_eq!(page["counts"]["held"], 1);
    let entry = &page["timeline"][0];
    assert_eq!(entry["session"]["id"], id.as_str());
    assert_eq!(entry["log"]["task_set"], "Post once this week");
    assert_eq!(entry["log"]["private_notes"], "Shy about posting");
    assert_eq!(page["open_task"]["task"], "Post once this week");
    Ok(())
}

#[test]
fn slots_series_and_week_come_back_in_the_shapes_the_screens_read() -> TestResult {
    let h = harness()?;
    let (program, pairs) = program_under_way(&h)?;
    let pair = pair_id(&pairs[0])?;
    let now = Utc::now();
    let slots = ok(json_call(
        &h,
        "propose_slots",
        json!({ "pairId": pair, "from": text(now), "to": text(now + Duration::days(28)) }),
    ))?;
    let slots = slots.as_array().ok_or("slots are a list")?;
    assert!(!slots.is_empty(), "demo pairs share some free time");
    let first = &slots[0];
    assert_eq!(first["mentor_local"].as_str().map(str::len), Some(16));
    let first_start = first["starts_at"].as_str().ok_or("a start")?;

    let series = ok(json_call(
        &h,
        "propose_series",
        json!({ "pairId": pair, "firstStart": first_start }),
    ))?;
    assert_eq!(series["cadence_weeks"], 4);
    let starts: Vec<Value> = series["occurrences"]
        .as_array()
        .ok_or("occurrences are a list")?
        .iter()
        .filter_map(|o| o["slot"]["starts_at"].as_str().map(|s| json!(s)))
        .collect();
    assert_eq!(Some(starts.len() as u64), series["planned_count"].as_u64());
    let planned = ok(json_call(
        &h,
        "plan_series",
        json!({ "pairId": pair, "starts": starts, "location": "" }),
    ))?;
    let planned = planned.as_array().ok_or("planned sessions are a list")?;
    assert_eq!(planned.len(), starts.len());
    assert!(planned
        .iter()
        .all(|s| s["series_id"] == planned[0]["series_id"]));

    let week = ok(json_call(
        &h,
        "upcoming_sessions",
        json!({ "from": text(now), "to": text(now + Duration::days(200)), "employeeId": null }),
    ))?;
    let week = week.as_array().ok_or("the week is a list")?;
    assert_eq!(week.len(), planned.len());
    assert_eq!(week[0]["program_name"], "Sessions");
    let mentor = week[0]["mentor"]["id"].as_str().ok_or("a mentor id")?;
    let theirs = ok(json_call(
        &h,
        "upcoming_sessions",
        json!({ "from": text(now), "to": text(now + Duration::days(200)), "employeeId": mentor }),
    ))?;
    assert_eq!(theirs.as_array().map(Vec::len), Some(planned.len()));

    let status = ok(json_call(
        &h,
        "charter_status",
        json!({ "programId": program }),
    ))?;
    assert_eq!(status["charter"], "");
    let someone = status["entries"][0]["person"]["id"]
        .as_str()
        .ok_or("a participant")?;
    let ack = ok(json_call(
        &h,
        "acknowledge_charter",
        json!({ "programId": program, "employeeId": someone }),
    ))?;
    assert!(ack["acknowledged_at"].is_string());
    Ok(())
}

#[test]
fn unknown_ids_are_not_found_and_malformed_input_names_its_field() -> TestResult {
    let h = harness()?;
    let unknown = "00000000-0000-4000-8000-000000000000";
    for (cmd, args) in [
        ("get_pair_page", json!({ "pairId": unknown })),
        ("mark_held", json!({ "sessionId": unknown })),
        ("export_session_ics", json!({ "sessionId": unknown })),
        ("list_pairs_with_sessions", json!({ "programId": unknown })),
    ] {
        let error = json_call(&h, cmd, args)
            .err()
            .ok_or("an unknown id must fail")?;
        assert_eq!(error["code"], "not_found", "{cmd}: {error}");
    }
    let error = json_call(&h, "get_pair_page", json!({ "pairId": "nope" }))
        .err()
        .ok_or("a malformed id must fail")?;
    assert_eq!(error["code"], "validation");
    assert_eq!(error["fields"][0]["field"], "pair_id");
    assert_eq!(error["fields"][0]["key"], "id_invalid");

    let error = json_call(
        &h,
        "propose_slots",
        json!({ "pairId": unknown, "from": "monday", "to": "2026-01-01T00:00:00Z" }),
    )
    .err()
    .ok_or("an unreadable instant must fail")?;
    assert_eq!(error["fields"][0]["field"], "from");
    assert_eq!(error["fields"][0]["key"], "datetime_invalid");

    let error = json_call(&h, "set_reminder_minutes", json!({ "minutes": 2000 }))
        .err()
        .ok_or("more than a day must fail")?;
    assert_eq!(error["fields"][0]["key"], "out_of_range");
    assert_eq!(
        ok(json_call(
            &h,
            "set_reminder_minutes",
            json!({ "minutes": 60 })
        ))?,
        60
    );
    assert_eq!(ok(json_call(&h, "get_reminder_minutes", json!({})))?, 60);
    Ok(())
}

#[test]
fn a_double_booking_is_a_conflict_and_a_cancellation_needs_a_reason() -> TestResult {
    let h = harness()?;
    let (_, pairs) = program_under_way(&h)?;
    let pair = pair_id(&pairs[0])?;
    let start = Utc::now() + Duration::days(3);
    let args = json!({
        "pairId": pair, "startsAt": text(start), "endsAt": text(start + Duration::hours(1)),
        "location": ""
    });
    let session = ok(json_call(&h, "create_session", args.clone()))?;
    let error = json_call(&h, "create_session", args)
        .err()
        .ok_or("the same time twice must fail")?;
    assert_eq!(error["code"], "conflict");
    assert!(error["message"].as_str().is_some_and(|m| !m.is_empty()));

    let id = session["id"].as_str().ok_or("a session id")?;
    let error = json_call(
        &h,
        "cancel_session",
        json!({ "sessionId": id, "cancelledBy": "mentee", "reason": "  " }),
    )
    .err()
    .ok_or("a cancellation without a reason must fail")?;
    assert_eq!(error["code"], "validation");
    assert_eq!(error["fields"][0]["field"], "reason");
    let cancelled = ok(json_call(
        &h,
        "cancel_session",
        json!({ "sessionId": id, "cancelledBy": "mentee", "reason": "Sick" }),
    ))?;
    assert_eq!(cancelled["status"], "cancelled");
    assert_eq!(cancelled["cancelled_by"], "mentee");
    assert_eq!(cancelled["cancel_reason"], "Sick");
    Ok(())
}

#[test]
fn a_session_calendar_file_is_written_to_the_export_folder() -> TestResult {
    let dir = tempfile::tempdir()?;
    std::env::set_var("TANDEM_EXPORT_DIR", dir.path());
    let h = harness()?;
    let (_, pairs) = program_under_way(&h)?;
    let pair = pair_id(&pairs[0])?;
    let start = Utc::now() + Duration::days(5);
    let session = ok(json_call(
        &h,
        "create_session",
        json!({
            "pairId": pair, "startsAt": text(start), "endsAt": text(start + Duration::hours(1)),
            "location": "Room 4"
        }),
    ))?;
    let id = session["id"].as_str().ok_or("a session id")?;
    let path = ok(json_call(
        &h,
        "export_session_ics",
        json!({ "sessionId": id }),
    ))?;
    let path = path.as_str().ok_or("the path written")?;
    assert!(path.ends_with(".ics"), "{path}");
    let ics = std::fs::read_to_string(path)?;
    assert!(ics.starts_with("BEGIN:VCALENDAR"));
    assert!(ics.contains(&format!("UID:{id}@tandem.app")));

    let series = ok(json_call(&h, "export_pair_ics", json!({ "pairId": pair })))?;
    assert!(series.as_str().is_some_and(|p| p.ends_with(".ics")));
    Ok(())
}

/// A store with one approved pair and a session starting in 10 minutes.
fn store_with_a_session_soon(
    now: DateTime<Utc>,
) -> Result<(Store, session::SessionId), Box<dyn std::error::Error>> {
    let mut store = Store::open_in_memory()?;
    tandem_core::demo::load_demo(&mut store)?;
    let today = now.date_naive();
    let program = program::create_program(
        &mut store,
        ProgramInput {
            name: "Reminders".into(),
            start_date: today - Duration::days(10),
            end_date: today + Duration::days(90),
            cadence_weeks: 4,
            session_minutes: 60,
            charter: String::new(),
            matching: MatchingSettings::default(),
        },
    )?;
    program::add_all_eligible(&mut store, program.id, Side::Mentor, None)?;
    program::add_all_eligible(&mut store, program.id, Side::Mentee, None)?;
    program::run_matching(&mut store, program.id)?;
    program::approve_all(&mut store, program.id)?;
    let pair = session::list_pairs_with_sessions(&store, program.id, now)?
        .first()
        .map(|p| p.pair_id)
        .ok_or("an approved pair")?;
    let start = now + Duration::minutes(10);
    let created =
        session::create_session(&mut store, pair, SessionTime::new(start, 60), "Room 4", now)?;
    Ok((store, created.id))
}

#[test]
fn a_session_starting_within_the_lead_time_is_announced_once() -> TestResult {
    let now = Utc::now();
    let (mut store, id) = store_with_a_session_soon(now)?;
    settings::set_reminder_minutes(&mut store, 15)?;
    let mut reminders = Reminders::new();
    let due = reminders.due(&store, now)?;
    assert_eq!(due.iter().map(|e| e.session.id).collect::<Vec<_>>(), [id]);
    assert!(reminders
        .due(&store, now + Duration::seconds(30))?
        .is_empty());
    // A longer lead time does not announce it again.
    settings::set_reminder_minutes(&mut store, 60)?;
    assert!(reminders
        .due(&store, now + Duration::seconds(60))?
        .is_empty());
    Ok(())
}

#[test]
fn no_reminder_comes_when_reminders_are_off_or_the_session_has_started() -> TestResult {
    let now = Utc::now();
    let (mut store, _) = store_with_a_session_soon(now)?;
    settings::set_reminder_minutes(&mut store, 0)?;
    assert!(Reminders::new().due(&store, now)?.is_empty());
    settings::set_reminder_minutes(&mut store, 15)?;
    // The app starts (or wakes) after the session began.
    assert!(Reminders::new()
        .due(&store, now + Duration::minutes(11))?
        .is_empty());
    Ok(())
}

#[test]
fn a_reminder_reads_in_the_interface_language_with_the_local_time() -> TestResult {
    let now = Utc::now();
    let (mut store, _) = store_with_a_session_soon(now)?;
    settings::set_reminder_minutes(&mut store, 15)?;
    let entry = Reminders::new()
        .due(&store, now)?
        .into_iter()
        .next()
        .ok_or("a session is due")?;
    let local = entry
        .session
        .starts_at
        .with_timezone(&entry.session.tz())
        .format("%H:%M")
        .to_string();
    let (title, body) = reminder_text(&entry, Language::Fr, now);
    assert_eq!(title, "Séance Tandem dans 10 min");
    assert!(body.contains(&format!("à {local}")), "{body}");
    assert!(body.contains(&entry.mentor.full_name()));
    assert!(body.contains("Room 4"));
    let (title, body) = reminder_text(&entry, Language::En, now);
    assert_eq!(title, "Tandem session in 10 min");
    assert!(body.contains(&format!("at {local}")), "{body}");
    let (title, _) = reminder_text(&entry, Language::En, now - Duration::minutes(80));
    assert_eq!(title, "Tandem session in 1 h 30 min");
    Ok(())
}
