//! Starting requests: each takes a fresh id, marks its slot Loading and asks the worker.

use crate::app::browse::detail::Detail;
use crate::app::browse::pane::PaneTable;
use crate::app::browse::panes;
use crate::app::effect::{ApiCall, Effect, Read};
use crate::app::remote::{Remote, RequestId};
use crate::app::state::{Load, PoolState, State, Tab};
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
        for &tab in Tab::ALL {
            if let Some(table) = panes::table(&pool, tab) {
                cancel(table.load(), &mut effects);
            }
        }
        if let Remote::Loading(request) = pool.overview {
            effects.push(Effect::Cancel(request));
        }
        if let Remote::Loading(request) = pool.index.summary {
            effects.push(Effect::Cancel(request));
        }
        if let Some((request, _)) = pool.index.work {
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
    let mut effects = Vec::new();
    let call = match panes::table_mut(pool, tab) {
        None => load_overview(pool, request, force, &mut effects),
        Some(table) => match resume_point(table, force) {
            // A listing that failed part-way goes on from its last page, keeping its rows.
            Some(from) => {
                *table.load_mut() = Load::Loading { request, pages: 0 };
                panes::list_call(pool, tab, Some(from))
            }
            None => restart(table, request, force, &mut effects)
                .then(|| panes::list_call(pool, tab, None))
                .flatten(),
        },
    };
    if let Some(call) = call {
        state.next_request = request.next();
        effects.push(Effect::Api {
            request,
            call: ApiCall::Read(call),
        });
        // The Overview shows the index's exact counts beside the service's estimate.
        if tab == Tab::Overview {
            effects.extend(crate::app::users::index::load_summary(state));
        }
    }
    effects
}

/// The pool's description for the Overview.
fn load_overview(
    pool: &mut PoolState,
    request: RequestId,
    force: bool,
    effects: &mut Vec<Effect>,
) -> Option<Read> {
    let needed = force || matches!(pool.overview, Remote::NotAsked | Remote::Failed(_));
    if let (true, Remote::Loading(old)) = (needed, &pool.overview) {
        effects.push(Effect::Cancel(*old));
    }
    needed.then(|| {
        pool.overview = Remote::Loading(request);
        Read::DescribePool(pool.id.clone())
    })
}

/// Where a reload of a listing that failed part-way continues from: its rows stay.
fn resume_point(table: &dyn PaneTable, force: bool) -> Option<String> {
    match table.load() {
        Load::Failed(error) if force && table.total() > 0 => error.resume.clone(),
        _ => None,
    }
}

/// Marks a list Loading under `request`, clearing its rows (sort and filter stay), unless it has
/// loaded (or is loading) and the reload is not forced. True when a request must be sent.
fn restart(
    table: &mut dyn PaneTable,
    request: RequestId,
    force: bool,
    effects: &mut Vec<Effect>,
) -> bool {
    if !force
        && matches!(
            table.load(),
            Load::Loading { .. } | Load::Done | Load::Cancelled
        )
    {
        return false;
    }
    cancel(table.load(), effects);
    table.clear();
    *table.load_mut() = Load::Loading { request, pages: 0 };
    true
}

/// Opens the detail view of an item and asks for it.
pub fn open_detail(state: &mut State, tab: Tab, name: String, call: ApiCall) -> Vec<Effect> {
    let mut effects = close_detail(state);
    let request = state.request_id();
    state.detail = Some(Detail::loading(tab, name, request));
    effects.push(Effect::Api { request, call });
    effects
}
