//! App clients: AWS's defaults when described, the reset of omitted members on update, and what
//! AWS refuses of OAuth settings, providers and scopes.

use serde_json::{Value, json};

use super::super::testing::{call, store_with_pool};
use crate::local::store::Store;

fn create(store: &Store, pool: &Value, extra: &Value) -> Result<Value, (String, String)> {
    let mut input = json!({"UserPoolId": pool, "ClientName": "web"});
    if let (Some(input), Some(extra)) = (input.as_object_mut(), extra.as_object()) {
        input.extend(extra.clone());
    }
    call(store, "CreateUserPoolClient", input).map(|out| out["UserPoolClient"].clone())
}

fn describe(store: &Store, pool: &Value, id: &Value) -> Value {
    let out = call(
        store,
        "DescribeUserPoolClient",
        json!({"UserPoolId": pool, "ClientId": id}),
    );
    out.unwrap()["UserPoolClient"].clone()
}

fn update(store: &Store, input: Value) -> Result<Value, (String, String)> {
    call(store, "UpdateUserPoolClient", input).map(|out| out["UserPoolClient"].clone())
}

fn code(result: Result<Value, (String, String)>) -> String {
    result.unwrap_err().0
}

#[test]
fn a_client_created_with_a_name_only_is_described_with_aws_defaults() {
    let (store, pool) = store_with_pool();
    let created = create(&store, &pool, &json!({})).unwrap();
    let described = describe(&store, &pool, &created["ClientId"]);
    assert_eq!(created, described);
    for (member, value) in [
        ("RefreshTokenValidity", json!(30)),
        ("TokenValidityUnits", json!({})),
        (
            "ExplicitAuthFlows",
            json!([
                "ALLOW_REFRESH_TOKEN_AUTH",
                "ALLOW_USER_SRP_AUTH",
                "ALLOW_CUSTOM_AUTH"
            ]),
        ),
        ("AllowedOAuthFlowsUserPoolClient", json!(false)),
        ("EnableTokenRevocation", json!(true)),
        ("EnablePropagateAdditionalUserContextData", json!(false)),
        ("AuthSessionValidity", json!(3)),
        ("PreventUserExistenceErrors", json!("LEGACY")),
    ] {
        assert_eq!(described[member], value, "{member}");
    }
    for absent in [
        "AccessTokenValidity",
        "IdTokenValidity",
        "ClientSecret",
        "CallbackURLs",
    ] {
        assert!(described.get(absent).is_none(), "{absent}");
    }
    let zero = create(&store, &pool, &json!({"RefreshTokenValidity": 0})).unwrap();
    assert_eq!(zero["RefreshTokenValidity"], 30, "0 means the default");
}

#[test]
fn an_update_that_omits_members_resets_them_to_the_defaults() {
    let (store, pool) = store_with_pool();
    let created = create(
        &store,
        &pool,
        &json!({"AccessTokenValidity": 30, "RefreshTokenValidity": 7,
               "TokenValidityUnits": {"AccessToken": "minutes"},
               "ExplicitAuthFlows": ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
               "EnableTokenRevocation": false, "PreventUserExistenceErrors": "ENABLED"}),
    )
    .unwrap();
    let id = &created["ClientId"];
    update(
        &store,
        json!({"UserPoolId": pool, "ClientId": id, "ClientName": "renamed"}),
    )
    .unwrap();
    let after = describe(&store, &pool, id);
    assert_eq!(after["ClientName"], "renamed");
    assert!(after.get("AccessTokenValidity").is_none());
    assert_eq!(after["RefreshTokenValidity"], 30);
    assert_eq!(after["TokenValidityUnits"], json!({}));
    assert_eq!(after["ExplicitAuthFlows"].as_array().unwrap().len(), 3);
    assert_eq!(after["EnableTokenRevocation"], true);
    assert_eq!(after["PreventUserExistenceErrors"], "LEGACY");
}

/// What a careful caller does: the described client sent back whole, one member changed.
#[test]
fn the_described_client_sent_back_with_one_change_changes_only_that() {
    let store = Store::open(&crate::local::store::StateLocation::Memory).unwrap();
    crate::local::seed::apply_if_empty(&store, crate::local::Seed::Demo).unwrap();
    let pool = json!(crate::local::seed::PRODUCTION_POOL);
    let listed = call(
        &store,
        "ListUserPoolClients",
        json!({"UserPoolId": pool, "MaxResults": 10}),
    )
    .unwrap();
    for summary in listed["UserPoolClients"].as_array().unwrap() {
        let before = describe(&store, &pool, &summary["ClientId"]);
        let mut input = before.clone();
        input["AuthSessionValidity"] = json!(10);
        update(&store, input).unwrap();
        let mut after = describe(&store, &pool, &summary["ClientId"]);
        assert_eq!(after["AuthSessionValidity"], 10);
        after["AuthSessionValidity"] = before["AuthSessionValidity"].clone();
        after["LastModifiedDate"] = before["LastModifiedDate"].clone();
        assert_eq!(after, before, "{}", summary["ClientName"]);
    }
}

#[test]
fn token_validity_is_checked_in_its_unit() {
    let (store, pool) = store_with_pool();
    // 60 meant as minutes, but without units it is 60 hours: over the one-day limit.
    let hours = create(&store, &pool, &json!({"AccessTokenValidity": 60}));
    assert_eq!(code(hours), "InvalidParameterException");
    let minutes =
        json!({"AccessTokenValidity": 60, "TokenValidityUnits": {"AccessToken": "minutes"}});
    let created = create(&store, &pool, &minutes).unwrap();
    assert_eq!(created["AccessTokenValidity"], 60);
    let short =
        json!({"RefreshTokenValidity": 30, "TokenValidityUnits": {"RefreshToken": "minutes"}});
    assert_eq!(
        code(create(&store, &pool, &short)),
        "InvalidParameterException"
    );
}

#[test]
fn oauth_settings_must_fit_together() {
    let (store, pool) = store_with_pool();
    let cases = [
        (
            json!({"AllowedOAuthFlows": ["code"], "AllowedOAuthScopes": ["openid"],
                   "CallbackURLs": ["https://app.example/cb"]}),
            "InvalidParameterException",
        ),
        (
            json!({"AllowedOAuthFlowsUserPoolClient": true}),
            "InvalidOAuthFlowException",
        ),
        (
            json!({"AllowedOAuthFlowsUserPoolClient": true, "AllowedOAuthFlows": ["code"],
                   "AllowedOAuthScopes": ["openid"]}),
            "InvalidParameterException",
        ),
        (
            json!({"AllowedOAuthFlowsUserPoolClient": true,
                   "AllowedOAuthFlows": ["client_credentials"], "AllowedOAuthScopes": ["openid"]}),
            "InvalidOAuthFlowException",
        ),
        (
            json!({"AllowedOAuthFlowsUserPoolClient": true, "GenerateSecret": true,
                   "AllowedOAuthFlows": ["client_credentials", "code"],
                   "AllowedOAuthScopes": ["openid"], "CallbackURLs": ["https://app.example/cb"]}),
            "InvalidOAuthFlowException",
        ),
        (
            json!({"AllowedOAuthFlowsUserPoolClient": true, "AllowedOAuthFlows": ["code"],
                   "AllowedOAuthScopes": ["openid"], "CallbackURLs": ["https://app.example/cb"],
                   "DefaultRedirectURI": "https://elsewhere.example/cb"}),
            "InvalidParameterException",
        ),
        (
            json!({"AllowedOAuthFlowsUserPoolClient": true, "AllowedOAuthFlows": ["code"],
                   "AllowedOAuthScopes": ["openid", "Cognito"],
                   "CallbackURLs": ["https://app.example/cb"]}),
            "ScopeDoesNotExistException",
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(code(create(&store, &pool, &input)), expected, "{input}");
    }
    let web = json!({"AllowedOAuthFlowsUserPoolClient": true, "AllowedOAuthFlows": ["code"],
                     "AllowedOAuthScopes": ["openid", "email", "profile"],
                     "CallbackURLs": ["https://app.example/cb"],
                     "DefaultRedirectURI": "https://app.example/cb"});
    create(&store, &pool, &web).unwrap();
}

#[test]
fn custom_scopes_must_be_a_resource_servers() {
    let (store, pool) = store_with_pool();
    let server = json!({"UserPoolId": pool, "Identifier": "https://api.example", "Name": "API",
                        "Scopes": [{"ScopeName": "read", "ScopeDescription": "Read"}]});
    call(&store, "CreateResourceServer", server).unwrap();
    let machine = |scope: &str| {
        json!({"AllowedOAuthFlowsUserPoolClient": true, "GenerateSecret": true,
               "AllowedOAuthFlows": ["client_credentials"], "AllowedOAuthScopes": [scope]})
    };
    let created = create(&store, &pool, &machine("https://api.example/read")).unwrap();
    assert!(created["ClientSecret"].is_string());
    let unknown = create(&store, &pool, &machine("https://api.example/write"));
    assert_eq!(
        unknown.unwrap_err(),
        (
            "ScopeDoesNotExistException".to_owned(),
            "Invalid scope requested: https://api.example/write".to_owned()
        )
    );
    // An update keeps the secret, so client credentials stay allowed.
    let mut input = machine("https://api.example/read");
    input["UserPoolId"] = pool.clone();
    input["ClientId"] = created["ClientId"].clone();
    update(&store, input).unwrap();
}

#[test]
fn providers_must_exist_and_a_deleted_one_leaves_every_client() {
    let (store, pool) = store_with_pool();
    let providers = json!({"SupportedIdentityProviders": ["COGNITO", "Corp"]});
    assert_eq!(
        create(&store, &pool, &providers).unwrap_err().1,
        format!(
            "The provider Corp does not exist for User Pool {}",
            pool.as_str().unwrap()
        )
    );
    let saml = json!({"UserPoolId": pool, "ProviderName": "Corp", "ProviderType": "SAML",
                      "ProviderDetails": {"MetadataURL": "https://corp.example/md"}});
    call(&store, "CreateIdentityProvider", saml).unwrap();
    let created = create(&store, &pool, &providers).unwrap();
    assert_eq!(
        created["SupportedIdentityProviders"],
        json!(["COGNITO", "Corp"])
    );
    call(
        &store,
        "DeleteIdentityProvider",
        json!({"UserPoolId": pool, "ProviderName": "Corp"}),
    )
    .unwrap();
    let after = describe(&store, &pool, &created["ClientId"]);
    assert_eq!(after["SupportedIdentityProviders"], json!(["COGNITO"]));
}
