//! `users find`: a person looked for in every pool, on moto and the local server (two pools, the
//! person in the second; nobody; an email typed with capitals), and on a scripted server for a
//! pool the caller may not read, which neither real server can refuse on demand.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod cli_support;
mod common;

use cli_support::on_server::Bin;
use cli_support::{pool_name, run_args, run_env};
use common::backend::Backend;
use common::fault::{Canned, serve_with};
use serde_json::Value;

/// A lower-case email no other test (or earlier run on the same moto) has.
fn email(prefix: &str) -> String {
    format!("{}@example.com", common::unique(prefix))
}

async fn the_person_in_the_second_pool_is_found_with_its_pool_name(backend: Backend) {
    let server = backend.start().await;
    let client = server.client().await;
    let first = common::create_pool(&client, "find-a").await;
    let second = common::create_pool(&client, "find-b").await;
    let ann = email("ann");
    common::create_user(&client, &first, "bob", &[("email", &email("bob"))]).await;
    common::create_user(&client, &second, "ann", &[("email", &ann)]).await;
    let bin = Bin::new(&server);

    let report: Value =
        serde_json::from_str(&bin.ok(&format!("--output json users find {ann}")).await).unwrap();
    let hits = report["Hits"].as_array().unwrap();
    assert_eq!(hits.len(), 1, "{report:#}");
    assert_eq!(hits[0]["UserPoolId"], second.as_str());
    assert_eq!(
        hits[0]["PoolName"],
        pool_name(&client, &second).await.as_str()
    );
    assert_eq!(hits[0]["Username"], "ann");
    assert_eq!(hits[0]["Email"], ann.as_str());
    assert_eq!(hits[0]["Enabled"], true);
    assert_eq!(hits[0]["Region"], common::REGION);
    assert_eq!(report["Needle"]["Kind"], "Email");
    assert_eq!(report["Searched"], report["Pools"]);
    assert!(report["Failures"].as_array().unwrap().is_empty());

    let run = bin.line(&format!("users find {ann}")).await;
    assert_eq!(run.code, 0, "{run:?}");
    let table: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(table.len(), 2, "{run:?}");
    assert!(table[0].starts_with("PROFILE"), "{run:?}");
    for cell in [second.as_str(), "ann", "FORCE_CHANGE_PASSWORD", &ann] {
        assert!(table[1].contains(cell), "{cell} in {run:?}");
    }
    let pools = report["Pools"].as_u64().unwrap();
    assert!(pools >= 2);
    assert_eq!(
        run.stderr.trim_end(),
        format!("searched {pools} of {pools} pools; 0 failed")
    );

    // The same by username, and only in the pool named.
    let run = bin.line(&format!("users find ann --pool {first}")).await;
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.is_empty(),
        "ann is not in the first pool: {run:?}"
    );
    assert!(
        run.stderr
            .contains(r#"no user matches username = "ann" in 1 pool"#),
        "{run:?}"
    );
    let run = bin.line(&format!("users find ann --pool {second}")).await;
    assert!(run.stdout.contains(second.as_str()), "{run:?}");
}

async fn nobody_matching_is_said_in_so_many_words(backend: Backend) {
    let server = backend.start().await;
    let client = server.client().await;
    common::create_pool(&client, "find-none").await;
    let bin = Bin::new(&server);
    let nobody = email("nobody");
    let run = bin.line(&format!("users find {nobody} --all-pools")).await;
    assert_eq!(
        run.code, 0,
        "nobody found is an answer, not a failure: {run:?}"
    );
    assert!(run.stdout.is_empty(), "{run:?}");
    assert!(
        run.stderr.contains(&format!(
            r#"no user matches email = "{nobody}" nor username = "{nobody}" in "#
        )),
        "{run:?}"
    );
    let report: Value =
        serde_json::from_str(&bin.ok(&format!("users find {nobody} --output json")).await).unwrap();
    assert_eq!(report["Hits"], serde_json::json!([]));
    assert_eq!(
        report["Lowercase"],
        Value::Null,
        "it had no capitals to lower"
    );
}

async fn an_email_typed_with_capitals_is_tried_in_lower_case(backend: Backend) {
    let server = backend.start().await;
    let client = server.client().await;
    let pool = common::create_pool(&client, "find-case").await;
    let ann = email("ann");
    common::create_user(&client, &pool, "ann", &[("email", &ann)]).await;
    let typed = ann.replacen('a', "A", 1).replace("example", "Example");
    let bin = Bin::new(&server);

    let run = bin.line(&format!("users find {typed}")).await;
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains(pool.as_str()), "{run:?}");
    assert!(
        run.stderr.contains(&format!(
            "{typed:?} found nobody as typed (ListUsers compares emails exactly); found as {ann:?}"
        )),
        "{run:?}"
    );
    let report: Value =
        serde_json::from_str(&bin.ok(&format!("users find {typed} --output json")).await).unwrap();
    assert_eq!(report["Lowercase"], ann.as_str());
    assert_eq!(report["Hits"][0]["ByLowercase"], true);
}

/// A pool that takes the address itself as the username, with no `email` attribute: the
/// email finds nobody as an attribute, and is then found as the username.
async fn an_email_that_is_only_a_username_is_found_as_one(backend: Backend) {
    let server = backend.start().await;
    let client = server.client().await;
    let pool = common::create_pool(&client, "find-name").await;
    let address = email("bob");
    common::create_user(&client, &pool, &address, &[]).await;
    let bin = Bin::new(&server);
    let run = bin.line(&format!("users find {address}")).await;
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains(&address), "{run:?}");
    assert!(
        run.stderr.contains(&format!(
            "no user has {address:?} as their email; found as a username"
        )),
        "{run:?}"
    );
    let report: Value =
        serde_json::from_str(&bin.ok(&format!("users find {address} --output json")).await)
            .unwrap();
    assert_eq!(report["Hits"][0]["ByUsername"], true);
    assert_eq!(report["Hits"][0]["Username"], address.as_str());
}

on_both!("current_thread":
    the_person_in_the_second_pool_is_found_with_its_pool_name,
    nobody_matching_is_said_in_so_many_words,
    an_email_typed_with_capitals_is_tried_in_lower_case,
    an_email_that_is_only_a_username_is_found_as_one,
);

/// Two pools listed; ListUsers answers for one and AccessDeniedException for the other. The hit
/// is printed, the pool that failed is a line on stderr, and the exit status is 1.
#[tokio::test]
async fn a_pool_that_refuses_is_a_failure_line_and_the_exit_status_says_so() {
    let server = serve_with(|request| match request.operation() {
        "ListUserPools" => Canned::json(
            200,
            r#"{"UserPools":[{"Id":"us-east-1_Open","Name":"open"},{"Id":"us-east-1_Shut","Name":"shut"}]}"#,
        ),
        "ListUsers" if request.body.contains("us-east-1_Shut") => Canned::json(
            400,
            r#"{"__type":"AccessDeniedException","message":"not allowed"}"#,
        ),
        _ => Canned::json(
            200,
            r#"{"Users":[{"Username":"ann","Enabled":true,"UserStatus":"CONFIRMED",
                "Attributes":[{"Name":"email","Value":"ann@example.com"}]}]}"#,
        ),
    })
    .await;
    let args = |extra: &[&str]| {
        let mut all: Vec<String> = ["users", "find", "ann@example.com"]
            .into_iter()
            .chain(extra.iter().copied())
            .map(str::to_owned)
            .collect();
        all.extend(["--region", "us-east-1", "--endpoint-url", &server.url].map(str::to_owned));
        all
    };
    let run = run_args(args(&[]), "").await;
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains("us-east-1_Open"), "{run:?}");
    assert!(!run.stdout.contains("us-east-1_Shut"), "{run:?}");
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{run:?}");
    assert!(
        lines[0]
            .starts_with("failed: us-east-1, pool shut (us-east-1_Shut): AccessDeniedException"),
        "{run:?}"
    );
    assert_eq!(lines[1], "searched 1 of 2 pools; 1 failed");

    let run = run_args(args(&["--output", "json"]), "").await;
    assert_eq!(run.code, 1, "{run:?}");
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["Failures"][0]["Code"], "AccessDeniedException");
    assert_eq!(report["Failures"][0]["PoolName"], "shut");
    assert_eq!(report["Hits"][0]["PoolName"], "open");
}

/// A region that cannot be reached does not stop the others: it is a failure line.
#[tokio::test]
async fn each_region_is_searched_and_one_that_cannot_be_is_named() {
    let bin_args = |regions: &str| {
        let url = common::moto_url();
        vec![
            "users".to_owned(),
            "find".to_owned(),
            email("nobody"),
            "--regions".to_owned(),
            regions.to_owned(),
            "--endpoint-url".to_owned(),
            url,
        ]
    };
    let run = run_args(bin_args("us-east-1,eu-west-1"), "").await;
    assert_eq!(run.code, 0, "{run:?}");
    let run = run_args(bin_args("us-east-1,not a region"), "").await;
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr
            .lines()
            .any(|l| l.starts_with("failed: not a region: pools not listed:")),
        "{run:?}"
    );
}

#[test]
fn profiles_and_regions_are_refused_with_the_local_server() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::local_cli(dir.path())
        .args(["--local", "users", "find", "ann", "--regions", "eu-west-1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
}

/// `--profiles a,b`: each profile is its own connection (both reach the same moto here, so the
/// person is found once through each), named on each hit.
#[tokio::test]
async fn each_profile_given_is_searched_and_named_on_its_hits() {
    let client = common::moto().await;
    let pool = common::create_pool(&client, "find-profiles").await;
    let ann = email("ann");
    common::create_user(&client, &pool, "ann", &[("email", &ann)]).await;
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let credentials = dir.path().join("credentials");
    std::fs::write(
        &config,
        "[profile alpha]\nregion = us-east-1\n[profile beta]\nregion = us-east-1\n",
    )
    .unwrap();
    std::fs::write(
        &credentials,
        "[alpha]\naws_access_key_id = testing\naws_secret_access_key = testing\n\
         [beta]\naws_access_key_id = testing\naws_secret_access_key = testing\n",
    )
    .unwrap();
    let args: Vec<String> = [
        "users",
        "find",
        &ann,
        "--profiles",
        "alpha,beta",
        "--output",
        "json",
        "--endpoint-url",
        &common::moto_url(),
    ]
    .map(str::to_owned)
    .to_vec();
    let run = run_env(
        args,
        "",
        &[
            ("AWS_CONFIG_FILE", config.to_str().unwrap()),
            ("AWS_SHARED_CREDENTIALS_FILE", credentials.to_str().unwrap()),
        ],
    )
    .await;
    assert_eq!(run.code, 0, "{run:?}");
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    let profiles: Vec<&str> = report["Hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["Profile"].as_str().unwrap())
        .collect();
    assert_eq!(profiles, ["alpha", "beta"], "{report:#}");
}
