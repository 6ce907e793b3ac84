//! The background worker against moto and the local server: effects in, actions out. Lists stream
//! page by page and end with `done`, cancel stops the pages, details carry their raw JSON, errors
//! become `Failed`, and a reconnect applies before the effects queued after it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod common;
mod worker_support;

use std::collections::BTreeSet;
use std::time::Duration;

use cognito_tui::app::browse::rows::ClientRow;
use cognito_tui::app::browse::rows::GroupRow;
use cognito_tui::app::browse::rows::IdpRow;
use cognito_tui::app::effect::ProfileChoice;
use cognito_tui::app::effect::Read;
use cognito_tui::app::remote::RequestId;
use cognito_tui::app::state::Tab;
use cognito_tui::app::worker::context_of;
use cognito_tui::app::{Action, ApiCall, Effect, Payload};
use cognito_tui::cognito::PoolId;
use common::backend::Backend;
use serde_json::json;
use worker_support::{
    Harness, create_group, join, pool_ids, rows_of, section, seed_users, settings, users_of,
};

async fn more_than_60_users_stream_as_several_pages_then_done(backend: Backend) {
    let server = backend.start().await;
    let mut h = Harness::on(&server).await;
    let pool = common::create_pool(&h.client, "worker-stream").await;
    let names = seed_users(&h.client, &pool, 130).await;

    h.call(
        1,
        ApiCall::Read(Read::ListUsers {
            pool: pool.clone(),
            filter: None,
            from: None,
        }),
    );
    let pages = h.pages(1).await;
    let with_rows: Vec<usize> = pages
        .iter()
        .map(|(p, _)| match p {
            Payload::Rows(rows) => rows.len(),
            _ => 0,
        })
        .filter(|n| *n > 0)
        .collect();
    assert!(with_rows.len() >= 3, "pages: {with_rows:?}");
    assert!(with_rows.iter().all(|n| *n <= 60), "pages: {with_rows:?}");
    assert!(pages[..pages.len() - 1].iter().all(|(_, done)| !done));
    assert!(pages.last().unwrap().1, "the last page is marked done");
    let got = users_of(&pages);
    assert_eq!(got.len(), 130, "no user twice");
    assert_eq!(got.into_iter().collect::<BTreeSet<_>>(), names);

    h.call(
        2,
        ApiCall::Read(Read::ListUsers {
            pool,
            filter: Some(r#"email ^= "user0042""#.to_owned()),
            from: None,
        }),
    );
    assert_eq!(users_of(&h.pages(2).await), ["user0042"]);
}

async fn cancel_stops_further_pages(backend: Backend) {
    let server = backend.start().await;
    let settings = settings(&server.url);
    // One slot: the call can run at most a page ahead of what the test has read.
    let mut h = Harness::start(settings, 1).await;
    let pool = common::create_pool(&h.client, "worker-cancel").await;
    seed_users(&h.client, &pool, 300).await;

    h.call(
        7,
        ApiCall::Read(Read::ListUsers {
            pool,
            filter: None,
            from: None,
        }),
    );
    let first = h.next().await;
    assert!(
        matches!(
            first,
            Action::Loaded {
                request: RequestId(7),
                done: false,
                ..
            }
        ),
        "{first:?}"
    );
    h.send(Effect::Cancel(RequestId(7)));
    let mut later = Vec::new();
    while let Ok(Some(action)) =
        tokio::time::timeout(Duration::from_millis(1500), h.actions.recv()).await
    {
        later.push(action);
    }
    assert!(later.len() <= 2, "pages after cancel: {}", later.len());
    assert!(
        later
            .iter()
            .all(|a| matches!(a, Action::Loaded { done: false, .. })),
        "{later:?}"
    );
}

async fn pools_groups_clients_and_idps_list(backend: Backend) {
    let server = backend.start().await;
    let mut h = Harness::on(&server).await;
    let pool = common::create_pool(&h.client, "worker-lists").await;
    create_group(&h.client, &pool, "admins").await;
    for (name, secret) in [("web", false), ("backend", true)] {
        let input = json!({"UserPoolId": pool, "ClientName": name, "GenerateSecret": secret,
            "ExplicitAuthFlows": ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]});
        h.client
            .call_json("CreateUserPoolClient", &input)
            .await
            .expect("CreateUserPoolClient");
    }
    let input = json!({"UserPoolId": pool, "ProviderName": "Okta", "ProviderType": "OIDC",
        "ProviderDetails": {"client_id": "cid", "client_secret": "oidc-secret-value",
            "authorize_scopes": "openid", "oidc_issuer": "https://example.com",
            "attributes_request_method": "GET"}});
    h.client
        .call_json("CreateIdentityProvider", &input)
        .await
        .expect("CreateIdentityProvider");

    h.call(1, ApiCall::Read(Read::ListPools));
    let pools: Vec<String> = pool_ids(&h.pages(1).await);
    assert!(pools.contains(&pool.to_string()), "{pools:?}");

    h.call(2, ApiCall::Read(Read::List(Tab::Groups, pool.clone())));
    let groups = h.pages(2).await;
    assert!(
        matches!(rows_of::<GroupRow>(&groups[0].0), [admins] if &*admins.name == "admins"),
        "{groups:?}"
    );

    h.call(3, ApiCall::Read(Read::List(Tab::Clients, pool.clone())));
    let mut clients: Vec<(String, bool, String)> = Vec::new();
    for (page, _) in h.pages(3).await {
        let rows = rows_of::<ClientRow>(&page);
        clients.extend(
            rows.iter()
                .map(|r| (r.name.to_string(), r.has_secret, r.auth_flows.to_string())),
        );
    }
    clients.sort();
    let flows = "ALLOW_USER_PASSWORD_AUTH,ALLOW_REFRESH_TOKEN_AUTH".to_owned();
    assert_eq!(
        clients,
        [
            ("backend".to_owned(), true, flows.clone()),
            ("web".to_owned(), false, flows)
        ]
    );

    h.call(4, ApiCall::Read(Read::List(Tab::Idps, pool.clone())));
    let idps = h.pages(4).await;
    assert!(
        matches!(rows_of::<IdpRow>(&idps[0].0), [okta] if &*okta.kind == "OIDC"),
        "{idps:?}"
    );
    let body = h
        .detail(
            5,
            ApiCall::Read(Read::Describe {
                tab: Tab::Idps,
                pool: pool.clone(),
                key: "Okta".to_owned(),
            }),
        )
        .await;
    let shown = format!("{body:?}");
    assert!(!shown.contains("oidc-secret-value"), "{shown}");
    assert_eq!(
        body.raw["IdentityProvider"]["ProviderDetails"]["oidc_issuer"],
        "https://example.com"
    );

    h.call(6, ApiCall::Read(Read::DescribePool(pool.clone())));
    match h.pages(6).await.remove(0) {
        (Payload::Overview(lines), true) => {
            assert!(
                lines.contains(&("Id".to_owned(), pool.to_string())),
                "{lines:?}"
            );
        }
        other => panic!("{other:?}"),
    }
}

async fn details_carry_groups_members_and_masked_secrets(backend: Backend) {
    let server = backend.start().await;
    let mut h = Harness::on(&server).await;
    let pool = common::create_pool(&h.client, "worker-detail").await;
    common::create_user(&h.client, &pool, "ann", &[("email", "ann@example.com")]).await;
    common::create_user(&h.client, &pool, "bob", &[]).await;
    for g in ["admins", "support"] {
        create_group(&h.client, &pool, g).await;
        join(&h.client, &pool, "ann", g).await;
    }
    join(&h.client, &pool, "bob", "support").await;

    let user = h
        .detail(
            1,
            ApiCall::Read(Read::Describe {
                tab: Tab::Users,
                pool: pool.clone(),
                key: "ann".to_owned(),
            }),
        )
        .await;
    let mut groups = section(&user, "Groups");
    groups.sort_unstable();
    assert_eq!(groups, ["admins", "support"]);
    assert!(section(&user, "Attributes").contains(&"email"));
    assert_eq!(user.raw["Username"], "ann");
    let mut raw_groups: Vec<&str> = user.raw["Groups"]
        .as_array()
        .expect("Groups added to the raw answer")
        .iter()
        .map(|g| g["GroupName"].as_str().unwrap())
        .collect();
    raw_groups.sort_unstable();
    assert_eq!(raw_groups, ["admins", "support"]);

    let group = h
        .detail(
            2,
            ApiCall::Read(Read::Describe {
                tab: Tab::Groups,
                pool: pool.clone(),
                key: "support".to_owned(),
            }),
        )
        .await;
    let mut members = section(&group, "Members");
    members.sort_unstable();
    assert_eq!(members, ["ann", "bob"]);
    assert_eq!(group.raw["Group"]["GroupName"], "support");
    assert_eq!(group.raw["Users"].as_array().map(Vec::len), Some(2));

    let input = json!({"UserPoolId": pool, "ClientName": "backend", "GenerateSecret": true});
    let created = h
        .client
        .call_json("CreateUserPoolClient", &input)
        .await
        .unwrap();
    let secret = created["UserPoolClient"]["ClientSecret"]
        .as_str()
        .unwrap()
        .to_owned();
    let id = created["UserPoolClient"]["ClientId"].as_str().unwrap();
    let body = h
        .detail(
            3,
            ApiCall::Read(Read::Describe {
                tab: Tab::Clients,
                pool: pool.clone(),
                key: id.to_owned(),
            }),
        )
        .await;
    assert!(!format!("{body:?}").contains(&secret), "the secret leaked");
    assert_eq!(body.raw["UserPoolClient"]["ClientName"], "backend");
}

async fn api_errors_become_failed_actions(backend: Backend) {
    let server = backend.start().await;
    let mut h = Harness::on(&server).await;
    let pool = common::create_pool(&h.client, "worker-errors").await;
    h.call(
        1,
        ApiCall::Read(Read::Describe {
            tab: Tab::Users,
            pool,
            key: "nobody".to_owned(),
        }),
    );
    let error = h.failure(1).await;
    assert_eq!(error.code.as_deref(), Some("UserNotFoundException"));
    assert!(error.text.starts_with("UserNotFoundException"), "{error:?}");

    // An endpoint without an operation answers HTML 500s (moto, for a few): said plainly.
    let html = common::fault::Canned::html(500, "<html><body>Internal Server Error</body></html>");
    let faulty = common::fault::serve(vec![html]).await;
    let mut h = Harness::start(settings(&faulty.url), 8).await;
    let pool = PoolId::new("us-east-1_nothing");
    h.call(
        2,
        ApiCall::Read(Read::ListUsers {
            pool,
            filter: None,
            from: None,
        }),
    );
    let error = h.failure(2).await;
    assert!(
        error
            .text
            .contains("ListUsers is not supported by this endpoint"),
        "{error:?}"
    );
}

async fn reconnect_applies_before_the_effects_after_it(backend: Backend) {
    let server = backend.start().await;
    let mut h = Harness::on(&server).await;
    let before = context_of(&h.client, false);
    assert_eq!(before.region, "us-east-1");
    assert_eq!(before.endpoint, server.url);
    assert!(!before.is_aws);
    let pool = common::create_pool(&h.client, "worker-reconnect").await;

    h.send(Effect::Reconnect {
        profile: ProfileChoice::Keep,
        region: Some("not a region".to_owned()),
    });
    assert!(
        matches!(h.next().await, Action::ConnectFailed(e) if e.text.contains("not a valid AWS region"))
    );
    assert_eq!(h.next().await, Action::Connected(before.clone()));

    // Queued together: the list must already go to eu-west-1, where the pool does not exist.
    h.send(Effect::Reconnect {
        profile: ProfileChoice::Keep,
        region: Some("eu-west-1".to_owned()),
    });
    h.call(9, ApiCall::Read(Read::ListPools));
    let expected = cognito_tui::app::state::Context {
        region: "eu-west-1".to_owned(),
        ..before
    };
    assert_eq!(h.next().await, Action::Connected(expected));
    let ids: Vec<String> = pool_ids(&h.pages(9).await);
    assert!(!ids.contains(&pool.to_string()), "{ids:?}");
}

on_both!("current_thread": more_than_60_users_stream_as_several_pages_then_done, cancel_stops_further_pages, pools_groups_clients_and_idps_list, details_carry_groups_members_and_masked_secrets, api_errors_become_failed_actions, reconnect_applies_before_the_effects_after_it);
