//! The worker answers `:find`'s read on moto and the local server: one `Found` with the person in
//! the pool they are in, every pool of the region counted; with regions named, each region
//! searched through a connection of its own, and one that cannot be reached named.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod common;
mod worker_support;

use cognito_tui::app::effect::Read;
use cognito_tui::app::{ApiCall, Payload};
use cognito_tui::shared::find::{Needle, Places};
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

    let here = Places::default();
    h.call(
        1,
        ApiCall::Read(Read::FindUser(Needle::classify(&email), here)),
    );
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

/// The console on us-east-1 finds a person whose pool is in eu-west-1 (moto keeps regions apart),
/// and a region that cannot be reached is a failure beside the hit, not the end of the search.
#[tokio::test(flavor = "current_thread")]
async fn named_regions_are_each_searched_and_one_out_of_reach_is_a_failure() {
    let url = common::moto_url();
    let mut h = Harness::start(worker_support::settings(&url), 64).await;
    let europe = common::client_in(&url, "testing", "testing", "eu-west-1").await;
    let pool = common::create_pool(&europe, "worker-find-eu").await;
    let email = format!("{}@example.com", common::unique("eve"));
    common::create_user(&europe, &pool, "eve", &[("email", &email)]).await;

    let places = Places {
        profiles: Vec::new(),
        regions: vec![
            "us-east-1".into(),
            "eu-west-1".into(),
            "not a region".into(),
        ],
    };
    h.call(
        1,
        ApiCall::Read(Read::FindUser(Needle::classify(&email), places)),
    );
    let pages = h.pages(1).await;
    let [(Payload::Found(report), true)] = pages.as_slice() else {
        panic!("one Found, done: {pages:?}");
    };
    assert_eq!(report.hits.len(), 1, "{report:?}");
    let hit = &report.hits[0];
    assert_eq!(
        (hit.user_pool_id.clone(), hit.username.as_str()),
        (pool, "eve")
    );
    assert_eq!(hit.place.region, "eu-west-1");
    assert_eq!(report.failures.len(), 1, "{report:?}");
    assert_eq!(report.failures[0].place.region, "not a region");
    assert!(report.failures[0].user_pool_id.is_none(), "{report:?}");
    assert!(!report.is_complete());
}
