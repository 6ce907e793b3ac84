//! Conformance of the editing operations: attributes, passwords and status transitions, one
//! group's lifecycle and members, app clients.

use cognito_tui::cognito::groups::GroupInput;
use cognito_tui::cognito::types::{AttributeType, Secret};
use cognito_tui::cognito::{ClientId, CognitoClient, GroupName, Username};
use futures::TryStreamExt as _;
use serde_json::json;

use super::super::common::{PASSWORD, create_pool, create_user};
use super::{Quirks, code_of};

async fn status(client: &CognitoClient, pool: &cognito_tui::cognito::PoolId, user: &str) -> String {
    client
        .admin_get_user(pool, &Username::new(user))
        .await
        .unwrap()
        .user_status
        .expect("UserStatus")
        .to_string()
}

pub async fn user_edits(client: &CognitoClient, quirks: Quirks) {
    let pool = create_pool(client, "conf-edits").await;
    create_user(
        client,
        &pool,
        "ann",
        &[("email", "ann@example.com"), ("name", "Ann")],
    )
    .await;
    let ann = Username::new("ann");
    client
        .admin_update_user_attributes(
            &pool,
            &ann,
            &[
                AttributeType::new("given_name", "Annie"),
                AttributeType::new("custom:tenant", "acme"),
            ],
        )
        .await
        .unwrap();
    client
        .admin_delete_user_attributes(&pool, &ann, &["name".to_owned()])
        .await
        .unwrap();
    let got = client.admin_get_user(&pool, &ann).await.unwrap();
    let value = |n: &str| {
        got.user_attributes
            .iter()
            .find(|a| a.name == n)
            .and_then(|a| a.value.clone())
    };
    assert_eq!(value("given_name").as_deref(), Some("Annie"));
    assert_eq!(value("custom:tenant").as_deref(), Some("acme"));
    assert_eq!(value("name"), None);
    assert_eq!(value("email").as_deref(), Some("ann@example.com"));

    let nobody = Username::new("nobody");
    let missing = client
        .admin_update_user_attributes(&pool, &nobody, &[AttributeType::new("name", "x")])
        .await;
    assert_eq!(code_of(missing), "UserNotFoundException");

    let weak = client
        .admin_set_user_password(&pool, &ann, &Secret::new("short"), true)
        .await;
    assert_eq!(code_of(weak), "InvalidPasswordException");
    client
        .admin_set_user_password(&pool, &ann, &Secret::new(PASSWORD), true)
        .await
        .unwrap();
    assert_eq!(status(client, &pool, "ann").await, "CONFIRMED");
    client
        .admin_set_user_password(&pool, &ann, &Secret::new(PASSWORD), false)
        .await
        .unwrap();
    assert_eq!(status(client, &pool, "ann").await, "FORCE_CHANGE_PASSWORD");
    client
        .admin_set_user_password(&pool, &ann, &Secret::new(PASSWORD), true)
        .await
        .unwrap();
    let unreachable = client.admin_reset_user_password(&pool, &ann).await;
    assert_eq!(code_of(unreachable), "InvalidParameterException");
    client
        .admin_update_user_attributes(&pool, &ann, &[AttributeType::new("email_verified", "true")])
        .await
        .unwrap();
    client.admin_reset_user_password(&pool, &ann).await.unwrap();
    assert_eq!(status(client, &pool, "ann").await, "RESET_REQUIRED");
    client
        .admin_user_global_sign_out(&pool, &ann)
        .await
        .unwrap();
    assert_eq!(
        code_of(client.admin_user_global_sign_out(&pool, &nobody).await),
        "UserNotFoundException"
    );
    // Only an UNCONFIRMED user can be confirmed.
    let confirm = client.admin_confirm_sign_up(&pool, &ann).await;
    if quirks.confirms_only_unconfirmed {
        assert_eq!(code_of(confirm), "NotAuthorizedException");
    } else {
        confirm.expect("moto confirms a user in any status");
    }
}

pub async fn group_lifecycle(client: &CognitoClient) {
    let pool = create_pool(client, "conf-group-life").await;
    for user in ["ann", "bob", "cy"] {
        create_user(client, &pool, user, &[]).await;
    }
    let staff = GroupName::new("staff");
    client
        .create_group(&GroupInput {
            user_pool_id: pool.clone(),
            group_name: staff.clone(),
            description: Some("Staff".to_owned()),
            precedence: Some(5),
            ..GroupInput::default()
        })
        .await
        .unwrap();
    let updated = client
        .update_group(&GroupInput {
            user_pool_id: pool.clone(),
            group_name: staff.clone(),
            description: Some("All staff".to_owned()),
            precedence: Some(3),
            ..GroupInput::default()
        })
        .await
        .unwrap()
        .group
        .expect("Group");
    assert_eq!(updated.description.as_deref(), Some("All staff"));
    let got = client
        .get_group(&pool, &staff)
        .await
        .unwrap()
        .group
        .expect("Group");
    assert_eq!(got.precedence, Some(3));
    for user in ["cy", "ann", "bob"] {
        client
            .admin_add_user_to_group(&pool, &Username::new(user), &staff)
            .await
            .unwrap();
    }
    client
        .admin_remove_user_from_group(&pool, &Username::new("bob"), &staff)
        .await
        .unwrap();
    let pages: Vec<_> = client
        .list_users_in_group(&pool, &staff)
        .try_collect()
        .await
        .unwrap();
    let mut members: Vec<&str> = pages
        .iter()
        .flat_map(|p| &p.users)
        .map(|u| u.username.as_str())
        .collect();
    members.sort_unstable();
    assert_eq!(members, ["ann", "cy"]);
    client.delete_group(&pool, &staff).await.unwrap();
    assert_eq!(
        code_of(client.get_group(&pool, &staff).await),
        "ResourceNotFoundException"
    );
    assert_eq!(
        code_of(client.delete_group(&pool, &staff).await),
        "ResourceNotFoundException"
    );
}

pub async fn app_clients(client: &CognitoClient) {
    let pool = create_pool(client, "conf-clients").await;
    let mut ids = Vec::new();
    for (name, secret) in [("web", false), ("backend", true)] {
        let created = client
            .call_json(
                "CreateUserPoolClient",
                &json!({"UserPoolId": pool.as_str(), "ClientName": name, "GenerateSecret": secret}),
            )
            .await
            .unwrap();
        let id = created["UserPoolClient"]["ClientId"]
            .as_str()
            .unwrap()
            .to_owned();
        assert_eq!(
            created["UserPoolClient"]["ClientSecret"].is_string(),
            secret
        );
        ids.push(ClientId::new(id));
    }
    let pages: Vec<_> = client
        .list_user_pool_clients(&pool)
        .try_collect()
        .await
        .unwrap();
    let listed: Vec<_> = pages.iter().flat_map(|p| &p.user_pool_clients).collect();
    assert_eq!(listed.len(), 2);
    let backend = client
        .describe_user_pool_client(&pool, &ids[1])
        .await
        .unwrap()
        .user_pool_client
        .expect("UserPoolClient");
    assert_eq!(backend.client_name.as_deref(), Some("backend"));
    assert!(backend.client_secret.is_some());
    let missing = client
        .describe_user_pool_client(&pool, &ClientId::new("nosuchclient0000000000000"))
        .await;
    assert_eq!(code_of(missing), "ResourceNotFoundException");
}
