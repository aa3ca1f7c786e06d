//! `update(&mut App, Msg) -> Option<Effect>`: the only place the UI state changes.

mod play;

use motcua_i18n::Lang;

use super::app::{App, DebriefTab, Mode, Screen};
use super::bindings::{self, Cmd};
use super::msg::{Effect, Msg};
use super::submit;

pub use play::WAIT_STEP_MINUTES;

pub fn update(app: &mut App, msg: Msg) -> Option<Effect> {
    if msg == Msg::Interrupt {
        return Some(Effect::Quit);
    }
    if let Msg::Resize(w, h) = msg {
        app.size = Some((w, h));
        return None;
    }
    // Nothing may happen unseen: under the "window too small" notice only q quits.
    if app.too_small() {
        return (msg == Msg::Char('q')).then_some(Effect::Quit);
    }
    // What the last submit did was read: the next key goes on.
    app.submit.said = None;
    if app.submit.confirm {
        return submit::on_confirm(app, matches!(msg, Msg::Char('y') | Msg::Enter));
    }
    if app.help {
        if !app.help_scroll.key(&msg)
            && matches!(
                msg,
                Msg::Back | Msg::Help | Msg::Char('?') | Msg::Enter | Msg::Char('q')
            )
        {
            app.help = false;
        }
        return None;
    }
    // F1 opens the help also where letters are text (the name line, a form).
    if msg == Msg::Help || bindings::command(app, &msg) == Some(Cmd::Help) {
        app.help = true;
        app.help_scroll.reset();
        return None;
    }
    match app.screen {
        Screen::Welcome => welcome(app, msg),
        Screen::Library => library(app, msg),
        Screen::Briefing => briefing(app, msg),
        Screen::Play => play::play(app, msg),
        Screen::Debrief => debrief(app, msg),
    }
}

/// The longest name the welcome screen takes (the screen says so).
pub const NAME_MAX: usize = 100;

/// Add typed or pasted text to the name, up to `NAME_MAX` characters. Line breaks
/// and tabs become spaces; other control characters are dropped.
fn type_name(name: &mut String, text: &str) {
    let mut count = name.chars().count();
    for c in text.chars() {
        let c = match c {
            '\n' | '\r' | '\t' => ' ',
            c if c.is_control() => continue,
            c => c,
        };
        if count >= NAME_MAX {
            break;
        }
        name.push(c);
        count += 1;
    }
}

fn welcome(app: &mut App, msg: Msg) -> Option<Effect> {
    let w = &mut app.welcome;
    // The class list takes ↓ ↑ Enter Esc on the name line while it shows names.
    if w.field == 0 && w.roster.is_on() {
        match msg {
            Msg::Down | Msg::Up if w.roster.step(&w.name, msg == Msg::Down) => return None,
            Msg::Enter if w.roster.cursor.is_some() => {
                if let Some(name) = w.roster.pick(&w.name) {
                    w.name = name;
                }
                return None;
            }
            Msg::Back if w.roster.cursor.is_some() => {
                w.roster.cursor = None;
                return None;
            }
            _ => {}
        }
    }
    let before = w.name.clone();
    let effect = welcome_field(app, msg);
    if app.welcome.name != before {
        let name = app.welcome.name.clone();
        app.welcome.roster.typed(&name);
    }
    effect
}

fn welcome_field(app: &mut App, msg: Msg) -> Option<Effect> {
    let w = &mut app.welcome;
    match msg {
        Msg::Tab | Msg::Down => w.field = (w.field + 1) % 3,
        Msg::Up => w.field = (w.field + 2) % 3,
        Msg::Left | Msg::Right | Msg::Space if w.field == 1 => {
            app.lang = match app.lang {
                Lang::Vi => Lang::En,
                Lang::En => Lang::Vi,
            }
        }
        Msg::Left | Msg::Right | Msg::Space if w.field == 2 => {
            app.mode = match app.mode {
                Mode::Practice => Mode::Exam,
                Mode::Exam => Mode::Practice,
            }
        }
        Msg::Left | Msg::Right if w.field == 0 && !w.known.is_empty() => {
            let i = w.known.iter().position(|n| *n == w.name);
            let next = match (i, msg == Msg::Right) {
                (None, _) => 0,
                (Some(i), true) => (i + 1) % w.known.len(),
                (Some(i), false) => (i + w.known.len() - 1) % w.known.len(),
            };
            w.name = w.known[next].clone();
        }
        // On the name line every character is text, also past the limit: never a command.
        Msg::Char(c) if w.field == 0 => type_name(&mut w.name, c.encode_utf8(&mut [0; 4])),
        Msg::Space if w.field == 0 => type_name(&mut w.name, " "),
        Msg::Paste(text) if w.field == 0 => type_name(&mut w.name, &text),
        Msg::Backspace if w.field == 0 => {
            w.name.pop();
        }
        Msg::Enter => {
            if w.name.trim().is_empty() {
                w.name = motcua_i18n::t!(app.lang, "tui.welcome.default_name");
            }
            app.screen = Screen::Library;
        }
        Msg::Back => return Some(Effect::Quit),
        Msg::Char('q') => return Some(Effect::Quit),
        _ => {}
    }
    None
}

fn library(app: &mut App, msg: Msg) -> Option<Effect> {
    if app.resume.is_some() {
        match msg {
            Msg::Enter | Msg::Char('y') => return Some(Effect::Resume),
            Msg::Back | Msg::Char('n') => app.resume = None,
            _ => {}
        }
        return None;
    }
    if bindings::command(app, &msg) == Some(Cmd::Quit) {
        return Some(Effect::Quit);
    }
    let n = app.catalog.len().max(1);
    match msg {
        Msg::Up | Msg::Char('k') => app.library_sel = (app.library_sel + n - 1) % n,
        Msg::Down | Msg::Char('j') => app.library_sel = (app.library_sel + 1) % n,
        Msg::Enter | Msg::Space => {
            if let Some(Ok(s)) = app.selected_entry().map(|e| &e.loaded) {
                app.seed = exam_seed(app).unwrap_or(s.meta.seed);
                app.screen = Screen::Briefing;
                app.briefing_scroll.reset();
            }
        }
        Msg::Back => app.screen = Screen::Welcome,
        _ => {}
    }
    None
}

/// The workshop's exam seed, when an exam of the workshop's exam scenario (the same
/// text, by its SHA-256) is about to start: every laptop plays the same exam, and
/// `motcua class` does not flag it as another exam.
pub(crate) fn exam_seed(app: &App) -> Option<u64> {
    let exam = app.exam.as_ref().filter(|_| app.mode == Mode::Exam)?;
    let entry = app.selected_entry()?;
    let s = entry.loaded.as_ref().ok()?;
    (s.meta.id == exam.scenario && motcua_store::store::sha256_hex(&entry.bytes) == exam.sha256)
        .then_some(exam.seed)
}

/// A different seed, reproducibly: the whole room can agree on "the next one".
pub fn next_seed(seed: u64) -> u64 {
    seed.wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407)
        % 1_000_000_000
}

fn briefing(app: &mut App, msg: Msg) -> Option<Effect> {
    if app.briefing_scroll.key(&msg) {
        return None;
    }
    match bindings::command(app, &msg) {
        Some(Cmd::NewSeed) => app.seed = next_seed(app.seed),
        Some(Cmd::Quit) => return Some(Effect::Quit),
        _ => match msg {
            Msg::Enter | Msg::Space => return app.start().then_some(Effect::Started),
            Msg::Back => app.screen = Screen::Library,
            _ => {}
        },
    }
    None
}

fn debrief(app: &mut App, msg: Msg) -> Option<Effect> {
    let scroll = match app.debrief_tab {
        DebriefTab::Results => &app.debrief_scroll,
        DebriefTab::Timeline => &app.timeline_scroll,
    };
    if scroll.key(&msg) {
        return None;
    }
    match bindings::command(app, &msg)? {
        Cmd::SwitchTab => {
            app.debrief_tab = match app.debrief_tab {
                DebriefTab::Results => DebriefTab::Timeline,
                DebriefTab::Timeline => DebriefTab::Results,
            }
        }
        // Only where the mistakes are in view (the table's `On::Results`).
        Cmd::Details => app.debrief_details = !app.debrief_details,
        Cmd::Submit if submit::can_submit(app) => return Some(Effect::Submit),
        Cmd::Retry => return app.start().then_some(Effect::Started),
        Cmd::NextSeed => {
            app.seed = next_seed(app.seed);
            return app.start().then_some(Effect::Started);
        }
        Cmd::Library => {
            app.session = None;
            app.screen = Screen::Library;
        }
        Cmd::Quit => return Some(Effect::Quit),
        _ => {}
    }
    None
}
