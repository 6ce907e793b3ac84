//! The real binary with `--local`: the embedded server starts in-process with demo data in the
//! data dir, and commands answer from it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use assert_cmd::Command;
use common::local_cli as cognito_tui;

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

/// `local-server` alone, on a free port, its URL read from its first line of output.
struct Standalone(std::process::Child, String);

impl Standalone {
    fn start(data: &std::path::Path) -> Self {
        use std::io::BufRead as _;
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_cognito-tui"))
            .args(["local-server", "--port", "0", "--state", ":memory:"])
            .env("XDG_DATA_HOME", data)
            .env("COGNITO_TUI_LOG_DIR", data)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert!(line.starts_with("http://127.0.0.1:"), "{line:?}");
        Self(child, line.trim().to_owned())
    }
}

impl Drop for Standalone {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The AWS CLI scripts/test.sh installed, with dummy credentials: the server accepts any.
fn aws(url: &str, args: &[&str]) -> serde_json::Value {
    let cli = std::env::var("COGNITO_TUI_TEST_AWS_CLI")
        .expect("COGNITO_TUI_TEST_AWS_CLI is not set: run the tests with scripts/test.sh");
    let out = Command::new(cli)
        .args(["--endpoint-url", url, "--output", "json", "cognito-idp"])
        .args(args)
        .env("AWS_ACCESS_KEY_ID", "anything")
        .env("AWS_SECRET_ACCESS_KEY", "anything")
        .env("AWS_DEFAULT_REGION", "us-east-1")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .output()
        .unwrap();
    assert!(out.status.success(), "aws {args:?}: {out:?}");
    serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null)
}

#[test]
fn the_aws_cli_works_against_the_standalone_server() {
    let dir = tempfile::tempdir().unwrap();
    let server = Standalone::start(dir.path());
    let pool = "us-east-1_AcmeProd1";
    // The CLI follows PaginationToken itself: every demo user, 60 a page.
    let all = aws(
        &server.1,
        &["list-users", "--user-pool-id", pool, "--page-size", "60"],
    );
    assert_eq!(all["Users"].as_array().map(Vec::len), Some(2_500));
    let found = aws(
        &server.1,
        &[
            "list-users",
            "--user-pool-id",
            pool,
            "--filter",
            "email ^= \"ann.adams1\"",
        ],
    );
    let names: Vec<&str> = found["Users"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|u| u["Username"].as_str())
        .collect();
    assert_eq!(names, ["ann.adams1"]);
    aws(
        &server.1,
        &[
            "admin-disable-user",
            "--user-pool-id",
            pool,
            "--username",
            "ann.adams1",
        ],
    );
    let ann = aws(
        &server.1,
        &[
            "admin-get-user",
            "--user-pool-id",
            pool,
            "--username",
            "ann.adams1",
        ],
    );
    assert_eq!(ann["Enabled"], false);
}

#[test]
fn ctrl_c_stops_the_standalone_server() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Standalone::start(dir.path());
    let pid = server.0.id().to_string();
    let sent = std::process::Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .unwrap();
    assert!(sent.success());
    // A deadline for a hang, not a speed check: stopping takes milliseconds.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let status = loop {
        if let Some(status) = server.0.try_wait().unwrap() {
            break status;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "local-server still running 20 s after Ctrl-C"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
}
