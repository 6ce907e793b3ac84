//! The worker on its own channels, against a server: send effects, read actions with a deadline.
#![allow(
    dead_code,
    clippy::missing_panics_doc,
    clippy::unwrap_used,
    clippy::expect_used
)]

use std::collections::BTreeSet;
use std::time::Duration;

use aws_credential_types::Credentials;
use cognito_tui::app::browse::detail::DetailBody;
use cognito_tui::app::browse::pane::Pane;
use cognito_tui::app::browse::rows::UserRow;
use cognito_tui::app::remote::{ErrorInfo, RequestId};
use cognito_tui::app::worker::Worker;
use cognito_tui::app::{Action, ApiCall, Effect, Payload};
use cognito_tui::cognito::{ClientSettings, CognitoClient, GroupName, PoolId, Username};
use cognito_tui::index::Home;
use futures::StreamExt as _;
use serde_json::json;
use tokio::sync::mpsc;

use crate::common;

const WAIT: Duration = Duration::from_secs(30);
/// Effects a test may send before the worker takes them.
const EFFECTS: usize = 64;

pub fn settings(url: &str) -> ClientSettings {
    ClientSettings {
        region: Some(common::REGION.to_owned()),
        endpoint_url: Some(url.to_owned()),
        credentials: Some(Credentials::new("testing", "testing", None, None, "test")),
        retry: Some(common::fast_retry(2)),
        ..ClientSettings::default()
    }
}

/// A worker on its own channels; `capacity` bounds the action channel.
pub struct Harness {
    pub client: CognitoClient,
    effects: mpsc::Sender<Effect>,
    pub actions: mpsc::Receiver<Action>,
}

impl Harness {
    /// A worker whose local indexes live in memory: a test never reads or writes the person's.
    pub async fn start(settings: ClientSettings, capacity: usize) -> Self {
        Self::start_with(settings, capacity, Some(Home::Memory)).await
    }

    /// A worker keeping its local indexes in `home` (a test's own directory).
    pub async fn start_with(settings: ClientSettings, capacity: usize, home: Option<Home>) -> Self {
        let client = CognitoClient::connect(&settings).await.expect("connect");
        let (effect_tx, effect_rx) = mpsc::channel(EFFECTS);
        let (action_tx, action_rx) = mpsc::channel(capacity);
        let mut worker = Worker::new(settings, client.clone(), false, action_tx);
        if let Some(home) = home {
            worker = worker.with_index_home(home);
        }
        worker.spawn(effect_rx);
        Self {
            client,
            effects: effect_tx,
            actions: action_rx,
        }
    }

    /// A worker talking to `server` (moto or the local server).
    pub async fn on(server: &common::backend::Server) -> Self {
        Self::start(settings(&server.url), 64).await
    }

    pub fn send(&self, effect: Effect) {
        self.effects
            .try_send(effect)
            .expect("worker alive, with room for the effect");
    }

    /// Asks for `call` as request number `request`.
    pub fn call(&self, request: u64, call: ApiCall) {
        let request = RequestId(request);
        self.send(Effect::Api { request, call });
    }

    /// The next action other than a retry notice (those come whenever a call is retried).
    pub async fn next(&mut self) -> Action {
        loop {
            match self.next_raw().await {
                Action::Retrying { .. } => {}
                action => return action,
            }
        }
    }

    /// The next action, retry notices included.
    pub async fn next_raw(&mut self) -> Action {
        tokio::time::timeout(WAIT, self.actions.recv())
            .await
            .expect("an action within 30 s")
            .expect("worker alive")
    }

    /// The pages of `request` up to and including the one marked done.
    pub async fn pages(&mut self, request: u64) -> Vec<(Payload, bool)> {
        let request = RequestId(request);
        let mut pages = Vec::new();
        loop {
            match self.next().await {
                Action::Loaded {
                    request: r,
                    payload,
                    done,
                } if r == request => {
                    pages.push((payload, done));
                    if done {
                        return pages;
                    }
                }
                Action::Failed { request: r, error } if r == request => {
                    panic!("request {request} failed: {error:?}")
                }
                other => panic!("unexpected {other:?}"),
            }
        }
    }

    pub async fn detail(&mut self, request: u64, call: ApiCall) -> DetailBody {
        self.call(request, call);
        let mut pages = self.pages(request).await;
        assert_eq!(pages.len(), 1, "a detail is one answer");
        match pages.remove(0) {
            (Payload::Detail(body), true) => body,
            other => panic!("expected a detail, got {other:?}"),
        }
    }

    pub async fn failure(&mut self, request: u64) -> ErrorInfo {
        let request = RequestId(request);
        match self.next().await {
            Action::Failed { request: r, error } if r == request => error,
            other => panic!("expected Failed for {request}, got {other:?}"),
        }
    }
}

/// The rows of a page of a pane's rows.
pub fn rows_of<R: Pane>(page: &Payload) -> &[R] {
    match page {
        Payload::Rows(rows) => rows
            .get::<R>()
            .unwrap_or_else(|| panic!("expected {} rows, got {rows:?}", R::INFO.one)),
        other => panic!("expected rows, got {other:?}"),
    }
}

pub fn users_of(pages: &[(Payload, bool)]) -> Vec<String> {
    let mut names = Vec::new();
    for (page, _) in pages {
        let rows = rows_of::<UserRow>(page);
        names.extend(rows.iter().map(|r| r.username.to_string()));
    }
    names
}

pub fn pool_ids(pages: &[(Payload, bool)]) -> Vec<String> {
    let mut ids = Vec::new();
    for (page, _) in pages {
        let Payload::Pools(rows) = page else {
            panic!("expected pools, got {page:?}");
        };
        ids.extend(rows.iter().map(|r| r.id.to_string()));
    }
    ids
}

pub async fn seed_users(client: &CognitoClient, pool: &PoolId, count: usize) -> BTreeSet<String> {
    let names: BTreeSet<String> = (0..count).map(|i| format!("user{i:04}")).collect();
    futures::stream::iter(names.iter())
        .for_each_concurrent(8, |name| async move {
            let email = format!("{name}@example.com");
            common::create_user(client, pool, name, &[("email", &email)]).await;
        })
        .await;
    names
}

pub async fn create_group(client: &CognitoClient, pool: &PoolId, name: &str) {
    let input = json!({"UserPoolId": pool, "GroupName": name, "Description": format!("the {name}"), "Precedence": 3});
    client
        .call_json("CreateGroup", &input)
        .await
        .expect("CreateGroup");
}

pub async fn join(client: &CognitoClient, pool: &PoolId, user: &str, group: &str) {
    client
        .admin_add_user_to_group(pool, &Username::new(user), &GroupName::new(group))
        .await
        .expect("AdminAddUserToGroup");
}

pub fn section<'a>(body: &'a DetailBody, title: &str) -> Vec<&'a str> {
    body.sections
        .iter()
        .find(|s| s.title.starts_with(title))
        .unwrap_or_else(|| panic!("no section {title} in {body:?}"))
        .lines
        .iter()
        .map(|(label, value)| if label.is_empty() { value } else { label }.as_str())
        .collect()
}
