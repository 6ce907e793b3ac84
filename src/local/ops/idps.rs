//! Identity providers (SAML, OIDC, social): create, list, describe, update, delete.
//! Provider details hold client secrets: they are stored and answered as AWS does, never logged.

use rusqlite::{Connection, OptionalExtension as _, params};
use serde_json::{Map, Value, json};

use super::super::error::{LocalError, LocalResult};
use super::super::input::{optional_map, optional_strings, page_limit, required_map, required_str};
use super::super::store::{Cached as _, Store, now};
use super::clients::forget_provider;
use super::links::forget_provider_links;
use super::paging::{Listing, page_of};
use super::{Request, change_one, exists, read_in_pool, write_in_pool};

/// Social providers must be named after their type; SAML and OIDC take any valid name.
const SOCIAL: &[&str] = &["Google", "Facebook", "LoginWithAmazon", "SignInWithApple"];

/// The ProviderDetails keys each type cannot do without (AWS's documented request examples).
/// A SAML provider needs one of MetadataURL and MetadataFile, checked apart.
fn required_details(kind: &str) -> &'static [&'static str] {
    match kind {
        "OIDC" => &["client_id", "authorize_scopes", "oidc_issuer"],
        "SignInWithApple" => &[
            "client_id",
            "team_id",
            "key_id",
            "private_key",
            "authorize_scopes",
        ],
        "Google" | "Facebook" | "LoginWithAmazon" => {
            &["client_id", "client_secret", "authorize_scopes"]
        }
        _ => &[],
    }
}

/// A provider as the seed and CreateIdentityProvider write it.
pub struct NewProvider<'a> {
    pub pool: &'a str,
    pub name: &'a str,
    pub kind: &'a str,
    pub details: &'a Map<String, Value>,
    pub mapping: &'a Map<String, Value>,
    pub identifiers: &'a [String],
    pub at: f64,
}

/// Validates and inserts a provider; DuplicateProviderException for a taken name or identifier.
/// The model's constraints (name pattern, type enum, identifier limits) were checked on the way
/// in; these are the rules it cannot express.
pub fn insert_provider(tx: &Connection, p: &NewProvider<'_>) -> LocalResult<()> {
    check_social_name(p.kind, p.name)?;
    check_details(p.kind, p.details)?;
    check_identifiers(tx, p.pool, p.name, p.identifiers)?;
    let exists = exists(
        tx,
        "SELECT EXISTS (SELECT 1 FROM identity_providers WHERE pool_id = ?1 AND name = ?2)",
        params![p.pool, p.name],
    )?;
    if exists {
        return Err(LocalError::new(
            "DuplicateProviderException",
            format!(
                "A provider with the name {} already exists in this user pool.",
                p.name
            ),
        ));
    }
    tx.cached_execute(
        "INSERT INTO identity_providers
         (pool_id, name, type, details, mapping, identifiers, created, modified)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![
            p.pool,
            p.name,
            p.kind,
            Value::Object(p.details.clone()).to_string(),
            Value::Object(p.mapping.clone()).to_string(),
            json!(p.identifiers).to_string(),
            p.at
        ],
    )?;
    Ok(())
}

pub fn create_identity_provider(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    let name = required_str(&req.input, "ProviderName")?;
    let kind = required_str(&req.input, "ProviderType")?;
    let details = required_map(&req.input, "ProviderDetails")?;
    let mapping = optional_map(&req.input, "AttributeMapping")?.unwrap_or_default();
    let identifiers = optional_strings(&req.input, "IdpIdentifiers")?.unwrap_or_default();
    let provider = NewProvider {
        pool,
        name,
        kind,
        details: &details,
        mapping: &mapping,
        identifiers: &identifiers,
        at: now(),
    };
    write_in_pool(store, pool, |tx| {
        insert_provider(tx, &provider)?;
        Ok(json!({ "IdentityProvider": provider_json(tx, pool, name)? }))
    })
}

pub fn describe_identity_provider(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    let name = required_str(&req.input, "ProviderName")?;
    read_in_pool(store, pool, |conn| {
        Ok(json!({ "IdentityProvider": provider_json(conn, pool, name)? }))
    })
}

pub fn list_identity_providers(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    let limit = page_limit(&req.input, "MaxResults", 60)?;
    read_in_pool(store, pool, |conn| {
        let listing = Listing {
            keys_sql: "SELECT name FROM identity_providers WHERE pool_id = ?1 AND name > ?2
                       ORDER BY name LIMIT ?3",
            scope: &[&pool],
            kind: format!("providers/{pool}"),
            member: "Providers",
            limit,
        };
        let after = listing.start(&req.input)?;
        page_of(conn, &listing, &after, |conn, name| {
            let full = provider_json(conn, pool, name)?;
            let mut summary = json!({});
            for member in [
                "ProviderName",
                "ProviderType",
                "LastModifiedDate",
                "CreationDate",
            ] {
                summary[member] = full[member].clone();
            }
            Ok(summary)
        })
    })
}

/// Replaces the members the request names; the others keep their values. Unlike the pool, app
/// client and resource server updates, the model documents no reset of omitted members here.
pub fn update_identity_provider(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    let name = required_str(&req.input, "ProviderName")?;
    let details = optional_map(&req.input, "ProviderDetails")?;
    let mapping = optional_map(&req.input, "AttributeMapping")?;
    let identifiers = optional_strings(&req.input, "IdpIdentifiers")?;
    write_in_pool(store, pool, |tx| {
        let current = provider_json(tx, pool, name)?;
        let kind = current["ProviderType"].as_str().unwrap_or_default();
        if let Some(details) = &details {
            check_details(kind, details)?;
        }
        if let Some(identifiers) = &identifiers {
            check_identifiers(tx, pool, name, identifiers)?;
        }
        let text = |given: Option<Value>, member: &str| {
            given.unwrap_or_else(|| current[member].clone()).to_string()
        };
        tx.cached_execute(
            "UPDATE identity_providers SET details = ?3, mapping = ?4, identifiers = ?5,
             modified = ?6 WHERE pool_id = ?1 AND name = ?2",
            params![
                pool,
                name,
                text(details.map(Value::Object), "ProviderDetails"),
                text(mapping.map(Value::Object), "AttributeMapping"),
                text(identifiers.map(|i| json!(i)), "IdpIdentifiers"),
                now()
            ],
        )?;
        Ok(json!({ "IdentityProvider": provider_json(tx, pool, name)? }))
    })
}

/// The provider goes, and with it its place in every app client's SupportedIdentityProviders
/// and its links to users.
pub fn delete_identity_provider(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    let name = required_str(&req.input, "ProviderName")?;
    write_in_pool(store, pool, |tx| {
        forget_provider_links(tx, pool, name)?;
        change_one(
            tx,
            "DELETE FROM identity_providers WHERE pool_id = ?1 AND name = ?2",
            params![pool, name],
            || not_found(name),
        )?;
        forget_provider(tx, pool, name)?;
        Ok(json!({}))
    })
}

/// The provider one of whose IdpIdentifiers is `IdpIdentifier`.
pub fn get_identity_provider_by_identifier(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    let identifier = required_str(&req.input, "IdpIdentifier")?;
    read_in_pool(store, pool, |conn| {
        let name: Option<String> = conn
            .cached_row(
                "SELECT name FROM identity_providers, json_each(identifiers) i
                 WHERE pool_id = ?1 AND i.value = ?2",
                params![pool, identifier],
                |r| r.get(0),
            )
            .optional()?;
        let name = name.ok_or_else(|| {
            LocalError::new(
                "ResourceNotFoundException",
                format!("Identity provider with identifier {identifier} does not exist."),
            )
        })?;
        Ok(json!({ "IdentityProvider": provider_json(conn, pool, &name)? }))
    })
}

fn not_found(name: &str) -> LocalError {
    LocalError::new(
        "ResourceNotFoundException",
        format!("Identity provider {name} does not exist."),
    )
}

/// The provider as AWS describes it; ResourceNotFoundException when it does not exist.
pub fn provider_json(conn: &Connection, pool: &str, name: &str) -> LocalResult<Value> {
    type Row = (String, String, String, String, f64, f64);
    let row: Option<Row> = conn
        .cached_row(
            "SELECT type, details, mapping, identifiers, created, modified
             FROM identity_providers WHERE pool_id = ?1 AND name = ?2",
            params![pool, name],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            },
        )
        .optional()?;
    let (kind, details, mapping, identifiers, created, modified) =
        row.ok_or_else(|| not_found(name))?;
    let parse = |text: &str| serde_json::from_str::<Value>(text).map_err(LocalError::internal);
    let mut mapping = parse(&mapping)?;
    if let Some(claim) = username_claim(&kind)
        && mapping.get("username").is_none()
    {
        mapping["username"] = json!(claim);
    }
    Ok(json!({
        "UserPoolId": pool,
        "ProviderName": name,
        "ProviderType": kind,
        "ProviderDetails": parse(&details)?,
        "AttributeMapping": mapping,
        "IdpIdentifiers": parse(&identifiers)?,
        "LastModifiedDate": modified,
        "CreationDate": created,
    }))
}

/// The provider's claim AWS maps to the user pool's `username` when the mapping leaves it out:
/// the subject of an OIDC or social provider (a SAML provider's comes from its NameID).
fn username_claim(kind: &str) -> Option<&'static str> {
    match kind {
        "OIDC" | "Google" | "SignInWithApple" => Some("sub"),
        "Facebook" => Some("id"),
        "LoginWithAmazon" => Some("user_id"),
        _ => None,
    }
}

/// A social provider is named after its type.
fn check_social_name(kind: &str, name: &str) -> LocalResult<()> {
    if SOCIAL.contains(&kind) && name != kind {
        return Err(LocalError::invalid_parameter(format!(
            "The provider name of a {kind} identity provider must be {kind}."
        )));
    }
    Ok(())
}

fn check_details(kind: &str, details: &Map<String, Value>) -> LocalResult<()> {
    let missing: Vec<&str> = if kind == "SAML" {
        if details.contains_key("MetadataURL") || details.contains_key("MetadataFile") {
            Vec::new()
        } else {
            vec!["MetadataURL or MetadataFile"]
        }
    } else {
        required_details(kind)
            .iter()
            .copied()
            .filter(|key| {
                details
                    .get(*key)
                    .and_then(Value::as_str)
                    .is_none_or(str::is_empty)
            })
            .collect()
    };
    if missing.is_empty() {
        Ok(())
    } else {
        Err(LocalError::invalid_parameter(format!(
            "ProviderDetails of a {kind} identity provider must include {}.",
            missing.join(", ")
        )))
    }
}

/// No identifier used by another provider of the pool.
fn check_identifiers(
    conn: &Connection,
    pool: &str,
    name: &str,
    identifiers: &[String],
) -> LocalResult<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT identifiers FROM identity_providers WHERE pool_id = ?1 AND name <> ?2",
    )?;
    let others = stmt
        .query_map(params![pool, name], |r| r.get::<_, String>(0))?
        .collect::<Result<Vec<_>, _>>()?;
    for other in others {
        let taken: Vec<String> = serde_json::from_str(&other).map_err(LocalError::internal)?;
        if let Some(dup) = identifiers.iter().find(|i| taken.contains(i)) {
            return Err(LocalError::new(
                "DuplicateProviderException",
                format!("The identifier {dup} is already used by another identity provider."),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
#[path = "idps_tests.rs"]
mod tests;
