//! OAuth 2.0 resource servers and their custom scopes: create, list, describe, update, delete.

use rusqlite::{Connection, OptionalExtension as _, params};
use serde_json::{Value, json};

use super::super::error::{LocalError, LocalResult};
use super::super::input::{page_limit, required_str};
use super::super::store::{Cached as _, Store};
use super::paging::{Listing, page_of};
use super::{Request, change_in_pool, change_one, exists, read_in_pool, write_in_pool};

/// AWS's quota of resource servers a pool holds.
const MAX_SERVERS: i64 = 25;

/// Validates and inserts a resource server; InvalidParameterException for a taken identifier.
pub fn insert_resource_server(
    tx: &Connection,
    pool: &str,
    identifier: &str,
    name: &str,
    scopes: &Value,
) -> LocalResult<()> {
    let exists = exists(
        tx,
        "SELECT EXISTS (SELECT 1 FROM resource_servers WHERE pool_id = ?1 AND identifier = ?2)",
        params![pool, identifier],
    )?;
    if exists {
        return Err(LocalError::invalid_parameter(format!(
            "{identifier} already exists in user pool {pool}."
        )));
    }
    let count: i64 = tx.cached_row(
        "SELECT count(*) FROM resource_servers WHERE pool_id = ?1",
        [pool],
        |r| r.get(0),
    )?;
    if count >= MAX_SERVERS {
        return Err(LocalError::new(
            "LimitExceededException",
            format!("A user pool can have at most {MAX_SERVERS} resource servers."),
        ));
    }
    tx.cached_execute(
        "INSERT INTO resource_servers (pool_id, identifier, name, scopes) VALUES (?1, ?2, ?3, ?4)",
        params![pool, identifier, name, scopes.to_string()],
    )?;
    Ok(())
}

pub fn create_resource_server(store: &Store, req: &Request) -> LocalResult {
    let (pool, identifier, name, scopes) = server_input(&req.input)?;
    write_in_pool(store, pool, |tx| {
        insert_resource_server(tx, pool, identifier, name, &scopes)?;
        Ok(json!({ "ResourceServer": server_json(tx, pool, identifier)? }))
    })
}

pub fn describe_resource_server(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    let identifier = required_str(&req.input, "Identifier")?;
    read_in_pool(store, pool, |conn| {
        Ok(json!({ "ResourceServer": server_json(conn, pool, identifier)? }))
    })
}

pub fn list_resource_servers(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    let limit = page_limit(&req.input, "MaxResults", 50)?;
    read_in_pool(store, pool, |conn| {
        let listing = Listing {
            keys_sql: "SELECT identifier FROM resource_servers WHERE pool_id = ?1
                       AND identifier > ?2 ORDER BY identifier LIMIT ?3",
            scope: &[&pool],
            kind: format!("resource-servers/{pool}"),
            member: "ResourceServers",
            limit,
        };
        let after = listing.start(&req.input)?;
        page_of(conn, &listing, &after, |conn, identifier| {
            server_json(conn, pool, identifier)
        })
    })
}

/// Sets the name and scopes; scopes left out become none, as AWS resets omitted members.
pub fn update_resource_server(store: &Store, req: &Request) -> LocalResult {
    let (pool, identifier, name, scopes) = server_input(&req.input)?;
    write_in_pool(store, pool, |tx| {
        change_one(
            tx,
            "UPDATE resource_servers SET name = ?3, scopes = ?4
             WHERE pool_id = ?1 AND identifier = ?2",
            params![pool, identifier, name, scopes.to_string()],
            || not_found(identifier),
        )?;
        Ok(json!({ "ResourceServer": server_json(tx, pool, identifier)? }))
    })
}

pub fn delete_resource_server(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    let identifier = required_str(&req.input, "Identifier")?;
    change_in_pool(
        store,
        pool,
        "DELETE FROM resource_servers WHERE pool_id = ?1 AND identifier = ?2",
        params![pool, identifier],
        || not_found(identifier),
    )
}

fn not_found(identifier: &str) -> LocalError {
    LocalError::new(
        "ResourceNotFoundException",
        format!("Resource server {identifier} does not exist."),
    )
}

fn server_json(conn: &Connection, pool: &str, identifier: &str) -> LocalResult<Value> {
    let row: Option<(String, String)> = conn
        .cached_row(
            "SELECT name, scopes FROM resource_servers WHERE pool_id = ?1 AND identifier = ?2",
            params![pool, identifier],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (name, scopes) = row.ok_or_else(|| not_found(identifier))?;
    let scopes: Value = serde_json::from_str(&scopes).map_err(LocalError::internal)?;
    Ok(json!({
        "UserPoolId": pool,
        "Identifier": identifier,
        "Name": name,
        "Scopes": scopes,
    }))
}

/// What CreateResourceServer and UpdateResourceServer both send: pool, identifier, name, scopes.
fn server_input(input: &Value) -> LocalResult<(&str, &str, &str, Value)> {
    Ok((
        required_str(input, "UserPoolId")?,
        required_str(input, "Identifier")?,
        required_str(input, "Name")?,
        scopes_of(input)?,
    ))
}

/// The request's scopes, their names distinct (the model's limits on their number, names and
/// descriptions were checked on the way in).
fn scopes_of(input: &Value) -> LocalResult<Value> {
    let Some(list) = input.get("Scopes").filter(|v| !v.is_null()) else {
        return Ok(json!([]));
    };
    let list = list
        .as_array()
        .ok_or_else(|| LocalError::new("SerializationException", "Unexpected type for Scopes"))?;
    let mut names = Vec::with_capacity(list.len());
    let scopes = list
        .iter()
        .map(|scope| {
            let name = required_str(scope, "ScopeName")?;
            let description = required_str(scope, "ScopeDescription")?;
            if names.contains(&name) {
                return Err(LocalError::invalid_parameter(format!(
                    "Duplicate scope name {name}."
                )));
            }
            names.push(name);
            Ok(json!({"ScopeName": name, "ScopeDescription": description}))
        })
        .collect::<LocalResult<Vec<_>>>()?;
    Ok(Value::Array(scopes))
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::super::testing::{call, store_with_pool};
    use crate::local::store::Store;

    fn describe(store: &Store, pool: &Value) -> Value {
        let input = json!({"UserPoolId": pool, "Identifier": "https://api.example"});
        call(store, "DescribeResourceServer", input).unwrap()["ResourceServer"].clone()
    }

    fn with_two_scopes() -> (Store, Value) {
        let (store, pool) = store_with_pool();
        let server = json!({"UserPoolId": pool, "Identifier": "https://api.example",
            "Name": "API", "Scopes": [{"ScopeName": "read", "ScopeDescription": "Read"},
                                      {"ScopeName": "write", "ScopeDescription": "Write"}]});
        call(&store, "CreateResourceServer", server).unwrap();
        (store, pool)
    }

    #[test]
    fn an_update_that_omits_the_scopes_leaves_none() {
        let (store, pool) = with_two_scopes();
        let rename = json!({"UserPoolId": pool, "Identifier": "https://api.example",
                            "Name": "Renamed"});
        call(&store, "UpdateResourceServer", rename).unwrap();
        let after = describe(&store, &pool);
        assert_eq!(after["Name"], "Renamed");
        assert_eq!(after["Scopes"], json!([]));
    }

    #[test]
    fn the_described_server_sent_back_with_one_change_changes_only_that() {
        let (store, pool) = with_two_scopes();
        let before = describe(&store, &pool);
        let mut input = before.clone();
        input["Scopes"][1]["ScopeDescription"] = json!("Change data");
        call(&store, "UpdateResourceServer", input).unwrap();
        let mut after = describe(&store, &pool);
        assert_eq!(after["Scopes"][1]["ScopeDescription"], "Change data");
        after["Scopes"][1]["ScopeDescription"] = json!("Write");
        assert_eq!(after, before);
    }
}
