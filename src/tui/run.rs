//! The terminal loop. `ratatui::try_init` enters raw mode and the alternate screen and
//! installs a panic hook that restores the terminal; `restore` runs on every way out.

use std::io;
use std::path::PathBuf;
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;

use super::app::{App, Mode};
use super::catalog;
use super::keymap;
use super::msg::Effect;
use super::persist::Persist;
use super::theme::Theme;
use super::view;
use motcua_i18n::Lang;
use motcua_store::class::{Exam, Roster};
use motcua_store::export::xapi::{Journal, Profile};
use motcua_store::lrs::LrsConfig;
use motcua_store::lrs::background::Background;
use motcua_store::store::Store;

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub lang: Lang,
    pub scenarios_dir: Option<PathBuf>,
    /// Go straight into this scenario (id or path).
    pub scenario: Option<String>,
    pub seed: Option<u64>,
    pub trainee: Option<String>,
    pub mode: Option<Mode>,
    /// The LRS the learning records go to, and what they say of this laptop.
    pub lrs: Option<(LrsConfig, Profile)>,
    /// The workshop file's submit folder (`None`: the current directory).
    pub submit_folder: Option<PathBuf>,
    /// The workshop's class list, to pick one's name from.
    pub roster: Option<Roster>,
    /// The workshop's exam (its scenario starts on its seed in exam mode).
    pub exam: Option<Exam>,
}

/// How often the screen looks at the store again when no key comes (the library's
/// sent states move on by themselves).
const TICK: Duration = Duration::from_secs(1);

/// Build the app the options describe (also used by the tests, without a terminal).
pub fn app(opts: &Options) -> App {
    let mut entries = catalog::load(opts.scenarios_dir.as_deref(), opts.lang);
    let mut app_ = App::new(opts.lang, Theme::from_env(), Vec::new());
    if let Some(name) = &opts.trainee {
        app_.welcome.name = name.clone();
    }
    if let Some(mode) = opts.mode {
        app_.mode = mode;
    }
    app_.submit.folder = opts.submit_folder.clone();
    app_.submit.lrs = opts.lrs.is_some();
    app_.exam = opts.exam.clone();
    if let Some(roster) = &opts.roster {
        app_.welcome.roster = super::roster_pick::Picker::new(roster.entries.clone());
        let name = app_.welcome.name.clone();
        app_.welcome.roster.typed(&name);
    }
    if let Some(wanted) = &opts.scenario {
        let at = entries.iter().position(|e| {
            e.loaded.as_ref().is_ok_and(|s| s.meta.id == *wanted) || e.source == *wanted
        });
        let at = at.or_else(|| {
            entries.push(catalog::from_file(std::path::Path::new(wanted), opts.lang));
            Some(entries.len() - 1)
        });
        app_.catalog = entries;
        app_.library_sel = at.unwrap_or(0);
        let exam_seed = super::update::exam_seed(&app_);
        if let Some(Ok(s)) = app_.selected_entry().map(|e| &e.loaded) {
            app_.seed = opts.seed.or(exam_seed).unwrap_or(s.meta.seed);
            if app_.welcome.name.trim().is_empty() {
                app_.welcome.name = motcua_i18n::t!(opts.lang, "tui.welcome.default_name");
            }
            app_.start();
        }
        return app_;
    }
    app_.catalog = entries;
    app_
}

/// Run the TUI until the user leaves. With a store, every action is committed
/// before it is applied and an unfinished attempt is offered again.
pub fn run(opts: &Options, store: Option<Store>) -> io::Result<()> {
    let mut app = app(opts);
    let mut persist = store.map(|store| {
        let Some((config, profile)) = &opts.lrs else {
            return Persist::new(store);
        };
        // What an earlier run left queued goes first, in the background.
        let sender = Background::start(store.path().to_path_buf(), config.clone());
        Persist::new(store).with_records(Journal::new(Some(profile.clone())), Some(sender))
    });
    if let Some(p) = &persist {
        p.fill_welcome(&mut app);
    }
    let mut terminal = ratatui::try_init()?;
    // A paste arrives as one piece of text (Event::Paste), never as keys.
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    let restore_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableBracketedPaste);
        restore_hook(info);
    }));
    if let Ok(size) = terminal.size() {
        app.size = Some((size.width, size.height));
    }
    let result = event_loop(&mut terminal, &mut app, &mut persist);
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    persist: &mut Option<Persist>,
) -> io::Result<()> {
    // The first frame, and a frame after every event; a tick draws only when the store
    // told the screen something new (the library's sent states, an error).
    let mut dirty = true;
    loop {
        let (records, error) = (app.records.clone(), app.store_error.clone());
        if let Some(p) = persist.as_mut()
            && let Err(e) = p.after(app)
        {
            app.store_error = Some(e);
        }
        if dirty || records != app.records || error != app.store_error {
            terminal.draw(|frame| view::render(app, frame))?;
        }
        dirty = event::poll(TICK)?;
        if !dirty {
            continue;
        }
        let Some(msg) = keymap::from_event(&event::read()?) else {
            continue;
        };
        app.store_error = None;
        let mut failure = None;
        let effect = app.handle(msg, &mut |app, action| match persist.as_mut() {
            None => true,
            Some(p) => match p.before(app, action) {
                Ok(()) => true,
                Err(e) => {
                    failure = Some(e);
                    false
                }
            },
        });
        if let Some(e) = failure {
            app.store_error = Some(e);
        }
        match effect {
            Some(Effect::Quit) => return Ok(()),
            Some(Effect::Started) => {
                if let Some(p) = persist.as_mut() {
                    p.started();
                }
            }
            Some(Effect::Resume) => {
                if let Some(Err(e)) = persist.as_mut().map(|p| p.resume(app)) {
                    app.store_error = Some(e);
                }
            }
            Some(Effect::Submit) => match persist.as_mut() {
                Some(p) => p.submit(app),
                None => app.store_error = Some(motcua_i18n::t!(app.lang, "tui.submit.nothing")),
            },
            _ => {}
        }
    }
}
