//! Terminal key → `Msg`. Arrows and vi-style keys move; letters are commands or typed text.

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::msg::Msg;

/// The message for a terminal event, if it means anything.
pub fn from_event(event: &Event) -> Option<Msg> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => from_key(*key),
        Event::Resize(w, h) => Some(Msg::Resize(*w, *h)),
        Event::Paste(text) => Some(Msg::Paste(text.clone())),
        _ => None,
    }
}

pub fn from_key(key: KeyEvent) -> Option<Msg> {
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return matches!(key.code, KeyCode::Char('c')).then_some(Msg::Interrupt);
    }
    Some(match key.code {
        KeyCode::Up => Msg::Up,
        KeyCode::Down => Msg::Down,
        KeyCode::Left => Msg::Left,
        KeyCode::Right => Msg::Right,
        KeyCode::Enter => Msg::Enter,
        KeyCode::PageUp => Msg::PageUp,
        KeyCode::PageDown => Msg::PageDown,
        KeyCode::Home => Msg::Home,
        KeyCode::End => Msg::End,
        KeyCode::Esc => Msg::Back,
        KeyCode::Tab | KeyCode::BackTab => Msg::Tab,
        KeyCode::Backspace => Msg::Backspace,
        KeyCode::F(1) => Msg::Help,
        KeyCode::Char(' ') => Msg::Space,
        KeyCode::Char(c) => Msg::Char(c),
        _ => return None,
    })
}
