//! The instructor's class view (`motcua class`, docs/workshop.md "After the workshop"):
//! every attempt a source holds (the local store with its imported bundles, or a
//! Learning Record Store) as a [`claim::Claim`], re-scored by replay before it counts
//! (`verify`), then tallied per trainee, per scenario and per misconception with the
//! suspect attempts and the refused ones named (`tally`), against a roster when one
//! is given (`roster`, matched by name and id in `attend`), for the trainees asked for (`pick`). `workshop` is the file a workshop hands to every laptop.

pub mod attend;
pub mod claim;
pub mod from_lrs;
pub mod from_store;
pub mod misses;
pub mod pick;
pub mod roster;
pub mod suspect;
pub mod tally;
pub mod verify;
pub mod workshop;

pub use claim::{Claim, Claimed, Evidence, Pace};
pub use roster::{Roster, RosterEntry, RosterError};
pub use tally::{ClassReport, Selection};
pub use verify::{Refusal, Verdict};
pub use workshop::{Exam, Workshop, WorkshopError};
