//! Listings never end early and report success: empty or cut-off pages, repeated page tokens,
//! throttling storms and faults in the middle of a listing, on the scripted loopback server of
//! `common::fault` paging a pool as `common::listing` does. Through the typed paginator and through
//! the real binary (`users list`).
// Helpers outside #[test] functions fail a test just as well: unwrap/expect are fine here.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod cli_support;
mod common;

use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};

use cognito_tui::aws::AwsError;
use cognito_tui::cognito::users::ListUsersRequest;
use cognito_tui::cognito::{CognitoClient, PoolId};
use common::fault::{Canned, FaultServer, Received, serve_with};
use common::listing::{POOL, Users, pool_lookup};
use futures::TryStreamExt as _;

async fn client(server: &FaultServer) -> CognitoClient {
    common::client_for(&server.url, "AKID", "secret").await
}

/// Every username of a whole listing, in order, or the error that ended it.
async fn list_all(client: &CognitoClient, from: Option<&str>) -> Result<Vec<String>, AwsError> {
    let mut request = ListUsersRequest::new(PoolId::new(POOL));
    request.pagination_token = from.map(str::to_owned);
    let pages: Vec<_> = client.list_users(request).try_collect().await?;
    Ok(pages
        .iter()
        .flat_map(|p| &p.users)
        .map(|u| u.username.to_string())
        .collect())
}

fn all_names(users: Users) -> Vec<String> {
    (0..users.total).map(Users::name).collect()
}

/// A server paging `users`, which answers the request for `page` (0-based) the `times` first
/// times with `fault`, then well.
async fn faulty_page(users: Users, page: usize, times: usize, fault: Canned) -> FaultServer {
    let served = AtomicUsize::new(0);
    serve_with(move |request| {
        if let Some(answer) = pool_lookup(request, users.total) {
            return answer;
        }
        if Users::page_asked(request) == page && served.fetch_add(1, Ordering::SeqCst) < times {
            return fault.clone();
        }
        users.answer(request)
    })
    .await
}

fn list_requests(server: &FaultServer) -> Vec<Received> {
    server
        .received()
        .into_iter()
        .filter(|r| r.operation() == "ListUsers")
        .collect()
}

#[tokio::test]
async fn an_empty_200_is_retried_and_the_listing_completes() {
    let users = Users::new(250);
    let server = faulty_page(users, 2, 1, Canned::json(200, "")).await;
    let names = list_all(&client(&server).await, None).await.unwrap();
    assert_eq!(names, all_names(users));
    assert_eq!(list_requests(&server).len(), users.pages() + 1);
}

#[tokio::test]
async fn an_empty_200_that_persists_fails_the_listing_instead_of_ending_it() {
    let users = Users::new(250);
    let server = faulty_page(users, 2, usize::MAX, Canned::json(200, "")).await;
    let err = list_all(&client(&server).await, None).await.unwrap_err();
    assert!(
        matches!(&err, AwsError::Truncated { operation, attempts: 3, .. } if operation == "ListUsers"),
        "{err:?}"
    );
    assert!(err.to_string().contains("cut off"), "{err}");
}

#[tokio::test]
async fn a_200_cut_off_without_a_length_is_retried_whether_empty_or_half_sent() {
    let users = Users::new(250);
    let server = faulty_page(users, 1, 1, Canned::cut_off("")).await;
    let names = list_all(&client(&server).await, None).await.unwrap();
    assert_eq!(names, all_names(users));

    let half = users.page_body(3);
    let server = faulty_page(users, 3, 2, Canned::cut_off(&half[..half.len() / 2])).await;
    let names = list_all(&client(&server).await, None).await.unwrap();
    assert_eq!(names, all_names(users));
    assert_eq!(list_requests(&server).len(), users.pages() + 2);
}

#[tokio::test]
async fn a_repeated_page_token_is_an_error_that_names_the_operation_and_page() {
    let users = Users::new(300);
    // Page 4 (0-based 3) points back at the token page 2 gave.
    let server = serve_with(move |request| {
        let page = Users::page_asked(request);
        let mut body: serde_json::Value = serde_json::from_str(&users.page_body(page)).unwrap();
        if page == 3 {
            body["PaginationToken"] = serde_json::json!("t2");
        }
        Canned::json(200, &body.to_string())
    })
    .await;
    let err = list_all(&client(&server).await, None).await.unwrap_err();
    let AwsError::RepeatedToken {
        operation,
        page,
        repeated_on,
    } = &err
    else {
        panic!("expected a repeated token error, got {err:?}");
    };
    assert_eq!(
        (operation.as_str(), *page, *repeated_on),
        ("ListUsers", 2, 4)
    );
    assert_eq!(
        list_requests(&server).len(),
        4,
        "it stopped instead of looping"
    );
}

#[tokio::test]
async fn throttling_on_a_long_listing_is_waited_out_beyond_the_attempt_cap() {
    let users = Users::new(600);
    // Six throttles in a row on one page: twice the cap of 3 attempts.
    let server = faulty_page(users, 4, 6, Canned::throttled()).await;
    let names = list_all(&client(&server).await, None).await.unwrap();
    assert_eq!(names, all_names(users));
    assert_eq!(list_requests(&server).len(), users.pages() + 6);
}

#[tokio::test]
async fn half_of_all_calls_throttled_at_random_still_lists_everyone_once() {
    let users = Users::new(1_200);
    let mut rng = fastrand::Rng::with_seed(7);
    let coin: Vec<bool> = (0..10_000).map(|_| rng.bool()).collect();
    let n = AtomicUsize::new(0);
    let server = serve_with(move |request| {
        if coin[n.fetch_add(1, Ordering::SeqCst) % coin.len()] {
            return Canned::throttled();
        }
        users.answer(request)
    })
    .await;
    let names = list_all(&client(&server).await, None).await.unwrap();
    assert_eq!(names.len(), users.total);
    assert_eq!(names.iter().collect::<HashSet<_>>().len(), users.total);
    assert!(list_requests(&server).len() > users.pages() + 5);
}

#[tokio::test]
async fn throttling_that_never_ends_gives_up_after_the_patience() {
    let users = Users::new(200);
    let server = faulty_page(users, 1, usize::MAX, Canned::throttled()).await;
    let err = list_all(&client(&server).await, None).await.unwrap_err();
    assert_eq!(err.code(), Some("TooManyRequestsException"), "{err:?}");
}

#[tokio::test]
async fn a_bare_500_after_earlier_pages_is_a_fault_retried_not_unsupported() {
    let users = Users::new(250);
    let html = Canned::html(500, "<html><h1>Internal Server Error</h1></html>");
    let server = faulty_page(users, 2, 1, html).await;
    let names = list_all(&client(&server).await, None).await.unwrap();
    assert_eq!(names, all_names(users));
}

#[tokio::test]
async fn a_listing_resumes_from_the_token_it_stopped_at() {
    let users = Users::new(250);
    let server = faulty_page(
        users,
        2,
        usize::MAX,
        Canned::json(400, r#"{"__type":"InternalErrorException"}"#),
    )
    .await;
    let client = client(&server).await;
    let mut request = ListUsersRequest::new(PoolId::new(POOL));
    request.pagination_token = None;
    let mut pages = std::pin::pin!(client.list_users(request));
    let mut names = Vec::new();
    let mut last_token = None;
    let err = loop {
        match pages.try_next().await {
            Ok(Some(page)) => {
                names.extend(page.users.iter().map(|u| u.username.to_string()));
                last_token = page.pagination_token.clone();
            }
            Ok(None) => panic!("the listing must fail on page 3"),
            Err(e) => break e,
        }
    };
    assert_eq!(err.code(), Some("InternalErrorException"));
    assert_eq!(names.len(), 120);
    assert_eq!(last_token.as_deref(), Some("t2"));

    // The same listing, continued from the token after the fault has passed.
    let healed = faulty_page(users, 99, 0, Canned::Hangup).await;
    let rest = list_all(
        &common::client_for(&healed.url, "AKID", "secret").await,
        last_token.as_deref(),
    )
    .await
    .unwrap();
    names.extend(rest);
    assert_eq!(names, all_names(users));
    let asked: Vec<usize> = list_requests(&healed)
        .iter()
        .map(Users::page_asked)
        .collect();
    assert_eq!(asked, [2, 3, 4], "the resumed listing did not start over");
}

// The real binary: what a script sees.

fn cli_flags(server: &FaultServer) -> Vec<String> {
    ["--region", "us-east-1", "--endpoint-url", &server.url]
        .map(str::to_owned)
        .to_vec()
}

async fn users_list(server: &FaultServer, output: &str, env: &[(&str, &str)]) -> cli_support::Run {
    let mut args: Vec<String> = ["users", "list", "--pool", POOL, "--output", output]
        .map(str::to_owned)
        .to_vec();
    args.extend(cli_flags(server));
    cli_support::run_env(args, "", env).await
}

#[tokio::test]
async fn users_list_retries_an_empty_page_and_prints_every_user() {
    let users = Users::new(250);
    let server = faulty_page(users, 2, 1, Canned::json(200, "")).await;
    let run = users_list(&server, "json", &[]).await;
    assert_eq!(run.code, 0, "{run:?}");
    let listed: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(listed.len(), users.total);
}

#[tokio::test]
async fn a_listing_that_fails_midway_exits_1_with_a_complete_json_document() {
    let users = Users::new(250);
    let server = faulty_page(users, 2, usize::MAX, Canned::json(200, "")).await;
    let run = users_list(&server, "json", &[("AWS_MAX_ATTEMPTS", "1")]).await;
    assert_eq!(run.code, 1, "{run:?}");
    let listed: Vec<serde_json::Value> = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("stdout is not a whole JSON document ({e}): {}", run.stdout));
    assert_eq!(listed.len(), 120, "the pages before the fault");
    assert_eq!(run.stderr.lines().count(), 1, "{run:?}");
    assert!(run.stderr.contains("cut off"), "{run:?}");
    assert!(run.stderr.contains("120 users"), "{run:?}");
}

#[tokio::test]
async fn a_repeated_token_fails_users_list_instead_of_exiting_0() {
    let users = Users::new(300);
    let server = serve_with(move |request| {
        if let Some(answer) = pool_lookup(request, users.total) {
            return answer;
        }
        let page = Users::page_asked(request);
        let mut body: serde_json::Value = serde_json::from_str(&users.page_body(page)).unwrap();
        if page == 2 {
            body["PaginationToken"] = serde_json::json!("t1");
        }
        Canned::json(200, &body.to_string())
    })
    .await;
    let run = users_list(&server, "table", &[]).await;
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("ListUsers"), "{run:?}");
    assert!(run.stderr.contains("page 1"), "{run:?}");
}

#[tokio::test]
async fn a_throttled_call_says_its_code_once() {
    let server = serve_with(|_| Canned::throttled()).await;
    let mut args: Vec<String> = ["users", "get", "--pool", POOL, "ann"]
        .map(str::to_owned)
        .to_vec();
    args.extend(cli_flags(&server));
    let run = cli_support::run_env(args, "", &[("AWS_MAX_ATTEMPTS", "1")]).await;
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stderr.matches("TooManyRequestsException").count(),
        1,
        "{run:?}"
    );
}
