//! Conformance of a pool's configuration resources: identity providers, the domain, the MFA
//! configuration (resource servers: `resource_servers.rs`). The local server runs every function; moto runs those
//! moto 5.2.5 implements, with its departures from AWS switched by `Quirks`.

use cognito_tui::cognito::pools::GetUserPoolMfaConfigResponse;
use cognito_tui::cognito::{CognitoClient, PoolId, ProviderName};
use futures::TryStreamExt as _;
use serde_json::{Value, json};

use super::super::common::{create_pool, unique};
use super::{Quirks, call, code_of};

async fn provider_names(client: &CognitoClient, pool: &PoolId) -> Vec<String> {
    let pages: Vec<_> = client
        .list_identity_providers(pool)
        .try_collect()
        .await
        .unwrap();
    let mut names: Vec<String> = pages
        .iter()
        .flat_map(|p| &p.providers)
        .map(|p| p.provider_name.as_str().to_owned())
        .collect();
    names.sort();
    names
}

fn saml(pool: &PoolId, name: &str, metadata: &str) -> Value {
    json!({"UserPoolId": pool.as_str(), "ProviderName": name, "ProviderType": "SAML",
           "ProviderDetails": {"MetadataURL": metadata},
           "AttributeMapping": {"email": "emailaddress"}, "IdpIdentifiers": ["acme.example"]})
}

pub async fn identity_providers(client: &CognitoClient, quirks: Quirks) {
    let pool = create_pool(client, "conf-idps").await;
    let p = pool.as_str();
    let created = call(
        client,
        "CreateIdentityProvider",
        &saml(&pool, "AcmeSaml", "https://idp.example/one"),
    )
    .await;
    assert_eq!(created["IdentityProvider"]["ProviderType"], "SAML");
    assert_eq!(
        created["IdentityProvider"]["AttributeMapping"]["email"],
        "emailaddress"
    );
    call(
        client,
        "CreateIdentityProvider",
        &json!({"UserPoolId": p, "ProviderName": "Okta", "ProviderType": "OIDC",
                "ProviderDetails": {"client_id": "cid", "client_secret": "s3cret",
                    "authorize_scopes": "openid email", "oidc_issuer": "https://okta.example",
                    "attributes_request_method": "GET"}}),
    )
    .await;
    assert_eq!(provider_names(client, &pool).await, ["AcmeSaml", "Okta"]);
    let first = call(
        client,
        "ListIdentityProviders",
        &json!({"UserPoolId": p, "MaxResults": 1}),
    )
    .await;
    assert_eq!(first["Providers"].as_array().unwrap().len(), 1);
    let summary = &first["Providers"][0];
    assert!(summary["ProviderType"].is_string() && summary["CreationDate"].is_number());
    let token = first["NextToken"].as_str().expect("a second page");
    let second = call(
        client,
        "ListIdentityProviders",
        &json!({"UserPoolId": p, "MaxResults": 1, "NextToken": token}),
    )
    .await;
    assert_ne!(
        second["Providers"][0]["ProviderName"],
        summary["ProviderName"]
    );
    provider_checks(client, &pool, quirks).await;
    provider_edits(client, &pool).await;
}

/// Describe, and what AWS refuses to create.
async fn provider_checks(client: &CognitoClient, pool: &PoolId, quirks: Quirks) {
    let p = pool.as_str();
    let okta = ProviderName::new("Okta");
    let described = client
        .describe_identity_provider(pool, &okta)
        .await
        .unwrap()
        .identity_provider
        .expect("IdentityProvider");
    assert_eq!(described.provider_type.as_deref(), Some("OIDC"));
    assert_eq!(described.provider_details["client_secret"], "s3cret");

    let dup = client
        .call_json(
            "CreateIdentityProvider",
            &saml(pool, "AcmeSaml", "https://idp.example/two"),
        )
        .await;
    let acme = ProviderName::new("AcmeSaml");
    let kept = client
        .describe_identity_provider(pool, &acme)
        .await
        .unwrap()
        .identity_provider
        .expect("IdentityProvider");
    if quirks.refuses_duplicate_providers {
        assert_eq!(code_of(dup), "DuplicateProviderException");
        assert_eq!(
            kept.provider_details["MetadataURL"],
            "https://idp.example/one"
        );
    } else {
        dup.expect("moto overwrites a provider of the same name");
        assert_eq!(
            kept.provider_details["MetadataURL"],
            "https://idp.example/two"
        );
    }
    let bad_type = client
        .call_json(
            "CreateIdentityProvider",
            &json!({"UserPoolId": p, "ProviderName": "Ldap", "ProviderType": "LDAP",
                    "ProviderDetails": {}}),
        )
        .await;
    if quirks.validates_providers {
        assert_eq!(code_of(bad_type), "InvalidParameterException");
        let no_issuer = client
            .call_json(
                "CreateIdentityProvider",
                &json!({"UserPoolId": p, "ProviderName": "Bare", "ProviderType": "OIDC",
                        "ProviderDetails": {"client_id": "cid"}}),
            )
            .await;
        assert_eq!(code_of(no_issuer), "InvalidParameterException");
        let social = client
            .call_json(
                "CreateIdentityProvider",
                &json!({"UserPoolId": p, "ProviderName": "MyGoogle", "ProviderType": "Google",
                        "ProviderDetails": {"client_id": "c", "client_secret": "s",
                                            "authorize_scopes": "email"}}),
            )
            .await;
        assert_eq!(code_of(social), "InvalidParameterException");
    } else {
        bad_type.expect("moto stores a provider of any type");
    }
}

async fn provider_edits(client: &CognitoClient, pool: &PoolId) {
    let p = pool.as_str();
    let okta = ProviderName::new("Okta");
    let updated = call(
        client,
        "UpdateIdentityProvider",
        &json!({"UserPoolId": p, "ProviderName": "Okta", "AttributeMapping": {"email": "mail"}}),
    )
    .await;
    assert_eq!(
        updated["IdentityProvider"]["AttributeMapping"]["email"],
        "mail"
    );
    assert_eq!(
        updated["IdentityProvider"]["ProviderDetails"]["client_id"], "cid",
        "details the update leaves out stay"
    );
    call(
        client,
        "DeleteIdentityProvider",
        &json!({"UserPoolId": p, "ProviderName": "Okta"}),
    )
    .await;
    assert_eq!(
        code_of(client.describe_identity_provider(pool, &okta).await),
        "ResourceNotFoundException"
    );
    let again = client
        .call_json(
            "DeleteIdentityProvider",
            &json!({"UserPoolId": p, "ProviderName": "Okta"}),
        )
        .await;
    assert_eq!(code_of(again), "ResourceNotFoundException");
    let missing_pool = client
        .describe_identity_provider(&PoolId::new("us-east-1_Missing00"), &okta)
        .await;
    assert_eq!(code_of(missing_pool), "ResourceNotFoundException");
}

pub async fn domains(client: &CognitoClient, quirks: Quirks) {
    let pool = create_pool(client, "conf-domain").await;
    let other = create_pool(client, "conf-domain-other").await;
    let domain = unique("conf-dom");
    let input =
        |pool: &PoolId, domain: &str| json!({"UserPoolId": pool.as_str(), "Domain": domain});
    let created = call(client, "CreateUserPoolDomain", &input(&pool, &domain)).await;
    if quirks.aws_domain_shapes {
        assert!(created.get("CloudFrontDomain").is_none_or(Value::is_null));
    }
    let described = client
        .describe_user_pool_domain(&domain)
        .await
        .unwrap()
        .domain_description
        .expect("DomainDescription");
    assert_eq!(described.user_pool_id.as_ref(), Some(&pool));
    assert_eq!(described.domain.as_deref(), Some(domain.as_str()));
    assert_eq!(described.status.as_deref(), Some("ACTIVE"));
    let pool_view = client.describe_user_pool(&pool).await.unwrap();
    assert_eq!(
        pool_view.user_pool.and_then(|p| p.domain).as_deref(),
        Some(domain.as_str())
    );
    let unknown = call(
        client,
        "DescribeUserPoolDomain",
        &json!({"Domain": unique("no-such-domain")}),
    )
    .await;
    assert_eq!(unknown, json!({"DomainDescription": {}}));

    let second = unique("conf-dom-second");
    let one_per_pool = client
        .call_json("CreateUserPoolDomain", &input(&pool, &second))
        .await;
    let taken = client
        .call_json("CreateUserPoolDomain", &input(&other, &domain))
        .await;
    if quirks.one_domain_per_pool {
        assert_eq!(code_of(one_per_pool), "InvalidParameterException");
        assert_eq!(code_of(taken), "InvalidParameterException");
    } else {
        one_per_pool.expect("moto gives a pool a second domain");
        taken.expect("moto hands a taken domain to another pool");
        call(client, "DeleteUserPoolDomain", &input(&pool, &second)).await;
    }

    let custom = format!("{}.example.com", unique("auth"));
    let custom_input = json!({"UserPoolId": other.as_str(), "Domain": custom,
        "CustomDomainConfig": {"CertificateArn":
            "arn:aws:acm:us-east-1:123456789012:certificate/abcd-1234"}});
    let created = call(client, "CreateUserPoolDomain", &custom_input).await;
    assert!(created["CloudFrontDomain"].is_string(), "{created}");
    if quirks.aws_domain_shapes {
        let view = client.describe_user_pool(&other).await.unwrap();
        let view = view.user_pool.expect("UserPool");
        assert_eq!(view.custom_domain.as_deref(), Some(custom.as_str()));
        assert_eq!(view.domain, None);
    }

    call(client, "DeleteUserPoolDomain", &input(&pool, &domain)).await;
    let gone = call(client, "DescribeUserPoolDomain", &json!({"Domain": domain})).await;
    assert_eq!(gone, json!({"DomainDescription": {}}));
    let pool_view = client.describe_user_pool(&pool).await.unwrap();
    assert_eq!(pool_view.user_pool.and_then(|p| p.domain), None);
}

/// GetUserPoolMfaConfig and DescribeUserPool both say MFA is `mode`; the first's answer.
async fn mfa_mode_agrees(
    client: &CognitoClient,
    pool: &PoolId,
    mode: &str,
) -> GetUserPoolMfaConfigResponse {
    let got = client.get_user_pool_mfa_config(pool).await.unwrap();
    assert_eq!(got.mfa_configuration.as_deref(), Some(mode));
    let described = client.describe_user_pool(pool).await.unwrap();
    let described = described.user_pool.and_then(|p| p.mfa_configuration);
    assert_eq!(described.as_deref(), Some(mode), "DescribeUserPool agrees");
    got
}

pub async fn mfa_config(client: &CognitoClient, quirks: Quirks) {
    let pool = create_pool(client, "conf-mfa").await;
    let p = pool.as_str();
    let initial = client.get_user_pool_mfa_config(&pool).await.unwrap();
    assert_eq!(initial.mfa_configuration.as_deref(), Some("OFF"));
    let sms_role = "arn:aws:iam::123456789012:role/cognito-sms";
    call(
        client,
        "SetUserPoolMfaConfig",
        &json!({"UserPoolId": p, "MfaConfiguration": "OPTIONAL",
                "SoftwareTokenMfaConfiguration": {"Enabled": true},
                "SmsMfaConfiguration": {"SmsAuthenticationMessage": "Your code is {####}",
                    "SmsConfiguration": {"SnsCallerArn": sms_role, "ExternalId": "ext-1"}}}),
    )
    .await;
    let got = mfa_mode_agrees(client, &pool, "OPTIONAL").await;
    assert_eq!(
        got.software_token_mfa_configuration.and_then(|t| t.enabled),
        Some(true)
    );
    let sms = got.sms_mfa_configuration.expect("SmsMfaConfiguration");
    assert_eq!(sms["SmsConfiguration"]["SnsCallerArn"], sms_role);

    let no_factor = client
        .call_json(
            "SetUserPoolMfaConfig",
            &json!({"UserPoolId": p, "MfaConfiguration": "ON",
                    "SoftwareTokenMfaConfiguration": {"Enabled": false}}),
        )
        .await;
    if quirks.mfa_needs_an_enabled_factor {
        assert_eq!(code_of(no_factor), "InvalidParameterException");
        let unchanged = client.get_user_pool_mfa_config(&pool).await.unwrap();
        assert_eq!(unchanged.mfa_configuration.as_deref(), Some("OPTIONAL"));
    } else {
        no_factor.expect("moto turns MFA on with every factor disabled");
    }
    let bad_mode = client
        .call_json(
            "SetUserPoolMfaConfig",
            &json!({"UserPoolId": p, "MfaConfiguration": "SOMETIMES"}),
        )
        .await;
    assert_eq!(code_of(bad_mode), "InvalidParameterException");
    call(
        client,
        "SetUserPoolMfaConfig",
        &json!({"UserPoolId": p, "MfaConfiguration": "OFF"}),
    )
    .await;
    mfa_mode_agrees(client, &pool, "OFF").await;
    let missing = client
        .get_user_pool_mfa_config(&PoolId::new("us-east-1_Missing00"))
        .await;
    assert_eq!(code_of(missing), "ResourceNotFoundException");
}
