//! CreateUserPool, ListUserPools, DescribeUserPool.

use super::super::store::Cached as _;
use rusqlite::{Connection, OptionalExtension as _, params};
use serde_json::{Value, json};

use super::super::error::{LocalError, LocalResult};
use super::super::ids;
use super::super::input::{
    decode_token, encode_token, fetch_limit, optional_str, page_limit, required_str,
};
use super::super::password::policy_of;
use super::super::store::{Store, now};
use super::Request;

const STANDARD_ATTRIBUTES: &[(&str, &str)] = &[
    ("sub", "String"),
    ("name", "String"),
    ("given_name", "String"),
    ("family_name", "String"),
    ("preferred_username", "String"),
    ("email", "String"),
    ("email_verified", "Boolean"),
    ("phone_number", "String"),
    ("phone_number_verified", "Boolean"),
    ("updated_at", "Number"),
];

/// Inserts a pool under a known id (the seed passes deterministic ones).
pub fn insert_pool(
    tx: &Connection,
    id: &str,
    name: &str,
    spec: &Value,
    at: f64,
) -> LocalResult<()> {
    tx.cached_execute(
        "INSERT INTO pools (id, name, created, modified, spec) VALUES (?1, ?2, ?3, ?3, ?4)",
        params![id, name, at, spec.to_string()],
    )?;
    Ok(())
}

/// The pool's creation input as stored; ResourceNotFoundException when there is none.
pub fn pool_spec(conn: &Connection, pool: &str) -> LocalResult<Value> {
    let spec: Option<String> = conn
        .cached_row("SELECT spec FROM pools WHERE id = ?1", [pool], |r| r.get(0))
        .optional()?;
    let spec = spec.ok_or_else(|| LocalError::pool_not_found(pool))?;
    serde_json::from_str(&spec).map_err(LocalError::internal)
}

pub fn create_user_pool(store: &Store, req: &Request) -> LocalResult {
    let name = required_str(&req.input, "PoolName")?.to_owned();
    if name.chars().count() > 128 {
        return Err(LocalError::invalid_parameter(
            "PoolName must be at most 128 characters",
        ));
    }
    let mut spec = req.input.clone();
    if let Some(obj) = spec.as_object_mut() {
        obj.remove("PoolName");
    }
    let id = ids::pool_id(&mut fastrand::Rng::new(), &req.region);
    let at = now();
    store.write(|tx| insert_pool(tx, &id, &name, &spec, at))?;
    let pool = store.read(|conn| describe(conn, &id, &req.account))?;
    Ok(json!({ "UserPool": pool }))
}

pub fn describe_user_pool(store: &Store, req: &Request) -> LocalResult {
    let id = required_str(&req.input, "UserPoolId")?;
    let pool = store.read(|conn| describe(conn, id, &req.account))?;
    Ok(json!({ "UserPool": pool }))
}

pub fn list_user_pools(store: &Store, req: &Request) -> LocalResult {
    if req.input.get("MaxResults").is_none_or(Value::is_null) {
        return Err(LocalError::invalid_parameter(
            "1 validation error detected: Value null at 'maxResults' failed to satisfy constraint: Member must not be null",
        ));
    }
    let limit = page_limit(&req.input, "MaxResults", 60)?;
    let after = optional_str(&req.input, "NextToken")?
        .map(|t| decode_token("pools", t))
        .transpose()?
        .unwrap_or_default();
    let rows = store.read(|conn| {
        let mut stmt = conn.prepare_cached(
            "SELECT id, name, created, modified FROM pools WHERE id > ?1 ORDER BY id LIMIT ?2",
        )?;
        let rows = stmt
            .query_map(params![after, fetch_limit(limit)], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, f64>(2)?,
                    r.get::<_, f64>(3)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    })?;
    let more = rows.len() > limit;
    let page: Vec<Value> = rows
        .iter()
        .take(limit)
        .map(|(id, name, created, modified)| {
            json!({"Id": id, "Name": name, "LambdaConfig": {},
                   "CreationDate": created, "LastModifiedDate": modified})
        })
        .collect();
    let mut out = json!({ "UserPools": page });
    if more && let Some((last, ..)) = rows.get(limit.saturating_sub(1)) {
        out["NextToken"] = Value::String(encode_token("pools", last));
    }
    Ok(out)
}

fn describe(conn: &Connection, id: &str, account: &str) -> LocalResult<Value> {
    let row: Option<(String, f64, f64, String)> = conn
        .cached_row(
            "SELECT name, created, modified, spec FROM pools WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let (name, created, modified, spec) = row.ok_or_else(|| LocalError::pool_not_found(id))?;
    let spec: Value = serde_json::from_str(&spec).map_err(LocalError::internal)?;
    let users: i64 =
        conn.cached_row("SELECT count(*) FROM users WHERE pool_id = ?1", [id], |r| {
            r.get(0)
        })?;
    let region = id.split('_').next().unwrap_or("us-east-1");
    let mut pool = json!({
        "Id": id,
        "Name": name,
        "Arn": format!("arn:aws:cognito-idp:{region}:{account}:userpool/{id}"),
        "CreationDate": created,
        "LastModifiedDate": modified,
        "Policies": { "PasswordPolicy": policy_of(&spec) },
        "SchemaAttributes": schema_attributes(&spec),
        "EstimatedNumberOfUsers": users,
        "MfaConfiguration": spec.get("MfaConfiguration").cloned().unwrap_or_else(|| json!("OFF")),
        "DeletionProtection": spec.get("DeletionProtection").cloned().unwrap_or_else(|| json!("INACTIVE")),
        "UserPoolTier": spec.get("UserPoolTier").cloned().unwrap_or_else(|| json!("ESSENTIALS")),
        "LambdaConfig": spec.get("LambdaConfig").cloned().unwrap_or_else(|| json!({})),
    });
    for member in [
        "UsernameAttributes",
        "AliasAttributes",
        "AutoVerifiedAttributes",
        "UserPoolTags",
        "AdminCreateUserConfig",
        "UserPoolAddOns",
    ] {
        if let Some(v) = spec.get(member) {
            pool[member] = v.clone();
        }
    }
    Ok(pool)
}

/// The standard attributes, then the pool's custom ones under their `custom:` names.
fn schema_attributes(spec: &Value) -> Vec<Value> {
    let mut out: Vec<Value> = STANDARD_ATTRIBUTES
        .iter()
        .map(|(name, kind)| {
            json!({"Name": name, "AttributeDataType": kind, "DeveloperOnlyAttribute": false,
                   "Mutable": *name != "sub", "Required": *name == "sub"})
        })
        .collect();
    for attr in custom_attributes(spec) {
        out.push(attr);
    }
    out
}

/// The pool's custom attributes, named `custom:<name>` as AWS describes them.
pub fn custom_attributes(spec: &Value) -> Vec<Value> {
    let Some(schema) = spec.get("Schema").and_then(Value::as_array) else {
        return Vec::new();
    };
    schema
        .iter()
        .filter_map(|a| {
            let name = a.get("Name")?.as_str()?;
            if STANDARD_ATTRIBUTES.iter().any(|(n, _)| *n == name) {
                return None;
            }
            let mut attr = a.clone();
            let full = if name.starts_with("custom:") {
                name.to_owned()
            } else {
                format!("custom:{name}")
            };
            attr["Name"] = Value::String(full);
            Some(attr)
        })
        .collect()
}
