//! The worker's reads: listings streamed page by page, details, and the reads the forms and views
//! of user administration need. One arm per `Read`, no fallthrough.

use futures::future::BoxFuture;
use futures::{Stream, TryStreamExt as _};
use tokio::sync::mpsc;

use crate::app::action::{Action, Payload};
use crate::app::browse::pane::{Describe, Pane, PaneVisitor, Rows};
use crate::app::browse::panes;
use crate::app::browse::rows::{PoolRow, UserRow};
use crate::app::effect::{PlanSource, Read};
use crate::app::remote::{ErrorInfo, RequestId};
use crate::app::worker::{details, index, listing, users};
use crate::aws::AwsError;
use crate::cognito::edit::EditError;
use crate::cognito::paginate::Page;
use crate::cognito::secrets::Redacted;
use crate::cognito::{ClientSettings, CognitoClient, PoolId};
use crate::index::Home;
use crate::shared::find::{FindReport, Needle, Places, Scope, connect, find_person};

/// A page of a listing that may say where the next page starts.
pub(super) trait Resumable {
    fn resume_token(&self) -> Option<String>;
}

impl<P: Page> Resumable for P {
    fn resume_token(&self) -> Option<String> {
        self.next_token().map(str::to_owned)
    }
}

/// A pane's page of rows: continued by reloading, never resumed.
impl<R: Pane> Resumable for Vec<R> {
    fn resume_token(&self) -> Option<String> {
        None
    }
}

/// Why a call ended early: the error, and for a listing the page token it can continue from.
pub(super) struct Stopped {
    pub(super) error: AwsError,
    pub(super) resume: Option<String>,
}

impl From<AwsError> for Stopped {
    fn from(error: AwsError) -> Self {
        Self {
            error,
            resume: None,
        }
    }
}

/// Runs one read and sends its pages or its answer.
pub(super) async fn perform(
    client: &CognitoClient,
    settings: &ClientSettings,
    home: &Home,
    request: RequestId,
    read: Read,
    actions: &mpsc::Sender<Action>,
) -> Result<(), Stopped> {
    match read {
        Read::ListPools => {
            let pages = client.list_user_pools();
            stream(actions, request, pages, Payload::Pools, |p| {
                p.user_pools.iter().map(PoolRow::from).collect()
            })
            .await
        }
        Read::ListUsers { pool, filter, from } => {
            listing::users(client, request, pool, filter, from, actions).await
        }
        Read::ListUsersInGroup { pool, group, from } => {
            let pages = client.list_users_in_group_from(&pool, &group, from);
            stream(actions, request, pages, rows_payload, |p| {
                p.users.iter().map(UserRow::from).collect()
            })
            .await
        }
        Read::Index(read) => index::perform(client, home, request, read, actions).await,
        Read::List(tab, pool) => {
            let listing = Listing {
                client,
                pool: &pool,
                actions,
                request,
            };
            match panes::visit(tab, listing) {
                Some(listed) => listed.await,
                None => refuse(actions, request, format!("the {} has no rows", tab.title())).await,
            }
        }
        Read::Describe { tab, pool, key } => {
            if let Some(describe) = panes::visit(tab, Detail).flatten() {
                let answer = describe(client.clone(), pool, key).await;
                answer_once(actions, request, answer.map(Payload::Detail)).await
            } else {
                let what = tab.info().many;
                refuse(actions, request, format!("the {what} have no detail view")).await
            }
        }
        Read::DescribePool(pool) => {
            let answer = details::describe_pool(client, &pool).await;
            answer_once(actions, request, answer.map(Payload::Overview)).await
        }
        Read::PoolSettings(pool) => {
            let answer = users::pool_settings(client, &pool).await;
            answer_once(actions, request, answer).await
        }
        Read::GetUserRow(pool, user) => {
            let answer = users::user_row(client, &pool, user).await;
            answer_once(actions, request, answer).await
        }
        Read::GetUserMfa(pool, user) => {
            let answer = users::user_mfa(client, &pool, &user).await;
            answer_once(actions, request, answer).await
        }
        Read::UserGroups(pool, user) => {
            let answer = users::user_groups(client, &pool, &user).await;
            answer_once(actions, request, answer).await
        }
        Read::ListDevices(pool, user) => {
            let answer = users::devices(client, &pool, &user).await;
            answer_once(actions, request, answer).await
        }
        Read::ListAuthEvents(pool, user) => {
            let answer = users::auth_events(client, &pool, &user).await;
            answer_once(actions, request, answer).await
        }
        Read::ClientSecret(pool, id) => {
            let answer = details::client_secret(client, &pool, &id).await;
            answer_once(actions, request, answer.map(Payload::ClientSecret)).await
        }
        Read::FindUser(needle, places) => {
            let report = find(client, settings, &needle, &places).await;
            answer_once(actions, request, Ok(Payload::Found(Box::new(report)))).await
        }
        Read::EditInput(target) => {
            let answer = client.current_input(&target).await;
            let answer = answer.map(|input| Payload::EditInput(Redacted(input)));
            let answer = answer.map_err(EditError::into_aws);
            answer_once(actions, request, answer).await
        }
        Read::Plan(target, source) => {
            let plan = match source {
                PlanSource::Patch(patch) => client.plan_edit(&target, &patch).await,
                PlanSource::Replace { started, edited } => {
                    client.plan_replace(&target, started, edited).await
                }
            };
            let answer = plan.map(|p| Payload::Plan(Box::new(p)));
            answer_once(actions, request, answer.map_err(EditError::into_aws)).await
        }
    }
}
/// Sends each page as it arrives, then an empty last page marked `done`. A closed channel ends
/// the stream quietly: the console has gone. A failure after some pages carries the token of the
/// page that comes next, for `r` to continue from.
pub(super) async fn stream<P: Resumable, R>(
    actions: &mpsc::Sender<Action>,
    request: RequestId,
    pages: impl Stream<Item = Result<P, AwsError>>,
    wrap: fn(Vec<R>) -> Payload,
    rows: impl Fn(P) -> Vec<R>,
) -> Result<(), Stopped> {
    let mut pages = std::pin::pin!(pages);
    let mut resume: Option<String> = None;
    loop {
        let page = match pages.try_next().await {
            Ok(Some(page)) => page,
            Ok(None) => break,
            Err(error) => return Err(Stopped { error, resume }),
        };
        resume = page.resume_token();
        if send_page(actions, request, wrap(rows(page)), false)
            .await
            .is_err()
        {
            return Ok(());
        }
    }
    let _ = send_page(actions, request, wrap(Vec::new()), true).await;
    Ok(())
}

pub(super) async fn answer_once(
    actions: &mpsc::Sender<Action>,
    request: RequestId,
    answer: Result<Payload, AwsError>,
) -> Result<(), Stopped> {
    let _ = send_page(actions, request, answer?, true).await;
    Ok(())
}

pub(super) fn rows_payload<R: Pane>(rows: Vec<R>) -> Payload {
    Payload::Rows(Rows::new(rows))
}

/// A read the registry cannot answer: the reducer never asks for one, but if it did, the pane
/// would say why instead of waiting.
async fn refuse(
    actions: &mpsc::Sender<Action>,
    request: RequestId,
    why: String,
) -> Result<(), Stopped> {
    let error = ErrorInfo::new(why);
    let _ = actions.send(Action::Failed { request, error }).await;
    Ok(())
}

/// Streams a pane's rows as its registry entry lists them.
struct Listing<'a> {
    client: &'a CognitoClient,
    pool: &'a PoolId,
    actions: &'a mpsc::Sender<Action>,
    request: RequestId,
}

impl<'a> PaneVisitor for Listing<'a> {
    type Out = BoxFuture<'a, Result<(), Stopped>>;

    fn visit<R: Pane>(self) -> Self::Out {
        let pages = R::list(self.client, self.pool);
        Box::pin(stream(
            self.actions,
            self.request,
            pages,
            rows_payload::<R>,
            |rows| rows,
        ))
    }
}

/// How a pane's rows are described, if they are.
struct Detail;

impl PaneVisitor for Detail {
    type Out = Option<Describe>;

    fn visit<R: Pane>(self) -> Self::Out {
        R::DETAIL
    }
}

/// Sends one page of `request`'s answer; an error when the console has gone.
pub(super) async fn send_page(
    actions: &mpsc::Sender<Action>,
    request: RequestId,
    payload: Payload,
    done: bool,
) -> Result<(), mpsc::error::SendError<Action>> {
    actions
        .send(Action::Loaded {
            request,
            payload,
            done,
        })
        .await
}

/// `:find`: every pool of the connection's region, or of each profile × region named, built from
/// the connection's settings. A place that cannot be reached is a failure of the report.
async fn find(
    client: &CognitoClient,
    settings: &ClientSettings,
    needle: &Needle,
    places: &Places,
) -> FindReport {
    if places.is_here() {
        return find_person(std::slice::from_ref(client), needle, &Scope::Everywhere).await;
    }
    let connections = connect(settings, places).await;
    let mut report = find_person(&connections.clients, needle, &Scope::Everywhere).await;
    report.failures.extend(connections.failures());
    report
}
