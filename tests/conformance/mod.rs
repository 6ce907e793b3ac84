//! Wire-level assertions that hold for any faithful Cognito endpoint: the local server runs them
//! all; moto runs them too (`moto_conformance`), with AWS-only behaviour switched by `Quirks`.
#![allow(
    dead_code,
    clippy::missing_panics_doc,
    clippy::unwrap_used,
    clippy::expect_used
)]

use std::collections::BTreeSet;

use cognito_tui::aws::AwsError;
use cognito_tui::cognito::groups::GroupInput;
use cognito_tui::cognito::types::{AttributeType, Secret};
use cognito_tui::cognito::user_admin::AdminCreateUserRequest;
use cognito_tui::cognito::user_filter::filter_expression;
use cognito_tui::cognito::user_status::UserStatus;
use cognito_tui::cognito::users::ListUsersRequest;
use cognito_tui::cognito::{CognitoClient, GroupName, PoolId, Username};
use futures::TryStreamExt as _;
use serde_json::json;

pub mod activity;
pub mod admin;
pub mod edits;
pub mod pool_lifecycle;
mod quirks;
pub mod resource_servers;
pub mod resources;
pub mod security;
pub mod validation;

// Not every test crate that includes the suite uses both.
#[allow(unused_imports)]
pub use quirks::{AWS, Quirks};

use super::common::{create_pool, create_user, unique};

/// The answer of an operation that must succeed, or a panic naming the operation and error.
pub async fn call(
    client: &CognitoClient,
    operation: &str,
    input: &serde_json::Value,
) -> serde_json::Value {
    client
        .call_json(operation, input)
        .await
        .unwrap_or_else(|e| panic!("{operation}: {e:?}"))
}

/// The service error code, or a panic naming what came back instead.
pub fn code_of<T: std::fmt::Debug>(result: Result<T, AwsError>) -> String {
    match result {
        Err(AwsError::Service(e)) => e.code,
        other => panic!("expected a service error, got {other:?}"),
    }
}

pub async fn pools(client: &CognitoClient, quirks: Quirks) {
    let pool = create_pool(client, "conf-pools").await;
    let described = client.describe_user_pool(&pool).await.unwrap();
    let described = described.user_pool.expect("UserPool");
    assert_eq!(described.id.as_ref(), Some(&pool));
    let names: Vec<String> = described
        .schema_attributes
        .iter()
        .filter_map(|a| a.name.clone())
        .collect();
    assert!(names.iter().any(|n| n == "custom:tenant"), "{names:?}");
    let policy = described
        .policies
        .and_then(|p| p.password_policy)
        .expect("password policy");
    assert_eq!(policy.minimum_length, Some(8));
    let listed: Vec<_> = client.list_user_pools().try_collect().await.unwrap();
    assert!(
        listed
            .iter()
            .flat_map(|p| &p.user_pools)
            .any(|p| p.id == pool),
        "the new pool is listed"
    );
    let missing = client
        .describe_user_pool(&PoolId::new("us-east-1_Missing00"))
        .await;
    assert_eq!(code_of(missing), "ResourceNotFoundException");
    let too_many = client
        .call_json("ListUserPools", &json!({"MaxResults": 61}))
        .await;
    if quirks.refuses_limit_above_60 {
        assert_eq!(code_of(too_many), "InvalidParameterException");
    } else {
        too_many.expect("moto answers MaxResults 61");
    }
}

pub async fn user_lifecycle(client: &CognitoClient, quirks: Quirks) {
    let pool = create_pool(client, "conf-users").await;
    let ann = Username::new("ann");
    let created = client
        .admin_create_user(&AdminCreateUserRequest {
            user_pool_id: pool.clone(),
            username: ann.clone(),
            user_attributes: vec![
                AttributeType::new("email", "ann@example.com"),
                AttributeType::new("custom:tenant", "acme"),
            ],
            temporary_password: Some(Secret::new(super::common::PASSWORD)),
            message_action: Some("SUPPRESS".to_owned()),
            ..AdminCreateUserRequest::default()
        })
        .await
        .unwrap()
        .user
        .expect("User");
    assert_eq!(created.user_status, Some(UserStatus::ForceChangePassword));
    assert_eq!(created.enabled, Some(true));
    assert!(
        created.attributes.iter().any(|a| a.name == "sub"),
        "sub is generated"
    );

    let again = client
        .admin_create_user(&AdminCreateUserRequest {
            user_pool_id: pool.clone(),
            username: ann.clone(),
            temporary_password: Some(Secret::new(super::common::PASSWORD)),
            ..AdminCreateUserRequest::default()
        })
        .await;
    assert_eq!(code_of(again), "UsernameExistsException");
    let weak = client
        .admin_create_user(&AdminCreateUserRequest {
            user_pool_id: pool.clone(),
            username: Username::new("weak"),
            temporary_password: Some(Secret::new("short")),
            ..AdminCreateUserRequest::default()
        })
        .await;
    if quirks.checks_temporary_password {
        assert_eq!(code_of(weak), "InvalidPasswordException");
    } else {
        weak.expect("moto accepts a temporary password the policy refuses");
    }

    let got = client.admin_get_user(&pool, &ann).await.unwrap();
    assert_eq!(got.username.as_ref(), Some(&ann));
    assert!(
        got.user_attributes
            .iter()
            .any(|a| a.name == "email" && a.value.as_deref() == Some("ann@example.com"))
    );
    let nobody = client.admin_get_user(&pool, &Username::new("nobody")).await;
    assert_eq!(code_of(nobody), "UserNotFoundException");

    client.admin_disable_user(&pool, &ann).await.unwrap();
    assert_eq!(
        client.admin_get_user(&pool, &ann).await.unwrap().enabled,
        Some(false)
    );
    client.admin_enable_user(&pool, &ann).await.unwrap();
    assert_eq!(
        client.admin_get_user(&pool, &ann).await.unwrap().enabled,
        Some(true)
    );
    let disable_nobody = client
        .admin_disable_user(&pool, &Username::new("nobody"))
        .await;
    assert_eq!(code_of(disable_nobody), "UserNotFoundException");
    client.admin_delete_user(&pool, &ann).await.unwrap();
    assert_eq!(
        code_of(client.admin_get_user(&pool, &ann).await),
        "UserNotFoundException"
    );
    assert_eq!(
        code_of(client.admin_delete_user(&pool, &ann).await),
        "UserNotFoundException"
    );
}

/// 130 users come back in pages of 60, 60 and 10, each user once.
pub async fn pagination(client: &CognitoClient, quirks: Quirks) {
    let pool = create_pool(client, "conf-pages").await;
    for i in 0..130 {
        create_user(client, &pool, &format!("user{i:03}"), &[]).await;
    }
    let pages: Vec<_> = client
        .list_users(ListUsersRequest::new(pool.clone()))
        .try_collect()
        .await
        .unwrap();
    let sizes: Vec<usize> = pages.iter().map(|p| p.users.len()).collect();
    assert_eq!(sizes, [60, 60, 10]);
    let names: BTreeSet<_> = pages
        .iter()
        .flat_map(|p| &p.users)
        .map(|u| u.username.as_str().to_owned())
        .collect();
    assert_eq!(names.len(), 130);
    let over = client
        .call_json(
            "ListUsers",
            &json!({"UserPoolId": pool.as_str(), "Limit": 61}),
        )
        .await;
    if quirks.refuses_limit_above_60 {
        assert_eq!(code_of(over), "InvalidParameterException");
    } else {
        over.expect("moto answers Limit 61");
    }
}

async fn usernames(client: &CognitoClient, pool: &PoolId, filter: &str) -> Vec<String> {
    let mut request = ListUsersRequest::new(pool.clone());
    request.filter = Some(filter.to_owned());
    let pages: Vec<_> = client.list_users(request).try_collect().await.unwrap();
    let mut names: Vec<String> = pages
        .iter()
        .flat_map(|p| &p.users)
        .map(|u| u.username.as_str().to_owned())
        .collect();
    names.sort();
    names
}

/// `=` and `^=` on every searchable attribute; anything else is InvalidParameterException.
/// ann, anna and bob, all FORCE_CHANGE_PASSWORD and enabled: AWS documents cognito:user_status
/// as the one attribute matched in any case.
async fn filter_case(client: &CognitoClient, pool: &PoolId, quirks: Quirks) {
    let all_three: &[&str] = if quirks.user_status_filter_ignores_case {
        &["ann", "anna", "bob"]
    } else {
        &[]
    };
    for (prefix, value) in [(false, "force_change_password"), (true, "Force_")] {
        let filter = filter_expression("cognito:user_status", prefix, value);
        assert_eq!(
            usernames(client, pool, &filter).await,
            all_three,
            "{filter}"
        );
    }
    assert!(
        usernames(client, pool, r#"status = "enabled""#)
            .await
            .is_empty(),
        "status is case-sensitive"
    );
}

pub async fn filters(client: &CognitoClient, quirks: Quirks) {
    let pool = create_pool(client, "conf-filter").await;
    let people: [(&str, &str, &str, &str, &str); 3] = [
        ("ann", "ann@example.com", "+15550001", "Ann", "Adams"),
        ("anna", "anna@example.org", "+15550002", "Anna", "Berg"),
        ("bob", "bob@example.com", "+16660003", "Bob", "Chen"),
    ];
    for (user, email, phone, given, family) in people {
        let full = format!("{given} {family}");
        create_user(
            client,
            &pool,
            user,
            &[
                ("email", email),
                ("phone_number", phone),
                ("given_name", given),
                ("family_name", family),
                ("name", &full),
                ("preferred_username", &format!("pref-{user}")),
            ],
        )
        .await;
    }
    let cases: &[(&str, bool, &str, &[&str])] = &[
        ("username", false, "ann", &["ann"]),
        ("username", true, "ann", &["ann", "anna"]),
        ("email", false, "bob@example.com", &["bob"]),
        ("email", true, "ann", &["ann", "anna"]),
        ("phone_number", true, "+1555", &["ann", "anna"]),
        ("phone_number", false, "+16660003", &["bob"]),
        ("name", false, "Ann Adams", &["ann"]),
        ("name", true, "Ann", &["ann", "anna"]),
        ("given_name", false, "Bob", &["bob"]),
        ("given_name", true, "An", &["ann", "anna"]),
        ("family_name", false, "Berg", &["anna"]),
        ("family_name", true, "C", &["bob"]),
        ("preferred_username", false, "pref-bob", &["bob"]),
        ("preferred_username", true, "pref-a", &["ann", "anna"]),
        (
            "cognito:user_status",
            false,
            "FORCE_CHANGE_PASSWORD",
            &["ann", "anna", "bob"],
        ),
        ("cognito:user_status", true, "CONF", &[]),
    ];
    for (attribute, prefix, value, expected) in cases {
        let filter = filter_expression(attribute, *prefix, value);
        assert_eq!(
            usernames(client, &pool, &filter).await,
            *expected,
            "{filter}"
        );
    }
    filter_case(client, &pool, quirks).await;
    client
        .admin_disable_user(&pool, &Username::new("bob"))
        .await
        .unwrap();
    assert_eq!(
        usernames(client, &pool, r#"status = "Disabled""#).await,
        ["bob"]
    );
    assert_eq!(
        usernames(client, &pool, r#"status = "Enabled""#).await,
        ["ann", "anna"]
    );
    assert_eq!(
        usernames(client, &pool, r#"status ^= "Dis""#).await,
        ["bob"]
    );
    let ann = client
        .admin_get_user(&pool, &Username::new("ann"))
        .await
        .unwrap();
    let sub = ann
        .user_attributes
        .iter()
        .find(|a| a.name == "sub")
        .and_then(|a| a.value.clone())
        .expect("sub");
    assert_eq!(
        usernames(client, &pool, &filter_expression("sub", false, &sub)).await,
        ["ann"]
    );
    assert_eq!(
        usernames(client, &pool, &filter_expression("sub", true, &sub[..8])).await,
        ["ann"]
    );
    let bad = client
        .call_json(
            "ListUsers",
            &json!({"UserPoolId": pool.as_str(), "Filter": "custom:tenant = \"acme\""}),
        )
        .await;
    assert_eq!(code_of(bad), "InvalidParameterException");
}

pub async fn groups(client: &CognitoClient) {
    let pool = create_pool(client, "conf-groups").await;
    create_user(client, &pool, "ann", &[]).await;
    for (name, precedence) in [("admins", Some(1)), ("support", Some(10)), ("beta", None)] {
        let group = client
            .create_group(&GroupInput {
                user_pool_id: pool.clone(),
                group_name: GroupName::new(name),
                description: Some(format!("{name} group")),
                role_arn: precedence.map(|_| format!("arn:aws:iam::123456789012:role/{name}")),
                precedence,
            })
            .await
            .unwrap()
            .group
            .expect("Group");
        assert_eq!(group.precedence, precedence);
    }
    let dup = client
        .create_group(&GroupInput {
            user_pool_id: pool.clone(),
            group_name: GroupName::new("admins"),
            ..GroupInput::default()
        })
        .await;
    assert_eq!(code_of(dup), "GroupExistsException");
    let pages: Vec<_> = client.list_groups(&pool).try_collect().await.unwrap();
    let mut names: Vec<String> = pages
        .iter()
        .flat_map(|p| &p.groups)
        .map(|g| g.group_name.as_str().to_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["admins", "beta", "support"]);

    let ann = Username::new("ann");
    client
        .admin_add_user_to_group(&pool, &ann, &GroupName::new("support"))
        .await
        .unwrap();
    let mine: Vec<_> = client
        .admin_list_groups_for_user(&pool, &ann)
        .try_collect()
        .await
        .unwrap();
    let mine: Vec<&str> = mine
        .iter()
        .flat_map(|p| &p.groups)
        .map(|g| g.group_name.as_str())
        .collect();
    assert_eq!(mine, ["support"]);
    let nobody = client
        .admin_add_user_to_group(&pool, &Username::new("nobody"), &GroupName::new("support"))
        .await;
    assert_eq!(code_of(nobody), "UserNotFoundException");
    let no_group = client
        .admin_add_user_to_group(&pool, &ann, &GroupName::new("nope"))
        .await;
    assert_eq!(code_of(no_group), "ResourceNotFoundException");
    let _ = unique("g");
}
