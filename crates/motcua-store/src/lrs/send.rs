//! Sending the outbox: every waiting statement is posted, in batches, oldest first;
//! what the LRS stored (or already held) is marked sent, the rest stays queued with why.
//! A batch the LRS refuses as a whole is tried one statement at a time, so one rejected
//! statement never holds back the others. Unreachable, refused credentials or no LRS at
//! the address stop the round: nothing else would get through either.

use super::client::{Client, Failure, LrsError, Posted};
use crate::store::outbox::Waiting;
use crate::store::{Store, StoreError};

/// Statements per post.
pub const BATCH: usize = 50;

/// A statement the LRS refused, with its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    pub statement_id: String,
    pub verb: String,
    pub error: LrsError,
}

/// What one round of sending did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SendReport {
    /// Stored by the LRS now.
    pub sent: usize,
    /// The LRS already held them (sent before, the answer lost).
    pub already: usize,
    /// Refused by the LRS; they stay queued.
    pub rejected: Vec<Rejected>,
    /// Why the round stopped early (unreachable, credentials, not an LRS, server).
    pub stopped: Option<LrsError>,
    /// Statements still waiting after the round.
    pub waiting: u64,
}

/// Send every statement waiting in `store`.
pub fn send_waiting(store: &mut Store, client: &Client) -> Result<SendReport, StoreError> {
    let mut report = SendReport::default();
    let queue = store.waiting(usize::MAX)?;
    for batch in queue.chunks(BATCH) {
        let bodies: Vec<&str> = batch.iter().map(|w| w.body.as_str()).collect();
        let rows: Vec<i64> = batch.iter().map(|w| w.row).collect();
        match client.post(&bodies) {
            Ok(Posted::Stored(ids)) => {
                store.mark_sent(&rows)?;
                let new = batch
                    .iter()
                    .filter(|w| ids.contains(&w.statement_id))
                    .count();
                report.sent += new;
                report.already += batch.len() - new;
            }
            Ok(Posted::AlreadyThere) if batch.len() == 1 => {
                store.mark_sent(&rows)?;
                report.already += 1;
            }
            // A conflict somewhere in the batch (or all already there): one at a time,
            // so each is counted for what it is.
            Ok(Posted::AlreadyThere) => singles(store, client, batch, &mut report)?,
            Err(e) if e.failure == Failure::Rejected && batch.len() > 1 => {
                singles(store, client, batch, &mut report)?
            }
            Err(e) if e.failure == Failure::Rejected => {
                reject(store, &batch[0], e, &mut report)?;
            }
            Err(e) => {
                store.mark_failed(&rows, e.failure.key(), &e.detail)?;
                report.stopped = Some(e);
            }
        }
        if report.stopped.is_some() {
            break;
        }
    }
    report.waiting = store.outbox_counts(None)?.waiting;
    Ok(report)
}

fn singles(
    store: &mut Store,
    client: &Client,
    batch: &[Waiting],
    report: &mut SendReport,
) -> Result<(), StoreError> {
    for w in batch {
        match client.post(&[w.body.as_str()]) {
            Ok(Posted::Stored(_)) => {
                store.mark_sent(&[w.row])?;
                report.sent += 1;
            }
            Ok(Posted::AlreadyThere) => {
                store.mark_sent(&[w.row])?;
                report.already += 1;
            }
            Err(e) if e.failure == Failure::Rejected => reject(store, w, e, report)?,
            Err(e) => {
                store.mark_failed(&[w.row], e.failure.key(), &e.detail)?;
                report.stopped = Some(e);
                return Ok(());
            }
        }
    }
    Ok(())
}

fn reject(
    store: &mut Store,
    w: &Waiting,
    e: LrsError,
    report: &mut SendReport,
) -> Result<(), StoreError> {
    store.mark_failed(&[w.row], e.failure.key(), &e.detail)?;
    report.rejected.push(Rejected {
        statement_id: w.statement_id.clone(),
        verb: w.verb.clone(),
        error: e,
    });
    Ok(())
}
