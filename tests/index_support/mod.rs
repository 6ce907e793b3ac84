//! What the index's CLI tests share: a pool of three users, and reading a command's JSON.
#![allow(dead_code)]

use cognito_tui::cognito::types::Secret;
use cognito_tui::cognito::{CognitoClient, PoolId, Username};
use serde_json::{Value, json};

use crate::cli_support::on_server::Bin;
use crate::common;

/// ann (acme, CONFIRMED, in admins), bob (acme, disabled), carla (globex).
pub async fn pool_of_three(client: &CognitoClient) -> PoolId {
    let pool = common::create_pool(client, "index").await;
    for (name, tenant) in [("ann", "acme"), ("bob", "acme"), ("carla", "globex")] {
        let email = format!("{name}@example.com");
        common::create_user(
            client,
            &pool,
            name,
            &[("email", email.as_str()), ("custom:tenant", tenant)],
        )
        .await;
    }
    client
        .admin_set_user_password(
            &pool,
            &Username::new("ann"),
            &Secret::new("Passw0rd!Passw0rd"),
            true,
        )
        .await
        .unwrap();
    client
        .admin_disable_user(&pool, &Username::new("bob"))
        .await
        .unwrap();
    client
        .call_json(
            "CreateGroup",
            &json!({"UserPoolId": pool, "GroupName": "admins"}),
        )
        .await
        .unwrap();
    client
        .call_json(
            "AdminAddUserToGroup",
            &json!({"UserPoolId": pool, "GroupName": "admins", "Username": "ann"}),
        )
        .await
        .unwrap();
    pool
}

pub fn names(users: &Value) -> Vec<&str> {
    let mut names: Vec<&str> = users
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["Username"].as_str().unwrap())
        .collect();
    names.sort_unstable();
    names
}

pub async fn json_of(bin: &Bin, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--output", "json"]);
    let run = bin.run(&all).await;
    assert_eq!(run.code, 0, "{args:?}: {run:?}");
    serde_json::from_str(&run.stdout).unwrap()
}
