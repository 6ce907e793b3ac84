//! The scheduler on tokio's paused clock: time advances only while every task sleeps, so these
//! assert the schedule itself, not how fast this machine is.

use std::sync::Arc;
use std::time::Duration;

use tokio::time::Instant;

use super::{Category, Lane, Pacing, Quotas, Scheduler};

fn aws() -> Arc<Scheduler> {
    Arc::new(Scheduler::new(Quotas::new(Pacing::Aws)))
}

/// Spawns `n` background takers of `category` that each take tokens forever.
fn crawl(s: &Arc<Scheduler>, category: Category, n: usize) {
    for _ in 0..n {
        let s = Arc::clone(s);
        tokio::spawn(async move {
            loop {
                s.acquire(category, Lane::Background).await;
                // A page's round trip: the request is in flight, the token is spent.
                tokio::time::sleep(Duration::from_millis(60)).await;
            }
        });
    }
}

#[tokio::test(start_paused = true)]
async fn sixteen_listings_together_are_held_at_the_category_quota() {
    let s = aws();
    crawl(&s, Category::UserList, 16);
    tokio::time::sleep(Duration::from_secs(11)).await;
    let used = s.usage_of(Category::UserList);
    // The full bucket's burst of 30 at once, then 30 a second for eleven seconds, give or take one.
    assert!((358..=361).contains(&used.sent), "{used:?}");
}

#[tokio::test(start_paused = true)]
async fn an_interactive_call_goes_before_a_crawl_of_the_same_category() {
    let s = aws();
    crawl(&s, Category::UserList, 16);
    tokio::time::sleep(Duration::from_secs(3)).await;
    for _ in 0..20 {
        let started = Instant::now();
        s.acquire(Category::UserList, Lane::Interactive).await;
        // At most one token's interval, never behind sixteen waiting pages.
        assert!(
            started.elapsed() <= Duration::from_millis(34),
            "{:?}",
            started.elapsed()
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

#[tokio::test(start_paused = true)]
async fn a_crawl_of_one_category_never_delays_another() {
    let s = aws();
    crawl(&s, Category::UserList, 16);
    tokio::time::sleep(Duration::from_secs(2)).await;
    let started = Instant::now();
    for _ in 0..100 {
        s.acquire(Category::UserRead, Lane::Interactive).await;
    }
    // UserRead's own burst of 120: no wait at all.
    assert_eq!(started.elapsed(), Duration::ZERO);
}

#[tokio::test(start_paused = true)]
async fn a_throttle_slows_the_category_then_it_recovers_to_the_quota() {
    let s = aws();
    crawl(&s, Category::UserList, 16);
    tokio::time::sleep(Duration::from_secs(3)).await;
    s.throttled(Category::UserList);
    // Sixteen answers of the same burst: one cut.
    for _ in 0..15 {
        s.throttled(Category::UserList);
    }
    let cut = s.usage_of(Category::UserList);
    assert_eq!(cut.throttles, 16);
    let allowed = cut.allowed.unwrap();
    assert!((20.0..=21.5).contains(&allowed), "{cut:?}");
    let before = cut.sent;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let slowed = s.usage_of(Category::UserList).sent - before;
    // No saved-up burst after the cut: about the new rate, climbing.
    assert!((20..=25).contains(&slowed), "{slowed}");
    tokio::time::sleep(Duration::from_secs(5)).await;
    let after = s.usage_of(Category::UserList);
    assert!((after.allowed.unwrap() - 30.0).abs() < 1e-9, "{after:?}");
}

#[tokio::test(start_paused = true)]
async fn without_a_known_quota_nothing_waits_until_the_server_throttles() {
    let s = Arc::new(Scheduler::new(Quotas::new(Pacing::Adaptive)));
    let started = Instant::now();
    for _ in 0..1000 {
        s.acquire(Category::UserList, Lane::Background).await;
    }
    assert_eq!(started.elapsed(), Duration::ZERO);
    s.throttled(Category::UserList);
    assert!(s.usage_of(Category::UserList).allowed.is_some());
}

#[tokio::test(start_paused = true)]
async fn a_raised_quota_from_the_settings_is_the_ceiling() {
    let mut quotas = Quotas::new(Pacing::Aws);
    quotas.rates.insert(Category::UserRead, 300.0);
    let s = Arc::new(Scheduler::new(quotas));
    let started = Instant::now();
    for _ in 0..600 {
        s.acquire(Category::UserRead, Lane::Interactive).await;
    }
    // A burst of 300, then 300 more at 300 a second.
    let took = started.elapsed().as_secs_f64();
    assert!((0.99..=1.01).contains(&took), "{took}");
}

#[tokio::test(start_paused = true)]
async fn a_dropped_wait_is_no_longer_counted_as_waiting() {
    let s = aws();
    for _ in 0..30 {
        s.acquire(Category::UserList, Lane::Interactive).await;
    }
    let waiter = {
        let s = Arc::clone(&s);
        tokio::spawn(async move { s.acquire(Category::UserList, Lane::Interactive).await })
    };
    tokio::task::yield_now().await;
    assert_eq!(s.usage_of(Category::UserList).waiting_interactive, 1);
    waiter.abort();
    let _ = waiter.await;
    assert_eq!(s.usage_of(Category::UserList).waiting_interactive, 0);
    // The background lane is not held back by a call that went away.
    let started = Instant::now();
    s.acquire(Category::UserList, Lane::Background).await;
    assert!(started.elapsed() <= Duration::from_millis(34));
}

#[test]
fn clients_of_one_account_and_region_share_one_scheduler() {
    let a = Scheduler::shared("https://x/|us-east-1|prod", Quotas::new(Pacing::Aws));
    let b = Scheduler::shared("https://x/|us-east-1|prod", Quotas::new(Pacing::Aws));
    let c = Scheduler::shared("https://x/|eu-west-1|prod", Quotas::new(Pacing::Aws));
    assert!(Arc::ptr_eq(&a, &b));
    assert!(!Arc::ptr_eq(&a, &c));
}
