//! The layout of docs/generator.md written again from the documentation alone, for
//! `tests/it/generate_layout.rs` and `tests/it/generate_documents_layout.rs`: no generator
//! code is called, only the data tables are read (as data).
#![allow(dead_code)]

pub mod birth;
pub mod business;
pub mod cast;
pub mod marriage;
pub mod papers;
pub mod people;
pub mod places;
pub mod stream;
pub mod tables;
pub mod typo;
