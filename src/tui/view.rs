//! Drawing: `render(&App, &mut Frame)`; one screen or region per file.

pub mod boxed;
pub mod briefing;
pub mod confirm;
pub mod debrief;
pub mod document;
pub mod form;
pub mod header;
pub mod help;
pub mod keys;
pub mod library;
pub mod lines;
pub mod notes;
pub mod pane;
pub mod play;
pub mod queue;
pub mod timeline;
pub mod welcome;

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::app::{App, Screen};
use motcua_i18n::t;

/// The smallest terminal the screens are designed for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(app, frame, area);
        return;
    }
    match app.screen {
        Screen::Welcome => welcome::render(app, frame, area),
        Screen::Library => library::render(app, frame, area),
        Screen::Briefing => briefing::render(app, frame, area),
        Screen::Play => play::render(app, frame, area),
        Screen::Debrief => debrief::render(app, frame, area),
    }
    if app.help {
        help::render(app, frame, area);
    }
    if let Some(resume) = &app.resume
        && app.screen == Screen::Library
    {
        let text = match resume.other_world {
            Some(world) => t!(
                app.lang,
                "tui.resume.other_world",
                title = resume.title,
                actions = resume.actions,
                world = world
            ),
            None => t!(
                app.lang,
                "tui.resume.text",
                title = resume.title,
                actions = resume.actions
            ),
        };
        dialog(app, frame, area, &t!(app.lang, "tui.resume.title"), &text);
    }
    confirm::render(app, frame, area);
    if let Some(error) = &app.store_error {
        dialog(app, frame, area, &t!(app.lang, "tui.store_error"), error);
    }
}

/// A message box in the middle of the screen.
fn dialog(app: &App, frame: &mut Frame, area: Rect, title: &str, text: &str) {
    let rect = centered(area, 70, 7);
    frame.render_widget(ratatui::widgets::Clear, rect);
    let block = ratatui::widgets::Block::bordered()
        .title(Line::styled(format!(" {title} "), app.theme.title()));
    let p = Paragraph::new(text.to_string())
        .block(block)
        .wrap(Wrap { trim: true });
    frame.render_widget(p, rect);
}

fn too_small(app: &App, frame: &mut Frame, area: Rect) {
    let text = t!(
        app.lang,
        "tui.too_small",
        width = area.width,
        height = area.height,
        min_width = MIN_WIDTH,
        min_height = MIN_HEIGHT
    );
    let p = Paragraph::new(Line::from(text)).wrap(Wrap { trim: true });
    frame.render_widget(p, area);
}

/// A box of `width` × `height` cells in the middle of `area` (clamped to it).
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    cell
}
