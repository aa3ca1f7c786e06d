//! Welcome: the trainee's name, the language, the mode.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::super::app::{App, Mode};
use super::centered;
use crate::i18n::Lang;
use crate::t;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let th = &app.theme;
    let l = app.lang;
    let box_area = centered(area, 72, 18);
    let field = |i: usize, label: String, value: String| {
        let marker = if app.welcome.field == i { "▶ " } else { "  " };
        let style = if app.welcome.field == i {
            th.selected()
        } else {
            th.strong()
        };
        Line::from(vec![
            Span::raw(marker),
            Span::styled(format!("{label:<14}"), th.label()),
            Span::styled(value, style),
        ])
    };
    let name = if app.welcome.field == 0 {
        format!("{}▏", app.welcome.name)
    } else {
        app.welcome.name.clone()
    };
    let lang = match l {
        Lang::Vi => "◀ Tiếng Việt ▶",
        Lang::En => "◀ English ▶",
    };
    let mode = match app.mode {
        Mode::Practice => t!(l, "tui.mode.practice"),
        Mode::Exam => t!(l, "tui.mode.exam"),
    };
    let mut lines = vec![
        Line::styled(t!(l, "app.tagline"), th.strong()),
        Line::raw(""),
        field(0, t!(l, "tui.welcome.name"), name),
        field(1, t!(l, "tui.welcome.language"), lang.to_string()),
        field(2, t!(l, "tui.welcome.mode"), format!("◀ {mode} ▶")),
        Line::raw(""),
    ];
    if !app.welcome.known.is_empty() {
        let known = app.welcome.known.join(", ");
        lines.push(Line::styled(
            t!(l, "tui.welcome.known", names = known),
            th.dim(),
        ));
    }
    let explain = match app.mode {
        Mode::Practice => t!(l, "tui.mode.practice_explain"),
        Mode::Exam => t!(l, "tui.mode.exam_explain"),
    };
    lines.push(Line::raw(explain));
    lines.push(Line::raw(""));
    lines.push(Line::styled(t!(l, "tui.welcome.keys"), th.key()));
    let block =
        Block::bordered().title(Line::styled(format!(" {} ", t!(l, "app.name")), th.title()));
    let p = Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false });
    frame.render_widget(p, box_area);
}
