//! `update(&mut App, Msg) -> Option<Effect>`: the only place the UI state changes.

use crate::i18n::Lang;
use crate::session::Action;

use super::app::{App, Focus, Mode, Screen};
use super::forms::{Apology, Choice, ChoiceKind, Form, Outcome, Receipt, Supplement};
use super::msg::{Effect, Msg};
use super::view::queue;

/// Office minutes one press of `w` waits.
pub const WAIT_STEP_MINUTES: u32 = 15;

pub fn update(app: &mut App, msg: Msg) -> Option<Effect> {
    if msg == Msg::Interrupt {
        return Some(Effect::Quit);
    }
    if let Msg::Resize(..) = msg {
        return None;
    }
    if app.help {
        match msg {
            Msg::Up | Msg::Char('k') => app.help_scroll = app.help_scroll.saturating_sub(1),
            Msg::Down | Msg::Char('j') => app.help_scroll = app.help_scroll.saturating_add(1),
            Msg::Back | Msg::Help | Msg::Char('?') | Msg::Enter | Msg::Char('q') => {
                app.help = false;
                app.help_scroll = 0;
            }
            _ => {}
        }
        return None;
    }
    let typing = app.screen == Screen::Welcome && app.welcome.field == 0;
    if msg == Msg::Help || (msg == Msg::Char('?') && !typing && app.play.form.is_none()) {
        app.help = true;
        return None;
    }
    match app.screen {
        Screen::Welcome => welcome(app, msg),
        Screen::Library => library(app, msg),
        Screen::Briefing => briefing(app, msg),
        Screen::Play => play(app, msg),
        Screen::Debrief => debrief(app, msg),
    }
}

fn welcome(app: &mut App, msg: Msg) -> Option<Effect> {
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
        Msg::Char(c) if w.field == 0 && w.name.chars().count() < 40 => w.name.push(c),
        Msg::Space if w.field == 0 => w.name.push(' '),
        Msg::Backspace if w.field == 0 => {
            w.name.pop();
        }
        Msg::Enter => {
            if w.name.trim().is_empty() {
                w.name = crate::t!(app.lang, "tui.welcome.default_name");
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
    let n = app.catalog.len().max(1);
    match msg {
        Msg::Up | Msg::Char('k') => app.library_sel = (app.library_sel + n - 1) % n,
        Msg::Down | Msg::Char('j') => app.library_sel = (app.library_sel + 1) % n,
        Msg::Enter | Msg::Space => {
            if let Some(Ok(s)) = app.selected_entry().map(|e| &e.loaded) {
                app.seed = s.meta.seed;
                app.screen = Screen::Briefing;
            }
        }
        Msg::Back => app.screen = Screen::Welcome,
        Msg::Char('q') => return Some(Effect::Quit),
        _ => {}
    }
    None
}

/// A different seed, reproducibly: the whole room can agree on "the next one".
pub fn next_seed(seed: u64) -> u64 {
    seed.wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407)
        % 1_000_000_000
}

fn briefing(app: &mut App, msg: Msg) -> Option<Effect> {
    match msg {
        Msg::Enter | Msg::Space => return app.start().then_some(Effect::Started),
        Msg::Char('s') => app.seed = next_seed(app.seed),
        Msg::Back => app.screen = Screen::Library,
        Msg::Char('q') => return Some(Effect::Quit),
        _ => {}
    }
    None
}

fn debrief(app: &mut App, msg: Msg) -> Option<Effect> {
    match msg {
        Msg::Up | Msg::Char('k') => app.debrief_scroll = app.debrief_scroll.saturating_sub(1),
        Msg::Down | Msg::Char('j') => app.debrief_scroll = app.debrief_scroll.saturating_add(1),
        Msg::Char('r') => return app.start().then_some(Effect::Started),
        Msg::Char('n') => {
            app.seed = next_seed(app.seed);
            return app.start().then_some(Effect::Started);
        }
        Msg::Char('l') | Msg::Back => {
            app.session = None;
            app.screen = Screen::Library;
        }
        Msg::Char('q') => return Some(Effect::Quit),
        _ => {}
    }
    None
}

fn play(app: &mut App, msg: Msg) -> Option<Effect> {
    if let Some(form) = app.play.form.as_mut() {
        return match form.update(&msg) {
            Outcome::Stay => None,
            Outcome::Cancel => {
                app.play.form = None;
                None
            }
            Outcome::Submit(action) => {
                app.play.form = None;
                Some(Effect::Apply(action))
            }
        };
    }
    if app.play.confirm_quit {
        app.play.confirm_quit = false;
        if matches!(msg, Msg::Char('y') | Msg::Char('c') | Msg::Enter) {
            // Ending early leaves the rest of the period to run: what was left
            // undone is judged as unfinished, not forgotten.
            return Some(Effect::EndAttempt);
        }
        return None;
    }
    let rows = queue::rows(app);
    let selected = rows.get(app.play.queue_sel).cloned();
    let n = rows.len().max(1);
    match msg {
        Msg::Up | Msg::Char('k') => move_cursor(app, n, false),
        Msg::Down | Msg::Char('j') => move_cursor(app, n, true),
        Msg::Tab => {
            app.play.focus = match app.play.focus {
                Focus::Queue => Focus::Document,
                Focus::Document => Focus::Queue,
            }
        }
        Msg::Back => app.play.focus = Focus::Queue,
        Msg::Char('w') => return Some(Effect::Apply(Action::wait(WAIT_STEP_MINUTES))),
        Msg::Char('n') => return Some(Effect::Apply(Action::wait_for_next_event())),
        Msg::Char('e') => return Some(Effect::Apply(Action::EndDay)),
        Msg::Char('q') => app.play.confirm_quit = true,
        _ => return selected.and_then(|code| dossier_command(app, &code, msg)),
    }
    None
}

fn move_cursor(app: &mut App, n: usize, down: bool) {
    let step = |i: usize, n: usize| {
        if down {
            (i + 1).min(n - 1)
        } else {
            i.saturating_sub(1)
        }
    };
    match app.play.focus {
        Focus::Queue => {
            app.play.queue_sel = step(app.play.queue_sel, n);
            app.play.component_sel = 0;
        }
        Focus::Document => {
            let count = app.selected_components().len().max(1);
            app.play.component_sel = step(app.play.component_sel, count);
        }
    }
}

/// Commands on the selected dossier: actions at once, or a form to fill in.
fn dossier_command(app: &mut App, code: &str, msg: Msg) -> Option<Effect> {
    let dossier = code.to_string();
    let component = app
        .selected_components()
        .get(app.play.component_sel)
        .cloned();
    let with_component =
        |f: fn(String, String) -> Action| component.clone().map(|c| f(dossier.clone(), c));
    let action = match msg {
        Msg::Enter | Msg::Char('o') => {
            app.play.focus = Focus::Document;
            Some(Action::Open { dossier })
        }
        Msg::Char('i') => {
            with_component(|dossier, component| Action::Inspect { dossier, component })
        }
        Msg::Char('d') => {
            with_component(|dossier, component| Action::Digitize { dossier, component })
        }
        Msg::Char('r') => with_component(|dossier, component| Action::Reuse { dossier, component }),
        Msg::Char('a') => return open_form(app, code, FormKind::Receipt),
        Msg::Char('f') => Some(Action::Forward { dossier }),
        Msg::Char('v') => Some(Action::Transfer { dossier }),
        Msg::Char('g') => Some(Action::Sign { dossier }),
        Msg::Char('m') => Some(Action::RequestFee { dossier }),
        Msg::Char('c') => Some(Action::ConfirmPayment { dossier }),
        Msg::Char('s') => return open_form(app, code, FormKind::Supplement),
        Msg::Char('x') => return open_form(app, code, FormKind::Choice(ChoiceKind::Refuse)),
        Msg::Char('z') => return open_form(app, code, FormKind::Choice(ChoiceKind::Stop)),
        Msg::Char('p') => return open_form(app, code, FormKind::Choice(ChoiceKind::Appraise)),
        Msg::Char('t') => return open_form(app, code, FormKind::Choice(ChoiceKind::Return)),
        Msg::Char('l') => return open_form(app, code, FormKind::Apology),
        _ => None,
    };
    action.map(Effect::Apply)
}

enum FormKind {
    Receipt,
    Supplement,
    Choice(ChoiceKind),
    Apology,
}

fn open_form(app: &mut App, code: &str, kind: FormKind) -> Option<Effect> {
    let session = app.session.as_ref()?;
    let (d, s) = session.find(code)?;
    let form = match kind {
        FormKind::Receipt => {
            let p = session.procedure_of(d)?;
            let applicant = d
                .declared(crate::scenario::FieldRef {
                    party: crate::scenario::Party::Applicant,
                    attr: crate::scenario::Attr::Name,
                })
                .map(ToString::to_string)
                .unwrap_or_default();
            let components = d
                .components
                .iter()
                .filter_map(|c| p.component(&c.id).map(|pc| pc.name.clone()))
                .collect();
            Form::Receipt(Receipt {
                dossier: code.to_string(),
                applicant,
                procedure: crate::present::labels::procedure_name(app.lang, p),
                components,
                due: session.calendar().due(session.now(), &p.deadline),
            })
        }
        FormKind::Supplement => Form::Supplement(Supplement::new(d, session.procedure_of(d)?)),
        FormKind::Choice(k) => Form::Choice(Choice::new(k, code)),
        FormKind::Apology => Form::Apology(Apology::new(
            code,
            s.due.map(|t| t.date()),
            session.now().date(),
            session.calendar(),
        )),
    };
    app.play.form = Some(form);
    None
}

impl App {
    /// Component ids of the selected dossier, in the procedure's order.
    pub fn selected_components(&self) -> Vec<String> {
        let rows = queue::rows(self);
        let Some(code) = rows.get(self.play.queue_sel) else {
            return Vec::new();
        };
        let Some((d, _)) = self.session.as_ref().and_then(|s| s.find(code)) else {
            return Vec::new();
        };
        d.components.iter().map(|c| c.id.clone()).collect()
    }
}
