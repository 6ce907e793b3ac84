//! Running the real `cognito-tui` binary against the plain moto server, for the `cli_*` tests.
// Test helpers: a failed unwrap is a failed test, as in the test functions themselves.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod on_server;

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use cognito_tui::cognito::groups::GroupInput;
use cognito_tui::cognito::types::Secret;
use cognito_tui::cognito::users::ListUsersRequest;
use cognito_tui::cognito::{CognitoClient, GroupName, PoolId, Username};
use futures::TryStreamExt as _;
use serde_json::{Value, json};

/// The columns `users list` shows before the attributes.
pub const FIXED: [&str; 5] = [
    "Username",
    "UserStatus",
    "Enabled",
    "UserCreateDate",
    "UserLastModifiedDate",
];

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// The global flags that point the binary at moto (put before or after the command).
pub fn moto_flags() -> Vec<String> {
    let url = crate::common::moto_url();
    ["--region", crate::common::REGION, "--endpoint-url", &url]
        .map(str::to_owned)
        .to_vec()
}

/// Runs the binary with exactly these arguments and `stdin` piped in, with test credentials and
/// nothing from the developer's own AWS setup, config file or journal (see `run_env`).
pub async fn run_args(args: Vec<String>, stdin: &str) -> Run {
    run_env(args, stdin, &[]).await
}

/// `cognito-tui ARGS --region us-east-1 --endpoint-url MOTO` (global flags after the command).
pub async fn run_with(args: &[&str], stdin: &str) -> Run {
    let mut all: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    all.extend(moto_flags());
    run_args(all, stdin).await
}

/// Like `run_with`, the arguments given as one whitespace-separated line.
pub async fn cli(line: &str, stdin: &str) -> Run {
    let args: Vec<&str> = line.split_whitespace().collect();
    run_with(&args, stdin).await
}

/// Runs a line that must succeed; its stdout.
pub async fn ok(line: &str) -> String {
    let run = cli(line, "").await;
    assert_eq!(run.code, 0, "`{line}` failed: {}", run.stderr);
    run.stdout
}

/// Stdout parsed as JSON.
pub async fn ok_json(line: &str) -> Value {
    let out = ok(line).await;
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("`{line}` printed no JSON ({e}): {out}"))
}

/// A failure: exit status 1, nothing on stdout, exactly one line on stderr (returned).
#[track_caller]
pub fn one_line_failure(run: &Run) -> &str {
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.is_empty(), "{run:?}");
    assert_eq!(run.stderr.lines().count(), 1, "{run:?}");
    run.stderr.trim_end()
}

/// An app client allowed the admin password flow and refresh; `secret` asks for a client secret.
pub async fn app_client(client: &CognitoClient, pool: &PoolId, name: &str, secret: bool) -> Value {
    let input = json!({"UserPoolId": pool, "ClientName": name, "GenerateSecret": secret,
        "ExplicitAuthFlows": ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]});
    let created = client.call_json("CreateUserPoolClient", &input).await;
    created.unwrap()["UserPoolClient"].take()
}

/// The pool's name, as DescribeUserPool reports it.
pub async fn pool_name(client: &CognitoClient, pool: &PoolId) -> String {
    let input = json!({"UserPoolId": pool});
    let described = client.call_json("DescribeUserPool", &input).await.unwrap();
    described["UserPool"]["Name"].as_str().unwrap().to_owned()
}

pub async fn get_user(client: &CognitoClient, pool: &PoolId, user: &str) -> Value {
    let input = json!({"UserPoolId": pool, "Username": user});
    client.call_json("AdminGetUser", &input).await.unwrap()
}

pub async fn status(client: &CognitoClient, pool: &PoolId, user: &str) -> String {
    let got = client.admin_get_user(pool, &Username::new(user)).await;
    got.unwrap().user_status.unwrap().to_string()
}

pub async fn groups_of(client: &CognitoClient, pool: &PoolId, user: &str) -> BTreeSet<String> {
    let pages = client.admin_list_groups_for_user(pool, &Username::new(user));
    let pages: Vec<_> = pages.try_collect().await.unwrap();
    pages
        .into_iter()
        .flat_map(|p| p.groups)
        .map(|g| g.group_name.to_string())
        .collect()
}

pub async fn create_group(client: &CognitoClient, pool: &PoolId, name: &str) {
    let input = GroupInput {
        user_pool_id: pool.clone(),
        group_name: GroupName::new(name),
        ..GroupInput::default()
    };
    client.create_group(&input).await.unwrap();
}

/// A pool and the id of an app client (no secret) allowed the admin password flow.
pub async fn pool_and_app(client: &CognitoClient, prefix: &str) -> (PoolId, String) {
    let pool = crate::common::create_pool(client, prefix).await;
    let app = app_client(client, &pool, "cli-tests", false).await;
    (pool, app["ClientId"].as_str().unwrap().to_owned())
}

/// AdminInitiateAuth with a password: the answer (tokens or a challenge), or the error code.
pub async fn sign_in(
    c: &CognitoClient,
    pool: &PoolId,
    app: &str,
    user: &str,
    pw: &str,
) -> Result<Value, String> {
    let input = json!({"UserPoolId": pool, "ClientId": app, "AuthFlow": "ADMIN_USER_PASSWORD_AUTH",
        "AuthParameters": {"USERNAME": user, "PASSWORD": pw}});
    let answer = c.call_json("AdminInitiateAuth", &input).await;
    answer.map_err(|e| e.code().unwrap_or("no code").to_owned())
}

pub fn attr(user: &Value, name: &str) -> String {
    let list = user["Attributes"].as_array().unwrap();
    let found = list.iter().find(|a| a["Name"] == name);
    found
        .map(|a| a["Value"].as_str().unwrap().to_owned())
        .unwrap_or_default()
}

pub fn parse_csv(text: &str) -> (Vec<String>, Vec<BTreeMap<String, String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader.records().map(|r| {
        let record = r.unwrap();
        let values = record.iter().map(str::to_owned);
        headers.iter().cloned().zip(values).collect()
    });
    let rows = rows.collect();
    (headers, rows)
}

/// The `key  value` line of a key/value listing.
pub fn field<'a>(text: &'a str, key: &str) -> &'a str {
    let found = text
        .lines()
        .find(|l| l.split_whitespace().next() == Some(key));
    let line = found.unwrap_or_else(|| panic!("no {key} line in:\n{text}"));
    line[key.len()..].trim()
}

/// Every item of a NextToken-paged list, read through the library's generic call.
pub async fn all_items(
    client: &CognitoClient,
    operation: &str,
    mut input: Value,
    key: &str,
) -> Vec<Value> {
    let mut items = Vec::new();
    loop {
        let page = client.call_json(operation, &input).await.unwrap();
        items.extend(page[key].as_array().unwrap().iter().cloned());
        match page.get("NextToken").and_then(Value::as_str) {
            Some(token) if !token.is_empty() => input["NextToken"] = json!(token),
            _ => return items,
        }
    }
}

/// A pool with `n` users `user00…`: every 7th has an email starting "ann", tenants t0..t2.
pub async fn pool_with_users(client: &CognitoClient, n: usize) -> PoolId {
    let pool = crate::common::create_pool(client, "cli-list").await;
    for i in 0..n {
        let email = if i % 7 == 0 {
            format!("ann{i}@example.com")
        } else {
            format!("zed{i}@example.com")
        };
        let tenant = format!("t{}", i % 3);
        let attrs = [
            ("email", email.as_str()),
            ("custom:tenant", tenant.as_str()),
        ];
        crate::common::create_user(client, &pool, &format!("user{i:02}"), &attrs).await;
    }
    pool
}

/// Every user ListUsers returns, paged by the library's stream, as raw JSON.
pub async fn all_users(client: &CognitoClient, pool: &PoolId) -> Vec<Value> {
    let pages = client.list_users_as::<Value>(ListUsersRequest::new(pool.clone()));
    let pages: Vec<_> = pages.try_collect().await.unwrap();
    pages.into_iter().flat_map(|p| p.users).collect()
}

/// One call through the library's generic JSON call, which must succeed.
pub async fn call(client: &CognitoClient, operation: &str, input: Value) -> Value {
    let answer = client.call_json(operation, &input).await;
    answer.unwrap_or_else(|e| panic!("{operation}: {e}"))
}

/// Like `run_args`, with extra environment variables. Unless they name others, the config file and
/// the data dir are ones no developer uses, so their own settings and journal stay out of it.
pub async fn run_env(args: Vec<String>, stdin: &str, env: &[(&str, &str)]) -> Run {
    let stdin = stdin.to_owned();
    let mut vars: Vec<(String, String)> = vec![
        (
            "COGNITO_TUI_CONFIG".into(),
            "/nonexistent/cognito-tui.toml".into(),
        ),
        (
            "COGNITO_TUI_DATA_DIR".into(),
            std::env::temp_dir()
                .join("cognito-tui-cli-tests")
                .display()
                .to_string(),
        ),
    ];
    vars.extend(env.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())));
    tokio::task::spawn_blocking(move || {
        let mut cmd = assert_cmd::Command::cargo_bin("cognito-tui").unwrap();
        for var in [
            "AWS_PROFILE",
            "AWS_SESSION_TOKEN",
            "AWS_REGION",
            "AWS_DEFAULT_REGION",
            "AWS_ENDPOINT_URL",
            "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER",
            "AWS_CA_BUNDLE",
            "AWS_MAX_ATTEMPTS",
        ] {
            cmd.env_remove(var);
        }
        cmd.args(&args)
            .env("AWS_ACCESS_KEY_ID", "testing")
            .env("AWS_SECRET_ACCESS_KEY", "testing")
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .env("AWS_CONFIG_FILE", "/nonexistent/config")
            .env("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials");
        for (k, v) in &vars {
            cmd.env(k, v);
        }
        let out = cmd
            .write_stdin(stdin)
            .timeout(Duration::from_mins(2))
            .output()
            .unwrap();
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8(out.stdout).unwrap(),
            stderr: String::from_utf8(out.stderr).unwrap(),
        }
    })
    .await
    .unwrap()
}

/// `cli` with extra environment variables (and the config and data dir kept out of the way).
pub async fn cli_env(line: &str, stdin: &str, env: &[(&str, &str)]) -> Run {
    let mut args: Vec<String> = line.split_whitespace().map(str::to_owned).collect();
    args.extend(moto_flags());
    run_env(args, stdin, env).await
}

/// A file of usernames, one a line, in a directory removed when the guard drops.
pub fn names_file(text: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("names.txt");
    std::fs::write(&path, text).unwrap();
    let path = path.display().to_string();
    (dir, path)
}

/// A pool with a password policy, for the checks made before sending.
pub async fn pool_with_policy(client: &CognitoClient, prefix: &str, policy: Value) -> PoolId {
    let input = json!({"PoolName": crate::common::unique(prefix),
        "Policies": {"PasswordPolicy": policy}});
    let created = call(client, "CreateUserPool", input).await;
    PoolId::new(created["UserPool"]["Id"].as_str().unwrap())
}

/// A user with an email who has set `password` (CONFIRMED).
pub async fn confirmed_user(client: &CognitoClient, pool: &PoolId, user: &str, password: &str) {
    crate::common::create_user(client, pool, user, &[("email", "x@example.com")]).await;
    let (secret, user) = (Secret::new(password), Username::new(user));
    let set = client.admin_set_user_password(pool, &user, &secret, true);
    set.await.unwrap();
}
