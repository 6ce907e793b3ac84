//! Every typed pool, group, app client and identity provider operation against moto's server, and
//! the generic `call_json`: each change is checked with a fresh read, listings page exactly.
mod common;
mod moto_support;

use std::collections::{BTreeMap, BTreeSet};

use cognito_tui::aws::AwsError;
use cognito_tui::cognito::describe_error;
use cognito_tui::cognito::groups::GroupInput;
use cognito_tui::cognito::pools::SchemaAttributeType;
use cognito_tui::cognito::types::Secret;
use cognito_tui::cognito::{ClientId, CognitoClient, GroupName, PoolId, ProviderName, Username};
use futures::StreamExt as _;
use moto_support::{Fx, all, assert_paged, expect_code, expect_unsupported, name};
use serde_json::{Value, json};

const NOT_FOUND: &str = "ResourceNotFoundException";

fn group(f: &Fx, group: &str, description: &str, precedence: i64) -> GroupInput {
    GroupInput {
        user_pool_id: f.p.clone(),
        group_name: GroupName::new(group),
        description: Some(description.to_owned()),
        role_arn: Some(format!("arn:aws:iam::123456789012:role/{group}")),
        precedence: Some(precedence),
    }
}

/// A fresh ListUsersInGroup.
async fn members(c: &CognitoClient, p: &PoolId, group: &str) -> Vec<String> {
    let pages = all(c.list_users_in_group(p, &GroupName::new(group))).await;
    let users = pages.iter().flat_map(|p| &p.users);
    users.map(|u| u.username.to_string()).collect()
}

/// A fresh AdminListGroupsForUser, sorted.
async fn groups_of(c: &CognitoClient, p: &PoolId, user: &str) -> Vec<String> {
    let pages = all(c.admin_list_groups_for_user(p, &Username::new(user))).await;
    let groups = pages.iter().flat_map(|p| &p.groups);
    let mut names: Vec<_> = groups.map(|g| g.group_name.to_string()).collect();
    names.sort();
    names
}

fn value<'a>(map: &'a BTreeMap<String, String>, key: &str) -> Option<&'a str> {
    map.get(key).map(String::as_str)
}

#[tokio::test]
async fn a_created_pool_is_listed_and_described() {
    let f = Fx::new("pools-describe").await;
    let pages = all(f.c.list_user_pools()).await;
    assert!(pages.iter().all(|p| p.user_pools.len() <= 60));
    let listed: Vec<_> = pages.iter().flat_map(|p| &p.user_pools).collect();
    let ids: BTreeSet<_> = listed.iter().map(|p| &p.id).collect();
    assert_eq!(ids.len(), listed.len(), "a pool listed twice");
    let mine = listed.iter().find(|p| p.id == f.p).expect("listed");

    let pool = f.pool().await;
    assert_eq!(pool.id.as_ref(), Some(&f.p));
    assert_eq!(pool.name, mine.name);
    let arn = pool.arn.unwrap_or_default();
    assert!(arn.ends_with(&format!("userpool/{}", f.p)), "{arn}");
    assert_eq!(pool.mfa_configuration.as_deref(), Some("OFF"));
    assert_eq!(pool.estimated_number_of_users, Some(0));
    let policy = pool.policies.and_then(|p| p.password_policy);
    assert_eq!(policy.expect("policy").minimum_length, Some(8));
    let schema = &pool.schema_attributes;
    let attrs = schema
        .iter()
        .filter_map(SchemaAttributeType::user_attribute_name);
    // moto lists only the attributes the pool was created with; AWS adds the standard ones.
    assert_eq!(attrs.collect::<Vec<_>>(), ["custom:tenant", "custom:plan"]);
    assert_eq!(schema[0].attribute_data_type.as_deref(), Some("String"));
    assert_eq!(schema[0].mutable, Some(true));

    f.user("ann", &[]).await;
    assert_eq!(f.pool().await.estimated_number_of_users, Some(1));
    let gone = PoolId::new("us-east-1_nopool000");
    expect_code(f.c.describe_user_pool(&gone).await, NOT_FOUND);
}

#[tokio::test]
async fn domain_and_mfa_configuration_read_back() {
    let f = Fx::new("pools-domain").await;
    let (c, p) = (&f.c, &f.p);
    let domain = common::unique("dom").to_lowercase();
    f.call(
        "CreateUserPoolDomain",
        json!({"UserPoolId": p, "Domain": domain}),
    )
    .await;
    let described = c.describe_user_pool_domain(&domain).await.unwrap();
    let d = described.domain_description.expect("DomainDescription");
    assert_eq!(d.domain.as_deref(), Some(domain.as_str()));
    assert_eq!(d.user_pool_id.as_ref(), Some(p));
    assert_eq!(d.status.as_deref(), Some("ACTIVE"));
    assert_eq!(f.pool().await.domain, Some(domain));
    // An unknown domain is an empty description, not an error (as on AWS).
    let none = c.describe_user_pool_domain("no-such-domain-x").await;
    let none = none.unwrap().domain_description;
    assert!(none.is_some_and(|d| d.domain.is_none()));

    let mfa = c.get_user_pool_mfa_config(p).await.unwrap();
    assert_eq!(mfa.mfa_configuration.as_deref(), Some("OFF"));
    assert!(mfa.software_token_mfa_configuration.is_none());
    let totp = json!({"Enabled": true});
    let input = json!({"UserPoolId": p, "MfaConfiguration": "OPTIONAL",
        "SoftwareTokenMfaConfiguration": totp});
    f.call("SetUserPoolMfaConfig", input).await;
    let mfa = c.get_user_pool_mfa_config(p).await.unwrap();
    assert_eq!(mfa.mfa_configuration.as_deref(), Some("OPTIONAL"));
    let token = mfa.software_token_mfa_configuration.expect("token");
    assert_eq!(token.enabled, Some(true));
    let pool = f.pool().await;
    assert_eq!(pool.mfa_configuration.as_deref(), Some("OPTIONAL"));
}

#[tokio::test]
async fn resource_servers_page_with_their_scopes() {
    let f = Fx::new("pools-resources").await;
    let ids = (0..52).map(|i| format!("https://api-{i}.example.com"));
    let expected: BTreeSet<String> = ids.collect();
    let scopes = json!([{"ScopeName": "read", "ScopeDescription": "Read it"}]);
    futures::stream::iter(&expected)
        .map(|id| {
            let input = json!({"UserPoolId": f.p, "Identifier": id, "Name": id});
            let mut input = input;
            input["Scopes"] = scopes.clone();
            f.call("CreateResourceServer", input)
        })
        .buffer_unordered(8)
        .collect::<Vec<Value>>()
        .await;
    let pages = all(f.c.list_resource_servers(&f.p)).await;
    let sizes: Vec<_> = pages.iter().map(|p| p.resource_servers.len()).collect();
    assert_paged(&sizes, 50);
    let servers: Vec<_> = pages.iter().flat_map(|p| &p.resource_servers).collect();
    let ids = servers.iter().filter_map(|s| s.identifier.clone());
    assert_eq!((servers.len(), ids.collect()), (52, expected));
    for server in servers {
        assert_eq!(server.user_pool_id.as_ref(), Some(&f.p));
        assert_eq!(server.name, server.identifier);
        let scope = &server.scopes[..];
        assert_eq!(scope.len(), 1);
        assert_eq!(scope[0].scope_name.as_deref(), Some("read"));
        assert_eq!(scope[0].scope_description.as_deref(), Some("Read it"));
    }
}

#[tokio::test]
async fn group_create_update_delete_read_back() {
    let f = Fx::new("groups-crud").await;
    let (c, p, admins) = (&f.c, &f.p, GroupName::new("admins"));
    let input = group(&f, "admins", "Admins", 1);
    let created = c.create_group(&input).await.unwrap().group;
    assert_eq!(created.expect("Group").group_name, admins);

    let read = c.get_group(p, &admins).await.unwrap().group.unwrap();
    assert_eq!(read.description.as_deref(), Some("Admins"));
    assert_eq!(read.precedence, Some(1));
    let role = "arn:aws:iam::123456789012:role/admins";
    assert_eq!(read.role_arn.as_deref(), Some(role));
    assert_eq!(read.user_pool_id.as_ref(), Some(p));

    let change = group(&f, "admins", "Administrators", 5);
    c.update_group(&change).await.unwrap();
    let read = c.get_group(p, &admins).await.unwrap().group.unwrap();
    assert_eq!(read.description.as_deref(), Some("Administrators"));
    assert_eq!(read.precedence, Some(5));

    let again = c.create_group(&group(&f, "admins", "x", 2)).await;
    let err = expect_code(again, "GroupExistsException");
    let sentence = "A group with this name already exists in this user pool.";
    assert!(describe_error(&err).contains(sentence), "{err:?}");

    c.delete_group(p, &admins).await.unwrap();
    expect_code(c.get_group(p, &admins).await, NOT_FOUND);
    let pages = all(c.list_groups(p)).await;
    assert!(pages.iter().all(|p| p.groups.is_empty()), "{pages:?}");
    expect_code(c.delete_group(p, &admins).await, NOT_FOUND);
    let missing = group(&f, "ghosts", "x", 1);
    expect_code(c.update_group(&missing).await, NOT_FOUND);
}

#[tokio::test]
async fn list_groups_pages_65_groups_exactly() {
    let f = Fx::new("groups-pages").await;
    let expected: BTreeSet<String> = (0..65).map(|i| format!("g-{i:02}")).collect();
    futures::stream::iter(&expected)
        .map(|g| async { f.c.create_group(&group(&f, g, g, 0)).await.unwrap() })
        .buffer_unordered(8)
        .collect::<Vec<_>>()
        .await;
    let pages = all(f.c.list_groups(&f.p)).await;
    let sizes: Vec<_> = pages.iter().map(|p| p.groups.len()).collect();
    assert_paged(&sizes, 60);
    let groups = pages.iter().flat_map(|p| &p.groups);
    let names: Vec<String> = groups.map(|g| g.group_name.to_string()).collect();
    assert_eq!(names.len(), 65);
    assert_eq!(names.into_iter().collect::<BTreeSet<_>>(), expected);
}

#[tokio::test]
async fn membership_reads_back_from_both_sides() {
    let f = Fx::new("groups-members").await;
    let (c, p, ann) = (&f.c, &f.p, name("ann"));
    let (staff, ops) = (GroupName::new("staff"), GroupName::new("ops"));
    f.user("ann", &[]).await;
    f.user("bob", &[]).await;
    c.create_group(&group(&f, "staff", "Staff", 1))
        .await
        .unwrap();
    c.create_group(&group(&f, "ops", "Ops", 2)).await.unwrap();
    assert!(members(c, p, "staff").await.is_empty());

    c.admin_add_user_to_group(p, &ann, &staff).await.unwrap();
    c.admin_add_user_to_group(p, &ann, &ops).await.unwrap();
    assert_eq!(members(c, p, "staff").await, ["ann"]);
    assert_eq!(groups_of(c, p, "ann").await, ["ops", "staff"]);
    assert!(groups_of(c, p, "bob").await.is_empty());

    c.admin_remove_user_from_group(p, &ann, &staff)
        .await
        .unwrap();
    assert!(members(c, p, "staff").await.is_empty());
    assert_eq!(groups_of(c, p, "ann").await, ["ops"]);
    c.delete_group(p, &ops).await.unwrap();
    assert!(groups_of(c, p, "ann").await.is_empty());

    let ghosts = GroupName::new("ghosts");
    let added = c.admin_add_user_to_group(p, &ann, &ghosts).await;
    expect_code(added, NOT_FOUND);
    let nobody = name("nobody");
    let added = c.admin_add_user_to_group(p, &nobody, &staff).await;
    expect_code(added, "UserNotFoundException");
}

#[tokio::test]
async fn app_clients_list_and_describe_with_a_masked_secret() {
    let f = Fx::new("clients").await;
    let (c, p) = (&f.c, &f.p);
    let (web, _) = f.app_client("web", false).await;
    let (server, made) = f.app_client("server", true).await;
    let secret = made["UserPoolClient"]["ClientSecret"].as_str();
    let secret = secret.expect("ClientSecret");

    let pages = all(c.list_user_pool_clients(p)).await;
    let clients = pages.iter().flat_map(|p| &p.user_pool_clients);
    let show = |d: &cognito_tui::cognito::clients::UserPoolClientDescription| {
        format!(
            "{} {}",
            d.client_name.as_deref().unwrap_or("-"),
            d.client_id
        )
    };
    let mut listed: Vec<String> = clients.map(show).collect();
    listed.sort();
    assert_eq!(listed, [format!("server {server}"), format!("web {web}")]);

    let id = ClientId::new(&*server);
    let described = c.describe_user_pool_client(p, &id).await.unwrap();
    let described = described.user_pool_client.expect("UserPoolClient");
    assert_eq!(described.client_name.as_deref(), Some("server"));
    let shown = format!("{described:?}");
    assert!(!shown.contains(secret), "{shown}");
    assert!(shown.contains("redacted"), "{shown}");
    let revealed = described.client_secret.as_ref().map(Secret::reveal);
    assert_eq!(revealed, Some(secret));

    let id = ClientId::new(&*web);
    let plain = c.describe_user_pool_client(p, &id).await.unwrap();
    let plain = plain.user_pool_client.expect("UserPoolClient");
    assert!(plain.client_secret.is_none());
    let flows = ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"];
    assert_eq!(plain.explicit_auth_flows, flows);
    let missing = ClientId::new("nosuchclient");
    let described = c.describe_user_pool_client(p, &missing).await;
    expect_code(described, NOT_FOUND);
}

#[tokio::test]
async fn identity_providers_list_and_describe_with_a_masked_secret() {
    let f = Fx::new("idps").await;
    let (c, p) = (&f.c, &f.p);
    let oidc = json!({"client_id": "cid", "client_secret": "oidc-very-secret",
        "authorize_scopes": "openid email", "oidc_issuer": "https://issuer.example.com",
        "attributes_request_method": "GET"});
    let input = json!({"UserPoolId": p, "ProviderName": "Okta", "ProviderType": "OIDC",
        "ProviderDetails": oidc, "AttributeMapping": {"email": "email"}});
    f.call("CreateIdentityProvider", input).await;
    let saml = json!({"MetadataURL": "https://idp.example.com/metadata.xml"});
    let input = json!({"UserPoolId": p, "ProviderName": "Corp", "ProviderType": "SAML",
        "ProviderDetails": saml, "IdpIdentifiers": ["corp"]});
    f.call("CreateIdentityProvider", input).await;

    let pages = all(c.list_identity_providers(p)).await;
    let providers = pages.iter().flat_map(|p| &p.providers);
    let show = |d: &cognito_tui::cognito::idps::ProviderDescription| {
        format!(
            "{} {}",
            d.provider_name,
            d.provider_type.as_deref().unwrap_or("-")
        )
    };
    let mut listed: Vec<String> = providers.map(show).collect();
    listed.sort();
    assert_eq!(listed, ["Corp SAML", "Okta OIDC"]);

    let okta = ProviderName::new("Okta");
    let okta = c.describe_identity_provider(p, &okta).await.unwrap();
    let okta = okta.identity_provider.expect("IdentityProvider");
    assert_eq!(okta.provider_type.as_deref(), Some("OIDC"));
    let details = &okta.provider_details;
    let issuer = value(details, "oidc_issuer");
    assert_eq!(issuer, Some("https://issuer.example.com"));
    let secret = value(details, "client_secret");
    assert_eq!(secret, Some("oidc-very-secret"));
    let email = value(&okta.attribute_mapping, "email");
    assert_eq!(email, Some("email"));
    let shown = format!("{okta:?}");
    assert!(!shown.contains("oidc-very-secret"), "{shown}");
    assert!(shown.contains("issuer.example.com"), "{shown}");

    let corp = ProviderName::new("Corp");
    let corp = c.describe_identity_provider(p, &corp).await.unwrap();
    let corp = corp.identity_provider.expect("IdentityProvider");
    assert_eq!(corp.idp_identifiers, ["corp"]);
    let missing = ProviderName::new("Nobody");
    let described = c.describe_identity_provider(p, &missing).await;
    expect_code(described, NOT_FOUND);
}

/// Whether `op` (ListUserPools under some spelling), paged through with NextToken, lists `pool`.
async fn pool_listed_by(f: &Fx, op: &str) -> bool {
    let (mut token, mut found) = (None::<Value>, false);
    loop {
        let mut input = json!({"MaxResults": 60});
        if let Some(t) = token.take() {
            input["NextToken"] = t;
        }
        let page = f.call(op, input).await;
        let pools = page["UserPools"].as_array().cloned().unwrap_or_default();
        assert!(page["UserPools"].is_array() && pools.len() <= 60, "{op}");
        found |= pools.iter().any(|p| p["Id"] == f.p.as_str());
        token = page.get("NextToken").filter(|t| t.is_string()).cloned();
        if token.is_none() {
            return found;
        }
    }
}

#[tokio::test]
async fn call_json_by_exact_and_loose_names() {
    let f = Fx::new("call-json").await;
    f.user("ann", &[("email", "ann@example.com")]).await;
    for op in ["ListUsers", "list-users", "list_users", "listusers"] {
        let page = f.call(op, json!({"UserPoolId": f.p, "Limit": 10})).await;
        assert_eq!(page["Users"][0]["Username"], "ann", "{op}: {page}");
    }
    for op in ["DescribeUserPool", "describe-user-pool"] {
        let pool = f.call(op, json!({"UserPoolId": f.p})).await;
        assert_eq!(pool["UserPool"]["Id"], f.p.as_str(), "{op}");
    }
    assert!(pool_listed_by(&f, "ListUserPools").await);
    assert!(pool_listed_by(&f, "list-user-pools").await);
    let sms = json!({"Enabled": true, "PreferredMfa": true});
    let input = json!({"UserPoolId": f.p, "Username": "ann", "SMSMfaSettings": sms});
    f.call("admin-set-user-mfa-preference", input).await;
    assert_eq!(f.get("ann").await.user_mfa_setting_list, ["SMS_MFA"]);

    let err = f.c.call_json("NoSuchOperation", &json!({})).await;
    let err = err.unwrap_err();
    let unknown = matches!(&err, AwsError::Config(m) if m.contains("is not an operation"));
    assert!(unknown, "{err:?}");
    let err = f.c.call_json("ListUsers", &json!([1])).await.unwrap_err();
    let not_object = matches!(&err, AwsError::Config(m) if m.contains("must be a JSON object"));
    assert!(not_object, "{err:?}");
    let input = json!({"UserPoolId": f.p, "Username": "x"});
    let missing = f.c.call_json("admin-get-user", &input).await;
    expect_code(missing, "UserNotFoundException");
}

#[tokio::test]
async fn csv_header_and_tags_are_unsupported_on_moto() {
    let f = Fx::new("pools-unsupported").await;
    expect_unsupported(f.c.get_csv_header(&f.p).await, "GetCSVHeader");
    let arn = f.pool().await.arn.expect("arn");
    let tags = f.c.list_tags_for_resource(&arn).await;
    expect_unsupported(tags, "ListTagsForResource");
    let input = json!({"UserPoolId": f.p});
    let raw = f.c.call_json("get-csv-header", &input).await;
    expect_unsupported(raw, "GetCSVHeader");
}
