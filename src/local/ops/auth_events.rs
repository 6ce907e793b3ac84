//! A user's sign-in history under threat protection: AdminListUserAuthEvents (newest first) and
//! AdminUpdateAuthEventFeedback. Events are stored (the demo seed writes some); pools without
//! threat protection have none and answer UserPoolAddOnNotEnabledException, as on AWS.

use rusqlite::{Connection, params};
use serde_json::{Value, json};

use super::super::error::{LocalError, LocalResult};
use super::super::input::{fetch_limit, page_limit, page_start, required_str, set_next_token};
use super::super::store::{Cached as _, Store, now};
use super::pools::pool_spec;
use super::users::require_user;
use super::{Request, change_one};

/// Stores one `AuthEventType` (without `EventFeedback`); its `EventId` and `CreationDate` key it.
pub fn insert_auth_event(
    tx: &Connection,
    pool: &str,
    username: &str,
    event: &Value,
) -> LocalResult<()> {
    let id = event["EventId"]
        .as_str()
        .ok_or_else(|| LocalError::internal("an auth event without EventId"))?;
    let created = event["CreationDate"]
        .as_f64()
        .ok_or_else(|| LocalError::internal("an auth event without CreationDate"))?;
    tx.cached_execute(
        "INSERT INTO auth_events (pool_id, username, event_id, created, event)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![pool, username, id, created, event.to_string()],
    )?;
    Ok(())
}

/// Threat protection (AdvancedSecurityMode AUDIT or ENFORCED) records auth events; without it
/// AWS refuses both operations.
fn require_threat_protection(spec: &Value) -> LocalResult<()> {
    match spec["UserPoolAddOns"]["AdvancedSecurityMode"].as_str() {
        Some("AUDIT" | "ENFORCED") => Ok(()),
        _ => Err(LocalError::new(
            "UserPoolAddOnNotEnabledException",
            "Threat protection is not enabled for this user pool.",
        )),
    }
}

/// The pool (with threat protection) and user an auth-event operation names.
fn checked_user<'a>(conn: &Connection, req: &'a Request) -> LocalResult<(&'a str, &'a str)> {
    let pool = required_str(&req.input, "UserPoolId")?;
    let username = required_str(&req.input, "Username")?;
    let spec = pool_spec(conn, pool)?;
    require_user(conn, pool, username)?;
    require_threat_protection(&spec)?;
    Ok((pool, username))
}

/// A page key: the event's time and id, the order events are listed in (newest first).
fn page_key(created: f64, id: &str) -> String {
    format!("{created}/{id}")
}

pub fn admin_list_user_auth_events(store: &Store, req: &Request) -> LocalResult {
    let limit = page_limit(&req.input, "MaxResults", 60)?;
    store.read(|conn| {
        let (pool, username) = checked_user(conn, req)?;
        let kind = format!("auth-events/{pool}/{username}");
        let start = page_start(&req.input, "NextToken", &kind)?;
        let (before, before_id) = if start.is_empty() {
            (f64::MAX, String::new())
        } else {
            start
                .split_once('/')
                .and_then(|(t, id)| Some((t.parse::<f64>().ok()?, id.to_owned())))
                .ok_or_else(|| LocalError::invalid_parameter("Invalid pagination token."))?
        };
        let mut stmt = conn.prepare_cached(
            "SELECT event_id, created, event, feedback, feedback_date FROM auth_events
             WHERE pool_id = ?1 AND username = ?2
               AND (created < ?3 OR (created = ?3 AND event_id < ?4))
             ORDER BY created DESC, event_id DESC LIMIT ?5",
        )?;
        let rows = stmt
            .query_map(
                params![pool, username, before, before_id, fetch_limit(limit)],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, f64>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        r.get::<_, Option<f64>>(4)?,
                    ))
                },
            )?
            .collect::<Result<Vec<_>, _>>()?;
        let keys: Vec<String> = rows
            .iter()
            .map(|(id, created, ..)| page_key(*created, id))
            .collect();
        let mut events = Vec::with_capacity(limit);
        for (_, _, event, feedback, feedback_date) in rows.into_iter().take(limit) {
            let mut event: Value = serde_json::from_str(&event).map_err(LocalError::internal)?;
            if let Some(value) = feedback {
                event["EventFeedback"] = json!({
                    "FeedbackValue": value,
                    "Provider": "Admin",
                    "FeedbackDate": feedback_date,
                });
            }
            events.push(event);
        }
        let mut out = json!({ "AuthEvents": events });
        set_next_token(&mut out, "NextToken", &kind, &keys, limit);
        Ok(out)
    })
}

/// `Valid` (the attempt was the user) or `Invalid` (it was not); shown as the event's
/// `EventFeedback` with provider `Admin`.
pub fn admin_update_auth_event_feedback(store: &Store, req: &Request) -> LocalResult {
    let event_id = required_str(&req.input, "EventId")?;
    // `Valid` or `Invalid`: the model's enum, checked on the way in.
    let value = required_str(&req.input, "FeedbackValue")?;
    let at = now();
    store.write(|tx| {
        let (pool, username) = checked_user(tx, req)?;
        change_one(
            tx,
            "UPDATE auth_events SET feedback = ?4, feedback_date = ?5
             WHERE pool_id = ?1 AND username = ?2 AND event_id = ?3",
            params![pool, username, event_id, value, at],
            || LocalError::new("ResourceNotFoundException", "Auth event does not exist."),
        )?;
        Ok(json!({}))
    })
}
