//! Not a test: 10,000 AdminCreateUser calls, one after another through the real client, then a
//! full ListUsers crawl of them, against the local server with its state in a file (as `--local`
//! runs it). `COGNITO_TUI_BENCH_USERS` changes the count. Prints the wall-clock figures.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::cast_precision_loss)]

use std::time::Instant;

use aws_credential_types::Credentials;
use cognito_tui::cognito::types::Secret;
use cognito_tui::cognito::user_admin::AdminCreateUserRequest;
use cognito_tui::cognito::users::ListUsersRequest;
use cognito_tui::cognito::{ClientSettings, CognitoClient, PoolId, Username};
use cognito_tui::local::{LocalServer, Seed, StateLocation};
use futures::TryStreamExt as _;
use serde_json::json;

#[tokio::main]
async fn main() {
    let count: usize = std::env::var("COGNITO_TUI_BENCH_USERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let dir = tempfile::tempdir().unwrap();
    let location = StateLocation::File(dir.path().join("bench.sqlite3"));
    let server = LocalServer::start(&location, Seed::Empty, 0).await.unwrap();
    let settings = ClientSettings {
        region: Some("us-east-1".to_owned()),
        endpoint_url: Some(server.url()),
        credentials: Some(Credentials::new("local", "local", None, None, "bench")),
        ..ClientSettings::default()
    };
    let client = CognitoClient::connect(&settings).await.unwrap();
    let created = client
        .call_json("CreateUserPool", &json!({"PoolName": "bench"}))
        .await
        .unwrap();
    let pool = PoolId::new(created["UserPool"]["Id"].as_str().unwrap());

    let start = Instant::now();
    for i in 0..count {
        let request = AdminCreateUserRequest {
            user_pool_id: pool.clone(),
            username: Username::new(format!("user{i:06}")),
            temporary_password: Some(Secret::new("Passw0rd!Tmp")),
            message_action: Some("SUPPRESS".to_owned()),
            ..AdminCreateUserRequest::default()
        };
        client.admin_create_user(&request).await.unwrap();
    }
    let create = start.elapsed();

    let start = Instant::now();
    let pages: Vec<_> = client
        .list_users(ListUsersRequest::new(pool))
        .try_collect()
        .await
        .unwrap();
    let crawl = start.elapsed();
    let users: usize = pages.iter().map(|p| p.users.len()).sum();
    assert_eq!(users, count);
    eprintln!(
        "local server: {count} AdminCreateUser in {:.2} s ({:.2} ms a call); \
         ListUsers crawl of {users} users in {} pages in {:.2} s",
        create.as_secs_f64(),
        create.as_secs_f64() * 1000.0 / count as f64,
        pages.len(),
        crawl.as_secs_f64()
    );
}
