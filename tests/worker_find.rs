//! The worker answers `:find`'s read on moto and the local server: one `Found` with the person in
//! the pool they are in, every pool of the region counted.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod common;
mod worker_support;

use cognito_tui::app::effect::Read;
use cognito_tui::app::{ApiCall, Payload};
use cognito_tui::shared::find::Needle;
use common::backend::Backend;
use worker_support::Harness;

async fn find_answers_with_the_pool_the_person_is_in(backend: Backend) {
    let server = backend.start().await;
    let mut h = Harness::on(&server).await;
    let other = common::create_pool(&h.client, "worker-find-a").await;
    let pool = common::create_pool(&h.client, "worker-find-b").await;
    let email = format!("{}@example.com", common::unique("zoe"));
    common::create_user(&h.client, &other, "zed", &[]).await;
    common::create_user(&h.client, &pool, "zoe", &[("email", &email)]).await;

    h.call(1, ApiCall::Read(Read::FindUser(Needle::classify(&email))));
    let pages = h.pages(1).await;
    let [(Payload::Found(report), true)] = pages.as_slice() else {
        panic!("one Found, done: {pages:?}");
    };
    assert_eq!(report.hits.len(), 1, "{report:?}");
    assert_eq!(report.hits[0].user_pool_id, pool);
    assert_eq!(report.hits[0].username, "zoe");
    assert!(report.hits[0].pool_name.starts_with("worker-find-b"));
    assert!(report.failures.is_empty(), "{report:?}");
    assert_eq!(report.searched, report.pools);
    assert!(report.pools >= 2);
}

on_both!("current_thread": find_answers_with_the_pool_the_person_is_in);
