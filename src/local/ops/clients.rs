//! App clients: create (with or without a secret), list, describe, update, delete.

use rusqlite::{Connection, OptionalExtension as _, params};
use serde_json::{Value, json};

use super::super::error::{LocalError, LocalResult};
use super::super::ids;
use super::super::input::{optional_str, page_limit, required_str};
use super::super::store::{Cached as _, Store, now};
use super::paging::{Listing, page_of};
use super::{Request, read_in_pool, write_in_pool};

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
    let mut spec = req.input.clone();
    if let Some(obj) = spec.as_object_mut() {
        for member in ["UserPoolId", "ClientName", "GenerateSecret"] {
            obj.remove(member);
        }
    }
    write_in_pool(store, pool, |tx| {
        let at = now();
        tx.cached_execute(
            "INSERT INTO app_clients (client_id, pool_id, name, secret, created, modified, spec)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6)",
            params![id, pool, name, secret, at, spec.to_string()],
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
/// defaults. The id, the secret and (when omitted) the name stay.
pub fn update_user_pool_client(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    let id = required_str(&req.input, "ClientId")?;
    let name = optional_str(&req.input, "ClientName")?;
    let mut spec = req.input.clone();
    if let Some(obj) = spec.as_object_mut() {
        for member in ["UserPoolId", "ClientId", "ClientName"] {
            obj.remove(member);
        }
    }
    write_in_pool(store, pool, |tx| {
        client_json(tx, pool, id)?;
        tx.cached_execute(
            "UPDATE app_clients SET name = coalesce(?3, name), spec = ?4, modified = ?5
             WHERE pool_id = ?1 AND client_id = ?2",
            params![pool, id, name, spec.to_string(), now()],
        )?;
        Ok(json!({ "UserPoolClient": client_json(tx, pool, id)? }))
    })
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

/// The client as AWS describes it: its stored settings plus ids, name, secret and dates.
fn client_json(conn: &Connection, pool: &str, id: &str) -> LocalResult<Value> {
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
