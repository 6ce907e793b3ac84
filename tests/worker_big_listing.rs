//! The users pane on a big pool (the local server's `big:N` seed, over the 3,000 users from which
//! a listing is split): the first page comes first, the rest in sixteen parts with their progress
//! told, and every user is listed exactly once; a small pool lists in one stream as before.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod common;
mod worker_support;

use std::collections::HashSet;

use cognito_tui::app::browse::rows::UserRow;
use cognito_tui::app::effect::Read;
use cognito_tui::app::remote::RequestId;
use cognito_tui::app::{Action, ApiCall, Payload};
use cognito_tui::cognito::PoolId;
use cognito_tui::local::seed_big::BIG_POOL;
use cognito_tui::local::{Seed, StateLocation};
use worker_support::{Harness, rows_of, settings};

const USERS: u32 = 3_500;

/// A local server seeded with `users`, and a worker asked for every user (request 1).
async fn list_everyone(users: u32) -> (cognito_tui::local::LocalServer, Harness) {
    let (server, _) = common::backend::local(&StateLocation::Memory, Seed::Big(users)).await;
    let h = Harness::start(settings(&server.url()), 64).await;
    h.call(
        1,
        ApiCall::Read(Read::ListUsers {
            pool: PoolId::new(BIG_POOL),
            filter: None,
            from: None,
        }),
    );
    (server, h)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_big_pool_lists_its_first_page_first_then_every_user_once_in_parts() {
    let (_server, mut h) = list_everyone(USERS).await;
    let mut pages: Vec<usize> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut listing_reports = 0;
    loop {
        match h.next().await {
            Action::Progress {
                request: RequestId(1),
                progress,
            } => {
                assert_eq!(progress.doing, "listing");
                assert!(progress.line.contains("UserList"), "{}", progress.line);
                listing_reports += 1;
            }
            Action::Loaded {
                request: RequestId(1),
                payload,
                done,
            } => {
                let rows = rows_of::<UserRow>(&payload);
                pages.push(rows.len());
                names.extend(rows.iter().map(|r| r.username.to_string()));
                if done {
                    break;
                }
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(pages[0], 60, "the first page comes first, whole");
    let unique: HashSet<&String> = names.iter().collect();
    assert_eq!(unique.len(), names.len(), "no user twice");
    assert_eq!(names.len(), USERS as usize, "every user");
    assert!(listing_reports > 0, "the crawl told its progress");
    // Sixteen parts end in sixteen short last pages: one stream would end in one.
    let short = pages[1..].iter().filter(|n| **n > 0 && **n < 60).count();
    assert!(short >= 8, "pages of the parts: {pages:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_small_pool_lists_in_one_stream() {
    let (_server, mut h) = list_everyone(150).await;
    let pages = h.pages(1).await;
    let sizes: Vec<usize> = pages
        .iter()
        .map(|(p, _)| match p {
            Payload::Rows(rows) => rows.len(),
            _ => 0,
        })
        .collect();
    assert_eq!(sizes, [60, 60, 30, 0], "page after page, then done");
}
