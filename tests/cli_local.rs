//! The real binary with `--local`: the embedded server starts in-process with demo data in the
//! data dir, and commands answer from it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use assert_cmd::Command;

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
fn local_lists_the_demo_pools_and_keeps_edits() {
    let dir = tempfile::tempdir().unwrap();
    let out = cognito_tui(dir.path())
        .args(["--local", "--output", "json", "pools", "list"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let pools: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = pools
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["Name"].as_str())
        .collect();
    assert_eq!(names, ["acme-production", "acme-staging"]);

    let disable = cognito_tui(dir.path())
        .args(["--local", "api", "AdminDisableUser", "--input"])
        .arg(r#"{"UserPoolId":"us-east-1_AcmeProd1","Username":"ann.adams1"}"#)
        .output()
        .unwrap();
    assert!(disable.status.success(), "{disable:?}");
    let user = cognito_tui(dir.path())
        .args(["--local", "api", "AdminGetUser", "--input"])
        .arg(r#"{"UserPoolId":"us-east-1_AcmeProd1","Username":"ann.adams1"}"#)
        .output()
        .unwrap();
    assert!(user.status.success(), "{user:?}");
    let user: serde_json::Value = serde_json::from_slice(&user.stdout).unwrap();
    assert_eq!(
        user["Enabled"], false,
        "the edit survived the first process"
    );
}

#[test]
fn local_refuses_an_endpoint_or_profile_as_well() {
    let dir = tempfile::tempdir().unwrap();
    let out = cognito_tui(dir.path())
        .args([
            "--local",
            "--endpoint-url",
            "http://127.0.0.1:1",
            "pools",
            "list",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
}

#[test]
fn the_state_lives_in_cognito_tui_data_dir_like_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("chosen");
    let out = cognito_tui(dir.path())
        .env("COGNITO_TUI_DATA_DIR", &data)
        .args(["--local", "--output", "json", "pools", "list"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(data.join("local-server.sqlite3").exists());
}
