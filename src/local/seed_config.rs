//! The demo pools' configuration beyond users: identity providers, a domain, MFA, tags and a
//! resource server, written through the same functions as the operations, at fixed times.

use rusqlite::Connection;
use serde_json::{Map, Value, json};

use super::error::LocalResult;
use super::ops::domains::{NewDomain, insert_domain};
use super::ops::idps::{NewProvider, insert_provider};
use super::ops::mfa::apply_mfa_config;
use super::ops::pools::{pool_spec, update_spec};
use super::ops::resource_servers::insert_resource_server;
use super::ops::tags::set_tags;
use super::seed::{PRODUCTION_POOL, STAGING_POOL};

pub const PRODUCTION_DOMAIN: &str = "acme-prod-auth";
pub const SAML_PROVIDER: &str = "AcmeOkta";
/// Provider names allow no blanks (ProviderNameTypeV2), hence no "Google Workspace".
pub const OIDC_PROVIDER: &str = "GoogleWorkspace";
pub const RESOURCE_SERVER: &str = "https://api.acme.example";

/// Configures both demo pools; `at` is the seed's base time.
pub fn demo(tx: &Connection, at: f64) -> LocalResult<()> {
    providers(tx, at)?;
    insert_domain(
        tx,
        &NewDomain {
            pool: PRODUCTION_POOL,
            domain: PRODUCTION_DOMAIN,
            certificate_arn: None,
            managed_login_version: 2,
            at,
        },
    )?;
    let mut spec = pool_spec(tx, PRODUCTION_POOL)?;
    apply_mfa_config(
        &mut spec,
        &json!({
            "MfaConfiguration": "OPTIONAL",
            "SoftwareTokenMfaConfiguration": {"Enabled": true},
            "SmsMfaConfiguration": {
                "SmsAuthenticationMessage": "Your Acme sign-in code is {####}",
                "SmsConfiguration": {
                    "SnsCallerArn": "arn:aws:iam::000000000000:role/acme-cognito-sms",
                    "ExternalId": "acme-prod-sms-7f3a",
                    "SnsRegion": "us-east-1"
                }
            }
        }),
    )?;
    update_spec(tx, PRODUCTION_POOL, None, &spec, at)?;
    set_tags(
        tx,
        PRODUCTION_POOL,
        &strings(&[
            ("env", "production"),
            ("team", "identity"),
            ("cost-center", "1234"),
        ]),
    )?;
    set_tags(tx, STAGING_POOL, &strings(&[("env", "staging")]))?;
    insert_resource_server(
        tx,
        PRODUCTION_POOL,
        RESOURCE_SERVER,
        "Acme API",
        &json!([
            {"ScopeName": "read", "ScopeDescription": "Read Acme data"},
            {"ScopeName": "write", "ScopeDescription": "Change Acme data"}
        ]),
    )
}

fn providers(tx: &Connection, at: f64) -> LocalResult<()> {
    let saml_details = strings(&[
        (
            "MetadataURL",
            "https://acme.okta.example/app/exk1acme/sso/saml/metadata",
        ),
        ("IDPSignout", "false"),
    ]);
    let saml_mapping = strings(&[(
        "email",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
    )]);
    insert_provider(
        tx,
        &NewProvider {
            pool: PRODUCTION_POOL,
            name: SAML_PROVIDER,
            kind: "SAML",
            details: &saml_details,
            mapping: &saml_mapping,
            identifiers: &["acme.example".to_owned()],
            at,
        },
    )?;
    // A placeholder secret: the demo must never look like it holds a real credential.
    let oidc_details = strings(&[
        ("client_id", "1029384756-acme.apps.googleusercontent.com"),
        ("client_secret", "demo-client-secret-not-real"),
        ("authorize_scopes", "openid email profile"),
        ("oidc_issuer", "https://accounts.google.com"),
        ("attributes_request_method", "GET"),
    ]);
    let oidc_mapping = strings(&[("email", "email"), ("name", "name")]);
    insert_provider(
        tx,
        &NewProvider {
            pool: PRODUCTION_POOL,
            name: OIDC_PROVIDER,
            kind: "OIDC",
            details: &oidc_details,
            mapping: &oidc_mapping,
            identifiers: &[],
            at: at + 60.0,
        },
    )
}

fn strings(pairs: &[(&str, &str)]) -> Map<String, Value> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), json!(v)))
        .collect()
}
