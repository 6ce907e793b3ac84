//! The console's worker against the scripted fault server: a listing that fails part-way says where
//! it can continue, retries are announced while they wait, an unsupported operation is one clear
//! failure, and a bulk run stops at an error every other user would meet.
// Helpers outside #[test] functions fail a test just as well: unwrap/expect are fine here.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod worker_support;

use std::sync::atomic::{AtomicUsize, Ordering};

use cognito_tui::app::effect::{Change, Read};
use cognito_tui::app::remote::{ErrorKind, RequestId};
use cognito_tui::app::{Action, ApiCall, Payload};
use cognito_tui::cognito::{PoolId, Username};
use cognito_tui::shared::bulk::BulkAction;
use common::fault::{Canned, serve_with};
use common::listing::{POOL, Users};
use worker_support::{Harness, settings};

fn list_users(from: Option<&str>) -> ApiCall {
    ApiCall::Read(Read::ListUsers {
        pool: PoolId::new(POOL),
        filter: None,
        from: from.map(str::to_owned),
    })
}

#[tokio::test]
async fn a_listing_that_fails_part_way_says_which_page_comes_next() {
    let users = Users::new(250);
    // Page 3 fails for both attempts of the first listing, then the fault has passed.
    let faults = AtomicUsize::new(0);
    let server = serve_with(move |request| {
        if Users::page_asked(request) == 2 && faults.fetch_add(1, Ordering::SeqCst) < 2 {
            return Canned::json(
                400,
                r#"{"__type":"InternalErrorException","message":"boom"}"#,
            );
        }
        users.answer(request)
    })
    .await;
    let mut h = Harness::start(settings(&server.url), 16).await;
    h.call(1, list_users(None));
    let mut rows = 0;
    let error = loop {
        match h.next().await {
            Action::Loaded {
                payload: Payload::Rows(page),
                done: false,
                ..
            } => rows += page.len(),
            Action::Failed { error, .. } => break error,
            other => panic!("unexpected {other:?}"),
        }
    };
    assert_eq!(rows, 120);
    assert_eq!(error.resume.as_deref(), Some("t2"));
    assert!(
        error.text.starts_with("InternalErrorException"),
        "{error:?}"
    );

    // Continued from there, it brings exactly the rest.
    h.call(2, list_users(Some("t2")));
    let rest = worker_support::users_of(&h.pages(2).await);
    assert_eq!(rest.len(), 130);
    assert_eq!(rest.first().map(String::as_str), Some("user00120"));
}

#[tokio::test]
async fn retries_are_announced_while_they_wait() {
    let users = Users::new(30);
    let seen = AtomicUsize::new(0);
    let server = serve_with(move |request| {
        if seen.fetch_add(1, Ordering::SeqCst) == 0 {
            return Canned::html(503, "");
        }
        users.answer(request)
    })
    .await;
    let mut h = Harness::start(settings(&server.url), 16).await;
    h.call(1, list_users(None));
    let Action::Retrying { request, notice } = h.next_raw().await else {
        panic!("expected a retry notice first");
    };
    assert_eq!(request, RequestId(1));
    assert_eq!((notice.attempt, notice.max_attempts), (2, Some(2)));
    assert_eq!(notice.reason, "HTTP 503");
    assert!(
        notice
            .describe()
            .starts_with("retrying ListUsers (2/2) after HTTP 503")
    );
    assert_eq!(worker_support::users_of(&h.pages(1).await).len(), 30);
}

#[tokio::test]
async fn an_unsupported_device_list_fails_once_and_says_so() {
    let sent = std::sync::Arc::new(AtomicUsize::new(0));
    let count = std::sync::Arc::clone(&sent);
    let body = r#"{"__type":"Unsupported","message":"API action 'AdminListDevices' for service 'cognito-idp' not yet implemented"}"#;
    let server = serve_with(move |_| {
        count.fetch_add(1, Ordering::SeqCst);
        Canned::json(500, body)
    })
    .await;
    let mut h = Harness::start(settings(&server.url), 16).await;
    h.call(
        1,
        ApiCall::Read(Read::ListDevices(PoolId::new(POOL), Username::new("ann"))),
    );
    let error = h.failure(1).await;
    assert_eq!(error.kind, ErrorKind::Unsupported);
    assert!(
        error.text.contains("not supported by this endpoint"),
        "{error:?}"
    );
    assert_eq!(sent.load(Ordering::SeqCst), 1, "never retried");
}

#[tokio::test]
async fn a_bulk_run_stops_at_the_first_unsupported_answer() {
    let server = serve_with(|_| Canned::html(500, "<html>no such route</html>")).await;
    let mut h = Harness::start(settings(&server.url), 16).await;
    let users = ["ann", "bob", "cat"].map(Username::new).to_vec();
    h.call(
        1,
        ApiCall::Change(Change::Bulk {
            pool: PoolId::new(POOL),
            op: BulkAction::Disable,
            users,
        }),
    );
    let Action::BulkStep { user, error, .. } = h.next().await else {
        panic!("expected the first user's step");
    };
    assert_eq!(user, "ann");
    assert_eq!(error.map(|e| e.kind), Some(ErrorKind::Unsupported));
    let error = h.failure(1).await;
    assert_eq!(error.kind, ErrorKind::Unsupported);
    assert_eq!(
        server.operations(),
        ["AdminDisableUser"],
        "bob and cat untouched"
    );
}

/// The worker's own replies (a refusal, a generated password, a reconnect) never hold up its
/// loop: with nobody reading the replies and the effect channel small, every effect is still
/// taken, so the console sending effects can never wait on a worker that waits on the console.
#[tokio::test]
async fn the_worker_takes_every_effect_while_its_replies_wait() {
    use cognito_tui::app::Effect;
    use cognito_tui::app::effect::{Change, UserChange};
    use cognito_tui::app::worker::Worker;
    use cognito_tui::cognito::CognitoClient;
    use tokio::sync::mpsc;

    let settings = settings("http://127.0.0.1:9");
    let client = CognitoClient::connect(&settings).await.unwrap();
    let (effects, effect_rx) = mpsc::channel(2);
    let (action_tx, mut actions) = mpsc::channel(1);
    Worker::new(settings, client, true, action_tx).spawn(effect_rx);
    let refused = |n: u64| Effect::Api {
        request: RequestId(n),
        call: ApiCall::Change(Change::User {
            pool: PoolId::new(POOL),
            user: Username::new("ann"),
            op: UserChange::Disable,
        }),
    };
    let sent = tokio::time::timeout(std::time::Duration::from_secs(5), async {
        for n in 1..=10 {
            effects.send(refused(n)).await.unwrap();
        }
    })
    .await;
    assert!(sent.is_ok(), "the worker stopped taking effects");
    let mut answered = Vec::new();
    while answered.len() < 10 {
        match actions.recv().await {
            Some(Action::Failed { request, error }) => {
                assert!(error.text.contains("read-only"), "{error:?}");
                answered.push(request.0);
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    answered.sort_unstable();
    assert_eq!(answered, (1..=10).collect::<Vec<_>>());
}
