//! `--pool` and app clients by id or by name, for every id the service model allows, not only
//! AWS-shaped ones: against the built-in local server in region `local` (whose pool ids look like
//! `local_AbC123xyZ`, as other emulators issue them), and against moto.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod cli_support;
mod common;

use cli_support::{Run, app_client, call, cli, ok_json, one_line_failure, run_args, run_env};
use cognito_tui::cognito::{CognitoClient, PoolId};
use cognito_tui::local::{LocalServer, Seed, StateLocation};
use serde_json::{Value, json};

const REGION: &str = "local";
const MASK: &str = "********";

/// A local server with nothing in it, and a client signing for region `local`.
async fn local() -> (LocalServer, CognitoClient) {
    let server = LocalServer::start(&StateLocation::Memory, Seed::Empty, 0)
        .await
        .unwrap();
    let client = common::client_in(&server.url(), "local", "local", REGION).await;
    (server, client)
}

async fn pool_named(client: &CognitoClient, name: &str) -> PoolId {
    let created = call(client, "CreateUserPool", json!({"PoolName": name})).await;
    PoolId::new(created["UserPool"]["Id"].as_str().unwrap())
}

/// The binary against the local server: `line` split on whitespace, then the global flags.
async fn on(server: &LocalServer, line: &str) -> Run {
    run_args(args(server, line), "").await
}

fn args(server: &LocalServer, line: &str) -> Vec<String> {
    let mut args: Vec<String> = line.split_whitespace().map(str::to_owned).collect();
    args.extend(["--region", REGION, "--endpoint-url", &server.url()].map(str::to_owned));
    args
}

/// The one line a failed run printed.
async fn refused(server: &LocalServer, line: &str) -> String {
    one_line_failure(&on(server, line).await).to_owned()
}

fn json_of(run: &Run) -> Value {
    assert_eq!(run.code, 0, "{run:?}");
    serde_json::from_str(&run.stdout).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_pool_id_not_shaped_like_aws_ones_is_found_by_id_in_one_call() {
    let (server, client) = local().await;
    let pool = pool_named(&client, "emulated").await;
    assert!(pool.as_str().starts_with("local_"), "{pool}");
    pool_named(&client, "another").await;

    let described = call(&client, "DescribeUserPool", json!({"UserPoolId": pool})).await;
    let line = format!("pools describe {pool} --output json");
    assert_eq!(json_of(&on(&server, &line).await), described);

    // DescribeUserPool confirms the id: the pools are not listed.
    let logs = tempfile::tempdir().unwrap();
    let dir = logs.path().display().to_string();
    let line = format!("users list --pool {pool} --output json");
    let env = [("COGNITO_TUI_LOG", "debug"), ("COGNITO_TUI_LOG_DIR", &dir)];
    let run = run_env(args(&server, &line), "", &env).await;
    assert_eq!(json_of(&run), json!([]));
    let log = std::fs::read_to_string(logs.path().join("cognito-tui.log")).unwrap();
    assert!(log.contains("DescribeUserPool"), "{log}");
    assert!(!log.contains("ListUserPools"), "{log}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_name_shaped_like_an_id_is_found_by_name_and_a_miss_says_what_was_tried() {
    let (server, client) = local().await;
    let pool = pool_named(&client, "team_alpha").await;
    let line = "pools describe team_alpha --output json";
    assert_eq!(
        json_of(&on(&server, line).await)["UserPool"]["Id"],
        pool.as_str()
    );

    let line = refused(&server, "groups list --pool local_Nope123").await;
    assert!(
        line.contains("no user pool has the id or the name \"local_Nope123\""),
        "{line}"
    );
    // Text no id can have is only ever a name.
    let line = refused(&server, "groups list --pool no-such-pool").await;
    assert!(
        line.contains("no user pool is named \"no-such-pool\""),
        "{line}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn clients_describe_takes_an_id_or_a_name_and_an_ambiguous_name_lists_the_ids() {
    let (server, client) = local().await;
    let pool = pool_named(&client, "apps").await;
    let mobile = app_client(&client, &pool, "mobile", true).await;
    let spaced = app_client(&client, &pool, "Back office", false).await;
    let twins = [
        app_client(&client, &pool, "web", false).await,
        app_client(&client, &pool, "web", false).await,
    ];

    let id = mobile["ClientId"].as_str().unwrap();
    let by_id = json_of(
        &on(
            &server,
            &format!("clients describe --pool {pool} {id} --output json"),
        )
        .await,
    );
    // The pool by name too.
    let by_name = on(&server, "clients describe --pool apps mobile --output json").await;
    assert_eq!(json_of(&by_name), by_id);
    assert_eq!(by_id["UserPoolClient"]["ClientSecret"], MASK, "{by_id}");

    let mut spaced_args = args(
        &server,
        &format!("clients describe --pool {pool} --output json"),
    );
    spaced_args.push("Back office".to_owned());
    let run = run_args(spaced_args, "").await;
    assert_eq!(
        json_of(&run)["UserPoolClient"]["ClientId"],
        spaced["ClientId"]
    );

    let line = refused(&server, &format!("clients describe --pool {pool} web")).await;
    assert!(line.contains("2 app clients are named \"web\""), "{line}");
    for twin in &twins {
        let id = twin["ClientId"].as_str().unwrap();
        assert!(line.contains(id), "{line}");
    }

    let line = refused(
        &server,
        &format!("clients describe --pool {pool} nosuchapp"),
    )
    .await;
    assert!(
        line.contains("no app client has the id or the name \"nosuchapp\""),
        "{line}"
    );
}

/// moto issues AWS-shaped ids; names with an underscore are valid ids by the model's pattern,
/// so DescribeUserPool is asked first, then the names.
#[tokio::test(flavor = "multi_thread")]
async fn on_moto_pools_and_clients_are_found_by_name() {
    let client = common::moto().await;
    let name = format!("{}_pool", common::unique("cli-names"));
    let created = call(&client, "CreateUserPool", json!({"PoolName": name})).await;
    let pool = created["UserPool"]["Id"].as_str().unwrap().to_owned();
    let app = app_client(&client, &PoolId::new(&pool), "console_app", false).await;

    let by_name = ok_json(&format!(
        "clients describe --pool {name} console_app --output json"
    ))
    .await;
    assert_eq!(by_name["UserPoolClient"]["ClientId"], app["ClientId"]);
    assert_eq!(by_name["UserPoolClient"]["UserPoolId"], pool.as_str());
    let run = cli(&format!("clients describe --pool {pool} no_such_app"), "").await;
    let line = one_line_failure(&run);
    assert!(
        line.contains("no app client has the id or the name"),
        "{line}"
    );
}
