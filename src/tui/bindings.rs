//! The one key table: every command key of the screens, what it does (`Cmd`), the
//! catalogue keys of its words in the footer and in the help, and where it works.
//! `update` asks it which command a key is; the footer and the help draw its keys and
//! words; the tests press its keys. The catalogue's words never spell a command key:
//! a `{key}` in them is filled from here. Keys that only move (arrows, PgUp PgDn,
//! Home End, j k) are the panes' own and stay with the scrolling code.

use super::app::{App, DebriefTab, Screen};
use super::msg::Msg;

/// A key as the trainee presses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Enter,
    Esc,
    Tab,
    F1,
}

impl Key {
    /// The message the terminal turns this key into (`keymap::from_key`).
    pub fn msg(self) -> Msg {
        match self {
            Key::Char(c) => Msg::Char(c),
            Key::Enter => Msg::Enter,
            Key::Esc => Msg::Back,
            Key::Tab => Msg::Tab,
            Key::F1 => Msg::Help,
        }
    }

    /// How the screens write the key.
    pub fn name(self) -> String {
        match self {
            Key::Char(c) => c.to_string(),
            Key::Enter => "Enter".into(),
            Key::Esc => "Esc".into(),
            Key::Tab => "Tab".into(),
            Key::F1 => "F1".into(),
        }
    }
}

/// What a command key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Help,
    /// Leave the program (library, briefing, debrief).
    Quit,
    /// The briefing: another seed.
    NewSeed,
    /// Play: the next pane (queue → dossier → messages).
    NextPane,
    /// Play: back to the queue.
    ToQueue,
    /// Play: the message log over the whole screen.
    Messages,
    /// Play: end the attempt (asks first).
    Finish,
    Submit,
    Wait,
    NextEvent,
    EndDay,
    Open,
    Inspect,
    Accept,
    Supplement,
    Refuse,
    Digitize,
    Reuse,
    Forward,
    Transfer,
    Appraise,
    Sign,
    RequestFee,
    ConfirmPayment,
    Return,
    Apologize,
    Stop,
    /// Debrief: results ⇄ timeline.
    SwitchTab,
    /// Debrief: each mistake in full.
    Details,
    /// Debrief: the same scenario and seed again.
    Retry,
    /// Debrief: the same scenario with the next seed.
    NextSeed,
    /// Debrief: back to the library.
    Library,
}

/// Where a binding works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum On {
    /// Wherever the help can open: not while a name or a form takes the letters.
    Anywhere,
    Library,
    Briefing,
    /// The play screen, no form, dialog or full log open.
    Play,
    Debrief,
    /// The debrief's results tab (where the mistakes are).
    Results,
}

impl On {
    /// Whether the binding works in `app`'s state.
    pub fn holds(self, app: &App) -> bool {
        let play_free = app.screen == Screen::Play
            && app.play.form.is_none()
            && !app.play.log_view
            && !app.play.confirm_quit;
        match self {
            On::Anywhere => {
                let typing = app.screen == Screen::Welcome && app.welcome.field == 0;
                !typing && app.play.form.is_none()
            }
            On::Library => app.screen == Screen::Library && app.resume.is_none(),
            On::Briefing => app.screen == Screen::Briefing,
            On::Play => play_free,
            On::Debrief => app.screen == Screen::Debrief,
            On::Results => app.screen == Screen::Debrief && app.debrief_tab == DebriefTab::Results,
        }
    }

    /// The screens a binding shows on, for its help and its tests.
    pub fn screen(self) -> Option<Screen> {
        match self {
            On::Anywhere => None,
            On::Library => Some(Screen::Library),
            On::Briefing => Some(Screen::Briefing),
            On::Play => Some(Screen::Play),
            On::Debrief | On::Results => Some(Screen::Debrief),
        }
    }
}

/// One row of the table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub key: Key,
    /// Other keys that do the same, named in the help ("Enter hoặc o").
    pub also: &'static [Key],
    pub cmd: Cmd,
    /// Catalogue key of its words in the footer (after the key).
    pub label: &'static str,
    /// Catalogue key of its sentence in the help; `{key}` is where the keys go.
    pub help: &'static str,
    pub on: On,
}

const fn b(key: Key, cmd: Cmd, name: &'static str, on: On) -> Binding {
    Binding {
        key,
        also: &[],
        cmd,
        label: name,
        help: name,
        on,
    }
}

use Cmd::*;
use Key::Char as C;

/// The table. Labels are `tui.key.<name>`, help sentences `tui.keyhelp.<name>`
/// (`keys_text` and `help_text` add the prefixes); the first row for a key in a
/// state wins, and a test checks no two rows take one key in one state.
pub const TABLE: &[Binding] = &[
    Binding {
        also: &[Key::F1],
        ..b(C('?'), Help, "help", On::Anywhere)
    },
    b(C('q'), Quit, "quit", On::Library),
    b(C('s'), NewSeed, "new_seed", On::Briefing),
    b(C('q'), Quit, "quit", On::Briefing),
    b(Key::Tab, NextPane, "next_pane", On::Play),
    b(Key::Esc, ToQueue, "to_queue", On::Play),
    b(C('v'), Messages, "messages", On::Play),
    Binding {
        also: &[C('o')],
        ..b(Key::Enter, Open, "open", On::Play)
    },
    b(C('i'), Inspect, "inspect", On::Play),
    b(C('a'), Accept, "accept", On::Play),
    b(C('s'), Supplement, "supplement", On::Play),
    b(C('x'), Refuse, "refuse", On::Play),
    b(C('d'), Digitize, "digitize", On::Play),
    b(C('r'), Reuse, "reuse", On::Play),
    b(C('f'), Forward, "forward", On::Play),
    // b: "bàn giao" to the competent commune (v is the full message log).
    b(C('b'), Transfer, "transfer", On::Play),
    b(C('p'), Appraise, "appraise", On::Play),
    b(C('g'), Sign, "sign", On::Play),
    b(C('m'), RequestFee, "request_fee", On::Play),
    b(C('c'), ConfirmPayment, "confirm_payment", On::Play),
    b(C('t'), Return, "return", On::Play),
    b(C('l'), Apologize, "apologize", On::Play),
    b(C('z'), Stop, "stop", On::Play),
    b(C('w'), Wait, "wait", On::Play),
    b(C('n'), NextEvent, "next_event", On::Play),
    b(C('e'), EndDay, "end_day", On::Play),
    b(C('q'), Finish, "finish", On::Play),
    // N: "Nộp bài".
    b(C('N'), Submit, "submit_exam", On::Play),
    Binding {
        also: &[Key::Tab],
        ..b(C('t'), SwitchTab, "timeline", On::Debrief)
    },
    b(C('d'), Details, "details", On::Results),
    b(C('N'), Submit, "submit", On::Debrief),
    b(C('r'), Retry, "retry", On::Debrief),
    b(C('n'), NextSeed, "next_seed", On::Debrief),
    Binding {
        also: &[Key::Esc],
        ..b(C('l'), Library, "library", On::Debrief)
    },
    b(C('q'), Quit, "quit", On::Debrief),
];

/// The command `msg` is in `app`'s state, if it is one.
pub fn command(app: &App, msg: &Msg) -> Option<Cmd> {
    TABLE
        .iter()
        .find(|b| {
            b.on.holds(app) && (b.key.msg() == *msg || b.also.iter().any(|k| k.msg() == *msg))
        })
        .map(|b| b.cmd)
}

/// The row of `cmd` on `screen` (or anywhere).
pub fn binding(screen: Screen, cmd: Cmd) -> Option<&'static Binding> {
    TABLE
        .iter()
        .find(|b| b.cmd == cmd && b.on.screen().is_none_or(|s| s == screen))
}

/// The key of `cmd` on `screen`, as the terminal delivers it.
pub fn key_of(screen: Screen, cmd: Cmd) -> Option<Key> {
    binding(screen, cmd).map(|b| b.key)
}

/// The key's name of `cmd` on `screen`, to put in a sentence ("Nhấn {key}…").
pub fn name_of(screen: Screen, cmd: Cmd) -> String {
    key_of(screen, cmd).map(Key::name).unwrap_or_default()
}

/// `b`'s keys as the help writes them: "Enter hoặc o".
pub fn keys_text(l: motcua_i18n::Lang, b: &Binding) -> String {
    let or = format!(" {} ", motcua_i18n::t!(l, "tui.key.or"));
    std::iter::once(b.key)
        .chain(b.also.iter().copied())
        .map(Key::name)
        .collect::<Vec<_>>()
        .join(&or)
}

/// `b` in the footer: its key and its words.
pub fn footer_text(l: motcua_i18n::Lang, b: &Binding, label: Option<&str>) -> String {
    let label = motcua_i18n::t!(l, &format!("tui.key.{}", label.unwrap_or(b.label)));
    format!("{} {label}", b.key.name())
}

/// `b`'s sentence in the help, its keys in place.
pub fn help_text(l: motcua_i18n::Lang, b: &Binding) -> String {
    motcua_i18n::t!(l, &format!("tui.keyhelp.{}", b.help), key = keys_text(l, b))
}

#[cfg(test)]
mod tests;
