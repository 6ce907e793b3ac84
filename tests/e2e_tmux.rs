//! End-to-end: the real binary in tmux against moto and the local server. Keys go in with
//! `send-keys`, the screen comes back with `capture-pane`; every wait polls the screen until a
//! deadline. Fails loudly when tmux or moto is missing (scripts/test.sh provides both).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod common;
mod tmux_support;

use std::path::Path;

use cognito_tui::cognito::{CognitoClient, GroupName, PoolId, Username};
use common::backend::{Backend, Server};
use futures::StreamExt as _;
use serde_json::json;
use tmux_support::Tmux;

/// A pool (short unique name, so it fits the Name column) with users in groups.
async fn seed(
    server: &Server,
    prefix: &str,
    users: &[(&str, &[&str])],
    fillers: usize,
) -> (CognitoClient, PoolId, String) {
    let client = server.client().await;
    let pool = common::create_pool(&client, prefix).await;
    let described = client.describe_user_pool(&pool).await.unwrap();
    let name = described.user_pool.unwrap().name.unwrap();
    let mut groups: Vec<&str> = users.iter().flat_map(|(_, g)| g.iter().copied()).collect();
    groups.sort_unstable();
    groups.dedup();
    for group in groups {
        let input = json!({"UserPoolId": pool, "GroupName": group});
        client.call_json("CreateGroup", &input).await.unwrap();
    }
    for (user, groups) in users {
        let email = format!("{user}@example.com");
        common::create_user(&client, &pool, user, &[("email", &email)]).await;
        for group in *groups {
            client
                .admin_add_user_to_group(&pool, &Username::new(*user), &GroupName::new(*group))
                .await
                .unwrap();
        }
    }
    futures::stream::iter(0..fillers)
        .for_each_concurrent(8, |i| {
            let (client, pool) = (&client, &pool);
            async move {
                let user = format!("filler{i:03}");
                let email = format!("{user}@example.org");
                common::create_user(client, pool, &user, &[("email", &email)]).await;
            }
        })
        .await;
    (client, pool, name)
}

fn assert_exists(path: &Path) {
    assert!(path.exists(), "{} is missing", path.display());
}

async fn find_a_user_by_server_filter_and_see_their_groups(backend: Backend) {
    let server = backend.start().await;
    let users: &[(&str, &[&str])] = &[
        ("ann", &["admins", "support"]),
        ("bob", &["staff"]),
        ("carol", &[]),
    ];
    // More than a page of users, so the search has to happen on the server.
    let (_client, _pool, name) = seed(&server, "e2e-find", users, 70).await;
    let tmux = Tmux::start();
    tmux.open_console(&server.url);

    tmux.find_pool(&name);
    tmux.keys(&[":"]);
    tmux.type_text(&format!("pool {name}"));
    tmux.keys(&["Enter"]);
    tmux.wait(&format!("the users of {name}"), |s| {
        s.contains(&format!("› {name} › Users")) && s.contains("filler")
    });

    tmux.keys(&["s"]);
    tmux.wait_for("Search users on the server");
    tmux.type_text("ann");
    tmux.keys(&["Enter"]);
    tmux.wait("only ann, found on the server", |s| {
        s.contains("email ^= \"ann\"")
            && s.contains("ann@example.com")
            && !s.contains("filler")
            && !s.contains("bob@example.com")
    });

    tmux.keys(&["Enter"]);
    let screen = tmux.wait("ann's detail with her groups", |s| {
        s.contains(&format!("› {name} › Users › ann"))
            && s.contains("admins")
            && s.contains("support")
    });
    assert!(
        !screen.contains("staff"),
        "bob's group is not ann's:\n{screen}"
    );
    assert!(screen.contains("ann@example.com"), "{screen}");

    tmux.quit();
    assert_exists(&tmux.logs.path().join("cognito-tui.log"));
}

async fn help_local_filter_json_back_and_quit(backend: Backend) {
    let server = backend.start().await;
    let users: &[(&str, &[&str])] = &[
        ("dave", &["ops"]),
        ("erin", &["ops", "billing"]),
        ("frank", &[]),
    ];
    let (_client, _pool, name) = seed(&server, "e2e-keys", users, 0).await;
    let tmux = Tmux::start();
    tmux.open_console(&server.url);

    tmux.keys(&["?"]);
    tmux.wait_for("move down");
    tmux.keys(&["Escape"]);
    tmux.wait("help closed", |s| !s.contains("move down"));

    tmux.find_pool(&name);
    tmux.keys(&["Enter"]);
    tmux.wait_for("dave@example.com");

    tmux.keys(&["/"]);
    tmux.type_text("erin");
    tmux.wait("only erin", |s| {
        s.contains("erin@example.com") && !s.contains("dave@example.com") && !s.contains("frank@")
    });
    tmux.keys(&["Enter"]);

    tmux.keys(&["Enter"]);
    tmux.wait("erin's detail", |s| {
        s.contains(&format!("› {name} › Users › erin")) && s.contains("billing")
    });
    tmux.keys(&["y"]);
    tmux.wait("erin's raw JSON", |s| {
        s.contains("\"Username\": \"erin\"") || s.contains("\"GroupName\": \"billing\"")
    });
    tmux.keys(&["Escape"]);
    let screen = tmux.wait("back on the users table", |s| {
        s.contains(&format!("› {name} › Users")) && !s.contains("› erin") && s.contains("Username")
    });
    assert!(
        screen.contains("erin@example.com"),
        "the filter stays:\n{screen}"
    );
    assert!(
        !screen.contains("dave@example.com"),
        "the filter stays:\n{screen}"
    );

    tmux.quit();
}

on_both!("multi_thread": find_a_user_by_server_filter_and_see_their_groups, help_local_filter_json_back_and_quit);
