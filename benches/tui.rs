//! Drawing one frame of the play screen at 120×40 with 1,000 dossiers in the queue,
//! beside its floor (a bare ratatui `Table` of the same rows in the same terminal),
//! and the debrief's timeline of those dossiers. Run: `cargo bench --bench tui`
//! (ratios printed at the end).

mod floor;

use std::hint::black_box;

use criterion::Criterion;
use motcua::tui::app::{App, DebriefTab, Screen};
use motcua::tui::theme::Theme;
use motcua::tui::view;
use motcua_core::scenario::{self, builtin};
use motcua_core::session::{Action, Session};
use motcua_i18n::Lang;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Constraint;
use ratatui::widgets::{Block, Row, Table};

// The same allocator as the binary, so the figures are the program's (src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const GROUP: &str = "tui";

fn busy_app() -> App {
    let (file, text) = builtin::FILES[0];
    let mut s = scenario::load_str(file, text).expect("built-in loads");
    s.dossiers.count = 1_100;
    s.meta.working_days = 30;
    let mut session = Session::new(&s, 1);
    for _ in 0..29 {
        session.step(Action::EndDay).expect("end day");
    }
    let queued = session.queue().count();
    assert!(queued >= 1_000, "only {queued} dossiers queued");
    let first = session
        .queue()
        .next()
        .map(|(d, _)| d.code.clone())
        .expect("a dossier");
    session.step(Action::Open { dossier: first }).expect("open");
    let mut app = App::new(Lang::Vi, Theme { color: true }, Vec::new());
    app.session = Some(session);
    app.refresh_queue();
    app.screen = Screen::Play;
    app.play.queue_sel = 500;
    app
}

/// Criterion's timing of drawing `app` at 120×40 as `name`.
fn draw(c: &mut Criterion, name: &str, app: &App) {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let mut group = c.benchmark_group(GROUP);
    group.bench_function(name, |b| {
        b.iter(|| {
            terminal
                .draw(|f| view::render(black_box(app), f))
                .expect("draws");
        })
    });
    group.finish();
}

/// The floor: the queue's rows as plain text cells (code, channel, status) in a bare
/// ratatui `Table`.
fn bare_table(c: &mut Criterion, app: &App) {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let session = app.session.as_ref().expect("session");
    let rows: Vec<[String; 3]> = session
        .arrived()
        .map(|(i, p, st)| {
            [
                session.code(i).to_string(),
                p.channel.key().to_string(),
                format!("{:?}", st.status()),
            ]
        })
        .collect();
    let mut group = c.benchmark_group(GROUP);
    group.bench_function("bare_table_1000_rows", |b| {
        b.iter(|| {
            terminal
                .draw(|f| {
                    let table = Table::new(
                        rows.iter().map(|r| Row::new(r.iter().map(String::as_str))),
                        [
                            Constraint::Length(26),
                            Constraint::Length(8),
                            Constraint::Min(10),
                        ],
                    )
                    .block(Block::bordered());
                    f.render_widget(table, f.area());
                })
                .expect("draws");
        })
    });
    group.finish();
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    let app = busy_app();
    draw(&mut c, "play_frame_120x40_1000_queued", &app);
    bare_table(&mut c, &app);
    // The debrief's timeline tab over the same 1,000 dossiers: its rows are built once
    // with the debrief (`App::finish`), a frame lays out only those in view.
    let mut debrief = busy_app();
    debrief.finish();
    debrief.debrief_tab = DebriefTab::Timeline;
    draw(&mut c, "timeline_frame_120x40_1000_dossiers", &debrief);
    c.final_summary();
    floor::print_ratios(
        GROUP,
        &[
            ("play_frame_120x40_1000_queued", "bare_table_1000_rows"),
            (
                "timeline_frame_120x40_1000_dossiers",
                "bare_table_1000_rows",
            ),
        ],
    );
}
