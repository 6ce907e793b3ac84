//! Changing a user: attributes, password, confirmation, status transitions, sign-out.

use rusqlite::{Connection, OptionalExtension as _, params};
use serde_json::{Value, json};

use super::super::error::{LocalError, LocalResult};
use super::super::input::{attributes, required_str};
use super::super::password;
use super::super::store::{Cached as _, Store, now};
use super::pools::pool_spec;
use super::users::{check_schema, mark_modified, require_user};
use super::{Request, exists, read_in_pool};
use crate::cognito::user_status::UserStatus;

/// The pool, user and status every edit starts from, inside the write's transaction.
fn status_of(tx: &Connection, pool: &str, username: &str) -> LocalResult<UserStatus> {
    pool_spec(tx, pool)?;
    require_user(tx, pool, username)?;
    let status: String = tx.cached_row(
        "SELECT status FROM users WHERE pool_id = ?1 AND username = ?2",
        params![pool, username],
        |r| r.get(0),
    )?;
    Ok(UserStatus::parse(&status))
}

fn set_status(tx: &Connection, pool: &str, username: &str, status: &UserStatus) -> LocalResult<()> {
    tx.cached_execute(
        "UPDATE users SET status = ?3, modified = ?4 WHERE pool_id = ?1 AND username = ?2",
        params![pool, username, status.as_str(), now()],
    )?;
    Ok(())
}

fn user_ref(req: &Request) -> LocalResult<(&str, &str)> {
    Ok((
        required_str(&req.input, "UserPoolId")?,
        required_str(&req.input, "Username")?,
    ))
}

pub fn admin_update_user_attributes(store: &Store, req: &Request) -> LocalResult {
    let (pool, username) = user_ref(req)?;
    let attrs = attributes(&req.input, "UserAttributes")?;
    if attrs.iter().any(|(name, _)| name == "sub") {
        return Err(LocalError::invalid_parameter(
            "Cannot modify the non-mutable attribute sub",
        ));
    }
    store.write(|tx| {
        status_of(tx, pool, username)?;
        check_schema(&pool_spec(tx, pool)?, &attrs)?;
        let unverified = newly_unverified(tx, pool, username, &attrs)?;
        let mut stmt = tx.prepare_cached(
            "INSERT OR REPLACE INTO user_attributes (pool_id, username, name, value)
             VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (name, value) in attrs.iter().chain(&unverified) {
            if value.is_empty() {
                // A blank value deletes the attribute, as the operation's documentation says.
                tx.cached_execute(
                    "DELETE FROM user_attributes WHERE pool_id = ?1 AND username = ?2 AND name = ?3",
                    params![pool, username, name],
                )?;
            } else {
                stmt.execute(params![pool, username, name, value])?;
            }
        }
        mark_modified(tx, pool, username)?;
        Ok(json!({}))
    })
}

/// A new email address or phone number is not verified yet: AWS sets `email_verified` or
/// `phone_number_verified` to false, unless the same call sets it.
fn newly_unverified(
    tx: &Connection,
    pool: &str,
    username: &str,
    attrs: &[(String, String)],
) -> LocalResult<Vec<(String, String)>> {
    let mut out = Vec::new();
    for (contact, flag) in [
        ("email", "email_verified"),
        ("phone_number", "phone_number_verified"),
    ] {
        let Some((_, new)) = attrs.iter().find(|(n, _)| n == contact) else {
            continue;
        };
        if attrs.iter().any(|(n, _)| n == flag) {
            continue;
        }
        let old: Option<String> = tx
            .cached_row(
                "SELECT value FROM user_attributes WHERE pool_id = ?1 AND username = ?2 AND name = ?3",
                params![pool, username, contact],
                |r| r.get(0),
            )
            .optional()?;
        if new.is_empty() {
            // Deleting the address deletes its flag too (a blank value deletes).
            out.push((flag.to_owned(), String::new()));
        } else if old.as_deref() != Some(new.as_str()) {
            out.push((flag.to_owned(), "false".to_owned()));
        }
    }
    Ok(out)
}

pub fn admin_delete_user_attributes(store: &Store, req: &Request) -> LocalResult {
    let (pool, username) = user_ref(req)?;
    let names: Vec<String> = match req.input.get("UserAttributeNames") {
        Some(Value::Array(list)) => list
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
        _ => {
            return Err(LocalError::invalid_parameter(
                "UserAttributeNames must be a list of names",
            ));
        }
    };
    if names.iter().any(|n| n == "sub") {
        return Err(LocalError::invalid_parameter(
            "Cannot delete the non-mutable attribute sub",
        ));
    }
    store.write(|tx| {
        status_of(tx, pool, username)?;
        for name in &names {
            tx.cached_execute(
                "DELETE FROM user_attributes WHERE pool_id = ?1 AND username = ?2 AND name = ?3",
                params![pool, username, name],
            )?;
        }
        Ok(json!({}))
    })
}

/// The user must set a new password at the next sign-in; the code needs somewhere to go, so a
/// user without a verified email or phone number is refused, as on AWS.
pub fn admin_reset_user_password(store: &Store, req: &Request) -> LocalResult {
    let (pool, username) = user_ref(req)?;
    store.write(|tx| {
        status_of(tx, pool, username)?;
        let reachable = exists(
            tx,
            "SELECT EXISTS (SELECT 1 FROM user_attributes WHERE pool_id = ?1 AND username = ?2
             AND name IN ('email_verified', 'phone_number_verified') AND value = 'true')",
            params![pool, username],
        )?;
        if !reachable {
            return Err(LocalError::invalid_parameter(
                "Cannot reset password for the user as there is no registered/verified email or phone_number",
            ));
        }
        set_status(tx, pool, username, &UserStatus::ResetRequired)?;
        Ok(json!({}))
    })
}

/// UNCONFIRMED becomes CONFIRMED; any other status is NotAuthorizedException, as on AWS.
pub fn admin_confirm_sign_up(store: &Store, req: &Request) -> LocalResult {
    let (pool, username) = user_ref(req)?;
    store.write(|tx| {
        let status = status_of(tx, pool, username)?;
        if status != UserStatus::Unconfirmed {
            return Err(LocalError::new(
                "NotAuthorizedException",
                format!("User cannot be confirmed. Current status is {status}"),
            ));
        }
        set_status(tx, pool, username, &UserStatus::Confirmed)?;
        Ok(json!({}))
    })
}

/// Permanent: CONFIRMED; temporary: FORCE_CHANGE_PASSWORD. Checked against the pool's policy.
pub fn admin_set_user_password(store: &Store, req: &Request) -> LocalResult {
    let (pool, username) = user_ref(req)?;
    let new_password = required_str(&req.input, "Password")?;
    let permanent = req
        .input
        .get("Permanent")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    store.write(|tx| {
        status_of(tx, pool, username)?;
        password::check(&password::policy_of(&pool_spec(tx, pool)?), new_password)?;
        let status = if permanent {
            UserStatus::Confirmed
        } else {
            UserStatus::ForceChangePassword
        };
        set_status(tx, pool, username, &status)?;
        Ok(json!({}))
    })
}

/// No tokens are issued yet, so there is nothing to revoke; the user must exist.
pub fn admin_user_global_sign_out(store: &Store, req: &Request) -> LocalResult {
    let (pool, username) = user_ref(req)?;
    read_in_pool(store, pool, |conn| {
        require_user(conn, pool, username)?;
        Ok(json!({}))
    })
}
