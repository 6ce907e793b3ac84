//! End-to-end journeys of pool administration in the real binary in tmux, against moto and the
//! local server: an app client created in its form with a callback URL, then a second URL added
//! with its OAuth flows and token validity kept; MFA turned OPTIONAL with authenticator apps.
//! Each change is checked on the server with a fresh read.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod common;
mod tmux_support;

use cognito_tui::cognito::edit::Target;
use cognito_tui::cognito::{ClientId, CognitoClient, PoolId};
use common::backend::{Backend, Server};
use serde_json::json;
use tmux_support::Tmux;

async fn new_pool(client: &CognitoClient, prefix: &str) -> (PoolId, String) {
    let name = common::unique(prefix);
    let answer = client
        .call_json("CreateUserPool", &json!({"PoolName": name}))
        .await
        .unwrap();
    (
        PoolId::new(answer["UserPool"]["Id"].as_str().unwrap()),
        name,
    )
}

/// The console on `name`'s `tab` (a palette word).
fn open_tab(tmux: &Tmux, server: &Server, name: &str, tab: &str) {
    tmux.open_console(&server.url);
    tmux.find_pool(name);
    tmux.keys(&["Enter"]);
    tmux.wait_for("› Users");
    tmux.keys(&[":"]);
    tmux.type_text(tab);
    tmux.keys(&["Enter"]);
}

fn tabs(tmux: &Tmux, n: usize) {
    for _ in 0..n {
        tmux.keys(&["Tab"]);
    }
}

async fn admin_creates_a_client_then_adds_a_callback_url(backend: Backend) {
    let server = backend.start().await;
    let client = server.client().await;
    let (pool, name) = new_pool(&client, "e2e-client").await;
    let tmux = Tmux::start();
    open_tab(&tmux, &server, &name, "clients");
    tmux.wait_for("No app clients");
    tmux.keys(&["n"]);
    tmux.wait_for("Create a new app client");
    tmux.type_text("web");
    tabs(&tmux, 2);
    tmux.type_text("https://app.example.com/cb");
    tabs(&tmux, 2);
    tmux.keys(&["Right"]);
    tabs(&tmux, 1);
    tmux.type_text("code");
    tabs(&tmux, 1);
    tmux.type_text("openid email");
    tabs(&tmux, 1);
    tmux.type_text("COGNITO");
    tabs(&tmux, 2);
    tmux.type_text("2");
    tabs(&tmux, 1);
    tmux.keys(&["Right", "Right", "Right"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("CreateUserPoolClient will be sent with");
    tmux.keys(&["Enter"]);
    tmux.wait_for("app client web created");
    tmux.wait_for("1/1");

    let listed = client
        .call_json(
            "ListUserPoolClients",
            &json!({"UserPoolId": pool, "MaxResults": 10}),
        )
        .await
        .unwrap();
    let id = ClientId::new(listed["UserPoolClients"][0]["ClientId"].as_str().unwrap());
    let target = Target::Client(pool, id);
    let before = client.describe_resource(&target).await.unwrap();
    assert_eq!(
        before["TokenValidityUnits"]["AccessToken"], "hours",
        "{before}"
    );

    tmux.keys(&["e"]);
    tmux.wait_for("Edit app client");
    tabs(&tmux, 1);
    tmux.keys(&["End"]);
    tmux.type_text(" https://app.example.com/cb2");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("(1 change)");
    assert!(
        screen.contains("+ CallbackURLs: \"https://app.example.com/cb2\""),
        "{screen}"
    );
    tmux.keys(&["Enter"]);
    tmux.wait_for("updated: 1 change");
    tmux.quit();

    let after = client.describe_resource(&target).await.unwrap();
    assert_eq!(
        after["CallbackURLs"],
        json!(["https://app.example.com/cb", "https://app.example.com/cb2"])
    );
    for kept in [
        "AllowedOAuthFlows",
        "AllowedOAuthScopes",
        "AccessTokenValidity",
        "TokenValidityUnits",
    ] {
        assert_eq!(after[kept], before[kept], "{kept} kept");
    }
}

async fn admin_turns_mfa_optional_with_authenticator_apps(backend: Backend) {
    let server = backend.start().await;
    let client = server.client().await;
    let (pool, name) = new_pool(&client, "e2e-mfa").await;
    let tmux = Tmux::start();
    open_tab(&tmux, &server, &name, "overview");
    tmux.wait_for("Password policy");
    tmux.keys(&["M"]);
    tmux.wait_for("Edit the MFA settings");
    tmux.keys(&["Right", "Tab", "Right", "Enter"]);
    let screen = tmux.wait_for("SetUserPoolMfaConfig will be sent");
    assert!(
        screen.contains("~ MfaConfiguration: \"OFF\" → \"OPTIONAL\""),
        "{screen}"
    );
    tmux.keys(&["Enter"]);
    tmux.wait_for("updated: 2 changes");
    tmux.quit();
    let mfa = client
        .call_json("GetUserPoolMfaConfig", &json!({"UserPoolId": pool}))
        .await
        .unwrap();
    assert_eq!(mfa["MfaConfiguration"], "OPTIONAL");
    assert_eq!(mfa["SoftwareTokenMfaConfiguration"]["Enabled"], true);
}

on_both!("multi_thread":
    admin_creates_a_client_then_adds_a_callback_url,
    admin_turns_mfa_optional_with_authenticator_apps,
);
