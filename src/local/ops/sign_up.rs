//! SignUp: the public self-registration call an app makes with its client id. The user starts
//! UNCONFIRMED until confirmed; a client with a secret must send SECRET_HASH, as on AWS.

use base64::Engine as _;
use hmac::{KeyInit as _, Mac as _};
use rusqlite::OptionalExtension as _;
use serde_json::{Value, json};

use super::super::error::{LocalError, LocalResult};
use super::super::input::{attributes, optional_str, required_str};
use super::super::store::{Cached as _, Store, now};
use super::super::{ids, password};
use super::Request;
use super::pools::pool_spec;
use super::users::{NewUser, check_schema, insert_user};
use crate::cognito::user_status::UserStatus;

pub fn sign_up(store: &Store, req: &Request) -> LocalResult {
    let client_id = required_str(&req.input, "ClientId")?;
    let username = required_str(&req.input, "Username")?;
    let given_password = optional_str(&req.input, "Password")?;
    let attrs = attributes(&req.input, "UserAttributes")?;
    let secret_hash = optional_str(&req.input, "SecretHash")?;
    let sub = ids::uuid(&mut fastrand::Rng::new());
    let at = now();
    store.write(|tx| {
        let client: Option<(String, Option<String>)> = tx
            .cached_row(
                "SELECT pool_id, secret FROM app_clients WHERE client_id = ?1",
                [client_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let (pool, secret) = client.ok_or_else(|| {
            LocalError::new(
                "ResourceNotFoundException",
                format!("User pool client {client_id} does not exist."),
            )
        })?;
        if let Some(secret) = &secret {
            check_secret_hash(secret, client_id, username, secret_hash)?;
        }
        let spec = pool_spec(tx, &pool)?;
        check_schema(&spec, &attrs)?;
        let pass = given_password.ok_or_else(|| {
            LocalError::invalid_parameter("Password is required for this user pool's sign-up")
        })?;
        password::check(&password::policy_of(&spec), pass)?;
        insert_user(
            tx,
            &NewUser {
                pool: &pool,
                username,
                sub: &sub,
                status: UserStatus::Unconfirmed,
                enabled: true,
                attributes: &attrs,
                at,
            },
        )?;
        let mut out = json!({ "UserConfirmed": false, "UserSub": sub });
        if let Some(delivery) = code_delivery(&spec, &attrs) {
            out["CodeDeliveryDetails"] = delivery;
        }
        Ok(out)
    })
}

/// `Base64(HMAC-SHA256(client secret, username + client id))`, compared in constant time.
fn check_secret_hash(
    secret: &str,
    client_id: &str,
    username: &str,
    given: Option<&str>,
) -> LocalResult<()> {
    let given = given.ok_or_else(|| {
        LocalError::new(
            "NotAuthorizedException",
            format!(
                "Client {client_id} is configured with secret but SECRET_HASH was not received"
            ),
        )
    })?;
    let wrong = || {
        LocalError::new(
            "NotAuthorizedException",
            format!("Unable to verify secret hash for client {client_id}"),
        )
    };
    let given = base64::engine::general_purpose::STANDARD
        .decode(given)
        .map_err(|_| wrong())?;
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes())
        .map_err(LocalError::internal)?;
    mac.update(username.as_bytes());
    mac.update(client_id.as_bytes());
    mac.verify_slice(&given).map_err(|_| wrong())
}

/// Where the confirmation code went: the first auto-verified attribute the user gave.
fn code_delivery(spec: &Value, attrs: &[(String, String)]) -> Option<Value> {
    let verified = spec.get("AutoVerifiedAttributes")?.as_array()?;
    verified.iter().filter_map(Value::as_str).find_map(|name| {
        let (_, value) = attrs.iter().find(|(n, _)| n == name)?;
        let medium = if name == "email" { "EMAIL" } else { "SMS" };
        Some(json!({"Destination": mask(value), "DeliveryMedium": medium, "AttributeName": name}))
    })
}

/// `a***@e***` / `+*******1234`, as AWS masks a destination.
fn mask(value: &str) -> String {
    if let Some((local, domain)) = value.split_once('@') {
        let first = |s: &str| s.chars().next().map(String::from).unwrap_or_default();
        format!("{}***@{}***", first(local), first(domain))
    } else {
        let keep = value.chars().count().saturating_sub(4);
        value
            .chars()
            .enumerate()
            .map(|(i, c)| if i < keep && c != '+' { '*' } else { c })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn destinations_are_masked() {
        assert_eq!(mask("ann@example.com"), "a***@e***");
        assert_eq!(mask("+15555550123"), "+*******0123");
    }

    #[test]
    fn the_secret_hash_is_checked() {
        let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(b"s3cret").unwrap();
        mac.update(b"annclient1");
        let good = base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes());
        assert!(check_secret_hash("s3cret", "client1", "ann", Some(&good)).is_ok());
        let err = check_secret_hash("s3cret", "client1", "bob", Some(&good)).unwrap_err();
        assert_eq!(err.code, "NotAuthorizedException");
        let err = check_secret_hash("s3cret", "client1", "ann", None).unwrap_err();
        assert!(err.message.contains("SECRET_HASH was not received"));
    }
}
