//! motcua's records: the SQLite store of attempts, result bundles and their import
//! (with re-scoring by the core), xAPI statements and the LRS they go to, and the
//! workshop's class tallies read from either.

pub mod class;
pub mod export;
pub mod lrs;
pub mod sanitize;
pub mod store;
