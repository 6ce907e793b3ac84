//! App clients: create (with or without a secret), list, describe, update, delete. What AWS
//! fills in and refuses is in `client_rules.rs`.

use rusqlite::{Connection, OptionalExtension as _, params};
use serde_json::{Value, json};

use super::super::error::{LocalError, LocalResult};
use super::super::ids;
use super::super::input::{optional_str, page_limit, required_str};
use super::super::store::{Cached as _, Store, now};
use super::paging::{Listing, page_of};
use super::{Request, client_rules, read_in_pool, write_in_pool};

/// A client as the seed and CreateUserPoolClient write it: `spec` holds its settings as the
/// request gave them (without the pool, name and GenerateSecret).
pub struct NewClient<'a> {
    pub pool: &'a str,
    pub id: &'a str,
    pub name: &'a str,
    pub secret: Option<&'a str>,
    pub spec: &'a Value,
    pub at: f64,
}

/// Checks the settings as AWS does and inserts the client.
pub fn insert_client(tx: &Connection, c: &NewClient<'_>) -> LocalResult<()> {
    client_rules::check(tx, c.pool, c.spec, c.secret.is_some())?;
    tx.cached_execute(
        "INSERT INTO app_clients (client_id, pool_id, name, secret, created, modified, spec)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6)",
        params![c.id, c.pool, c.name, c.secret, c.at, c.spec.to_string()],
    )?;
    Ok(())
}

pub fn create_user_pool_client(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    let name = required_str(&req.input, "ClientName")?;
    let mut rng = fastrand::Rng::new();
    let id = ids::client_id(&mut rng);
    let secret = req
        .input
        .get("GenerateSecret")
        .and_then(Value::as_bool)
        .unwrap_or(false)
        .then(|| {
            let bytes: Vec<u8> = (0..26).map(|_| rng.u8(..)).collect();
            ids::hex(&bytes)
        });
    let spec = settings_of("CreateUserPoolClient", &req.input);
    write_in_pool(store, pool, |tx| {
        insert_client(
            tx,
            &NewClient {
                pool,
                id: &id,
                name,
                secret: secret.as_deref(),
                spec: &spec,
                at: now(),
            },
        )?;
        Ok(json!({ "UserPoolClient": client_json(tx, pool, &id)? }))
    })
}

pub fn describe_user_pool_client(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    let id = required_str(&req.input, "ClientId")?;
    read_in_pool(store, pool, |conn| {
        Ok(json!({ "UserPoolClient": client_json(conn, pool, id)? }))
    })
}

pub fn list_user_pool_clients(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    let listing = Listing {
        keys_sql: "SELECT client_id FROM app_clients WHERE pool_id = ?1 AND client_id > ?2
             ORDER BY client_id LIMIT ?3",
        scope: &[&pool],
        kind: format!("clients/{pool}"),
        member: "UserPoolClients",
        limit: page_limit(&req.input, "MaxResults", 60)?,
    };
    let after = listing.start(&req.input)?;
    read_in_pool(store, pool, |conn| {
        page_of(conn, &listing, &after, |conn, id| {
            let name: String = conn.cached_row(
                "SELECT name FROM app_clients WHERE pool_id = ?1 AND client_id = ?2",
                params![pool, id],
                |r| r.get(0),
            )?;
            Ok(json!({"ClientId": id, "UserPoolId": pool, "ClientName": name}))
        })
    })
}

/// Replaces the client's settings with the request's: AWS resets omitted settings to their
/// defaults (described by `client_rules::with_defaults`). The id, the secret and (when
/// omitted) the name stay.
pub fn update_user_pool_client(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    let id = required_str(&req.input, "ClientId")?;
    let name = optional_str(&req.input, "ClientName")?;
    let spec = settings_of("UpdateUserPoolClient", &req.input);
    write_in_pool(store, pool, |tx| {
        let current = client_json(tx, pool, id)?;
        client_rules::check(tx, pool, &spec, current.get("ClientSecret").is_some())?;
        tx.cached_execute(
            "UPDATE app_clients SET name = coalesce(?3, name), spec = ?4, modified = ?5
             WHERE pool_id = ?1 AND client_id = ?2",
            params![pool, id, name, spec.to_string(), now()],
        )?;
        Ok(json!({ "UserPoolClient": client_json(tx, pool, id)? }))
    })
}

/// The client settings of a create or update request: the members of the operation's input
/// shape but the ids, the name and GenerateSecret. Anything else a caller sends along (such as
/// the read-only members of a described client sent back whole) is ignored, as AWS ignores it.
fn settings_of(operation: &str, input: &Value) -> Value {
    const APART: &[&str] = &["UserPoolId", "ClientId", "ClientName", "GenerateSecret"];
    let members = crate::cognito::shapes::model()
        .and_then(|m| m.input_of(operation))
        .map(|shape| &shape.members);
    let settings = input
        .as_object()
        .into_iter()
        .flatten()
        .filter(|(name, value)| {
            !value.is_null()
                && !APART.contains(&name.as_str())
                && members.is_some_and(|m| m.iter().any(|(member, _)| member == *name))
        })
        .map(|(name, value)| (name.clone(), value.clone()))
        .collect();
    Value::Object(settings)
}

pub fn delete_user_pool_client(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    let id = required_str(&req.input, "ClientId")?;
    write_in_pool(store, pool, |tx| {
        client_json(tx, pool, id)?;
        tx.cached_execute(
            "DELETE FROM app_clients WHERE pool_id = ?1 AND client_id = ?2",
            params![pool, id],
        )?;
        Ok(json!({}))
    })
}

/// The client as AWS describes it: its stored settings with AWS's defaults for those left out,
/// plus ids, name, secret and dates.
pub fn client_json(conn: &Connection, pool: &str, id: &str) -> LocalResult<Value> {
    type Row = (String, Option<String>, f64, f64, String);
    let row: Option<Row> = conn
        .cached_row(
            "SELECT name, secret, created, modified, spec FROM app_clients
             WHERE pool_id = ?1 AND client_id = ?2",
            params![pool, id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    let (name, secret, created, modified, spec) = row.ok_or_else(|| {
        LocalError::new(
            "ResourceNotFoundException",
            format!("User pool client {id} does not exist."),
        )
    })?;
    let mut client: Value = serde_json::from_str(&spec).map_err(LocalError::internal)?;
    if !client.is_object() {
        client = json!({});
    }
    client_rules::with_defaults(&mut client);
    client["UserPoolId"] = json!(pool);
    client["ClientName"] = json!(name);
    client["ClientId"] = json!(id);
    client["CreationDate"] = json!(created);
    client["LastModifiedDate"] = json!(modified);
    if let Some(secret) = secret {
        client["ClientSecret"] = json!(secret);
    }
    Ok(client)
}

/// Takes a deleted identity provider out of every client's SupportedIdentityProviders, as AWS
/// does when the provider goes.
pub fn forget_provider(tx: &Connection, pool: &str, provider: &str) -> LocalResult<()> {
    let mut stmt = tx.prepare_cached(
        "SELECT client_id, spec FROM app_clients WHERE pool_id = ?1
         AND EXISTS (SELECT 1 FROM json_each(spec, '$.SupportedIdentityProviders') p
                     WHERE p.value = ?2)",
    )?;
    let rows = stmt
        .query_map(params![pool, provider], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    for (id, spec) in rows {
        let mut spec: Value = serde_json::from_str(&spec).map_err(LocalError::internal)?;
        if let Some(list) = spec
            .get_mut("SupportedIdentityProviders")
            .and_then(Value::as_array_mut)
        {
            list.retain(|p| p.as_str() != Some(provider));
        }
        tx.cached_execute(
            "UPDATE app_clients SET spec = ?2 WHERE client_id = ?1",
            params![id, spec.to_string()],
        )?;
    }
    Ok(())
}

#[cfg(test)]
#[path = "clients_tests.rs"]
mod tests;
