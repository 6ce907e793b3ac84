//! What AWS adds to and checks of an app client's settings. The store keeps the settings as the
//! request gave them; `with_defaults` fills what the request left out when the client is
//! described, so an UpdateUserPoolClient that omits a member visibly resets it (the trap callers
//! avoid by sending the whole described configuration back). `check` refuses what AWS refuses
//! beyond the model's constraints: OAuth settings that do not fit together, unknown identity
//! providers and unknown scopes.

use rusqlite::{Connection, params};
use serde_json::{Value, json};

use super::super::error::{LocalError, LocalResult};
use super::exists;

/// The flows a client allows when ExplicitAuthFlows is left out (UserPoolClientType's
/// documentation), in the order AWS lists them.
pub const DEFAULT_AUTH_FLOWS: &[&str] = &[
    "ALLOW_REFRESH_TOKEN_AUTH",
    "ALLOW_USER_SRP_AUTH",
    "ALLOW_CUSTOM_AUTH",
];

/// The scopes every pool knows; custom ones are `resource-server-identifier/scope-name`.
pub const STANDARD_SCOPES: &[&str] = &[
    "phone",
    "email",
    "openid",
    "profile",
    "aws.cognito.signin.user.admin",
];

/// The refresh token's validity when the request leaves it out or sends 0 (in days).
const DEFAULT_REFRESH_DAYS: i64 = 30;

/// The defaults AWS describes for the members a request left out: refresh tokens 30 days, no
/// token units chosen, the three default auth flows, OAuth off, token revocation on, no
/// propagated context data, 3-minute auth sessions, LEGACY user-existence errors.
pub fn with_defaults(client: &mut Value) {
    let Some(map) = client.as_object_mut() else {
        return;
    };
    if map
        .get("RefreshTokenValidity")
        .and_then(Value::as_i64)
        .is_none_or(|v| v == 0)
    {
        map.insert("RefreshTokenValidity".into(), json!(DEFAULT_REFRESH_DAYS));
    }
    let defaults = [
        ("TokenValidityUnits", json!({})),
        ("ExplicitAuthFlows", json!(DEFAULT_AUTH_FLOWS)),
        ("AllowedOAuthFlowsUserPoolClient", json!(false)),
        ("EnableTokenRevocation", json!(true)),
        ("EnablePropagateAdditionalUserContextData", json!(false)),
        ("AuthSessionValidity", json!(3)),
        ("PreventUserExistenceErrors", json!("LEGACY")),
    ];
    for (member, value) in defaults {
        match map.get(member) {
            Some(v) if !v.is_null() => {}
            _ => {
                map.insert(member.into(), value);
            }
        }
    }
}

/// Refuses settings AWS refuses. `has_secret`: the client has a secret (client credentials
/// need one).
pub fn check(conn: &Connection, pool: &str, spec: &Value, has_secret: bool) -> LocalResult<()> {
    check_token_validity(spec)?;
    check_providers(conn, pool, spec)?;
    check_oauth(spec, has_secret)?;
    check_scopes(conn, pool, spec)
}

fn strings<'a>(spec: &'a Value, member: &str) -> Vec<&'a str> {
    spec.get(member)
        .and_then(Value::as_array)
        .map(|list| list.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

/// Every provider named is COGNITO or one of the pool's identity providers.
fn check_providers(conn: &Connection, pool: &str, spec: &Value) -> LocalResult<()> {
    for name in strings(spec, "SupportedIdentityProviders") {
        if name == "COGNITO" {
            continue;
        }
        let known = exists(
            conn,
            "SELECT EXISTS (SELECT 1 FROM identity_providers WHERE pool_id = ?1 AND name = ?2)",
            params![pool, name],
        )?;
        if !known {
            return Err(LocalError::invalid_parameter(format!(
                "The provider {name} does not exist for User Pool {pool}"
            )));
        }
    }
    Ok(())
}

/// The OAuth members fit together: they need AllowedOAuthFlowsUserPoolClient, which needs flows
/// and scopes; code and implicit need callback URLs; client_credentials stands alone and needs
/// a secret; the default redirect is one of the callbacks.
fn check_oauth(spec: &Value, has_secret: bool) -> LocalResult<()> {
    let enabled = spec
        .get("AllowedOAuthFlowsUserPoolClient")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let flows = strings(spec, "AllowedOAuthFlows");
    let scopes = strings(spec, "AllowedOAuthScopes");
    let callbacks = strings(spec, "CallbackURLs");
    let oauth_flow = |message: &str| Err(LocalError::new("InvalidOAuthFlowException", message));
    if !enabled {
        if !flows.is_empty() || !scopes.is_empty() {
            return Err(LocalError::invalid_parameter(
                "AllowedOAuthFlowsUserPoolClient must be true to set AllowedOAuthFlows or \
                 AllowedOAuthScopes.",
            ));
        }
        return Ok(());
    }
    if flows.is_empty() || scopes.is_empty() {
        return oauth_flow(
            "AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is \
             allowed to use OAuth flows",
        );
    }
    let browser = flows.iter().any(|f| *f == "code" || *f == "implicit");
    if flows.contains(&"client_credentials") {
        if browser {
            return oauth_flow(
                "client_credentials flow can not be selected along with code flow or implicit flow.",
            );
        }
        if !has_secret {
            return oauth_flow(
                "client_credentials flow can not be selected if client does not have a client \
                 secret.",
            );
        }
    }
    if browser && callbacks.is_empty() {
        return Err(LocalError::invalid_parameter(
            "CallbackURLs are required when AllowedOAuthFlows include code or implicit.",
        ));
    }
    if let Some(default) = spec.get("DefaultRedirectURI").and_then(Value::as_str)
        && !callbacks.contains(&default)
    {
        return Err(LocalError::invalid_parameter(
            "DefaultRedirectURI must be one of the CallbackURLs.",
        ));
    }
    Ok(())
}

/// Every scope is a standard one or `identifier/name` of one of the pool's resource servers.
fn check_scopes(conn: &Connection, pool: &str, spec: &Value) -> LocalResult<()> {
    for scope in strings(spec, "AllowedOAuthScopes") {
        if STANDARD_SCOPES.contains(&scope) || custom_scope_exists(conn, pool, scope)? {
            continue;
        }
        return Err(LocalError::new(
            "ScopeDoesNotExistException",
            format!("Invalid scope requested: {scope}"),
        ));
    }
    Ok(())
}

/// Whether `identifier/name` names a scope of one of the pool's resource servers. The identifier
/// may itself hold slashes (`https://api.example.com/read`): the name is after the last one.
fn custom_scope_exists(conn: &Connection, pool: &str, scope: &str) -> LocalResult<bool> {
    let Some((identifier, name)) = scope.rsplit_once('/') else {
        return Ok(false);
    };
    exists(
        conn,
        "SELECT EXISTS (SELECT 1 FROM resource_servers, json_each(resource_servers.scopes) s
         WHERE pool_id = ?1 AND identifier = ?2 AND json_extract(s.value, '$.ScopeName') = ?3)",
        params![pool, identifier, name],
    )
}

/// Each validity in its unit within AWS's range: access and ID tokens five minutes to a day,
/// refresh tokens an hour to ten years (0 is the 30-day default).
fn check_token_validity(spec: &Value) -> LocalResult<()> {
    let limits = [
        ("AccessTokenValidity", "AccessToken", "hours", 300, 86_400),
        ("IdTokenValidity", "IdToken", "hours", 300, 86_400),
        (
            "RefreshTokenValidity",
            "RefreshToken",
            "days",
            3_600,
            315_360_000,
        ),
    ];
    for (member, unit_member, default_unit, min, max) in limits {
        let Some(value) = spec.get(member).and_then(Value::as_i64) else {
            continue;
        };
        if member == "RefreshTokenValidity" && value == 0 {
            continue;
        }
        let unit = spec
            .pointer(&format!("/TokenValidityUnits/{unit_member}"))
            .and_then(Value::as_str)
            .unwrap_or(default_unit);
        let seconds = value.saturating_mul(match unit {
            "seconds" => 1,
            "minutes" => 60,
            "hours" => 3_600,
            _ => 86_400,
        });
        if !(min..=max).contains(&seconds) {
            return Err(LocalError::invalid_parameter(format!(
                "Invalid range for token validity: {member} {value} {unit} is outside {}.",
                if member == "RefreshTokenValidity" {
                    "60 minutes to 10 years"
                } else {
                    "5 minutes to 1 day"
                }
            )));
        }
    }
    Ok(())
}
