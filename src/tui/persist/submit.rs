//! "Nộp bài" on the store's side: an exam attempt handed in before its end is closed
//! unfinished (its `terminated` record queued in the same transaction), then the
//! attempt's bundle (the format `motcua export` writes, the scenario text included)
//! goes into the submit folder under a name of its own, and the LRS sender is woken.
//! Nothing here waits on the network: the sender sends on its own thread.
//!
//! The file name is the trainee's name without diacritics, the scenario, the attempt's
//! number in this database and 8 hex digits of its registration (the id every learning
//! record of the attempt shares): thirty laptops writing into one shared folder never
//! collide, and the same attempt always has the same name, so submitting it again
//! finds its file there and never writes a second one.

use std::io::Write;
use std::path::{Path, PathBuf};

use motcua_i18n::t;
use motcua_store::export::bundle::{self, WriteError};
use motcua_store::export::xapi::ids;
use motcua_store::store::{AttemptInfo, Filter, Status, Store};

use super::super::app::{App, Tone};
use super::super::submit::AttemptRow;
use super::Persist;

/// What a submit did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handed {
    pub path: PathBuf,
    /// `false`: the file was there already (submitted before); it was left as it is.
    pub new: bool,
    pub unfinished: bool,
}

/// Lower-case ASCII, diacritics dropped, runs of anything else one `-`, at most 40.
pub fn slug(text: &str) -> String {
    let folded = motcua_core::generate::places::fold_ascii(text);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let cut: String = out.chars().take(40).collect();
    cut.trim_end_matches('-').to_string()
}

/// The attempt's file name in the submit folder (see the module's header).
pub fn file_name(info: &AttemptInfo) -> String {
    let registration = ids::of_attempt(info);
    let short: String = registration.simple().to_string().chars().take(8).collect();
    let who = match slug(&info.trainee) {
        s if s.is_empty() => "hoc-vien".to_string(),
        s => s,
    };
    format!("{who}-{}-{}-{short}.json", slug(&info.scenario), info.id.0)
}

/// Where submitted files go: the workshop's folder, else the current directory.
pub fn folder_of(app: &App) -> PathBuf {
    app.submit
        .folder
        .clone()
        .unwrap_or_else(|| std::env::current_dir().unwrap_or_default())
}

/// Write the attempt's bundle into `folder` (made when missing), unless its file is
/// there already. Written beside under a temporary name, then renamed: whoever reads
/// the folder never sees half a file.
pub fn write_file(store: &Store, info: &AttemptInfo, folder: &Path) -> Result<Handed, String> {
    let unfinished = info.status != Status::Finished;
    std::fs::create_dir_all(folder).map_err(|e| e.to_string())?;
    let name = file_name(info);
    let path = folder.join(&name);
    if path.exists() {
        return Ok(Handed {
            path,
            new: false,
            unfinished,
        });
    }
    let part = folder.join(format!(".{name}.{}.part", std::process::id()));
    let written = std::fs::File::create(&part)
        .map_err(WriteError::Io)
        .and_then(|mut file| {
            bundle::write_attempt(store, info.id, &mut file)?;
            file.flush().map_err(WriteError::Io)?;
            file.sync_all().map_err(WriteError::Io)
        })
        .and_then(|()| std::fs::rename(&part, &path).map_err(WriteError::Io));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&part);
        return Err(match e {
            WriteError::Io(e) => e.to_string(),
            WriteError::Store(e) => e.to_string(),
        });
    }
    Ok(Handed {
        path,
        new: true,
        unfinished,
    })
}

impl Persist {
    /// Hand in the attempt on screen; what it did is said on the screen.
    pub fn submit(&mut self, app: &mut App) {
        let said = match self.hand_in(app) {
            Ok(h) => (Tone::Good, handed_text(app, &h)),
            Err(e) => (Tone::Bad, e),
        };
        app.submit.said = Some(said);
    }

    fn hand_in(&mut self, app: &mut App) -> Result<Handed, String> {
        let l = app.lang;
        let Some(attempt) = self.attempt else {
            return Err(t!(l, "tui.submit.nothing"));
        };
        // A finished attempt's score is kept first (the loop does it after each key).
        self.after(app)?;
        if let Some(session) = app.session.as_ref().filter(|s| !s.is_over())
            && !self.finished
        {
            let journal = &self.journal;
            self.store
                .abandon_attempt_queued(attempt, |at| journal.terminated(session, at))
                .map_err(|e| crate::present::store_error::render(l, &e))?;
            self.finished = true;
        }
        let info = self
            .store
            .attempt(attempt)
            .map_err(|e| crate::present::store_error::render(l, &e))?;
        let folder = folder_of(app);
        let handed = write_file(&self.store, &info, &folder).map_err(|error| {
            t!(
                l,
                "tui.submit.failed",
                folder = folder.display(),
                error = error,
                key = crate::tui::bindings::name_of(
                    crate::tui::Screen::Debrief,
                    crate::tui::bindings::Cmd::Submit
                )
            )
        })?;
        // Its records are queued (with each commit): send them now.
        self.queued();
        Ok(handed)
    }

    /// The trainee's attempts of the selected scenario, newest first, for the library.
    pub(super) fn records(&self, app: &App) -> Vec<AttemptRow> {
        let name = &app.welcome.name;
        let Some(Ok(scenario)) = app.selected_entry().map(|e| &e.loaded) else {
            return Vec::new();
        };
        let filter = Filter {
            trainees: vec![name.clone()],
            scenarios: vec![scenario.meta.id.clone()],
            ..Filter::default()
        };
        let Ok(mut infos) = self.store.attempts(&filter) else {
            return Vec::new();
        };
        infos.sort_by(|a, b| b.started_at.cmp(&a.started_at).then(b.id.cmp(&a.id)));
        infos.truncate(super::super::view::library::ATTEMPTS_SHOWN);
        let counts = self.store.records_by_attempt(name).unwrap_or_default();
        let failure = self
            .store
            .outbox_counts(Some(name))
            .ok()
            .and_then(|c| c.last_failure)
            .map(|f| f.failure);
        let folder = folder_of(app);
        infos
            .iter()
            .map(|info| {
                let c = counts.get(&info.id.0).copied().unwrap_or_default();
                AttemptRow {
                    id: info.id.0,
                    mode: info.mode,
                    status: info.status,
                    total: info.total,
                    started_at: info.started_at,
                    waiting: c.waiting,
                    sent: c.sent,
                    failure: (c.waiting > 0).then(|| failure.clone()).flatten(),
                    submitted: folder.join(file_name(info)).exists(),
                }
            })
            .collect()
    }
}

/// What a submit did, one paragraph a line: the outcome, the file, where else it goes.
fn handed_text(app: &App, h: &Handed) -> String {
    let l = app.lang;
    let headline = match (h.new, h.unfinished) {
        (false, _) => t!(l, "tui.submit.already"),
        (true, true) => t!(l, "tui.submit.done_unfinished"),
        (true, false) => t!(l, "tui.submit.done"),
    };
    let mut lines = vec![headline, h.path.display().to_string()];
    if app.submit.folder.is_none() {
        lines.push(t!(l, "tui.submit.no_workshop"));
    }
    lines.push(if app.submit.lrs {
        t!(l, "tui.submit.lrs_on")
    } else {
        t!(l, "tui.submit.lrs_off")
    });
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_their_diacritics_and_nothing_else() {
        assert_eq!(slug("Nguyễn Văn An"), "nguyen-van-an");
        assert_eq!(slug("Đỗ Thu Hà / tổ 2"), "do-thu-ha-to-2");
        assert_eq!(slug("../.."), "");
        assert_eq!(slug(&"ă".repeat(60)).len(), 40);
    }
}
