//! The background worker: performs the reducer's effects on tokio and answers with actions.
//! Effects are taken in channel order (a reconnect applies before the calls queued after it); only
//! the API calls themselves run concurrently, each as a task that `Effect::Cancel` aborts.

mod admin;
mod details;
mod profiles;

pub use profiles::ProfileFiles;

use std::collections::HashMap;
use std::sync::Arc;

use futures::{Stream, StreamExt as _, TryStreamExt as _};
use tokio::sync::{Semaphore, mpsc};
use tokio::task::{AbortHandle, JoinHandle, JoinSet};

use super::action::{Action, Payload};
use super::effect::{ApiCall, Effect, ProfileChoice};
use super::remote::{ErrorInfo, RequestId};
use super::rows::{ClientRow, GroupRow, IdpRow, PoolRow, UserRow};
use super::state::Context;
use crate::aws::RetryWatch;
use crate::aws::{AwsError, RetryNotice, watch_retries};
use crate::cognito::clients::UserPoolClientType;
use crate::cognito::paginate::Page;
use crate::cognito::users::ListUsersRequest;
use crate::cognito::{ClientSettings, CognitoClient, PoolId};

/// API calls running at once; more wait their turn (the service's quotas are per second).
const MAX_CONCURRENT_CALLS: usize = 8;
/// DescribeUserPoolClient calls at once while listing a pool's clients.
const DESCRIBE_CONCURRENCY: usize = 4;

/// Where a client talks to, for the header.
pub fn context_of(client: &CognitoClient, read_only: bool) -> Context {
    let endpoint = client.endpoint();
    Context {
        profile: client.profile().map(str::to_owned),
        region: client.region().to_owned(),
        endpoint: endpoint.url.as_str().trim_end_matches('/').to_owned(),
        is_aws: endpoint.is_aws,
        local: client.is_local(),
        read_only,
    }
}

pub struct Worker {
    /// What the client was built from: a reconnect changes profile and region, keeps the rest.
    settings: ClientSettings,
    /// What the console started with: `:profile` alone returns to its credentials.
    started: ClientSettings,
    /// Where `:profile NAME` is looked up.
    profiles: ProfileFiles,
    client: CognitoClient,
    read_only: bool,
    actions: mpsc::Sender<Action>,
    permits: Arc<Semaphore>,
    tasks: JoinSet<RequestId>,
    running: HashMap<RequestId, AbortHandle>,
}

impl Worker {
    pub fn new(
        settings: ClientSettings,
        client: CognitoClient,
        read_only: bool,
        actions: mpsc::Sender<Action>,
    ) -> Self {
        Self {
            started: settings.clone(),
            settings,
            profiles: ProfileFiles::real(),
            client,
            read_only,
            actions,
            permits: Arc::new(Semaphore::new(MAX_CONCURRENT_CALLS)),
            tasks: JoinSet::new(),
            running: HashMap::new(),
        }
    }

    /// Looks profiles up in these files instead of the real ones.
    #[must_use]
    pub fn with_profile_files(mut self, profiles: ProfileFiles) -> Self {
        self.profiles = profiles;
        self
    }

    /// Runs until the effect channel closes; then every call still running is aborted.
    pub fn spawn(self, effects: mpsc::UnboundedReceiver<Effect>) -> JoinHandle<()> {
        tokio::spawn(self.run(effects))
    }

    pub async fn run(mut self, mut effects: mpsc::UnboundedReceiver<Effect>) {
        loop {
            tokio::select! {
                effect = effects.recv() => match effect {
                    Some(effect) => self.apply(effect).await,
                    None => break,
                },
                Some(finished) = self.tasks.join_next(), if !self.tasks.is_empty() => match finished {
                    Ok(request) => {
                        self.running.remove(&request);
                    }
                    // The panic hook has already restored the terminal: stop, so the loop sees
                    // the worker gone and exits instead of drawing on a restored screen.
                    Err(e) if e.is_panic() => {
                        tracing::error!("an API task panicked; the worker stops");
                        break;
                    }
                    Err(_) => {}
                },
            }
        }
        tracing::debug!("worker stopped");
    }

    async fn apply(&mut self, effect: Effect) {
        match effect {
            Effect::Api { request, call } => {
                if self.read_only && call.mutates() {
                    let error = ErrorInfo::new("refused: the console runs with --read-only");
                    let _ = self.actions.send(Action::Failed { request, error }).await;
                    return;
                }
                tracing::debug!(request, ?call, "call");
                let client = self.client.clone();
                let actions = self.actions.clone();
                let permits = Arc::clone(&self.permits);
                let watch = retry_watch(request, self.actions.clone());
                let handle = self.tasks.spawn(async move {
                    // Closed only if the worker is gone, and then nobody waits for the answer.
                    if let Ok(_permit) = permits.acquire_owned().await {
                        watch_retries(watch, perform(&client, request, call, &actions)).await;
                    }
                    request
                });
                self.running.insert(request, handle);
            }
            Effect::Cancel(request) => {
                if let Some(handle) = self.running.remove(&request) {
                    tracing::debug!(request, "cancel");
                    handle.abort();
                }
            }
            Effect::Reconnect { profile, region } => self.reconnect(profile, region).await,
            Effect::GeneratePassword { request, policy } => {
                let secret = crate::admin::password::generate(&policy);
                let payload = Payload::Password(secret);
                let _ = self
                    .actions
                    .send(Action::Loaded {
                        request,
                        payload,
                        done: true,
                    })
                    .await;
            }
            // The event loop writes it to the terminal; it never comes here.
            Effect::CopyToClipboard(_) => {}
            Effect::ReadJournal { request, last } => {
                let actions = self.actions.clone();
                let handle = self.tasks.spawn(async move {
                    let action = match admin::read_journal(last).await {
                        Ok(lines) => Action::Loaded {
                            request,
                            payload: Payload::Journal(lines),
                            done: true,
                        },
                        Err(error) => Action::Failed { request, error },
                    };
                    let _ = actions.send(action).await;
                    request
                });
                self.running.insert(request, handle);
            }
        }
    }

    /// A new client for another profile and/or region; on failure the previous one stays.
    async fn reconnect(&mut self, profile: ProfileChoice, region: Option<String>) {
        let mut settings = self.settings.clone();
        // Keep: how the profile was chosen (flag or env) stays, since a profile named explicitly
        // outranks the env keys.
        match profile {
            ProfileChoice::Keep => {}
            ProfileChoice::Named(name) => {
                if let Err(why) = self.profiles.check(&name).await {
                    self.refuse(ErrorInfo::new(why)).await;
                    return;
                }
                settings.profile = Some(name);
            }
            ProfileChoice::AsStarted => {
                settings.profile.clone_from(&self.started.profile);
                settings.credentials.clone_from(&self.started.credentials);
            }
        }
        if region.is_some() {
            settings.region = region;
        }
        match CognitoClient::connect(&settings).await {
            Ok(client) => {
                tracing::info!(region = client.region(), profile = ?client.profile(), "reconnected");
                self.client = client;
                self.settings = settings;
                let context = context_of(&self.client, self.read_only);
                let _ = self.actions.send(Action::Connected(context)).await;
            }
            Err(e) => {
                tracing::warn!(error = %e, "reconnect failed");
                self.refuse(ErrorInfo::from_aws(&e)).await;
            }
        }
    }

    /// A reconnect that cannot be made: why, then the connection that stays.
    async fn refuse(&self, why: ErrorInfo) {
        let _ = self.actions.send(Action::ConnectFailed(why)).await;
        let context = context_of(&self.client, self.read_only);
        let _ = self.actions.send(Action::Connected(context)).await;
    }
}

/// Tells the console of each retry of `request`'s calls, so the pane can say so. A full channel
/// drops the notice: the next one, or the answer, follows soon.
fn retry_watch(request: RequestId, actions: mpsc::Sender<Action>) -> RetryWatch {
    Arc::new(move |notice: &RetryNotice| {
        let _ = actions.try_send(Action::Retrying {
            request,
            notice: notice.clone(),
        });
    })
}

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
struct Stopped {
    error: AwsError,
    resume: Option<String>,
}

impl From<AwsError> for Stopped {
    fn from(error: AwsError) -> Self {
        Self {
            error,
            resume: None,
        }
    }
}

/// Runs one call and sends its pages, its result or its failure.
async fn perform(
    client: &CognitoClient,
    request: RequestId,
    call: ApiCall,
    actions: &mpsc::Sender<Action>,
) {
    let outcome: Result<(), Stopped> = match call {
        ApiCall::ListPools => {
            let pages = client.list_user_pools();
            stream(actions, request, pages, Payload::Pools, |p| {
                p.user_pools.iter().map(PoolRow::from).collect()
            })
            .await
        }
        ApiCall::ListUsers { pool, filter, from } => {
            let mut input = ListUsersRequest::new(pool);
            input.filter = filter;
            input.pagination_token = from;
            let pages = client.list_users(input);
            stream(actions, request, pages, Payload::Users, |p| {
                p.users.iter().map(UserRow::from).collect()
            })
            .await
        }
        ApiCall::ListGroups(pool) => {
            let pages = client.list_groups(&pool);
            stream(actions, request, pages, Payload::Groups, |p| {
                p.groups.iter().map(GroupRow::from).collect()
            })
            .await
        }
        ApiCall::ListIdps(pool) => {
            let pages = client.list_identity_providers(&pool);
            stream(actions, request, pages, Payload::Idps, |p| {
                p.providers.iter().map(IdpRow::from).collect()
            })
            .await
        }
        ApiCall::ListClients(pool) => list_clients(client, actions, request, &pool).await,
        ApiCall::DescribePool(pool) => {
            let answer = details::describe_pool(client, &pool).await;
            answer_once(actions, request, answer.map(Payload::Overview)).await
        }
        ApiCall::GetUser(pool, user) => {
            let answer = details::user_detail(client, &pool, &user).await;
            answer_once(actions, request, answer.map(Payload::Detail)).await
        }
        ApiCall::GetGroup(pool, group) => {
            let answer = details::group_detail(client, &pool, &group).await;
            answer_once(actions, request, answer.map(Payload::Detail)).await
        }
        ApiCall::DescribeClient(pool, id) => {
            let answer = details::client_detail(client, &pool, &id).await;
            answer_once(actions, request, answer.map(Payload::Detail)).await
        }
        ApiCall::DescribeIdp(pool, provider) => {
            let answer = details::idp_detail(client, &pool, &provider).await;
            answer_once(actions, request, answer.map(Payload::Detail)).await
        }
        call => match admin::perform(client, request, call, actions).await {
            Ok(Some(payload)) => answer_once(actions, request, Ok(payload)).await,
            Ok(None) => Ok(()),
            Err(e) => Err(e.into()),
        },
    };
    if let Err(Stopped { error, resume }) = outcome {
        tracing::warn!(request, error = %error, "call failed");
        let error = ErrorInfo {
            resume,
            ..ErrorInfo::from_aws(&error)
        };
        let _ = actions.send(Action::Failed { request, error }).await;
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

async fn answer_once(
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
