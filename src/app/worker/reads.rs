//! The worker's reads: listings streamed page by page, details, and the reads the forms and views
//! of user administration need. One arm per `Read`, no fallthrough.

use futures::{Stream, StreamExt as _, TryStreamExt as _};
use tokio::sync::mpsc;

use super::{admin, details};
use crate::app::action::{Action, Payload};
use crate::app::effect::Read;
use crate::app::remote::RequestId;
use crate::app::rows::{ClientRow, GroupRow, IdpRow, PoolRow, UserRow};
use crate::aws::AwsError;
use crate::cognito::clients::UserPoolClientType;
use crate::cognito::paginate::Page;
use crate::cognito::users::ListUsersRequest;
use crate::cognito::{CognitoClient, PoolId};

/// DescribeUserPoolClient calls at once while listing a pool's clients.
const DESCRIBE_CONCURRENCY: usize = 4;

/// A page of a listing that may say where the next page starts.
trait Resumable {
    fn resume_token(&self) -> Option<String>;
}

impl<P: Page> Resumable for P {
    fn resume_token(&self) -> Option<String> {
        self.next_token().map(str::to_owned)
    }
}

/// The clients of a page, each described: continued by reloading, never resumed.
impl Resumable for Vec<UserPoolClientType> {
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
            let mut input = ListUsersRequest::new(pool);
            input.filter = filter;
            input.pagination_token = from;
            let pages = client.list_users(input);
            stream(actions, request, pages, Payload::Users, |p| {
                p.users.iter().map(UserRow::from).collect()
            })
            .await
        }
        Read::ListGroups(pool) => {
            let pages = client.list_groups(&pool);
            stream(actions, request, pages, Payload::Groups, |p| {
                p.groups.iter().map(GroupRow::from).collect()
            })
            .await
        }
        Read::ListIdps(pool) => {
            let pages = client.list_identity_providers(&pool);
            stream(actions, request, pages, Payload::Idps, |p| {
                p.providers.iter().map(IdpRow::from).collect()
            })
            .await
        }
        Read::ListClients(pool) => list_clients(client, actions, request, &pool).await,
        Read::DescribePool(pool) => {
            let answer = details::describe_pool(client, &pool).await;
            answer_once(actions, request, answer.map(Payload::Overview)).await
        }
        Read::GetUser(pool, user) => {
            let answer = details::user_detail(client, &pool, &user).await;
            answer_once(actions, request, answer.map(Payload::Detail)).await
        }
        Read::GetGroup(pool, group) => {
            let answer = details::group_detail(client, &pool, &group).await;
            answer_once(actions, request, answer.map(Payload::Detail)).await
        }
        Read::DescribeClient(pool, id) => {
            let answer = details::client_detail(client, &pool, &id).await;
            answer_once(actions, request, answer.map(Payload::Detail)).await
        }
        Read::DescribeIdp(pool, provider) => {
            let answer = details::idp_detail(client, &pool, &provider).await;
            answer_once(actions, request, answer.map(Payload::Detail)).await
        }
        Read::PoolSettings(pool) => {
            let answer = admin::pool_settings(client, &pool).await;
            answer_once(actions, request, answer).await
        }
        Read::GetUserRow(pool, user) => {
            let answer = admin::user_row(client, &pool, user).await;
            answer_once(actions, request, answer).await
        }
        Read::GetUserMfa(pool, user) => {
            let answer = admin::user_mfa(client, &pool, &user).await;
            answer_once(actions, request, answer).await
        }
        Read::ListDevices(pool, user) => {
            let answer = admin::devices(client, &pool, &user).await;
            answer_once(actions, request, answer).await
        }
        Read::ListAuthEvents(pool, user) => {
            let answer = admin::auth_events(client, &pool, &user).await;
            answer_once(actions, request, answer).await
        }
    }
}
/// Sends each page as it arrives, then an empty last page marked `done`. A closed channel ends
/// the stream quietly: the console has gone. A failure after some pages carries the token of the
/// page that comes next, for `r` to continue from.
async fn stream<P: Resumable, R>(
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
        let payload = wrap(rows(page));
        let sent = actions.send(Action::Loaded {
            request,
            payload,
            done: false,
        });
        if sent.await.is_err() {
            return Ok(());
        }
    }
    let last = Action::Loaded {
        request,
        payload: wrap(Vec::new()),
        done: true,
    };
    let _ = actions.send(last).await;
    Ok(())
}

pub(super) async fn answer_once(
    actions: &mpsc::Sender<Action>,
    request: RequestId,
    answer: Result<Payload, AwsError>,
) -> Result<(), Stopped> {
    let payload = answer?;
    let _ = actions
        .send(Action::Loaded {
            request,
            payload,
            done: true,
        })
        .await;
    Ok(())
}

/// Each page of clients, every client described (in list order) for its secret and flows.
async fn list_clients(
    client: &CognitoClient,
    actions: &mpsc::Sender<Action>,
    request: RequestId,
    pool: &PoolId,
) -> Result<(), Stopped> {
    let described = client
        .list_user_pool_clients(pool)
        .and_then(|page| async move {
            let ids = page.user_pool_clients;
            futures::stream::iter(ids)
                .map(|c| async move {
                    let described = client.describe_user_pool_client(pool, &c.client_id).await?;
                    Ok::<_, AwsError>(described.user_pool_client.unwrap_or(UserPoolClientType {
                        client_id: Some(c.client_id),
                        client_name: c.client_name,
                        ..UserPoolClientType::default()
                    }))
                })
                .buffered(DESCRIBE_CONCURRENCY)
                .try_collect::<Vec<_>>()
                .await
        });
    stream(actions, request, described, Payload::Clients, |clients| {
        clients.iter().map(ClientRow::from).collect()
    })
    .await
}
