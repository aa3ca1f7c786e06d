//! Welcome: the trainee's name, the language, the mode.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::super::app::{App, Mode};
use super::super::text;
use super::super::update::NAME_MAX;
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
    // The field shows the end of a long name, where the typing is.
    let room = usize::from(box_area.width.saturating_sub(2 + 2 + 14 + 1));
    let name = text::truncate_start(&app.welcome.name, room);
    let name = if app.welcome.field == 0 {
        format!("{name}▏")
    } else {
        name.into_owned()
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
        Line::styled(
            format!(
                "{}{}",
                " ".repeat(16),
                t!(
                    l,
                    "tui.welcome.name_limit",
                    n = app.welcome.name.chars().count(),
                    max = NAME_MAX
                )
            ),
            th.dim(),
        ),
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
