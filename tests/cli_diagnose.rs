//! `users diagnose` with `--local`: the demo's users each get the verdict of their case with its
//! fix and the command that applies it; JSON carries the same; a fix applied changes the verdict.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::local_cli as cognito_tui;

fn diagnose(data: &std::path::Path, user: &str, json: bool) -> String {
    let mut cmd = cognito_tui(data);
    cmd.arg("--local");
    if json {
        cmd.args(["--output", "json"]);
    }
    let out = cmd
        .args(["users", "diagnose", "--pool", "acme-production", user])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn each_demo_case_gets_its_verdict_and_fix() {
    let dir = tempfile::tempdir().unwrap();
    let text = diagnose(dir.path(), "ann.adams1", false);
    assert!(
        text.starts_with("ann.adams1: BLOCKED: has not confirmed the sign-up"),
        "{text}"
    );
    assert!(
        text.contains("fix: confirm the sign-up (cognito-tui users confirm --pool us-east-1_AcmeProd1 ann.adams1)"),
        "{text}"
    );
    let text = diagnose(dir.path(), "ann.diaz2", false);
    assert!(
        text.contains("BLOCKED: the temporary password sent on 2023-11-19 expired"),
        "{text}"
    );
    assert!(text.contains("or: set a password"), "{text}");
    let text = diagnose(dir.path(), "ann.adams2", false);
    assert!(text.contains("code sent to a***@example.com"), "{text}");
    let json: serde_json::Value =
        serde_json::from_str(&diagnose(dir.path(), "ann.adams3", true)).unwrap();
    assert_eq!(json["Severity"], "Blocked");
    assert_eq!(json["Fix"], "MarkEventsValid");
    let command = json["Command"].as_str().unwrap();
    let event = json["Events"][0].as_str().unwrap();
    assert!(command.contains(event), "{command}");
    assert!(
        json["Facts"]["SignInEvents"].as_u64().unwrap() > 0,
        "{json}"
    );

    // The fix the verdict names, applied, clears it.
    let json: serde_json::Value =
        serde_json::from_str(&diagnose(dir.path(), "ann.haddad4", true)).unwrap();
    assert_eq!(json["Fix"], "Enable");
    let enabled = cognito_tui(dir.path())
        .args([
            "--local",
            "users",
            "enable",
            "--pool",
            "acme-production",
            "ann.haddad4",
        ])
        .output()
        .unwrap();
    assert!(enabled.status.success(), "{enabled:?}");
    let json: serde_json::Value =
        serde_json::from_str(&diagnose(dir.path(), "ann.haddad4", true)).unwrap();
    assert_ne!(json["Fix"], "Enable", "{json}");
}

#[test]
fn an_unknown_user_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = cognito_tui(dir.path())
        .args([
            "--local",
            "users",
            "diagnose",
            "--pool",
            "acme-production",
            "nobody",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("UserNotFoundException"), "{stderr}");
}
