//! The TUI's link to the results store: every allowed action is committed before the
//! session applies it, an attempt is opened when play starts and closed with its score
//! when the period ends, and an unfinished attempt is offered again (resume).
//! With an LRS set, each commit also queues the attempt's learning records in the same
//! transaction and wakes the sending thread: the screen never waits on the network.

use motcua_core::scenario;
use motcua_core::session::{self, Action};
use motcua_store::export::xapi::Journal;
use motcua_store::lrs::background::Background;
use motcua_store::store::{AttemptId, PlayedVia, Resume, Start, Store};

use super::app::{App, ResumeOffer, Screen};
use super::catalog::Entry;

pub mod submit;

pub struct Persist {
    store: Store,
    attempt: Option<AttemptId>,
    /// The resumable attempt offered for `checked_name`.
    resumable: Option<Resume>,
    /// The trainee the library was read for: name, and roster id when picked.
    checked_name: Option<(String, Option<String>)>,
    finished: bool,
    /// The learning records of the attempt played (off without an LRS).
    journal: Journal,
    /// Sends what the commits queue, on a thread of its own.
    sender: Option<Background>,
}

impl Persist {
    pub fn new(store: Store) -> Persist {
        Persist {
            store,
            attempt: None,
            resumable: None,
            checked_name: None,
            finished: false,
            journal: Journal::default(),
            sender: None,
        }
    }

    /// Queue learning records with each commit (`journal`), sent by `sender`.
    pub fn with_records(mut self, journal: Journal, sender: Option<Background>) -> Persist {
        self.journal = journal;
        self.sender = sender;
        self
    }

    /// Something was queued: let the sending thread know.
    fn queued(&self) {
        if let (true, Some(sender)) = (self.journal.is_on(), &self.sender) {
            sender.wake();
        }
    }

    /// Names seen before, for the welcome screen.
    pub fn fill_welcome(&self, app: &mut App) {
        app.welcome.known = self.store.trainees().unwrap_or_default();
    }

    /// Before the session applies `action`: commit it if the rules allow it. A refused
    /// action is not stored (the session will say why); a failed commit stops the action.
    pub fn before(&mut self, app: &App, action: &Action) -> Result<(), String> {
        let Some(session) = &app.session else {
            return Ok(());
        };
        // Never play unsaved: without an open attempt the action is not applied.
        let Some(attempt) = self.attempt else {
            return Err(motcua_i18n::t!(app.lang, "tui.store_not_open"));
        };
        if session.check(action).is_err() {
            return Ok(());
        }
        let seq = session.actions().len() as u64 + 1;
        let journal = &self.journal;
        self.store
            .append_action_queued(attempt, seq, action, |at| {
                journal.interacted(seq, action, at)
            })
            .map_err(|e| crate::present::store_error::render(app.lang, &e))?;
        self.queued();
        Ok(())
    }

    /// After each key: open an attempt when play began, keep the score when it ended,
    /// refresh the library's best scores and resume offer for a new name.
    pub fn after(&mut self, app: &mut App) -> Result<(), String> {
        if app.screen == Screen::Play && self.attempt.is_none() && app.session.is_some() {
            self.open(app)?;
        }
        if app.session.is_none() {
            self.attempt = None;
        }
        if let (Some(attempt), Some(d), false, Some(session)) =
            (self.attempt, &app.debrief, self.finished, &app.session)
            && session.is_over()
        {
            let journal = &self.journal;
            self.store
                .finish_attempt_queued(attempt, d, |at| journal.finished(d, session.actions(), at))
                .map_err(|e| crate::present::store_error::render(app.lang, &e))?;
            self.queued();
            self.finished = true;
            // The library shows the new best when the trainee goes back to it.
            self.checked_name = None;
        }
        if app.screen == Screen::Library && self.checked_name.as_ref() != Some(&who(app)) {
            self.check_name(app);
        }
        // Read again on every key and every tick: the sender's progress shows by itself.
        if app.screen == Screen::Library {
            app.records = self.records(app);
        }
        Ok(())
    }

    /// A new attempt begins (start, retry, new seed): forget the previous one.
    pub fn started(&mut self) {
        self.attempt = None;
        self.finished = false;
    }

    fn open(&mut self, app: &App) -> Result<(), String> {
        let (Some(entry), Some(session)) = (app.selected_entry(), &app.session) else {
            return Ok(());
        };
        let Ok(s) = &entry.loaded else { return Ok(()) };
        // Picked from the class list: the id goes with the attempt (store, bundle, LRS).
        let roster_id = app.welcome.roster.chosen_id(&app.welcome.name);
        let start = Start {
            trainee: &app.welcome.name,
            scenario: s,
            source: &entry.bytes,
            seed: session.seed(),
            mode: app.mode,
            roster_id: roster_id.as_deref(),
        };
        let journal = &mut self.journal;
        let id = self
            .store
            .open_attempt_via(&start, PlayedVia::Screen, |info| journal.opened(info, s))
            .map_err(|e| crate::present::store_error::render(app.lang, &e))?;
        self.queued();
        self.attempt = Some(id);
        self.finished = false;
        Ok(())
    }

    fn check_name(&mut self, app: &mut App) {
        let (name, roster_id) = who(app);
        self.checked_name = Some((name.clone(), roster_id.clone()));
        let ids: Vec<String> = app
            .catalog
            .iter()
            .filter_map(|e| e.loaded.as_ref().ok().map(|s| s.meta.id.clone()))
            .collect();
        let curriculum: Vec<&str> = ids.iter().map(String::as_str).collect();
        if let Ok(progress) = self.store.progress(&name, &curriculum) {
            app.best = progress
                .scenarios
                .iter()
                .filter_map(|p| p.best.as_ref().map(|b| (p.scenario.clone(), b.total)))
                .collect();
            app.suggestion = progress.suggestion.map(|s| {
                let reason = crate::present::labels::suggestion_reason(app.lang, s.reason);
                (s.scenario, reason)
            });
        }
        // The cursor starts on the suggested scenario.
        if let Some(at) = app.suggestion.as_ref().and_then(|(id, _)| {
            app.catalog
                .iter()
                .position(|e| e.loaded.as_ref().is_ok_and(|s| s.meta.id == *id))
        }) {
            app.library_sel = at;
        }
        // A namesake's unfinished attempt on this laptop is not this trainee's.
        self.resumable = (self.store)
            .unfinished_attempt_of(&name, roster_id.as_deref(), None)
            .ok()
            .flatten();
        app.resume = self.resumable.as_ref().map(|r| ResumeOffer {
            scenario: r.info.scenario.clone(),
            title: app
                .catalog
                .iter()
                .find(|e| {
                    e.loaded
                        .as_ref()
                        .is_ok_and(|s| s.meta.id == r.info.scenario)
                })
                .map_or_else(|| r.info.scenario.clone(), |e| e.title(app.lang)),
            actions: r.actions.len(),
            other_world: (!r.info.is_current_world()).then_some(r.info.world_version),
        });
    }

    /// Continue the offered attempt exactly where it stopped: replay its log on the
    /// scenario text it was started with. One of an older simulation version cannot
    /// replay: it is given up instead (abandoned, its actions kept).
    pub fn resume(&mut self, app: &mut App) -> Result<(), String> {
        let Some(r) = self.resumable.take() else {
            return Ok(());
        };
        app.resume = None;
        if !r.info.is_current_world() {
            // Look again: another unfinished attempt may be waiting.
            self.checked_name = None;
            let journal = &self.journal;
            self.store
                .abandon_attempt_queued(r.info.id, |at| journal.abandoned(&r, at))
                .map_err(|e| crate::present::store_error::render(app.lang, &e))?;
            self.queued();
            return Ok(());
        }
        let label = format!("{} (#{})", r.info.scenario, r.info.id.0);
        let s = scenario::load_bytes(&label, &r.source)
            .map_err(|d| format!("{label}: {} diagnostics", d.len()))?;
        let session =
            session::replay(&s, r.info.seed, &r.actions).map_err(|e| format!("{label}: {e}"))?;
        self.journal.follow(&r.info, &s);
        let at = app
            .catalog
            .iter()
            .position(|e| e.bytes == r.source)
            .unwrap_or_else(|| {
                app.catalog.push(Entry {
                    source: label.clone(),
                    bytes: r.source.clone(),
                    loaded: Ok(s.clone()),
                    format_one: None,
                });
                app.catalog.len() - 1
            });
        app.library_sel = at;
        app.seed = r.info.seed;
        app.mode = r.info.mode;
        app.resume_session(session);
        self.attempt = Some(r.info.id);
        self.finished = false;
        Ok(())
    }
}

/// The trainee on the welcome screen: the name, and the roster id once picked.
fn who(app: &App) -> (String, Option<String>) {
    let name = app.welcome.name.clone();
    let id = app.welcome.roster.chosen_id(&name);
    (name, id)
}
