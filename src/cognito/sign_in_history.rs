//! A user's recent sign-in events (AdminListUserAuthEvents, kept only by pools with threat
//! protection), or why there are none to judge by, and the last successful sign-in in them.

use crate::cognito::devices::AuthEventType;
use crate::cognito::verdict::span;
use crate::cognito::{CognitoClient, PoolId, Username};

/// The user's recent sign-in events, or why there are none to judge by.
#[derive(Debug, Clone, PartialEq)]
pub enum History {
    /// Newest first.
    Events(Vec<AuthEventType>),
    /// The pool has no threat protection: Cognito keeps no sign-in history.
    NoThreatProtection,
    /// The history could not be read (no permission, an endpoint without it): the reason.
    Unreadable(String),
}

impl History {
    pub fn events(&self) -> Option<&[AuthEventType]> {
        match self {
            History::Events(events) => Some(events),
            _ => None,
        }
    }

    /// `12 recent events`, or why there are none.
    pub fn summary(&self) -> String {
        match self {
            History::Events(events) => format!("{} recent events", events.len()),
            other => format!("unavailable ({})", other.unknown_because()),
        }
    }

    /// The last successful sign-in as the user detail shows it: `2 days ago from Lyon, France`,
    /// `none in the recent history`, or `unknown (the pool has no threat protection)`.
    pub fn last_sign_in(&self, now: f64) -> String {
        match self {
            History::Events(events) => {
                last_sign_in(events, now).unwrap_or_else(|| "none in the recent history".to_owned())
            }
            other => format!("unknown ({})", other.unknown_because()),
        }
    }

    /// Why the last sign-in is unknown, when it is.
    pub(crate) fn unknown_because(&self) -> &str {
        match self {
            History::Events(_) => "",
            History::NoThreatProtection => "the pool has no threat protection",
            History::Unreadable(why) => why,
        }
    }
}

impl CognitoClient {
    /// The newest page of a user's sign-in events, or why there is none: a pool without threat
    /// protection keeps none; any other failure is said, never taken for "none".
    pub async fn sign_in_history(&self, pool: &PoolId, username: &Username) -> History {
        match self.admin_list_user_auth_events(pool, username, None).await {
            Ok(page) => History::Events(page.auth_events),
            Err(e) if e.code() == Some("UserPoolAddOnNotEnabledException") => {
                History::NoThreatProtection
            }
            Err(e) => History::Unreadable(format!(
                "the sign-in history could not be read: {}",
                super::describe_error(&e)
            )),
        }
    }
}

pub(crate) fn last_success(events: &[AuthEventType], now: f64) -> String {
    last_sign_in(events, now).map_or_else(
        || "no successful sign-in in its recent history".to_owned(),
        |when| format!("last successful sign-in {when}"),
    )
}

/// `2 days ago from Lyon, France`: the newest sign-in that passed (a password reset or a sign-up
/// that passed is not one); `None` when there is none.
pub fn last_sign_in(events: &[AuthEventType], now: f64) -> Option<String> {
    let event = events
        .iter()
        .find(|e| is_sign_in(e) && e.event_response.as_deref() == Some("Pass"))?;
    let when = event.creation_date.map_or_else(
        || "at an unknown time".to_owned(),
        |d| format!("{} ago", span(now - d.0)),
    );
    let context = event.event_context_data.as_ref();
    let field = |name: &str| context.and_then(|c| c.get(name)).and_then(|v| v.as_str());
    let place = match (field("City"), field("Country")) {
        (Some(city), Some(country)) => format!(" from {city}, {country}"),
        (None, Some(country)) => format!(" from {country}"),
        _ => field("IpAddress")
            .map(|ip| format!(" from {ip}"))
            .unwrap_or_default(),
    };
    Some(format!("{when}{place}"))
}

/// A sign-in, not a sign-up, a password change or a forgotten password.
pub(crate) fn is_sign_in(event: &AuthEventType) -> bool {
    event.event_type.as_deref() == Some("SignIn")
}
