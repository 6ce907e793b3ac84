//! Identity providers: what an update keeps, the read by identifier.

use serde_json::{Value, json};

use super::super::testing::{call, store_with_pool};
use crate::local::store::Store;

fn oidc(pool: &Value) -> Value {
    json!({"UserPoolId": pool, "ProviderName": "Okta", "ProviderType": "OIDC",
           "ProviderDetails": {"client_id": "cid", "client_secret": "s3cret",
               "authorize_scopes": "openid email", "oidc_issuer": "https://okta.example",
               "attributes_request_method": "GET"},
           "AttributeMapping": {"email": "email"}, "IdpIdentifiers": ["okta.example"]})
}

fn describe(store: &Store, pool: &Value) -> Value {
    let input = json!({"UserPoolId": pool, "ProviderName": "Okta"});
    call(store, "DescribeIdentityProvider", input).unwrap()["IdentityProvider"].clone()
}

/// The model documents no reset for UpdateIdentityProvider: a member left out keeps its value,
/// one given replaces it whole.
#[test]
fn an_update_replaces_the_members_given_and_keeps_the_others() {
    let (store, pool) = store_with_pool();
    call(&store, "CreateIdentityProvider", oidc(&pool)).unwrap();
    let before = describe(&store, &pool);
    let mapping = json!({"UserPoolId": pool, "ProviderName": "Okta",
                         "AttributeMapping": {"name": "name"}});
    call(&store, "UpdateIdentityProvider", mapping).unwrap();
    let after = describe(&store, &pool);
    assert_eq!(
        after["AttributeMapping"],
        json!({"name": "name", "username": "sub"}),
        "AWS maps the subject to username unless told otherwise"
    );
    assert_eq!(after["ProviderDetails"], before["ProviderDetails"]);
    assert_eq!(after["IdpIdentifiers"], before["IdpIdentifiers"]);
    assert_eq!(after["CreationDate"], before["CreationDate"]);
    assert!(after["LastModifiedDate"].as_f64() >= before["LastModifiedDate"].as_f64());
}

#[test]
fn the_described_provider_sent_back_with_one_change_changes_only_that() {
    let (store, pool) = store_with_pool();
    call(&store, "CreateIdentityProvider", oidc(&pool)).unwrap();
    let before = describe(&store, &pool);
    let mut input = before.clone();
    input["ProviderDetails"]["authorize_scopes"] = json!("openid email profile");
    call(&store, "UpdateIdentityProvider", input).unwrap();
    let mut after = describe(&store, &pool);
    assert_eq!(
        after["ProviderDetails"]["authorize_scopes"],
        "openid email profile"
    );
    after["ProviderDetails"]["authorize_scopes"] =
        before["ProviderDetails"]["authorize_scopes"].clone();
    after["LastModifiedDate"] = before["LastModifiedDate"].clone();
    assert_eq!(after, before);
    // Details missing what the type needs are refused, as on create.
    let broken = json!({"UserPoolId": pool, "ProviderName": "Okta",
                        "ProviderDetails": {"client_id": "cid"}});
    let refused = call(&store, "UpdateIdentityProvider", broken).unwrap_err();
    assert_eq!(refused.0, "InvalidParameterException");
}

#[test]
fn a_provider_is_found_by_any_of_its_identifiers() {
    let (store, pool) = store_with_pool();
    call(&store, "CreateIdentityProvider", oidc(&pool)).unwrap();
    let found = call(
        &store,
        "GetIdentityProviderByIdentifier",
        json!({"UserPoolId": pool, "IdpIdentifier": "okta.example"}),
    )
    .unwrap();
    assert_eq!(found["IdentityProvider"], describe(&store, &pool));
    let missing = call(
        &store,
        "GetIdentityProviderByIdentifier",
        json!({"UserPoolId": pool, "IdpIdentifier": "nobody.example"}),
    );
    assert_eq!(missing.unwrap_err().0, "ResourceNotFoundException");
    let no_pool = call(
        &store,
        "GetIdentityProviderByIdentifier",
        json!({"UserPoolId": "us-east-1_Missing00", "IdpIdentifier": "okta.example"}),
    );
    assert_eq!(no_pool.unwrap_err().0, "ResourceNotFoundException");
}
