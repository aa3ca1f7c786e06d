//! "Nộp bài" (Submit): what the screens know of it. During an exam it is offered at any
//! moment (after a confirmation: the attempt ends and cannot be continued); after any
//! debrief at once. The writing itself (the attempt's bundle into the workshop's submit
//! folder, the learning records woken for the LRS) is `persist::submit`'s.
//! The library shows, per attempt, where its records and its file stand (`AttemptRow`).

use std::path::PathBuf;

use chrono::{DateTime, Utc};

use super::app::{App, Mode, Screen, Tone};
use super::bindings::{self, Cmd};
use super::msg::Effect;
use motcua_i18n::Lang;
use motcua_i18n::t;
use motcua_store::store::Status;

/// The submit state of the training screen.
#[derive(Debug, Clone, Default)]
pub struct Submit {
    /// The workshop's submit folder; `None`: no workshop file, the current directory.
    pub folder: Option<PathBuf>,
    /// An LRS is configured: the records of a submitted attempt go there too.
    pub lrs: bool,
    /// The exam's "hand in now?" dialog is open.
    pub confirm: bool,
    /// What the last submit did, shown until the next key.
    pub said: Option<(Tone, String)>,
}

/// The play screen's submit key: the exam asks first; practice says where it is.
pub fn on_play(app: &mut App) {
    if app.mode == Mode::Exam {
        app.submit.confirm = true;
    } else {
        app.note(
            Tone::Info,
            None,
            t!(
                app.lang,
                "tui.submit.practice_later",
                key = bindings::name_of(Screen::Debrief, Cmd::Submit),
                finish = bindings::name_of(Screen::Play, Cmd::Finish)
            ),
        );
    }
}

/// The answer to the exam's confirmation: `y` or Enter hands in, any other key goes on.
pub fn on_confirm(app: &mut App, yes: bool) -> Option<Effect> {
    app.submit.confirm = false;
    yes.then_some(Effect::Submit)
}

/// Whether the debrief on screen can be submitted (an attempt is behind it).
pub fn can_submit(app: &App) -> bool {
    app.screen == Screen::Debrief && app.session.is_some()
}

/// One attempt of the trainee as the library shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct AttemptRow {
    pub id: i64,
    pub mode: Mode,
    pub status: Status,
    pub total: Option<f64>,
    pub started_at: DateTime<Utc>,
    /// Learning records waiting for the LRS, and sent.
    pub waiting: u64,
    pub sent: u64,
    /// Why the trainee's last send failed (`lrs::Failure::key`), while records wait.
    pub failure: Option<String>,
    /// Its file is in the submit folder.
    pub submitted: bool,
}

/// Where an attempt's learning records stand, in words.
pub fn records_text(l: Lang, row: &AttemptRow) -> String {
    if row.waiting > 0 {
        let why = match row.failure.as_deref() {
            Some(key) => t!(l, &format!("tui.records.failure.{key}")),
            None => t!(l, "tui.records.sending"),
        };
        t!(l, "tui.records.queued", n = row.waiting, why = why)
    } else if row.sent > 0 {
        t!(l, "tui.records.sent")
    } else {
        t!(l, "tui.records.not_sent")
    }
}

/// One line of the library for an attempt: number, mode, score or state, records,
/// file.
pub fn row_text(l: Lang, row: &AttemptRow) -> String {
    let mode = match row.mode {
        Mode::Practice => t!(l, "tui.mode.practice"),
        Mode::Exam => t!(l, "tui.mode.exam"),
    };
    let score = match (row.status, row.total) {
        (Status::Finished, Some(total)) => crate::present::labels::points(l, total),
        (Status::Open, _) => t!(l, "tui.records.open"),
        _ => t!(l, "tui.records.unfinished"),
    };
    let file = if row.submitted {
        t!(l, "tui.records.submitted")
    } else {
        t!(l, "tui.records.not_submitted")
    };
    let when = row
        .started_at
        .with_timezone(&motcua_store::export::summary::vietnam())
        .format("%d/%m %H:%M");
    format!(
        "#{} {when} · {mode} · {score} · {} · {file}",
        row.id,
        records_text(l, row)
    )
}
