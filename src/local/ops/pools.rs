//! CreateUserPool, ListUserPools (the caller's region only), DescribeUserPool.

use rusqlite::{Connection, OptionalExtension as _, params};
use serde_json::{Value, json};

use super::super::error::{LocalError, LocalResult};
use super::super::ids;
use super::super::input::{
    decode_token, fetch_limit, optional_map, optional_str, page_limit, required_str, set_next_token,
};
use super::super::password::policy_of;
use super::super::store::{Cached as _, Store, now};
use super::Request;
use super::domains::domain_of;
use super::pool_schema::schema_attributes;
use super::tags::{set_tags, tags_of};

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

/// Replaces the pool's stored settings (and its name, if given) and marks it modified at `at`.
pub fn update_spec(
    tx: &Connection,
    id: &str,
    name: Option<&str>,
    spec: &Value,
    at: f64,
) -> LocalResult<()> {
    tx.cached_execute(
        "UPDATE pools SET name = coalesce(?2, name), spec = ?3, modified = ?4 WHERE id = ?1",
        params![id, name, spec.to_string(), at],
    )?;
    Ok(())
}

/// `arn:aws:cognito-idp:REGION:ACCOUNT:userpool/ID`, the region being the pool id's prefix.
pub fn pool_arn(id: &str, account: &str) -> String {
    let region = ids::region_of_pool(id);
    format!("arn:aws:cognito-idp:{region}:{account}:userpool/{id}")
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
    let tags = optional_map(&req.input, "UserPoolTags")?.unwrap_or_default();
    let mut spec = req.input.clone();
    if let Some(obj) = spec.as_object_mut() {
        obj.remove("PoolName");
        obj.remove("UserPoolTags");
    }
    super::pool_edits::require_verified_updates_auto_verified(&spec)?;
    // AWS refuses MFA ON or OPTIONAL with no factor it can use; at creation that means SMS
    // (TOTP and email are turned on afterwards, with SetUserPoolMfaConfig).
    super::mfa::require_a_factor(&spec)?;
    let id = ids::pool_id(&mut fastrand::Rng::new(), &req.region);
    let at = now();
    store.write(|tx| {
        insert_pool(tx, &id, &name, &spec, at)?;
        set_tags(tx, &id, &tags)
    })?;
    let pool = store.read(|conn| describe(conn, &id, &req.account))?;
    Ok(json!({ "UserPool": pool }))
}

pub fn describe_user_pool(store: &Store, req: &Request) -> LocalResult {
    let id = required_str(&req.input, "UserPoolId")?;
    let pool = store.read(|conn| describe(conn, id, &req.account))?;
    Ok(json!({ "UserPool": pool }))
}

/// MaxResults is required (the model says so; `shapes::check` refuses a request without it).
pub fn list_user_pools(store: &Store, req: &Request) -> LocalResult {
    let limit = page_limit(&req.input, "MaxResults", 60)?;
    let after = optional_str(&req.input, "NextToken")?
        .map(|t| decode_token("pools", t))
        .transpose()?
        .unwrap_or_default();
    let rows = store.read(|conn| {
        let mut stmt = conn.prepare_cached(
            "SELECT id, name, created, modified FROM pools
             WHERE id > ?1 AND substr(id, 1, length(?3) + 1) = ?3 || '_' ORDER BY id LIMIT ?2",
        )?;
        let rows = stmt
            .query_map(params![after, fetch_limit(limit), req.region], |r| {
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
    let page: Vec<Value> = rows
        .iter()
        .take(limit)
        .map(|(id, name, created, modified)| {
            json!({"Id": id, "Name": name, "LambdaConfig": {},
                   "CreationDate": created, "LastModifiedDate": modified})
        })
        .collect();
    let mut out = json!({ "UserPools": page });
    let keys: Vec<&str> = rows.iter().map(|(id, ..)| id.as_str()).collect();
    set_next_token(&mut out, "NextToken", "pools", &keys, limit);
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
    let mut pool = json!({
        "Id": id,
        "Name": name,
        "Arn": pool_arn(id, account),
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
        "SmsVerificationMessage",
        "EmailVerificationMessage",
        "EmailVerificationSubject",
        "SmsConfiguration",
        "SmsAuthenticationMessage",
        "DeviceConfiguration",
        "AccountRecoverySetting",
        "UserPoolAddOns",
        "UsernameConfiguration",
        "DcrConfiguration",
    ] {
        if let Some(v) = spec.get(member).filter(|v| !v.is_null()) {
            pool[member] = v.clone();
        }
    }
    for (member, defaults) in described_defaults() {
        let mut value = defaults;
        if let (Some(out), Some(given)) = (
            value.as_object_mut(),
            spec.get(member).and_then(Value::as_object),
        ) {
            out.extend(given.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
        pool[member] = value;
    }
    let tags = tags_of(conn, id)?;
    if !tags.is_empty() {
        pool["UserPoolTags"] = Value::Object(tags);
    }
    if let Some((domain, custom)) = domain_of(conn, id)? {
        pool[if custom { "CustomDomain" } else { "Domain" }] = json!(domain);
    }
    Ok(pool)
}

/// The settings AWS describes with defaults when the pool's creation or last update left them
/// out (or gave only part of them): sign-up open to users, invitations valid 7 days, code
/// verification, Cognito's own email sender, no verification before an attribute update. The
/// settings without a documented default (AccountRecoverySetting: "legacy behavior", device
/// remembering: off) are left out, as AWS leaves them out.
fn described_defaults() -> [(&'static str, Value); 4] {
    [
        (
            "AdminCreateUserConfig",
            json!({"AllowAdminCreateUserOnly": false, "UnusedAccountValidityDays": 7}),
        ),
        (
            "VerificationMessageTemplate",
            json!({"DefaultEmailOption": "CONFIRM_WITH_CODE"}),
        ),
        (
            "EmailConfiguration",
            json!({"EmailSendingAccount": "COGNITO_DEFAULT"}),
        ),
        (
            "UserAttributeUpdateSettings",
            json!({"AttributesRequireVerificationBeforeUpdate": []}),
        ),
    ]
}
