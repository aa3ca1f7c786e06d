//! Drawing one frame of the play screen at 120×40 with 1,000 dossiers in the queue
//! (issue 4: under 1 ms), and the debrief's timeline of those dossiers. Run:
//! `cargo bench --bench tui`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use motcua::i18n::Lang;
use motcua::scenario::{self, builtin};
use motcua::session::{Action, Session};
use motcua::tui::app::{App, DebriefTab, Screen};
use motcua::tui::theme::Theme;
use motcua::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn busy_app() -> App {
    let (file, text) = builtin::FILES[0];
    let mut s = scenario::load_str(file, text).expect("built-in loads");
    s.dossiers.count = 1_100;
    s.meta.working_days = 30;
    let mut session = Session::new(&s, 1);
    for _ in 0..29 {
        session.apply(Action::EndDay).expect("end day");
    }
    let queued = session.queue().count();
    assert!(queued >= 1_000, "only {queued} dossiers queued");
    let first = session
        .queue()
        .next()
        .map(|(d, _)| d.code.clone())
        .expect("a dossier");
    session
        .apply(Action::Open { dossier: first })
        .expect("open");
    let mut app = App::new(Lang::Vi, Theme { color: true }, Vec::new());
    app.session = Some(session);
    app.screen = Screen::Play;
    app.play.queue_sel = 500;
    app
}

/// Criterion's timing of drawing `app` at 120×40.
fn draw(c: &mut Criterion, name: &str, app: &App) {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    c.bench_function(name, |b| {
        b.iter(|| {
            terminal
                .draw(|f| view::render(black_box(app), f))
                .expect("draws");
        })
    });
}

fn frame(c: &mut Criterion) {
    draw(c, "tui/play frame 120x40, 1000 dossiers", &busy_app());
}

/// The debrief's timeline tab over the same 1,000 dossiers: its rows are built once
/// with the debrief (`App::finish`), a frame lays out only those in view.
fn timeline_frame(c: &mut Criterion) {
    let mut app = busy_app();
    app.finish();
    app.debrief_tab = DebriefTab::Timeline;
    draw(c, "tui/debrief timeline frame 120x40, 1000 dossiers", &app);
}

criterion_group!(tui, frame, timeline_frame);
criterion_main!(tui);
