//! The worker's side of the local index: a query's users (on the server when one ListUsers filter
//! answers it, else from the pool's index, built first when there is none), the index's summary
//! for the Overview, a rebuild, each telling its progress as it goes. Reading an index is SQLite
//! work: it runs on a blocking thread, and stops when the request is cancelled.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use time::OffsetDateTime;
use tokio::sync::mpsc;

use super::reads::{Stopped, answer_once, rows_payload, send_page, stream};
use crate::app::action::{Action, Payload};
use crate::app::browse::rows::UserRow;
use crate::app::effect::IndexRead;
use crate::app::remote::RequestId;
use crate::app::users::index::{Answered, IndexSummary, Progress};
use crate::aws::AwsError;
use crate::aws::quota::Category;
use crate::cognito::users::ListUsersRequest;
use crate::cognito::{CognitoClient, PoolId};
use crate::index::ready::{key_of, summary};
use crate::index::{Home, Index, IndexError, IndexedUser, Query};

/// Rows go to the console this many at a time.
const BATCH: usize = 500;
/// Progress is told at most this often.
const EVERY: Duration = Duration::from_millis(250);

/// Tells the console how far long work has come, with the quota category's use.
pub(super) struct Reporter {
    client: CognitoClient,
    actions: mpsc::Sender<Action>,
    request: RequestId,
    doing: &'static str,
    category: Category,
    started: Instant,
    last: Option<Instant>,
}

impl Reporter {
    pub(super) fn new(
        client: &CognitoClient,
        actions: &mpsc::Sender<Action>,
        request: RequestId,
        doing: &'static str,
        category: Category,
    ) -> Self {
        Self {
            client: client.clone(),
            actions: actions.clone(),
            request,
            doing,
            category,
            started: Instant::now(),
            last: None,
        }
    }

    /// `done` users of about `estimate`; a full channel drops it (the next one follows soon).
    pub(super) fn report(&mut self, done: u64, estimate: Option<u64>) {
        let now = Instant::now();
        if self.last.is_some_and(|last| now - last < EVERY) {
            return;
        }
        self.last = Some(now);
        let usage = self.client.scheduler().usage_of(self.category);
        let line =
            crate::shared::progress::line(done, self.started.elapsed(), estimate, "users", &usage);
        let progress = Progress {
            doing: self.doing.to_owned(),
            done,
            estimate,
            line,
        };
        let _ = self.actions.try_send(Action::Progress {
            request: self.request,
            progress,
        });
    }
}

/// A failure that is the tool's own (the index, a file), as the console shows errors.
pub(super) fn local(message: impl std::fmt::Display) -> AwsError {
    AwsError::Config(message.to_string())
}

/// Why reading an index stopped: the index, or the tool (the console gone, a cancel, a file).
struct Stop(AwsError);

impl From<IndexError> for Stop {
    fn from(e: IndexError) -> Self {
        Self(local(format!("local index: {e}")))
    }
}

/// The index of `pool`, complete, of any age (the console shows its age; `Ctrl-R` renews it);
/// built now when there is none, its progress told under `request`.
pub(super) async fn ready(
    client: &CognitoClient,
    home: &Home,
    pool: &PoolId,
    actions: &mpsc::Sender<Action>,
    request: RequestId,
) -> Result<Index, AwsError> {
    let mut reporter = Reporter::new(client, actions, request, "indexing", Category::UserList);
    home.ready(client, &key_of(client, pool), None, |n, e| {
        reporter.report(n, e);
    })
    .await
    .map_err(local)
}

/// Runs one read of the local index, or an export.
pub(super) async fn perform(
    client: &CognitoClient,
    home: &Home,
    request: RequestId,
    read: IndexRead,
    actions: &mpsc::Sender<Action>,
) -> Result<(), Stopped> {
    let answer = match read {
        IndexRead::QueryUsers { pool, query } => {
            return query_users(client, home, request, pool, &query, actions).await;
        }
        IndexRead::Summary(pool) => index_summary(client, home, &pool).await,
        IndexRead::Build(pool) => rebuild(client, home, &pool, actions, request).await,
        IndexRead::Export(job) => super::export::export(client, home, job, actions, request).await,
    };
    answer_once(actions, request, answer).await
}

async fn query_users(
    client: &CognitoClient,
    home: &Home,
    request: RequestId,
    pool: PoolId,
    text: &str,
    actions: &mpsc::Sender<Action>,
) -> Result<(), Stopped> {
    let query = Query::parse(text).map_err(|e| local(format!("query: {e}")))?;
    if let Some(filter) = query.server_filter() {
        let _ = send_page(actions, request, Payload::Answered(Answered::Server), false).await;
        let mut input = ListUsersRequest::new(pool);
        input.filter = Some(filter);
        let pages = client.list_users(input);
        return stream(actions, request, pages, rows_payload, |p| {
            p.users.iter().map(UserRow::from).collect()
        })
        .await;
    }
    let index = ready(client, home, &pool, actions, request).await?;
    let built_at = index
        .built_at()
        .map_err(local)?
        .map_or(0, OffsetDateTime::unix_timestamp);
    let _ = send_page(
        actions,
        request,
        Payload::Answered(Answered::Index { built_at }),
        false,
    )
    .await;
    let sender = actions.clone();
    let batch = Vec::with_capacity(BATCH);
    let last = each_user(index, query, batch, move |batch, u| {
        batch.push(UserRow::with_groups(&u.to_user_type(), &u.groups));
        if batch.len() == BATCH {
            let rows = std::mem::replace(batch, Vec::with_capacity(BATCH));
            page(&sender, request, rows, false)?;
        }
        Ok(())
    })
    .await?;
    send_page(actions, request, rows_payload(last), true)
        .await
        .map_err(|_| Stopped::from(local("the console has gone")))
}

/// Sends a page of rows from a blocking thread.
fn page(
    actions: &mpsc::Sender<Action>,
    request: RequestId,
    rows: Vec<UserRow>,
    done: bool,
) -> Result<(), AwsError> {
    let loaded = Action::Loaded {
        request,
        payload: rows_payload(rows),
        done,
    };
    actions
        .blocking_send(loaded)
        .map_err(|_| local("the console has gone"))
}

/// Visits every user `query` finds in `index`, with `state`, on a blocking thread (SQLite), and
/// gives the state back. Once the task that asked is dropped (a cancel) it stops at the next
/// user: the blocking thread is not aborted with the task.
pub(super) async fn each_user<T: Send + 'static>(
    index: Index,
    query: Query,
    mut state: T,
    mut visit: impl FnMut(&mut T, IndexedUser) -> Result<(), AwsError> + Send + 'static,
) -> Result<T, AwsError> {
    let stop = StopFlag::default();
    let stopped = Arc::clone(&stop.0);
    let read = tokio::task::spawn_blocking(move || {
        index.for_each(&query, OffsetDateTime::now_utc(), |u| {
            if stopped.load(Ordering::Relaxed) {
                return Err(Stop(local("stopped")));
            }
            visit(&mut state, u).map_err(Stop)
        })?;
        Ok::<_, Stop>(state)
    });
    let read = read.await;
    drop(stop);
    read.map_err(|e| local(format!("reading the index stopped: {e}")))?
        .map_err(|Stop(e)| e)
}

/// Set when the task that owns it is dropped (cancelled): blocking work checks it and stops.
#[derive(Default)]
struct StopFlag(Arc<AtomicBool>);

impl Drop for StopFlag {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// The pool's complete index on disk, summed up; `None` when there is none.
async fn index_summary(
    client: &CognitoClient,
    home: &Home,
    pool: &PoolId,
) -> Result<Payload, AwsError> {
    let home = home.clone();
    let key = key_of(client, pool);
    summed(move || match home.open_complete(&key, None)? {
        Some(index) => summary(&index),
        None => Ok(None),
    })
    .await
}

/// Builds the pool's index again, then sums it up.
async fn rebuild(
    client: &CognitoClient,
    home: &Home,
    pool: &PoolId,
    actions: &mpsc::Sender<Action>,
    request: RequestId,
) -> Result<Payload, AwsError> {
    let mut reporter = Reporter::new(client, actions, request, "indexing", Category::UserList);
    let (index, _) = home
        .build(client, &key_of(client, pool), |n, e| reporter.report(n, e))
        .await
        .map_err(local)?;
    summed(move || summary(&index)).await
}

/// A summary read on a blocking thread (SQLite), as the console shows it.
async fn summed(
    read: impl FnOnce() -> Result<Option<crate::index::Summary>, IndexError> + Send + 'static,
) -> Result<Payload, AwsError> {
    let summary = tokio::task::spawn_blocking(read)
        .await
        .map_err(|e| local(format!("reading the index stopped: {e}")))?
        .map_err(|e| local(format!("local index: {e}")))?;
    Ok(Payload::IndexSummary(summary.map(shown)))
}

fn shown(s: crate::index::Summary) -> IndexSummary {
    IndexSummary {
        built_at: s.built_at.unix_timestamp(),
        users: s.users,
        by_status: s.by_status,
        unfollowed: s.unfollowed,
    }
}
