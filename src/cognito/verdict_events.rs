//! The verdict's reading of the sign-in history: the recent sign-ins threat protection blocked,
//! which of them an administrator has already judged, and what counts as a sign-in at all.

use super::{Facts, Fix, Severity, Verdict, span};
use crate::cognito::devices::AuthEventType;
use crate::cognito::sign_in_history::is_sign_in;

/// Recent sign-ins threat protection blocked or failed on high risk, before any success or any
/// sign-in an administrator marked valid (the agent has dealt with those before it).
pub(super) fn blocked_events(facts: &Facts<'_>) -> Option<Verdict> {
    let events = facts.history.events()?;
    let recent: Vec<&AuthEventType> = events
        .iter()
        .filter(|e| is_sign_in(e))
        .take_while(|e| e.event_response.as_deref() != Some("Pass") && feedback(e) != Some("Valid"))
        // Sign-ins an administrator marked invalid were attacks: nothing to mark valid.
        .filter(|e| feedback(e) != Some("Invalid"))
        .filter(|e| {
            let decision = risk(e, "RiskDecision");
            let level = risk(e, "RiskLevel");
            decision == Some("Block")
                || (e.event_response.as_deref() == Some("Fail") && level == Some("High"))
        })
        .collect();
    let newest = recent.first()?;
    let when = newest.creation_date.map_or_else(
        || "recently".to_owned(),
        |d| format!("{} ago", span(facts.now - d.0)),
    );
    let mut v = Verdict::new(
        Severity::Blocked,
        format!(
            "{} recent sign-in{} blocked by threat protection (high risk), the latest {when}: \
             once you have checked who you are talking to, mark them valid",
            recent.len(),
            if recent.len() == 1 { " was" } else { "s were" }
        ),
        Some(Fix::MarkEventsValid),
        Vec::new(),
    );
    v.events = recent.iter().filter_map(|e| e.event_id.clone()).collect();
    Some(v)
}

/// What an administrator said of the event: `Valid` or `Invalid`.
fn feedback(event: &AuthEventType) -> Option<&str> {
    event
        .event_feedback
        .as_ref()?
        .get("FeedbackValue")?
        .as_str()
}

fn risk<'a>(event: &'a AuthEventType, field: &str) -> Option<&'a str> {
    event.event_risk.as_ref()?.get(field)?.as_str()
}
