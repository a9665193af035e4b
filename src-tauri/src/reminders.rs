//! Desktop reminders before sessions, while the app runs.
//!
//! A background thread started in `setup` wakes every [`POLL_SECONDS`], asks the core which
//! planned sessions reached their reminder time since the previous poll
//! ([`tandem_core::session::reminders_due`], which reads the lead time setting; 0 turns reminders
//! off) and shows one notification per session in the interface language. The store lock is
//! held only for that query. [`Reminders`] remembers the sessions already announced in this run,
//! so a lead time changed while the app runs never announces a session twice. Nothing here may
//! panic: a failed query or notification is skipped and retried at the next poll.
//!
//! To change the wording, edit [`reminder_text`]; to change the rhythm, [`POLL_SECONDS`].

use std::collections::HashSet;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use tandem_core::session::{self, AgendaEntry, SessionId};
use tandem_core::settings::{self, Language};
use tandem_core::{CoreResult, Store};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;

use crate::state::AppState;

/// How often the thread looks for sessions to announce.
pub const POLL_SECONDS: u64 = 30;

/// What the poller remembers between two polls.
#[derive(Debug, Default)]
pub struct Reminders {
    /// The previous poll's time; `None` before the first poll.
    since: Option<DateTime<Utc>>,
    /// Sessions already announced in this run.
    announced: HashSet<SessionId>,
}

impl Reminders {
    pub fn new() -> Self {
        Self::default()
    }

    /// The sessions to announce at `now`, each once per run. The first poll looks back over the
    /// whole lead time, so a session starting soon after launch is still announced; a session
    /// that has already started is never announced (e.g. after the computer slept).
    pub fn due(&mut self, store: &Store, now: DateTime<Utc>) -> CoreResult<Vec<AgendaEntry>> {
        let since = match self.since {
            Some(since) => since,
            None => {
                let lead = settings::reminder_minutes(store)?;
                now - Duration::minutes(i64::from(lead))
            }
        };
        let due = session::reminders_due(store, since, now)?;
        self.since = Some(now);
        Ok(due
            .into_iter()
            .filter(|e| e.session.starts_at > now && self.announced.insert(e.session.id))
            .collect())
    }
}

/// The interface language, or the system's when the user has not chosen one.
fn language(store: &Store) -> Language {
    settings::language(store).ok().flatten().unwrap_or_else(|| {
        let system = std::env::var("LC_ALL")
            .or_else(|_| std::env::var("LC_MESSAGES"))
            .or_else(|_| std::env::var("LANG"))
            .unwrap_or_default();
        if system.to_ascii_lowercase().starts_with("fr") {
            Language::Fr
        } else {
            Language::En
        }
    })
}

/// The notification's title and body: who meets, when (in the session's zone) and where.
pub fn reminder_text(
    entry: &AgendaEntry,
    language: Language,
    now: DateTime<Utc>,
) -> (String, String) {
    let s = &entry.session;
    let minutes = (s.starts_at - now).num_seconds().max(0).saturating_add(59) / 60;
    let local = s.starts_at.with_timezone(&s.tz());
    let (hours, rest) = (minutes / 60, minutes % 60);
    let title = match language {
        Language::Fr if minutes < 60 => format!("Séance Tandem dans {minutes} min"),
        Language::Fr if rest == 0 => format!("Séance Tandem dans {hours} h"),
        Language::Fr => format!("Séance Tandem dans {hours} h {rest:02}"),
        Language::En if minutes < 60 => format!("Tandem session in {minutes} min"),
        Language::En if rest == 0 => format!("Tandem session in {hours} h"),
        Language::En => format!("Tandem session in {hours} h {rest} min"),
    };
    let who = format!(
        "{} ↔ {}",
        entry.mentor.full_name(),
        entry.mentee.full_name()
    );
    let when = match language {
        Language::Fr => local.format("%d/%m à %H:%M").to_string(),
        Language::En => local.format("%d/%m at %H:%M").to_string(),
    };
    let mut body = format!("{who}\n{when} ({})", s.timezone);
    if !s.location.is_empty() {
        body.push_str(" · ");
        body.push_str(&s.location);
    }
    (title, body)
}

/// One poll: the sessions to announce and their texts. The store lock is released before any
/// notification is shown.
fn poll<R: Runtime>(app: &AppHandle<R>, reminders: &mut Reminders) -> Vec<(String, String)> {
    let Some(state) = app.try_state::<AppState>() else {
        return Vec::new();
    };
    let now = Utc::now();
    let result = state.with_store(|store| {
        let due = reminders.due(store, now)?;
        let language = language(store);
        Ok(due
            .iter()
            .map(|entry| reminder_text(entry, language, now))
            .collect::<Vec<_>>())
    });
    result.unwrap_or_else(|error| {
        eprintln!("tandem: reminders skipped this time: {}", error.message);
        Vec::new()
    })
}

/// Starts the reminder thread; it lives as long as the app.
pub fn start<R: Runtime>(app: AppHandle<R>) {
    let spawned = std::thread::Builder::new()
        .name("tandem-reminders".into())
        .spawn(move || {
            let mut reminders = Reminders::new();
            loop {
                for (title, body) in poll(&app, &mut reminders) {
                    if let Err(error) = app.notification().builder().title(title).body(body).show()
                    {
                        eprintln!("tandem: a reminder could not be shown: {error}");
                    }
                }
                std::thread::sleep(StdDuration::from_secs(POLL_SECONDS));
            }
        });
    if let Err(error) = spawned {
        eprintln!("tandem: reminders are off, their thread could not start: {error}");
    }
}
