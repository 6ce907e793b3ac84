//! A pool's lifecycle after creation: UpdateUserPool, DeleteUserPool, and GetCSVHeader (the
//! import header its attributes make).

use serde_json::{Value, json};

use super::super::error::{LocalError, LocalResult};
use super::super::input::{optional_map, optional_str, required_str};
use super::super::store::{Cached as _, Store, now};
use super::Request;
use super::domains::domain_of;
use super::mfa::require_a_factor;
use super::pools::{custom_attributes, pool_spec, update_spec};
use super::tags::replace_tags;
use crate::cognito::pools::STANDARD_ATTRIBUTES;

/// Settings UpdateUserPool sets to their defaults when the request leaves them out: AWS's
/// documented behaviour ("If you don't provide a value for an attribute, Amazon Cognito sets it
/// to its default value"), the reason callers send the whole configuration back.
const RESET_WHEN_OMITTED: &[&str] = &[
    "Policies",
    "DeletionProtection",
    "LambdaConfig",
    "AutoVerifiedAttributes",
    "SmsVerificationMessage",
    "EmailVerificationMessage",
    "EmailVerificationSubject",
    "VerificationMessageTemplate",
    "SmsAuthenticationMessage",
    "UserAttributeUpdateSettings",
    "MfaConfiguration",
    "DeviceConfiguration",
    "EmailConfiguration",
    "SmsConfiguration",
    "AdminCreateUserConfig",
    "UserPoolAddOns",
    "AccountRecoverySetting",
];

/// Settings an omission keeps: the tier (a change is explicit), and those the model documents
/// as kept (DcrConfiguration) or as fixed once set (keys, issuer, ACR names). The name and
/// tags are kept too and handled apart.
const KEPT_WHEN_OMITTED: &[&str] = &[
    "UserPoolTier",
    "DcrConfiguration",
    "KeyConfiguration",
    "IssuerConfiguration",
    "AcrConfiguration",
];

pub fn update_user_pool(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    let name = optional_str(&req.input, "PoolName")?;
    let tags = optional_map(&req.input, "UserPoolTags")?;
    store.write(|tx| {
        let mut spec = pool_spec(tx, pool)?;
        if let Some(settings) = spec.as_object_mut() {
            for member in RESET_WHEN_OMITTED {
                match req.input.get(*member).filter(|v| !v.is_null()) {
                    Some(v) => settings.insert((*member).to_owned(), v.clone()),
                    None => settings.remove(*member),
                };
            }
            for member in KEPT_WHEN_OMITTED {
                if let Some(v) = req.input.get(*member).filter(|v| !v.is_null()) {
                    settings.insert((*member).to_owned(), v.clone());
                }
            }
        }
        require_a_factor(&spec)?;
        update_spec(tx, pool, name, &spec, now())?;
        if let Some(tags) = &tags {
            replace_tags(tx, pool, tags)?;
        }
        Ok(json!({}))
    })
}

/// Refused while deletion protection is active; otherwise everything of the pool goes with it
/// (every table references the pool with ON DELETE CASCADE).
pub fn delete_user_pool(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    store.write(|tx| {
        let spec = pool_spec(tx, pool)?;
        if spec.get("DeletionProtection").and_then(Value::as_str) == Some("ACTIVE") {
            return Err(LocalError::invalid_parameter(
                "The user pool cannot be deleted because deletion protection is activated. \
                 Deletion protection must be inactivated first.",
            ));
        }
        // AWS refuses while a domain is configured: it must be deleted first.
        if domain_of(tx, pool)?.is_some() {
            return Err(LocalError::invalid_parameter(
                "User pool cannot be deleted. It has a domain configured that should be deleted first.",
            ));
        }
        tx.cached_execute("DELETE FROM pools WHERE id = ?1", [pool])?;
        Ok(json!({}))
    })
}

pub fn get_csv_header(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    let spec = store.read(|conn| pool_spec(conn, pool))?;
    let custom = custom_attributes(&spec);
    // The standard attributes in AWS's order, the pool's custom attributes, then
    // `cognito:mfa_enabled` and `cognito:username`, as `get-csv-header` answers.
    let header: Vec<&str> = STANDARD_ATTRIBUTES
        .iter()
        .copied()
        .chain(custom.iter().filter_map(|a| a["Name"].as_str()))
        .chain(["cognito:mfa_enabled", "cognito:username"])
        .collect();
    Ok(json!({ "UserPoolId": pool, "CSVHeader": header }))
}
