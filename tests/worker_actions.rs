//! The worker's administration calls against moto and the local server: an effect in, the actions
//! out, and every change checked with a fresh read through the typed client.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod common;
mod worker_support;

use cognito_tui::app::action::{Action, Payload};
use cognito_tui::app::effect::{ApiCall, Change, Effect, NewUser, Read, UserChange};
use cognito_tui::app::remote::RequestId;
use cognito_tui::app::users::bulk::BulkAction;
use cognito_tui::app::worker::Worker;
use cognito_tui::cognito::pools::PasswordPolicyType;
use cognito_tui::cognito::types::{Secret, attribute};
use cognito_tui::cognito::user_status::UserStatus;
use cognito_tui::cognito::{CognitoClient, GroupName, PoolId, Username};
use common::backend::Backend;
use futures::TryStreamExt as _;
use serde_json::json;
use worker_support::{Harness, create_group, settings};

/// The one answer of `request`.
async fn answer(h: &mut Harness, request: u64, call: ApiCall) -> Payload {
    h.call(request, call);
    let mut pages = h.pages(request).await;
    assert_eq!(pages.len(), 1, "{pages:?}");
    pages.remove(0).0
}

/// A change that must succeed.
async fn change(h: &mut Harness, request: u64, call: ApiCall) {
    assert_eq!(answer(h, request, call).await, Payload::Done);
}

async fn admin(h: &mut Harness, request: u64, pool: &PoolId, user: &str, op: UserChange) {
    let call = ApiCall::Change(Change::User {
        pool: pool.clone(),
        user: Username::new(user),
        op,
    });
    change(h, request, call).await;
}

async fn status(c: &CognitoClient, pool: &PoolId, user: &str) -> (String, bool) {
    let got = c.admin_get_user(pool, &Username::new(user)).await.unwrap();
    (
        got.user_status.map(|s| s.to_string()).unwrap_or_default(),
        got.enabled.unwrap_or(true),
    )
}

async fn groups_of(c: &CognitoClient, pool: &PoolId, user: &str) -> Vec<String> {
    let pages: Vec<_> = c
        .admin_list_groups_for_user(pool, &Username::new(user))
        .try_collect()
        .await
        .unwrap();
    pages
        .iter()
        .flat_map(|p| p.groups.iter().map(|g| g.group_name.to_string()))
        .collect()
}

async fn create_edit_and_read_back_a_user(backend: Backend) {
    let server = backend.start().await;
    let mut h = Harness::on(&server).await;
    let pool = common::create_pool(&h.client, "wa-create").await;
    let Payload::PoolSettings(s) =
        answer(&mut h, 1, ApiCall::Read(Read::PoolSettings(pool.clone()))).await
    else {
        panic!()
    };
    // moto lists only the pool's custom attributes (AWS lists the standard ones too).
    assert!(
        s.attributes
            .iter()
            .any(|a| a.name == "custom:tenant" && a.mutable)
    );
    assert_eq!(s.policy.minimum_length, Some(8), "{:?}", s.policy);

    let new = NewUser {
        pool: pool.clone(),
        username: Username::new("zoe"),
        attributes: vec![
            ("email".into(), "zoe@example.com".into()),
            ("custom:tenant".into(), "acme".into()),
            ("email_verified".into(), "true".into()),
        ],
        temporary_password: Some(Secret::new("Temp-Passw0rd!")),
        suppress_invitation: true,
        delivery: vec!["EMAIL".into()],
    };
    change(
        &mut h,
        2,
        ApiCall::Change(Change::CreateUser(Box::new(new))),
    )
    .await;
    let got = h
        .client
        .admin_get_user(&pool, &Username::new("zoe"))
        .await
        .unwrap();
    assert_eq!(got.user_status, Some(UserStatus::ForceChangePassword));
    assert_eq!(
        attribute(&got.user_attributes, "custom:tenant"),
        Some("acme")
    );

    let row = answer(
        &mut h,
        3,
        ApiCall::Read(Read::GetUserRow(pool.clone(), Username::new("zoe"))),
    )
    .await;
    let Payload::UserRow(row) = row else {
        panic!("{row:?}")
    };
    assert_eq!((&*row.username, &*row.email), ("zoe", "zoe@example.com"));

    let edit = ApiCall::Change(Change::UpdateAttributes {
        pool: pool.clone(),
        user: Username::new("zoe"),
        set: vec![("name".into(), "Zoe Q".into())],
        delete: vec!["custom:tenant".into()],
    });
    change(&mut h, 4, edit).await;
    let got = h
        .client
        .admin_get_user(&pool, &Username::new("zoe"))
        .await
        .unwrap();
    assert_eq!(attribute(&got.user_attributes, "name"), Some("Zoe Q"));
    assert_eq!(attribute(&got.user_attributes, "custom:tenant"), None);

    // Creating the same user again fails with the Cognito code, in plain English.
    let again = NewUser {
        pool: pool.clone(),
        username: Username::new("zoe"),
        attributes: Vec::new(),
        temporary_password: None,
        suppress_invitation: true,
        delivery: Vec::new(),
    };
    h.call(5, ApiCall::Change(Change::CreateUser(Box::new(again))));
    let error = h.failure(5).await;
    assert_eq!(error.code.as_deref(), Some("UsernameExistsException"));
    assert!(error.text.contains("already exists"), "{error:?}");
}

async fn disable_enable_passwords_confirm_sign_out_and_delete(backend: Backend) {
    let server = backend.start().await;
    let mut h = Harness::on(&server).await;
    let c = h.client.clone();
    let pool = common::create_pool(&c, "wa-single").await;
    common::create_user(
        &c,
        &pool,
        "ann",
        &[("email", "ann@example.com"), ("email_verified", "true")],
    )
    .await;

    admin(&mut h, 1, &pool, "ann", UserChange::Disable).await;
    assert!(!status(&c, &pool, "ann").await.1, "disabled");
    admin(&mut h, 2, &pool, "ann", UserChange::Enable).await;
    assert!(status(&c, &pool, "ann").await.1, "enabled");

    // moto re-creates the user on RESEND (attributes dropped): a user of its own.
    common::create_user(&c, &pool, "fcp", &[]).await;
    admin(&mut h, 3, &pool, "fcp", UserChange::ResendInvitation).await;
    assert_eq!(status(&c, &pool, "fcp").await.0, "FORCE_CHANGE_PASSWORD");
    let set = ApiCall::Change(Change::SetPassword {
        pool: pool.clone(),
        user: Username::new("ann"),
        password: Secret::new("Perm-Passw0rd!"),
        permanent: true,
    });
    change(&mut h, 4, set).await;
    assert_eq!(status(&c, &pool, "ann").await.0, "CONFIRMED");
    admin(&mut h, 5, &pool, "ann", UserChange::ResetPassword).await;
    assert_eq!(status(&c, &pool, "ann").await.0, "RESET_REQUIRED");
    admin(&mut h, 6, &pool, "ann", UserChange::GlobalSignOut).await;
    admin(&mut h, 7, &pool, "ann", UserChange::ResetMfa).await;
    let Payload::Mfa(mfa) = answer(
        &mut h,
        8,
        ApiCall::Read(Read::GetUserMfa(pool.clone(), Username::new("ann"))),
    )
    .await
    else {
        panic!()
    };
    assert_eq!(mfa.preferred, "none");

    // A user who signed up themselves, then confirmed by the administrator.
    let client = c
        .call_json(
            "CreateUserPoolClient",
            &json!({"UserPoolId": pool, "ClientName": "web"}),
        )
        .await
        .unwrap();
    let id = client["UserPoolClient"]["ClientId"].as_str().unwrap();
    c.call_json(
        "SignUp",
        &json!({"ClientId": id, "Username": "sam", "Password": "Sign-Up-Passw0rd!"}),
    )
    .await
    .unwrap();
    assert_eq!(status(&c, &pool, "sam").await.0, "UNCONFIRMED");
    admin(&mut h, 9, &pool, "sam", UserChange::ConfirmSignUp).await;
    assert_eq!(status(&c, &pool, "sam").await.0, "CONFIRMED");

    admin(&mut h, 10, &pool, "sam", UserChange::Delete).await;
    let gone = c.admin_get_user(&pool, &Username::new("sam")).await;
    assert_eq!(gone.unwrap_err().code(), Some("UserNotFoundException"));

    // A refused change comes back as Failed with the service's reason.
    admin_fails(
        &mut h,
        11,
        &pool,
        "ghost",
        UserChange::Disable,
        "UserNotFoundException",
    )
    .await;
}

async fn admin_fails(
    h: &mut Harness,
    request: u64,
    pool: &PoolId,
    user: &str,
    op: UserChange,
    code: &str,
) {
    let call = ApiCall::Change(Change::User {
        pool: pool.clone(),
        user: Username::new(user),
        op,
    });
    h.call(request, call);
    assert_eq!(h.failure(request).await.code.as_deref(), Some(code));
}

async fn groups_devices_and_auth_events(backend: Backend) {
    let server = backend.start().await;
    let mut h = Harness::on(&server).await;
    let c = h.client.clone();
    let pool = common::create_pool(&c, "wa-groups").await;
    common::create_user(&c, &pool, "ann", &[("email", "ann@example.com")]).await;
    create_group(&c, &pool, "staff").await;
    let staff = GroupName::new("staff");
    admin(
        &mut h,
        1,
        &pool,
        "ann",
        UserChange::AddToGroup(staff.clone()),
    )
    .await;
    assert_eq!(groups_of(&c, &pool, "ann").await, ["staff"]);
    admin(&mut h, 2, &pool, "ann", UserChange::RemoveFromGroup(staff)).await;
    assert!(groups_of(&c, &pool, "ann").await.is_empty());

    let (ann, devices, events) = (Username::new("ann"), 3, 4);
    let list_devices = ApiCall::Read(Read::ListDevices(pool.clone(), ann.clone()));
    let list_events = ApiCall::Read(Read::ListAuthEvents(pool.clone(), ann));
    if server.is_moto() {
        // moto has neither: the error says so, for the view to show in place.
        for (request, call) in [(devices, list_devices), (events, list_events)] {
            h.call(request, call);
            let error = h.failure(request).await;
            assert!(
                error.text.contains("not supported by this endpoint"),
                "{error:?}"
            );
        }
    } else {
        // A new user has remembered no device, and a pool without threat protection keeps no
        // auth events: AWS's answers, the second shown in place.
        let Payload::Devices(rows) = answer(&mut h, devices, list_devices).await else {
            panic!("expected devices")
        };
        assert!(rows.is_empty(), "{rows:?}");
        h.call(events, list_events);
        let error = h.failure(events).await;
        assert_eq!(
            error.code.as_deref(),
            Some("UserPoolAddOnNotEnabledException"),
            "{error:?}"
        );
    }
}

async fn bulk_steps_through_every_user_and_a_failure_does_not_stop_it(backend: Backend) {
    let server = backend.start().await;
    let mut h = Harness::on(&server).await;
    let c = h.client.clone();
    let pool = common::create_pool(&c, "wa-bulk").await;
    for user in ["u1", "u2", "u3"] {
        common::create_user(&c, &pool, user, &[]).await;
    }
    let users = ["u1", "ghost", "u3"].map(Username::new).to_vec();
    h.call(
        1,
        ApiCall::Change(Change::Bulk {
            pool: pool.clone(),
            op: BulkAction::Disable,
            users,
        }),
    );
    let mut steps = Vec::new();
    loop {
        match h.next().await {
            Action::BulkStep {
                request: RequestId(1),
                user,
                error,
            } => steps.push((user, error.map(|e| e.code))),
            Action::Loaded {
                request: RequestId(1),
                payload: Payload::Done,
                ..
            } => break,
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(
        steps,
        [
            ("u1".to_owned(), None),
            (
                "ghost".to_owned(),
                Some(Some("UserNotFoundException".to_owned()))
            ),
            ("u3".to_owned(), None),
        ]
    );
    assert!(!status(&c, &pool, "u1").await.1);
    assert!(status(&c, &pool, "u2").await.1, "not marked, not touched");
    assert!(!status(&c, &pool, "u3").await.1);
}

async fn generated_passwords_meet_the_policy_and_the_journal_is_read(backend: Backend) {
    let server = backend.start().await;
    let mut h = Harness::on(&server).await;
    let policy = PasswordPolicyType {
        minimum_length: Some(16),
        require_symbols: Some(true),
        require_numbers: Some(true),
        ..PasswordPolicyType::default()
    };
    h.send(Effect::GeneratePassword {
        request: RequestId(1),
        policy: policy.clone(),
    });
    let Payload::Password(secret) = h.pages(1).await.remove(0).0 else {
        panic!()
    };
    assert!(cognito_tui::shared::password::problems(secret.reveal(), &policy).is_empty());
    h.send(Effect::ReadJournal {
        request: RequestId(2),
        last: 5,
    });
    match h.next().await {
        Action::Loaded {
            request: RequestId(2),
            payload: Payload::Journal(lines),
            ..
        } => assert!(lines.len() <= 5),
        // No data dir on this machine is the one acceptable failure.
        Action::Failed {
            request: RequestId(2),
            error,
        } => {
            assert!(error.text.contains("journal"), "{error:?}");
        }
        other => panic!("{other:?}"),
    }
}

async fn a_read_only_worker_refuses_every_change_and_nothing_changes(backend: Backend) {
    let server = backend.start().await;
    let settings = settings(&server.url);
    let client = CognitoClient::connect(&settings).await.unwrap();
    let pool = common::create_pool(&client, "wa-ro").await;
    common::create_user(&client, &pool, "ann", &[]).await;
    let (effects, rx) = tokio::sync::mpsc::channel(8);
    let (tx, mut actions) = tokio::sync::mpsc::channel(8);
    Worker::new(settings, client.clone(), true, tx).spawn(rx);
    let call = ApiCall::Change(Change::User {
        pool: pool.clone(),
        user: Username::new("ann"),
        op: UserChange::Disable,
    });
    effects
        .try_send(Effect::Api {
            request: RequestId(1),
            call,
        })
        .unwrap();
    match actions.recv().await.unwrap() {
        Action::Failed {
            request: RequestId(1),
            error,
        } => assert!(error.text.contains("read-only")),
        other => panic!("{other:?}"),
    }
    assert!(status(&client, &pool, "ann").await.1, "still enabled");
}

on_both!("current_thread": create_edit_and_read_back_a_user, disable_enable_passwords_confirm_sign_out_and_delete, groups_devices_and_auth_events, bulk_steps_through_every_user_and_a_failure_does_not_stop_it, generated_passwords_meet_the_policy_and_the_journal_is_read, a_read_only_worker_refuses_every_change_and_nothing_changes);
