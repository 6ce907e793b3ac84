//! The background worker: performs the reducer's effects on tokio and answers with actions.
//! Effects are taken in channel order (a reconnect applies before the calls queued after it); only
//! the API calls themselves run concurrently, each as a task that `Effect::Cancel` aborts.

mod admin;
pub(crate) mod details;
mod export;
mod index;
mod listing;
mod profiles;
mod reads;
mod users;

pub use profiles::ProfileFiles;

use std::collections::HashMap;
use std::sync::Arc;

use tokio::sync::{Semaphore, mpsc};
use tokio::task::{AbortHandle, JoinHandle, JoinSet};

use crate::app::action::{Action, Payload};
use crate::app::effect::{ApiCall, Effect, ProfileChoice};
use crate::app::remote::{ErrorInfo, RequestId};
use crate::app::state::Context;
use crate::aws::RetryWatch;
use crate::aws::{RetryNotice, watch_retries};
use crate::cognito::{ClientSettings, CognitoClient};
use crate::index::Home;
use reads::{Stopped, answer_once};

/// API calls running at once; more wait their turn (the service's quotas are per second).
const MAX_CONCURRENT_CALLS: usize = 8;

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
    /// Calls and replies being sent; a call says which request it ran, to forget its handle.
    tasks: JoinSet<Option<RequestId>>,
    running: HashMap<RequestId, AbortHandle>,
    /// Where the pools' local indexes live (`index_in_memory` in `config.toml`).
    index: Home,
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
            index: default_home(),
        }
    }

    /// Keeps the local indexes here instead of where `config.toml` says.
    #[must_use]
    pub fn with_index_home(mut self, home: Home) -> Self {
        self.index = home;
        self
    }

    /// Looks profiles up in these files instead of the real ones.
    #[must_use]
    pub fn with_profile_files(mut self, profiles: ProfileFiles) -> Self {
        self.profiles = profiles;
        self
    }

    /// Runs until the effect channel closes; then every call still running is aborted.
    pub fn spawn(self, effects: mpsc::Receiver<Effect>) -> JoinHandle<()> {
        tokio::spawn(self.run(effects))
    }

    /// Takes effects in channel order. The loop itself never waits on the action channel: every
    /// answer, its own replies included, is sent by a task. The console may wait to send an
    /// effect (the channel is bounded), so a loop that waited on the console could lock both.
    pub async fn run(mut self, mut effects: mpsc::Receiver<Effect>) {
        loop {
            tokio::select! {
                effect = effects.recv() => match effect {
                    Some(effect) => self.apply(effect).await,
                    None => break,
                },
                Some(finished) = self.tasks.join_next(), if !self.tasks.is_empty() => match finished {
                    Ok(Some(request)) => {
                        self.running.remove(&request);
                    }
                    // The panic hook has already restored the terminal: stop, so the loop sees
                    // the worker gone and exits instead of drawing on a restored screen.
                    Err(e) if e.is_panic() => {
                        tracing::error!("an API task panicked; the worker stops");
                        break;
                    }
                    // A reply sent, or a call aborted (its handle already forgotten).
                    Ok(None) | Err(_) => {}
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
                    self.reply(vec![Action::Failed { request, error }]);
                    return;
                }
                tracing::debug!(%request, ?call, "call");
                let client = self.client.clone();
                let settings = self.settings.clone();
                let actions = self.actions.clone();
                let permits = Arc::clone(&self.permits);
                let home = self.index.clone();
                let watch = retry_watch(request, self.actions.clone());
                let handle = self.tasks.spawn(async move {
                    // Closed only if the worker is gone, and then nobody waits for the answer.
                    if let Ok(_permit) = permits.acquire_owned().await {
                        // Boxed: a call's future holds every read's and change's state, and
                        // is moved into the task whole.
                        let performed =
                            Box::pin(perform(&client, &settings, &home, request, call, &actions));
                        watch_retries(watch, performed).await;
                    }
                    Some(request)
                });
                self.running.insert(request, handle);
            }
            Effect::Cancel(request) => {
                if let Some(handle) = self.running.remove(&request) {
                    tracing::debug!(%request, "cancel");
                    handle.abort();
                }
            }
            Effect::Reconnect { profile, region } => self.reconnect(profile, region).await,
            Effect::GeneratePassword { request, policy } => {
                let secret = crate::shared::password::generate(&policy);
                let payload = Payload::Password(secret);
                self.reply(vec![Action::Loaded {
                    request,
                    payload,
                    done: true,
                }]);
            }
            // The event loop writes it to the terminal, or runs the editor in it; they never come
            // here.
            Effect::CopyToClipboard(_) | Effect::OpenEditor { .. } => {}
            Effect::ReadJournal { request, last } => {
                let actions = self.actions.clone();
                let handle = self.tasks.spawn(async move {
                    let action = match users::read_journal(last).await {
                        Ok(lines) => Action::Loaded {
                            request,
                            payload: Payload::Journal(lines),
                            done: true,
                        },
                        Err(error) => Action::Failed { request, error },
                    };
                    let _ = actions.send(action).await;
                    Some(request)
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
                    self.refuse(ErrorInfo::new(why));
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
                self.reply(vec![Action::Connected(context)]);
            }
            Err(e) => {
                tracing::warn!(error = %e, "reconnect failed");
                self.refuse(ErrorInfo::from_aws(&e));
            }
        }
    }

    /// A reconnect that cannot be made: why, then the connection that stays.
    fn refuse(&mut self, why: ErrorInfo) {
        let context = context_of(&self.client, self.read_only);
        self.reply(vec![Action::ConnectFailed(why), Action::Connected(context)]);
    }

    /// Sends the loop's own replies, in this order, from a task: the loop goes on taking effects
    /// while the console is busy.
    fn reply(&mut self, replies: Vec<Action>) {
        let actions = self.actions.clone();
        self.tasks.spawn(async move {
            for reply in replies {
                if actions.send(reply).await.is_err() {
                    break;
                }
            }
            None
        });
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

/// Runs one call and sends its pages, its result or its failure. Every read and every change has
/// its own arm in `reads::perform` and `users::change`: a call nobody answers does not compile.
async fn perform(
    client: &CognitoClient,
    settings: &ClientSettings,
    home: &Home,
    request: RequestId,
    call: ApiCall,
    actions: &mpsc::Sender<Action>,
) {
    let outcome: Result<(), Stopped> = match call {
        ApiCall::Read(read) => reads::perform(client, settings, home, request, read, actions).await,
        ApiCall::Change(change) => match users::change(client, request, change, actions).await {
            Ok(()) => answer_once(actions, request, Ok(Payload::Done)).await,
            Err(e) => Err(e.into()),
        },
    };
    if let Err(Stopped { error, resume }) = outcome {
        tracing::warn!(%request, error = %error, "call failed");
        let error = ErrorInfo {
            resume,
            ..ErrorInfo::from_aws(&error)
        };
        let _ = actions.send(Action::Failed { request, error }).await;
    }
}

/// Where `config.toml` keeps indexes; in memory when it cannot be read or there is no data
/// directory (the console still works, its indexes last as long as it runs).
fn default_home() -> Home {
    let in_memory = crate::shared::config::Config::load().map_or_else(
        |e| {
            tracing::warn!(error = %e, "config unreadable: local indexes kept in memory");
            true
        },
        |c| c.index_in_memory,
    );
    Home::new(in_memory).unwrap_or_else(|e| {
        tracing::warn!(error = %e, "local indexes kept in memory");
        Home::Memory
    })
}
