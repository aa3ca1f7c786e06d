//! Apps to drive without a terminal, and a frame drawn on ratatui's TestBackend.
#![allow(dead_code)]

use motcua::tui::run::{Options, app};
use motcua::tui::theme::Theme;
use motcua::tui::{App, view};
use motcua_i18n::Lang;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// One frame of `app` at `width` × `height`, as text.
pub fn draw(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal.draw(|f| view::render(app, f)).expect("draws");
    terminal.backend().to_string()
}

/// The welcome screen, without colours.
pub fn fresh(lang: Lang) -> App {
    let mut a = app(&Options {
        lang,
        ..Options::default()
    });
    a.theme = Theme { color: false };
    a
}

/// Straight into a built-in scenario, as `motcua play ID --trainee NAME` does.
pub fn playing(lang: Lang, id: &str) -> App {
    let mut a = app(&Options {
        lang,
        scenario: Some(id.into()),
        trainee: Some("Nguyễn Văn An".into()),
        ..Options::default()
    });
    a.theme = Theme { color: false };
    a
}
