//! The local index from the command line, on moto and the local server: `users index`, a query
//! and a count that agree with the pool, exports (CSV in the import columns, to a private file put
//! in place whole), a query one filter answers needing no index, one build at a time. The tool's
//! own changes reaching the index are `cli_index_follow`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod cli_support;
mod common;
mod index_support;

use std::os::unix::fs::PermissionsExt as _;

use cli_support::on_server::Bin;
use common::backend::Backend;
use index_support::{json_of, names, pool_of_three};
use serde_json::{Value, json};

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
    index_query_and_count_agree_with_the_pool,
    a_query_one_filter_answers_needs_no_index,
    exports_use_the_import_columns_and_land_whole_and_private,
);
