//! End-to-end journeys of user administration: the real binary in tmux against moto and the local
//! server, every change checked on the server with a fresh read.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod common;
mod tmux_support;

use cognito_tui::cognito::types::Secret;
use cognito_tui::cognito::{CognitoClient, GroupName, PoolId, Username};
use common::backend::{Backend, Server};
use futures::TryStreamExt as _;
use serde_json::json;
use tmux_support::Tmux;

/// A pool with these users (email `<name>@example.com`, verified), its name for the console.
async fn pool_with(
    server: &Server,
    prefix: &str,
    users: &[&str],
) -> (CognitoClient, PoolId, String) {
    let client = server.client().await;
    let pool = common::create_pool(&client, prefix).await;
    let described = client.describe_user_pool(&pool).await.unwrap();
    let name = described.user_pool.unwrap().name.unwrap();
    for user in users {
        let email = format!("{user}@example.com");
        common::create_user(
            &client,
            &pool,
            user,
            &[("email", &email), ("email_verified", "true")],
        )
        .await;
    }
    (client, pool, name)
}

async fn user_state(c: &CognitoClient, pool: &PoolId, user: &str) -> (String, bool) {
    let got = c.admin_get_user(pool, &Username::new(user)).await.unwrap();
    (
        got.user_status.map(|s| s.to_string()).unwrap_or_default(),
        got.enabled.unwrap_or(true),
    )
}

/// The console open on the pool's users.
fn open_users(tmux: &Tmux, server: &Server, name: &str, extra: &str) {
    tmux.open_console_with(&server.url, extra);
    tmux.find_pool(name);
    tmux.keys(&["Enter"]);
    tmux.wait(&format!("the users of {name}"), |s| {
        s.contains(&format!("› {name} › Users")) && s.contains("@example.com")
    });
}

async fn support_agent_finds_a_user_by_email_resets_the_password_and_signs_them_out(
    backend: Backend,
) {
    let server = backend.start().await;
    let (c, pool, name) = pool_with(&server, "e2e-support", &["ann", "bob", "carol"]).await;
    c.admin_set_user_password(
        &pool,
        &Username::new("ann"),
        &Secret::new("Perm-Passw0rd!"),
        true,
    )
    .await
    .unwrap();
    let tmux = Tmux::start();
    open_users(&tmux, &server, &name, "");

    tmux.keys(&["s"]);
    tmux.wait_for("Search users on the server");
    tmux.type_text("ann@");
    tmux.keys(&["Enter"]);
    tmux.wait("only ann", |s| {
        s.contains("ann@example.com") && !s.contains("bob@example.com")
    });

    tmux.keys(&["R"]);
    tmux.wait_for("Reset the password of ann");
    tmux.keys(&["Enter"]);
    tmux.wait_for("✓ password reset for ann");
    tmux.wait("the row shows the new status", |s| {
        s.contains("RESET_REQUIRED")
    });
    assert_eq!(user_state(&c, &pool, "ann").await.0, "RESET_REQUIRED");

    tmux.keys(&["o"]);
    let screen = tmux.wait_for("Sign ann out everywhere");
    assert!(
        screen.contains("stay valid"),
        "the note on issued tokens:\n{screen}"
    );
    tmux.keys(&["Enter"]);
    tmux.wait_for("✓ ann signed out everywhere");
    tmux.quit();
}

async fn admin_creates_a_user_with_a_temporary_password_and_adds_them_to_a_group(backend: Backend) {
    let server = backend.start().await;
    let (c, pool, name) = pool_with(&server, "e2e-create", &["ann"]).await;
    c.call_json(
        "CreateGroup",
        &json!({"UserPoolId": pool, "GroupName": "staff"}),
    )
    .await
    .unwrap();
    let tmux = Tmux::start();
    open_users(&tmux, &server, &name, "");

    tmux.keys(&["c"]);
    tmux.wait("the create form with the pool's attributes", |s| {
        s.contains("Create user")
            && s.contains("Temporary password")
            && !s.contains("Loading the pool")
    });
    tmux.type_text("zoe");
    tmux.keys(&["Tab"]);
    tmux.type_text("zoe@example.com");
    // Back to the username, then backwards (wrapping) to the temporary password.
    for _ in 0..6 {
        tmux.keys(&["BTab"]);
    }
    tmux.type_text("Temp-Passw0rd!");
    tmux.keys(&["Tab", "Space"]);
    tmux.wait_for("(•) suppress");
    tmux.keys(&["Enter"]);
    tmux.wait_for("✓ zoe created");
    tmux.wait("zoe in the table", |s| s.contains("zoe@example.com"));
    let (status, _) = user_state(&c, &pool, "zoe").await;
    assert_eq!(status, "FORCE_CHANGE_PASSWORD");

    tmux.keys(&["/"]);
    tmux.type_text("zoe");
    tmux.keys(&["Enter"]);
    tmux.wait("only zoe", |s| {
        s.contains("zoe@example.com") && !s.contains("ann@example.com")
    });
    tmux.keys(&["+"]);
    tmux.wait("the group picker", |s| {
        s.contains("Add zoe to a group") && s.contains("staff")
    });
    tmux.keys(&["Enter"]);
    tmux.wait_for("✓ zoe added to staff");
    let groups: Vec<_> = c
        .admin_list_groups_for_user(&pool, &Username::new("zoe"))
        .try_collect()
        .await
        .unwrap();
    let names: Vec<GroupName> = groups
        .into_iter()
        .flat_map(|p| p.groups.into_iter().map(|g| g.group_name))
        .collect();
    assert_eq!(names, [GroupName::new("staff")]);
    tmux.quit();
}

async fn bulk_disable_of_three_marked_users(backend: Backend) {
    let server = backend.start().await;
    let (c, pool, name) = pool_with(&server, "e2e-bulk", &["bk1", "bk2", "bk3", "keep"]).await;
    let tmux = Tmux::start();
    open_users(&tmux, &server, &name, "");

    tmux.keys(&["/"]);
    tmux.type_text("bk");
    tmux.keys(&["Enter"]);
    tmux.wait("the three", |s| {
        s.contains("bk3@example.com") && !s.contains("keep@")
    });
    tmux.keys(&["*"]);
    tmux.wait_for("3 marked");
    tmux.keys(&["b"]);
    tmux.wait_for("3 marked users");
    tmux.keys(&["x"]);
    tmux.wait_for("Disable 3 users");
    tmux.type_text("3");
    tmux.keys(&["Enter"]);
    tmux.wait_for("3 done");
    for user in ["bk1", "bk2", "bk3"] {
        assert!(!user_state(&c, &pool, user).await.1, "{user} is disabled");
    }
    assert!(user_state(&c, &pool, "keep").await.1, "keep was not marked");
    tmux.keys(&["Escape"]);
    tmux.wait("the plan closed", |s| !s.contains("Disable 3 users"));
    tmux.quit();
}

async fn read_only_refuses_a_disable(backend: Backend) {
    let server = backend.start().await;
    let (c, pool, name) = pool_with(&server, "e2e-ro", &["ann"]).await;
    let tmux = Tmux::start();
    open_users(&tmux, &server, &name, "--read-only");
    tmux.keys(&["x"]);
    tmux.keys(&["a"]);
    let screen = tmux.wait_for("devices and sign-in history");
    assert!(
        !screen.contains("Disable ann"),
        "no disable dialog:\n{screen}"
    );
    assert!(
        !screen.contains("disable"),
        "the menu offers no disable:\n{screen}"
    );
    // Esc and '?' sent together can reach the console as Alt-'?': wait for the menu to close.
    tmux.keys(&["Escape"]);
    tmux.wait("the menu closed", |s| {
        !s.contains("devices and sign-in history")
    });
    tmux.keys(&["?"]);
    let screen = tmux.wait_for("Users table");
    assert!(
        !screen.contains("disable / enable"),
        "help lists no disable:\n{screen}"
    );
    tmux.keys(&["Escape"]);
    assert!(
        user_state(&c, &pool, "ann").await.1,
        "nothing changed on the server"
    );
    tmux.quit();
}

on_both!("multi_thread": support_agent_finds_a_user_by_email_resets_the_password_and_signs_them_out, admin_creates_a_user_with_a_temporary_password_and_adds_them_to_a_group, bulk_disable_of_three_marked_users, read_only_refuses_a_disable);
