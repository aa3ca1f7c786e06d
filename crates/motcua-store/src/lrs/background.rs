//! Sending on a thread of its own, for the training screen: it never waits on the
//! network. The thread opens its own connection to the results database, sends what
//! waits at once (what an earlier run left queued too), then again whenever it is woken
//! (an action or a score was committed) or every `RETRY` while something waits.
//! Its progress is in the outbox itself: the screen reads it from the store.

use std::path::PathBuf;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::time::Duration;

use super::client::Client;
use super::config::LrsConfig;
use super::send::send_waiting;
use crate::store::Store;

/// How often a waiting statement is tried again when nothing new comes.
pub const RETRY: Duration = Duration::from_secs(30);

/// The sending thread's handle: wake it, or let it go with the program.
pub struct Background {
    wake: Sender<()>,
}

impl Background {
    /// Start sending the outbox of the database at `db` to the LRS of `config`.
    pub fn start(db: PathBuf, config: LrsConfig) -> Background {
        let (wake, woken) = mpsc::channel::<()>();
        std::thread::spawn(move || {
            let client = Client::new(config);
            // Its own connection: the screen's never waits for this one's commits
            // longer than the store's busy timeout.
            let Ok(mut store) = Store::open(&db) else {
                return;
            };
            loop {
                let _ = send_waiting(&mut store, &client);
                match woken.recv_timeout(RETRY) {
                    // Several wakes at once are one round.
                    Ok(()) => while woken.try_recv().is_ok() {},
                    Err(RecvTimeoutError::Timeout) => {}
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
        });
        Background { wake }
    }

    /// Something new was queued: send it soon.
    pub fn wake(&self) {
        let _ = self.wake.send(());
    }
}
