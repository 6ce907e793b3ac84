//! `pools describe`, `clients describe` and `idps describe` show their dates readable in tables
//! (`2023-11-14 22:13:20Z`, UTC), while JSON keeps the epoch seconds the service sent: on moto and
//! on the built-in local server.
#![allow(clippy::unwrap_used)]
mod cli_support;
mod common;

use cli_support::{app_client, call, field, run_args};
use cognito_tui::cognito::CognitoClient;
use cognito_tui::cognito::types::EpochSeconds;
use cognito_tui::local::{LocalServer, Seed, StateLocation};
use serde_json::{Value, json};

const DATES: [&str; 2] = ["CreationDate", "LastModifiedDate"];

/// `YYYY-MM-DD HH:MM:SSZ`, digits where digits go.
fn readable(text: &str) -> bool {
    let shape = "dddd-dd-dd dd:dd:ddZ";
    text.len() == shape.len()
        && text.chars().zip(shape.chars()).all(|(c, s)| match s {
            'd' => c.is_ascii_digit(),
            s => c == s,
        })
}

/// Runs `line` with `flags` pointing at the server; its stdout, which must be a success.
async fn stdout(flags: &[String], line: &str) -> String {
    let mut args: Vec<String> = line.split_whitespace().map(str::to_owned).collect();
    args.extend(flags.iter().cloned());
    let run = run_args(args, "").await;
    assert_eq!(run.code, 0, "`{line}`: {run:?}");
    run.stdout
}

/// A pool, an app client and an identity provider; each described as a table and as JSON.
/// `client_dates`: whether the server dates app clients (AWS does).
async fn describes_show_readable_dates(
    client: &CognitoClient,
    flags: &[String],
    client_dates: bool,
) {
    let pool = common::create_pool(client, "cli-dates").await;
    let app = app_client(client, &pool, "dates", false).await;
    let app = app["ClientId"].as_str().unwrap();
    let details = json!({"client_id": "abc123", "client_secret": "oidc-secret-1",
        "authorize_scopes": "openid email", "oidc_issuer": "https://issuer.example.com",
        "attributes_request_method": "GET"});
    let input = json!({"UserPoolId": pool, "ProviderName": "Corp", "ProviderType": "OIDC",
        "ProviderDetails": details, "AttributeMapping": {"email": "email"}});
    call(client, "CreateIdentityProvider", input).await;

    let described = [
        (
            format!("pools describe {pool}"),
            "DescribeUserPool",
            json!({"UserPoolId": pool}),
            "UserPool",
        ),
        (
            format!("clients describe --pool {pool} {app}"),
            "DescribeUserPoolClient",
            json!({"UserPoolId": pool, "ClientId": app}),
            "UserPoolClient",
        ),
        (
            format!("idps describe --pool {pool} Corp"),
            "DescribeIdentityProvider",
            json!({"UserPoolId": pool, "ProviderName": "Corp"}),
            "IdentityProvider",
        ),
    ];
    for (line, operation, input, member) in described {
        let raw = call(client, operation, input).await[member].take();
        if member == "UserPoolClient" && !client_dates {
            assert_eq!(
                raw.get("CreationDate"),
                None,
                "moto dates its clients now: {raw}"
            );
            continue;
        }
        let shown = stdout(flags, &format!("{line} --output json")).await;
        let shown: Value = serde_json::from_str(&shown).unwrap();
        let table = stdout(flags, &line).await;
        for key in DATES {
            let seconds = raw[key].as_f64().unwrap_or_else(|| panic!("{key}: {raw}"));
            assert_eq!(shown[member][key], raw[key], "{line} --output json: {key}");
            let date = field(&table, key);
            assert!(readable(date), "{line}: {key} {date:?}\n{table}");
            assert_eq!(date, EpochSeconds(seconds).to_utc_string(), "{line}");
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn describe_dates_are_readable_in_tables_and_as_sent_in_json_on_moto_whose_clients_have_none()
{
    let client = common::moto().await;
    describes_show_readable_dates(&client, &cli_support::moto_flags(), false).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn describe_dates_are_readable_in_tables_and_as_sent_in_json_on_the_local_server() {
    let server = LocalServer::start(&StateLocation::Memory, Seed::Empty, 0)
        .await
        .unwrap();
    let client = common::client_in(&server.url(), "local", "local", "local").await;
    let flags = ["--region", "local", "--endpoint-url", &server.url()].map(str::to_owned);
    describes_show_readable_dates(&client, &flags, true).await;
}

#[test]
fn the_shape_check_tells_a_date_from_epoch_seconds() {
    assert!(readable("2023-11-14 22:13:20Z"));
    assert!(!readable("1700000000.0"));
    assert!(!readable("2023-11-14T22:13:20Z"));
}
