//! The tool's own changes reach a pool's local index without a rebuild, on moto and the local
//! server: by the username, and through an email (an alias, or the pool's username attribute),
//! where the user is read again by their real name; a delete the index cannot place is counted,
//! so the index says it may be stale.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod cli_support;
mod common;
mod index_support;

use cli_support::on_server::Bin;
use cognito_tui::cognito::{CognitoClient, PoolId};
use common::backend::Backend;
use index_support::{json_of, names, pool_of_three};
use serde_json::json;

async fn the_tools_own_changes_reach_the_index_without_a_rebuild(backend: Backend) {
    let server = backend.start().await;
    let client = server.client().await;
    let pool = pool_of_three(&client).await;
    let p = pool.as_str();
    let bin = Bin::new(&server);
    bin.ok(&format!("users index --pool {p}")).await;
    bin.ok(&format!("users enable --pool {p} bob")).await;
    bin.ok(&format!("users delete --pool {p} carla")).await;
    bin.ok(&format!("users add-to-group --pool {p} bob admins"))
        .await;
    // A new email may wait for verification: the index takes what a fresh read says.
    bin.ok(&format!(
        "users update-attributes --pool {p} ann email=ann.new@example.com custom:plan=pro"
    ))
    .await;
    let renamed = json_of(
        &bin,
        &[
            "users",
            "query",
            "--pool",
            p,
            "email ~ \"ann.new\" and custom:plan = \"pro\"",
        ],
    )
    .await;
    assert_eq!(names(&renamed), ["ann"]);
    let admins = json_of(
        &bin,
        &["users", "query", "--pool", p, "group = admins and enabled"],
    )
    .await;
    assert_eq!(names(&admins), ["ann", "bob"]);
    let counts = json_of(&bin, &["users", "count", "--pool", p]).await;
    assert_eq!(counts["Counts"], json!({"users": 2}));
    // Still the index built before the changes: followed, not rebuilt.
    let listed = json_of(&bin, &["index", "list"]).await;
    assert_eq!(listed.as_array().unwrap().len(), 1);
}

/// ann, bob and carla, each with a verified email: moto takes it as a username attribute (and
/// makes the usernames UUIDs), the local server as an alias of plain usernames. The usernames.
async fn pool_named_by_email(client: &CognitoClient, moto: bool) -> (PoolId, Vec<String>) {
    let naming = if moto {
        json!({"UsernameAttributes": ["email"]})
    } else {
        json!({"AliasAttributes": ["email"]})
    };
    let mut spec = naming;
    spec["PoolName"] = json!("by-email");
    let created = client.call_json("CreateUserPool", &spec).await.unwrap();
    let pool = PoolId::new(created["UserPool"]["Id"].as_str().unwrap());
    let mut usernames = Vec::new();
    for name in ["ann", "bob", "carla"] {
        let email = format!("{name}@example.com");
        let username = if moto { email.clone() } else { name.to_owned() };
        let input = json!({"UserPoolId": pool, "Username": username, "MessageAction": "SUPPRESS",
            "TemporaryPassword": "Passw0rd!Passw0rd",
            "UserAttributes": [{"Name": "email", "Value": email},
                               {"Name": "email_verified", "Value": "true"}]});
        let user = client.call_json("AdminCreateUser", &input).await.unwrap();
        usernames.push(user["User"]["Username"].as_str().unwrap().to_owned());
    }
    (pool, usernames)
}

async fn changes_through_an_email_reach_the_user_it_names(backend: Backend) {
    let server = backend.start().await;
    let client = server.client().await;
    let (pool, usernames) = pool_named_by_email(&client, server.is_moto()).await;
    assert_ne!(
        usernames[0], "ann@example.com",
        "the email is not the username"
    );
    let p = pool.as_str();
    let bin = Bin::new(&server);
    bin.ok(&format!("users index --pool {p}")).await;

    bin.ok(&format!("users disable --pool {p} ann@example.com"))
        .await;
    let disabled = json_of(&bin, &["users", "query", "--pool", p, "not enabled"]).await;
    assert_eq!(names(&disabled), [usernames[0].as_str()]);
    // A new address set through the old one: read back by her real name, since the old address
    // names nobody once replaced.
    bin.ok(&format!(
        "users update-attributes --pool {p} ann@example.com email=ann.new@example.com email_verified=true"
    ))
    .await;
    // `~` (contains): the index answers it, not a ListUsers filter.
    let query = "email ~ \"ann.new@\"";
    let moved = json_of(&bin, &["users", "query", "--pool", p, query]).await;
    assert_eq!(names(&moved), [usernames[0].as_str()], "{moved}");
    client
        .call_json(
            "CreateGroup",
            &json!({"UserPoolId": p, "GroupName": "admins"}),
        )
        .await
        .unwrap();
    bin.ok(&format!(
        "users add-to-group --pool {p} ann.new@example.com admins"
    ))
    .await;
    let admins = json_of(&bin, &["users", "query", "--pool", p, "group = admins"]).await;
    assert_eq!(names(&admins), [usernames[0].as_str()]);
    bin.ok(&format!("users delete --pool {p} bob@example.com"))
        .await;
    let left = json_of(
        &bin,
        &["users", "query", "--pool", p, "enabled or not enabled"],
    )
    .await;
    assert_eq!(names(&left).len(), 2, "{left}");
    assert!(!names(&left).contains(&usernames[1].as_str()), "{left}");

    // carla's new email is one the index never saw: her delete through it cannot be placed, and
    // the index says it may be stale rather than claim it followed.
    let input = json!({"UserPoolId": p, "Username": usernames[2], "UserAttributes": [
        {"Name": "email", "Value": "carla.new@example.com"},
        {"Name": "email_verified", "Value": "true"}]});
    client
        .call_json("AdminUpdateUserAttributes", &input)
        .await
        .unwrap();
    bin.ok(&format!("users delete --pool {p} carla.new@example.com"))
        .await;
    let listed = json_of(&bin, &["index", "list"]).await;
    assert_eq!(listed[0]["UnfollowedChanges"], json!(1), "{listed}");
    let table = bin.ok("index list").await;
    assert!(table.contains("may be stale: 1 change"), "{table}");
}

on_both!("current_thread":
    changes_through_an_email_reach_the_user_it_names,
    the_tools_own_changes_reach_the_index_without_a_rebuild,
);
