//! Drawing one frame of the play screen at 120×40 with 1,000 dossiers in the queue,
//! beside its floor: a bare ratatui `Table` of the same rows in the same terminal.
//! Run: `cargo bench --bench tui`.

mod floor;

use std::hint::black_box;

use criterion::Criterion;
use motcua::i18n::Lang;
use motcua::scenario::{self, builtin};
use motcua::session::{Action, Session};
use motcua::tui::app::{App, Screen};
use motcua::tui::theme::Theme;
use motcua::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Constraint;
use ratatui::widgets::{Block, Row, Table};

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
    app.screen = Screen::Play;
    app.play.queue_sel = 500;
    app
}

fn frame(c: &mut Criterion) {
    let app = busy_app();
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let mut group = c.benchmark_group(GROUP);
    group.bench_function("play_frame_120x40_1000_queued", |b| {
        b.iter(|| {
            terminal
                .draw(|f| view::render(black_box(&app), f))
                .expect("draws");
        })
    });
    // The same rows as plain text cells: code, channel, status.
    let session = app.session.as_ref().expect("session");
    let rows: Vec<[String; 3]> = session
        .arrived()
        .map(|(_, p, st)| {
            [
                p.code.clone(),
                p.channel.key().to_string(),
                format!("{:?}", st.status()),
            ]
        })
        .collect();
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
    frame(&mut c);
    c.final_summary();
    floor::print_ratios(
        GROUP,
        &[("play_frame_120x40_1000_queued", "bare_table_1000_rows")],
    );
}
