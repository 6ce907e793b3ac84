//! The console's worker and the local index, against moto and the local server: a query one filter
//! answers goes to the server and builds nothing; any other builds the pool's index (its progress
//! told) and answers from it with every user's groups; the summary counts by status; an export
//! writes the pool, a query's users or named users to a file put in place only when whole, and
//! refuses to replace a file unless asked.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod common;
mod worker_support;

use std::collections::BTreeMap;

use cognito_tui::app::browse::rows::UserRow;
use cognito_tui::app::effect::{IndexRead, Read};
use cognito_tui::app::remote::{ErrorInfo, RequestId};
use cognito_tui::app::users::export::{ExportJob, ExportScope};
use cognito_tui::app::users::index::{Answered, IndexSummary};
use cognito_tui::app::{Action, ApiCall, Payload};
use cognito_tui::cognito::{PoolId, Username};
use cognito_tui::index::{Home, IndexStore};
use cognito_tui::shared::export::ExportFormat;
use common::backend::Backend;
use worker_support::{Harness, create_group, join, rows_of, seed_users, settings};

/// What a request brought: its payloads in order, how many progress reports came, or its failure.
struct Answer {
    payloads: Vec<Payload>,
    progress: usize,
    failed: Option<ErrorInfo>,
}

async fn answer(h: &mut Harness, request: u64, read: IndexRead) -> Answer {
    h.call(request, ApiCall::Read(Read::Index(read)));
    let request = RequestId(request);
    let mut answer = Answer {
        payloads: Vec::new(),
        progress: 0,
        failed: None,
    };
    loop {
        match h.next().await {
            Action::Progress { request: r, .. } if r == request => answer.progress += 1,
            Action::Loaded {
                request: r,
                payload,
                done,
            } if r == request => {
                answer.payloads.push(payload);
                if done {
                    return answer;
                }
            }
            Action::Failed { request: r, error } if r == request => {
                answer.failed = Some(error);
                return answer;
            }
            other => panic!("unexpected {other:?}"),
        }
    }
}

/// Users and their groups (`-` for none) from the rows of an answer.
fn rows(answer: &Answer) -> BTreeMap<String, String> {
    answer
        .payloads
        .iter()
        .filter(|p| matches!(p, Payload::Rows(_)))
        .flat_map(|p| rows_of::<UserRow>(p).to_vec())
        .map(|r| {
            (
                r.username.to_string(),
                r.groups.as_deref().unwrap_or("-").to_owned(),
            )
        })
        .collect()
}

/// A pool of 70 users (more than a page), two groups, three users disabled; a worker whose
/// indexes live in `dir`.
async fn setup(
    backend: Backend,
    dir: &std::path::Path,
) -> (common::backend::Server, Harness, PoolId) {
    let server = backend.start().await;
    let home = Home::Disk(IndexStore::at(dir.join("indexes")));
    let h = Harness::start_with(settings(&server.url), 64, Some(home)).await;
    let pool = common::create_pool(&h.client, "worker-index").await;
    seed_users(&h.client, &pool, 70).await;
    create_group(&h.client, &pool, "admins").await;
    create_group(&h.client, &pool, "ops").await;
    join(&h.client, &pool, "user0001", "admins").await;
    join(&h.client, &pool, "user0001", "ops").await;
    join(&h.client, &pool, "user0002", "admins").await;
    for name in ["user0002", "user0003", "user0004"] {
        h.client
            .admin_disable_user(&pool, &Username::new(name))
            .await
            .unwrap();
    }
    (server, h, pool)
}

async fn a_filter_query_asks_the_server_and_builds_nothing(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let (_server, mut h, pool) = setup(backend, dir.path()).await;
    let read = IndexRead::QueryUsers {
        pool,
        query: r#"username = "user0042""#.into(),
    };
    let got = answer(&mut h, 1, read).await;
    assert!(got.failed.is_none(), "{:?}", got.failed);
    assert_eq!(got.payloads[0], Payload::Answered(Answered::Server));
    assert_eq!(rows(&got).into_keys().collect::<Vec<_>>(), ["user0042"]);
    assert!(!dir.path().join("indexes").exists(), "no index was built");
}

async fn a_query_builds_the_index_and_answers_with_groups(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let (_server, mut h, pool) = setup(backend, dir.path()).await;
    let read = IndexRead::QueryUsers {
        pool: pool.clone(),
        query: "group = admins or not enabled".into(),
    };
    let got = answer(&mut h, 1, read).await;
    assert!(got.failed.is_none(), "{:?}", got.failed);
    assert!(
        matches!(got.payloads[0], Payload::Answered(Answered::Index { built_at }) if built_at > 0),
        "{:?}",
        got.payloads[0]
    );
    let want: BTreeMap<String, String> = [
        ("user0001", "admins,ops"),
        ("user0002", "admins"),
        ("user0003", ""),
        ("user0004", ""),
    ]
    .into_iter()
    .map(|(u, g)| (u.to_owned(), g.to_owned()))
    .collect();
    assert_eq!(rows(&got), want);
    // The summary reads the index just built: every user, by status.
    let got = answer(&mut h, 2, IndexRead::Summary(pool.clone())).await;
    let Some(Payload::IndexSummary(Some(IndexSummary {
        users, by_status, ..
    }))) = got.payloads.first()
    else {
        panic!("no summary: {:?} {:?}", got.payloads, got.failed);
    };
    assert_eq!(*users, 70);
    assert_eq!(
        by_status.iter().map(|(_, n)| n).sum::<u64>(),
        70,
        "{by_status:?}"
    );
    // A rebuild answers with the summary of the new index.
    let got = answer(&mut h, 3, IndexRead::Build(pool)).await;
    assert!(
        matches!(got.payloads.as_slice(), [Payload::IndexSummary(Some(s))] if s.users == 70),
        "{:?} {:?}",
        got.payloads,
        got.failed
    );
}

/// A rebuild and a query that needs the index, asked together: one build runs at a time (the
/// query waits and reads the finished index), both answer, and the index is complete.
async fn a_rebuild_and_a_query_at_once_share_one_build(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let (_server, mut h, pool) = setup(backend, dir.path()).await;
    h.call(
        1,
        ApiCall::Read(Read::Index(IndexRead::Build(pool.clone()))),
    );
    let query = IndexRead::QueryUsers {
        pool: pool.clone(),
        query: "not enabled".into(),
    };
    h.call(2, ApiCall::Read(Read::Index(query)));
    let (mut built, mut found) = (None, Vec::new());
    while built.is_none() || !found.last().is_some_and(|(_, done)| *done) {
        match h.next().await {
            Action::Progress { .. } => {}
            Action::Loaded {
                request: RequestId(1),
                payload,
                ..
            } => built = Some(payload),
            Action::Loaded {
                request: RequestId(2),
                payload,
                done,
            } => found.push((payload, done)),
            other => panic!("unexpected {other:?}"),
        }
    }
    assert!(
        matches!(&built, Some(Payload::IndexSummary(Some(s))) if s.users == 70),
        "{built:?}"
    );
    let queried = Answer {
        payloads: found.into_iter().map(|(p, _)| p).collect(),
        progress: 0,
        failed: None,
    };
    let names: Vec<String> = rows(&queried).into_keys().collect();
    assert_eq!(names, ["user0002", "user0003", "user0004"]);
    let got = answer(&mut h, 3, IndexRead::Summary(pool)).await;
    assert!(
        matches!(got.payloads.as_slice(), [Payload::IndexSummary(Some(s))] if s.users == 70),
        "{:?}",
        got.payloads
    );
}

fn job(
    pool: &PoolId,
    scope: ExportScope,
    format: ExportFormat,
    path: &std::path::Path,
) -> ExportJob {
    ExportJob {
        pool: pool.clone(),
        scope,
        format,
        path: path.to_owned(),
        replace: false,
    }
}

async fn exports_write_the_pool_a_query_or_named_users_when_whole(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let (_server, mut h, pool) = setup(backend, dir.path()).await;
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();

    let csv = out.join("all.csv");
    let got = answer(
        &mut h,
        1,
        IndexRead::Export(job(&pool, ExportScope::Pool, ExportFormat::Csv, &csv)),
    )
    .await;
    assert!(
        matches!(&got.payloads[..], [Payload::Exported { users: 70, path }] if path.ends_with("all.csv")),
        "{:?} {:?}",
        got.payloads,
        got.failed
    );
    let text = std::fs::read_to_string(&csv).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    assert!(
        header.contains("cognito:username") && header.contains("email"),
        "{header}"
    );
    assert_eq!(lines.count(), 70);

    let jsonl = out.join("admins.jsonl");
    let scope = ExportScope::Query("group = admins".into());
    let got = answer(
        &mut h,
        2,
        IndexRead::Export(job(&pool, scope, ExportFormat::Jsonl, &jsonl)),
    )
    .await;
    assert!(got.failed.is_none(), "{:?}", got.failed);
    let users: Vec<serde_json::Value> = std::fs::read_to_string(&jsonl)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // In the order they were indexed: moto lists users in the order they were created, which
    // the eight concurrent creations leave to chance.
    let mut names: Vec<&str> = users
        .iter()
        .map(|u| u["Username"].as_str().unwrap())
        .collect();
    names.sort_unstable();
    assert_eq!(names, ["user0001", "user0002"]);
    let user0001 = users.iter().find(|u| u["Username"] == "user0001").unwrap();
    assert_eq!(user0001["Groups"], serde_json::json!(["admins", "ops"]));

    let by_name = out.join("named.json");
    let scope = ExportScope::Users(vec![Username::new("user0005"), Username::new("user0007")]);
    let got = answer(
        &mut h,
        3,
        IndexRead::Export(job(&pool, scope, ExportFormat::Json, &by_name)),
    )
    .await;
    assert!(got.failed.is_none(), "{:?}", got.failed);
    let users: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&by_name).unwrap()).unwrap();
    assert_eq!(users.as_array().map(Vec::len), Some(2));

    // An existing file stays unless the export is told to replace it.
    let got = answer(
        &mut h,
        4,
        IndexRead::Export(job(&pool, ExportScope::Pool, ExportFormat::Csv, &csv)),
    )
    .await;
    let error = got.failed.expect("refused");
    assert!(error.text.contains("exists"), "{error:?}");
    assert_eq!(std::fs::read_to_string(&csv).unwrap(), text);
    let mut replace = job(
        &pool,
        ExportScope::Users(vec![Username::new("user0005")]),
        ExportFormat::Csv,
        &csv,
    );
    replace.replace = true;
    let got = answer(&mut h, 5, IndexRead::Export(replace)).await;
    assert!(got.failed.is_none(), "{:?}", got.failed);
    assert_eq!(std::fs::read_to_string(&csv).unwrap().lines().count(), 2);
    let left: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 3, "no partial file is left: {left:?}");
    // A user that is gone stops the export, and nothing is written.
    let gone = out.join("gone.csv");
    let scope = ExportScope::Users(vec![Username::new("nobody")]);
    let got = answer(
        &mut h,
        6,
        IndexRead::Export(job(&pool, scope, ExportFormat::Csv, &gone)),
    )
    .await;
    assert!(got.failed.is_some());
    assert_eq!(
        std::fs::read_dir(&out).unwrap().count(),
        3,
        "nothing beside the others"
    );
}

on_both!("multi_thread": a_filter_query_asks_the_server_and_builds_nothing, a_rebuild_and_a_query_at_once_share_one_build, a_query_builds_the_index_and_answers_with_groups, exports_write_the_pool_a_query_or_named_users_when_whole);
