//! The per-user quota in the scheduler, on tokio's paused clock (as `scheduler_tests`): one user is
//! paced to 10 calls a second, other users are not held up by it, and the map of users stays small.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use tokio::time::Instant;

use super::{Category, Lane, Pacing, Quotas, Scheduler, UserKey};

fn aws() -> Arc<Scheduler> {
    Arc::new(Scheduler::new(Quotas::new(Pacing::Aws)))
}

fn user(name: &str) -> UserKey {
    let input = format!(r#"{{"UserPoolId":"us-east-1_Pool","Username":"{name}"}}"#);
    UserKey::of("AdminGetUser", input.as_bytes()).unwrap()
}

async fn read(s: &Scheduler, name: &str, lane: Lane) {
    s.acquire_for(Category::UserRead, Some(&user(name)), lane)
        .await;
}

#[tokio::test(start_paused = true)]
async fn one_user_is_paced_to_ten_a_second_and_other_users_are_not_held_up() {
    let s = aws();
    let sent = Arc::new(AtomicU64::new(0));
    {
        let (s, sent) = (Arc::clone(&s), Arc::clone(&sent));
        tokio::spawn(async move {
            loop {
                read(&s, "ann", Lane::Interactive).await;
                sent.fetch_add(1, Ordering::Relaxed);
            }
        });
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    // While ann's calls wait on her own bucket, bob's go at once: a burst of five.
    let started = Instant::now();
    for _ in 0..5 {
        read(&s, "bob", Lane::Interactive).await;
    }
    assert_eq!(started.elapsed(), Duration::ZERO);
    // The category was never what held ann back: nobody counts as waiting for it.
    assert_eq!(s.usage_of(Category::UserRead).waiting_interactive, 0);
    tokio::time::sleep(Duration::from_millis(9_500)).await;
    // Five at once, then ten a second for ten seconds, give or take one.
    let ann = sent.load(Ordering::Relaxed);
    assert!((104..=106).contains(&ann), "{ann} calls on ann in 10 s");
}

#[tokio::test(start_paused = true)]
async fn reads_and_writes_of_one_user_have_a_quota_each() {
    let s = aws();
    let write = UserKey::of(
        "AdminDisableUser",
        br#"{"UserPoolId":"us-east-1_Pool","Username":"ann"}"#,
    )
    .unwrap();
    let started = Instant::now();
    for _ in 0..5 {
        read(&s, "ann", Lane::Interactive).await;
        s.acquire_for(Category::UserUpdate, Some(&write), Lane::Interactive)
            .await;
    }
    assert_eq!(started.elapsed(), Duration::ZERO);
    read(&s, "ANN", Lane::Interactive).await;
    // The sixth read waited for ann's bucket (a tenth of a second, to the timer's millisecond),
    // whatever the case of her name.
    let waited = started.elapsed();
    assert!(
        (Duration::from_millis(100)..=Duration::from_millis(101)).contains(&waited),
        "{waited:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn a_run_over_twenty_thousand_users_holds_few_buckets() {
    let s = aws();
    let started = Instant::now();
    let mut most = 0;
    for i in 0..20_000 {
        read(&s, &format!("user{i}"), Lane::Background).await;
        most = most.max(s.users_held());
    }
    // Paced by UserRead's 120 a second alone (after its burst of 120), never by a user's quota.
    let took = started.elapsed().as_secs_f64();
    assert!((165.0..=170.0).contains(&took), "{took}");
    // UserRead's burst puts 120 users' buckets in use at one instant; the map holds at most twice
    // the buckets in use at the last sweep, and once the burst is over, a few dozen.
    assert!(most <= 256, "{most} users' buckets held at once");
    assert!(s.users_held() <= 64, "{} held at the end", s.users_held());
}

#[tokio::test(start_paused = true)]
async fn an_interactive_call_on_one_user_still_goes_before_a_run_over_many() {
    let s = aws();
    for taker in 0..16 {
        let s = Arc::clone(&s);
        tokio::spawn(async move {
            for i in 0.. {
                read(&s, &format!("run{taker}-{i}"), Lane::Background).await;
                tokio::time::sleep(Duration::from_millis(60)).await;
            }
        });
    }
    tokio::time::sleep(Duration::from_secs(3)).await;
    for _ in 0..5 {
        let started = Instant::now();
        read(&s, "ann", Lane::Interactive).await;
        // At most one UserRead token's interval (to the timer's millisecond), never behind the
        // run's waiting calls.
        assert!(
            started.elapsed() <= Duration::from_millis(9),
            "{:?}",
            started.elapsed()
        );
    }
}

#[tokio::test(start_paused = true)]
async fn without_a_known_quota_users_are_not_paced() {
    let s = Arc::new(Scheduler::new(Quotas::new(Pacing::Adaptive)));
    assert!(!s.paces_users());
    let started = Instant::now();
    for _ in 0..1000 {
        read(&s, "ann", Lane::Interactive).await;
    }
    assert_eq!(started.elapsed(), Duration::ZERO);
    let mut lower = Quotas::new(Pacing::Adaptive);
    lower.per_user = Some(2.0);
    let s = Arc::new(Scheduler::new(lower));
    // A rate from the settings applies anyway: a burst of one, then one every half second.
    read(&s, "ann", Lane::Interactive).await;
    read(&s, "ann", Lane::Interactive).await;
    assert!(started.elapsed() >= Duration::from_millis(500));
}
