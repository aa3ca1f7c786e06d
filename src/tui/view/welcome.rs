//! Welcome: the trainee's name, the language, the mode.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::super::app::{App, Mode};
use super::super::roster_pick::{Kind, Standing};
use super::super::text;
use super::super::update::NAME_MAX;
use super::centered;
use motcua_i18n::Lang;
use motcua_i18n::t;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let th = &app.theme;
    let l = app.lang;
    let roster = roster_lines(app);
    // The box had room for a line or two of the class list already.
    let extra = u16::try_from(roster.len().saturating_sub(2)).unwrap_or(0);
    let box_area = centered(area, 72, 18 + extra);
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
    ];
    lines.extend(roster);
    lines.extend([
        field(1, t!(l, "tui.welcome.language"), lang.to_string()),
        field(2, t!(l, "tui.welcome.mode"), format!("◀ {mode} ▶")),
        Line::raw(""),
    ]);
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

/// With a class list: where the typed name stands, and the names to pick from.
fn roster_lines(app: &App) -> Vec<Line<'static>> {
    let th = &app.theme;
    let l = app.lang;
    let p = &app.welcome.roster;
    if !p.is_on() {
        return Vec::new();
    }
    let name = &app.welcome.name;
    let indent = " ".repeat(16);
    let standing = p.standing(name);
    let status = match &standing {
        Standing::Empty => Line::styled(
            format!(
                "{indent}{}",
                t!(l, "tui.roster.pick_hint", n = p.entries.len())
            ),
            th.key(),
        ),
        Standing::Listed(i) => {
            let text = match &p.entries[*i].id {
                Some(id) => t!(l, "tui.roster.listed_id", id = id),
                None => t!(l, "tui.roster.listed"),
            };
            Line::styled(format!("{indent}✓ {text}"), th.ok())
        }
        Standing::Ambiguous(n) => Line::styled(
            format!("{indent}⚠ {}", t!(l, "tui.roster.ambiguous", n = n)),
            th.warn(),
        ),
        Standing::NotListed | Standing::NoRoster => Line::styled(
            format!("{indent}⚠ {}", t!(l, "tui.roster.not_listed")),
            th.warn(),
        ),
    };
    let mut lines = vec![status];
    let listing = app.welcome.field == 0
        && (p.cursor.is_some() || !matches!(standing, Standing::Listed(_) | Standing::Empty));
    if !listing {
        return lines;
    }
    let (shown, at) = p.window(name);
    for (row, (i, kind)) in shown.into_iter().enumerate() {
        let here = at == Some(row);
        let mut text = format!("{indent}{} {}", if here { "▸" } else { " " }, p.label(i));
        if kind == Kind::Suggestion {
            text.push_str(&format!(" — {}", t!(l, "tui.roster.suggestion")));
        }
        let style = if here { th.selected() } else { th.dim() };
        lines.push(Line::styled(text, style));
    }
    lines
}
