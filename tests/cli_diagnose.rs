//! `users diagnose` with `--local`: the demo's users each get the verdict of their case with its
//! fix and the command that applies it; JSON carries the same; a fix applied changes the verdict.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::local_cli as cognito_tui;

fn diagnose(data: &std::path::Path, user: &str, json: bool) -> String {
    diagnose_in(data, "acme-production", user, json)
}

fn diagnose_in(data: &std::path::Path, pool: &str, user: &str, json: bool) -> String {
    let mut cmd = cognito_tui(data);
    cmd.arg("--local");
    if json {
        cmd.args(["--output", "json"]);
    }
    let out = cmd
        .args(["users", "diagnose", "--pool", pool, user])
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
    // The newest marked valid, as the command says (and the console's history does): the
    // verdict no longer asks for it.
    let input = serde_json::json!({"UserPoolId": "us-east-1_AcmeProd1", "Username": "ann.adams3",
        "EventId": event, "FeedbackValue": "Valid"});
    let marked = cognito_tui(dir.path())
        .args(["--local", "api", "AdminUpdateAuthEventFeedback", "--input"])
        .arg(input.to_string())
        .output()
        .unwrap();
    assert!(marked.status.success(), "{marked:?}");
    let json: serde_json::Value =
        serde_json::from_str(&diagnose(dir.path(), "ann.adams3", true)).unwrap();
    assert_ne!(json["Fix"], "MarkEventsValid", "{json}");

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

/// The staging pool's support cases (`local::seed_support`): it signs in with the email as an
/// alias, requires MFA and federates Google.
fn staging(user: &str) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    serde_json::from_str(&diagnose_in(dir.path(), "acme-staging", user, true)).unwrap()
}

#[test]
fn an_unverified_sign_in_email_is_flagged_with_the_fix_that_verifies_it() {
    let json = staging("mia.novak");
    assert_eq!(json["Severity"], "Warning", "{json}");
    let reason = json["Reason"].as_str().unwrap();
    assert!(
        reason.contains("signs in with the email address, and m***@example.com is not verified"),
        "{reason}"
    );
    assert_eq!(json["Fix"], "MarkEmailVerified");
    assert!(
        json["Command"].as_str().unwrap().ends_with(
            "users update-attributes --pool us-east-1_AcmeStag1 mia.novak email_verified=true"
        ),
        "{json}"
    );
    assert_eq!(json["Facts"]["EmailVerified"], "false");
}

#[test]
fn a_user_without_mfa_in_a_pool_that_requires_it_is_told_what_comes_next() {
    let json = staging("leo.fischer");
    assert_eq!(json["Severity"], "Warning", "{json}");
    assert!(
        json["Reason"]
            .as_str()
            .unwrap()
            .starts_with("the pool requires MFA and the user has none set up"),
        "{json}"
    );
    assert_eq!(json["Facts"]["PoolMfa"], "ON");
    assert_eq!(json["Facts"]["MfaMethods"], serde_json::json!([]));
}

#[test]
fn a_google_user_signs_in_through_google() {
    let json = staging("Google_107353948151203912345");
    assert_eq!(json["Severity"], "Fine", "{json}");
    assert!(
        json["Reason"]
            .as_str()
            .unwrap()
            .starts_with("signs in through Google: password actions do not apply"),
        "{json}"
    );
    assert_eq!(json["Facts"]["UserStatus"], "EXTERNAL_PROVIDER");
    assert!(json["Fix"].is_null(), "{json}");
}

#[test]
fn an_authenticator_app_user_is_offered_an_mfa_reset() {
    let json = staging("sara.lopez");
    assert_eq!(json["Severity"], "Fine", "{json}");
    assert!(
        json["Reason"]
            .as_str()
            .unwrap()
            .starts_with("signs in with an authenticator app"),
        "{json}"
    );
    assert_eq!(json["AlsoFixes"], serde_json::json!(["ResetMfa"]));
    assert_eq!(
        json["Facts"]["MfaMethods"],
        serde_json::json!(["SOFTWARE_TOKEN_MFA"])
    );
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
