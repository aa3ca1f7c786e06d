//! The play screen's keys. A form or the log view takes the keys first; otherwise
//! the arrows move in the focused pane and the other keys are commands of the key
//! table (`bindings`): the clock's, the screen's and the selected dossier's.

use motcua_core::session::Action;
use motcua_i18n::t;

use super::super::app::{App, Focus, Tone};
use super::super::bindings::{self, Cmd};
use super::super::forms::{Apology, Choice, ChoiceKind, Form, Outcome, Receipt, Supplement};
use super::super::msg::{Effect, Msg};

/// Office minutes one press of `w` waits.
pub const WAIT_STEP_MINUTES: u32 = 15;

/// What a key does to the selected dossier.
#[derive(Clone, Copy)]
enum Command {
    Open,
    /// An action on the dossier.
    Dossier(fn(String) -> Action),
    /// An action on the selected component (the ▶ in the dossier pane).
    Component(fn(String, String) -> Action),
    /// Inspect the selected component, unless it was inspected already.
    Inspect,
    /// A form to fill in first.
    Form(FormKind),
}

#[derive(Clone, Copy)]
enum FormKind {
    Receipt,
    Supplement,
    Choice(ChoiceKind),
    Apology,
}

/// What a dossier command does (its key is the table's, `bindings`).
fn dossier_command_of(cmd: Cmd) -> Option<Command> {
    Some(match cmd {
        Cmd::Open => Command::Open,
        Cmd::Inspect => Command::Inspect,
        Cmd::Digitize => {
            Command::Component(|dossier, component| Action::Digitize { dossier, component })
        }
        Cmd::Reuse => Command::Component(|dossier, component| Action::Reuse { dossier, component }),
        Cmd::Accept => Command::Form(FormKind::Receipt),
        Cmd::Forward => Command::Dossier(|dossier| Action::Forward { dossier }),
        Cmd::Transfer => Command::Dossier(|dossier| Action::Transfer { dossier }),
        Cmd::Sign => Command::Dossier(|dossier| Action::Sign { dossier }),
        Cmd::RequestFee => Command::Dossier(|dossier| Action::RequestFee { dossier }),
        Cmd::ConfirmPayment => Command::Dossier(|dossier| Action::ConfirmPayment { dossier }),
        Cmd::Supplement => Command::Form(FormKind::Supplement),
        Cmd::Refuse => Command::Form(FormKind::Choice(ChoiceKind::Refuse)),
        Cmd::Stop => Command::Form(FormKind::Choice(ChoiceKind::Stop)),
        Cmd::Appraise => Command::Form(FormKind::Choice(ChoiceKind::Appraise)),
        Cmd::Return => Command::Form(FormKind::Choice(ChoiceKind::Return)),
        Cmd::Apologize => Command::Form(FormKind::Apology),
        _ => return None,
    })
}

/// The clock's commands, whatever is selected.
fn clock_action(cmd: Cmd) -> Option<Action> {
    Some(match cmd {
        Cmd::Wait => Action::wait(WAIT_STEP_MINUTES),
        Cmd::NextEvent => Action::wait_for_next_event(),
        Cmd::EndDay => Action::EndDay,
        _ => return None,
    })
}

pub fn play(app: &mut App, msg: Msg) -> Option<Effect> {
    if app.play.log_view {
        log_view(app, &msg);
        return None;
    }
    if let Some(form) = app.play.form.as_mut() {
        let outcome = form.update(&msg);
        app.play.form_scroll.reveal();
        return match outcome {
            Outcome::Stay => None,
            Outcome::Cancel => {
                close_form(app);
                None
            }
            Outcome::Submit(action) => {
                close_form(app);
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
    let selected = app.selected_code().map(str::to_string);
    let n = app.play.queue.len().max(1);
    match msg {
        Msg::Up | Msg::Char('k') => move_cursor(app, n, false),
        Msg::Down | Msg::Char('j') => move_cursor(app, n, true),
        Msg::PageUp | Msg::PageDown | Msg::Home | Msg::End => {
            if app.play.focus == Focus::Messages {
                scroll_log(app, &msg);
            } else {
                app.play.doc_scroll.key(&msg);
            }
        }
        _ => return command(app, selected, &msg),
    }
    None
}

/// The table's commands on the play screen.
fn command(app: &mut App, selected: Option<String>, msg: &Msg) -> Option<Effect> {
    let cmd = bindings::command(app, msg)?;
    match cmd {
        Cmd::NextPane => {
            let next = match app.play.focus {
                Focus::Queue => Focus::Document,
                Focus::Document => Focus::Messages,
                Focus::Messages => Focus::Queue,
            };
            focus(app, next);
        }
        Cmd::ToQueue => focus(app, Focus::Queue),
        Cmd::Messages => {
            app.play.log_view = true;
            app.read_log();
        }
        Cmd::Finish => app.play.confirm_quit = true,
        Cmd::Submit => super::super::submit::on_play(app),
        _ => {
            if let Some(action) = clock_action(cmd) {
                // Time moved: the trainee looks at the queue again, on the same dossier.
                focus(app, Focus::Queue);
                return Some(Effect::Apply(action));
            }
            let command = dossier_command_of(cmd)?;
            return selected.and_then(|code| dossier_command(app, &code, command));
        }
    }
    None
}

fn focus(app: &mut App, to: Focus) {
    app.play.focus = to;
    match to {
        Focus::Document => app.play.doc_scroll.reveal(),
        Focus::Messages => app.read_log(),
        Focus::Queue => {}
    }
}

/// A dialog closed: back to the queue, on the dossier it was about.
fn close_form(app: &mut App) {
    app.play.form = None;
    app.play.form_scroll.reset();
    focus(app, Focus::Queue);
}

/// The full-screen log: scroll, or close with Esc, `v` or `q`.
fn log_view(app: &mut App, msg: &Msg) {
    if matches!(
        msg,
        Msg::Back | Msg::Char('v') | Msg::Char('q') | Msg::Enter
    ) {
        app.play.log_view = false;
    } else {
        scroll_log(app, msg);
    }
}

/// The log counts rows up from the newest, so ↑ moves away from it.
fn scroll_log(app: &mut App, msg: &Msg) {
    let mirrored = match msg {
        Msg::Up | Msg::Char('k') => Msg::Down,
        Msg::Down | Msg::Char('j') => Msg::Up,
        Msg::PageUp => Msg::PageDown,
        Msg::PageDown => Msg::PageUp,
        Msg::Home => Msg::End,
        Msg::End => Msg::Home,
        _ => return,
    };
    app.play.log_scroll.key(&mirrored);
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
            let before = app.play.queue_sel;
            app.play.queue_sel = step(before, n);
            if app.play.queue_sel != before {
                app.play.component_sel = 0;
                app.play.doc_scroll.reset();
            }
        }
        Focus::Document => {
            let count = app.selected_components().len().max(1);
            app.play.component_sel = step(app.play.component_sel, count);
            app.play.doc_scroll.reveal();
        }
        Focus::Messages => scroll_log(app, &if down { Msg::Down } else { Msg::Up }),
    }
}

/// Commands on the selected dossier: actions at once, or a form to fill in.
fn dossier_command(app: &mut App, code: &str, command: Command) -> Option<Effect> {
    let dossier = code.to_string();
    let action = match command {
        Command::Open => {
            focus(app, Focus::Document);
            // Opening again would cost a minute for nothing: just show it.
            if is_opened(app, code) {
                return None;
            }
            Action::Open { dossier }
        }
        Command::Dossier(make) => make(dossier),
        Command::Component(make) => make(dossier, visible_component(app, code)?),
        Command::Inspect => {
            let component = visible_component(app, code)?;
            if already_inspected(app, code, &component) {
                return None;
            }
            Action::Inspect { dossier, component }
        }
        Command::Form(kind) => return open_form(app, code, kind),
    };
    Some(Effect::Apply(action))
}

/// The component under ▶, only when the trainee can see it: from the queue, the
/// first press moves to the dossier pane and shows the ▶ instead of acting unseen.
fn visible_component(app: &mut App, code: &str) -> Option<String> {
    if is_opened(app, code) && app.play.focus != Focus::Document {
        focus(app, Focus::Document);
        app.note(Tone::Info, None, t!(app.lang, "tui.note.pick_component"));
        return None;
    }
    app.selected_components()
        .get(app.play.component_sel)
        .cloned()
}

fn is_opened(app: &App, code: &str) -> bool {
    app.session
        .as_ref()
        .and_then(|s| s.seen(code))
        .is_some_and(|(_, st)| st.opened)
}

/// Inspecting again what was inspected costs time and teaches nothing: say so
/// instead (the engine's rules are unchanged; the TUI does not send the action).
fn already_inspected(app: &mut App, code: &str, component: &str) -> bool {
    let Some(session) = &app.session else {
        return false;
    };
    let Some((d, st)) = session.seen(code) else {
        return false;
    };
    if !st.inspected.contains(component) {
        return false;
    }
    let name = session
        .procedure_of_seen(d)
        .and_then(|p| p.component(component))
        .map_or_else(|| component.to_string(), |c| c.name.clone());
    let text = t!(app.lang, "tui.note.already_inspected", component = name);
    app.note(Tone::Info, None, text);
    true
}

fn open_form(app: &mut App, code: &str, kind: FormKind) -> Option<Effect> {
    let session = app.session.as_ref()?;
    let (d, s) = session.seen(code)?;
    let form = match kind {
        FormKind::Receipt => {
            let p = session.procedure_of_seen(d)?;
            let applicant = d
                .declared(motcua_core::scenario::FieldRef {
                    party: motcua_core::scenario::Party::Applicant,
                    attr: motcua_core::scenario::Attr::Name,
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
                due: session.calendar().due(
                    session.now(),
                    &session.deadline_of_seen(d).unwrap_or(p.deadline),
                ),
            })
        }
        FormKind::Supplement => Form::Supplement(Supplement::new(d, session.procedure_of_seen(d)?)),
        FormKind::Choice(k) => Form::Choice(Choice::new(k, code)),
        FormKind::Apology => Form::Apology(Apology::new(
            code,
            s.due.map(|t| t.date()),
            session.now().date(),
            session.calendar(),
        )),
    };
    app.play.form = Some(form);
    app.play.form_scroll.reset();
    None
}

impl App {
    /// Component ids of the selected dossier, in the procedure's order.
    pub fn selected_components(&self) -> Vec<String> {
        let Some((d, _)) = self.selected_dossier() else {
            return Vec::new();
        };
        d.components.iter().map(|c| c.id.to_string()).collect()
    }
}
