//! The audit journal: every change the binary sends is one JSON line (time, profile, region, pool,
//! operation, target, result, request id), whatever command sent it; never a password.
mod cli_support;
mod common;

use cli_support::{cli_env, run_env};
use serde_json::Value;

#[tokio::test(flavor = "multi_thread")]
async fn every_change_is_journaled_without_secrets() {
    let client = common::moto().await;
    let pool = common::create_pool(&client, "journal").await;
    common::create_user(&client, &pool, "ann", &[("email", "ann@example.com")]).await;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let env = [("COGNITO_TUI_DATA_DIR", data)];

    let password = "Journal-Passw0rd!";
    let set = cli_env(
        &format!("users set-password --pool {pool} ann --permanent"),
        &format!("{password}\n"),
        &env,
    )
    .await;
    assert_eq!(set.code, 0, "{set:?}");
    assert_eq!(
        cli_env(&format!("users disable --pool {pool} ann"), "", &env)
            .await
            .code,
        0
    );
    let missing = cli_env(&format!("users disable --pool {pool} nobody"), "", &env).await;
    assert_eq!(missing.code, 1);
    let api = cli_env(
        &format!("api AdminEnableUser --input {{\"UserPoolId\":\"{pool}\",\"Username\":\"ann\"}}"),
        "",
        &env,
    )
    .await;
    assert_eq!(api.code, 0, "{api:?}");
    // Reads and refused changes are not journaled.
    assert_eq!(
        cli_env(&format!("users get --pool {pool} ann"), "", &env)
            .await
            .code,
        0
    );
    assert_eq!(
        cli_env(
            &format!("users delete --pool {pool} ann --read-only"),
            "",
            &env
        )
        .await
        .code,
        1
    );

    let text = std::fs::read_to_string(dir.path().join("journal.jsonl")).unwrap();
    assert!(
        !text.contains(password),
        "the journal must never hold a password: {text}"
    );
    let entries: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        summary(&entries),
        [
            ("AdminSetUserPassword", "ann", "ok"),
            ("AdminDisableUser", "ann", "ok"),
            ("AdminDisableUser", "nobody", "UserNotFoundException"),
            ("AdminEnableUser", "ann", "ok"),
        ]
    );
    for e in &entries {
        assert_eq!(e["pool"], Value::String(pool.to_string()));
        assert_eq!(e["region"], "us-east-1");
        assert!(e["time"].as_str().unwrap().ends_with('Z'), "{e}");
        assert!(
            e["request_id"].as_str().is_some_and(|id| !id.is_empty()),
            "request id missing: {e}"
        );
    }

    // `journal` shows them back, newest last.
    let shown = run_env(
        vec![
            "journal".into(),
            "--last".into(),
            "2".into(),
            "--output".into(),
            "json".into(),
        ],
        "",
        &[("COGNITO_TUI_DATA_DIR", data)],
    )
    .await;
    assert_eq!(shown.code, 0, "{shown:?}");
    let lines: Vec<Value> = shown
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["operation"], "AdminEnableUser");
}

/// (operation, target, result) of each entry.
fn summary(entries: &[Value]) -> Vec<(&str, &str, &str)> {
    entries
        .iter()
        .map(|e| {
            let text = |k| e[k].as_str().unwrap_or_default();
            (text("operation"), text("target"), text("result"))
        })
        .collect()
}
