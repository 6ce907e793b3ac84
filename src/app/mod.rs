//! The console's core: State, Action, Effect, the pure reducer, and the pieces it is built from.

pub mod action;
pub mod detail;
pub mod effect;
pub mod keymap;
pub mod palette;
pub mod remote;
pub mod rows;
pub mod state;
pub mod table;
mod text;
pub mod update;
pub mod worker;

pub use action::{Action, InputKey, Payload};
pub use effect::{ApiCall, Effect};
pub use state::State;
pub use update::{init, update};
