//! Conformance of pool administration as the console's read-modify-write edits use it: what a
//! describe answers for settings left out, what an update that omits them does, the checks on
//! app clients' OAuth settings, custom attributes, the domain update and linked identities.

use cognito_tui::cognito::{CognitoClient, PoolId};
use serde_json::{Value, json};

use super::super::common::{create_pool, create_user, unique};
use super::{Quirks, call, code_of};

async fn describe_client(client: &CognitoClient, pool: &PoolId, id: &Value) -> Value {
    let input = json!({"UserPoolId": pool.as_str(), "ClientId": id});
    call(client, "DescribeUserPoolClient", &input).await["UserPoolClient"].clone()
}

/// A pool with the SAML provider Corp and the resource server `https://api.example` (scope read).
async fn pool_with_provider_and_api(client: &CognitoClient) -> PoolId {
    let pool = create_pool(client, "conf-admin").await;
    let p = pool.as_str();
    call(
        client,
        "CreateIdentityProvider",
        &json!({"UserPoolId": p, "ProviderName": "Corp", "ProviderType": "SAML",
                "ProviderDetails": {"MetadataURL": "https://corp.example/md"},
                "IdpIdentifiers": ["corp.example"]}),
    )
    .await;
    call(
        client,
        "CreateResourceServer",
        &json!({"UserPoolId": p, "Identifier": "https://api.example", "Name": "API",
                "Scopes": [{"ScopeName": "read", "ScopeDescription": "Read"}]}),
    )
    .await;
    pool
}

/// A client created with a name only, its defaults, and an update that omits what was set.
pub async fn client_defaults_and_reset(client: &CognitoClient, quirks: Quirks) {
    let pool = create_pool(client, "conf-client-defaults").await;
    let p = pool.as_str();
    let created = call(
        client,
        "CreateUserPoolClient",
        &json!({"UserPoolId": p, "ClientName": "bare"}),
    )
    .await;
    let id = created["UserPoolClient"]["ClientId"].clone();
    let bare = describe_client(client, &pool, &id).await;
    if quirks.describes_client_defaults {
        assert_eq!(bare["RefreshTokenValidity"], 30);
        assert_eq!(bare["EnableTokenRevocation"], true);
        assert_eq!(bare["AuthSessionValidity"], 3);
        assert_eq!(bare["AllowedOAuthFlowsUserPoolClient"], false);
    }
    call(
        client,
        "UpdateUserPoolClient",
        &json!({"UserPoolId": p, "ClientId": id, "AccessTokenValidity": 30,
                "TokenValidityUnits": {"AccessToken": "minutes"},
                "EnableTokenRevocation": false}),
    )
    .await;
    let set = describe_client(client, &pool, &id).await;
    assert_eq!(set["AccessTokenValidity"], 30);
    assert_eq!(set["EnableTokenRevocation"], false);
    call(
        client,
        "UpdateUserPoolClient",
        &json!({"UserPoolId": p, "ClientId": id, "ClientName": "renamed"}),
    )
    .await;
    let reset = describe_client(client, &pool, &id).await;
    assert_eq!(reset["ClientName"], "renamed");
    if quirks.client_update_resets_omitted {
        assert!(reset.get("AccessTokenValidity").is_none_or(Value::is_null));
        assert_eq!(reset["EnableTokenRevocation"], true);
    } else {
        assert_eq!(
            reset["AccessTokenValidity"], 30,
            "moto keeps omitted settings"
        );
    }
}

/// A web client on the code flow with a provider and scopes, and what AWS refuses.
pub async fn client_oauth(client: &CognitoClient, quirks: Quirks) {
    let pool = pool_with_provider_and_api(client).await;
    let p = pool.as_str();
    let web = json!({"UserPoolId": p, "ClientName": "web",
        "AllowedOAuthFlowsUserPoolClient": true, "AllowedOAuthFlows": ["code"],
        "AllowedOAuthScopes": ["openid", "email", "https://api.example/read"],
        "CallbackURLs": ["https://app.example/cb"], "LogoutURLs": ["https://app.example/"],
        "SupportedIdentityProviders": ["COGNITO", "Corp"]});
    let created = call(client, "CreateUserPoolClient", &web).await;
    let id = created["UserPoolClient"]["ClientId"].clone();
    let described = describe_client(client, &pool, &id).await;
    assert_eq!(
        described["SupportedIdentityProviders"],
        json!(["COGNITO", "Corp"])
    );
    assert_eq!(described["AllowedOAuthFlows"], json!(["code"]));

    let mut refused: Vec<(Value, &str)> = Vec::new();
    let mut variant = |change: Value, code: &'static str| {
        let mut input = web.clone();
        if let (Some(input), Some(change)) = (input.as_object_mut(), change.as_object()) {
            input.extend(change.clone());
        }
        refused.push((input, code));
    };
    variant(
        json!({"AllowedOAuthScopes": ["openid", "https://api.example/write"]}),
        "ScopeDoesNotExistException",
    );
    variant(
        json!({"SupportedIdentityProviders": ["COGNITO", "Nobody"]}),
        "InvalidParameterException",
    );
    variant(
        json!({"AllowedOAuthFlows": ["client_credentials"], "CallbackURLs": []}),
        "InvalidOAuthFlowException",
    );
    for (input, expected) in refused {
        let answer = client.call_json("CreateUserPoolClient", &input).await;
        if quirks.validates_client_oauth {
            assert_eq!(code_of(answer), expected, "{input}");
        } else {
            answer.expect("moto takes any OAuth settings");
        }
    }

    call(
        client,
        "DeleteIdentityProvider",
        &json!({"UserPoolId": p, "ProviderName": "Corp"}),
    )
    .await;
    let after = describe_client(client, &pool, &id).await;
    if quirks.deleted_provider_leaves_clients {
        assert_eq!(after["SupportedIdentityProviders"], json!(["COGNITO"]));
    } else {
        assert_eq!(
            after["SupportedIdentityProviders"],
            json!(["COGNITO", "Corp"]),
            "moto keeps the deleted provider"
        );
    }
}

fn schema_names(pool: &Value) -> Vec<String> {
    pool["UserPool"]["SchemaAttributes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| a["Name"].as_str().map(str::to_owned))
        .collect()
}

/// AddCustomAttributes prefixes the name; an existing name is refused.
pub async fn custom_attributes(client: &CognitoClient) {
    let pool = create_pool(client, "conf-custom").await;
    let p = pool.as_str();
    call(
        client,
        "AddCustomAttributes",
        &json!({"UserPoolId": p, "CustomAttributes": [
            {"Name": "region", "AttributeDataType": "String", "Mutable": true}]}),
    )
    .await;
    let described = call(client, "DescribeUserPool", &json!({"UserPoolId": p})).await;
    assert!(
        schema_names(&described).contains(&"custom:region".to_owned()),
        "{:?}",
        schema_names(&described)
    );
    create_user(client, &pool, "ann", &[("custom:region", "eu")]).await;
    let again = client
        .call_json(
            "AddCustomAttributes",
            &json!({"UserPoolId": p, "CustomAttributes": [
                {"Name": "tenant", "AttributeDataType": "String"}]}),
        )
        .await;
    assert_eq!(code_of(again), "InvalidParameterException");
    let missing = client
        .call_json(
            "AddCustomAttributes",
            &json!({"UserPoolId": "us-east-1_Missing00", "CustomAttributes": [
                {"Name": "x", "AttributeDataType": "String"}]}),
        )
        .await;
    assert_eq!(code_of(missing), "ResourceNotFoundException");
}

/// UpdateUserPoolDomain changes the branding version of the pool's own domain only.
pub async fn domain_update(client: &CognitoClient, quirks: Quirks) {
    let pool = create_pool(client, "conf-dom-update").await;
    let domain = unique("conf-domup");
    let input = json!({"UserPoolId": pool.as_str(), "Domain": domain});
    call(client, "CreateUserPoolDomain", &input).await;
    let mut two = input.clone();
    two["ManagedLoginVersion"] = json!(2);
    let answer = call(client, "UpdateUserPoolDomain", &two).await;
    let described = call(client, "DescribeUserPoolDomain", &json!({"Domain": domain})).await;
    if quirks.aws_domain_shapes {
        assert_eq!(answer["ManagedLoginVersion"], 2);
        assert_eq!(described["DomainDescription"]["ManagedLoginVersion"], 2);
    } else {
        // moto 5.2.5 stores only a custom domain's certificate and answers no version.
        assert!(answer["ManagedLoginVersion"].is_null(), "{answer}");
    }
    if quirks.one_domain_per_pool {
        let other = create_pool(client, "conf-dom-update-other").await;
        let elsewhere = json!({"UserPoolId": other.as_str(), "Domain": domain,
                               "ManagedLoginVersion": 1});
        let refused = client.call_json("UpdateUserPoolDomain", &elsewhere).await;
        assert_eq!(code_of(refused), "InvalidParameterException");
    }
    call(client, "DeleteUserPoolDomain", &input).await;
}

/// Local only (moto 5.2.5 has neither AdminLinkProviderForUser nor
/// GetIdentityProviderByIdentifier): a linked identity shows in `identities`, and a provider is
/// found by its identifier.
pub async fn linked_identities(client: &CognitoClient) {
    let pool = pool_with_provider_and_api(client).await;
    let p = pool.as_str();
    create_user(client, &pool, "ann", &[("email", "ann@example.com")]).await;
    call(
        client,
        "AdminLinkProviderForUser",
        &json!({"UserPoolId": p,
            "DestinationUser": {"ProviderName": "Cognito", "ProviderAttributeValue": "ann"},
            "SourceUser": {"ProviderName": "Corp", "ProviderAttributeName": "email",
                           "ProviderAttributeValue": "ann@corp.example"}}),
    )
    .await;
    let user = call(
        client,
        "AdminGetUser",
        &json!({"UserPoolId": p, "Username": "ann"}),
    )
    .await;
    let identities = user["UserAttributes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["Name"] == "identities")
        .and_then(|a| a["Value"].as_str())
        .expect("an identities attribute");
    let identities: Value = serde_json::from_str(identities).unwrap();
    assert_eq!(identities[0]["providerName"], "Corp");
    assert_eq!(identities[0]["userId"], "ann@corp.example");
    call(
        client,
        "AdminDisableProviderForUser",
        &json!({"UserPoolId": p, "User": {"ProviderName": "Corp",
            "ProviderAttributeName": "email", "ProviderAttributeValue": "ann@corp.example"}}),
    )
    .await;
    let user = call(
        client,
        "AdminGetUser",
        &json!({"UserPoolId": p, "Username": "ann"}),
    )
    .await;
    assert!(
        !user["UserAttributes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["Name"] == "identities")
    );
    let found = call(
        client,
        "GetIdentityProviderByIdentifier",
        &json!({"UserPoolId": p, "IdpIdentifier": "corp.example"}),
    )
    .await;
    assert_eq!(found["IdentityProvider"]["ProviderName"], "Corp");
}

/// A pool created with a name only, and an UpdateUserPool that omits what was set.
pub async fn pool_defaults_and_reset(client: &CognitoClient, quirks: Quirks) {
    let pool = create_pool(client, "conf-pool-defaults").await;
    let p = pool.as_str();
    let described = call(client, "DescribeUserPool", &json!({"UserPoolId": p})).await;
    let view = &described["UserPool"];
    if quirks.describes_pool_defaults {
        assert_eq!(
            view["AdminCreateUserConfig"]["AllowAdminCreateUserOnly"],
            false
        );
        assert_eq!(
            view["EmailConfiguration"]["EmailSendingAccount"],
            "COGNITO_DEFAULT"
        );
        assert_eq!(
            view["VerificationMessageTemplate"]["DefaultEmailOption"],
            "CONFIRM_WITH_CODE"
        );
    }
    call(
        client,
        "UpdateUserPool",
        &json!({"UserPoolId": p,
                "AdminCreateUserConfig": {"AllowAdminCreateUserOnly": true}}),
    )
    .await;
    let set = call(client, "DescribeUserPool", &json!({"UserPoolId": p})).await;
    assert_eq!(
        set["UserPool"]["AdminCreateUserConfig"]["AllowAdminCreateUserOnly"],
        true
    );
    call(client, "UpdateUserPool", &json!({"UserPoolId": p})).await;
    let reset = call(client, "DescribeUserPool", &json!({"UserPoolId": p})).await;
    let allow_only = &reset["UserPool"]["AdminCreateUserConfig"]["AllowAdminCreateUserOnly"];
    if quirks.pool_update_resets_omitted {
        assert_eq!(allow_only, false);
    } else {
        assert_eq!(allow_only, true, "moto keeps omitted settings");
    }
}
