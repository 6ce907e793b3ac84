//! The local server imitating AWS (`--emulate-aws`, `--latency`), in-process and through the CLI.
//! Calls go over plain HTTP, one attempt each, so nothing on the client side paces or retries
//! them: what the server refuses is what the test sees.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::cast_precision_loss)]

mod common;

use std::time::Duration;

use cognito_tui::aws::quota::{Category, Pacing, Quotas};
use cognito_tui::cognito::{ClientSettings, CognitoClient, PoolId, Username};
use cognito_tui::local::{Emulation, Seed};
use common::plain_http::Server;
use futures::future::join_all;
use serde_json::{Value, json};
use tokio::time::Instant;

/// `n` calls at once; how many were answered and how many refused as AWS refuses.
async fn burst(server: &Server, n: usize, operation: &str, input: &Value) -> (usize, usize) {
    burst_of(server, operation, &vec![input.clone(); n]).await
}

/// A call of each input at once; how many were let through (answered, or a user not found) and
/// how many refused as AWS refuses.
async fn burst_of(server: &Server, operation: &str, inputs: &[Value]) -> (usize, usize) {
    let answers = join_all(inputs.iter().map(|input| server.call(operation, input))).await;
    let mut counts = (0, 0);
    for (status, body) in answers {
        if status == 200 || body["__type"] == "UserNotFoundException" {
            counts.0 += 1;
        } else {
            assert_throttled(status, &body);
            counts.1 += 1;
        }
    }
    counts
}

/// AWS's answer to a call over its category's rate: HTTP 400, the code, Cognito's wording.
fn assert_throttled(status: u16, body: &Value) {
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["__type"], "TooManyRequestsException", "{body}");
    assert_eq!(body["message"], "Too many requests", "{body}");
}

/// A pool with one user, made with calls of other categories than UserList and UserRead.
async fn pool_with_ann(server: &Server) -> String {
    let pool = server
        .ok("CreateUserPool", &json!({"PoolName": "throttled"}))
        .await["UserPool"]["Id"]
        .as_str()
        .unwrap()
        .to_owned();
    server
        .ok(
            "AdminCreateUser",
            &json!({"UserPoolId": pool, "Username": "ann"}),
        )
        .await;
    pool
}

#[tokio::test]
async fn a_burst_over_thirty_listings_a_second_is_refused_in_aws_words() {
    let server = Server::start(Seed::Empty, Emulation::aws(Duration::ZERO)).await;
    let pool = pool_with_ann(&server).await;
    let list = json!({"UserPoolId": pool, "Limit": 1});
    let started = Instant::now();
    // A second's worth at once is AWS's burst: all answered.
    assert_eq!(burst(&server, 30, "ListUsers", &list).await, (30, 0));
    let (answered, refused) = burst(&server, 60, "ListUsers", &list).await;
    let seconds = started.elapsed().as_secs_f64();
    assert!(refused > 0, "{answered} answered, none refused");
    // However slow this machine, never more than the burst plus the rate since.
    let allowed = 30.0 * seconds + 1.0;
    assert!(
        (answered as f64) <= allowed,
        "{answered} answered past the burst in {seconds:.2} s"
    );
}

#[tokio::test]
async fn listings_within_the_rate_are_never_refused() {
    let server = Server::start(Seed::Empty, Emulation::aws(Duration::ZERO)).await;
    let pool = pool_with_ann(&server).await;
    let list = json!({"UserPoolId": pool});
    // 20 a second, one after another, for over two seconds: never faster than the rate, so never
    // refused, however the calls are delayed.
    for _ in 0..45 {
        server.ok("ListUsers", &list).await;
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn a_listing_burst_leaves_reading_a_user_untouched() {
    let server = Server::start(Seed::Empty, Emulation::aws(Duration::ZERO)).await;
    let pool = pool_with_ann(&server).await;
    let (_, refused) = burst(&server, 120, "ListUsers", &json!({"UserPoolId": pool})).await;
    assert!(refused > 0);
    let user = server
        .ok(
            "AdminGetUser",
            &json!({"UserPoolId": pool, "Username": "ann"}),
        )
        .await;
    assert_eq!(user["Username"], "ann");
    // UserRead's own bucket: 120 at once fit its burst (on as many users, each within their own
    // quota of 10 a second).
    let others: Vec<Value> = (0..119)
        .map(|i| json!({"UserPoolId": pool, "Username": format!("user{i}")}))
        .collect();
    let (read, refused) = burst_of(&server, "AdminGetUser", &others).await;
    assert_eq!((read, refused), (119, 0));
}

#[tokio::test]
async fn more_than_ten_calls_a_second_on_one_user_are_refused_and_other_users_are_not() {
    let server = Server::start(Seed::Empty, Emulation::aws(Duration::ZERO)).await;
    let pool = pool_with_ann(&server).await;
    let bob = json!({"UserPoolId": pool, "Username": "bob"});
    server.ok("AdminCreateUser", &bob).await;
    let ann = json!({"UserPoolId": pool, "Username": "ann"});
    let started = Instant::now();
    // Forty: all answered would take a spread of over three seconds, even on a loaded machine.
    let (answered, refused) = burst(&server, 40, "AdminGetUser", &ann).await;
    let seconds = started.elapsed().as_secs_f64();
    assert!(
        refused > 0,
        "{answered} answered in {seconds:.2} s, none refused"
    );
    // A second's burst of 10, plus 10 a second since, however slow this machine.
    assert!(
        (answered as f64) <= 10.0 * seconds + 10.0 + 1.0,
        "{answered} answered in {seconds:.2} s"
    );
    // Bob's own quota is untouched by ann's, and so is the category's.
    assert_eq!(burst(&server, 10, "AdminGetUser", &bob).await, (10, 0));
    // Writes on ann have a quota of their own.
    let (_, refused) = burst(&server, 5, "AdminEnableUser", &ann).await;
    assert_eq!(refused, 0);
}

#[tokio::test]
async fn a_client_pacing_each_user_is_never_refused_for_one_user() {
    let server = Server::start(Seed::Empty, Emulation::aws(Duration::ZERO)).await;
    let pool = pool_with_ann(&server).await;
    let client = CognitoClient::connect(&ClientSettings {
        endpoint_url: Some(server.url()),
        region: Some(cognito_tui::local::REGION.to_owned()),
        credentials: Some(cognito_tui::local::credentials()),
        quotas: Some(Quotas::new(Pacing::Aws)),
        ..ClientSettings::default()
    })
    .await
    .unwrap();
    let (pool, ann) = (PoolId::new(pool), Username::new("ann"));
    // Thirty at once: the scheduler sends five, then ten a second (two and a half seconds).
    let answers = join_all((0..30).map(|_| client.admin_get_user(&pool, &ann))).await;
    for answer in answers {
        assert_eq!(answer.unwrap().username, Some(ann.clone()));
    }
    let read = client.scheduler().usage_of(Category::UserRead);
    assert_eq!((read.sent, read.throttles), (30, 0), "{read:?}");
}

#[tokio::test]
async fn a_raised_rate_replaces_the_default() {
    let emulation = Emulation {
        rates: vec![(cognito_tui::aws::quota::Category::UserList, 100.0)],
        ..Emulation::aws(Duration::ZERO)
    };
    let server = Server::start(Seed::Empty, emulation).await;
    let pool = pool_with_ann(&server).await;
    let list = json!({"UserPoolId": pool, "Limit": 1});
    assert_eq!(burst(&server, 100, "ListUsers", &list).await, (100, 0));
}

#[tokio::test]
async fn without_emulation_nothing_is_refused() {
    let server = Server::start(Seed::Empty, Emulation::default()).await;
    let pool = pool_with_ann(&server).await;
    let list = json!({"UserPoolId": pool, "Limit": 1});
    assert_eq!(burst(&server, 100, "ListUsers", &list).await, (100, 0));
}

#[tokio::test]
async fn latency_delays_each_answer_and_concurrent_calls_overlap() {
    let latency = Duration::from_millis(300);
    let emulation = Emulation {
        latency,
        ..Emulation::default()
    };
    let server = Server::start(Seed::Empty, emulation).await;
    let list = json!({"UserPoolId": pool_with_ann(&server).await});
    let started = Instant::now();
    let took = join_all((0..10).map(|_| async {
        let sent = Instant::now();
        server.ok("ListUsers", &list).await;
        sent.elapsed()
    }))
    .await;
    let all = started.elapsed();
    for one in &took {
        assert!(*one >= latency, "answered in {one:?}, before the latency");
    }
    // One after another they would take ten latencies; together, about one. A correctness
    // property of the server's concurrency, with a wide margin, not a speed target.
    assert!(all < latency * 10, "10 concurrent calls took {all:?}");
}

#[test]
fn seeds_parse_and_a_wrong_one_says_what_is_expected() {
    assert_eq!("demo".parse::<Seed>(), Ok(Seed::Demo));
    assert_eq!("empty".parse::<Seed>(), Ok(Seed::Empty));
    assert_eq!("big:1000000".parse::<Seed>(), Ok(Seed::Big(1_000_000)));
    assert_eq!("big:1_000_000".parse::<Seed>(), Ok(Seed::Big(1_000_000)));
    assert_eq!(Seed::Big(42).to_string().parse::<Seed>(), Ok(Seed::Big(42)));
    for bad in [
        "big:x",
        "big:",
        "big:-1",
        "big:+5",
        "big:1e6",
        "big:10000001",
    ] {
        let err = bad.parse::<Seed>().unwrap_err();
        assert!(err.contains("big:N takes a whole number"), "{bad}: {err}");
    }
    let err = "large".parse::<Seed>().unwrap_err();
    assert!(err.contains("demo, empty or big:N"), "{err}");
}

use common::local_cli as cognito_tui;

#[test]
fn the_cli_refuses_a_bad_seed_and_emulation_without_the_local_server() {
    let dir = tempfile::tempdir().unwrap();
    let out = cognito_tui(dir.path())
        .args(["local-server", "--port", "0", "--seed", "big:abc"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("invalid value 'big:abc' for '--seed")
            && err.contains("big:N takes a whole number of users"),
        "{err}"
    );
    let out = cognito_tui(dir.path())
        .args(["--emulate-aws", "pools", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--emulate-aws applies to the built-in local server: add --local"));
    let out = cognito_tui(dir.path())
        .args(["local-server", "--latency", "60", "--port", "0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("e.g. 60ms or 0.1s"), "{err}");
}

#[test]
fn the_cli_runs_the_console_server_with_emulation() {
    let dir = tempfile::tempdir().unwrap();
    let out = cognito_tui(dir.path())
        .args([
            "--local",
            "--emulate-aws",
            "--latency",
            "5ms",
            "--output",
            "json",
            "pools",
            "list",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let pools: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(pools.as_array().unwrap().len(), 2);
}

/// The per-user quota counts the user the pool knows: `Ann` and `ann` are two users of a
/// case-sensitive pool (nine calls each at once are all answered), while an alias is its user
/// (nine by name and nine by email at once are more than ten on one user).
#[tokio::test]
async fn the_per_user_quota_counts_the_user_a_name_means() {
    let server = Server::start(Seed::Empty, Emulation::aws(Duration::ZERO)).await;
    let spec = json!({"PoolName": "aliased", "AliasAttributes": ["email"]});
    let pool = server.ok("CreateUserPool", &spec).await["UserPool"]["Id"]
        .as_str()
        .unwrap()
        .to_owned();
    for (name, email) in [("Ann", "ann@example.org"), ("ann", "ann@example.com")] {
        let input = json!({"UserPoolId": pool, "Username": name, "MessageAction": "SUPPRESS",
            "UserAttributes": [{"Name": "email", "Value": email},
                               {"Name": "email_verified", "Value": "true"}]});
        server.ok("AdminCreateUser", &input).await;
    }
    let named = |name: &str| json!({"UserPoolId": pool, "Username": name});
    let mut inputs = vec![named("Ann"); 9];
    inputs.extend(vec![named("ann"); 9]);
    assert_eq!(burst_of(&server, "AdminGetUser", &inputs).await, (18, 0));

    tokio::time::sleep(Duration::from_millis(1100)).await;
    let mut inputs = vec![named("ann"); 9];
    inputs.extend(vec![named("ann@example.com"); 9]);
    let (_, refused) = burst_of(&server, "AdminGetUser", &inputs).await;
    assert!(refused > 0, "ann by name and by email are one user");
}
