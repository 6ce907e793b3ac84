//! The local index from the command line, on moto and the local server: `users index`, a query
//! and a count that agree with the pool, exports (CSV in the import columns, to a private file put
//! in place whole), a query one filter answers needing no index, `index list|clear`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod cli_support;
mod common;

use std::os::unix::fs::PermissionsExt as _;

use cli_support::on_server::Bin;
use cognito_tui::cognito::types::Secret;
use cognito_tui::cognito::{CognitoClient, PoolId, Username};
use common::backend::Backend;
use serde_json::{Value, json};

/// ann (acme, CONFIRMED, in admins), bob (acme, disabled), carla (globex).
async fn pool_of_three(client: &CognitoClient) -> PoolId {
    let pool = common::create_pool(client, "index").await;
    for (name, tenant) in [("ann", "acme"), ("bob", "acme"), ("carla", "globex")] {
        let email = format!("{name}@example.com");
        common::create_user(
            client,
            &pool,
            name,
            &[("email", email.as_str()), ("custom:tenant", tenant)],
        )
        .await;
    }
    client
        .admin_set_user_password(
            &pool,
            &Username::new("ann"),
            &Secret::new("Passw0rd!Passw0rd"),
            true,
        )
        .await
        .unwrap();
    client
        .admin_disable_user(&pool, &Username::new("bob"))
        .await
        .unwrap();
    client
        .call_json(
            "CreateGroup",
            &json!({"UserPoolId": pool, "GroupName": "admins"}),
        )
        .await
        .unwrap();
    client
        .call_json(
            "AdminAddUserToGroup",
            &json!({"UserPoolId": pool, "GroupName": "admins", "Username": "ann"}),
        )
        .await
        .unwrap();
    pool
}

fn names(users: &Value) -> Vec<&str> {
    let mut names: Vec<&str> = users
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["Username"].as_str().unwrap())
        .collect();
    names.sort_unstable();
    names
}

async fn json_of(bin: &Bin, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--output", "json"]);
    let run = bin.run(&all).await;
    assert_eq!(run.code, 0, "{args:?}: {run:?}");
    serde_json::from_str(&run.stdout).unwrap()
}

async fn index_query_and_count_agree_with_the_pool(backend: Backend) {
    let server = backend.start().await;
    let client = server.client().await;
    let pool = pool_of_three(&client).await;
    let p = pool.as_str();
    let bin = Bin::new(&server);
    let built = bin.ok(&format!("users index --pool {p}")).await;
    assert!(built.contains("indexed 3 users and 1 groups"), "{built}");

    let found = json_of(
        &bin,
        &[
            "users",
            "query",
            "--pool",
            p,
            "custom:tenant = \"acme\" and not enabled",
        ],
    )
    .await;
    assert_eq!(names(&found), ["bob"]);
    let admins = json_of(
        &bin,
        &[
            "users",
            "query",
            "--pool",
            p,
            "group = admins or email ~ \"CARLA\"",
        ],
    )
    .await;
    assert_eq!(names(&admins), ["ann", "carla"]);
    assert_eq!(admins[0]["Groups"], json!(["admins"]));
    let table = bin
        .run(&["users", "query", "--pool", p, "group = admins"])
        .await;
    assert!(
        table.stdout.contains("GROUPS") && table.stdout.contains("admins"),
        "{table:?}"
    );

    let counts = json_of(&bin, &["users", "count", "--pool", p, "--by", "status"]).await;
    assert_eq!(
        counts["Counts"],
        json!({"CONFIRMED": 1, "FORCE_CHANGE_PASSWORD": 2})
    );
    assert!(counts["IndexBuiltAt"].is_string(), "{counts}");
    let enabled = json_of(&bin, &["users", "count", "--pool", p, "--query", "enabled"]).await;
    assert_eq!(enabled["Counts"], json!({"users": 2}));

    let listed = json_of(&bin, &["index", "list"]).await;
    assert_eq!(listed[0]["UserPoolId"], json!(p));
    assert_eq!(
        (listed[0]["Complete"].clone(), listed[0]["Users"].clone()),
        (json!(true), json!(3))
    );
    let cleared = bin.ok(&format!("index clear --pool {p}")).await;
    assert!(cleared.contains("removed"), "{cleared}");
    assert_eq!(json_of(&bin, &["index", "list"]).await, json!([]));

    // A mistake names its column and builds nothing.
    let err = bin
        .run(&["users", "query", "--pool", p, "status = UNCONFIRMED and"])
        .await;
    assert_eq!(err.code, 1, "{err:?}");
    assert!(err.stderr.contains("column 25"), "{err:?}");
}

async fn a_query_one_filter_answers_needs_no_index(backend: Backend) {
    let server = backend.start().await;
    let client = server.client().await;
    let pool = pool_of_three(&client).await;
    let bin = Bin::new(&server);
    let found = json_of(
        &bin,
        &[
            "users",
            "query",
            "--pool",
            pool.as_str(),
            "email = \"carla@example.com\"",
        ],
    )
    .await;
    assert_eq!(names(&found), ["carla"]);
    // With --limit too: the listing stops after that many (ann and carla are enabled).
    let p = pool.as_str();
    let one = json_of(
        &bin,
        &["users", "query", "--pool", p, "enabled", "--limit", "1"],
    )
    .await;
    assert_eq!(one.as_array().unwrap().len(), 1, "{one}");
    let table = bin
        .run(&[
            "users", "query", "--pool", p, "enabled", "--limit", "1", "--output", "csv",
        ])
        .await;
    assert_eq!(
        table.stdout.lines().count(),
        2,
        "a header and one user: {table:?}"
    );
    assert_eq!(json_of(&bin, &["index", "list"]).await, json!([]));
}

async fn exports_use_the_import_columns_and_land_whole_and_private(backend: Backend) {
    let server = backend.start().await;
    let client = server.client().await;
    let pool = pool_of_three(&client).await;
    let p = pool.as_str();
    let bin = Bin::new(&server);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("users.csv");
    let out = file.display().to_string();
    let run = bin
        .run(&[
            "users", "export", "--pool", p, "--format", "csv", "--out", &out,
        ])
        .await;
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "only the export: {leftovers:?}");
    let mut reader = csv::Reader::from_path(&file).unwrap();
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let expected: Vec<String> = if server.is_moto() {
        // moto has no GetCSVHeader: the columns come from the schema, in AWS's order.
        cognito_tui::cognito::pools::csv_header_from_schema(&[
            "custom:tenant".into(),
            "custom:plan".into(),
        ])
    } else {
        let answer = client
            .call_json("GetCSVHeader", &json!({"UserPoolId": p}))
            .await
            .unwrap();
        serde_json::from_value(answer["CSVHeader"].clone()).unwrap()
    };
    assert_eq!(header, expected);
    assert!(header.contains(&"custom:tenant".to_owned()));
    let email = header.iter().position(|h| h == "email").unwrap();
    let username = header.iter().position(|h| h == "cognito:username").unwrap();
    let mut rows: Vec<(String, String)> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[username].to_owned(), r[email].to_owned())
        })
        .collect();
    rows.sort();
    assert_eq!(rows[0], ("ann".to_owned(), "ann@example.com".to_owned()));
    assert_eq!(rows.len(), 3);

    let run = bin
        .run(&[
            "users",
            "export",
            "--pool",
            p,
            "--query",
            "custom:tenant = \"acme\"",
            "--format",
            "jsonl",
        ])
        .await;
    assert_eq!(run.code, 0, "{run:?}");
    let lines: Vec<Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(lines.iter().all(|u| u["Groups"].is_array()), "{lines:?}");
}

async fn the_tools_own_changes_reach_the_index_without_a_rebuild(backend: Backend) {
    let server = backend.start().await;
    let client = server.client().await;
    let pool = pool_of_three(&client).await;
    let p = pool.as_str();
    let bin = Bin::new(&server);
    bin.ok(&format!("users index --pool {p}")).await;
    bin.ok(&format!("users enable --pool {p} bob")).await;
    bin.ok(&format!("users delete --pool {p} carla")).await;
    bin.ok(&format!("users add-to-group --pool {p} bob admins"))
        .await;
    // A new email may wait for verification: the index takes what a fresh read says.
    bin.ok(&format!(
        "users update-attributes --pool {p} ann email=ann.new@example.com custom:plan=pro"
    ))
    .await;
    let renamed = json_of(
        &bin,
        &[
            "users",
            "query",
            "--pool",
            p,
            "email ~ \"ann.new\" and custom:plan = \"pro\"",
        ],
    )
    .await;
    assert_eq!(names(&renamed), ["ann"]);
    let admins = json_of(
        &bin,
        &["users", "query", "--pool", p, "group = admins and enabled"],
    )
    .await;
    assert_eq!(names(&admins), ["ann", "bob"]);
    let counts = json_of(&bin, &["users", "count", "--pool", p]).await;
    assert_eq!(counts["Counts"], json!({"users": 2}));
    // Still the index built before the changes: followed, not rebuilt.
    let listed = json_of(&bin, &["index", "list"]).await;
    assert_eq!(listed.as_array().unwrap().len(), 1);
}

/// ann, bob and carla, each with a verified email: moto takes it as a username attribute (and
/// makes the usernames UUIDs), the local server as an alias of plain usernames. The usernames.
async fn pool_named_by_email(client: &CognitoClient, moto: bool) -> (PoolId, Vec<String>) {
    let naming = if moto {
        json!({"UsernameAttributes": ["email"]})
    } else {
        json!({"AliasAttributes": ["email"]})
    };
    let mut spec = naming;
    spec["PoolName"] = json!("by-email");
    let created = client.call_json("CreateUserPool", &spec).await.unwrap();
    let pool = PoolId::new(created["UserPool"]["Id"].as_str().unwrap());
    let mut usernames = Vec::new();
    for name in ["ann", "bob", "carla"] {
        let email = format!("{name}@example.com");
        let username = if moto { email.clone() } else { name.to_owned() };
        let input = json!({"UserPoolId": pool, "Username": username, "MessageAction": "SUPPRESS",
            "TemporaryPassword": "Passw0rd!Passw0rd",
            "UserAttributes": [{"Name": "email", "Value": email},
                               {"Name": "email_verified", "Value": "true"}]});
        let user = client.call_json("AdminCreateUser", &input).await.unwrap();
        usernames.push(user["User"]["Username"].as_str().unwrap().to_owned());
    }
    (pool, usernames)
}

async fn changes_through_an_email_reach_the_user_it_names(backend: Backend) {
    let server = backend.start().await;
    let client = server.client().await;
    let (pool, usernames) = pool_named_by_email(&client, server.is_moto()).await;
    assert_ne!(
        usernames[0], "ann@example.com",
        "the email is not the username"
    );
    let p = pool.as_str();
    let bin = Bin::new(&server);
    bin.ok(&format!("users index --pool {p}")).await;

    bin.ok(&format!("users disable --pool {p} ann@example.com"))
        .await;
    let disabled = json_of(&bin, &["users", "query", "--pool", p, "not enabled"]).await;
    assert_eq!(names(&disabled), [usernames[0].as_str()]);
    client
        .call_json(
            "CreateGroup",
            &json!({"UserPoolId": p, "GroupName": "admins"}),
        )
        .await
        .unwrap();
    bin.ok(&format!(
        "users add-to-group --pool {p} ann@example.com admins"
    ))
    .await;
    let admins = json_of(&bin, &["users", "query", "--pool", p, "group = admins"]).await;
    assert_eq!(names(&admins), [usernames[0].as_str()]);
    bin.ok(&format!("users delete --pool {p} bob@example.com"))
        .await;
    let left = json_of(
        &bin,
        &["users", "query", "--pool", p, "enabled or not enabled"],
    )
    .await;
    assert_eq!(names(&left).len(), 2, "{left}");
    assert!(!names(&left).contains(&usernames[1].as_str()), "{left}");

    // carla's new email is one the index never saw: her delete through it cannot be placed, and
    // the index says it may be stale rather than claim it followed.
    let input = json!({"UserPoolId": p, "Username": usernames[2], "UserAttributes": [
        {"Name": "email", "Value": "carla.new@example.com"},
        {"Name": "email_verified", "Value": "true"}]});
    client
        .call_json("AdminUpdateUserAttributes", &input)
        .await
        .unwrap();
    bin.ok(&format!("users delete --pool {p} carla.new@example.com"))
        .await;
    let listed = json_of(&bin, &["index", "list"]).await;
    assert_eq!(listed[0]["UnfollowedChanges"], json!(1), "{listed}");
    let table = bin.ok("index list").await;
    assert!(table.contains("may be stale: 1 change"), "{table}");
}

/// A second `users index` of a pool while one runs is refused (not a second crawl of the pool);
/// the lock is the system's, on the lock file: a file a killed build left is no obstacle.
async fn a_build_while_another_runs_is_refused(backend: Backend) {
    let server = backend.start().await;
    let client = server.client().await;
    let pool = pool_of_three(&client).await;
    let p = pool.as_str();
    let bin = Bin::new(&server);
    let key = cognito_tui::index::IndexKey {
        profile: None,
        region: common::REGION.to_owned(),
        pool: pool.clone(),
    };
    let indexes = bin.data_dir().join("indexes");
    std::fs::create_dir_all(&indexes).unwrap();
    let lock = indexes.join(format!("{}.lock", key.file_name()));
    let held = std::fs::File::create(&lock).unwrap();
    held.lock().unwrap();
    let refused = bin.fails(&format!("users index --pool {p}")).await;
    assert!(
        refused.contains("another build of this pool's index is running"),
        "{refused}"
    );
    assert_eq!(json_of(&bin, &["index", "list"]).await, json!([]));
    // As when the process holding it was killed: the file stays, the lock goes.
    drop(held);
    assert!(lock.exists());
    let built = bin.ok(&format!("users index --pool {p}")).await;
    assert!(built.contains("indexed 3 users"), "{built}");
}

on_both!("current_thread":
    a_build_while_another_runs_is_refused,
    changes_through_an_email_reach_the_user_it_names,
    the_tools_own_changes_reach_the_index_without_a_rebuild,
    index_query_and_count_agree_with_the_pool,
    a_query_one_filter_answers_needs_no_index,
    exports_use_the_import_columns_and_land_whole_and_private,
);
