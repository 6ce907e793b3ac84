//! The local server checks every request against the service model's constraints, as AWS does:
//! the conformance cases moto runs too (with its quirks), and what only the local server
//! implements (tags' map keys and values) or only it needs to prove (long values are not echoed,
//! a wrong type still wins over a violated constraint, the demo's own values pass).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod conformance;

use cognito_tui::cognito::users::ListUsersRequest;
use cognito_tui::cognito::{CognitoClient, PoolId};
use cognito_tui::local::seed::{PRODUCTION_POOL, PRODUCTION_USERS, STAGING_POOL, STAGING_USERS};
use cognito_tui::local::{LocalServer, Seed, StateLocation, shapes};
use common::backend::local as start;
use conformance::validation::invalid_message;
use conformance::{AWS, code_of};
use futures::TryStreamExt as _;
use serde_json::json;

async fn empty() -> (LocalServer, CognitoClient) {
    start(&StateLocation::Memory, Seed::Empty).await
}

#[tokio::test]
async fn create_user_constraints() {
    let (_server, client) = empty().await;
    conformance::validation::create_user_constraints(&client, AWS).await;
}

#[tokio::test]
async fn ranges_patterns_and_list_elements() {
    let (_server, client) = empty().await;
    conformance::validation::other_constraints(&client, AWS).await;
}

#[tokio::test]
async fn schema_data_type_is_an_enum() {
    let (_server, client) = empty().await;
    conformance::validation::schema_data_type(&client, AWS).await;
}

#[tokio::test]
async fn tag_keys_and_values_are_checked_as_map_keys_and_values() {
    let (_server, client) = empty().await;
    let pool = common::create_pool(&client, "tags").await;
    let described = client
        .call_json("DescribeUserPool", &json!({"UserPoolId": pool.as_str()}))
        .await
        .unwrap();
    let arn = described["UserPool"]["Arn"].as_str().unwrap().to_owned();
    let long_value = "v".repeat(257);
    let tags = json!({"ResourceArn": arn, "Tags": {"": "x", "env": long_value}});
    let message = invalid_message(client.call_json("TagResource", &tags).await);
    // The map is too long to echo (over 256 characters): both errors leave it out.
    assert_eq!(
        message,
        "2 validation errors detected: Value at 'tags' failed to satisfy constraint: Map keys \
         must satisfy constraint: [Member must have length greater than or equal to 1]; Value \
         at 'tags' failed to satisfy constraint: Map value must satisfy constraint: [Member \
         must have length less than or equal to 256]"
    );
    let untag = json!({"ResourceArn": arn});
    assert_eq!(
        invalid_message(client.call_json("UntagResource", &untag).await),
        "1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: \
         Member must not be null"
    );
    let not_an_arn = json!({"ResourceArn": "arn:aws:nothing", "TagKeys": ["env"]});
    assert!(
        invalid_message(client.call_json("UntagResource", &not_an_arn).await)
            .contains("at 'resourceArn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:")
    );
}

#[tokio::test]
async fn long_values_are_never_echoed_and_many_errors_are_counted() {
    let (_server, client) = empty().await;
    let pool = common::create_pool(&client, "echo").await;
    let group = "g".repeat(1_000_000);
    let input = json!({"UserPoolId": pool.as_str(), "GroupName": group});
    let message = invalid_message(client.call_json("CreateGroup", &input).await);
    assert_eq!(
        message,
        "1 validation error detected: Value at 'groupName' failed to satisfy constraint: \
         Member must have length less than or equal to 128"
    );
    let names: Vec<_> = (0..50)
        .map(|i| json!({"Name": format!("{i:0>40}"), "Value": "x"}))
        .collect();
    let input = json!({"UserPoolId": pool.as_str(), "Username": "zoe", "UserAttributes": names});
    let message = invalid_message(client.call_json("AdminCreateUser", &input).await);
    assert!(
        message.starts_with("50 validation errors detected: Value '"),
        "{message}"
    );
    assert_eq!(message.matches("failed to satisfy constraint").count(), 10);
    assert!(message.len() < 2_000, "{} bytes", message.len());
}

#[tokio::test]
async fn a_wrong_type_is_a_serialization_error_even_after_a_violation() {
    let (_server, client) = empty().await;
    let input = json!({"UserPoolId": "not a pool", "Username": "zoe", "UserAttributes": 5});
    let answer = client.call_json("AdminCreateUser", &input).await;
    assert_eq!(code_of(answer), "SerializationException");
}

fn passes(operation: &str, input: &serde_json::Value) {
    let shown: String = input.to_string().chars().take(300).collect();
    shapes::check(operation, input).unwrap_or_else(|e| panic!("{operation} {shown}: {e:?}"));
}

/// Seeding bypasses the wire: everything the demo holds, read back, must pass the checks the
/// operations that would have made it make (output-only members are unknown to them, so pass).
#[tokio::test]
async fn the_demo_passes_its_own_constraints() {
    let (_server, client) = start(&StateLocation::Memory, Seed::Demo).await;
    let mut users = 0;
    for pool in [PRODUCTION_POOL, STAGING_POOL] {
        let pages: Vec<_> = client
            .list_users(ListUsersRequest::new(PoolId::new(pool)))
            .try_collect()
            .await
            .unwrap();
        for user in pages.iter().flat_map(|p| &p.users) {
            let input = json!({"UserPoolId": pool, "Username": user.username.as_str(),
                               "UserAttributes": user.attributes});
            passes("AdminCreateUser", &input);
            users += 1;
        }
        let read = |operation: &'static str, input: serde_json::Value| {
            let client = client.clone();
            async move { client.call_json(operation, &input).await.unwrap() }
        };
        let p = json!({"UserPoolId": pool});
        let mut described = read("DescribeUserPool", p.clone()).await["UserPool"].clone();
        described["PoolName"] = described["Name"].clone();
        passes("CreateUserPool", &described);
        let mut mfa = read("GetUserPoolMfaConfig", p.clone()).await;
        mfa["UserPoolId"] = json!(pool);
        passes("SetUserPoolMfaConfig", &mfa);
        for group in read("ListGroups", p.clone()).await["Groups"]
            .as_array()
            .unwrap()
        {
            passes("CreateGroup", group);
        }
        let clients = read(
            "ListUserPoolClients",
            json!({"UserPoolId": pool, "MaxResults": 60}),
        );
        for listed in clients.await["UserPoolClients"].as_array().unwrap() {
            let input = json!({"UserPoolId": pool, "ClientId": listed["ClientId"]});
            let client = read("DescribeUserPoolClient", input).await;
            passes("CreateUserPoolClient", &client["UserPoolClient"]);
        }
        let providers = read("ListIdentityProviders", p.clone()).await;
        for listed in providers["Providers"].as_array().unwrap() {
            let input = json!({"UserPoolId": pool, "ProviderName": listed["ProviderName"]});
            let provider = read("DescribeIdentityProvider", input).await;
            passes("CreateIdentityProvider", &provider["IdentityProvider"]);
        }
        let servers = read(
            "ListResourceServers",
            json!({"UserPoolId": pool, "MaxResults": 50}),
        );
        for server in servers.await["ResourceServers"].as_array().unwrap() {
            passes("CreateResourceServer", server);
        }
        let arn = described["Arn"].clone();
        let tags = read("ListTagsForResource", json!({"ResourceArn": arn})).await;
        passes(
            "TagResource",
            &json!({"ResourceArn": arn, "Tags": tags["Tags"]}),
        );
    }
    assert_eq!(users, PRODUCTION_USERS + STAGING_USERS);
}
