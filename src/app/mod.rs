//! The console's core: State, Action, Effect, the pure reducer, and the pieces it is built from.

pub mod action;
pub mod bulk;
pub mod detail;
pub mod devices;
pub mod dialog;
pub mod effect;
pub mod field;
pub mod form;
pub mod journal;
pub mod keymap;
pub mod menu;
pub mod palette;
pub mod pane;
pub mod panes;
pub mod remote;
pub mod rows;
pub mod state;
pub mod table;
pub mod text;
pub mod update;
pub mod user_fields;
pub mod user_forms;
pub mod user_ops;
pub mod worker;

pub use action::{Action, InputKey, Payload};
pub use effect::{ApiCall, Effect};
pub use state::State;
pub use update::{init, update};
