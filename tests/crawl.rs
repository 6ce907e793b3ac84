//! A pool read in sixteen parts (`sub ^= "0"` … `"f"`): every user exactly once on moto and the
//! local server; on the scripted loopback server, a part that fails mid-way goes on from its last
//! page, one that keeps failing says which and how far, and a server that ignores the filter is
//! caught instead of listing everyone sixteen times.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod cli_support;
mod common;

use std::collections::{BTreeMap, HashSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use cognito_tui::cognito::crawl::{CrawlError, Part, Resume, crawl};
use cognito_tui::cognito::users::{ListUsersRequest, UserType};
use cognito_tui::cognito::{CognitoClient, PoolId};
use common::backend::Backend;
use common::fault::{Canned, FaultServer, Received, serve_with};
use common::listing::{POOL, pool_lookup};
use futures::{StreamExt as _, TryStreamExt as _};
use serde_json::{Value, json};

const FAST: Resume = Resume {
    times: 3,
    pause: Duration::from_millis(10),
};

/// The usernames a crawl in `parts` lists, in the order they came, and the first hex digit of
/// each one's sub.
async fn crawled(
    client: &CognitoClient,
    pool: &PoolId,
    parts: Vec<Part>,
) -> Result<Vec<(String, char)>, CrawlError> {
    let pages: Vec<Vec<UserType>> =
        crawl(client, &ListUsersRequest::new(pool.clone()), parts, FAST)
            .try_collect()
            .await?;
    Ok(pages
        .into_iter()
        .flatten()
        .map(|u| {
            let sub = u
                .attributes
                .iter()
                .find(|a| a.name == "sub")
                .and_then(|a| a.value.clone())
                .unwrap_or_default();
            (u.username.to_string(), sub.chars().next().unwrap_or('?'))
        })
        .collect())
}

async fn every_user_is_listed_exactly_once_in_sixteen_parts(backend: Backend) {
    let server = backend.start().await;
    let client = server.client().await;
    let pool = common::create_pool(&client, "crawl").await;
    // 200 random subs leave a first hex digit out once in 25,000 runs.
    let names: Vec<String> = (0..200).map(|i| format!("crawl{i:03}")).collect();
    futures::stream::iter(&names)
        .for_each_concurrent(8, |name| {
            let (client, pool) = (&client, &pool);
            async move { common::create_user(client, pool, name, &[]).await }
        })
        .await;
    let listed = crawled(&client, &pool, Part::sixteen()).await.unwrap();
    let mut by_name: BTreeMap<&str, usize> = BTreeMap::new();
    for (name, _) in &listed {
        *by_name.entry(name).or_default() += 1;
    }
    let twice: Vec<_> = by_name.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "listed more than once: {twice:?}");
    let expected: HashSet<&str> = names.iter().map(String::as_str).collect();
    let got: HashSet<&str> = by_name.keys().copied().collect();
    assert_eq!(got, expected);
    let digits: HashSet<char> = listed.iter().map(|(_, d)| *d).collect();
    assert_eq!(digits.len(), 16, "every part held users: {digits:?}");
    // The same users as one stream lists.
    let one: HashSet<String> = crawled(&client, &pool, vec![Part::All])
        .await
        .unwrap()
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(one.len(), names.len());
}

on_both!("current_thread": every_user_is_listed_exactly_once_in_sixteen_parts);

// The scripted server: 16 × 130 users; user i's sub starts with the hex digit i % 16; each part
// pages 60 at a time with tokens `<digit>-<page>`.

const USERS: usize = 16 * 130;

fn sub_of(i: usize) -> String {
    format!("{:x}{:07x}-0000-4000-8000-000000000000", i % 16, i)
}

fn user(i: usize) -> Value {
    json!({"Username": format!("user{i:05}"), "Enabled": true, "UserStatus": "CONFIRMED",
        "UserCreateDate": 1.7e9, "UserLastModifiedDate": 1.7e9,
        "Attributes": [{"Name": "sub", "Value": sub_of(i)}]})
}

/// The part (`Some(digit)`) and page (0-based) a ListUsers request asks for.
fn asked(request: &Received) -> (Option<char>, usize) {
    let input = request.json();
    let part = input["Filter"]
        .as_str()
        .and_then(|f| f.strip_prefix("sub ^= \""))
        .and_then(|rest| rest.chars().next());
    let page = input["PaginationToken"]
        .as_str()
        .and_then(|t| t.split_once('-'))
        .and_then(|(_, p)| p.parse().ok())
        .unwrap_or(0);
    (part, page)
}

/// A page as a server honouring (`honour`) or ignoring the filter sends it.
fn page(part: Option<char>, page: usize, honour: bool) -> Canned {
    let in_part: Vec<usize> = (0..USERS)
        .filter(|&i| !honour || part.is_none_or(|c| sub_of(i).starts_with(c)))
        .collect();
    let items: Vec<Value> = in_part
        .iter()
        .skip(page * 60)
        .take(60)
        .map(|&i| user(i))
        .collect();
    let mut body = json!({ "Users": items });
    if (page + 1) * 60 < in_part.len() {
        body["PaginationToken"] = json!(format!("{}-{}", part.unwrap_or('x'), page + 1));
    }
    Canned::json(200, &body.to_string())
}

fn fault() -> Canned {
    Canned::json(
        500,
        r#"{"__type":"InternalErrorException","message":"Internal error"}"#,
    )
}

/// Serves the parts; page 1 of part `7` fails its first `times` requests.
async fn failing_part(times: usize) -> FaultServer {
    let served = AtomicUsize::new(0);
    serve_with(move |request| {
        if let Some(answer) = pool_lookup(request, USERS) {
            return answer;
        }
        let (part, n) = asked(request);
        if part == Some('7') && n == 1 && served.fetch_add(1, Ordering::SeqCst) < times {
            return fault();
        }
        page(part, n, true)
    })
    .await
}

fn requests_for(server: &FaultServer, part: char) -> Vec<usize> {
    server
        .received()
        .iter()
        .filter(|r| r.operation() == "ListUsers")
        .map(asked)
        .filter(|(p, _)| *p == Some(part))
        .map(|(_, n)| n)
        .collect()
}

#[tokio::test]
async fn a_part_that_fails_midway_goes_on_from_its_last_page() {
    // The client makes 3 attempts a page: 5 faults need one restart, from page 1, not page 0.
    let server = failing_part(5).await;
    let client = common::client_for(&server.url, "AKID", "secret").await;
    let listed = crawled(&client, &PoolId::new(POOL), Part::sixteen())
        .await
        .unwrap();
    let names: HashSet<&str> = listed.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(listed.len(), USERS, "no user twice");
    assert_eq!(names.len(), USERS, "no user lost");
    let asked_7 = requests_for(&server, '7');
    assert_eq!(
        asked_7.iter().filter(|&&p| p == 0).count(),
        1,
        "{asked_7:?}"
    );
    assert_eq!(
        asked_7.iter().filter(|&&p| p == 1).count(),
        6,
        "{asked_7:?}"
    );
}

#[tokio::test]
async fn a_part_that_keeps_failing_fails_the_crawl_saying_which_and_how_far() {
    let server = failing_part(usize::MAX).await;
    let client = common::client_for(&server.url, "AKID", "secret").await;
    let err = crawled(&client, &PoolId::new(POOL), Part::sixteen())
        .await
        .unwrap_err();
    assert_eq!(err.part, Part::Sub('7'));
    assert_eq!(err.users, 60);
    assert_eq!(err.resumes, 3);
    assert_eq!(err.token.as_deref(), Some("7-1"));
    let text = err.to_string();
    assert!(
        text.contains("sub starts with \"7\" stopped after 60 users and 3 restarts"),
        "{text}"
    );
    // Four runs of three attempts at page 1, nothing more.
    assert_eq!(
        requests_for(&server, '7')
            .iter()
            .filter(|&&p| p == 1)
            .count(),
        12
    );
}

#[tokio::test]
async fn a_server_that_ignores_the_filter_is_caught_not_listed_sixteen_times() {
    let server = serve_with(|request| {
        if let Some(answer) = pool_lookup(request, USERS) {
            return answer;
        }
        let (part, n) = asked(request);
        page(part, n, false)
    })
    .await;
    let client = common::client_for(&server.url, "AKID", "secret").await;
    let err = crawled(&client, &PoolId::new(POOL), Part::sixteen())
        .await
        .unwrap_err();
    let text = err.to_string();
    assert!(text.contains("does not honour the filter"), "{text}");
}

#[tokio::test]
async fn users_list_partitioned_prints_each_user_once_and_a_failure_names_the_part() {
    let server = failing_part(0).await;
    let flags = ["--region", "us-east-1", "--endpoint-url", &server.url];
    let mut args: Vec<String> = ["users", "list", "--pool", POOL, "--output", "json"]
        .map(str::to_owned)
        .to_vec();
    args.extend(flags.map(str::to_owned));
    // The pool says 2,080 users, under the 3,000 where `auto` partitions: ask for it.
    args.extend(["--partitioned".to_owned(), "always".to_owned()]);
    let run = cli_support::run_env(args.clone(), "", &[]).await;
    assert_eq!(run.code, 0, "{run:?}");
    let listed: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    let names: HashSet<&str> = listed
        .iter()
        .map(|u| u["Username"].as_str().unwrap())
        .collect();
    assert_eq!((listed.len(), names.len()), (USERS, USERS));
    assert!(run.stderr.is_empty(), "no progress line on a pipe: {run:?}");

    let broken = failing_part(usize::MAX).await;
    args.iter_mut()
        .filter(|a| **a == server.url)
        .for_each(|a| a.clone_from(&broken.url));
    let run = cli_support::run_env(args, "", &[("AWS_MAX_ATTEMPTS", "2")]).await;
    assert_eq!(run.code, 1, "{run:?}");
    let listed: Vec<Value> = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("stdout is not a whole JSON document ({e}): {}", run.stdout));
    assert!(!listed.is_empty());
    assert!(run.stderr.contains("sub starts with \"7\""), "{run:?}");
    assert!(run.stderr.contains("written before it failed"), "{run:?}");
}

#[tokio::test]
async fn a_listing_without_sub_is_never_split_and_one_without_describe_rights_still_lists() {
    // DescribeUserPool refused, as for a role allowed ListUsers alone; ListUsers ignores filters.
    let server = serve_with(|request| {
        if request.operation() == "DescribeUserPool" {
            return Canned::json(
                400,
                r#"{"__type":"AccessDeniedException","message":"not authorized"}"#,
            );
        }
        let (part, n) = asked(request);
        page(part, n, false)
    })
    .await;
    let flags = ["--region", "us-east-1", "--endpoint-url", &server.url];
    let base = ["users", "list", "--pool", POOL, "--output", "json"];
    let mut args: Vec<String> = base.iter().chain(&flags).map(|s| (*s).to_owned()).collect();
    let run = cli_support::run_env(args.clone(), "", &[]).await;
    assert_eq!(run.code, 0, "{run:?}");
    let listed: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(listed.len(), USERS, "one stream, every user once");
    // Without sub in the answer, a server ignoring the filter could not be caught: refused.
    args.extend(["--attributes", "email", "--partitioned", "always"].map(str::to_owned));
    let run = cli_support::run_env(args, "", &[]).await;
    assert_ne!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("without sub"), "{run:?}");
}
