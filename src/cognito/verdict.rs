//! "Why can't this user sign in?": a pure function of the user (AdminGetUser), the pool
//! (DescribeUserPool) and the user's recent sign-in events, at a given time. It answers with the
//! one thing that blocks the user (the first that applies, most blocking first), in plain
//! English, with the fix that clears it and the others worth knowing, and never does I/O, so the
//! console and `users diagnose` say the same thing and each case is unit-tested.

use serde::Serialize;

use crate::cognito::pools::UserPoolType;
use crate::cognito::sign_in_history::{History, last_success};
use crate::cognito::types::attribute;
use crate::cognito::user_status::UserStatus;
use crate::cognito::users::AdminGetUserResponse;

/// Cognito's default when the pool does not say (TemporaryPasswordValidityDays).
const DEFAULT_TEMPORARY_DAYS: u32 = 7;
const DAY: f64 = 86_400.0;

/// How bad it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Severity {
    /// The user cannot sign in until something is done.
    Blocked,
    /// The user can sign in, with a step or a condition the agent should know.
    Warning,
    /// Nothing in Cognito blocks the user.
    Fine,
}

/// What clears it, each one action of the console and the CLI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Fix {
    Enable,
    ResendInvitation,
    SetPassword,
    ConfirmSignUp,
    MarkEmailVerified,
    MarkPhoneVerified,
    ResetMfa,
    /// AdminUpdateAuthEventFeedback `Valid` on the blocked events, once the agent has checked who
    /// they are talking to.
    MarkEventsValid,
}

impl Fix {
    pub fn label(self) -> &'static str {
        match self {
            Fix::Enable => "enable the user",
            Fix::ResendInvitation => "resend the invitation (a new temporary password)",
            Fix::SetPassword => "set a password",
            Fix::ConfirmSignUp => "confirm the sign-up",
            Fix::MarkEmailVerified => "mark the email verified",
            Fix::MarkPhoneVerified => "mark the phone number verified",
            Fix::ResetMfa => "reset MFA (the user sets it up again at the next sign-in)",
            Fix::MarkEventsValid => "mark the blocked sign-ins valid",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    pub severity: Severity,
    pub reason: String,
    /// The one recommended fix.
    pub fix: Option<Fix>,
    /// Other fixes that also clear it.
    pub also: Vec<Fix>,
    /// The sign-in events it is about (their EventId), newest first.
    pub events: Vec<String>,
}

impl Verdict {
    fn new(severity: Severity, reason: String, fix: Option<Fix>, also: Vec<Fix>) -> Self {
        Self {
            severity,
            reason,
            fix,
            also,
            events: Vec::new(),
        }
    }
}

/// What the verdict is made from.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    pub user: &'a AdminGetUserResponse,
    pub pool: &'a UserPoolType,
    pub history: &'a History,
    /// Unix seconds.
    pub now: f64,
}

pub fn verdict(facts: &Facts<'_>) -> Verdict {
    let user = facts.user;
    let status = user.user_status.clone().unwrap_or(UserStatus::Unknown);
    if user.enabled == Some(false) {
        return Verdict::new(
            Severity::Blocked,
            "disabled by an administrator".into(),
            Some(Fix::Enable),
            Vec::new(),
        );
    }
    if let Some(provider) = external_provider(user, &status) {
        return Verdict::new(
            Severity::Fine,
            format!(
                "signs in through {provider}: password actions do not apply; a problem there is \
                 the provider's"
            ),
            None,
            Vec::new(),
        );
    }
    match status {
        UserStatus::ForceChangePassword => return temporary_password(facts),
        UserStatus::Unconfirmed => {
            return Verdict::new(
                Severity::Blocked,
                "has not confirmed the sign-up (no code or link was used)".into(),
                Some(Fix::ConfirmSignUp),
                Vec::new(),
            );
        }
        UserStatus::ResetRequired => {
            let to = destination(user);
            return Verdict::new(
                Severity::Blocked,
                format!(
                    "must choose a new password: tell them to use \"forgot password\" with the \
                     code sent to {to}"
                ),
                Some(Fix::SetPassword),
                Vec::new(),
            );
        }
        UserStatus::Compromised => {
            return Verdict::new(
                Severity::Blocked,
                "the password was found compromised: it must be changed".into(),
                Some(Fix::SetPassword),
                Vec::new(),
            );
        }
        _ => {}
    }
    if let Some(v) = unverified_sign_in(facts) {
        return v;
    }
    if let Some(v) = blocked_events(facts) {
        return v;
    }
    if let Some(v) = mfa(facts) {
        return v;
    }
    // Blocked sign-ins could not be looked for: not "nothing blocks".
    if let History::Unreadable(why) = facts.history {
        return Verdict::new(
            Severity::Warning,
            format!(
                "nothing else in Cognito blocks this user, but blocked sign-ins could not be \
                 checked: {why}"
            ),
            None,
            Vec::new(),
        );
    }
    let last = facts.history.events().map_or_else(
        || {
            format!(
                "last successful sign-in unknown ({})",
                facts.history.unknown_because()
            )
        },
        |events| last_success(events, facts.now),
    );
    Verdict::new(
        Severity::Fine,
        format!("nothing in Cognito blocks this user; {last}"),
        None,
        Vec::new(),
    )
}

/// The provider of a federated user: `Google_123` signs in through Google.
fn external_provider(user: &AdminGetUserResponse, status: &UserStatus) -> Option<String> {
    if *status != UserStatus::ExternalProvider {
        return None;
    }
    let name = user.username.as_ref().map_or("", |u| u.as_str());
    let provider = name.split_once('_').map_or(name, |(p, _)| p);
    Some(if provider.is_empty() {
        "an external identity provider".to_owned()
    } else {
        provider.to_owned()
    })
}

fn temporary_password(facts: &Facts<'_>) -> Verdict {
    let days = facts
        .pool
        .policies
        .as_ref()
        .and_then(|p| p.password_policy.as_ref())
        .and_then(|p| p.temporary_password_validity_days)
        .unwrap_or(DEFAULT_TEMPORARY_DAYS);
    let valid = f64::from(days) * DAY;
    // The password was set when the user was created or by a later resend. Cognito does not say
    // which, and any other change (enabled again, an attribute) also moves the last-modified
    // time: the creation is the earliest it was sent, the last change the latest.
    let first = facts
        .user
        .user_create_date
        .or(facts.user.user_last_modified_date)
        .map_or(facts.now, |d| d.0);
    let latest = facts
        .user
        .user_last_modified_date
        .map_or(first, |d| d.0.max(first));
    let on = |t: f64| day_of(&crate::cognito::types::EpochSeconds(t).to_utc_string());
    if facts.now < first + valid {
        return Verdict::new(
            Severity::Warning,
            format!(
                "must sign in with the temporary password sent {} and choose a new one; it \
                 expires in {}",
                on(first),
                span(first + valid - facts.now)
            ),
            None,
            vec![Fix::ResendInvitation, Fix::SetPassword],
        );
    }
    if facts.now >= latest + valid {
        let sent = if latest > first {
            format!(
                "sent {} (or resent {} at the latest)",
                on(first),
                on(latest)
            )
        } else {
            format!("sent {}", on(first))
        };
        return Verdict::new(
            Severity::Blocked,
            format!(
                "the temporary password {sent} expired {} ago (valid {days} days)",
                span(facts.now - (latest + valid))
            ),
            Some(Fix::ResendInvitation),
            vec![Fix::SetPassword],
        );
    }
    Verdict::new(
        Severity::Warning,
        format!(
            "the temporary password sent {} expired {} ago (valid {days} days), unless the \
             invitation was resent at the last change {}: then it expires in {}",
            on(first),
            span(facts.now - (first + valid)),
            on(latest),
            span(latest + valid - facts.now)
        ),
        Some(Fix::ResendInvitation),
        vec![Fix::SetPassword],
    )
}

/// The pool signs in with email or phone (as the username or an alias) and it is not verified.
fn unverified_sign_in(facts: &Facts<'_>) -> Option<Verdict> {
    let pool = facts.pool;
    let attrs = &facts.user.user_attributes;
    let signs_in_with = |name: &str| {
        pool.username_attributes.iter().any(|a| a == name)
            || pool.alias_attributes.iter().any(|a| a == name)
    };
    for (name, verified, what, fix) in [
        (
            "email",
            "email_verified",
            "email address",
            Fix::MarkEmailVerified,
        ),
        (
            "phone_number",
            "phone_number_verified",
            "phone number",
            Fix::MarkPhoneVerified,
        ),
    ] {
        let has = attribute(attrs, name).is_some_and(|v| !v.is_empty());
        if has && signs_in_with(name) && attribute(attrs, verified) != Some("true") {
            let value = attribute(attrs, name).unwrap_or_default();
            return Some(Verdict::new(
                Severity::Warning,
                format!(
                    "the pool signs in with the {what}, and {} is not verified: signing in with \
                     it fails until it is (the username still works)",
                    mask(value)
                ),
                Some(fix),
                Vec::new(),
            ));
        }
    }
    None
}

fn mfa(facts: &Facts<'_>) -> Option<Verdict> {
    let user = facts.user;
    let methods = &user.user_mfa_setting_list;
    let required = facts.pool.mfa_configuration.as_deref() == Some("ON");
    if required && methods.is_empty() && user.mfa_options.is_empty() {
        return Some(Verdict::new(
            Severity::Warning,
            "the pool requires MFA and the user has none set up: the next sign-in asks them to \
             set one up"
                .into(),
            None,
            Vec::new(),
        ));
    }
    if methods.iter().any(|m| m == "SOFTWARE_TOKEN_MFA") {
        return Some(Verdict::new(
            Severity::Fine,
            "signs in with an authenticator app: if they lost the device, reset MFA (the pool \
             still requires it if it is on)"
                .into(),
            None,
            vec![Fix::ResetMfa],
        ));
    }
    None
}

/// `2 days`, `5 h`, `12 min`.
pub(crate) fn span(seconds: f64) -> String {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let s = seconds.max(0.0) as u64;
    match s {
        0..3_600 => format!("{} min", s / 60),
        3_600..172_800 => format!("{} h", s / 3_600),
        _ => format!("{} days", s / 86_400),
    }
}

/// `on 2026-11-28` from a UTC time string.
fn day_of(utc: &str) -> String {
    format!("on {}", utc.get(..10).unwrap_or(utc))
}

pub use super::personal::mask;

/// Where a reset code goes: the verified email, else the phone, masked.
fn destination(user: &AdminGetUserResponse) -> String {
    let attrs = &user.user_attributes;
    attribute(attrs, "email")
        .or_else(|| attribute(attrs, "phone_number"))
        .map_or_else(|| "their email or phone".to_owned(), mask)
}

#[path = "verdict_events.rs"]
mod events;
use events::blocked_events;

#[cfg(test)]
#[path = "verdict_tests.rs"]
mod tests;
