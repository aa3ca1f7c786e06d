//! The terminal UI: a thin shell over the session. key → `Msg` → `update` →
//! `view::render(&App)`; effects (apply an action, quit) run in the loop, so a
//! store can commit each action before the session applies it.

pub mod app;
pub mod bindings;
pub mod catalog;
pub mod events;
pub mod forms;
pub mod keymap;
pub mod msg;
pub mod persist;
pub mod queue;
pub mod roster_pick;
pub mod run;
pub mod scroll;
pub mod submit;
pub mod text;
pub mod theme;
pub mod update;
pub mod view;

pub use app::{App, DebriefTab, Mode, Screen};
pub use msg::{Effect, Msg};
pub use run::run;
