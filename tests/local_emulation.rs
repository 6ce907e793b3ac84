//! The local server imitating AWS (`--emulate-aws`, `--latency`) and the big seed (`big:N`).
//! Calls go over plain HTTP, one attempt each, so nothing on the client side paces or retries
//! them: what the server refuses is what the test sees.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::cast_precision_loss)]

use std::collections::{BTreeMap, HashSet};
use std::time::Duration;

use assert_cmd::Command;
use cognito_tui::local::seed_big::{BIG_POOL, GROUPS};
use cognito_tui::local::{Emulation, LocalServer, Options, Seed, StateLocation, Store};
use futures::future::join_all;
use serde_json::{Value, json};
use tokio::time::Instant;

struct Server {
    server: LocalServer,
    http: reqwest::Client,
}

impl Server {
    async fn start(seed: Seed, emulation: Emulation) -> Self {
        let options = Options {
            emulation,
            ..Options::default()
        };
        let server = LocalServer::start_with(&StateLocation::Memory, seed, 0, options)
            .await
            .expect("the local server starts");
        Self {
            server,
            http: reqwest::Client::new(),
        }
    }

    /// The HTTP status and the JSON answer (the error's `__type` and `message` on a refusal).
    async fn call(&self, operation: &str, input: &Value) -> (u16, Value) {
        let answer = self
            .http
            .post(self.server.url())
            .header("content-type", "application/x-amz-json-1.1")
            .header(
                "x-amz-target",
                format!("AWSCognitoIdentityProviderService.{operation}"),
            )
            .body(input.to_string())
            .send()
            .await
            .unwrap();
        let status = answer.status().as_u16();
        let body = answer.bytes().await.unwrap();
        (status, serde_json::from_slice(&body).unwrap())
    }

    async fn ok(&self, operation: &str, input: &Value) -> Value {
        let (status, body) = self.call(operation, input).await;
        assert_eq!(status, 200, "{operation}: {body}");
        body
    }

    /// `n` calls at once; how many were answered and how many refused as AWS refuses.
    async fn burst(&self, n: usize, operation: &str, input: &Value) -> (usize, usize) {
        let answers = join_all((0..n).map(|_| self.call(operation, input))).await;
        let mut counts = (0, 0);
        for (status, body) in answers {
            if status == 200 {
                counts.0 += 1;
            } else {
                assert_throttled(status, &body);
                counts.1 += 1;
            }
        }
        counts
    }
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
    assert_eq!(server.burst(30, "ListUsers", &list).await, (30, 0));
    let (answered, refused) = server.burst(60, "ListUsers", &list).await;
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
    let (_, refused) = server
        .burst(120, "ListUsers", &json!({"UserPoolId": pool}))
        .await;
    assert!(refused > 0);
    let user = server
        .ok(
            "AdminGetUser",
            &json!({"UserPoolId": pool, "Username": "ann"}),
        )
        .await;
    assert_eq!(user["Username"], "ann");
    // UserRead's own bucket: 120 at once fit its burst.
    let (read, refused) = server
        .burst(
            119,
            "AdminGetUser",
            &json!({"UserPoolId": pool, "Username": "ann"}),
        )
        .await;
    assert_eq!((read, refused), (119, 0));
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
    assert_eq!(server.burst(100, "ListUsers", &list).await, (100, 0));
}

#[tokio::test]
async fn without_emulation_nothing_is_refused() {
    let server = Server::start(Seed::Empty, Emulation::default()).await;
    let pool = pool_with_ann(&server).await;
    let list = json!({"UserPoolId": pool, "Limit": 1});
    assert_eq!(server.burst(100, "ListUsers", &list).await, (100, 0));
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

/// Every user `filter` lists, page by page: (username, the value of `attribute`).
async fn listed(server: &Server, filter: &str, attribute: &str) -> Vec<(String, String)> {
    let mut users = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let mut input = json!({"UserPoolId": BIG_POOL, "Filter": filter});
        if let Some(t) = &token {
            input["PaginationToken"] = json!(t);
        }
        let page = server.ok("ListUsers", &input).await;
        let rows = page["Users"].as_array().unwrap();
        assert!(rows.len() <= 60);
        for user in rows {
            let sub = user["Attributes"]
                .as_array()
                .unwrap()
                .iter()
                .find(|a| a["Name"] == attribute)
                .unwrap()["Value"]
                .as_str()
                .unwrap()
                .to_owned();
            users.push((user["Username"].as_str().unwrap().to_owned(), sub));
        }
        match page["PaginationToken"].as_str() {
            Some(t) => token = Some(t.to_owned()),
            None => return users,
        }
    }
}

#[tokio::test]
async fn big_seed_partitions_by_sub_cover_every_user_once_and_evenly() {
    const N: usize = 16_000;
    let server = Server::start(Seed::Big(16_000), Emulation::default()).await;
    let described = server
        .ok("DescribeUserPool", &json!({"UserPoolId": BIG_POOL}))
        .await;
    assert_eq!(described["UserPool"]["Name"], "big");
    assert_eq!(described["UserPool"]["EstimatedNumberOfUsers"], N);
    let schema = described["UserPool"]["SchemaAttributes"].to_string();
    assert!(schema.contains("custom:tenant") && schema.contains("custom:plan"));
    let mut seen = HashSet::new();
    for digit in "0123456789abcdef".chars() {
        let users = listed(&server, &format!("sub ^= \"{digit}\""), "sub").await;
        let share = users.len() as f64 / (N as f64 / 16.0);
        assert!(
            (0.7..=1.3).contains(&share),
            "{digit}: {} users",
            users.len()
        );
        for (username, sub) in users {
            assert!(sub.starts_with(digit), "{username}: {sub}");
            assert!(seen.insert(username), "listed twice");
        }
    }
    assert_eq!(seen.len(), N);
}

#[tokio::test]
async fn attribute_filters_list_the_same_users_whichever_way_the_server_finds_them() {
    // 6,000 users: "ann." starts few emails (read from the value index), "" starts every one (the
    // pool walked in order), and an equality reads the index in username order.
    let server = Server::start(Seed::Big(6_000), Emulation::default()).await;
    let names = |users: &[(String, String)]| -> Vec<String> {
        let names: Vec<String> = users.iter().map(|(u, _)| u.clone()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(names, sorted, "in username order, each once");
        names
    };
    let by_name = listed(&server, "given_name = \"Ann\"", "given_name").await;
    assert!(by_name.iter().all(|(_, v)| v == "Ann"));
    let by_email = listed(&server, "email ^= \"ann.\"", "email").await;
    assert!(by_email.iter().all(|(_, v)| v.starts_with("ann.")));
    assert!(!by_name.is_empty());
    assert_eq!(names(&by_name), names(&by_email));
    let everyone = listed(&server, "email ^= \"\"", "email").await;
    assert_eq!(names(&everyone).len(), 6_000);
    let one = &by_email[by_email.len() / 2];
    let exact = listed(&server, &format!("email = \"{}\"", one.1), "email").await;
    assert_eq!(exact, std::slice::from_ref(one));
    assert!(
        listed(&server, "email = \"nobody@example.com\"", "email")
            .await
            .is_empty()
    );
}

/// Everything the seed wrote, as text, in key order.
fn dump(store: &Store) -> (String, BTreeMap<String, i64>, BTreeMap<String, i64>) {
    store
        .read(|c| {
            let mut text = String::new();
            for sql in [
                "SELECT username || sub || status || enabled || created || modified FROM users \
                 ORDER BY pool_id, username",
                "SELECT username || name || value FROM user_attributes \
                 ORDER BY pool_id, username, name",
                "SELECT username || group_name FROM memberships ORDER BY 1",
            ] {
                let mut stmt = c.prepare(sql).unwrap();
                let rows = stmt.query_map([], |r| r.get::<_, String>(0)).unwrap();
                for row in rows {
                    text.push_str(&row.unwrap());
                    text.push('\n');
                }
            }
            let counts = |sql: &str| -> BTreeMap<String, i64> {
                let mut stmt = c.prepare(sql).unwrap();
                stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                    .unwrap()
                    .map(Result::unwrap)
                    .collect()
            };
            let statuses = counts("SELECT status, count(*) FROM users GROUP BY status");
            let groups = counts(
                "SELECT group_name, count(*) FROM memberships GROUP BY group_name \
                 UNION ALL SELECT 'disabled', count(*) FROM users WHERE NOT enabled",
            );
            Ok((text, statuses, groups))
        })
        .unwrap()
}

fn seeded(users: u32) -> Store {
    let store = Store::open(&StateLocation::Memory).unwrap();
    cognito_tui::local::seed::apply_if_empty(&store, Seed::Big(users)).unwrap();
    store
}

#[test]
fn big_seed_is_the_same_every_time_with_every_status_and_some_of_everything() {
    let first = dump(&seeded(16_000));
    let second = dump(&seeded(16_000));
    assert!(first.0 == second.0, "two seeds of the same N differ");
    let (_, statuses, groups) = first;
    assert_eq!(statuses.values().sum::<i64>(), 16_000);
    for status in cognito_tui::cognito::user_status::UserStatus::KNOWN {
        assert!(statuses.contains_key(status.as_str()), "no {status:?} user");
    }
    for group in GROUPS.iter().chain(&["disabled"]) {
        assert!(groups.get(*group).is_some_and(|n| *n > 0), "{groups:?}");
    }
    // The same on every machine: fixed seed, fixed generator.
    let store = seeded(16_000);
    let (first_user, first_sub) = store
        .read(|c| {
            Ok(c.query_row(
                "SELECT username, sub FROM users ORDER BY username LIMIT 1",
                [],
                |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
            )
            .unwrap())
        })
        .unwrap();
    assert_eq!(first_user, "ann.adams.01");
    assert_eq!(first_sub, KNOWN_FIRST_SUB);
}

/// The first user's sub of `big:16000`, recorded once.
const KNOWN_FIRST_SUB: &str = "8f4036ae-9148-49ae-b34f-33465ef3f7f8";

#[test]
fn a_big_seed_of_every_size_has_exactly_that_many_users_and_is_seeded_once() {
    for n in [0, 1, 7, 8, 623, 624, 625, 1_249] {
        let store = seeded(n);
        cognito_tui::local::seed::apply_if_empty(&store, Seed::Big(n + 5)).unwrap();
        let count: i64 = store
            .read(|c| Ok(c.query_row("SELECT count(*) FROM users", [], |r| r.get(0))?))
            .unwrap();
        assert_eq!(count, i64::from(n), "big:{n}");
    }
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

fn cognito_tui(data: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("cognito-tui").unwrap();
    cmd.env("XDG_DATA_HOME", data)
        .env("XDG_CONFIG_HOME", data.join("config"))
        .env("COGNITO_TUI_LOG_DIR", data)
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env_remove("AWS_PROFILE")
        .env_remove("AWS_ENDPOINT_URL")
        .env_remove("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER");
    cmd
}

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
