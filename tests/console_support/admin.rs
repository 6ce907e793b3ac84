//! What the console's administration journeys share: a pool with an app client, opening a
//! pool's tab through the palette, keys pressed several times, the JSON of an editor's text.
#![allow(
    dead_code,
    clippy::missing_panics_doc,
    clippy::unwrap_used,
    clippy::expect_used
)]

use cognito_tui::app::Action;
use cognito_tui::app::state::Tab;
use cognito_tui::cognito::{ClientId, CognitoClient, PoolId};
use crossterm::event::KeyCode;
use serde_json::{Value, json};

use super::Console;

/// The JSON of an editor's text (its `//` lines are notes).
pub fn json_of(text: &str) -> Value {
    let json: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect();
    serde_json::from_str(&json.join("\n")).expect("the editor gets JSON")
}

pub async fn pool_with_client(client: &CognitoClient) -> (PoolId, String, ClientId) {
    let name = crate::common::unique("admin");
    let answer = client
        .call_json("CreateUserPool", &json!({"PoolName": name}))
        .await
        .expect("CreateUserPool");
    let pool = PoolId::new(answer["UserPool"]["Id"].as_str().unwrap());
    let answer = client
        .call_json(
            "CreateUserPoolClient",
            &json!({"UserPoolId": pool, "ClientName": "web",
                    "CallbackURLs": ["https://app.example.com/cb"],
                    "AllowedOAuthFlows": ["code"], "AllowedOAuthFlowsUserPoolClient": true,
                    "AllowedOAuthScopes": ["openid"], "SupportedIdentityProviders": ["COGNITO"],
                    "AccessTokenValidity": 2,
                    "TokenValidityUnits": {"AccessToken": "hours"}}),
        )
        .await
        .expect("CreateUserPoolClient");
    let id = ClientId::new(answer["UserPoolClient"]["ClientId"].as_str().unwrap());
    (pool, name, id)
}

pub async fn open_pool(c: &mut Console, name: &str, tab: Tab) {
    c.act(Action::OpenPalette).await;
    c.keys(&format!("pool {name}")).await;
    c.press(KeyCode::Enter).await;
    c.act(Action::ShowTab(tab)).await;
}

pub async fn press_n(c: &mut Console, key: KeyCode, n: usize) {
    for _ in 0..n {
        c.press(key).await;
    }
}
