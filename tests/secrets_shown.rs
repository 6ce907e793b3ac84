//! A secret (an app client's, an identity provider's client secret or private key) never shows in
//! the console or the CLI unless the user asks the CLI to reveal it, and both mask the same
//! members the same way: the console's detail (fields and raw JSON) against the real binary's
//! `describe`, on moto and on the local server.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod cli_support;
mod common;
mod worker_support;

use cognito_tui::app::ApiCall;
use cognito_tui::app::browse::detail::DetailBody;
use cognito_tui::app::effect::Read;
use cognito_tui::app::state::Tab;
use cognito_tui::cognito::PoolId;
use common::backend::{Backend, Server};
use serde_json::{Value, json};
use worker_support::Harness;

const OIDC_SECRET: &str = "oidc-Sup3r-secret-value";
const APPLE_KEY: &str = "-----BEGIN PRIVATE KEY-----apple-key-body";

/// `cognito-tui ARGS --region us-east-1 --endpoint-url SERVER`: its stdout; it must succeed.
async fn cli(server: &Server, args: &[&str]) -> String {
    let mut all: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    all.extend(["--region", common::REGION, "--endpoint-url", &server.url].map(str::to_owned));
    let run = cli_support::run_args(all, "").await;
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    run.stdout
}

async fn cli_json(server: &Server, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--output", "json"]);
    serde_json::from_str(&cli(server, &all).await).unwrap()
}

/// What the console could show of a detail: every field and the raw JSON of `y`.
fn console_text(body: &DetailBody) -> String {
    format!(
        "{body:?}\n{}",
        serde_json::to_string_pretty(&body.raw).unwrap()
    )
}

async fn providers(h: &Harness, pool: &PoolId) {
    let oidc = json!({"UserPoolId": pool, "ProviderName": "Corp", "ProviderType": "OIDC",
        "ProviderDetails": {"client_id": "cid", "client_secret": OIDC_SECRET,
            "authorize_scopes": "openid", "oidc_issuer": "https://issuer.example.com",
            "attributes_request_method": "GET"}});
    let apple = json!({"UserPoolId": pool, "ProviderName": "SignInWithApple",
        "ProviderType": "SignInWithApple", "ProviderDetails": {"client_id": "com.example.web",
            "team_id": "TEAM123456", "key_id": "KEY1234567", "private_key": APPLE_KEY,
            "authorize_scopes": "email name"}});
    for input in [oidc, apple] {
        h.client
            .call_json("CreateIdentityProvider", &input)
            .await
            .expect("CreateIdentityProvider");
    }
}

/// The console's read of a row's detail.
fn detail_of(tab: Tab, pool: &PoolId, key: &str) -> ApiCall {
    ApiCall::Read(Read::Describe {
        tab,
        pool: pool.clone(),
        key: key.to_owned(),
    })
}

async fn secrets_show_only_when_revealed(backend: Backend) {
    let server = backend.start().await;
    let mut h = Harness::on(&server).await;
    let pool = common::create_pool(&h.client, "secrets-shown").await;
    let app = cli_support::app_client(&h.client, &pool, "backend", true).await;
    let id = app["ClientId"].as_str().unwrap();
    let client_secret = app["ClientSecret"].as_str().unwrap().to_owned();
    providers(&h, &pool).await;

    // The console: the client's detail and its raw JSON.
    let body = h.detail(1, detail_of(Tab::Clients, &pool, id)).await;
    let shown = console_text(&body);
    assert!(!shown.contains(&client_secret), "{shown}");
    assert!(
        shown.contains("********"),
        "the console says there is a secret"
    );
    // The CLI: the same answer, masked the same way, unless revealed.
    let (p, describe) = (pool.as_str(), ["clients", "describe", "--pool"]);
    let masked = cli_json(&server, &[&describe[..], &[p, id]].concat()).await;
    assert_eq!(masked, body.raw, "the console and the CLI mask alike");
    let table = cli(&server, &[&describe[..], &[p, id]].concat()).await;
    assert!(!table.contains(&client_secret), "{table}");
    let revealed = cli_json(
        &server,
        &[&describe[..], &[p, id, "--reveal-secret"]].concat(),
    )
    .await;
    assert_eq!(revealed["UserPoolClient"]["ClientSecret"], client_secret);

    for (i, (name, secret)) in [("Corp", OIDC_SECRET), ("SignInWithApple", APPLE_KEY)]
        .into_iter()
        .enumerate()
    {
        let request = 2 + u64::try_from(i).unwrap();
        let body = h.detail(request, detail_of(Tab::Idps, &pool, name)).await;
        let shown = console_text(&body);
        assert!(!shown.contains(secret), "{shown}");
        let describe = ["idps", "describe", "--pool", p, name];
        let masked = cli_json(&server, &describe).await;
        assert_eq!(masked, body.raw, "the console and the CLI mask alike");
        let table = cli(&server, &describe).await;
        assert!(!table.contains(secret), "{table}");
        let revealed = cli(&server, &[&describe[..], &["--reveal-secret"]].concat()).await;
        assert!(revealed.contains(secret), "{revealed}");
    }
}

on_both!("multi_thread": secrets_show_only_when_revealed);
