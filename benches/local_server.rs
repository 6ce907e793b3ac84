//! Not a test: AdminCreateUser calls one after another through the real client, then a full
//! ListUsers crawl of them, against the local server with its state in a file (as `--local` runs
//! it), at several sizes to show how the cost grows; then the same creates 8 at a time; then the
//! server's own share (the creates dispatched in-process, no HTTP). With `COGNITO_TUI_BENCH_MOTO`
//! set to a moto URL, the same sequential creates and crawl against moto, in the same run
//! (`bench/local-server.sh` starts moto and sets it). `COGNITO_TUI_BENCH_USERS` is the largest
//! size (default 10,000); the others are its quarter and half, and it again at twice.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::cast_precision_loss)]

use std::time::{Duration, Instant};

use aws_credential_types::Credentials;
use cognito_tui::cognito::types::Secret;
use cognito_tui::cognito::user_admin::AdminCreateUserRequest;
use cognito_tui::cognito::users::ListUsersRequest;
use cognito_tui::cognito::{ClientSettings, CognitoClient, PoolId, Username};
use cognito_tui::local::ops::{Request, dispatch};
use cognito_tui::local::{LocalServer, Seed, StateLocation, Store};
use futures::{StreamExt as _, TryStreamExt as _};
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
    let local = connect(&server.url()).await;

    for size in [count / 4, count / 2, count, count * 2] {
        let (create, crawl, pages) = creates_then_crawl(&local, size).await;
        report("local server", size, create, crawl, pages);
    }
    concurrent(&local, count).await;
    in_process(count, &dir.path().join("direct.sqlite3"));
    if let Ok(url) = std::env::var("COGNITO_TUI_BENCH_MOTO") {
        let moto = connect(&url).await;
        let (create, crawl, pages) = creates_then_crawl(&moto, count).await;
        report("moto", count, create, crawl, pages);
    }
}

async fn connect(url: &str) -> CognitoClient {
    let settings = ClientSettings {
        region: Some("us-east-1".to_owned()),
        endpoint_url: Some(url.to_owned()),
        credentials: Some(Credentials::new("local", "local", None, None, "bench")),
        ..ClientSettings::default()
    };
    CognitoClient::connect(&settings).await.unwrap()
}

async fn new_pool(client: &CognitoClient, name: &str) -> PoolId {
    let created = client
        .call_json("CreateUserPool", &json!({ "PoolName": name }))
        .await
        .unwrap();
    PoolId::new(created["UserPool"]["Id"].as_str().unwrap())
}

fn create_request(pool: &PoolId, i: usize) -> AdminCreateUserRequest {
    AdminCreateUserRequest {
        user_pool_id: pool.clone(),
        username: Username::new(format!("user{i:06}")),
        temporary_password: Some(Secret::new("Passw0rd!Tmp")),
        message_action: Some("SUPPRESS".to_owned()),
        ..AdminCreateUserRequest::default()
    }
}

/// `count` creates one after another into a new pool, then every page of ListUsers.
async fn creates_then_crawl(client: &CognitoClient, count: usize) -> (Duration, Duration, usize) {
    let pool = new_pool(client, &format!("bench-{count}")).await;
    let start = Instant::now();
    for i in 0..count {
        client
            .admin_create_user(&create_request(&pool, i))
            .await
            .unwrap();
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
    (create, crawl, pages.len())
}

fn report(server: &str, count: usize, create: Duration, crawl: Duration, pages: usize) {
    eprintln!(
        "{server}: {count} AdminCreateUser in {:.2} s ({:.3} ms a call); \
         ListUsers crawl, {pages} pages, in {:.2} s",
        create.as_secs_f64(),
        create.as_secs_f64() * 1000.0 / count as f64,
        crawl.as_secs_f64()
    );
}

/// The same creates into a new pool with `IN_FLIGHT` calls at a time, as an import script or the
/// SDK's concurrent clients send them.
async fn concurrent(client: &CognitoClient, count: usize) {
    const IN_FLIGHT: usize = 8;
    let pool = new_pool(client, "bench-concurrent").await;
    let start = Instant::now();
    futures::stream::iter(0..count)
        .map(|i| {
            let request = create_request(&pool, i);
            async move { client.admin_create_user(&request).await }
        })
        .buffer_unordered(IN_FLIGHT)
        .try_collect::<Vec<_>>()
        .await
        .unwrap();
    let elapsed = start.elapsed();
    eprintln!(
        "local server, {IN_FLIGHT} in flight: {count} AdminCreateUser in {:.2} s ({:.0} a second)",
        elapsed.as_secs_f64(),
        count as f64 / elapsed.as_secs_f64()
    );
}

/// The server's own share: the same creates straight into `dispatch`, no HTTP, no signing.
fn in_process(count: usize, path: &std::path::Path) {
    let store = Store::open(&StateLocation::File(path.to_path_buf())).unwrap();
    let request = |input| Request {
        input,
        region: "us-east-1".to_owned(),
        account: "000000000000".to_owned(),
    };
    let created = dispatch(
        &store,
        "CreateUserPool",
        &request(json!({"PoolName": "direct"})),
    );
    let pool = created.unwrap()["UserPool"]["Id"]
        .as_str()
        .unwrap()
        .to_owned();
    let start = Instant::now();
    for i in 0..count {
        let input = json!({"UserPoolId": pool, "Username": format!("user{i:06}"),
                           "TemporaryPassword": "Passw0rd!Tmp", "MessageAction": "SUPPRESS"});
        dispatch(&store, "AdminCreateUser", &request(input)).unwrap();
    }
    let elapsed = start.elapsed();
    eprintln!(
        "in-process dispatch: {count} AdminCreateUser in {:.2} s ({:.3} ms a call)",
        elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1000.0 / count as f64
    );
}
