//! The store as the TUI uses it: attempts, their logs, resume, finish, progress, and
//! the bad states of a database file (locked, read-only, newer, damaged, foreign).

mod attempts;
mod bad_files;
mod logs;

const ID: &str = "khai-sinh-co-ban";
