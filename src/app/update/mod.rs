//! The reducer: `update(&mut State, Action) -> Vec<Effect>`. Pure and synchronous: no I/O, no clock,
//! no channels; it is tested without tokio or a terminal.

mod nav;
mod overlay;
mod requests;
mod results;

use super::action::Action;
use super::effect::Effect;
use super::state::{Overlay, State};

pub use requests::{load_pools, open_pool};

/// What the console does first: load the pools.
pub fn init(state: &mut State) -> Vec<Effect> {
    load_pools(state)
}

pub fn update(state: &mut State, action: Action) -> Vec<Effect> {
    match action {
        Action::Tick => {
            state.ticks = state.ticks.wrapping_add(1);
            Vec::new()
        }
        Action::Resize { table_rows } => {
            state.page_rows = table_rows.max(1);
            Vec::new()
        }
        Action::Loaded {
            request,
            payload,
            done,
        } => results::loaded(state, request, payload, done),
        Action::Failed { request, error } => results::failed(state, request, &error),
        Action::Connected(context) => {
            let read_only = state.context.read_only;
            state.context = context;
            state.context.read_only = read_only;
            Vec::new()
        }
        Action::ConnectFailed(error) => {
            state.toast = Some(error.text);
            Vec::new()
        }
        action => {
            state.toast = None;
            if matches!(state.overlay, Overlay::None) {
                nav::handle(state, &action)
            } else {
                overlay::handle(state, &action)
            }
        }
    }
}
#[cfg(test)]
mod tests;
