//! One test per verdict, on users and pools shaped as AdminGetUser and DescribeUserPool answer.
#![allow(clippy::needless_pass_by_value)] // json!({...}) literals, read once

use serde_json::{Value, json};

use super::*;
use crate::cognito::devices::AuthEventType;

const NOW: f64 = 1_764_000_000.0;

fn user(fields: Value) -> AdminGetUserResponse {
    let mut base = json!({
        "Username": "ann",
        "Enabled": true,
        "UserStatus": "CONFIRMED",
        "UserCreateDate": NOW - 30.0 * DAY,
        "UserLastModifiedDate": NOW - 30.0 * DAY,
        "UserAttributes": [
            {"Name": "email", "Value": "ann@example.com"},
            {"Name": "email_verified", "Value": "true"}
        ]
    });
    for (k, v) in fields.as_object().unwrap() {
        base[k.as_str()] = v.clone();
    }
    serde_json::from_value(base).unwrap()
}

fn pool(fields: Value) -> UserPoolType {
    let mut base = json!({"Id": "us-east-1_A", "MfaConfiguration": "OFF"});
    for (k, v) in fields.as_object().unwrap() {
        base[k.as_str()] = v.clone();
    }
    serde_json::from_value(base).unwrap()
}

fn event(response: &str, decision: &str, level: &str, ago_days: f64) -> AuthEventType {
    serde_json::from_value(json!({
        "EventId": "e1", "EventType": "SignIn", "CreationDate": NOW - ago_days * DAY,
        "EventResponse": response,
        "EventRisk": {"RiskDecision": decision, "RiskLevel": level},
        "EventContextData": {"IpAddress": "203.0.113.9", "City": "Lyon", "Country": "France"}
    }))
    .unwrap()
}

fn judge(
    user: &AdminGetUserResponse,
    pool: &UserPoolType,
    events: Option<&[AuthEventType]>,
) -> Verdict {
    let history = events.map_or(History::NoThreatProtection, |e| History::Events(e.to_vec()));
    verdict(&Facts {
        user,
        pool,
        history: &history,
        now: NOW,
    })
}

#[test]
fn a_disabled_user_is_blocked_and_enabling_fixes_it() {
    let v = judge(&user(json!({"Enabled": false})), &pool(json!({})), None);
    assert_eq!((v.severity, v.fix), (Severity::Blocked, Some(Fix::Enable)));
    assert_eq!(v.reason, "disabled by an administrator");
}

#[test]
fn an_expired_temporary_password_says_how_long_ago_and_offers_a_resend() {
    let sent = NOW - 10.0 * DAY;
    let u = user(json!({"UserStatus": "FORCE_CHANGE_PASSWORD",
                        "UserCreateDate": sent, "UserLastModifiedDate": sent}));
    let v = judge(&u, &pool(json!({})), None);
    assert_eq!(
        (v.severity, v.fix),
        (Severity::Blocked, Some(Fix::ResendInvitation))
    );
    assert_eq!(v.also, [Fix::SetPassword]);
    assert!(
        v.reason.contains("expired 3 days ago (valid 7 days)"),
        "{}",
        v.reason
    );
    // The pool's own validity counts.
    let long = pool(json!({"Policies": {"PasswordPolicy": {"TemporaryPasswordValidityDays": 30}}}));
    let v = judge(&u, &long, None);
    assert_eq!(v.severity, Severity::Warning);
    assert!(v.reason.contains("expires in 20 days"), "{}", v.reason);
}

#[test]
fn a_temporary_password_still_valid_says_when_it_was_sent_and_when_it_expires() {
    let u = user(json!({"UserStatus": "FORCE_CHANGE_PASSWORD",
                        "UserCreateDate": NOW - 5.0 * DAY, "UserLastModifiedDate": NOW - DAY}));
    let v = judge(&u, &pool(json!({})), None);
    assert_eq!((v.severity, v.fix), (Severity::Warning, None));
    assert!(v.reason.contains("sent on 2025-11-19"), "{}", v.reason);
    assert!(v.reason.contains("expires in 2 days"), "{}", v.reason);
}

/// Any change moves the last-modified time, a resend among them: a password sent at creation
/// that expired is only perhaps renewed by a later change, and is said so; one that expired
/// counted from the last change too surely has.
#[test]
fn a_change_after_an_expired_invitation_is_not_taken_for_a_resend() {
    let u = user(json!({"UserStatus": "FORCE_CHANGE_PASSWORD",
                        "UserCreateDate": NOW - 10.0 * DAY, "UserLastModifiedDate": NOW - DAY}));
    let v = judge(&u, &pool(json!({})), None);
    assert_eq!(
        (v.severity, v.fix),
        (Severity::Warning, Some(Fix::ResendInvitation))
    );
    assert!(
        v.reason
            .contains("expired 3 days ago (valid 7 days), unless the invitation was resent")
            && v.reason.ends_with("then it expires in 6 days"),
        "{}",
        v.reason
    );
    let u = user(json!({"UserStatus": "FORCE_CHANGE_PASSWORD",
                        "UserCreateDate": NOW - 20.0 * DAY, "UserLastModifiedDate": NOW - 9.0 * DAY}));
    let v = judge(&u, &pool(json!({})), None);
    assert_eq!(v.severity, Severity::Blocked);
    assert!(
        v.reason
            .contains("(or resent on 2025-11-15 at the latest) expired 2 days ago"),
        "{}",
        v.reason
    );
}

#[test]
fn an_unconfirmed_user_is_confirmed() {
    let v = judge(
        &user(json!({"UserStatus": "UNCONFIRMED"})),
        &pool(json!({})),
        None,
    );
    assert_eq!(
        (v.severity, v.fix),
        (Severity::Blocked, Some(Fix::ConfirmSignUp))
    );
}

#[test]
fn reset_required_names_the_masked_destination_of_the_code() {
    let v = judge(
        &user(json!({"UserStatus": "RESET_REQUIRED"})),
        &pool(json!({})),
        None,
    );
    assert_eq!(
        (v.severity, v.fix),
        (Severity::Blocked, Some(Fix::SetPassword))
    );
    assert!(v.reason.contains("a***@example.com"), "{}", v.reason);
    assert!(
        !v.reason.contains("ann@"),
        "the address is masked: {}",
        v.reason
    );
}

#[test]
fn an_unverified_email_the_pool_signs_in_with_is_a_warning_with_its_fix() {
    let u = user(json!({"UserAttributes": [
        {"Name": "email", "Value": "ann@example.com"},
        {"Name": "email_verified", "Value": "false"}
    ]}));
    let v = judge(&u, &pool(json!({"UsernameAttributes": ["email"]})), None);
    assert_eq!(
        (v.severity, v.fix),
        (Severity::Warning, Some(Fix::MarkEmailVerified))
    );
    // A pool that does not sign in with email does not care.
    let v = judge(&u, &pool(json!({})), None);
    assert_eq!(v.severity, Severity::Fine);
    let phone =
        user(json!({"UserAttributes": [{"Name": "phone_number", "Value": "+15555554567"}]}));
    let v = judge(
        &phone,
        &pool(json!({"AliasAttributes": ["phone_number"]})),
        None,
    );
    assert_eq!(v.fix, Some(Fix::MarkPhoneVerified));
    assert!(v.reason.contains("+1 *** *** 4567"), "{}", v.reason);
}

#[test]
fn mfa_required_without_a_method_and_a_lost_authenticator_are_told_apart() {
    let required = pool(json!({"MfaConfiguration": "ON"}));
    let v = judge(&user(json!({})), &required, None);
    assert_eq!(v.severity, Severity::Warning);
    assert!(
        v.reason.contains("requires MFA and the user has none"),
        "{}",
        v.reason
    );
    let totp = user(
        json!({"UserMFASettingList": ["SOFTWARE_TOKEN_MFA"], "PreferredMfaSetting": "SOFTWARE_TOKEN_MFA"}),
    );
    let v = judge(&totp, &required, None);
    assert_eq!(v.also, [Fix::ResetMfa]);
}

#[test]
fn sign_ins_blocked_by_threat_protection_are_shown_with_the_feedback_fix() {
    let events = [
        event("Fail", "Block", "High", 0.1),
        event("Fail", "Block", "High", 0.5),
        event("Pass", "NoRisk", "Low", 3.0),
    ];
    let v = judge(&user(json!({})), &pool(json!({})), Some(&events));
    assert_eq!(
        (v.severity, v.fix),
        (Severity::Blocked, Some(Fix::MarkEventsValid))
    );
    assert!(
        v.reason.starts_with("2 recent sign-ins were blocked"),
        "{}",
        v.reason
    );
    assert!(v.reason.contains("the latest 2 h ago"), "{}", v.reason);
    assert_eq!(v.events, ["e1", "e1"]);
    // Blocked before a success that came after is history, not the problem.
    let events = [
        event("Pass", "NoRisk", "Low", 0.1),
        event("Fail", "Block", "High", 1.0),
    ];
    let v = judge(&user(json!({})), &pool(json!({})), Some(&events));
    assert_eq!(v.severity, Severity::Fine);
    // The newest marked valid by an administrator: the agent has dealt with it and what came
    // before; one marked invalid was not the user, so it is not offered to be marked valid.
    let mut marked = event("Fail", "Block", "High", 0.1);
    marked.event_feedback = Some(json!({"FeedbackValue": "Valid", "Provider": "Admin"}));
    let events = [marked.clone(), event("Fail", "Block", "High", 0.5)];
    let v = judge(&user(json!({})), &pool(json!({})), Some(&events));
    assert_ne!(v.fix, Some(Fix::MarkEventsValid), "{v:?}");
    marked.event_feedback = Some(json!({"FeedbackValue": "Invalid", "Provider": "Admin"}));
    let events = [marked, event("Fail", "Block", "High", 0.5)];
    let v = judge(&user(json!({})), &pool(json!({})), Some(&events));
    assert_eq!(v.events.len(), 1, "{v:?}");
    // Only sign-ins count: a password reset that passed neither ends the blocked ones nor is the
    // last sign-in.
    let mut reset = event("Pass", "NoRisk", "Low", 0.1);
    reset.event_type = Some("ForgotPassword".into());
    let events = [reset, event("Fail", "Block", "High", 1.0)];
    let v = judge(&user(json!({})), &pool(json!({})), Some(&events));
    assert_eq!(v.fix, Some(Fix::MarkEventsValid), "{v:?}");
    let mut reset = event("Pass", "NoRisk", "Low", 0.1);
    reset.event_type = Some("ForgotPassword".into());
    let v = judge(&user(json!({})), &pool(json!({})), Some(&[reset]));
    assert!(
        v.reason
            .ends_with("no successful sign-in in its recent history"),
        "{}",
        v.reason
    );
}

#[test]
fn an_external_provider_user_signs_in_through_the_provider_named() {
    let u = user(json!({"Username": "Google_1234567890", "UserStatus": "EXTERNAL_PROVIDER"}));
    let v = judge(&u, &pool(json!({})), None);
    assert_eq!((v.severity, v.fix), (Severity::Fine, None));
    assert!(
        v.reason
            .starts_with("signs in through Google: password actions do not apply"),
        "{}",
        v.reason
    );
    // Disabled comes first, whoever manages the password.
    let u =
        user(json!({"Username": "Google_1", "UserStatus": "EXTERNAL_PROVIDER", "Enabled": false}));
    assert_eq!(judge(&u, &pool(json!({})), None).fix, Some(Fix::Enable));
}

#[test]
fn nothing_blocking_says_when_and_where_the_last_success_was() {
    let events = [event("Pass", "NoRisk", "Low", 2.5)];
    let v = judge(&user(json!({})), &pool(json!({})), Some(&events));
    assert_eq!((v.severity, v.fix), (Severity::Fine, None));
    assert_eq!(
        v.reason,
        "nothing in Cognito blocks this user; last successful sign-in 2 days ago from Lyon, France"
    );
    let v = judge(&user(json!({})), &pool(json!({})), None);
    assert!(
        v.reason
            .ends_with("last successful sign-in unknown (the pool has no threat protection)")
    );
}

#[test]
fn a_history_that_could_not_be_read_is_said_not_taken_for_no_threat_protection() {
    let history = History::Unreadable(
        "the sign-in history could not be read: AccessDeniedException".to_owned(),
    );
    let v = verdict(&Facts {
        user: &user(json!({})),
        pool: &pool(json!({})),
        history: &history,
        now: NOW,
    });
    // Blocked sign-ins could not be looked for: a warning, never OK.
    assert_eq!((v.severity, v.fix), (Severity::Warning, None));
    assert!(
        v.reason
            .contains("blocked sign-ins could not be checked: the sign-in history could not be read: AccessDenied"),
        "{}",
        v.reason
    );
    assert!(history.summary().starts_with("unavailable (the sign-in"));
    assert_eq!(
        History::NoThreatProtection.summary(),
        "unavailable (the pool has no threat protection)"
    );
}
