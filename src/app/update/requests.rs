//! Starting requests: each takes a fresh id, marks its slot Loading and asks the worker.

use crate::app::detail::{Detail, DetailKind};
use crate::app::effect::{ApiCall, Effect, Read};
use crate::app::remote::{Remote, RequestId};
use crate::app::state::{ListPane, Load, PoolState, ServerFilter, State, Tab};
use crate::app::table::Row;
use crate::cognito::PoolId;

/// Cancels `load` if it is running.
fn cancel(load: &Load, effects: &mut Vec<Effect>) {
    if let Load::Loading { request, .. } = load {
        effects.push(Effect::Cancel(*request));
    }
}

pub fn load_pools(state: &mut State) -> Vec<Effect> {
    let mut effects = Vec::new();
    cancel(&state.pools.load, &mut effects);
    let request = state.request_id();
    state.pools.table.clear();
    state.pools.load = Load::Loading { request, pages: 0 };
    effects.push(Effect::Api {
        request,
        call: ApiCall::Read(Read::ListPools),
    });
    effects
}

/// Opens a pool on its Users tab, cancelling whatever the previous pool was loading.
pub fn open_pool(state: &mut State, id: PoolId, name: String) -> Vec<Effect> {
    let mut effects = leave_pool(state);
    state.pool = Some(PoolState::new(id, name));
    effects.extend(load_tab(state, Tab::Users, false));
    effects
}

/// Closes the pool and its detail, cancelling their requests.
pub fn leave_pool(state: &mut State) -> Vec<Effect> {
    let mut effects = close_detail(state);
    if let Some(pool) = state.pool.take() {
        for load in [
            &pool.users.load,
            &pool.groups.load,
            &pool.clients.load,
            &pool.idps.load,
        ] {
            cancel(load, &mut effects);
        }
        if let Remote::Loading(request) = pool.overview {
            effects.push(Effect::Cancel(request));
        }
    }
    effects
}

pub fn close_detail(state: &mut State) -> Vec<Effect> {
    match state.detail.take().map(|d| d.body) {
        Some(Remote::Loading(request)) => vec![Effect::Cancel(request)],
        _ => Vec::new(),
    }
}

/// Loads a tab of the open pool: when it was never loaded (or failed), or always with `force`.
pub fn load_tab(state: &mut State, tab: Tab, force: bool) -> Vec<Effect> {
    let request = state.next_request;
    let Some(pool) = state.pool.as_mut() else {
        return Vec::new();
    };
    let id = pool.id.clone();
    let mut effects = Vec::new();
    let call = match tab {
        Tab::Overview => {
            let needed = force || matches!(pool.overview, Remote::NotAsked | Remote::Failed(_));
            if let (true, Remote::Loading(old)) = (needed, &pool.overview) {
                effects.push(Effect::Cancel(*old));
            }
            needed.then(|| {
                pool.overview = Remote::Loading(request);
                ApiCall::Read(Read::DescribePool(id))
            })
        }
        Tab::Users => {
            let filter = pool.users_filter.as_ref().map(ServerFilter::expression);
            match resume_point(&pool.users, force) {
                // A listing that failed part-way goes on from its last page, keeping its rows.
                Some(from) => {
                    pool.users.load = Load::Loading { request, pages: 0 };
                    Some(ApiCall::Read(Read::ListUsers {
                        pool: id,
                        filter,
                        from: Some(from),
                    }))
                }
                None => restart(&mut pool.users, request, force, &mut effects).then_some(
                    ApiCall::Read(Read::ListUsers {
                        pool: id,
                        filter,
                        from: None,
                    }),
                ),
            }
        }
        Tab::Groups => restart(&mut pool.groups, request, force, &mut effects)
            .then_some(ApiCall::Read(Read::ListGroups(id))),
        Tab::Clients => restart(&mut pool.clients, request, force, &mut effects)
            .then_some(ApiCall::Read(Read::ListClients(id))),
        Tab::Idps => restart(&mut pool.idps, request, force, &mut effects)
            .then_some(ApiCall::Read(Read::ListIdps(id))),
    };
    if let Some(call) = call {
        state.next_request = request.next();
        effects.push(Effect::Api { request, call });
    }
    effects
}

/// Where a reload of a listing that failed part-way continues from: its rows stay.
fn resume_point<R: Row>(pane: &ListPane<R>, force: bool) -> Option<String> {
    match &pane.load {
        Load::Failed(error) if force && pane.table.total() > 0 => error.resume.clone(),
        _ => None,
    }
}

/// Marks a list Loading under `request`, clearing its rows (sort and filter stay), unless it has
/// loaded (or is loading) and the reload is not forced. True when a request must be sent.
fn restart<R: Row>(
    pane: &mut ListPane<R>,
    request: RequestId,
    force: bool,
    effects: &mut Vec<Effect>,
) -> bool {
    if !force
        && matches!(
            pane.load,
            Load::Loading { .. } | Load::Done | Load::Cancelled
        )
    {
        return false;
    }
    cancel(&pane.load, effects);
    pane.table.clear();
    pane.load = Load::Loading { request, pages: 0 };
    true
}

/// Opens the detail view of an item and asks for it.
pub fn open_detail(
    state: &mut State,
    kind: DetailKind,
    name: String,
    call: ApiCall,
) -> Vec<Effect> {
    let mut effects = close_detail(state);
    let request = state.request_id();
    state.detail = Some(Detail::loading(kind, name, request));
    effects.push(Effect::Api { request, call });
    effects
}
