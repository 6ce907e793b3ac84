//! Failures a person must act on, said in words and not retried when retrying cannot help:
//! untrusted certificates (and the CA bundle that fixes them, as the AWS CLI reads it), names that
//! do not resolve, servers that never answer (the connect and read timeouts).
// Helpers outside #[test] functions fail a test just as well: unwrap/expect are fine here.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod cli_support;
mod common;

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use aws_credential_types::Credentials;
use cognito_tui::aws::{AwsError, Checked, Timeouts, TransportKind};
use cognito_tui::cognito::{ClientSettings, CognitoClient, PoolId, Username};
use common::fault::{Canned, serve};
use common::tls::serve_tls;

const POOLS: &str = r#"{"UserPools":[{"Id":"us-east-1_Tls1","Name":"tls-pool"}]}"#;

async fn client(url: &str, timeouts: Timeouts) -> CognitoClient {
    let settings = ClientSettings {
        region: Some(common::REGION.to_owned()),
        endpoint_url: Some(url.to_owned()),
        credentials: Some(Credentials::new("AKID", "secret", None, None, "test")),
        retry: Some(common::fast_retry(3)),
        timeouts: Some(timeouts),
        ..ClientSettings::default()
    };
    CognitoClient::connect(&settings).await.unwrap()
}

async fn describe_pool(client: &CognitoClient) -> Result<(), AwsError> {
    client
        .describe_user_pool(&PoolId::new("us-east-1_Tls1"))
        .await
        .map(drop)
}

#[tokio::test]
async fn an_untrusted_certificate_is_said_plainly_and_not_retried() {
    let server = serve_tls(Canned::json(200, POOLS)).await;
    let started = Instant::now();
    let err = describe_pool(&client(&server.url, Timeouts::CLI).await)
        .await
        .unwrap_err();
    let AwsError::Transport { kind, attempts, .. } = &err else {
        panic!("expected a transport error, got {err:?}");
    };
    assert_eq!((*kind, *attempts), (TransportKind::Tls, 1), "{err}");
    let text = err.to_string();
    assert!(text.contains("self-signed"), "{text}");
    assert!(
        text.contains("AWS_CA_BUNDLE") && text.contains("ca_bundle"),
        "{text}"
    );
    assert_eq!(server.requests.load(Ordering::SeqCst), 0);
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
}

fn pools_list(url: &str) -> Vec<String> {
    [
        "pools",
        "list",
        "--output",
        "json",
        "--region",
        "us-east-1",
        "--endpoint-url",
        url,
    ]
    .map(str::to_owned)
    .to_vec()
}

#[tokio::test]
async fn aws_ca_bundle_makes_the_certificate_trusted_as_in_the_aws_cli() {
    let server = serve_tls(Canned::json(200, POOLS)).await;
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("ca.pem");
    std::fs::write(&bundle, &server.ca_pem).unwrap();
    let bundle = bundle.display().to_string();

    let refused = cli_support::run_env(pools_list(&server.url), "", &[]).await;
    assert_eq!(refused.code, 1, "{refused:?}");
    assert!(refused.stderr.contains("AWS_CA_BUNDLE"), "{refused:?}");

    let run =
        cli_support::run_env(pools_list(&server.url), "", &[("AWS_CA_BUNDLE", &bundle)]).await;
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("tls-pool"), "{run:?}");
}

#[tokio::test]
async fn a_profiles_ca_bundle_is_honoured_too() {
    let server = serve_tls(Canned::json(200, POOLS)).await;
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("ca.pem");
    std::fs::write(&bundle, &server.ca_pem).unwrap();
    let config = dir.path().join("config");
    let text = format!(
        "[profile tls]\nregion = us-east-1\nca_bundle = {}\n",
        bundle.display()
    );
    std::fs::write(&config, text).unwrap();
    let credentials = dir.path().join("credentials");
    std::fs::write(
        &credentials,
        "[tls]\naws_access_key_id = AKID\naws_secret_access_key = secret\n",
    )
    .unwrap();
    let mut args = pools_list(&server.url);
    args.extend(["--profile".to_owned(), "tls".to_owned()]);
    let run = cli_support::run_env(
        args,
        "",
        &[
            ("AWS_CONFIG_FILE", &config.display().to_string()),
            (
                "AWS_SHARED_CREDENTIALS_FILE",
                &credentials.display().to_string(),
            ),
        ],
    )
    .await;
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("tls-pool"), "{run:?}");
}

#[tokio::test]
async fn an_unreadable_ca_bundle_is_named() {
    let mut args = pools_list("https://127.0.0.1:9/");
    args.truncate(4);
    args.extend([
        "--region".into(),
        "us-east-1".into(),
        "--endpoint-url".into(),
        "https://127.0.0.1:9/".into(),
    ]);
    let run = cli_support::run_env(args, "", &[("AWS_CA_BUNDLE", "/nonexistent/ca.pem")]).await;
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("/nonexistent/ca.pem"), "{run:?}");
}

#[tokio::test]
async fn a_name_that_does_not_resolve_is_no_such_host_at_once() {
    // `.invalid` never resolves (RFC 6761).
    let started = Instant::now();
    let err = describe_pool(&client("https://cognito-idp.nowhere.invalid/", Timeouts::CLI).await)
        .await
        .unwrap_err();
    let AwsError::Transport { kind, attempts, .. } = &err else {
        panic!("expected a transport error, got {err:?}");
    };
    assert_eq!((*kind, *attempts), (TransportKind::Dns, 1), "{err}");
    assert!(
        err.to_string()
            .starts_with("no such host: cognito-idp.nowhere.invalid does not resolve"),
        "{err}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_server_that_never_answers_times_out_on_the_read_timeout() {
    let server = serve(vec![Canned::Silent]).await;
    let timeouts = Timeouts {
        connect: Some(Duration::from_secs(5)),
        read: Some(Duration::from_millis(300)),
    };
    let client = client(&server.url, timeouts).await;
    let err = describe_pool(&client).await.unwrap_err();
    let AwsError::Transport { kind, attempts, .. } = &err else {
        panic!("expected a transport error, got {err:?}");
    };
    assert_eq!((*kind, *attempts), (TransportKind::Timeout, 3), "{err}");
    assert!(
        err.to_string()
            .contains("nothing arrived within 0.3 s (--read-timeout)"),
        "{err}"
    );

    // A change that timed out may have been applied: never resent, said so.
    let err = client
        .admin_disable_user(&PoolId::new("us-east-1_Tls1"), &Username::new("ann"))
        .await
        .unwrap_err();
    let AwsError::OutcomeUnknown { checked, .. } = &err else {
        panic!("expected an unknown outcome, got {err:?}");
    };
    // The fresh read timed out as well: nobody can tell.
    assert_eq!(*checked, Checked::Unknown);
    let disables = server
        .operations()
        .iter()
        .filter(|op| *op == "AdminDisableUser")
        .count();
    assert_eq!(disables, 1);
}

#[tokio::test]
async fn the_read_timeout_is_a_flag_and_fails_a_dead_server_in_seconds() {
    let server = serve(vec![Canned::Silent]).await;
    let mut args = pools_list(&server.url);
    args.extend(["--read-timeout".to_owned(), "0.5".to_owned()]);
    let started = Instant::now();
    let run = cli_support::run_env(args, "", &[("AWS_MAX_ATTEMPTS", "2")]).await;
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("--read-timeout"), "{run:?}");
    assert!(run.stderr.contains("(2 attempts)"), "{run:?}");
    assert!(!run.stderr.contains("could not reach"), "{run:?}");
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_timeout_that_is_not_a_number_of_seconds_is_refused() {
    let mut args = pools_list("http://127.0.0.1:9/");
    args.push("--connect-timeout=-1".to_owned());
    let run = cli_support::run_env(args, "", &[]).await;
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("connect timeout"), "{run:?}");
}
