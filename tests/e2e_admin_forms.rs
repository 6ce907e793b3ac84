//! End-to-end journeys of pool administration in the real binary in tmux, against moto and the
//! local server: an app client created in its form with a callback URL, then a second URL added
//! with its OAuth flows and token validity kept; MFA turned OPTIONAL with authenticator apps; a
//! group created and given two users found by a search; a SAML provider created and enabled on a
//! client. Each change is checked on the server with a fresh read.
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

async fn admin_creates_a_group_and_adds_two_users_from_a_search(backend: Backend) {
    let server = backend.start().await;
    let client = server.client().await;
    let pool = common::create_pool(&client, "e2e-group").await;
    let name = client
        .describe_user_pool(&pool)
        .await
        .unwrap()
        .user_pool
        .unwrap()
        .name
        .unwrap();
    for user in ["ann", "anna", "bob"] {
        let email = format!("{user}@example.com");
        common::create_user(&client, &pool, user, &[("email", &email)]).await;
    }
    let tmux = Tmux::start();
    open_tab(&tmux, &server, &name, "groups");
    tmux.wait_for("No groups");
    tmux.keys(&["n"]);
    tmux.wait_for("Create a new group");
    tmux.type_text("support");
    tmux.keys(&["Enter"]);
    tmux.wait_for("CreateGroup will be sent");
    tmux.keys(&["Enter"]);
    tmux.wait_for("group support created");
    tmux.keys(&[":"]);
    tmux.type_text("users");
    tmux.keys(&["Enter"]);
    tmux.wait_for("bob@example.com");
    tmux.keys(&["s"]);
    tmux.type_text("ann");
    tmux.keys(&["Enter"]);
    tmux.wait("the two found", |s| {
        s.contains("anna@example.com") && !s.contains("bob@example.com")
    });
    tmux.keys(&["*"]);
    tmux.wait_for("2 marked");
    tmux.keys(&["b"]);
    tmux.wait_for("2 marked users");
    tmux.keys(&["+"]);
    tmux.wait_for("support");
    tmux.keys(&["Enter"]);
    tmux.wait_for("2 users");
    tmux.type_text("2");
    tmux.keys(&["Enter"]);
    tmux.wait_for("2 done");
    tmux.keys(&["Escape"]);
    tmux.wait("the plan closed", |s| !s.contains("2 done"));
    tmux.quit();
    let answer = client
        .call_json(
            "ListUsersInGroup",
            &json!({"UserPoolId": pool, "GroupName": "support"}),
        )
        .await
        .unwrap();
    let mut members: Vec<&str> = answer["Users"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|u| u["Username"].as_str())
        .collect();
    members.sort_unstable();
    assert_eq!(members, ["ann", "anna"]);
}

async fn admin_creates_a_saml_provider_and_enables_it_on_a_client(backend: Backend) {
    let server = backend.start().await;
    let client = server.client().await;
    let (pool, name) = new_pool(&client, "e2e-saml").await;
    let answer = client
        .call_json(
            "CreateUserPoolClient",
            &json!({"UserPoolId": pool, "ClientName": "web",
                    "SupportedIdentityProviders": ["COGNITO"]}),
        )
        .await
        .unwrap();
    let id = ClientId::new(answer["UserPoolClient"]["ClientId"].as_str().unwrap());
    let tmux = Tmux::start();
    open_tab(&tmux, &server, &name, "idps");
    tmux.wait_for("No identity providers");
    tmux.keys(&["n"]);
    tmux.wait_for("Create a new identity provider");
    tmux.type_text("corp-saml");
    tabs(&tmux, 2);
    tmux.type_text("https://idp.example.com/metadata");
    tabs(&tmux, 6);
    tmux.type_text("email=http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress");
    tmux.keys(&["Enter"]);
    tmux.wait_for("CreateIdentityProvider will be sent");
    tmux.keys(&["Enter"]);
    tmux.wait_for("identity provider corp-saml created");
    tmux.keys(&[":"]);
    tmux.type_text("clients");
    tmux.keys(&["Enter"]);
    tmux.wait_for("1 app client");
    tmux.keys(&["e"]);
    tmux.wait_for("Edit app client");
    tabs(&tmux, 6);
    tmux.keys(&["End"]);
    tmux.type_text(" corp-saml");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("(1 change)");
    assert!(
        screen.contains("+ SupportedIdentityProviders: \"corp-saml\""),
        "{screen}"
    );
    tmux.keys(&["Enter"]);
    tmux.wait_for("updated: 1 change");
    tmux.quit();
    let described = client
        .describe_resource(&Target::Client(pool, id))
        .await
        .unwrap();
    assert_eq!(
        described["SupportedIdentityProviders"],
        json!(["COGNITO", "corp-saml"])
    );
}

on_both!("multi_thread":
    admin_creates_a_group_and_adds_two_users_from_a_search,
    admin_creates_a_saml_provider_and_enables_it_on_a_client,
    admin_creates_a_client_then_adds_a_callback_url,
    admin_turns_mfa_optional_with_authenticator_apps,
);
