//! A change whose answer was lost is "outcome unknown", never "could not reach": the built-in local
//! server behind a proxy that applies the call and throws its answer away (`common::proxy`). The
//! change is never sent twice; one fresh read says what happened where a read can tell; the CLI
//! says so, a bulk run lists such users apart, and the journal writes `unknown`.
// Helpers outside #[test] functions fail a test just as well: unwrap/expect are fine here.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod cli_support;
mod common;

use cognito_tui::aws::{AwsError, Checked};
use cognito_tui::cognito::{CognitoClient, GroupName, PoolId, Username};
use cognito_tui::local::{LocalServer, Seed, StateLocation};
use common::fault::{FaultServer, Received};
use common::proxy::dropping_proxy;
use serde_json::{Value, json};

struct Setup {
    server: LocalServer,
    /// Straight to the server: to arrange and to check.
    direct: CognitoClient,
    pool: PoolId,
}

async fn setup(users: &[&str]) -> Setup {
    let (server, direct) = common::backend::local(&StateLocation::Memory, Seed::Empty).await;
    let pool = common::create_pool(&direct, "lost").await;
    for user in users {
        common::create_user(
            &direct,
            &pool,
            user,
            &[("email", &format!("{user}@example.com"))],
        )
        .await;
    }
    for group in ["support", "admins"] {
        direct
            .call_json(
                "CreateGroup",
                &json!({"UserPoolId": pool, "GroupName": group}),
            )
            .await
            .unwrap();
    }
    Setup {
        server,
        direct,
        pool,
    }
}

impl Setup {
    async fn proxy(&self, drop: impl Fn(&Received) -> bool + Send + Sync + 'static) -> FaultServer {
        dropping_proxy(&self.server.url(), drop).await
    }

    async fn user(&self, name: &str) -> Value {
        let input = json!({"UserPoolId": self.pool, "Username": name});
        self.direct.call_json("AdminGetUser", &input).await.unwrap()
    }
}

/// Drops the answer to every call of `operation`.
fn answers_to(operation: &'static str) -> impl Fn(&Received) -> bool + Send + Sync + 'static {
    move |r| r.operation() == operation
}

fn sent(proxy: &FaultServer, operation: &str) -> usize {
    proxy
        .operations()
        .iter()
        .filter(|op| *op == operation)
        .count()
}

#[track_caller]
fn checked(err: &AwsError) -> Checked {
    let AwsError::OutcomeUnknown { checked, .. } = err else {
        panic!("expected an unknown outcome, got {err:?}");
    };
    assert!(!err.to_string().contains("could not reach"), "{err}");
    *checked
}

#[tokio::test]
async fn a_lost_answer_is_read_back_for_every_change_a_read_can_tell() {
    let setup = setup(&["ann", "bob"]).await;
    let pool = setup.pool.clone();
    let cases: Vec<(&str, Value)> = vec![
        ("AdminDisableUser", json!({"Username": "ann"})),
        ("AdminEnableUser", json!({"Username": "ann"})),
        (
            "AdminAddUserToGroup",
            json!({"Username": "ann", "GroupName": "support"}),
        ),
        (
            "AdminRemoveUserFromGroup",
            json!({"Username": "ann", "GroupName": "support"}),
        ),
        (
            "AdminUpdateUserAttributes",
            json!({"Username": "ann", "UserAttributes": [{"Name": "custom:tenant", "Value": "acme"}]}),
        ),
        (
            "AdminDeleteUserAttributes",
            json!({"Username": "ann", "UserAttributeNames": ["custom:tenant"]}),
        ),
        (
            "AdminCreateUser",
            json!({"Username": "cat", "MessageAction": "SUPPRESS", "TemporaryPassword": common::PASSWORD}),
        ),
        ("CreateGroup", json!({"GroupName": "billing"})),
        ("DeleteGroup", json!({"GroupName": "billing"})),
        ("AdminDeleteUser", json!({"Username": "bob"})),
    ];
    for (operation, mut input) in cases {
        input["UserPoolId"] = json!(pool);
        let proxy = setup.proxy(answers_to(operation)).await;
        let client = common::client_for(&proxy.url, "local", "local").await;
        let err = client.call_json(operation, &input).await.unwrap_err();
        assert_eq!(checked(&err), Checked::Applied, "{operation}: {err}");
        assert!(
            err.to_string()
                .contains("a fresh read shows the change was applied"),
            "{err}"
        );
        assert_eq!(sent(&proxy, operation), 1, "{operation} was sent again");
    }
    let bob = setup
        .direct
        .call_json(
            "AdminGetUser",
            &json!({"UserPoolId": pool, "Username": "bob"}),
        )
        .await;
    assert_eq!(bob.unwrap_err().code(), Some("UserNotFoundException"));
}

#[tokio::test]
async fn a_change_the_server_refused_behind_a_lost_answer_reads_as_not_applied() {
    let setup = setup(&["ann"]).await;
    let proxy = setup.proxy(answers_to("AdminAddUserToGroup")).await;
    let client = common::client_for(&proxy.url, "local", "local").await;
    let err = client
        .admin_add_user_to_group(
            &setup.pool,
            &Username::new("ann"),
            &GroupName::new("nosuch"),
        )
        .await
        .unwrap_err();
    assert_eq!(checked(&err), Checked::NotApplied);
    assert!(err.to_string().contains("it is safe to try again"), "{err}");
}

#[tokio::test]
async fn when_the_read_is_lost_too_nobody_claims_to_know() {
    let setup = setup(&["ann"]).await;
    let proxy = setup
        .proxy(|r| matches!(r.operation(), "AdminDisableUser" | "AdminGetUser"))
        .await;
    let client = common::client_for(&proxy.url, "local", "local").await;
    let err = client
        .admin_disable_user(&setup.pool, &Username::new("ann"))
        .await
        .unwrap_err();
    assert_eq!(checked(&err), Checked::Unknown);
    assert!(
        err.to_string().contains("the change may have been applied"),
        "{err}"
    );
    assert_eq!(sent(&proxy, "AdminDisableUser"), 1);
    assert_eq!(
        setup.user("ann").await["Enabled"],
        json!(false),
        "it was applied"
    );
}

fn cli_args(proxy: &FaultServer, line: &str) -> Vec<String> {
    let mut args: Vec<String> = line.split_whitespace().map(str::to_owned).collect();
    args.extend(["--region", "us-east-1", "--endpoint-url", &proxy.url].map(str::to_owned));
    args
}

#[tokio::test]
async fn users_disable_says_what_a_fresh_read_found_and_journals_unknown() {
    let setup = setup(&["ann"]).await;
    let proxy = setup.proxy(answers_to("AdminDisableUser")).await;
    let data = tempfile::tempdir().unwrap();
    let data_dir = data.path().display().to_string();
    let line = format!("users disable --pool {} ann", setup.pool);
    let run = cli_support::run_env(
        cli_args(&proxy, &line),
        "",
        &[("COGNITO_TUI_DATA_DIR", &data_dir)],
    )
    .await;
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stdout.trim(),
        "ann: disabled (the answer was lost; a fresh read shows the change in place)"
    );
    assert_eq!(setup.user("ann").await["Enabled"], json!(false));
    assert_eq!(sent(&proxy, "AdminDisableUser"), 1);
    let journal = std::fs::read_to_string(data.path().join("journal.jsonl")).unwrap();
    let entry: Value = serde_json::from_str(journal.lines().last().unwrap()).unwrap();
    assert_eq!(entry["operation"], "AdminDisableUser");
    assert_eq!(entry["result"], "unknown");
    assert_eq!(entry["checked"], "applied");
}

#[tokio::test]
async fn a_bulk_run_lists_the_users_whose_outcome_is_unknown_apart() {
    let setup = setup(&["ann", "bob", "cat", "dan"]).await;
    // bob's answer is lost but a read tells; cat's answer and every read of cat are lost.
    let proxy = setup
        .proxy(|r| {
            let user = r.json()["Username"].as_str().unwrap_or_default().to_owned();
            (user == "bob" && r.operation() == "AdminDisableUser") || user == "cat"
        })
        .await;
    let (_dir, file) = cli_support::names_file("ann\nbob\ncat\ndan\n");
    let line = format!("users disable --pool {} --from-file {file}", setup.pool);
    let run = cli_support::run_env(cli_args(&proxy, &line), "", &[]).await;
    assert_eq!(run.code, 1, "{run:?}");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{run:?}");
    assert!(lines.contains(&"ann: disabled"), "{run:?}");
    assert!(
        lines.contains(
            &"bob: disabled (the answer was lost; a fresh read shows the change in place)"
        ),
        "{run:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("cat: outcome unknown: no answer to AdminDisableUser")),
        "{run:?}"
    );
    assert!(
        run.stderr.contains(
            "3 done, 0 failed, 1 outcome unknown (no answer; check before running again: cat)"
        ),
        "{run:?}"
    );
    assert_eq!(sent(&proxy, "AdminDisableUser"), 4, "each user once");
}
