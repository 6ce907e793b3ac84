//! The pool's local index in the console: the query bar (`f`) whose results fill the users table,
//! the index's age and counts by status for the Overview, a rebuild (`Ctrl-R`), and the progress
//! of long work (a build, an export) with its rate meter.

use crate::app::effect::{Effect, IndexRead, Read};
use crate::app::input::text::TextField;
use crate::app::remote::{ErrorInfo, Remote, RequestId};
use crate::app::state::{Overlay, State, Tab};
use crate::app::update::requests::load_tab;
use crate::index::Query;

/// A query the users table shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UsersQuery {
    pub text: String,
    /// Where its users came from, once the worker says.
    pub answered: Option<Answered>,
}

/// Where a query's users came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answered {
    /// One ListUsers filter answered it: no index needed.
    Server,
    /// The local index built at this time (Unix seconds).
    Index { built_at: i64 },
}

/// A complete index's age and counts, for the Overview and the users table's title.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexSummary {
    /// When its build began listing users (Unix seconds): the data is at least this fresh.
    pub built_at: i64,
    pub users: u64,
    pub by_status: Vec<(String, u64)>,
    /// The tool's own changes since the build it could not apply: it may be stale.
    pub unfollowed: u64,
}

/// How far long work has come: users so far, of about how many, and the line that says so with
/// the rate, the quota it runs at and an ETA (`shared::progress::line`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    /// What is being done, e.g. "indexing", "exporting".
    pub doing: String,
    pub done: u64,
    /// About how many in all (EstimatedNumberOfUsers, or the marks).
    pub estimate: Option<u64>,
    pub line: String,
}

/// The pool's index as the console knows it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IndexView {
    /// `Loaded(None)`: the pool has no complete index.
    pub summary: Remote<Option<IndexSummary>>,
    /// A build or a query's build running, and how far it has come.
    pub work: Option<(RequestId, Option<Progress>)>,
    /// How far the users listing has come, when it crawls a big pool in parts.
    pub listing: Option<(RequestId, Progress)>,
}

/// The query bar: what is typed, and why the last submit was refused.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QueryBar {
    pub input: TextField,
    /// The character column (from 1) and message of a mistake.
    pub error: Option<(usize, String)>,
}

/// `f` on a pool: the query bar, with the current query selected.
pub fn open(state: &mut State) -> Vec<Effect> {
    let Some(pool) = state.pool.as_ref() else {
        state.toast = Some("Queries work in a pool: open one first".to_owned());
        return Vec::new();
    };
    let text = pool.users_query.as_ref().map_or("", |q| q.text.as_str());
    state.overlay = Overlay::Query(QueryBar {
        input: TextField::selected(text),
        error: None,
    });
    Vec::new()
}

/// Enter in the query bar: a query that parses fills the users table; an empty one lists every
/// user again. A mistake keeps the bar open, as typed, with the column it is at.
pub fn submit(state: &mut State, mut bar: QueryBar) -> Vec<Effect> {
    let text = bar.input.value().trim().to_owned();
    if !text.is_empty()
        && let Err(e) = Query::parse(&text)
    {
        bar.error = Some((e.column, e.message));
        state.overlay = Overlay::Query(bar);
        return Vec::new();
    }
    let Some(pool) = state.pool.as_mut() else {
        return Vec::new();
    };
    let query = if text.is_empty() {
        None
    } else {
        Some(UsersQuery {
            text,
            answered: None,
        })
    };
    if query.as_ref().map(|q| &q.text) != pool.users_query.as_ref().map(|q| &q.text) {
        // Another listing: the marks made in this one go with it.
        pool.marks.clear();
    }
    pool.users_query = query;
    pool.users_filter = None;
    pool.users_group = None;
    pool.tab = Tab::Users;
    load_tab(state, Tab::Users, true)
}

/// Asks for the pool's index summary (when the pool opens, after a build).
pub fn load_summary(state: &mut State) -> Vec<Effect> {
    let request = state.request_id();
    let Some(pool) = state.pool.as_mut() else {
        return Vec::new();
    };
    pool.index.summary = Remote::Loading(request);
    vec![Effect::Api {
        request,
        call: Read::Index(IndexRead::Summary(pool.id.clone())).into(),
    }]
}

/// `Ctrl-R`: builds the pool's index again (a query from the index runs again on the new one).
pub fn rebuild(state: &mut State) -> Vec<Effect> {
    let request = state.request_id();
    let Some(pool) = state.pool.as_mut() else {
        state.toast = Some("Ctrl-R builds a pool's local index: open a pool first".to_owned());
        return Vec::new();
    };
    if pool.index.work.is_some() {
        state.toast = Some("The index is being built already (Esc stops it)".to_owned());
        return Vec::new();
    }
    pool.index.work = Some((request, None));
    vec![Effect::Api {
        request,
        call: Read::Index(IndexRead::Build(pool.id.clone())).into(),
    }]
}

/// Progress of a build, a query's build or an export.
pub fn progressed(state: &mut State, request: RequestId, progress: Progress) {
    if let Overlay::Export(dialog) = &mut state.overlay
        && dialog.form.submit.awaits(request)
    {
        dialog.progress = Some(progress);
        return;
    }
    let Some(pool) = state.pool.as_mut() else {
        return;
    };
    let building = pool.index.work.as_ref().is_some_and(|(r, _)| *r == request);
    let listing = pool.users.load.awaits(request);
    if listing && progress.doing == "listing" {
        pool.index.listing = Some((request, progress));
    } else if building || (listing && pool.index.work.is_none()) {
        // A query's build shows unless a Ctrl-R build is already shown (the query's waits for it).
        pool.index.work = Some((request, Some(progress)));
    }
}

/// A summary landed: for the Overview, or as the answer of a build. A query the index answered
/// runs again on the new index.
pub fn summary_landed(
    state: &mut State,
    request: RequestId,
    summary: Option<IndexSummary>,
) -> Vec<Effect> {
    let Some(pool) = state.pool.as_mut() else {
        return Vec::new();
    };
    if pool.index.summary.land(request, summary.clone()) {
        return Vec::new();
    }
    if pool.index.work.as_ref().is_none_or(|(r, _)| *r != request) {
        return Vec::new();
    }
    pool.index.work = None;
    let users = summary.as_ref().map_or(0, |s| s.users);
    pool.index.summary = Remote::Loaded(summary);
    state.toast = Some(format!(
        "Indexed {} users",
        crate::shared::thousands(usize::try_from(users).unwrap_or(usize::MAX))
    ));
    let from_index = pool
        .users_query
        .as_ref()
        .is_some_and(|q| matches!(q.answered, Some(Answered::Index { .. })));
    if from_index {
        return load_tab(state, Tab::Users, true);
    }
    Vec::new()
}

/// The users of a query came from here. An index a query just built is summed up again for the
/// Overview.
pub fn answered(state: &mut State, request: RequestId, answered: Answered) -> Vec<Effect> {
    let Some(pool) = state.pool.as_mut() else {
        return Vec::new();
    };
    if !pool.users.load.awaits(request) {
        return Vec::new();
    }
    if let Some(query) = pool.users_query.as_mut() {
        query.answered = Some(answered);
    }
    let Answered::Index { built_at } = answered else {
        return Vec::new();
    };
    // A query's build is done when its users start coming.
    if pool.index.work.as_ref().is_some_and(|(r, _)| *r == request) {
        pool.index.work = None;
    }
    let known = pool.index.summary.loaded().and_then(Option::as_ref);
    if known.is_some_and(|s| s.built_at == built_at) || pool.index.summary.is_loading() {
        return Vec::new();
    }
    load_summary(state)
}

/// A request ended (answered, failed or stopped): its progress goes with it.
pub fn ended(state: &mut State, request: RequestId, error: Option<&ErrorInfo>) {
    let Some(pool) = state.pool.as_mut() else {
        return;
    };
    if pool
        .index
        .listing
        .as_ref()
        .is_some_and(|(r, _)| *r == request)
    {
        pool.index.listing = None;
    }
    if pool.index.work.as_ref().is_some_and(|(r, _)| *r == request) {
        pool.index.work = None;
        if let Some(error) = error {
            state.toast = Some(error.text.clone());
        }
    }
    if pool.index.summary.awaits(request)
        && let Some(error) = error
    {
        pool.index.summary = Remote::Failed(error.clone());
    }
}

/// "4 min ago", "2 h ago", "3 d ago" (`now` and `then` in Unix seconds).
pub fn ago(now: i64, then: i64) -> String {
    let seconds = now.saturating_sub(then).max(0);
    match seconds {
        0..60 => "just now".to_owned(),
        60..3_600 => format!("{} min ago", seconds / 60),
        3_600..86_400 => format!("{} h ago", seconds / 3_600),
        _ => format!("{} d ago", seconds / 86_400),
    }
}
