//! `users update-attributes`, `delete-attributes`, `link-provider` and `unlink-provider` of the real
//! binary: each change checked with a fresh read, journaled, refused under --read-only; --dry-run
//! shows current → new and sends nothing. On moto and on the built-in local server.
#![allow(clippy::unwrap_used)]
mod cli_support;
mod common;

use cli_support::{
    Run, cli, cli_env, field, get_user, ok, ok_json, one_line_failure, run_args, run_env,
};
use cognito_tui::cognito::{CognitoClient, PoolId};
use cognito_tui::local::{LocalServer, Seed, StateLocation};
use serde_json::{Value, json};

/// A user's attributes as AdminGetUser returns them, by name.
async fn attributes(client: &CognitoClient, pool: &PoolId, user: &str) -> Value {
    let got = get_user(client, pool, user).await;
    let pairs = got["UserAttributes"].as_array().unwrap().iter();
    pairs
        .map(|a| (a["Name"].as_str().unwrap().to_owned(), a["Value"].clone()))
        .collect::<serde_json::Map<_, _>>()
        .into()
}

async fn pool_with_ann(client: &CognitoClient, prefix: &str) -> PoolId {
    let pool = common::create_pool(client, prefix).await;
    let attrs = [("email", "ann@example.com"), ("custom:tenant", "t1")];
    common::create_user(client, &pool, "ann", &attrs).await;
    pool
}

/// The journal's `[operation, target, result]` lines.
fn journal(dir: &std::path::Path) -> Vec<[String; 3]> {
    let text = std::fs::read_to_string(dir.join("journal.jsonl")).unwrap_or_default();
    text.lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .map(|e| ["operation", "target", "result"].map(|k| e[k].as_str().unwrap().to_owned()))
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn update_and_delete_attributes_show_in_a_fresh_get_and_the_journal() {
    let client = common::moto().await;
    let pool = pool_with_ann(&client, "attrs").await;
    let dir = tempfile::tempdir().unwrap();
    let env = [("COGNITO_TUI_DATA_DIR", dir.path().to_str().unwrap())];

    let line = format!(
        "users update-attributes --pool {pool} ann email=ann@new.example email_verified=true \
         custom:plan=a=b=c"
    );
    let run = cli_env(&line, "", &env).await;
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stdout,
        "ann: attributes updated: email, email_verified, custom:plan\n"
    );
    let got = ok(&format!("users get --pool {pool} ann")).await;
    assert_eq!(field(&got, "email"), "ann@new.example", "{got}");
    assert_eq!(field(&got, "email_verified"), "true", "{got}");
    // Everything after the first `=` is the value.
    assert_eq!(field(&got, "custom:plan"), "a=b=c", "{got}");

    let line = format!("users delete-attributes --pool {pool} ann custom:tenant custom:plan");
    let run = cli_env(&format!("{line} --output json"), "", &env).await;
    assert_eq!(run.code, 0, "{run:?}");
    let done: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(done["Operation"], "AdminDeleteUserAttributes");
    assert_eq!(
        done["Result"],
        "attributes deleted: custom:tenant, custom:plan"
    );
    let now = attributes(&client, &pool, "ann").await;
    assert_eq!(now.get("custom:tenant"), None, "{now}");
    assert_eq!(now.get("custom:plan"), None, "{now}");
    assert_eq!(now["email"], "ann@new.example");

    let ok = |operation: &str| [operation.to_owned(), "ann".to_owned(), "ok".to_owned()];
    assert_eq!(
        journal(dir.path()),
        [
            ok("AdminUpdateUserAttributes"),
            ok("AdminDeleteUserAttributes")
        ]
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn dry_run_shows_current_and_new_values_and_changes_nothing() {
    let client = common::moto().await;
    let pool = pool_with_ann(&client, "attrs-dry").await;
    let before = attributes(&client, &pool, "ann").await;

    let line = format!(
        "users update-attributes --pool {pool} ann email=ann@new.example custom:plan=gold --dry-run"
    );
    let run = cli(&line, "").await;
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stdout,
        "email: ann@example.com → ann@new.example\ncustom:plan: (not set) → gold\n"
    );
    assert!(
        run.stderr.contains(&format!(
            "dry run: 2 attributes of ann in {pool}; nothing was sent"
        )),
        "{run:?}"
    );

    // A plan only reads, so --read-only allows it.
    let line = format!(
        "users delete-attributes --pool {pool} ann custom:tenant --dry-run --read-only --output json"
    );
    let plan = ok_json(&line).await;
    assert_eq!(
        plan["Plan"],
        json!([{"Name": "custom:tenant", "Current": "t1", "New": null}])
    );
    assert_eq!(plan["Username"], "ann");

    assert_eq!(attributes(&client, &pool, "ann").await, before);
}

#[tokio::test(flavor = "multi_thread")]
async fn read_only_refuses_every_attribute_and_link_change() {
    let client = common::moto().await;
    let pool = pool_with_ann(&client, "attrs-ro").await;
    let before = attributes(&client, &pool, "ann").await;
    let dir = tempfile::tempdir().unwrap();
    let env = [("COGNITO_TUI_DATA_DIR", dir.path().to_str().unwrap())];
    let identity = "--provider Google --attribute Cognito_Subject --value 1234";

    for (line, operation) in [
        (
            format!("users update-attributes --pool {pool} ann email=x@example.com"),
            "AdminUpdateUserAttributes",
        ),
        (
            format!("users delete-attributes --pool {pool} ann custom:tenant"),
            "AdminDeleteUserAttributes",
        ),
        (
            format!("users link-provider --pool {pool} ann {identity}"),
            "AdminLinkProviderForUser",
        ),
        (
            format!("users unlink-provider --pool {pool} {identity}"),
            "AdminDisableProviderForUser",
        ),
    ] {
        let run = cli_env(&format!("{line} --read-only"), "", &env).await;
        let message = one_line_failure(&run);
        assert!(message.contains("read-only mode"), "{line}: {message}");
        assert!(message.contains(operation), "{line}: {message}");
    }
    assert_eq!(attributes(&client, &pool, "ann").await, before);
    assert!(
        journal(dir.path()).is_empty(),
        "refused changes are not sent"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn wrong_arguments_are_refused_before_anything_is_sent() {
    let client = common::moto().await;
    let pool = pool_with_ann(&client, "attrs-bad").await;
    let before = attributes(&client, &pool, "ann").await;
    for (args, says) in [
        ("ann email=ann-at-example.com", "needs an @"),
        ("ann email", "expected NAME=VALUE"),
        ("ann =x", "expected NAME=VALUE"),
    ] {
        let run = cli(&format!("users update-attributes --pool {pool} {args}"), "").await;
        let message = one_line_failure(&run);
        assert!(message.contains(says), "{args}: {message}");
    }
    // Names or pairs are required: clap's usage error.
    let run = cli(&format!("users delete-attributes --pool {pool} ann"), "").await;
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(attributes(&client, &pool, "ann").await, before);
}

/// The binary against the local server: `line` split on whitespace, then the global flags.
async fn on(server: &LocalServer, line: &str) -> Run {
    let mut args: Vec<String> = line.split_whitespace().map(str::to_owned).collect();
    args.extend(["--region", "local", "--endpoint-url", &server.url()].map(str::to_owned));
    run_args(args, "").await
}

async fn local() -> (LocalServer, CognitoClient) {
    let server = LocalServer::start(&StateLocation::Memory, Seed::Empty, 0)
        .await
        .unwrap();
    let client = common::client_in(&server.url(), "local", "local", "local").await;
    (server, client)
}

#[tokio::test(flavor = "multi_thread")]
async fn update_delete_and_dry_run_on_the_local_server() {
    let (server, client) = local().await;
    let pool = pool_with_ann(&client, "attrs-local").await;

    let dry = on(
        &server,
        &format!("users update-attributes --pool {pool} ann email=ann@new.example --dry-run"),
    )
    .await;
    assert_eq!(dry.code, 0, "{dry:?}");
    assert_eq!(dry.stdout, "email: ann@example.com → ann@new.example\n");
    assert_eq!(
        attributes(&client, &pool, "ann").await["email"],
        "ann@example.com"
    );

    let line = format!(
        "users update-attributes --pool {pool} ann email=ann@new.example email_verified=true \
         custom:plan=k=v"
    );
    let run = on(&server, &line).await;
    assert_eq!(run.code, 0, "{run:?}");
    let got = on(&server, &format!("users get --pool {pool} ann")).await;
    assert_eq!(field(&got.stdout, "email"), "ann@new.example", "{got:?}");
    assert_eq!(field(&got.stdout, "email_verified"), "true", "{got:?}");
    assert_eq!(field(&got.stdout, "custom:plan"), "k=v", "{got:?}");

    let line = format!("users delete-attributes --pool {pool} ann custom:plan");
    assert_eq!(on(&server, &line).await.code, 0);
    let now = attributes(&client, &pool, "ann").await;
    assert_eq!(now.get("custom:plan"), None, "{now}");
}

/// The `identities` attribute AWS keeps of a user's links, parsed.
fn identities(attributes: &Value) -> Value {
    attributes
        .get("identities")
        .and_then(Value::as_str)
        .map_or(Value::Null, |text| serde_json::from_str(text).unwrap())
}

#[tokio::test(flavor = "multi_thread")]
async fn link_and_unlink_a_provider_identity_on_the_local_server() {
    let (server, client) = local().await;
    let pool = pool_with_ann(&client, "links-local").await;
    let details = json!({"client_id": "abc", "client_secret": "s3cret",
        "authorize_scopes": "openid email"});
    let input = json!({"UserPoolId": pool, "ProviderName": "Google", "ProviderType": "Google",
        "ProviderDetails": details, "AttributeMapping": {"email": "email"}});
    cli_support::call(&client, "CreateIdentityProvider", input).await;
    let identity = "--provider Google --attribute Cognito_Subject --value 1234";

    let run = on(
        &server,
        &format!("users link-provider --pool {pool} ann {identity}"),
    )
    .await;
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stdout,
        "ann: linked to Google identity Cognito_Subject=1234: signing in there signs in as this \
         user\n"
    );
    let linked = identities(&attributes(&client, &pool, "ann").await);
    assert_eq!(linked[0]["providerName"], "Google", "{linked}");
    assert_eq!(linked[0]["userId"], "1234", "{linked}");

    let run = on(
        &server,
        &format!("users unlink-provider --pool {pool} {identity}"),
    )
    .await;
    assert_eq!(run.code, 0, "{run:?}");
    let left = identities(&attributes(&client, &pool, "ann").await);
    assert!(
        left.as_array().is_none_or(Vec::is_empty),
        "still linked: {left}"
    );
}

/// Moto implements neither operation (AWS has both); the binary says so in one line.
#[tokio::test(flavor = "multi_thread")]
async fn moto_has_no_link_or_unlink_and_the_binary_says_so() {
    let client = common::moto().await;
    let pool = pool_with_ann(&client, "links-moto").await;
    let identity = "--provider Google --attribute Cognito_Subject --value 1234";
    for (line, operation) in [
        (
            format!("users link-provider --pool {pool} ann {identity}"),
            "AdminLinkProviderForUser",
        ),
        (
            format!("users unlink-provider --pool {pool} {identity}"),
            "AdminDisableProviderForUser",
        ),
    ] {
        let run = run_env(
            line.split_whitespace()
                .map(str::to_owned)
                .chain(cli_support::moto_flags())
                .collect(),
            "",
            &[],
        )
        .await;
        let message = one_line_failure(&run);
        let unsupported = format!("error: {operation} is not supported by this endpoint");
        assert!(message.starts_with(&unsupported), "{line}: {message}");
    }
}
