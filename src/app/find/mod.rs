//! `:find NEEDLE`: a person in every pool of the console's profile and region (the search is
//! `shared::find`, which `users find` shares), the hits in an overlay; Enter opens the chosen
//! user's detail in their pool.

#[cfg(test)]
mod tests;

use crate::app::action::InputKey;
use crate::app::effect::{ApiCall, Effect, Read};
use crate::app::remote::{Remote, RequestId};
use crate::app::state::{Overlay, State, Tab};
use crate::shared::find::{FindReport, Needle};

#[derive(Debug, Clone, PartialEq)]
pub struct FindView {
    /// What was typed after `:find`.
    pub needle: Needle,
    pub report: Remote<FindReport>,
    /// The highlighted hit.
    pub selected: usize,
}

/// Starts a search and shows the overlay it answers in.
pub fn open(state: &mut State, text: &str) -> Vec<Effect> {
    let needle = Needle::classify(text);
    let request = state.request_id();
    state.overlay = Overlay::Find(Box::new(FindView {
        needle: needle.clone(),
        report: Remote::Loading(request),
        selected: 0,
    }));
    vec![Effect::Api {
        request,
        call: ApiCall::Read(Read::FindUser(needle)),
    }]
}

/// The search's answer, if the overlay still waits for it.
pub fn landed(state: &mut State, request: RequestId, report: FindReport) {
    if let Overlay::Find(view) = &mut state.overlay {
        view.report.land(request, report);
    }
}

pub fn key(state: &mut State, mut view: FindView, key: InputKey) -> Vec<Effect> {
    let hits = view.report.loaded().map_or(0, |r| r.hits.len());
    match key {
        InputKey::Cancel => {
            return match view.report {
                Remote::Loading(request) => vec![Effect::Cancel(request)],
                _ => Vec::new(),
            };
        }
        InputKey::Up => view.selected = view.selected.saturating_sub(1),
        InputKey::Down => view.selected = (view.selected + 1).min(hits.saturating_sub(1)),
        InputKey::Submit => {
            if let Some(hit) = view.report.loaded().and_then(|r| r.hits.get(view.selected)) {
                let (pool, name, user) = (
                    hit.user_pool_id.clone(),
                    hit.pool_name.clone(),
                    hit.username.clone(),
                );
                let mut effects = crate::app::update::requests::open_pool(state, pool, name);
                effects.extend(crate::app::browse::nav::describe(state, Tab::Users, user));
                return effects;
            }
        }
        _ => {}
    }
    state.overlay = Overlay::Find(Box::new(view));
    Vec::new()
}
