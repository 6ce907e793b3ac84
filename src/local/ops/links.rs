//! Linking a user to an identity at an external identity provider: AdminLinkProviderForUser and
//! AdminDisableProviderForUser. A user's links show in their `identities` attribute, a JSON list
//! as AWS writes it, kept in step with the links here.

use rusqlite::{Connection, params};
use serde_json::{Value, json};

use super::super::error::{LocalError, LocalResult};
use super::super::input::required_str;
use super::super::store::{Cached as _, Store, now};
use super::idps::provider_json;
use super::users::{mark_modified, require_user};
use super::{Request, write_in_pool};

/// AWS's quota of identities linked to one user.
const MAX_LINKS: i64 = 5;

/// The social providers, whose users are named by their subject only.
const SOCIAL: &[&str] = &["Google", "Facebook", "LoginWithAmazon", "SignInWithApple"];

/// One side of a link: `{ProviderName, ProviderAttributeName, ProviderAttributeValue}`.
struct Identity<'a> {
    provider: &'a str,
    attribute: &'a str,
    value: &'a str,
}

fn identity<'a>(input: &'a Value, member: &str) -> LocalResult<Identity<'a>> {
    let side = input.get(member).unwrap_or(&Value::Null);
    Ok(Identity {
        provider: required_str(side, "ProviderName")?,
        attribute: side
            .get("ProviderAttributeName")
            .and_then(Value::as_str)
            .unwrap_or_default(),
        value: required_str(side, "ProviderAttributeValue")?,
    })
}

/// The pool user a DestinationUser names: a native user by username, a federated one by the
/// `Provider_value` username Amazon Cognito gives it.
fn destination_username(destination: &Identity<'_>) -> String {
    if destination.provider.eq_ignore_ascii_case("Cognito") {
        destination.value.to_owned()
    } else {
        format!("{}_{}", destination.provider, destination.value)
    }
}

/// The source's provider as the pool has it, refused when the pool has none of that name.
fn source_provider(conn: &Connection, pool: &str, source: &Identity<'_>) -> LocalResult<String> {
    let provider = provider_json(conn, pool, source.provider).map_err(|_| {
        LocalError::invalid_parameter(format!(
            "The provider {} does not exist for User Pool {pool}",
            source.provider
        ))
    })?;
    Ok(provider["ProviderType"]
        .as_str()
        .unwrap_or_default()
        .to_owned())
}

pub fn admin_link_provider_for_user(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    let destination = identity(&req.input, "DestinationUser")?;
    let source = identity(&req.input, "SourceUser")?;
    let username = destination_username(&destination);
    write_in_pool(store, pool, |tx| {
        require_user(tx, pool, &username)?;
        let kind = source_provider(tx, pool, &source)?;
        if SOCIAL.contains(&kind.as_str()) && source.attribute != "Cognito_Subject" {
            return Err(LocalError::invalid_parameter(
                "ProviderAttributeName must be Cognito_Subject for social identity providers.",
            ));
        }
        if source.attribute.is_empty() {
            return Err(LocalError::invalid_parameter(
                "SourceUser needs a ProviderAttributeName.",
            ));
        }
        let linked: Option<String> = tx
            .prepare_cached(
                "SELECT username FROM user_links
                 WHERE pool_id = ?1 AND provider = ?2 AND attribute_value = ?3",
            )?
            .query_map(params![pool, source.provider, source.value], |r| r.get(0))?
            .next()
            .transpose()?;
        if linked.is_some() {
            return Err(LocalError::new(
                "AliasExistsException",
                "The source user is already linked to a user in this user pool.",
            ));
        }
        let count: i64 = tx.cached_row(
            "SELECT count(*) FROM user_links WHERE pool_id = ?1 AND username = ?2",
            params![pool, username],
            |r| r.get(0),
        )?;
        if count >= MAX_LINKS {
            return Err(LocalError::new(
                "LimitExceededException",
                format!("A user can have at most {MAX_LINKS} linked identities."),
            ));
        }
        tx.cached_execute(
            "INSERT INTO user_links
             (pool_id, username, provider, attribute_name, attribute_value, created)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                pool,
                username,
                source.provider,
                source.attribute,
                source.value,
                now()
            ],
        )?;
        refresh_identities(tx, pool, &username)?;
        Ok(json!({}))
    })
}

/// Removes the link to the identity named, if there is one. Deactivating a native user
/// (ProviderName Cognito) is refused: the local server has no password sign-in to turn off.
pub fn admin_disable_provider_for_user(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    let user = identity(&req.input, "User")?;
    write_in_pool(store, pool, |tx| {
        if user.provider.eq_ignore_ascii_case("Cognito") {
            return Err(LocalError::invalid_parameter(
                "The local server does not deactivate native users; it only removes links to \
                 external identities.",
            ));
        }
        source_provider(tx, pool, &user)?;
        let linked: Option<String> = tx
            .prepare_cached(
                "SELECT username FROM user_links WHERE pool_id = ?1 AND provider = ?2
                 AND attribute_value = ?3 AND (attribute_name = ?4 OR ?4 = 'Cognito_Subject')",
            )?
            .query_map(
                params![pool, user.provider, user.value, user.attribute],
                |r| r.get(0),
            )?
            .next()
            .transpose()?;
        if let Some(username) = linked {
            tx.cached_execute(
                "DELETE FROM user_links WHERE pool_id = ?1 AND provider = ?2
                 AND attribute_value = ?3",
                params![pool, user.provider, user.value],
            )?;
            refresh_identities(tx, pool, &username)?;
        }
        Ok(json!({}))
    })
}

/// Drops every link to a provider that is going, keeping the users' `identities` in step.
pub fn forget_provider_links(tx: &Connection, pool: &str, provider: &str) -> LocalResult<()> {
    let users = tx
        .prepare_cached(
            "SELECT DISTINCT username FROM user_links WHERE pool_id = ?1 AND provider = ?2",
        )?
        .query_map(params![pool, provider], |r| r.get::<_, String>(0))?
        .collect::<Result<Vec<_>, _>>()?;
    tx.cached_execute(
        "DELETE FROM user_links WHERE pool_id = ?1 AND provider = ?2",
        params![pool, provider],
    )?;
    for username in users {
        refresh_identities(tx, pool, &username)?;
    }
    Ok(())
}

/// Rewrites the user's `identities` attribute from their links (none: no attribute).
fn refresh_identities(tx: &Connection, pool: &str, username: &str) -> LocalResult<()> {
    let mut stmt = tx.prepare_cached(
        "SELECT l.attribute_value, l.provider, p.type, l.created FROM user_links l
         JOIN identity_providers p ON p.pool_id = l.pool_id AND p.name = l.provider
         WHERE l.pool_id = ?1 AND l.username = ?2 ORDER BY l.created, l.provider",
    )?;
    let identities = stmt
        .query_map(params![pool, username], |r| {
            let created: f64 = r.get(3)?;
            #[allow(clippy::cast_possible_truncation)]
            let millis = (created * 1000.0) as i64;
            Ok(json!({
                "userId": r.get::<_, String>(0)?,
                "providerName": r.get::<_, String>(1)?,
                "providerType": r.get::<_, String>(2)?,
                "issuer": null,
                "primary": false,
                "dateCreated": millis,
            }))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    if identities.is_empty() {
        tx.cached_execute(
            "DELETE FROM user_attributes WHERE pool_id = ?1 AND username = ?2
             AND name = 'identities'",
            params![pool, username],
        )?;
    } else {
        tx.cached_execute(
            "INSERT INTO user_attributes (pool_id, username, name, value)
             VALUES (?1, ?2, 'identities', ?3)
             ON CONFLICT (pool_id, username, name) DO UPDATE SET value = excluded.value",
            params![pool, username, Value::Array(identities).to_string()],
        )?;
    }
    mark_modified(tx, pool, username)
}

#[cfg(test)]
#[path = "links_tests.rs"]
mod tests;
