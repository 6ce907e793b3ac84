//! The local server's state, through the real client: edits survive a restart, one server owns a
//! state file, and the deterministic demo seed holds what the README promises.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod conformance;

use cognito_tui::cognito::user_status::UserStatus;
use cognito_tui::cognito::users::ListUsersRequest;
use cognito_tui::cognito::{CognitoClient, PoolId, Username};
use cognito_tui::local::seed::{PRODUCTION_POOL, PRODUCTION_USERS, STAGING_POOL};
use cognito_tui::local::{LocalServer, Seed, StateLocation};
use common::backend::local as start;
use futures::TryStreamExt as _;
use serde_json::json;

#[cfg(unix)]
#[tokio::test]
async fn the_state_files_are_private_to_their_owner() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.sqlite3");
    // An existing file readable by others is tightened too.
    std::fs::write(&path, b"").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let (_server, client) = start(&StateLocation::File(path.clone()), Seed::Empty).await;
    common::create_pool(&client, "private").await;
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let entry = entry.unwrap();
        let mode = entry.metadata().unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", entry.path().display());
    }
}

#[tokio::test]
async fn edits_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let location = StateLocation::File(dir.path().join("state.sqlite3"));
    let pool = {
        let (_server, client) = start(&location, Seed::Empty).await;
        let pool = common::create_pool(&client, "persist").await;
        common::create_user(&client, &pool, "ann", &[("email", "ann@example.com")]).await;
        client
            .admin_disable_user(&pool, &Username::new("ann"))
            .await
            .unwrap();
        pool
    };
    let (_server, client) = start(&location, Seed::Demo).await;
    let ann = client
        .admin_get_user(&pool, &Username::new("ann"))
        .await
        .unwrap();
    assert_eq!(ann.enabled, Some(false));
    let pools: Vec<_> = client.list_user_pools().try_collect().await.unwrap();
    assert_eq!(
        pools.iter().map(|p| p.user_pools.len()).sum::<usize>(),
        1,
        "a state with pools is never seeded again"
    );
}

#[tokio::test]
async fn a_second_server_on_the_same_state_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let location = StateLocation::File(dir.path().join("state.sqlite3"));
    let (first, client) = start(&location, Seed::Empty).await;
    let second = LocalServer::start(&location, Seed::Empty, 0).await;
    let err = second.expect_err("one server owns a state file");
    assert!(
        err.message.contains("in use by another local server"),
        "{}",
        err.message
    );
    assert!(err.message.contains("state.sqlite3"), "{}", err.message);
    common::create_pool(&client, "still-served").await;
    drop(first);
    let (_server, client) = start(&location, Seed::Empty).await;
    let pools: Vec<_> = client.list_user_pools().try_collect().await.unwrap();
    assert_eq!(
        pools[0].user_pools.len(),
        1,
        "stopping the first frees the file"
    );
}

#[tokio::test]
async fn demo_seed_serves_both_pools_in_every_status() {
    let (_server, client) = start(&StateLocation::Memory, Seed::Demo).await;
    let production = PoolId::new(PRODUCTION_POOL);
    let pages: Vec<_> = client
        .list_users(ListUsersRequest::new(production.clone()))
        .try_collect()
        .await
        .unwrap();
    let users: Vec<_> = pages.iter().flat_map(|p| &p.users).collect();
    assert_eq!(users.len(), PRODUCTION_USERS);
    for status in [
        UserStatus::Confirmed,
        UserStatus::Unconfirmed,
        UserStatus::ForceChangePassword,
        UserStatus::ResetRequired,
    ] {
        assert!(
            users
                .iter()
                .any(|u| u.user_status.as_ref() == Some(&status)),
            "{status}"
        );
    }
    assert!(
        users.iter().any(|u| u.enabled == Some(false)),
        "some are disabled"
    );
    assert!(
        users
            .iter()
            .any(|u| u.attributes.iter().any(|a| a.name == "custom:plan"))
    );
    let groups: Vec<_> = client.list_groups(&production).try_collect().await.unwrap();
    let admins = groups
        .iter()
        .flat_map(|p| &p.groups)
        .find(|g| g.group_name.as_str() == "admins")
        .expect("admins group");
    assert_eq!(admins.precedence, Some(1));
    assert!(admins.role_arn.is_some());
    let staging = client
        .describe_user_pool(&PoolId::new(STAGING_POOL))
        .await
        .unwrap();
    assert_eq!(
        staging.user_pool.and_then(|p| p.name).as_deref(),
        Some("acme-staging")
    );
}

/// The demo production pool's SAML and OIDC providers, with the details each type needs.
async fn demo_providers(client: &CognitoClient, production: &PoolId) {
    use cognito_tui::cognito::ProviderName;
    use cognito_tui::local::seed_config::{OIDC_PROVIDER, SAML_PROVIDER};
    let pages: Vec<_> = client
        .list_identity_providers(production)
        .try_collect()
        .await
        .unwrap();
    let providers: Vec<(&str, Option<&str>)> = pages
        .iter()
        .flat_map(|p| &p.providers)
        .map(|p| (p.provider_name.as_str(), p.provider_type.as_deref()))
        .collect();
    assert_eq!(
        providers,
        [(SAML_PROVIDER, Some("SAML")), (OIDC_PROVIDER, Some("OIDC"))]
    );
    let describe = |name: &'static str| {
        let client = client.clone();
        let pool = production.clone();
        async move {
            client
                .describe_identity_provider(&pool, &ProviderName::new(name))
                .await
                .unwrap()
                .identity_provider
                .expect("IdentityProvider")
        }
    };
    let saml = describe(SAML_PROVIDER).await;
    assert!(saml.provider_details["MetadataURL"].starts_with("https://"));
    assert!(saml.attribute_mapping.contains_key("email"));
    let oidc = describe(OIDC_PROVIDER).await;
    for key in [
        "client_id",
        "client_secret",
        "authorize_scopes",
        "oidc_issuer",
    ] {
        assert!(oidc.provider_details.contains_key(key), "{key}");
    }
}

#[tokio::test]
async fn demo_seed_configures_providers_domain_mfa_tags_and_a_resource_server() {
    use cognito_tui::local::seed_config::{PRODUCTION_DOMAIN, RESOURCE_SERVER};
    let (_server, client) = start(&StateLocation::Memory, Seed::Demo).await;
    let production = PoolId::new(PRODUCTION_POOL);
    demo_providers(&client, &production).await;

    let pool = client
        .describe_user_pool(&production)
        .await
        .unwrap()
        .user_pool
        .expect("UserPool");
    assert_eq!(pool.domain.as_deref(), Some(PRODUCTION_DOMAIN));
    assert_eq!(pool.mfa_configuration.as_deref(), Some("OPTIONAL"));
    let domain = client
        .describe_user_pool_domain(PRODUCTION_DOMAIN)
        .await
        .unwrap()
        .domain_description
        .expect("DomainDescription");
    assert_eq!(domain.user_pool_id.as_ref(), Some(&production));
    assert_eq!(
        domain.version.as_deref(),
        Some("20231114221320"),
        "fixed time"
    );
    let mfa = client.get_user_pool_mfa_config(&production).await.unwrap();
    assert_eq!(mfa.mfa_configuration.as_deref(), Some("OPTIONAL"));
    assert_eq!(
        mfa.software_token_mfa_configuration.and_then(|t| t.enabled),
        Some(true)
    );
    let sms = mfa.sms_mfa_configuration.expect("SMS MFA");
    assert!(sms["SmsConfiguration"]["SnsCallerArn"].is_string());
    assert!(sms["SmsConfiguration"]["ExternalId"].is_string());

    let tags = client
        .list_tags_for_resource(&pool.arn.expect("Arn"))
        .await
        .unwrap()
        .tags;
    let tags: Vec<(&str, &str)> = tags.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(
        tags,
        [
            ("cost-center", "1234"),
            ("env", "production"),
            ("team", "identity")
        ]
    );
    let servers: Vec<_> = client
        .list_resource_servers(&production)
        .try_collect()
        .await
        .unwrap();
    let server = servers
        .iter()
        .flat_map(|p| &p.resource_servers)
        .find(|s| s.identifier.as_deref() == Some(RESOURCE_SERVER))
        .expect("the API resource server");
    let scopes: Vec<_> = server
        .scopes
        .iter()
        .filter_map(|s| s.scope_name.as_deref())
        .collect();
    assert_eq!(scopes, ["read", "write"]);

    let staging = client
        .describe_user_pool(&PoolId::new(STAGING_POOL))
        .await
        .unwrap()
        .user_pool
        .expect("UserPool");
    // The support cases (`local::seed_support`): MFA required, the email an alias.
    assert_eq!(staging.mfa_configuration.as_deref(), Some("ON"));
    assert_eq!(staging.alias_attributes, ["email"]);
    let staging_tags = client
        .list_tags_for_resource(&staging.arn.expect("Arn"))
        .await
        .unwrap()
        .tags;
    assert_eq!(staging_tags.get("env").map(String::as_str), Some("staging"));
}

#[tokio::test]
async fn demo_production_users_have_mfa_devices_and_events_until_deleted() {
    let (_server, client) = start(&StateLocation::Memory, Seed::Demo).await;
    let production = PoolId::new(PRODUCTION_POOL);
    let pool = client
        .call_json("DescribeUserPool", &json!({"UserPoolId": PRODUCTION_POOL}))
        .await
        .unwrap();
    assert_eq!(
        pool["UserPool"]["UserPoolAddOns"]["AdvancedSecurityMode"],
        "AUDIT"
    );
    assert_eq!(pool["UserPool"]["UserPoolTier"], "PLUS");
    let page = client
        .call_json("ListUsers", &json!({"UserPoolId": PRODUCTION_POOL}))
        .await
        .unwrap();
    let (mut with_mfa, mut preferred) = (0, 0);
    for user in page["Users"].as_array().unwrap() {
        let name = Username::new(user["Username"].as_str().unwrap());
        let got = client.admin_get_user(&production, &name).await.unwrap();
        with_mfa += usize::from(!got.user_mfa_setting_list.is_empty());
        preferred += usize::from(got.preferred_mfa_setting.is_some());
    }
    assert!(with_mfa >= 3 && preferred >= 1, "{with_mfa} {preferred}");
    let user = conformance::activity::user_with(&client, &production, 1, 1).await;
    // Deleting a user deletes their devices, events and MFA: the same name starts clean.
    client.admin_delete_user(&production, &user).await.unwrap();
    common::create_user(&client, &production, user.as_str(), &[]).await;
    let devices = client
        .admin_list_devices(&production, &user, None)
        .await
        .unwrap();
    let events = client
        .admin_list_user_auth_events(&production, &user, None)
        .await
        .unwrap();
    let got = client.admin_get_user(&production, &user).await.unwrap();
    assert!(devices.devices.is_empty() && events.auth_events.is_empty());
    assert!(got.user_mfa_setting_list.is_empty() && got.preferred_mfa_setting.is_none());
}
