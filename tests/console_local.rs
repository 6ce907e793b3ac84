//! The whole console against the built-in local server's demo: real keys through the key map,
//! `update`, the worker and the wire, snapshotted screen by screen. The demo is deterministic
//! (seeded data, fixed dates), so these snapshots hold on every machine; record new ones with
//! `INSTA_UPDATE=always`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod common;
mod console_support;
mod worker_support;

use console_support::Console;
use crossterm::event::KeyCode;

#[tokio::test]
async fn browse_the_demo_pools_users_and_a_user() {
    let mut c = Console::local_demo().await;
    insta::assert_snapshot!("local_pools", c.screen());

    c.press(KeyCode::Enter).await;
    insta::assert_snapshot!("local_production_users", c.screen());

    // A server-side search, as support staff find a user among thousands.
    c.keys("s").await;
    c.keys("ann").await;
    c.press(KeyCode::Enter).await;
    insta::assert_snapshot!("local_search_ann", c.screen());

    c.press(KeyCode::Enter).await;
    insta::assert_snapshot!("local_user_detail", c.screen());

    c.keys("y").await;
    let raw = c.screen();
    assert!(
        raw.contains("raw JSON") && raw.contains("\"GroupName\": \"admins\""),
        "the raw JSON view:\n{raw}"
    );
}

#[tokio::test]
async fn the_production_pool_tabs_and_overview() {
    let mut c = Console::local_demo().await;
    c.press(KeyCode::Enter).await;
    c.press(KeyCode::Tab).await;
    insta::assert_snapshot!("local_groups", c.screen());
    c.press(KeyCode::Tab).await;
    let clients = c.screen();
    insta::assert_snapshot!("local_clients", clients);
    c.press(KeyCode::Tab).await;
    insta::assert_snapshot!("local_idps", c.screen());
    c.keys("d").await;
    insta::assert_snapshot!("local_idp_detail", c.screen());

    // Back on the tabs, the pool's domain, resource servers and tags follow; then Tab wraps
    // from the last to the pool's overview.
    c.press(KeyCode::Esc).await;
    c.press(KeyCode::Tab).await;
    insta::assert_snapshot!("local_domain", c.screen());
    c.press(KeyCode::Tab).await;
    insta::assert_snapshot!("local_resource_servers", c.screen());
    c.press(KeyCode::Tab).await;
    insta::assert_snapshot!("local_tags", c.screen());
    c.press(KeyCode::Tab).await;
    insta::assert_snapshot!("local_pool_overview", c.screen());
}

/// The panes without a detail view say so on Enter instead of opening an empty one.
#[tokio::test]
async fn a_pane_whose_table_shows_everything_says_so_on_enter() {
    let mut c = Console::local_demo().await;
    c.press(KeyCode::Enter).await;
    c.keys(":servers").await;
    c.press(KeyCode::Enter).await;
    c.press(KeyCode::Enter).await;
    let screen = c.screen();
    assert!(
        screen.contains("https://api.acme.example")
            && screen.contains("The resource servers table shows all there is of each row"),
        "{screen}"
    );
}

#[tokio::test]
async fn the_action_menu_of_a_demo_user_offers_what_their_status_allows() {
    let mut c = Console::local_demo().await;
    c.press(KeyCode::Enter).await;
    c.keys("a").await;
    insta::assert_snapshot!("local_action_menu", c.screen());
}

#[tokio::test]
async fn a_users_mfa_remembered_devices_and_sign_in_history() {
    let mut c = Console::local_demo().await;
    c.press(KeyCode::Enter).await;
    c.keys("s").await;
    c.keys("ann.adams3").await;
    c.press(KeyCode::Enter).await;
    c.press(KeyCode::Enter).await;
    let detail = c.screen();
    assert!(
        detail.contains("SOFTWARE_TOKEN_MFA"),
        "the demo gave ann.adams3 an authenticator app:\n{detail}"
    );
    c.keys("v").await;
    insta::assert_snapshot!("local_devices_and_sign_in_history", c.screen());
}

/// The demo's acme-backend has a secret: `S` on its detail shows it masked under the warning
/// (the snapshot never holds it revealed).
#[tokio::test]
async fn an_app_clients_secret_is_shown_masked_on_s() {
    let mut c = Console::local_demo().await;
    c.press(KeyCode::Enter).await;
    c.keys(":clients").await;
    c.press(KeyCode::Enter).await;
    c.keys("j").await;
    c.press(KeyCode::Enter).await;
    c.keys("S").await;
    insta::assert_snapshot!("local_client_secret", c.screen());
}

/// `+` on a user marks the groups they are in, and picking one of them sends nothing; `-` offers
/// only their groups.
#[tokio::test]
async fn the_group_pickers_know_the_users_groups() {
    let mut c = Console::local_demo().await;
    c.press(KeyCode::Enter).await;
    c.keys("s").await;
    c.keys("ann").await;
    c.press(KeyCode::Enter).await;
    c.keys("+").await;
    let screen = c.screen();
    let line_of = |screen: &str, group: &str| {
        screen
            .lines()
            .find(|l| l.contains(&format!("│ {group} ")))
            .unwrap_or_else(|| panic!("{group} is offered:\n{screen}"))
            .to_owned()
    };
    assert!(line_of(&screen, "admins").contains("✓ member"), "{screen}");
    assert!(
        !line_of(&screen, "billing").contains("✓ member"),
        "{screen}"
    );
    c.press(KeyCode::Enter).await;
    let screen = c.screen();
    assert!(
        screen.contains("ann.adams1 is already in admins: nothing to add"),
        "{screen}"
    );
    c.press(KeyCode::Down).await;
    c.press(KeyCode::Down).await;
    c.press(KeyCode::Enter).await;
    let screen = c.screen();
    assert!(screen.contains("✓ ann.adams1 added to billing"), "{screen}");

    c.keys("-").await;
    let screen = c.screen();
    assert!(
        screen.contains("Remove ann.adams1 from a group"),
        "{screen}"
    );
    for group in ["admins", "beta-testers", "billing"] {
        line_of(&screen, group);
    }
    assert!(
        !screen.contains("│ support "),
        "only the groups ann.adams1 is in:\n{screen}"
    );
}
