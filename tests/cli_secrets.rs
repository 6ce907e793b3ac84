//! Secrets stay off command lines and out of the log: `api --input` reads a file or stdin, and the
//! log file (shared by the console and the commands) is private, in the data dir, and holds no
//! password, signature or signing hint even at `trace`. The real binary with `--local`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;

use assert_cmd::Command;
use serde_json::{Value, json};

const POOL: &str = "us-east-1_AcmeProd1";
const USER: &str = "ann.adams1";
const LOG: &str = "cognito-tui.log";
/// Meets the demo pool's policy; must never reach the log.
const PASSWORD: &str = "Sekr3t-Never-Logged!";

/// The binary with nothing of the developer's own: data dir, config, AWS setup, log settings.
fn cognito_tui(data: &Path) -> Command {
    let mut cmd = Command::cargo_bin("cognito-tui").unwrap();
    cmd.env("COGNITO_TUI_DATA_DIR", data)
        .env("COGNITO_TUI_CONFIG", "/nonexistent/cognito-tui.toml")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_CONFIG_FILE", "/nonexistent/config")
        .env("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials");
    for var in [
        "COGNITO_TUI_LOG",
        "COGNITO_TUI_LOG_DIR",
        "LOG_SIGNABLE_BODY",
        "AWS_PROFILE",
        "AWS_REGION",
        "AWS_DEFAULT_REGION",
        "AWS_ENDPOINT_URL",
        "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER",
    ] {
        cmd.env_remove(var);
    }
    cmd
}

fn stdout_json(out: &std::process::Output) -> Value {
    assert!(out.status.success(), "{out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The one stderr line of a failed run (status 1, nothing on stdout).
fn failure(out: &std::process::Output) -> String {
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(out.stdout.is_empty(), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    stderr.trim_end().to_owned()
}

fn get_user_input() -> String {
    json!({"UserPoolId": POOL, "Username": USER}).to_string()
}

#[test]
fn api_input_comes_inline_from_a_file_from_stdin_or_as_a_file_url() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input.json");
    std::fs::write(&input, get_user_input()).unwrap();
    let run = |arg: &str, stdin: &str| {
        let out = cognito_tui(dir.path())
            .args(["--local", "api", "AdminGetUser", "--input", arg])
            .write_stdin(stdin)
            .output()
            .unwrap();
        stdout_json(&out)
    };
    let inline = run(&get_user_input(), "");
    assert_eq!(inline["Username"], USER, "{inline}");
    assert_eq!(run(&format!("@{}", input.display()), ""), inline);
    assert_eq!(run("@-", &get_user_input()), inline);
    // The AWS CLI's spelling, for people who type it from habit.
    assert_eq!(run(&format!("file://{}", input.display()), ""), inline);
}

/// A password goes in through stdin, so `ps` never shows it, and the change is made.
#[test]
fn api_takes_a_password_from_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let input = json!({"UserPoolId": POOL, "Username": USER, "Password": PASSWORD,
        "Permanent": true});
    let out = cognito_tui(dir.path())
        .args(["--local", "api", "AdminSetUserPassword", "--input", "@-"])
        .write_stdin(input.to_string())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let user = stdout_json(
        &cognito_tui(dir.path())
            .args([
                "--local",
                "api",
                "AdminGetUser",
                "--input",
                &get_user_input(),
            ])
            .output()
            .unwrap(),
    );
    assert_eq!(user["UserStatus"], "CONFIRMED", "{user}");
}

/// Input that cannot be read is reported as such, naming where it came from, before anything
/// else is needed: here there is no region, and that is not what the error talks about.
#[test]
fn api_input_errors_name_their_source_before_any_connection() {
    let dir = tempfile::tempdir().unwrap();
    // `api ListUsers --input INPUT` with no region, and `stdin`: the one line it fails with.
    let fails = |input: &str, stdin: Vec<u8>| {
        let out = cognito_tui(dir.path())
            .args(["api", "ListUsers", "--input", input])
            .write_stdin(stdin)
            .output()
            .unwrap();
        let line = failure(&out);
        assert!(!line.contains("region"), "{line}");
        line
    };
    let missing = dir.path().join("no-such-input.json");
    let line = fails(&format!("@{}", missing.display()), Vec::new());
    assert!(line.contains(&missing.display().to_string()), "{line}");

    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"UserPoolId\": ").unwrap();
    let line = fails(&format!("@{}", bad.display()), Vec::new());
    assert!(
        line.contains(&bad.display().to_string()) && line.contains("not valid JSON"),
        "{line}"
    );

    let line = fails("@-", vec![0xff, 0xfe, b'{']);
    assert!(
        line.contains("standard input") && line.contains("UTF-8"),
        "{line}"
    );
    assert!(!line.contains("writing output"), "{line}");
}

/// The file's permission bits, in octal as `ls` and `chmod` show them.
fn mode(path: &Path) -> String {
    format!(
        "{:o}",
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    )
}

/// At `trace`, with the signer's own "set LOG_SIGNABLE_BODY=true" hint followed, a command that
/// sends a password logs to the data dir, privately, and the log holds no password, no signature.
#[test]
fn cli_logs_privately_to_the_data_dir_and_never_a_secret() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let out = cognito_tui(&data)
        .env("COGNITO_TUI_LOG", "trace")
        .env("LOG_SIGNABLE_BODY", "true")
        .args(["--local", "users", "set-password", "--pool", POOL, USER])
        .args(["--permanent"])
        .write_stdin(format!("{PASSWORD}\n"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let input = json!({"UserPoolId": POOL, "Username": USER, "Password": PASSWORD,
        "Permanent": false});
    let out = cognito_tui(&data)
        .env("COGNITO_TUI_LOG", "trace")
        .env("LOG_SIGNABLE_BODY", "true")
        .args(["--local", "api", "AdminSetUserPassword", "--input", "@-"])
        .write_stdin(input.to_string())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");

    let path = data.join(LOG);
    assert_eq!(mode(&path), "600", "the log is private");
    let log = std::fs::read_to_string(&path).unwrap();
    assert!(
        log.contains("AdminSetUserPassword"),
        "the commands logged their calls:\n{log}"
    );
    // Told LOG_SIGNABLE_BODY, the signer writes a body as its bytes in decimal.
    let as_bytes: Vec<String> = PASSWORD.bytes().map(|b| b.to_string()).collect();
    let as_bytes = as_bytes.join(", ");
    for secret in [
        PASSWORD,
        &as_bytes,
        "LOG_SIGNABLE_BODY",
        "Signature=",
        "AWS4-HMAC-SHA256",
    ] {
        assert!(!log.contains(secret), "{secret:?} reached the log:\n{log}");
    }
    assert!(
        !log.to_ascii_lowercase().contains("authorization"),
        "a header reached the log:\n{log}"
    );
}

#[test]
fn an_existing_log_is_made_private_and_commands_log_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(LOG);
    let list = |log: Option<&str>| {
        let mut cmd = cognito_tui(dir.path());
        if let Some(level) = log {
            cmd.env("COGNITO_TUI_LOG", level);
        }
        let out = cmd.args(["--local", "pools", "list"]).output().unwrap();
        assert!(out.status.success(), "{out:?}");
    };
    list(None);
    assert!(!path.exists(), "no COGNITO_TUI_LOG, no log from a command");

    std::fs::write(&path, "an older line\n").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    list(Some("debug"));
    assert_eq!(mode(&path), "600", "an existing log is made private");
    let log = std::fs::read_to_string(&path).unwrap();
    assert!(log.starts_with("an older line\n"), "appended, not replaced");
    assert!(log.contains("ListUserPools"), "{log}");

    // COGNITO_TUI_LOG_DIR still wins over the data dir.
    let elsewhere = dir.path().join("logs");
    let out = cognito_tui(dir.path())
        .env("COGNITO_TUI_LOG", "info")
        .env("COGNITO_TUI_LOG_DIR", &elsewhere)
        .args(["--local", "pools", "list"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(mode(&elsewhere.join(LOG)), "600");
}
