//! Conformance of a pool's and an app client's lifecycle after creation (update, delete), of
//! ListUserPools by region, and of what only the local server answers: tags and the CSV header
//! (moto 5.2.5 answers TagResource, ListTagsForResource and GetCSVHeader with an HTML 500).

use cognito_tui::cognito::{ClientId, CognitoClient, PoolId};
use futures::TryStreamExt as _;
use serde_json::{Value, json};

use super::super::common::{create_pool, create_user, unique};
use super::{Quirks, call, code_of};

async fn create_protected_pool(client: &CognitoClient) -> PoolId {
    let created = call(
        client,
        "CreateUserPool",
        &json!({"PoolName": unique("conf-life"), "DeletionProtection": "ACTIVE",
                "Policies": {"PasswordPolicy": {"MinimumLength": 12}},
                "UserPoolTags": {"env": "test"}}),
    )
    .await;
    PoolId::new(created["UserPool"]["Id"].as_str().expect("pool id"))
}

pub async fn pool_and_client_lifecycle(client: &CognitoClient, quirks: Quirks) {
    let pool = create_protected_pool(client).await;
    let p = pool.as_str();
    // Settings the update leaves out (Policies here) go back to their defaults.
    call(
        client,
        "UpdateUserPool",
        &json!({"UserPoolId": p, "AutoVerifiedAttributes": ["email"],
                "DeletionProtection": "ACTIVE"}),
    )
    .await;
    let view = client.describe_user_pool(&pool).await.unwrap();
    let view = view.user_pool.expect("UserPool");
    assert_eq!(view.auto_verified_attributes, ["email"]);
    assert_eq!(view.deletion_protection.as_deref(), Some("ACTIVE"));
    let policy = view
        .policies
        .and_then(|p| p.password_policy)
        .expect("policy");
    assert_eq!(policy.minimum_length, Some(8), "the default policy again");
    let bad = client
        .call_json(
            "UpdateUserPool",
            &json!({"UserPoolId": "us-east-1_Missing00"}),
        )
        .await;
    assert_eq!(code_of(bad), "ResourceNotFoundException");

    let created = call(
        client,
        "CreateUserPoolClient",
        &json!({"UserPoolId": p, "ClientName": "web", "RefreshTokenValidity": 10,
                "ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]}),
    )
    .await;
    let id = ClientId::new(created["UserPoolClient"]["ClientId"].as_str().unwrap());
    let updated = call(
        client,
        "UpdateUserPoolClient",
        &json!({"UserPoolId": p, "ClientId": id.as_str(), "ClientName": "web-2",
                "ExplicitAuthFlows": ["ALLOW_REFRESH_TOKEN_AUTH"]}),
    )
    .await;
    let updated = &updated["UserPoolClient"];
    assert_eq!(updated["ClientName"], "web-2");
    assert_eq!(
        updated["ExplicitAuthFlows"],
        json!(["ALLOW_REFRESH_TOKEN_AUTH"])
    );
    if quirks.client_update_resets_omitted {
        assert!(updated.get("RefreshTokenValidity").is_none_or(|v| v != 10));
    } else {
        assert_eq!(
            updated["RefreshTokenValidity"], 10,
            "moto keeps omitted settings"
        );
    }
    let client_ref = json!({"UserPoolId": p, "ClientId": id.as_str()});
    call(client, "DeleteUserPoolClient", &client_ref).await;
    assert_eq!(
        code_of(client.describe_user_pool_client(&pool, &id).await),
        "ResourceNotFoundException"
    );
    assert_eq!(
        code_of(client.call_json("DeleteUserPoolClient", &client_ref).await),
        "ResourceNotFoundException"
    );

    let protected = client
        .call_json("DeleteUserPool", &json!({"UserPoolId": p}))
        .await;
    if quirks.honours_deletion_protection {
        assert_eq!(code_of(protected), "InvalidParameterException");
        client.describe_user_pool(&pool).await.expect("still there");
        call(
            client,
            "UpdateUserPool",
            &json!({"UserPoolId": p, "DeletionProtection": "INACTIVE"}),
        )
        .await;
        call(client, "DeleteUserPool", &json!({"UserPoolId": p})).await;
    } else {
        protected.expect("moto deletes a protected pool");
    }
    assert_eq!(
        code_of(client.describe_user_pool(&pool).await),
        "ResourceNotFoundException"
    );
    assert_eq!(
        code_of(
            client
                .call_json("DeleteUserPool", &json!({"UserPoolId": p}))
                .await
        ),
        "ResourceNotFoundException"
    );
}

async fn listed_ids(client: &CognitoClient) -> Vec<PoolId> {
    let pages: Vec<_> = client.list_user_pools().try_collect().await.unwrap();
    pages
        .into_iter()
        .flat_map(|p| p.user_pools)
        .map(|p| p.id)
        .collect()
}

/// `elsewhere` talks to the same server, signing for eu-west-1.
pub async fn pools_by_region(client: &CognitoClient, elsewhere: &CognitoClient) {
    let here = create_pool(client, "conf-region").await;
    let there = create_pool(elsewhere, "conf-region").await;
    assert!(there.as_str().starts_with("eu-west-1_"), "{there:?}");
    let us = listed_ids(client).await;
    assert!(us.contains(&here) && !us.contains(&there));
    let eu = listed_ids(elsewhere).await;
    assert!(eu.contains(&there) && !eu.contains(&here));
}

async fn arn_of(client: &CognitoClient, pool: &PoolId) -> String {
    let pool = client.describe_user_pool(pool).await.unwrap().user_pool;
    pool.and_then(|p| p.arn).expect("Arn")
}

/// Local only (moto answers an HTML 500).
pub async fn tags(client: &CognitoClient) {
    let pool = create_protected_pool(client).await;
    let arn = arn_of(client, &pool).await;
    let tags_of = |arn: String| async move {
        client
            .list_tags_for_resource(&arn)
            .await
            .unwrap()
            .tags
            .into_iter()
            .collect::<Vec<_>>()
    };
    let pair = |k: &str, v: &str| (k.to_owned(), v.to_owned());
    assert_eq!(tags_of(arn.clone()).await, [pair("env", "test")]);
    let raw = call(
        client,
        "DescribeUserPool",
        &json!({"UserPoolId": pool.as_str()}),
    )
    .await;
    assert_eq!(raw["UserPool"]["UserPoolTags"], json!({"env": "test"}));
    call(
        client,
        "TagResource",
        &json!({"ResourceArn": arn, "Tags": {"team": "identity", "env": "prod"}}),
    )
    .await;
    assert_eq!(
        tags_of(arn.clone()).await,
        [pair("env", "prod"), pair("team", "identity")]
    );
    call(
        client,
        "UntagResource",
        &json!({"ResourceArn": arn, "TagKeys": ["env"]}),
    )
    .await;
    assert_eq!(tags_of(arn.clone()).await, [pair("team", "identity")]);
    call(
        client,
        "UpdateUserPool",
        &json!({"UserPoolId": pool.as_str(), "UserPoolTags": {"cost-center": "42"}}),
    )
    .await;
    assert_eq!(tags_of(arn.clone()).await, [pair("cost-center", "42")]);
    let too_many: serde_json::Map<String, Value> =
        (0..51).map(|i| (format!("k{i}"), json!("v"))).collect();
    let over = client
        .call_json(
            "TagResource",
            &json!({"ResourceArn": arn, "Tags": too_many}),
        )
        .await;
    assert_eq!(code_of(over), "InvalidParameterException");
    let unknown = arn.replace(pool.as_str(), "us-east-1_Missing00");
    assert_eq!(
        code_of(client.list_tags_for_resource(&unknown).await),
        "ResourceNotFoundException"
    );
    let other_account = arn.replace(":000000000000:", ":123456789012:");
    assert_eq!(
        code_of(client.list_tags_for_resource(&other_account).await),
        "ResourceNotFoundException"
    );
    assert_eq!(
        code_of(
            client
                .list_tags_for_resource("not-an-arn-at-all-here")
                .await
        ),
        "InvalidParameterException"
    );
}

/// Local only (moto answers an HTML 500).
pub async fn csv_header(client: &CognitoClient) {
    let pool = create_pool(client, "conf-csv").await;
    let header = client.get_csv_header(&pool).await.unwrap();
    assert_eq!(header.user_pool_id.as_ref(), Some(&pool));
    let expected = [
        "name",
        "given_name",
        "family_name",
        "middle_name",
        "nickname",
        "preferred_username",
        "profile",
        "picture",
        "website",
        "email",
        "email_verified",
        "gender",
        "birthdate",
        "zoneinfo",
        "locale",
        "phone_number",
        "phone_number_verified",
        "address",
        "updated_at",
        "custom:tenant",
        "custom:plan",
        "cognito:mfa_enabled",
        "cognito:username",
    ];
    assert_eq!(header.csv_header, expected);
    let missing = client
        .get_csv_header(&PoolId::new("us-east-1_Missing00"))
        .await;
    assert_eq!(code_of(missing), "ResourceNotFoundException");
}

/// Deleting a pool takes everything of it along, once its domain is deleted (local only: it
/// reads tags).
pub async fn delete_cascades(client: &CognitoClient) {
    let pool = create_pool(client, "conf-cascade").await;
    let p = pool.as_str();
    create_user(client, &pool, "ann", &[("email", "ann@example.com")]).await;
    let domain = unique("conf-cascade");
    let setup: [(&str, Value); 4] = [
        (
            "CreateUserPoolDomain",
            json!({"UserPoolId": p, "Domain": domain}),
        ),
        (
            "CreateGroup",
            json!({"UserPoolId": p, "GroupName": "staff"}),
        ),
        (
            "CreateResourceServer",
            json!({"UserPoolId": p, "Identifier": "api", "Name": "API"}),
        ),
        (
            "CreateIdentityProvider",
            json!({"UserPoolId": p, "ProviderName": "Corp", "ProviderType": "SAML",
                   "ProviderDetails": {"MetadataURL": "https://corp.example/md"}}),
        ),
    ];
    for (operation, input) in &setup {
        call(client, operation, input).await;
    }
    let arn = arn_of(client, &pool).await;
    // AWS refuses while the pool has a domain: that one must go first, by hand.
    let protected = client
        .call_json("DeleteUserPool", &json!({"UserPoolId": p}))
        .await;
    assert_eq!(code_of(protected), "InvalidParameterException");
    let domain_input = json!({"UserPoolId": p, "Domain": domain});
    call(client, "DeleteUserPoolDomain", &domain_input).await;
    call(client, "DeleteUserPool", &json!({"UserPoolId": p})).await;
    assert_eq!(
        code_of(client.describe_user_pool(&pool).await),
        "ResourceNotFoundException"
    );
    assert_eq!(
        code_of(client.list_tags_for_resource(&arn).await),
        "ResourceNotFoundException"
    );
    let reused = create_pool(client, "conf-cascade-reuse").await;
    call(
        client,
        "CreateUserPoolDomain",
        &json!({"UserPoolId": reused.as_str(), "Domain": domain}),
    )
    .await;
}
