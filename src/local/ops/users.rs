//! AdminCreateUser, ListUsers (60 a page, Filter), AdminGetUser, enable/disable/delete.

use rusqlite::{Connection, OptionalExtension as _, params};
use serde_json::{Value, json};

use super::super::error::{LocalError, LocalResult};
use super::super::filter;
use super::super::input::{
    attributes, decode_token, fetch_limit, optional_str, page_limit, required_str, set_next_token,
};
use super::super::store::{Cached as _, Store, now};
use super::super::{ids, password};
use super::pool_schema::custom_attributes;
use super::pools::pool_spec;
use super::user_mfa::add_mfa_members;
use super::{Request, change_in_pool, exists, read_in_pool};
use crate::cognito::user_status::UserStatus;

/// A user row as the seed and AdminCreateUser write it.
pub struct NewUser<'a> {
    pub pool: &'a str,
    pub username: &'a str,
    pub sub: &'a str,
    pub status: UserStatus,
    pub enabled: bool,
    pub attributes: &'a [(String, String)],
    pub at: f64,
}

pub fn insert_user(tx: &Connection, user: &NewUser<'_>) -> LocalResult<()> {
    let exists = exists(
        tx,
        "SELECT EXISTS (SELECT 1 FROM users WHERE pool_id = ?1 AND username = ?2)",
        params![user.pool, user.username],
    )?;
    if exists {
        return Err(LocalError::new(
            "UsernameExistsException",
            "User account already exists",
        ));
    }
    tx.cached_execute(
        "INSERT INTO users (pool_id, username, sub, status, enabled, created, modified)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![
            user.pool,
            user.username,
            user.sub,
            user.status.as_str(),
            user.enabled,
            user.at
        ],
    )?;
    let mut stmt = tx.prepare_cached(
        "INSERT OR REPLACE INTO user_attributes (pool_id, username, name, value) VALUES (?1, ?2, ?3, ?4)",
    )?;
    stmt.execute(params![user.pool, user.username, "sub", user.sub])?;
    for (name, value) in user.attributes.iter().filter(|(n, _)| n != "sub") {
        stmt.execute(params![user.pool, user.username, name, value])?;
    }
    Ok(())
}

pub fn admin_create_user(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    let username = required_str(&req.input, "Username")?;
    let attrs = attributes(&req.input, "UserAttributes")?;
    let temporary = optional_str(&req.input, "TemporaryPassword")?;
    if optional_str(&req.input, "MessageAction")? == Some("RESEND") {
        return resend_invitation(store, pool, username, temporary);
    }
    let sub = ids::uuid(&mut fastrand::Rng::new());
    let at = now();
    store.write(|tx| {
        let spec = pool_spec(tx, pool)?;
        check_schema(&spec, &attrs)?;
        if let Some(p) = temporary {
            password::check(&password::policy_of(&spec), p)?;
        }
        insert_user(
            tx,
            &NewUser {
                pool,
                username,
                sub: &sub,
                status: UserStatus::ForceChangePassword,
                enabled: true,
                attributes: &attrs,
                at,
            },
        )?;
        let user = user_json(tx, pool, username, "Attributes")?;
        Ok(json!({ "User": user }))
    })
}

/// RESEND invites an existing user again: only one who has not yet set a password, as on AWS.
/// It sets a new temporary password (the one given, checked against the policy) and so restarts
/// its validity: the user's last-modified time is now.
fn resend_invitation(
    store: &Store,
    pool: &str,
    username: &str,
    temporary: Option<&str>,
) -> LocalResult {
    store.write(|tx| {
        let spec = pool_spec(tx, pool)?;
        let user = user_json(tx, pool, username, "Attributes")?;
        if user["UserStatus"] != UserStatus::ForceChangePassword.as_str() {
            return Err(LocalError::new(
                "UnsupportedUserStateException",
                "Resend not possible. User is not in FORCE_CHANGE_PASSWORD state.",
            ));
        }
        if let Some(p) = temporary {
            password::check(&password::policy_of(&spec), p)?;
        }
        tx.cached_execute(
            "UPDATE users SET modified = ?3 WHERE pool_id = ?1 AND username = ?2",
            params![pool, username, now()],
        )?;
        let user = user_json(tx, pool, username, "Attributes")?;
        Ok(json!({ "User": user }))
    })
}

/// Custom attributes must be in the pool's schema, as AWS checks.
pub fn check_schema(spec: &Value, attrs: &[(String, String)]) -> LocalResult<()> {
    let customs = custom_attributes(spec);
    for (name, _) in attrs.iter().filter(|(n, _)| n.starts_with("custom:")) {
        if !customs.iter().any(|c| c["Name"].as_str() == Some(name)) {
            return Err(LocalError::invalid_parameter(format!(
                "Attributes did not conform to the schema: {name}: Attribute does not exist in the schema."
            )));
        }
    }
    Ok(())
}

pub fn admin_get_user(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    let username = required_str(&req.input, "Username")?;
    read_in_pool(store, pool, |conn| {
        let mut user = user_json(conn, pool, username, "UserAttributes")?;
        add_mfa_members(conn, pool, username, &mut user)?;
        Ok(user)
    })
}

/// `{Username, <attributes member>, UserCreateDate, .., UserStatus}`; UserNotFoundException if absent.
pub fn user_json(
    conn: &Connection,
    pool: &str,
    username: &str,
    attrs_member: &str,
) -> LocalResult<Value> {
    let row: Option<(String, bool, f64, f64)> = conn
        .cached_row(
            "SELECT status, enabled, created, modified FROM users WHERE pool_id = ?1 AND username = ?2",
            params![pool, username],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let (status, enabled, created, modified) = row.ok_or_else(LocalError::user_not_found)?;
    Ok(json!({
        "Username": username,
        attrs_member: user_attributes(conn, pool, username, None)?,
        "UserCreateDate": created,
        "UserLastModifiedDate": modified,
        "Enabled": enabled,
        "UserStatus": status,
    }))
}

fn user_attributes(
    conn: &Connection,
    pool: &str,
    username: &str,
    only: Option<&[String]>,
) -> LocalResult<Vec<Value>> {
    let mut stmt = conn.prepare_cached(
        "SELECT name, value FROM user_attributes WHERE pool_id = ?1 AND username = ?2 ORDER BY name",
    )?;
    let rows = stmt
        .query_map(params![pool, username], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows
        .into_iter()
        .filter(|(name, _)| only.is_none_or(|names| names.contains(name)))
        .map(|(name, value)| json!({"Name": name, "Value": value}))
        .collect())
}

pub fn list_users(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    let limit = page_limit(&req.input, "Limit", 60)?;
    let filter = optional_str(&req.input, "Filter")?
        .map(filter::parse)
        .transpose()?
        .flatten();
    let after = optional_str(&req.input, "PaginationToken")?
        .map(|t| decode_token(&format!("users/{pool}"), t))
        .transpose()?;
    let only: Option<Vec<String>> = match req.input.get("AttributesToGet") {
        Some(Value::Array(names)) => Some(
            names
                .iter()
                .filter_map(|n| n.as_str().map(str::to_owned))
                .collect(),
        ),
        _ => None,
    };
    read_in_pool(store, pool, |conn| {
        let names = super::user_pages::usernames(
            conn,
            pool,
            after.as_deref().unwrap_or(""),
            filter.as_ref(),
            fetch_limit(limit),
        )?;
        let mut users = Vec::with_capacity(limit);
        for name in names.iter().take(limit) {
            let mut user = user_json(conn, pool, name, "Attributes")?;
            if let Some(only) = &only {
                user["Attributes"] = json!(user_attributes(conn, pool, name, Some(only))?);
            }
            users.push(user);
        }
        let mut out = json!({ "Users": users });
        set_next_token(
            &mut out,
            "PaginationToken",
            &format!("users/{pool}"),
            &names,
            limit,
        );
        Ok(out)
    })
}

fn set_enabled(store: &Store, req: &Request, enabled: bool) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    let username = required_str(&req.input, "Username")?;
    let at = now();
    change_in_pool(
        store,
        pool,
        "UPDATE users SET enabled = ?3, modified = ?4 WHERE pool_id = ?1 AND username = ?2",
        params![pool, username, enabled, at],
        LocalError::user_not_found,
    )
}

pub fn admin_disable_user(store: &Store, req: &Request) -> LocalResult {
    set_enabled(store, req, false)
}

pub fn admin_enable_user(store: &Store, req: &Request) -> LocalResult {
    set_enabled(store, req, true)
}

pub fn admin_delete_user(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    let username = required_str(&req.input, "Username")?;
    change_in_pool(
        store,
        pool,
        "DELETE FROM users WHERE pool_id = ?1 AND username = ?2",
        params![pool, username],
        LocalError::user_not_found,
    )
}

/// UserNotFoundException unless the user exists.
pub fn require_user(conn: &Connection, pool: &str, username: &str) -> LocalResult<()> {
    let exists = exists(
        conn,
        "SELECT EXISTS (SELECT 1 FROM users WHERE pool_id = ?1 AND username = ?2)",
        params![pool, username],
    )?;
    if exists {
        Ok(())
    } else {
        Err(LocalError::user_not_found())
    }
}

/// Sets UserLastModifiedDate to now.
pub fn mark_modified(conn: &Connection, pool: &str, username: &str) -> LocalResult<()> {
    conn.cached_execute(
        "UPDATE users SET modified = ?3 WHERE pool_id = ?1 AND username = ?2",
        params![pool, username, now()],
    )?;
    Ok(())
}
