//! A Learning Record Store, from motcua's side: where it is and with which credentials
//! (`config`), a small blocking HTTP client for its statements resource (`client`),
//! sending the store's outbox (`send`), and doing that on a thread of its own so the
//! training screen never waits on the network (`background`). docs/workshop.md says
//! how to run one (Ralph) for a workshop.

pub mod background;
pub mod client;
pub mod config;
pub mod send;

pub use client::{Client, Failure, LrsError};
pub use config::LrsConfig;
pub use send::{SendReport, send_waiting};
