//! The console's core: State, Action, Effect, the pure reducer, and the pieces it is built from.

pub mod action;
pub mod admin;
pub mod browse;
pub mod effect;
pub mod find;
pub mod form;
pub mod input;
pub mod remote;
pub mod secret;
pub mod state;
pub mod update;
pub mod users;
pub mod worker;

pub use action::{Action, InputKey, Payload};
pub use effect::{ApiCall, Effect};
pub use state::State;
pub use update::{init, update};
