//! Results from the worker: applied to the slot that awaits their request id; stale ones dropped.

use crate::app::action::Payload;
use crate::app::effect::Effect;
use crate::app::remote::{ErrorInfo, Remote, RequestId};
use crate::app::state::{ListPane, Load, State};
use crate::app::table::Row;

pub fn loaded(state: &mut State, request: RequestId, payload: Payload, done: bool) -> Vec<Effect> {
    let payload = match super::outcomes::loaded(state, request, payload) {
        Ok(effects) => {
            if done {
                super::outcomes::list_done(state, request);
            }
            return effects;
        }
        Err(payload) => payload,
    };
    match payload {
        Payload::Pools(rows) => append(&mut state.pools, request, rows, done),
        Payload::Users(rows) => {
            if let Some(pool) = state.pool.as_mut() {
                let finishes = done && pool.users.load.awaits(request);
                append(&mut pool.users, request, rows, done);
                if finishes && let Some(note) = super::marks::keep_listed(pool) {
                    state.toast = Some(note);
                }
            }
        }
        Payload::Groups(rows) => {
            if let Some(pool) = state.pool.as_mut() {
                append(&mut pool.groups, request, rows, done);
            }
        }
        Payload::Clients(rows) => {
            if let Some(pool) = state.pool.as_mut() {
                append(&mut pool.clients, request, rows, done);
            }
        }
        Payload::Idps(rows) => {
            if let Some(pool) = state.pool.as_mut() {
                append(&mut pool.idps, request, rows, done);
            }
        }
        Payload::Overview(lines) => {
            if let Some(pool) = state.pool.as_mut().filter(|p| p.overview.awaits(request)) {
                pool.overview = Remote::Loaded(lines);
            }
        }
        Payload::Detail(body) => {
            if let Some(detail) = state.detail.as_mut().filter(|d| d.body.awaits(request)) {
                detail.body = Remote::Loaded(body);
            }
        }
        // The administration payloads are all taken by `outcomes::loaded`.
        _ => {}
    }
    Vec::new()
}

fn append<R: Row>(pane: &mut ListPane<R>, request: RequestId, rows: Vec<R>, done: bool) {
    let Load::Loading {
        request: current,
        pages,
    } = &mut pane.load
    else {
        return;
    };
    if *current != request {
        return;
    }
    *pages += 1;
    pane.table.append(rows);
    if done {
        pane.load = Load::Done;
    }
}

pub fn failed(state: &mut State, request: RequestId, error: &ErrorInfo) -> Vec<Effect> {
    let fail = |load: &mut Load| {
        if load.awaits(request) {
            *load = Load::Failed(error.clone());
        }
    };
    fail(&mut state.pools.load);
    if let Some(pool) = state.pool.as_mut() {
        fail(&mut pool.users.load);
        fail(&mut pool.groups.load);
        fail(&mut pool.clients.load);
        fail(&mut pool.idps.load);
        if pool.overview.awaits(request) {
            pool.overview = Remote::Failed(error.clone());
        }
    }
    if let Some(detail) = state.detail.as_mut().filter(|d| d.body.awaits(request)) {
        detail.body = Remote::Failed(error.clone());
    }
    super::outcomes::failed(state, request, error)
}
