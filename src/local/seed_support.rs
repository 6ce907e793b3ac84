//! The support cases of the demo's staging pool, one user each for the verdicts the production
//! pool does not show (`cognito::verdict`): the pool signs in with the email as an alias,
//! requires MFA with an authenticator app, and federates Google; mia.novak's email is not
//! verified, leo.fischer has no MFA set up, a Google user signs in through Google, and
//! sara.lopez uses an authenticator app. Its own seeded Rng keeps the rest of the demo as it was.

use fastrand::Rng;
use rusqlite::Connection;
use serde_json::{Map, Value, json};

use super::error::LocalResult;
use super::ids;
use super::ops::idps::{NewProvider, insert_provider};
use super::ops::mfa::apply_mfa_config;
use super::ops::pools::{pool_spec, update_spec};
use super::ops::user_mfa::{Method, UserMfa, store_user_mfa};
use super::ops::users::{NewUser, insert_user};
use super::seed::{BASE_TIME, STAGING_POOL};
use crate::cognito::user_status::UserStatus;

/// The email of this user is how they sign in, and it is not verified.
pub const UNVERIFIED_EMAIL: &str = "mia.novak";
/// The pool requires MFA; this user has none set up.
pub const NO_MFA: &str = "leo.fischer";
/// Signed up through Google (status EXTERNAL_PROVIDER), named as Cognito names them.
pub const GOOGLE_USER: &str = "Google_107353948151203912345";
/// Signs in with an authenticator app.
pub const AUTHENTICATOR: &str = "sara.lopez";
/// How many users the cases add to the staging pool.
pub const USERS: usize = 4;

/// The staging pool's creation time: its configuration keeps that date.
const AT: f64 = BASE_TIME + 86_400.0;

/// Configures the staging pool for the cases and writes their users; runs inside the seed's
/// transaction, after the pool exists.
pub fn demo(tx: &Connection) -> LocalResult<()> {
    let mut rng = Rng::with_seed(0x5077_0C45);
    let mut spec = pool_spec(tx, STAGING_POOL)?;
    spec["AliasAttributes"] = json!(["email"]);
    apply_mfa_config(
        &mut spec,
        &json!({"MfaConfiguration": "ON", "SoftwareTokenMfaConfiguration": {"Enabled": true}}),
    )?;
    update_spec(tx, STAGING_POOL, None, &spec, AT)?;
    google(tx)?;
    let person = |first: &str, last: &str, verified: bool| {
        vec![
            ("email".to_owned(), format!("{first}.{last}@example.com")),
            ("email_verified".to_owned(), verified.to_string()),
            ("given_name".to_owned(), super::seed::capitalised(first)),
            ("family_name".to_owned(), super::seed::capitalised(last)),
        ]
    };
    let identities = json!([{
        "userId": GOOGLE_USER.strip_prefix("Google_").unwrap_or(GOOGLE_USER),
        "providerName": "Google", "providerType": "Google", "issuer": null, "primary": true,
        // Milliseconds, as Cognito writes it: when the user first signed in, an hour after AT.
        "dateCreated": 1_700_090_000_000_i64,
    }]);
    let mut google_user = person("noor", "haddad", true);
    google_user.push(("identities".to_owned(), identities.to_string()));
    let cases = [
        (
            UNVERIFIED_EMAIL,
            UserStatus::Confirmed,
            person("mia", "novak", false),
        ),
        (
            NO_MFA,
            UserStatus::Confirmed,
            person("leo", "fischer", true),
        ),
        (GOOGLE_USER, UserStatus::ExternalProvider, google_user),
        (
            AUTHENTICATOR,
            UserStatus::Confirmed,
            person("sara", "lopez", true),
        ),
    ];
    for (i, (username, status, attributes)) in cases.into_iter().enumerate() {
        let sub = ids::uuid(&mut rng);
        insert_user(
            tx,
            &NewUser {
                pool: STAGING_POOL,
                username,
                sub: &sub,
                status,
                enabled: true,
                attributes: &attributes,
                at: AT + 3_600.0 * f64::from(u32::try_from(i).unwrap_or(0)),
            },
        )?;
    }
    let app = UserMfa {
        totp_associated: true,
        enabled: vec![Method::SoftwareToken],
        preferred: Some(Method::SoftwareToken),
    };
    store_user_mfa(tx, STAGING_POOL, AUTHENTICATOR, &app)
}

/// Sign in with Google, with a placeholder secret: the demo must never look like it holds a real
/// credential.
fn google(tx: &Connection) -> LocalResult<()> {
    let details: Map<String, Value> = [
        (
            "client_id",
            "2468013579-acme-staging.apps.googleusercontent.com",
        ),
        ("client_secret", "demo-client-secret-not-real"),
        ("authorize_scopes", "openid email profile"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), json!(v)))
    .collect();
    let mapping: Map<String, Value> = [("email", "email"), ("given_name", "given_name")]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), json!(v)))
        .collect();
    insert_provider(
        tx,
        &NewProvider {
            pool: STAGING_POOL,
            name: "Google",
            kind: "Google",
            details: &details,
            mapping: &mapping,
            identifiers: &[],
            at: AT,
        },
    )
}
