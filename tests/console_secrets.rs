//! An app client's secret in the console, through the whole of it (keys, `update`, the real worker,
//! the wire) on moto and on the local server: the detail shows it masked; `S` reads it and shows
//! it masked under a warning; only `r` puts it on the screen; closing forgets it; and no Debug print
//! of the console's state (what a log could record) ever holds it. A client without a secret says
//! so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod common;
mod console_support;
mod worker_support;

use cognito_tui::app::Action;
use cognito_tui::app::state::Tab;
use cognito_tui::cognito::CognitoClient;
use common::backend::Backend;
use console_support::Console;
use crossterm::event::KeyCode;
use serde_json::json;

/// A new pool with one app client, `api`, with a secret or without; the pool's name and the
/// client's secret as the service made it.
async fn pool_with_client(client: &CognitoClient, secret: bool) -> (String, Option<String>) {
    let name = common::unique("secret");
    let answer = client
        .call_json("CreateUserPool", &json!({"PoolName": name}))
        .await
        .expect("CreateUserPool");
    let pool = answer["UserPool"]["Id"].as_str().unwrap().to_owned();
    let answer = client
        .call_json(
            "CreateUserPoolClient",
            &json!({"UserPoolId": pool, "ClientName": "api", "GenerateSecret": secret}),
        )
        .await
        .expect("CreateUserPoolClient");
    let made = answer["UserPoolClient"]["ClientSecret"]
        .as_str()
        .map(str::to_owned);
    (name, made)
}

/// The console on the detail of the pool's one app client.
async fn on_client_detail(url: &str, pool: &str) -> Console {
    let mut c = Console::at(url).await;
    c.act(Action::OpenPalette).await;
    c.keys(&format!("pool {pool}")).await;
    c.press(KeyCode::Enter).await;
    c.act(Action::ShowTab(Tab::Clients)).await;
    c.press(KeyCode::Enter).await;
    c
}

/// Neither the screen nor a Debug print of the state holds `secret`.
fn nowhere(c: &Console, secret: &str, when: &str) {
    let screen = c.screen();
    assert!(!screen.contains(secret), "{when}: on the screen:\n{screen}");
    assert!(
        !format!("{:?}", c.state).contains(secret),
        "{when}: in the state's Debug print"
    );
}

async fn the_secret_shows_only_after_s_and_r(backend: Backend) {
    let server = backend.start().await;
    let client = server.client().await;
    let (pool, secret) = pool_with_client(&client, true).await;
    let secret = secret.expect("GenerateSecret makes a secret");
    let mut c = on_client_detail(&server.url, &pool).await;
    let screen = c.screen();
    assert!(
        screen.contains("App client") && screen.contains("********"),
        "{screen}"
    );
    nowhere(&c, &secret, "the detail");
    c.keys("y").await;
    nowhere(&c, &secret, "the raw JSON");
    c.keys("y").await;

    c.keys("S").await;
    let screen = c.screen();
    assert!(
        screen.contains("Secret of app client api")
            && screen.contains("Anyone who sees this secret can act as the app")
            && screen.contains(&"•".repeat(secret.chars().count())),
        "masked under the warning:\n{screen}"
    );
    nowhere(&c, &secret, "read, not revealed");

    c.keys("r").await;
    assert!(
        c.screen().contains(&secret),
        "r reveals it:\n{}",
        c.screen()
    );
    assert!(
        !format!("{:?}", c.state).contains(&secret),
        "revealed: still not in the state's Debug print"
    );
    c.keys("r").await;
    nowhere(&c, &secret, "hidden again");
    c.keys("r").await;
    c.press(KeyCode::Esc).await;
    nowhere(&c, &secret, "closed");
    assert!(c.screen().contains("App client"), "back on the detail");
}

async fn a_client_without_a_secret_says_so(backend: Backend) {
    let server = backend.start().await;
    let client = server.client().await;
    let (pool, secret) = pool_with_client(&client, false).await;
    assert_eq!(secret, None);
    let mut c = on_client_detail(&server.url, &pool).await;
    c.keys("S").await;
    let screen = c.screen();
    assert!(
        screen.contains("This app client has no secret") && !screen.contains("Secret of"),
        "{screen}"
    );
}

on_both!("current_thread":
    the_secret_shows_only_after_s_and_r,
    a_client_without_a_secret_says_so,
);
