//! The reducer: `update(&mut State, Action) -> Vec<Effect>`. Pure and synchronous: no I/O, no clock,
//! no channels; it is tested without tokio or a terminal.

pub(crate) mod requests;
pub(crate) mod results;

use crate::app::action::Action;
use crate::app::effect::Effect;
use crate::app::state::{Overlay, State};

pub use requests::{load_pools, open_pool};

/// What the console does first: load the pools.
pub fn init(state: &mut State) -> Vec<Effect> {
    load_pools(state)
}

pub fn update(state: &mut State, action: Action) -> Vec<Effect> {
    let effects = reduce(state, action);
    // A cancelled request never answers: its retry note and its progress go with it.
    for effect in &effects {
        if let Effect::Cancel(request) = effect {
            state.retrying.remove(request);
            super::users::index::ended(state, *request, None);
        }
    }
    effects
}

fn reduce(state: &mut State, action: Action) -> Vec<Effect> {
    match action {
        Action::Tick => {
            state.ticks = state.ticks.wrapping_add(1);
            Vec::new()
        }
        Action::Clock(now) => {
            state.now = Some(now);
            Vec::new()
        }
        Action::Progress { request, progress } => {
            super::users::index::progressed(state, request, progress);
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
        } => {
            state.retrying.remove(&request);
            results::loaded(state, request, payload, done)
        }
        Action::Failed { request, error } => {
            state.retrying.remove(&request);
            results::failed(state, request, &error)
        }
        Action::Retrying { request, notice } => {
            state.retrying.insert(request, notice);
            Vec::new()
        }
        Action::BulkStep {
            request,
            user,
            error,
        } => {
            state.retrying.remove(&request);
            super::users::bulk_update::step(state, request, user, error);
            Vec::new()
        }
        Action::Connected(context) => {
            let read_only = state.context.read_only;
            state.context = context;
            state.context.read_only = read_only;
            Vec::new()
        }
        Action::Edited { request, outcome } => {
            crate::app::admin::update::edited(state, request, outcome)
        }
        Action::ConnectFailed(error) => {
            state.toast = Some(error.text);
            Vec::new()
        }
        action => {
            state.toast = None;
            if matches!(state.overlay, Overlay::None) {
                super::browse::nav::handle(state, &action)
            } else {
                super::input::overlay::handle(state, &action)
            }
        }
    }
}
#[cfg(test)]
mod tests_faults;
#[cfg(test)]
pub(crate) mod tests_support;
