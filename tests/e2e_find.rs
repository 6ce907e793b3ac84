//! End-to-end: `:find` in the real binary with `--local`. The demo has ann.adams1 in both pools;
//! the search lists both, and Enter on the second opens her detail in acme-staging, a pool the
//! person never opened or named.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod common;
mod tmux_support;

use tmux_support::Tmux;

#[test]
fn find_opens_a_user_in_a_pool_nobody_named() {
    let tmux = Tmux::start();
    let data = tempfile::tempdir().unwrap();
    tmux.open_local(data.path());
    tmux.wait_for("acme-staging");
    tmux.keys(&[":"]);
    tmux.type_text("find ann.adams1@example.com");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("searched 2 of 2 pools; 0 failed");
    assert!(screen.contains("acme-production"), "{screen}");
    let staging = screen
        .lines()
        .find(|l| l.contains("acme-staging") && l.contains("ann.adams1"))
        .unwrap_or_else(|| panic!("a hit in acme-staging: {screen}"));
    assert!(staging.contains("ann.adams1@example.com"), "{screen}");
    // The hits are in pool-name order: production first, staging second.
    tmux.keys(&["Down", "Enter"]);
    let screen = tmux.wait("ann.adams1's detail in acme-staging", |s| {
        s.contains("email_verified") && s.lines().take(3).any(|l| l.contains("acme-staging"))
    });
    assert!(
        !screen.contains("searched 2 of 2"),
        "the overlay closed: {screen}"
    );
    tmux.keys(&["Escape"]);
    tmux.wait_for("44 users");
    tmux.quit();
}
