//! Results from the worker: applied to the slot that awaits their request id; stale ones dropped.

use crate::app::action::Payload;
use crate::app::browse::panes;
use crate::app::browse::table::Row;
use crate::app::effect::Effect;
use crate::app::remote::{ErrorInfo, Remote, RequestId};
use crate::app::state::{ListPane, Load, State, Tab};

pub fn loaded(state: &mut State, request: RequestId, payload: Payload, done: bool) -> Vec<Effect> {
    let payload = match crate::app::admin::update::loaded(state, request, payload) {
        Ok(effects) => return effects,
        Err(payload) => payload,
    };
    let payload = match crate::app::users::outcomes::loaded(state, request, payload) {
        Ok(effects) => {
            if done {
                crate::app::users::outcomes::list_done(state, request);
            }
            return effects;
        }
        Err(payload) => payload,
    };
    match payload {
        Payload::Pools(rows) => append(&mut state.pools, request, rows, done),
        Payload::Rows(rows) => {
            let tab = rows.tab();
            if done {
                crate::app::users::index::ended(state, request, None);
            }
            if let Some(pool) = state.pool.as_mut()
                && let Some(table) = panes::table_mut(pool, tab)
                && table.append(request, rows, done)
                && done
                && tab == Tab::Users
                && let Some(note) = crate::app::users::marks::keep_listed(pool)
            {
                state.toast = Some(note);
            }
        }
        Payload::Overview(lines) => {
            if let Some(pool) = state.pool.as_mut() {
                pool.overview.land(request, lines);
            }
        }
        Payload::Detail(body) => {
            if let Some(detail) = state.detail.as_mut() {
                detail.body.land(request, body);
            }
        }
        Payload::ClientSecret(secret) => crate::app::secret::update::landed(state, request, secret),
        Payload::IndexSummary(summary) => {
            return crate::app::users::index::summary_landed(state, request, summary);
        }
        Payload::Answered(answered) => {
            return crate::app::users::index::answered(state, request, answered);
        }
        Payload::Exported { users, path } => {
            crate::app::users::export::finished(state, request, users, &path);
        }
        Payload::Found(report) => crate::app::find::landed(state, request, *report),
        // Taken by `outcomes::loaded`, which handed back only the others.
        Payload::PoolSettings(_)
        | Payload::UserRow(_)
        | Payload::Mfa(_)
        | Payload::UserGroups(_)
        | Payload::Devices(_)
        | Payload::AuthEvents(_)
        | Payload::Journal(_)
        | Payload::Password(_)
        | Payload::Done
        // Taken by `admin::update::loaded` when its flow awaits them; else stale.
        | Payload::EditInput(_)
        | Payload::Plan(_) => {}
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
        for &tab in Tab::ALL {
            if let Some(table) = panes::table_mut(pool, tab) {
                fail(table.load_mut());
            }
        }
        if pool.overview.awaits(request) {
            pool.overview = Remote::Failed(error.clone());
        }
    }
    if let Some(detail) = state.detail.as_mut().filter(|d| d.body.awaits(request)) {
        detail.body = Remote::Failed(error.clone());
    }
    crate::app::secret::update::failed(state, request, error);
    crate::app::users::export::failed(state, request, error);
    crate::app::users::index::ended(state, request, Some(error));
    let mut effects = crate::app::admin::update::failed(state, request, error);
    effects.extend(crate::app::users::outcomes::failed(state, request, error));
    effects
}
