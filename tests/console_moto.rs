//! The whole console against moto, for what moto answers differently from AWS: it has no
//! ListTagsForResource (an HTML 500), so the Tags pane must say the endpoint lacks it instead of
//! failing vaguely or loading forever; its domains and resource servers still show.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod common;
mod console_support;
mod worker_support;

use console_support::Console;
use crossterm::event::KeyCode;
use serde_json::json;

#[tokio::test]
async fn on_moto_the_tags_pane_says_the_endpoint_lacks_tags_and_the_others_load() {
    let client = common::moto().await;
    let pool = common::create_pool(&client, "console-panes").await;
    let domain = common::unique("panes-dom");
    client
        .call_json(
            "CreateUserPoolDomain",
            &json!({ "UserPoolId": pool, "Domain": domain }),
        )
        .await
        .expect("CreateUserPoolDomain");
    client
        .call_json(
            "CreateResourceServer",
            &json!({ "UserPoolId": pool, "Identifier": "orders.example", "Name": "Orders",
                     "Scopes": [{"ScopeName": "orders.read", "ScopeDescription": "read"}] }),
        )
        .await
        .expect("CreateResourceServer");

    let mut c = Console::at(&common::moto_url()).await;
    c.keys(&format!(":pool {pool}")).await;
    c.press(KeyCode::Enter).await;

    c.keys(":tags").await;
    c.press(KeyCode::Enter).await;
    let tags = c.screen();
    assert!(
        tags.contains("ListTagsForResource is not supported by this endpoint"),
        "the Tags pane on moto:\n{tags}"
    );
    assert!(!c.state.is_busy(), "the Tags pane still loads:\n{tags}");

    c.keys(":domain").await;
    c.press(KeyCode::Enter).await;
    let domains = c.screen();
    // The column is narrower than a unique test name: its start is enough.
    assert!(
        domains.contains(&domain[..20]) && domains.contains("prefix ACTIVE"),
        "{domains}"
    );

    // moto answers GetUserPoolMfaConfig with MfaConfiguration alone, and leaves out the tier
    // and the add-ons.
    c.keys(":overview").await;
    c.press(KeyCode::Enter).await;
    let overview = c.screen();
    for line in [
        "MFA methods          none",
        "Threat protection    OFF",
        "Usernames            case sensitive",
    ] {
        assert!(overview.contains(line), "{line}:\n{overview}");
    }

    c.keys(":servers").await;
    c.press(KeyCode::Enter).await;
    let servers = c.screen();
    assert!(
        servers.contains("orders.example") && servers.contains("orders.read"),
        "{servers}"
    );
}

/// Support does not know the region either: `:find` with regions named finds her pool in
/// eu-west-1 while the console is on us-east-1 (moto keeps regions apart), and Enter switches the
/// console to eu-west-1 before it opens her pool and her detail.
#[tokio::test]
async fn find_across_regions_switches_to_the_hits_region_and_opens_the_user() {
    let url = common::moto_url();
    let europe = common::client_in(&url, "testing", "testing", "eu-west-1").await;
    let pool = common::create_pool(&europe, "console-find-eu").await;
    let email = format!("{}@example.com", common::unique("eva"));
    common::create_user(&europe, &pool, "eva", &[("email", &email)]).await;

    let mut c = Console::at(&url).await;
    assert_eq!(c.state.context.region, "us-east-1");
    c.keys(&format!(":find {email} --regions us-east-1,eu-west-1"))
        .await;
    c.press(KeyCode::Enter).await;
    let found = c.screen();
    assert!(
        found.contains("Where") && found.contains("eu-west-1") && found.contains("eva"),
        "the hit says where it is:\n{found}"
    );
    c.press(KeyCode::Enter).await;
    let opened = c.screen();
    assert_eq!(c.state.context.region, "eu-west-1", "{opened}");
    assert_eq!(
        c.state.pool.as_ref().map(|p| p.id.clone()),
        Some(pool.clone())
    );
    let detail = c.state.detail.as_ref().expect("her detail is open");
    assert_eq!(detail.name, "eva");
    assert!(
        opened.contains("region eu-west-1") && opened.contains(&email),
        "the header says eu-west-1 and her detail shows:\n{opened}"
    );
}
