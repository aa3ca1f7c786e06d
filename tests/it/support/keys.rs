//! Turn an action into the keys a trainee presses in the TUI, and press them.
#![allow(dead_code)]

use motcua::tui::bindings::{self, Cmd};
use motcua::tui::forms::Form;
use motcua::tui::{App, Msg, Screen};
use motcua_core::session::{Action, Decision, ResultChannel, WaitUntil};

/// The play screen's key for `cmd`, from the key table (tests keep no letters).
pub fn key(cmd: Cmd) -> Msg {
    bindings::key_of(Screen::Play, cmd)
        .expect("the table has the command")
        .msg()
}

/// Press one key: update the app and carry out the action it asks for.
pub fn press(app: &mut App, msg: Msg) {
    let _ = app.handle(msg, &mut |_, _| true);
}

/// Type a text, one character at a time.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, if c == ' ' { Msg::Space } else { Msg::Char(c) });
    }
}

/// How a key reaches the app: `press`, or the terminal loop's handling with a store.
pub type Key<'a> = dyn FnMut(&mut App, Msg) + 'a;

/// Play `action` through the keyboard: select the dossier, the component, open the
/// form, pick the options, send.
pub fn play(app: &mut App, action: &Action) {
    play_with(app, action, &mut press);
}

/// `play`, with each key going through `press`.
pub fn play_with(app: &mut App, action: &Action, press: &mut Key) {
    match action {
        Action::Wait {
            until: Some(WaitUntil::NextEvent),
            ..
        } => return press(app, key(Cmd::NextEvent)),
        Action::Wait { .. } => return press(app, key(Cmd::Wait)),
        Action::EndDay => return press(app, key(Cmd::EndDay)),
        _ => {}
    }
    let Some(code) = action.dossier() else { return };
    select_dossier(app, code, press);
    match action {
        Action::Open { .. } => press(app, key(Cmd::Open)),
        Action::Inspect { component, .. } => component_key(app, component, Cmd::Inspect, press),
        Action::Digitize { component, .. } => component_key(app, component, Cmd::Digitize, press),
        Action::Reuse { component, .. } => component_key(app, component, Cmd::Reuse, press),
        Action::Accept { .. } => {
            press(app, key(Cmd::Accept));
            press(app, Msg::Enter);
        }
        Action::Forward { .. } => press(app, key(Cmd::Forward)),
        Action::Transfer { .. } => press(app, key(Cmd::Transfer)),
        Action::Sign { .. } => press(app, key(Cmd::Sign)),
        Action::RequestFee { .. } => press(app, key(Cmd::RequestFee)),
        Action::ConfirmPayment { .. } => press(app, key(Cmd::ConfirmPayment)),
        Action::RequestSupplement { items, .. } => supplement(app, items, press),
        Action::Refuse { reason, .. } => choose(app, Cmd::Refuse, reason, press),
        Action::Stop { reason, .. } => choose(app, Cmd::Stop, reason, press),
        Action::Appraise {
            decision: Decision::Approve,
            ..
        } => choose(app, Cmd::Appraise, "approve", press),
        Action::Appraise { reason, .. } => choose(
            app,
            Cmd::Appraise,
            reason.as_deref().unwrap_or_default(),
            press,
        ),
        Action::ReturnResult { channel, .. } => {
            let key = match channel {
                ResultChannel::Online => "online",
                ResultChannel::Post => "post",
                ResultChannel::Counter => "counter",
            };
            choose(app, Cmd::Return, key, press);
        }
        Action::Apologize { new_date, .. } => {
            press(app, key(Cmd::Apologize));
            for _ in 0..400 {
                match &app.play.form {
                    Some(Form::Apology(f)) if f.new_date < *new_date => press(app, Msg::Right),
                    Some(Form::Apology(f)) if f.new_date > *new_date => press(app, Msg::Left),
                    _ => break,
                }
            }
            press(app, Msg::Enter);
        }
        Action::Wait { .. } | Action::EndDay => {}
    }
}

fn select_dossier(app: &mut App, code: &str, press: &mut Key) {
    press(app, Msg::Back);
    let Some(target) = app.queue_row_of(code) else {
        return;
    };
    while app.play.queue_sel > target {
        press(app, Msg::Up);
    }
    while app.play.queue_sel < target {
        press(app, Msg::Down);
    }
}

fn component_key(app: &mut App, component: &str, cmd: Cmd, press: &mut Key) {
    let components = app.selected_components();
    let Some(target) = components.iter().position(|c| c == component) else {
        return;
    };
    press(app, Msg::Tab);
    while app.play.component_sel > target {
        press(app, Msg::Up);
    }
    while app.play.component_sel < target {
        press(app, Msg::Down);
    }
    press(app, key(cmd));
}

fn choose(app: &mut App, cmd: Cmd, option: &str, press: &mut Key) {
    press(app, key(cmd));
    let Some(Form::Choice(c)) = &app.play.form else {
        return;
    };
    let Some(target) = c.options.iter().position(|o| o == option) else {
        return;
    };
    for _ in 0..target {
        press(app, Msg::Down);
    }
    press(app, Msg::Enter);
}

fn supplement(app: &mut App, items: &[motcua_core::session::Item], press: &mut Key) {
    press(app, key(Cmd::Supplement));
    for item in items {
        let Some(Form::Supplement(f)) = &app.play.form else {
            return;
        };
        let Some(row) = f
            .rows
            .iter()
            .position(|r| r.component == item.component && r.problems.contains(&item.problem))
        else {
            continue;
        };
        let single = f.rows[row].problems.len() == 1;
        while matches!(&app.play.form, Some(Form::Supplement(f)) if f.cursor != row) {
            press(app, Msg::Down);
        }
        // ◀ ▶ ticks the row and moves the problem; Space ticks a one-problem row.
        if single {
            press(app, Msg::Space);
            continue;
        }
        for _ in 0..8 {
            let Some(Form::Supplement(f)) = &app.play.form else {
                return;
            };
            let r = &f.rows[row];
            if r.ticked && r.problems[r.problem] == item.problem {
                break;
            }
            press(app, Msg::Right);
        }
    }
    press(app, Msg::Enter);
}
