//! Shared by the integration tests: the moto servers the test command started, clients for them,
//! and fixtures. Tests that need a server fail loudly when it is missing; they never skip.
#![allow(
    dead_code,
    clippy::missing_panics_doc,
    clippy::unwrap_used,
    clippy::expect_used
)]

pub mod backend;
pub mod fault;
pub mod listing;
pub mod plain_http;
pub mod proxy;
pub mod tls;

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use aws_credential_types::Credentials;
use cognito_tui::aws::RetryPolicy;
use cognito_tui::cognito::types::AttributeType;
use cognito_tui::cognito::types::Secret;
use cognito_tui::cognito::user_admin::AdminCreateUserRequest;
use cognito_tui::cognito::{ClientSettings, CognitoClient, PoolId, Username};

pub const REGION: &str = "us-east-1";
/// Meets moto's default password policy (length 8, upper, lower, digit, symbol).
pub const PASSWORD: &str = "Passw0rd!Tmp";

fn required_env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!(
            "{name} is not set: run the tests with scripts/test.sh, which installs and starts moto"
        )
    })
}

/// The plain moto server (no signature checking).
pub fn moto_url() -> String {
    required_env("COGNITO_TUI_TEST_MOTO")
}

/// The moto server with signature checking on, and the one IAM key it accepts.
pub fn moto_auth() -> (String, String, String) {
    (
        required_env("COGNITO_TUI_TEST_MOTO_AUTH"),
        required_env("COGNITO_TUI_TEST_AUTH_KEY_ID"),
        required_env("COGNITO_TUI_TEST_AUTH_SECRET"),
    )
}

/// Retries fast enough for tests.
pub fn fast_retry(max_attempts: u32) -> RetryPolicy {
    RetryPolicy {
        max_attempts,
        base_delay: Duration::from_millis(10),
        max_delay: Duration::from_millis(50),
        throttle_patience: Duration::from_millis(400),
    }
}

pub async fn client_for(url: &str, key: &str, secret: &str) -> CognitoClient {
    client_in(url, key, secret, REGION).await
}

/// A client that signs for `region` (the server reads the caller's region from the signature).
pub async fn client_in(url: &str, key: &str, secret: &str, region: &str) -> CognitoClient {
    let settings = ClientSettings {
        region: Some(region.to_owned()),
        endpoint_url: Some(url.to_owned()),
        credentials: Some(Credentials::new(key, secret, None, None, "test")),
        retry: Some(fast_retry(3)),
        ..ClientSettings::default()
    };
    CognitoClient::connect(&settings)
        .await
        .expect("client connects")
}

/// A client for the plain moto server.
pub async fn moto() -> CognitoClient {
    client_for(&moto_url(), "testing", "testing").await
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// A name no other test (or earlier run against the same server) uses.
pub fn unique(prefix: &str) -> String {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    format!("{prefix}-{}-{n}-{nanos}", std::process::id())
}

/// A new pool with `custom:tenant` and `custom:plan`, for one test.
pub async fn create_pool(client: &CognitoClient, prefix: &str) -> PoolId {
    let name = unique(prefix);
    let response = client
        .call_json(
            "CreateUserPool",
            &serde_json::json!({
                "PoolName": name,
                "Schema": [
                    {"Name": "tenant", "AttributeDataType": "String", "Mutable": true},
                    {"Name": "plan", "AttributeDataType": "String", "Mutable": true}
                ]
            }),
        )
        .await
        .expect("CreateUserPool");
    PoolId::new(response["UserPool"]["Id"].as_str().expect("pool id"))
}

/// Creates a user with a temporary password (moto stores none without one) and no invitation.
pub async fn create_user(
    client: &CognitoClient,
    pool: &PoolId,
    username: &str,
    attributes: &[(&str, &str)],
) {
    let request = AdminCreateUserRequest {
        user_pool_id: pool.clone(),
        username: Username::new(username),
        user_attributes: attributes
            .iter()
            .map(|(k, v)| AttributeType::new(*k, *v))
            .collect(),
        temporary_password: Some(Secret::new(PASSWORD)),
        message_action: Some("SUPPRESS".to_owned()),
        ..AdminCreateUserRequest::default()
    };
    client
        .admin_create_user(&request)
        .await
        .expect("AdminCreateUser");
}

/// The real binary with its data, settings and log in `data`, and no AWS settings from the
/// environment: for `--local` commands.
pub fn local_cli(data: &std::path::Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("cognito-tui").unwrap();
    cmd.env("XDG_DATA_HOME", data)
        .env("XDG_CONFIG_HOME", data.join("config"))
        .env("COGNITO_TUI_LOG_DIR", data)
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env_remove("AWS_PROFILE")
        .env_remove("AWS_ENDPOINT_URL")
        .env_remove("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER");
    cmd
}
