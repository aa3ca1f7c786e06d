//! Everything the screens show, in one value. Drawing reads it; `update` changes it.

use chrono::NaiveDateTime;

use crate::present::debrief::timeline;
use motcua_core::score::{self, Debrief};
use motcua_core::session::{Action, Session};
use motcua_i18n::Lang;

use super::catalog::Entry;
use super::forms::Form;
use super::scroll::Scroll;
use super::theme::Theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Welcome,
    Library,
    Briefing,
    Play,
    Debrief,
}

/// What the debrief shows: the results (score, panel, dossiers, mistakes) or the
/// timeline of the dossiers (`t` switches).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DebriefTab {
    Results,
    Timeline,
}

/// Luyện tập (hints and feedback after every step) or kiểm tra (nothing until the debrief).
pub use motcua_store::store::Mode;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Good,
    Warn,
    Bad,
}

/// One line in the messages panel.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub at: Option<NaiveDateTime>,
    pub tone: Tone,
    pub text: String,
    /// Practice-mode feedback on a mistake: highlighted until the trainee reads the log.
    pub feedback: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Welcome {
    /// 0 name, 1 language, 2 mode.
    pub field: usize,
    pub name: String,
    /// Names seen before (from the store), to pick with ◀ ▶ on the name field.
    pub known: Vec<String>,
    /// The workshop's class list, to pick one's name from.
    pub roster: super::roster_pick::Picker,
}

/// The pane the arrow keys move in; Tab goes round them in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Queue,
    Document,
    Messages,
}

#[derive(Debug, Clone)]
pub struct Play {
    /// The queue's order (rebuilt when the session changes).
    pub queue: super::queue::Queue,
    /// The row under the queue cursor.
    pub queue_sel: usize,
    pub focus: Focus,
    pub component_sel: usize,
    pub form: Option<Form>,
    pub notes: Vec<Note>,
    /// Notes before this index have been read (the log was looked at).
    pub read: usize,
    /// Feedback notes not yet read.
    pub unread_feedback: usize,
    pub seen_events: usize,
    pub seen_mistakes: usize,
    pub confirm_quit: bool,
    /// The message log over the whole screen (`v`).
    pub log_view: bool,
    /// The open dossier's text.
    pub doc_scroll: Scroll,
    /// The message log, counted in rows up from the newest.
    pub log_scroll: Scroll,
    /// The open form's lines.
    pub form_scroll: Scroll,
}

impl Default for Play {
    fn default() -> Self {
        Play {
            queue: super::queue::Queue::default(),
            queue_sel: 0,
            focus: Focus::Queue,
            component_sel: 0,
            form: None,
            notes: Vec::new(),
            read: 0,
            unread_feedback: 0,
            seen_events: 0,
            seen_mistakes: 0,
            confirm_quit: false,
            log_view: false,
            doc_scroll: Scroll::default(),
            log_scroll: Scroll::default(),
            form_scroll: Scroll::default(),
        }
    }
}

/// What the library says about an attempt left unfinished (killed, closed, crashed).
#[derive(Debug, Clone, PartialEq)]
pub struct ResumeOffer {
    pub scenario: String,
    pub title: String,
    pub actions: usize,
    /// Played in an older simulation (world) version: it cannot be continued, and
    /// Enter gives it up instead.
    pub other_world: Option<u32>,
}

pub struct App {
    pub lang: Lang,
    pub theme: Theme,
    pub mode: Mode,
    pub screen: Screen,
    pub help: bool,
    pub help_scroll: Scroll,
    /// The terminal's size, from the last resize (unknown: assume large enough).
    pub size: Option<(u16, u16)>,
    pub welcome: Welcome,
    pub catalog: Vec<Entry>,
    pub library_sel: usize,
    pub seed: u64,
    pub session: Option<Session>,
    pub play: Play,
    pub debrief: Option<Debrief>,
    pub debrief_scroll: Scroll,
    /// Each mistake in full (what was right, why, the legal basis), on `d`.
    pub debrief_details: bool,
    pub debrief_tab: DebriefTab,
    /// The debrief's timeline, built once with the debrief.
    pub timeline: Option<super::view::timeline::Prepared>,
    pub timeline_scroll: Scroll,
    pub briefing_scroll: Scroll,
    /// Best score per scenario id, for the library (from the store).
    pub best: Vec<(String, f64)>,
    /// The scenario the trainee's progress suggests next, and why (from the store).
    pub suggestion: Option<(String, String)>,
    /// An unfinished attempt of this trainee, offered on the library screen.
    pub resume: Option<ResumeOffer>,
    /// A problem with the results database, shown until the next key.
    pub store_error: Option<String>,
    /// "Nộp bài": where to, the exam's confirmation, what the last one did.
    pub submit: super::submit::Submit,
    /// The trainee's attempts of the selected scenario, newest first, with where their
    /// records and files stand (the library; from the store).
    pub records: Vec<super::submit::AttemptRow>,
    /// The workshop's exam: in exam mode its scenario starts on its seed.
    pub exam: Option<motcua_store::class::Exam>,
}

impl App {
    pub fn new(lang: Lang, theme: Theme, catalog: Vec<Entry>) -> App {
        App {
            lang,
            theme,
            mode: Mode::Practice,
            screen: Screen::Welcome,
            help: false,
            help_scroll: Scroll::default(),
            size: None,
            welcome: Welcome::default(),
            catalog,
            library_sel: 0,
            seed: 0,
            session: None,
            play: Play::default(),
            debrief: None,
            debrief_scroll: Scroll::default(),
            debrief_details: false,
            debrief_tab: DebriefTab::Results,
            timeline: None,
            timeline_scroll: Scroll::default(),
            briefing_scroll: Scroll::default(),
            best: Vec::new(),
            suggestion: None,
            resume: None,
            store_error: None,
            submit: super::submit::Submit::default(),
            records: Vec::new(),
            exam: None,
        }
    }

    /// Update for one message and carry out what it asks, except leaving: the
    /// caller's loop handles `Effect::Quit`. Every action goes through `before`
    /// first (the store commits it there); an action `before` refuses is dropped.
    pub fn handle(
        &mut self,
        msg: super::msg::Msg,
        before: &mut dyn FnMut(&App, &Action) -> bool,
    ) -> Option<super::msg::Effect> {
        let effect = super::update::update(self, msg)?;
        match &effect {
            super::msg::Effect::Apply(action) if before(self, action) => self.apply(action.clone()),
            super::msg::Effect::EndAttempt => {
                let days = self
                    .session
                    .as_ref()
                    .map_or(0, |s| s.scenario().meta.working_days);
                for _ in 0..=days {
                    if self.session.as_ref().is_none_or(Session::is_over)
                        || !before(self, &Action::EndDay)
                    {
                        break;
                    }
                    self.apply(Action::EndDay);
                }
                self.finish();
            }
            // Handed in during the exam: the attempt ends as it stands (the debrief
            // says it is unfinished); the loop writes and sends it.
            super::msg::Effect::Submit if self.session.as_ref().is_some_and(|s| !s.is_over()) => {
                self.finish();
            }
            _ => {}
        }
        Some(effect)
    }

    /// The scenario under the library cursor, when it loaded.
    pub fn selected_entry(&self) -> Option<&Entry> {
        self.catalog.get(self.library_sel)
    }

    /// Continue an attempt rebuilt by replaying its log.
    pub fn resume_session(&mut self, session: Session) {
        // Mistakes made before the break were already told; only new ones are.
        let told = score::judge::mistakes(session.scenario(), session.events()).len();
        self.session = Some(session);
        self.play = Play::default();
        self.play.seen_mistakes = told;
        self.debrief = None;
        self.screen = Screen::Play;
        self.refresh_queue();
        self.absorb_events();
        if self.session.as_ref().is_some_and(Session::is_over) {
            self.finish();
        }
    }

    /// Start an attempt of the selected scenario with `self.seed`.
    pub fn start(&mut self) -> bool {
        let Some(Ok(s)) = self.selected_entry().map(|e| &e.loaded) else {
            return false;
        };
        self.session = Some(Session::new(s, self.seed));
        self.play = Play::default();
        self.debrief = None;
        self.debrief_scroll.reset();
        self.screen = Screen::Play;
        self.refresh_queue();
        self.absorb_events();
        true
    }

    /// Apply the trainee's action; a rejection becomes a note, events become notes.
    pub fn apply(&mut self, action: Action) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let now = session.now();
        if let Err(r) = session.step(action) {
            let text = crate::present::labels::rejection(self.lang, &r);
            self.note(Tone::Bad, Some(now), text);
            return;
        }
        self.refresh_queue();
        self.absorb_events();
        if self.mode == Mode::Practice {
            self.feedback();
        }
        if self.session.as_ref().is_some_and(Session::is_over) {
            self.finish();
        }
    }

    /// The debrief of the attempt so far (the whole attempt once it is over).
    pub fn finish(&mut self) {
        if let Some(session) = &self.session {
            let debrief = score::score(session);
            let first_day = session.scenario().meta.start.date();
            let timeline =
                timeline::build(session.events(), session.calendar(), first_day, &debrief);
            self.timeline = Some(super::view::timeline::Prepared::new(self.lang, timeline));
            self.debrief = Some(debrief);
            self.screen = Screen::Debrief;
            self.debrief_scroll.reset();
            self.debrief_details = false;
            self.debrief_tab = DebriefTab::Results;
            self.timeline_scroll.reset();
        }
    }

    pub fn note(&mut self, tone: Tone, at: Option<NaiveDateTime>, text: String) {
        self.play.notes.push(Note {
            at,
            tone,
            text,
            feedback: false,
        });
    }

    /// Whether the terminal is below the size the screens are made for: then only
    /// the "window too small" notice shows, and no key but quit acts.
    pub fn too_small(&self) -> bool {
        self.size
            .is_some_and(|(w, h)| w < super::view::MIN_WIDTH || h < super::view::MIN_HEIGHT)
    }

    /// The trainee looked at the log: every note so far is read.
    pub fn read_log(&mut self) {
        self.play.read = self.play.notes.len();
        self.play.unread_feedback = 0;
    }

    /// Turn the events not yet shown into notes.
    fn absorb_events(&mut self) {
        let Some(session) = &self.session else { return };
        // Described in place: neither the scenario nor the events are copied.
        let scenario = session.scenario();
        let new: Vec<Note> = session.events()[self.play.seen_events..]
            .iter()
            .filter_map(|e| {
                let (tone, text) = super::events::describe(self.lang, scenario, e)?;
                Some(Note {
                    at: Some(e.at),
                    tone,
                    text,
                    feedback: false,
                })
            })
            .collect();
        self.play.seen_events = session.events().len();
        self.play.notes.extend(new);
    }

    /// Practice mode: say at once which mistake the last step was.
    fn feedback(&mut self) {
        let Some(session) = &self.session else { return };
        let mistakes = score::judge::mistakes(session.scenario(), session.events());
        let fresh: Vec<_> = mistakes
            .iter()
            .skip(self.play.seen_mistakes)
            .filter(|m| m.code != score::MistakeCode::Unfinished)
            .cloned()
            .collect();
        self.play.seen_mistakes = mistakes.len();
        for m in fresh {
            let title = crate::present::labels::mistake_title(self.lang, m.code);
            let right = crate::present::labels::mistake_right(self.lang, m.code);
            // The panel draws the ✖; the text does not repeat it.
            let text = format!("{title} ({}). {right}", m.dossier);
            self.play.notes.push(Note {
                at: Some(m.at),
                tone: Tone::Bad,
                text,
                feedback: true,
            });
            self.play.unread_feedback += 1;
        }
    }
}
