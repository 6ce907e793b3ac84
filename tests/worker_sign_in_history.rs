//! The devices view's changes through the worker against the local server's demo: a blocked
//! sign-in marked valid comes back with its EventFeedback as AWS sends it (provider Admin, a
//! date), a device set not remembered comes back so, both are in the audit journal, and a
//! read-only worker sends neither.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod common;
mod worker_support;

use std::sync::Arc;

use cognito_tui::app::action::{Action, Payload};
use cognito_tui::app::effect::{ApiCall, Change, Effect, Read, UserChange};
use cognito_tui::app::remote::RequestId;
use cognito_tui::app::users::devices::{DeviceLine, EventLine};
use cognito_tui::app::worker::Worker;
use cognito_tui::cognito::devices::Feedback;
use cognito_tui::cognito::{CognitoClient, PoolId, Username};
use cognito_tui::local::seed::PRODUCTION_POOL;
use cognito_tui::local::{LocalServer, Seed, StateLocation};
use cognito_tui::shared::journal::Journal;
use worker_support::{Harness, settings};

const USER: &str = "ann.adams3";

async fn demo() -> LocalServer {
    LocalServer::start(&StateLocation::Memory, Seed::Demo, 0)
        .await
        .unwrap()
}

async fn events(h: &mut Harness, request: u64) -> Vec<EventLine> {
    let call = Read::ListAuthEvents(PoolId::new(PRODUCTION_POOL), Username::new(USER));
    h.call(request, ApiCall::Read(call));
    match h.pages(request).await.remove(0).0 {
        Payload::AuthEvents(lines) => lines,
        other => panic!("{other:?}"),
    }
}

async fn devices(h: &mut Harness, request: u64) -> Vec<DeviceLine> {
    let call = Read::ListDevices(PoolId::new(PRODUCTION_POOL), Username::new(USER));
    h.call(request, ApiCall::Read(call));
    match h.pages(request).await.remove(0).0 {
        Payload::Devices(lines) => lines,
        other => panic!("{other:?}"),
    }
}

fn change(op: UserChange) -> ApiCall {
    ApiCall::Change(Change::User {
        pool: PoolId::new(PRODUCTION_POOL),
        user: Username::new(USER),
        op,
    })
}

#[tokio::test]
async fn a_blocked_sign_in_marked_valid_and_a_device_not_remembered_read_back_and_journaled() {
    let server = demo().await;
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::at(dir.path().join("journal.jsonl"));
    let mut settings = settings(&server.url());
    settings.mutation_log = Some(Arc::new(journal.clone()));
    let mut h = Harness::start(settings, 64).await;

    let before = events(&mut h, 1).await;
    let newest = &before[0];
    assert_eq!(
        (newest.response.as_str(), newest.risk.as_str()),
        ("Fail", "High")
    );
    assert!(newest.feedback.is_empty(), "{newest:?}");
    assert!(newest.challenges.starts_with("Password: "), "{newest:?}");
    let op = UserChange::EventFeedback {
        event: newest.id.clone(),
        feedback: Feedback::Valid,
    };
    h.call(2, change(op));
    assert_eq!(h.pages(2).await.remove(0).0, Payload::Done);
    let after = events(&mut h, 3).await;
    let marked = after.iter().find(|e| e.id == newest.id).unwrap();
    assert_eq!(marked.feedback, "Valid (Admin)");
    let feedback = &marked.raw["EventFeedback"];
    assert_eq!(feedback["FeedbackValue"], "Valid");
    assert_eq!(feedback["Provider"], "Admin");
    assert!(feedback["FeedbackDate"].as_f64().is_some(), "{feedback}");
    assert!(
        after
            .iter()
            .filter(|e| e.id != newest.id)
            .all(|e| e.feedback.is_empty())
    );

    let device = devices(&mut h, 4).await.remove(0);
    assert_eq!(device.status, "remembered");
    let op = UserChange::DeviceStatus {
        device: device.key.clone(),
        remembered: false,
    };
    h.call(5, change(op));
    assert_eq!(h.pages(5).await.remove(0).0, Payload::Done);
    let again = devices(&mut h, 6).await;
    let same = again.iter().find(|d| d.key == device.key).unwrap();
    assert_eq!(
        same.status, "not_remembered",
        "listed still, not remembered"
    );

    let entries = journal.read_last(10).unwrap();
    let done: Vec<(&str, &str, &str)> = entries
        .iter()
        .map(|e| (e.operation.as_str(), e.target.as_str(), e.result.as_str()))
        .collect();
    assert_eq!(
        done,
        [
            ("AdminUpdateAuthEventFeedback", USER, "ok"),
            ("AdminUpdateDeviceStatus", USER, "ok")
        ]
    );
}

#[tokio::test]
async fn a_read_only_worker_marks_nothing() {
    let server = demo().await;
    let settings = settings(&server.url());
    let client = CognitoClient::connect(&settings).await.unwrap();
    let (effects, rx) = tokio::sync::mpsc::channel(8);
    let (tx, mut actions) = tokio::sync::mpsc::channel(8);
    Worker::new(settings, client.clone(), true, tx).spawn(rx);
    let page = client
        .admin_list_user_auth_events(&PoolId::new(PRODUCTION_POOL), &Username::new(USER), None)
        .await
        .unwrap();
    let event = page.auth_events[0].event_id.clone().unwrap();
    let call = change(UserChange::EventFeedback {
        event: event.clone(),
        feedback: Feedback::Valid,
    });
    effects
        .try_send(Effect::Api {
            request: RequestId(1),
            call,
        })
        .unwrap();
    match actions.recv().await.unwrap() {
        Action::Failed { error, .. } => assert!(error.text.contains("read-only"), "{error:?}"),
        other => panic!("{other:?}"),
    }
    let page = client
        .admin_list_user_auth_events(&PoolId::new(PRODUCTION_POOL), &Username::new(USER), None)
        .await
        .unwrap();
    assert!(
        page.auth_events[0].event_feedback.is_none(),
        "nothing changed"
    );
}
