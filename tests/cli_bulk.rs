//! Bulk user actions of the real binary against moto: users from a file, `--dry-run`, per-user
//! results that go on after a failure, the exit status and summary, the rate, read-only.
mod cli_support;
mod common;

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use cli_support::{cli, create_group, get_user, groups_of, names_file, ok, one_line_failure};
use cognito_tui::cognito::{CognitoClient, PoolId, Username};
use serde_json::{Value, json};

async fn pool_with(client: &CognitoClient, prefix: &str, users: &[&str]) -> PoolId {
    let pool = common::create_pool(client, prefix).await;
    for user in users {
        common::create_user(client, &pool, user, &[]).await;
    }
    pool
}

async fn enabled(client: &CognitoClient, pool: &PoolId, user: &str) -> bool {
    get_user(client, pool, user).await["Enabled"] == json!(true)
}

#[tokio::test(flavor = "multi_thread")]
async fn disable_from_a_file_goes_on_after_a_failure_and_exits_1() {
    let client = common::moto().await;
    let pool = pool_with(&client, "bulk-disable", &["ann", "bob", "carl"]).await;
    let (_dir, file) = names_file("# leavers\nann\n\nnobody\n  bob  \n#carl\n");

    let run = cli(
        &format!("users disable --pool {pool} --from-file {file}"),
        "",
    )
    .await;
    assert_eq!(run.code, 1, "{run:?}");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{run:?}");
    assert_eq!(lines[0], "ann: disabled");
    assert!(
        lines[1].starts_with("nobody: error UserNotFoundException: The user does not exist"),
        "{}",
        lines[1]
    );
    assert_eq!(lines[2], "bob: disabled");
    assert_eq!(run.stderr, "2 done, 1 failed\n");
    assert!(!enabled(&client, &pool, "ann").await);
    assert!(!enabled(&client, &pool, "bob").await);
    assert!(enabled(&client, &pool, "carl").await);

    // Enable them again, as JSON lines: all succeed, exit 0, the summary on stderr.
    let (_dir2, file) = names_file("ann\nbob\n");
    let run = cli(
        &format!("users enable --pool {pool} --from-file {file} --output json"),
        "",
    )
    .await;
    assert_eq!(run.code, 0, "{run:?}");
    let results: Vec<Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        results,
        [
            json!({"Username": "ann", "Operation": "AdminEnableUser", "Result": "enabled"}),
            json!({"Username": "bob", "Operation": "AdminEnableUser", "Result": "enabled"}),
        ]
    );
    assert_eq!(run.stderr, "2 done, 0 failed\n");
    assert!(enabled(&client, &pool, "ann").await && enabled(&client, &pool, "bob").await);
}

#[tokio::test(flavor = "multi_thread")]
async fn dry_run_prints_the_plan_and_changes_nothing() {
    let client = common::moto().await;
    let pool = pool_with(&client, "bulk-dry", &["ann", "bob"]).await;
    create_group(&client, &pool, "staff").await;
    let (_dir, file) = names_file("ann\nbob\nann\n");

    for (command, plan) in [
        ("disable", "disable ann\ndisable bob\n"),
        ("delete", "delete ann\ndelete bob\n"),
        ("sign-out", "sign out ann\nsign out bob\n"),
        ("add-to-group", "add ann to staff\nadd bob to staff\n"),
    ] {
        let group = if command == "add-to-group" {
            "staff"
        } else {
            ""
        };
        let line = format!("users {command} --pool {pool} --from-file {file} {group} --dry-run");
        let run = cli(&line, "").await;
        assert_eq!(run.code, 0, "{run:?}");
        assert_eq!(run.stdout, plan, "{command}");
        assert!(run.stderr.contains("dry run: 2 users") && run.stderr.contains("nothing was sent"));
    }
    // One user, and under --read-only: a plan is still only a plan.
    let run = cli(
        &format!("users delete --pool {pool} ann --dry-run --read-only"),
        "",
    )
    .await;
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, "delete ann\n"),
        "{run:?}"
    );
    let json = cli(
        &format!("users remove-from-group --pool {pool} ann staff --dry-run --output json"),
        "",
    )
    .await;
    let planned: Value = serde_json::from_str(json.stdout.trim()).unwrap();
    assert_eq!(planned["Plan"], "remove ann from staff");
    assert_eq!(planned["Operation"], "AdminRemoveUserFromGroup");

    for user in ["ann", "bob"] {
        assert!(enabled(&client, &pool, user).await);
        assert!(groups_of(&client, &pool, user).await.is_empty());
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn group_membership_sign_out_and_delete_from_a_file() {
    let client = common::moto().await;
    let pool = pool_with(&client, "bulk-groups", &["ann", "bob", "carl"]).await;
    create_group(&client, &pool, "staff").await;
    let (_dir, file) = names_file("ann\nbob\n");

    let added = ok(&format!(
        "users add-to-group --pool {pool} --from-file {file} staff"
    ))
    .await;
    assert_eq!(added, "ann: added to staff\nbob: added to staff\n");
    let staff: BTreeSet<String> = ["staff".to_owned()].into();
    assert_eq!(groups_of(&client, &pool, "ann").await, staff);
    assert_eq!(groups_of(&client, &pool, "bob").await, staff);
    assert!(groups_of(&client, &pool, "carl").await.is_empty());

    let removed = ok(&format!(
        "users remove-from-group --pool {pool} --from-file {file} staff"
    ))
    .await;
    assert_eq!(
        removed,
        "ann: removed from staff\nbob: removed from staff\n"
    );
    assert!(groups_of(&client, &pool, "ann").await.is_empty());

    let out = ok(&format!("users sign-out --pool {pool} --from-file {file}")).await;
    assert_eq!(out, "ann: signed out\nbob: signed out\n");

    let deleted = ok(&format!("users delete --pool {pool} --from-file {file}")).await;
    assert_eq!(deleted, "ann: deleted\nbob: deleted\n");
    for user in ["ann", "bob"] {
        let got = client.admin_get_user(&pool, &Username::new(user)).await;
        assert_eq!(got.unwrap_err().code(), Some("UserNotFoundException"));
    }
    assert!(enabled(&client, &pool, "carl").await);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_error_about_every_user_stops_the_run() {
    let client = common::moto().await;
    let pool = pool_with(&client, "bulk-stop", &["u1", "u2", "u3", "u4", "u5", "u6"]).await;
    let (_dir, file) = names_file("u1\nu2\nu3\nu4\nu5\nu6\n");
    // No such group: every user would fail the same way.
    let line = format!("users add-to-group --pool {pool} --from-file {file} ghosts");
    let run = cli(&line, "").await;
    assert_eq!(run.code, 1, "{run:?}");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 6, "{run:?}");
    assert!(
        lines[0].starts_with("u1: error ResourceNotFoundException"),
        "{run:?}"
    );
    let skipped = lines
        .iter()
        .filter(|l| l.ends_with("not attempted (the run stopped)"))
        .count();
    assert!(skipped >= 2, "the run went on: {run:?}");
    assert!(run.stderr.starts_with("0 done, "), "{run:?}");
    assert!(
        run.stderr.contains(&format!("{skipped} not attempted")),
        "{run:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn bulk_runs_stay_under_the_user_update_quota() {
    let client = common::moto().await;
    let users: Vec<String> = (0..25).map(|i| format!("r{i:02}")).collect();
    let names: Vec<&str> = users.iter().map(String::as_str).collect();
    let pool = pool_with(&client, "bulk-rate", &names).await;
    let (_dir, file) = names_file(&users.join("\n"));
    let started = Instant::now();
    let out = ok(&format!("users disable --pool {pool} --from-file {file}")).await;
    // 25 calls at 20 a second: the 21st starts a second after the first.
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(out.lines().count(), 25);
    for user in &users {
        assert!(!enabled(&client, &pool, user).await, "{user}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn read_only_refuses_a_bulk_run_with_one_line() {
    let client = common::moto().await;
    let pool = pool_with(&client, "bulk-ro", &["ann", "bob"]).await;
    let (_dir, file) = names_file("ann\nbob\n");
    let run = cli(
        &format!("users disable --pool {pool} --from-file {file} --read-only"),
        "",
    )
    .await;
    assert!(one_line_failure(&run).contains("read-only mode"), "{run:?}");
    assert!(enabled(&client, &pool, "ann").await && enabled(&client, &pool, "bob").await);
}

#[tokio::test(flavor = "multi_thread")]
async fn usage_errors_name_what_to_give() {
    let client = common::moto().await;
    let pool = pool_with(&client, "bulk-usage", &["ann"]).await;
    let (_dir, file) = names_file("ann\n");
    let (_empty_dir, empty) = names_file("# nobody yet\n\n");
    let usage = |run: &cli_support::Run, says: &str| {
        assert_eq!(run.code, 2, "{run:?}");
        assert!(run.stdout.is_empty(), "{run:?}");
        assert!(run.stderr.contains(says), "{says}: {run:?}");
    };
    // Neither a user nor a file; both.
    usage(
        &cli(&format!("users disable --pool {pool}"), "").await,
        "USERNAME",
    );
    let both = cli(
        &format!("users disable --pool {pool} ann --from-file {file}"),
        "",
    )
    .await;
    usage(&both, "cannot be used with");
    let both = format!("users add-to-group --pool {pool} ann staff --from-file {file}");
    usage(&cli(&both, "").await, "not both");
    let neither = format!("users add-to-group --pool {pool} staff");
    usage(&cli(&neither, "").await, "USERNAME GROUP");

    let run = cli(
        &format!("users disable --pool {pool} --from-file {empty}"),
        "",
    )
    .await;
    assert!(
        one_line_failure(&run).contains("lists no usernames"),
        "{run:?}"
    );
    let run = cli(
        &format!("users disable --pool {pool} --from-file /nonexistent/names"),
        "",
    )
    .await;
    assert!(
        one_line_failure(&run).contains("/nonexistent/names"),
        "{run:?}"
    );
    assert!(enabled(&client, &pool, "ann").await);
}
