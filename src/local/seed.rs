//! The deterministic demo data: a production-like pool with a few thousand users in every status,
//! and a small staging pool. Written in one transaction, so seeding is fast and all-or-nothing.

use fastrand::Rng;
use rusqlite::Connection;
use serde_json::json;

use super::error::LocalResult;
use super::ids;
use super::ops::clients::{NewClient, insert_client};
use super::ops::groups::{NewGroup, add_member, insert_group};
use super::ops::pools::insert_pool;
use super::ops::users::{NewUser, insert_user};
use super::store::{Cached as _, Store};
use crate::cognito::user_status::UserStatus;

/// What a new state starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Seed {
    /// Two pools of realistic users, groups and app clients.
    #[default]
    Demo,
    /// Nothing.
    Empty,
    /// One pool of this many deterministic users, to measure big-pool work (`seed_big`).
    Big(u32),
}

impl std::str::FromStr for Seed {
    type Err = String;

    /// `demo`, `empty` or `big:N` (`big:1000000`, `big:1_000_000`).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let max = super::seed_big::MAX_USERS;
        match text {
            "demo" => Ok(Self::Demo),
            "empty" => Ok(Self::Empty),
            _ => {
                let count = text.strip_prefix("big:").ok_or_else(|| {
                    format!("{text:?} is not a seed: use demo, empty or big:N (N users)")
                })?;
                let digits = count.replace('_', "");
                digits
                    .parse::<u32>()
                    .ok()
                    .filter(|n| !digits.starts_with('+') && *n <= max)
                    .map(Self::Big)
                    .ok_or_else(|| {
                        format!(
                            "{text:?} is not a seed: big:N takes a whole number of users \
                             from 0 to {max}, e.g. big:1000000"
                        )
                    })
            }
        }
    }
}

impl std::fmt::Display for Seed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Demo => f.write_str("demo"),
            Self::Empty => f.write_str("empty"),
            Self::Big(n) => write!(f, "big:{n}"),
        }
    }
}

pub const PRODUCTION_POOL: &str = "us-east-1_AcmeProd1";
pub const STAGING_POOL: &str = "us-east-1_AcmeStag1";
pub const PRODUCTION_USERS: usize = 2_500;
/// Forty made as the production users are, and the support cases (`seed_support`).
pub const STAGING_USERS: usize = 40 + super::seed_support::USERS;

/// Seeds only a state that has no pools yet (`big:N`: no big pool yet), so a restart keeps the
/// user's edits.
pub fn apply_if_empty(store: &Store, seed: Seed) -> LocalResult<()> {
    match seed {
        Seed::Empty => return Ok(()),
        Seed::Big(users) => return super::seed_big::apply_if_absent(store, users),
        Seed::Demo => {}
    }
    store.write(|tx| {
        let pools: i64 = tx.cached_row("SELECT count(*) FROM pools", [], |r| r.get(0))?;
        if pools == 0 {
            demo(tx)?;
        }
        Ok(())
    })
}

/// 2023-11-14, so the demo looks the same on every machine.
pub const BASE_TIME: f64 = 1_700_000_000.0;

pub(super) const FIRST: &[&str] = &[
    "ann", "bob", "carla", "dev", "emma", "farid", "grace", "hiro", "ines", "jon", "kemal", "lena",
    "mateo", "nadia", "oscar", "priya", "quinn", "rosa", "sven", "tara", "umar", "vera", "wei",
    "ximena", "yusuf", "zoe",
];
pub(super) const LAST: &[&str] = &[
    "adams", "berg", "chen", "diaz", "evans", "fischer", "garcia", "haddad", "ito", "jensen",
    "kowalski", "lopez", "muller", "novak", "okafor", "patel", "rossi", "silva", "tanaka", "usman",
    "varga", "weber", "yilmaz", "zhou",
];
pub(super) const TENANTS: &[&str] = &["acme", "globex", "initech", "umbrella", "hooli"];
const PLANS: &[&str] = &["free", "pro", "enterprise"];

fn demo(tx: &Connection) -> LocalResult<()> {
    let mut rng = Rng::with_seed(0x00C0_6417);
    let spec = json!({
        "Schema": [
            {"Name": "tenant", "AttributeDataType": "String", "Mutable": true},
            {"Name": "plan", "AttributeDataType": "String", "Mutable": true}
        ],
        "AutoVerifiedAttributes": ["email"],
        "MfaConfiguration": "OPTIONAL",
        "DeletionProtection": "ACTIVE",
        "UserPoolTier": "PLUS",
        "UserPoolAddOns": {"AdvancedSecurityMode": "AUDIT"}
    });
    insert_pool(tx, PRODUCTION_POOL, "acme-production", &spec, BASE_TIME)?;
    let staging = json!({
        "Schema": [{"Name": "tenant", "AttributeDataType": "String", "Mutable": true}],
        "Policies": {"PasswordPolicy": {"MinimumLength": 6, "RequireSymbols": false,
                                        "RequireUppercase": false}}
    });
    insert_pool(
        tx,
        STAGING_POOL,
        "acme-staging",
        &staging,
        BASE_TIME + 86_400.0,
    )?;
    let groups: &[(&str, Option<i64>, &str)] = &[
        ("admins", Some(1), "Full administrators"),
        ("support", Some(10), "Support staff"),
        ("billing", Some(20), "Billing team"),
        ("beta-testers", None, "Early access"),
    ];
    for (name, precedence, description) in groups {
        let role = precedence.map(|_| format!("arn:aws:iam::000000000000:role/acme-{name}"));
        insert_group(
            tx,
            &NewGroup {
                pool: PRODUCTION_POOL,
                name,
                description: Some(description),
                precedence: *precedence,
                role_arn: role.as_deref(),
                at: BASE_TIME,
            },
        )?;
    }
    users(tx, &mut rng, PRODUCTION_POOL, PRODUCTION_USERS, true)?;
    let generated = STAGING_USERS - super::seed_support::USERS;
    users(tx, &mut rng, STAGING_POOL, generated, false)?;
    super::seed_config::demo(tx, BASE_TIME)?;
    clients(tx, &mut rng)?;
    super::seed_activity::demo(tx)?;
    super::seed_support::demo(tx)?;
    Ok(())
}

/// Status by position: mostly CONFIRMED, some of every other status, every 23rd disabled.
fn status_of(i: usize) -> UserStatus {
    match i % 20 {
        0 | 1 => UserStatus::Unconfirmed,
        2 | 3 => UserStatus::ForceChangePassword,
        4 => UserStatus::ResetRequired,
        _ => UserStatus::Confirmed,
    }
}

fn users(
    tx: &Connection,
    rng: &mut Rng,
    pool: &str,
    count: usize,
    custom: bool,
) -> LocalResult<()> {
    for i in 0..count {
        let first = FIRST[i % FIRST.len()];
        let last = LAST[(i / FIRST.len()) % LAST.len()];
        let username = format!("{first}.{last}{}", i / (FIRST.len() * LAST.len()) + 1);
        let mut attributes = vec![
            ("email".to_owned(), format!("{username}@example.com")),
            (
                "email_verified".to_owned(),
                (status_of(i) == UserStatus::Confirmed).to_string(),
            ),
            ("given_name".to_owned(), capitalised(first)),
            ("family_name".to_owned(), capitalised(last)),
            (
                "name".to_owned(),
                format!("{} {}", capitalised(first), capitalised(last)),
            ),
        ];
        if i.is_multiple_of(3) {
            attributes.push(("phone_number".to_owned(), format!("+1555{i:07}")));
        }
        attributes.push((
            "custom:tenant".to_owned(),
            TENANTS[i % TENANTS.len()].to_owned(),
        ));
        if custom {
            attributes.push((
                "custom:plan".to_owned(),
                PLANS[rng.usize(..PLANS.len())].to_owned(),
            ));
        }
        let sub = ids::uuid(rng);
        insert_user(
            tx,
            &NewUser {
                pool,
                username: &username,
                sub: &sub,
                status: status_of(i),
                enabled: i % 23 != 7,
                attributes: &attributes,
                at: BASE_TIME + 600.0 * f64::from(u32::try_from(i).unwrap_or(u32::MAX)),
            },
        )?;
        if custom {
            memberships(tx, pool, &username, i)?;
        }
    }
    Ok(())
}

fn memberships(tx: &Connection, pool: &str, username: &str, i: usize) -> LocalResult<()> {
    if i.is_multiple_of(250) {
        add_member(tx, pool, username, "admins")?;
    }
    if i % 40 == 1 {
        add_member(tx, pool, username, "support")?;
    }
    if i % 60 == 2 {
        add_member(tx, pool, username, "billing")?;
    }
    if i.is_multiple_of(9) {
        add_member(tx, pool, username, "beta-testers")?;
    }
    Ok(())
}

/// The production pool's web app (authorization code flow through managed login, both demo
/// identity providers) and backend (client credentials for the demo API's scopes), and a
/// staging web client left at AWS's defaults. Written after the pool configuration they name.
fn clients(tx: &Connection, rng: &mut Rng) -> LocalResult<()> {
    let secret: String = (0..51)
        .map(|_| char::from(b"abcdefghijklmnopqrstuvwxyz0123456789"[rng.usize(..36)]))
        .collect();
    let api = super::seed_config::RESOURCE_SERVER;
    let web = json!({
        "ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        "AllowedOAuthFlowsUserPoolClient": true,
        "AllowedOAuthFlows": ["code"],
        "AllowedOAuthScopes": ["openid", "email", "profile"],
        "CallbackURLs": ["https://app.acme.example/auth/callback", "http://localhost:3000/auth/callback"],
        "LogoutURLs": ["https://app.acme.example/signed-out"],
        "DefaultRedirectURI": "https://app.acme.example/auth/callback",
        "SupportedIdentityProviders": [
            "COGNITO", super::seed_config::SAML_PROVIDER, super::seed_config::OIDC_PROVIDER
        ],
        "AccessTokenValidity": 60,
        "IdTokenValidity": 60,
        "RefreshTokenValidity": 30,
        "TokenValidityUnits": {"AccessToken": "minutes", "IdToken": "minutes", "RefreshToken": "days"},
        "PreventUserExistenceErrors": "ENABLED",
        "EnableTokenRevocation": true
    });
    let backend = json!({
        "ExplicitAuthFlows": ["ALLOW_REFRESH_TOKEN_AUTH"],
        "AllowedOAuthFlowsUserPoolClient": true,
        "AllowedOAuthFlows": ["client_credentials"],
        "AllowedOAuthScopes": [format!("{api}/read"), format!("{api}/write")],
        "AccessTokenValidity": 1,
        "TokenValidityUnits": {"AccessToken": "hours"},
        "PreventUserExistenceErrors": "ENABLED"
    });
    let staging = json!({});
    let rows = [
        (PRODUCTION_POOL, "acme-web", None, &web),
        (
            PRODUCTION_POOL,
            "acme-backend",
            Some(secret.as_str()),
            &backend,
        ),
        (STAGING_POOL, "acme-staging-web", None, &staging),
    ];
    for (pool, name, secret, spec) in rows {
        let id = ids::client_id(rng);
        insert_client(
            tx,
            &NewClient {
                pool,
                id: &id,
                name,
                secret,
                spec,
                at: BASE_TIME,
            },
        )?;
    }
    Ok(())
}

pub(super) fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::local::store::StateLocation;

    #[test]
    fn demo_seed_is_deterministic_and_only_seeds_once() {
        let subs = || {
            let store = Store::open(&StateLocation::Memory).unwrap();
            apply_if_empty(&store, Seed::Demo).unwrap();
            apply_if_empty(&store, Seed::Demo).unwrap();
            store
                .read(|c| {
                    let n: i64 = c.cached_row("SELECT count(*) FROM users", [], |r| r.get(0))?;
                    let sub: String = c.cached_row(
                        "SELECT sub FROM users ORDER BY pool_id, username LIMIT 1",
                        [],
                        |r| r.get(0),
                    )?;
                    Ok((n, sub))
                })
                .unwrap()
        };
        let (n, sub) = subs();
        assert_eq!(n, i64::try_from(PRODUCTION_USERS + STAGING_USERS).unwrap());
        assert_eq!(subs().1, sub);
    }

    #[test]
    fn the_demo_clients_are_a_web_app_and_a_backend_and_pass_aws_checks() {
        let store = Store::open(&StateLocation::Memory).unwrap();
        apply_if_empty(&store, Seed::Demo).unwrap();
        let call = |operation: &str, input: serde_json::Value| {
            crate::local::ops::testing::call(&store, operation, input).unwrap()
        };
        let listed = call(
            "ListUserPoolClients",
            json!({"UserPoolId": PRODUCTION_POOL, "MaxResults": 10}),
        );
        let describe = |i: usize| {
            let id = listed["UserPoolClients"][i]["ClientId"].clone();
            call(
                "DescribeUserPoolClient",
                json!({"UserPoolId": PRODUCTION_POOL, "ClientId": id}),
            )["UserPoolClient"]
                .clone()
        };
        let (a, b) = (describe(0), describe(1));
        let (web, backend) = if a["ClientName"] == "acme-web" {
            (a, b)
        } else {
            (b, a)
        };
        assert_eq!(web["AllowedOAuthFlows"], json!(["code"]));
        assert_eq!(
            web["SupportedIdentityProviders"],
            json!(["COGNITO", "AcmeOkta", "GoogleWorkspace"])
        );
        assert_eq!(
            web["AllowedOAuthScopes"],
            json!(["openid", "email", "profile"])
        );
        assert!(web.get("ClientSecret").is_none());
        assert_eq!(backend["AllowedOAuthFlows"], json!(["client_credentials"]));
        assert!(backend["ClientSecret"].is_string());
        // Each sent back as described passes every check CreateUserPoolClient applies.
        for client in [web, backend] {
            call("UpdateUserPoolClient", client);
        }
    }
}
