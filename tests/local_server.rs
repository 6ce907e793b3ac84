//! The embedded local server on an ephemeral port, driven through the real client: every
//! implemented operation, AWS's paging and filter rules and its error codes (the conformance
//! suites moto runs too, and what only the local server implements). `local_state.rs` has the
//! state: persistence, one owner per file, the demo seed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod conformance;

use cognito_tui::cognito::types::AttributeType;
use cognito_tui::cognito::{CognitoClient, PoolId, Username};
use cognito_tui::local::seed::{PRODUCTION_POOL, STAGING_POOL};
use cognito_tui::local::{LocalServer, Seed, StateLocation};
use common::backend::local as start;
use conformance::{AWS, code_of};
use futures::TryStreamExt as _;
use serde_json::json;

async fn empty() -> (LocalServer, CognitoClient) {
    start(&StateLocation::Memory, Seed::Empty).await
}

#[tokio::test]
async fn pools() {
    let (_server, client) = empty().await;
    conformance::pools(&client, AWS).await;
}

#[tokio::test]
async fn user_lifecycle() {
    let (_server, client) = empty().await;
    conformance::user_lifecycle(&client, AWS).await;
}

#[tokio::test]
async fn pagination_at_60_and_limit_61_refused() {
    let (_server, client) = empty().await;
    conformance::pagination(&client, AWS).await;
}

#[tokio::test]
async fn every_filter_operator_and_attribute() {
    let (_server, client) = empty().await;
    conformance::filters(&client, AWS).await;
}

#[tokio::test]
async fn groups_and_memberships() {
    let (_server, client) = empty().await;
    conformance::groups(&client).await;
}

#[tokio::test]
async fn user_edits_and_status_transitions() {
    let (_server, client) = empty().await;
    conformance::edits::user_edits(&client, AWS).await;
}

#[tokio::test]
async fn group_lifecycle_and_members() {
    let (_server, client) = empty().await;
    conformance::edits::group_lifecycle(&client).await;
}

#[tokio::test]
async fn app_clients() {
    let (_server, client) = empty().await;
    conformance::edits::app_clients(&client).await;
}

#[tokio::test]
async fn absent_resources_answer_like_a_pool_without_them() {
    let (_server, client) = empty().await;
    let pool = common::create_pool(&client, "absent").await;
    common::create_user(&client, &pool, "ann", &[]).await;
    let ann = Username::new("ann");
    let idps: Vec<_> = client
        .list_identity_providers(&pool)
        .try_collect()
        .await
        .unwrap();
    assert!(idps.iter().all(|p| p.providers.is_empty()));
    // No sign-in flow remembers devices yet: a new user has none.
    let devices = client.admin_list_devices(&pool, &ann, None).await.unwrap();
    assert!(devices.devices.is_empty());
    let nobody = client
        .admin_list_devices(&pool, &Username::new("nobody"), None)
        .await;
    assert_eq!(code_of(nobody), "UserNotFoundException");
    conformance::activity::without_threat_protection(&client, &pool, &ann).await;
    // With threat protection on, a user who never signed in has an empty history.
    let protected = client
        .call_json(
            "CreateUserPool",
            &json!({"PoolName": "protected", "UserPoolTier": "PLUS",
                    "UserPoolAddOns": {"AdvancedSecurityMode": "AUDIT"}}),
        )
        .await
        .unwrap();
    let protected = PoolId::new(protected["UserPool"]["Id"].as_str().unwrap());
    common::create_user(&client, &protected, "ann", &[]).await;
    let events = client
        .admin_list_user_auth_events(&protected, &ann, None)
        .await
        .unwrap();
    assert!(events.auth_events.is_empty() && events.next_token.is_none());
}

#[tokio::test]
async fn page_tokens_are_bound_to_their_listing_and_attributes_can_be_chosen() {
    let (_server, client) = start(&StateLocation::Memory, Seed::Demo).await;
    let first = client
        .call_json(
            "ListUsers",
            &json!({"UserPoolId": PRODUCTION_POOL, "Limit": 2}),
        )
        .await
        .unwrap();
    let token = first["PaginationToken"].as_str().expect("a second page");
    let elsewhere = client
        .call_json(
            "ListUsers",
            &json!({"UserPoolId": STAGING_POOL, "PaginationToken": token}),
        )
        .await;
    assert_eq!(code_of(elsewhere), "InvalidParameterException");
    let forged = client
        .call_json(
            "ListUsers",
            &json!({"UserPoolId": PRODUCTION_POOL, "PaginationToken": "not-a-token"}),
        )
        .await;
    assert_eq!(code_of(forged), "InvalidParameterException");
    let only_email = client
        .call_json(
            "ListUsers",
            &json!({"UserPoolId": PRODUCTION_POOL, "Limit": 3, "AttributesToGet": ["email"]}),
        )
        .await
        .unwrap();
    for user in only_email["Users"].as_array().unwrap() {
        let names: Vec<&str> = user["Attributes"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|a| a["Name"].as_str())
            .collect();
        assert_eq!(names, ["email"]);
    }
}

#[tokio::test]
async fn resend_invites_only_existing_users_awaiting_a_password() {
    let (_server, client) = empty().await;
    let pool = common::create_pool(&client, "resend").await;
    common::create_user(&client, &pool, "ann", &[]).await;
    let resend = |user: &'static str| {
        let input =
            json!({"UserPoolId": pool.as_str(), "Username": user, "MessageAction": "RESEND"});
        let client = client.clone();
        async move { client.call_json("AdminCreateUser", &input).await }
    };
    let again = resend("ann").await.unwrap();
    assert_eq!(again["User"]["UserStatus"], "FORCE_CHANGE_PASSWORD");
    assert_eq!(code_of(resend("nobody").await), "UserNotFoundException");
    client
        .call_json(
            "AdminSetUserPassword",
            &json!({"UserPoolId": pool.as_str(), "Username": "ann",
                    "Password": common::PASSWORD, "Permanent": true}),
        )
        .await
        .unwrap();
    assert_eq!(
        code_of(resend("ann").await),
        "UnsupportedUserStateException"
    );
}

/// RESEND sets a new temporary password, so its validity starts again: the demo's expired
/// invitation is modified now, and a temporary password given must meet the policy.
#[tokio::test]
async fn resend_restarts_the_temporary_passwords_validity() {
    let (_server, client) = start(&StateLocation::Memory, Seed::Demo).await;
    let user = json!({"UserPoolId": PRODUCTION_POOL, "Username": "ann.diaz2"});
    let before = client.call_json("AdminGetUser", &user).await.unwrap();
    let sent = before["UserLastModifiedDate"].as_f64().unwrap();
    let mut resend = user.clone();
    resend["MessageAction"] = json!("RESEND");
    resend["TemporaryPassword"] = json!("short");
    assert_eq!(
        code_of(client.call_json("AdminCreateUser", &resend).await),
        "InvalidPasswordException"
    );
    let untouched = client.call_json("AdminGetUser", &user).await.unwrap();
    assert_eq!(untouched["UserLastModifiedDate"].as_f64(), Some(sent));
    resend.as_object_mut().unwrap().remove("TemporaryPassword");
    let again = client.call_json("AdminCreateUser", &resend).await.unwrap();
    let now = cognito_tui::cognito::types::EpochSeconds::now().0;
    let modified = again["User"]["UserLastModifiedDate"].as_f64().unwrap();
    assert!(modified > sent && (now - modified).abs() < 60.0, "{again}");
    assert_eq!(again["User"]["UserCreateDate"], before["UserCreateDate"]);
}

#[tokio::test]
async fn unimplemented_operations_are_unknown_operations() {
    let (_server, client) = empty().await;
    let answer = client
        .call_json("StartUserImportJob", &json!({"UserPoolId": "x"}))
        .await;
    // The client reads AWS's unknown-operation code as "not supported by this endpoint".
    let err = answer.unwrap_err();
    assert!(err.is_unsupported(), "{err:?}");
    let text = err.to_string();
    assert!(
        text.starts_with(
            "StartUserImportJob is not supported by this endpoint (UnknownOperationException"
        ),
        "{text}"
    );
}

#[tokio::test]
async fn raw_protocol_errors_are_json_with_type_header_and_request_id() {
    let (server, _client) = empty().await;
    let http = reqwest::Client::new();
    let post = |target: &'static str, body: &'static str| {
        http.post(server.url())
            .header("content-type", "application/x-amz-json-1.1")
            .header("x-amz-target", target)
            .body(body)
            .send()
    };
    let cases = [
        (
            "AWSCognitoIdentityProviderService.NoSuchThing",
            "{}",
            "UnknownOperationException",
        ),
        ("SomethingElse.ListUsers", "{}", "UnknownOperationException"),
        (
            "AWSCognitoIdentityProviderService.ListUsers",
            "{not json",
            "SerializationException",
        ),
        (
            "AWSCognitoIdentityProviderService.ListUsers",
            "[1]",
            "SerializationException",
        ),
        (
            "AWSCognitoIdentityProviderService.ListUsers",
            "{\"Limit\":60}",
            "InvalidParameterException",
        ),
        (
            "AWSCognitoIdentityProviderService.ListUsers",
            "{\"UserPoolId\":5}",
            "SerializationException",
        ),
        // Members deep in the input are checked against the service model's types too.
        (
            "AWSCognitoIdentityProviderService.SetUserPoolMfaConfig",
            "{\"UserPoolId\":\"us-east-1_x\",\"WebAuthnConfiguration\":\"x\"}",
            "SerializationException",
        ),
        (
            "AWSCognitoIdentityProviderService.AdminUpdateUserAttributes",
            "{\"UserPoolId\":\"p\",\"Username\":\"u\",\"UserAttributes\":[{\"Name\":\"x\",\"Value\":1}]}",
            "SerializationException",
        ),
    ];
    for (target, body, code) in cases {
        let response = post(target, body).await.unwrap();
        assert_eq!(response.status(), 400, "{target} {body}");
        let headers = response.headers().clone();
        assert_eq!(headers["x-amzn-errortype"], code, "{target} {body}");
        assert!(headers.contains_key("x-amzn-requestid"));
        let json: serde_json::Value =
            serde_json::from_slice(&response.bytes().await.unwrap()).unwrap();
        assert_eq!(json["__type"], code);
        assert!(json["message"].is_string());
    }
    let ok = post(
        "AWSCognitoIdentityProviderService.ListUserPools",
        "{\"MaxResults\":10}",
    )
    .await
    .unwrap();
    assert_eq!(ok.status(), 200);
    assert!(ok.headers().contains_key("x-amzn-requestid"));
}

#[tokio::test]
async fn identity_providers() {
    let (_server, client) = empty().await;
    conformance::resources::identity_providers(&client, AWS).await;
}

#[tokio::test]
async fn user_pool_domains() {
    let (_server, client) = empty().await;
    conformance::resources::domains(&client, AWS).await;
}

#[tokio::test]
async fn mfa_configuration() {
    let (_server, client) = empty().await;
    conformance::resources::mfa_config(&client, AWS).await;
}

#[tokio::test]
async fn resource_servers_and_their_edits() {
    let (_server, client) = empty().await;
    conformance::resource_servers::resource_server_edits(&client).await;
}

#[tokio::test]
async fn pool_and_client_update_and_delete() {
    let (_server, client) = empty().await;
    conformance::pool_lifecycle::pool_and_client_lifecycle(&client, AWS).await;
}

#[tokio::test]
async fn user_pools_are_listed_in_their_region_only() {
    let (server, client) = empty().await;
    let elsewhere = common::client_in(&server.url(), "local", "local", "eu-west-1").await;
    conformance::pool_lifecycle::pools_by_region(&client, &elsewhere).await;
}

#[tokio::test]
async fn tags_by_pool_arn() {
    let (_server, client) = empty().await;
    conformance::pool_lifecycle::tags(&client).await;
}

#[tokio::test]
async fn csv_header_lists_standard_then_custom_attributes() {
    let (_server, client) = empty().await;
    conformance::pool_lifecycle::csv_header(&client).await;
}

#[tokio::test]
async fn deleting_a_pool_deletes_everything_of_it() {
    let (_server, client) = empty().await;
    conformance::pool_lifecycle::delete_cascades(&client).await;
}

#[tokio::test]
async fn email_mfa_needs_ses_and_passkey_settings_are_kept() {
    let (_server, client) = empty().await;
    let pool = common::create_pool(&client, "email-mfa").await;
    let p = pool.as_str();
    let email_mfa = json!({"UserPoolId": p, "MfaConfiguration": "ON",
        "EmailMfaConfiguration": {"Message": "Your code is {####}", "Subject": "Code"}});
    let refused = client.call_json("SetUserPoolMfaConfig", &email_mfa).await;
    assert_eq!(code_of(refused), "InvalidParameterException");
    client
        .call_json(
            "UpdateUserPool",
            &json!({"UserPoolId": p, "EmailConfiguration": {"EmailSendingAccount": "DEVELOPER",
                "SourceArn": "arn:aws:ses:us-east-1:000000000000:identity/acme.example"}}),
        )
        .await
        .unwrap();
    let mut with_passkeys = email_mfa.clone();
    with_passkeys["WebAuthnConfiguration"] =
        json!({"RelyingPartyId": "auth.acme.example", "UserVerification": "required"});
    let set = client
        .call_json("SetUserPoolMfaConfig", &with_passkeys)
        .await
        .unwrap();
    assert_eq!(set["EmailMfaConfiguration"]["Subject"], "Code");
    let got = client.get_user_pool_mfa_config(&pool).await.unwrap();
    assert_eq!(got.mfa_configuration.as_deref(), Some("ON"));
    let webauthn = got.web_authn_configuration.expect("WebAuthnConfiguration");
    assert_eq!(webauthn["UserVerification"], "required");
    // UpdateUserPool resets an omitted MfaConfiguration to OFF, as AWS does.
    client
        .call_json(
            "UpdateUserPool",
            &json!({"UserPoolId": p, "EmailConfiguration": {"EmailSendingAccount": "DEVELOPER",
                "SourceArn": "arn:aws:ses:us-east-1:000000000000:identity/acme.example"}}),
        )
        .await
        .unwrap();
    let after = client.get_user_pool_mfa_config(&pool).await.unwrap();
    assert_eq!(after.mfa_configuration.as_deref(), Some("OFF"));
    let bad_message = client
        .call_json(
            "SetUserPoolMfaConfig",
            &json!({"UserPoolId": p, "MfaConfiguration": "OFF",
                    "SmsMfaConfiguration": {"SmsAuthenticationMessage": "no code",
                        "SmsConfiguration": {"SnsCallerArn": "arn:aws:iam::000000000000:role/s"}}}),
        )
        .await;
    assert_eq!(code_of(bad_message), "InvalidParameterException");
}

#[tokio::test]
async fn mfa_preferences() {
    let (_server, client) = empty().await;
    conformance::security::mfa_preferences(&client, AWS).await;
}

#[tokio::test]
async fn contact_changes_need_verification() {
    let (_server, client) = empty().await;
    conformance::security::contact_changes_need_verification(&client, AWS).await;
}

#[tokio::test]
async fn a_blank_attribute_value_deletes_the_attribute() {
    let (_server, client) = empty().await;
    let pool = common::create_pool(&client, "blank").await;
    let attrs = [
        ("given_name", "Ann"),
        ("email", "ann@example.com"),
        ("email_verified", "true"),
    ];
    common::create_user(&client, &pool, "ann", &attrs).await;
    let ann = Username::new("ann");
    let blank = [
        AttributeType::new("given_name", ""),
        AttributeType::new("email", ""),
    ];
    client
        .admin_update_user_attributes(&pool, &ann, &blank)
        .await
        .unwrap();
    let got = client.admin_get_user(&pool, &ann).await.unwrap();
    let names: Vec<&str> = got
        .user_attributes
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    for gone in ["given_name", "email", "email_verified"] {
        assert!(!names.contains(&gone), "{gone} is left: {names:?}");
    }
}

#[tokio::test]
async fn remembered_devices_page_change_status_and_are_forgotten() {
    let (_server, client) = start(&StateLocation::Memory, Seed::Demo).await;
    let production = PoolId::new(PRODUCTION_POOL);
    let user = conformance::activity::user_with(&client, &production, 1, 0).await;
    conformance::activity::devices(&client, &production, &user).await;
}

#[tokio::test]
async fn auth_events_page_newest_first_and_take_feedback() {
    let (_server, client) = start(&StateLocation::Memory, Seed::Demo).await;
    let production = PoolId::new(PRODUCTION_POOL);
    let user = conformance::activity::user_with(&client, &production, 0, 3).await;
    conformance::activity::auth_events(&client, &production, &user).await;
    let staging = PoolId::new(STAGING_POOL);
    let page = client
        .call_json(
            "ListUsers",
            &json!({"UserPoolId": STAGING_POOL, "Limit": 1}),
        )
        .await
        .unwrap();
    let someone = Username::new(page["Users"][0]["Username"].as_str().unwrap());
    conformance::activity::without_threat_protection(&client, &staging, &someone).await;
}
