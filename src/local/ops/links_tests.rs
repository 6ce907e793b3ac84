//! Linking users to external identities, and their `identities` attribute.

use serde_json::{Value, json};

use super::super::testing::{call, store_with_pool};
use crate::local::store::Store;

/// A pool with the user ann and the providers Corp (SAML) and Google.
fn pool_with_providers() -> (Store, Value) {
    let (store, pool) = store_with_pool();
    call(
        &store,
        "AdminCreateUser",
        json!({"UserPoolId": pool, "Username": "ann"}),
    )
    .unwrap();
    let saml = json!({"UserPoolId": pool, "ProviderName": "Corp", "ProviderType": "SAML",
                      "ProviderDetails": {"MetadataURL": "https://corp.example/md"}});
    call(&store, "CreateIdentityProvider", saml).unwrap();
    let google = json!({"UserPoolId": pool, "ProviderName": "Google", "ProviderType": "Google",
                        "ProviderDetails": {"client_id": "g", "client_secret": "s",
                                            "authorize_scopes": "openid"}});
    call(&store, "CreateIdentityProvider", google).unwrap();
    (store, pool)
}

fn link(
    store: &Store,
    pool: &Value,
    user: &str,
    source: (&str, &str, &str),
) -> Result<Value, (String, String)> {
    let (provider, attribute, value) = source;
    call(
        store,
        "AdminLinkProviderForUser",
        json!({"UserPoolId": pool,
               "DestinationUser": {"ProviderName": "Cognito", "ProviderAttributeValue": user},
               "SourceUser": {"ProviderName": provider, "ProviderAttributeName": attribute,
                              "ProviderAttributeValue": value}}),
    )
}

/// ann's `identities` as the list its JSON value holds; empty when she has none.
fn identities(store: &Store, pool: &Value) -> Vec<Value> {
    let user = call(
        store,
        "AdminGetUser",
        json!({"UserPoolId": pool, "Username": "ann"}),
    )
    .unwrap();
    let attrs = user["UserAttributes"].as_array().unwrap().clone();
    attrs
        .iter()
        .find(|a| a["Name"] == "identities")
        .map(|a| serde_json::from_str(a["Value"].as_str().unwrap()).unwrap())
        .unwrap_or_default()
}

#[test]
fn a_linked_identity_shows_in_the_users_identities() {
    let (store, pool) = pool_with_providers();
    link(&store, &pool, "ann", ("Corp", "email", "ann@corp.example")).unwrap();
    link(
        &store,
        &pool,
        "ann",
        ("Google", "Cognito_Subject", "1234567890"),
    )
    .unwrap();
    let linked = identities(&store, &pool);
    assert_eq!(linked.len(), 2);
    assert_eq!(linked[0]["userId"], "ann@corp.example");
    assert_eq!(linked[0]["providerName"], "Corp");
    assert_eq!(linked[0]["providerType"], "SAML");
    assert_eq!(linked[0]["primary"], false);
    assert!(linked[0]["issuer"].is_null() && linked[0]["dateCreated"].is_i64());
    assert_eq!(linked[1]["providerType"], "Google");
    let listed = call(
        &store,
        "ListUsers",
        json!({"UserPoolId": pool, "AttributesToGet": ["identities"]}),
    )
    .unwrap();
    let value = listed["Users"][0]["Attributes"][0]["Value"]
        .as_str()
        .unwrap();
    assert!(value.contains("1234567890"), "{value}");

    let unlink = json!({"UserPoolId": pool, "User": {"ProviderName": "Corp",
        "ProviderAttributeName": "email", "ProviderAttributeValue": "ann@corp.example"}});
    call(&store, "AdminDisableProviderForUser", unlink.clone()).unwrap();
    assert_eq!(identities(&store, &pool).len(), 1);
    call(&store, "AdminDisableProviderForUser", unlink).unwrap();
    // Deleting the provider drops its links, and with the last one the attribute.
    call(
        &store,
        "DeleteIdentityProvider",
        json!({"UserPoolId": pool, "ProviderName": "Google"}),
    )
    .unwrap();
    assert!(identities(&store, &pool).is_empty());
}

#[test]
fn what_aws_refuses_of_a_link() {
    let (store, pool) = pool_with_providers();
    let refused = |user, source| link(&store, &pool, user, source).unwrap_err().0;
    assert_eq!(
        refused("nobody", ("Corp", "email", "x@corp.example")),
        "UserNotFoundException"
    );
    assert_eq!(
        refused("ann", ("Okta", "email", "x@okta.example")),
        "InvalidParameterException"
    );
    assert_eq!(
        refused("ann", ("Google", "email", "x@gmail.example")),
        "InvalidParameterException",
        "a social provider's users are named by Cognito_Subject"
    );
    link(&store, &pool, "ann", ("Corp", "email", "ann@corp.example")).unwrap();
    call(
        &store,
        "AdminCreateUser",
        json!({"UserPoolId": pool, "Username": "bob"}),
    )
    .unwrap();
    assert_eq!(
        refused("bob", ("Corp", "email", "ann@corp.example")),
        "AliasExistsException"
    );
    for i in 1..5 {
        link(
            &store,
            &pool,
            "ann",
            ("Corp", "email", &format!("{i}@corp.example")),
        )
        .unwrap();
    }
    assert_eq!(
        refused("ann", ("Corp", "email", "6@corp.example")),
        "LimitExceededException"
    );
    let native = json!({"UserPoolId": pool, "User": {"ProviderName": "Cognito",
        "ProviderAttributeName": "Cognito_Subject", "ProviderAttributeValue": "ann"}});
    let refused = call(&store, "AdminDisableProviderForUser", native).unwrap_err();
    assert_eq!(refused.0, "InvalidParameterException");
}

#[test]
fn deleting_the_user_drops_the_link() {
    let (store, pool) = pool_with_providers();
    link(&store, &pool, "ann", ("Corp", "email", "ann@corp.example")).unwrap();
    call(
        &store,
        "AdminDeleteUser",
        json!({"UserPoolId": pool, "Username": "ann"}),
    )
    .unwrap();
    call(
        &store,
        "AdminCreateUser",
        json!({"UserPoolId": pool, "Username": "ann"}),
    )
    .unwrap();
    assert!(identities(&store, &pool).is_empty());
    link(&store, &pool, "ann", ("Corp", "email", "ann@corp.example")).unwrap();
}
