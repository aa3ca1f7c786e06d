//! The debrief's timeline tab (`t`): the dates along the top, one row per dossier
//! (its code, its bar across the working days, on time or late by how much), the
//! legend at the bottom. The rows and their words are built once when the debrief
//! is made (`Prepared`); a frame lays out only the rows in view. A long period is
//! compressed to the width (several days a cell, said in the title), never scrolled
//! sideways: the whole period stays in view.

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::App;
use super::super::text;
use super::super::theme::Theme;
use super::boxed::Boxed;
use super::pane;
use crate::present::debrief::timeline::{Mark, Row, Scale, Timeline, Verdict};
use crate::present::labels;
use motcua_i18n::Lang;
use motcua_i18n::t;

/// At most this share of the width for the dossier codes; a longer code keeps its
/// end (the serial number), cut at the start with "…".
const CODE_SHARE: usize = 4;

/// The timeline with each row's words, ready to draw.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub timeline: Timeline,
    /// What each row says at its right, in row order.
    pub verdicts: Vec<String>,
    code_width: usize,
    verdict_width: usize,
}

impl Prepared {
    pub fn new(lang: Lang, timeline: Timeline) -> Prepared {
        let verdicts: Vec<String> = timeline
            .rows
            .iter()
            .map(|r| verdict(lang, r.verdict, timeline.day_minutes))
            .collect();
        let widest = |it: &mut dyn Iterator<Item = usize>| it.max().unwrap_or(0);
        Prepared {
            code_width: widest(&mut timeline.rows.iter().map(|r| text::width(&r.code))),
            verdict_width: widest(&mut verdicts.iter().map(|v| text::width(v))),
            verdicts,
            timeline,
        }
    }

    /// The codes' width and the scale for rows `width` cells wide.
    pub fn layout(&self, width: usize) -> (usize, Scale) {
        let code = self.code_width.min((width / CODE_SHARE).max(8));
        let bar = width.saturating_sub(code + self.verdict_width + 2);
        (code, Scale::fit(self.timeline.days.len(), bar.max(1)))
    }

    fn marks(&self, row: &Row, scale: Scale) -> Vec<Mark> {
        row.marks(scale, self.timeline.days.len())
    }
}

/// The words at a row's right: on time, late by how much of office time, the clock
/// still running, or no clock.
pub fn verdict(lang: Lang, v: Verdict, day_minutes: u64) -> String {
    match v {
        Verdict::OnTime => t!(lang, "tui.timeline.on_time"),
        Verdict::Late { minutes, open } => {
            let time = labels::office_time(lang, minutes, day_minutes);
            let key = if open {
                "tui.timeline.late_open"
            } else {
                "tui.timeline.late"
            };
            t!(lang, key, time = time)
        }
        Verdict::Running => t!(lang, "tui.timeline.running"),
        Verdict::NoClock => t!(lang, "tui.timeline.no_clock"),
    }
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let l = app.lang;
    let Some(p) = &app.timeline else {
        return;
    };
    let width = usize::from(area.width.saturating_sub(2));
    let (code_width, scale) = p.layout(width);
    let legend = legend(l, width);
    let title = format!(
        " {} — {} ",
        t!(l, "tui.timeline.title"),
        scale_words(l, scale)
    );
    let block = Boxed::bordered().title(Line::styled(title, app.theme.title()));
    let inner = block.inner(area);
    let legend_height = u16::try_from(legend.len()).unwrap_or(1);
    let [dates, rows_area, legend_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(legend_height),
    ])
    .areas(inner);
    let page = usize::from(rows_area.height);
    let total = p.timeline.rows.len();
    let at = app.timeline_scroll.show(total, page, None);
    let block = pane::markers(app, block, at > 0, at + page < total);
    frame.render_widget(block, area);
    let header = format!("{} {}", " ".repeat(code_width), date_line(p, scale));
    frame.render_widget(
        Paragraph::new(Line::styled(
            text::truncate(&header, width),
            app.theme.strong(),
        )),
        dates,
    );
    let lines: Vec<Line> = if total == 0 {
        vec![Line::styled(t!(l, "tui.timeline.empty"), app.theme.dim())]
    } else {
        (at..total.min(at + page))
            .map(|i| row_line(&app.theme, p, i, (code_width, scale)))
            .collect()
    };
    frame.render_widget(Paragraph::new(lines), rows_area);
    let legend: Vec<Line> = legend
        .into_iter()
        .map(|s| Line::styled(s, app.theme.dim()))
        .collect();
    frame.render_widget(Paragraph::new(legend), legend_area);
}

/// One dossier: its code, its bar in runs of one style, its verdict.
fn row_line<'a>(th: &Theme, p: &'a Prepared, i: usize, layout: (usize, Scale)) -> Line<'a> {
    let (code_width, scale) = layout;
    let row = &p.timeline.rows[i];
    let code = text::truncate_start(&row.code, code_width);
    let pad = code_width.saturating_sub(text::width(&code));
    let mut spans = vec![Span::raw(format!("{code}{} ", " ".repeat(pad)))];
    let mut run = String::new();
    let mut run_style = Style::new();
    for mark in p.marks(row, scale) {
        let style = mark_style(th, mark, row.verdict);
        if style != run_style && !run.is_empty() {
            spans.push(Span::styled(std::mem::take(&mut run), run_style));
        }
        run_style = style;
        run.push(mark.symbol());
    }
    spans.push(Span::styled(run, run_style));
    spans.push(Span::styled(
        format!(" {}", p.verdicts[i]),
        verdict_style(th, row.verdict),
    ));
    Line::from(spans)
}

/// On time green, late red, waits dim; the symbols carry the meaning without colour.
fn mark_style(th: &Theme, mark: Mark, v: Verdict) -> Style {
    match mark {
        Mark::Blank => Style::new(),
        Mark::Queued | Mark::Waiting => th.dim(),
        Mark::Overdue | Mark::EndLate => th.bad(),
        Mark::EndOnTime => th.ok(),
        Mark::Closed => th.label(),
        Mark::Arrival | Mark::Acceptance | Mark::Running | Mark::Due | Mark::DueLater => {
            verdict_style(th, v)
        }
    }
}

fn verdict_style(th: &Theme, v: Verdict) -> Style {
    match v {
        Verdict::OnTime => th.ok(),
        Verdict::Late { .. } => th.bad(),
        Verdict::Running | Verdict::NoClock => th.label(),
    }
}

/// The first day of each cell that starts one, where its date fits.
fn date_line(p: &Prepared, scale: Scale) -> String {
    let days = &p.timeline.days;
    let spans_years = days.first().map(|d| d.year()) != days.last().map(|d| d.year());
    let format = if spans_years { "%m/%Y" } else { "%d/%m" };
    let mut line = String::new();
    for (i, day) in days.iter().enumerate().step_by(scale.days_per_cell) {
        let col = scale.column(i as f64);
        let used = text::width(&line);
        if col < used || (used > 0 && col == used) {
            continue;
        }
        line.push_str(&" ".repeat(col - used));
        line.push_str(&day.format(format).to_string());
    }
    line
}

fn scale_words(lang: Lang, scale: Scale) -> String {
    if scale.days_per_cell > 1 {
        t!(lang, "tui.timeline.scale_days", n = scale.days_per_cell)
    } else {
        t!(lang, "tui.timeline.scale_cells", n = scale.cells_per_day)
    }
}

/// "○ đến   · chờ tiếp nhận   …", broken between items to fit `width`.
fn legend(lang: Lang, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for mark in Mark::LEGEND {
        let item = format!(
            "{} {}",
            mark.symbol(),
            t!(lang, &format!("tui.timeline.mark.{}", mark.key()))
        );
        match lines.last_mut() {
            Some(line) if text::width(line) + 3 + text::width(&item) <= width => {
                line.push_str("   ");
                line.push_str(&item);
            }
            _ => lines.push(text::truncate(&item, width).into_owned()),
        }
    }
    lines
}
