//! Turn an action into the keys a trainee presses in the TUI, and press them.
#![allow(dead_code)]

use motcua::session::{Action, Decision, ResultChannel, WaitUntil};
use motcua::tui::forms::Form;
use motcua::tui::{App, Msg};

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
        } => return press(app, Msg::Char('n')),
        Action::Wait { .. } => return press(app, Msg::Char('w')),
        Action::EndDay => return press(app, Msg::Char('e')),
        _ => {}
    }
    let Some(code) = action.dossier() else { return };
    select_dossier(app, code, press);
    match action {
        Action::Open { .. } => press(app, Msg::Enter),
        Action::Inspect { component, .. } => component_key(app, component, 'i', press),
        Action::Digitize { component, .. } => component_key(app, component, 'd', press),
        Action::Reuse { component, .. } => component_key(app, component, 'r', press),
        Action::Accept { .. } => {
            press(app, Msg::Char('a'));
            press(app, Msg::Enter);
        }
        Action::Forward { .. } => press(app, Msg::Char('f')),
        Action::Transfer { .. } => press(app, Msg::Char('b')),
        Action::Sign { .. } => press(app, Msg::Char('g')),
        Action::RequestFee { .. } => press(app, Msg::Char('m')),
        Action::ConfirmPayment { .. } => press(app, Msg::Char('c')),
        Action::RequestSupplement { items, .. } => supplement(app, items, press),
        Action::Refuse { reason, .. } => choose(app, 'x', reason, press),
        Action::Stop { reason, .. } => choose(app, 'z', reason, press),
        Action::Appraise {
            decision: Decision::Approve,
            ..
        } => choose(app, 'p', "approve", press),
        Action::Appraise { reason, .. } => {
            choose(app, 'p', reason.as_deref().unwrap_or_default(), press)
        }
        Action::ReturnResult { channel, .. } => {
            let key = match channel {
                ResultChannel::Online => "online",
                ResultChannel::Post => "post",
                ResultChannel::Counter => "counter",
            };
            choose(app, 't', key, press);
        }
        Action::Apologize { new_date, .. } => {
            press(app, Msg::Char('l'));
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

fn component_key(app: &mut App, component: &str, key: char, press: &mut Key) {
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
    press(app, Msg::Char(key));
}

fn choose(app: &mut App, key: char, option: &str, press: &mut Key) {
    press(app, Msg::Char(key));
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

fn supplement(app: &mut App, items: &[motcua::session::Item], press: &mut Key) {
    press(app, Msg::Char('s'));
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
