//! Transport faults moto cannot produce on demand, served by the scripted loopback server of
//! `common::fault`: throttling, server faults, hang-ups, refused connections, bodies that are not
//! JSON, and what the requests look like on the wire. Clients retry fast, 3 attempts in all.
//! Listings are in `listing_faults.rs`, lost answers to changes in `outcome_unknown.rs`.
// Helpers outside #[test] functions fail a test just as well: unwrap/expect are fine here.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use cognito_tui::aws::{AwsError, Checked, TransportKind};
use cognito_tui::cognito::devices::{MfaPreference, MfaSettings};
use cognito_tui::cognito::user_admin::{AdminCreateUserRequest, AdminCreateUserResponse};
use cognito_tui::cognito::user_status::UserStatus;
use cognito_tui::cognito::users::{ListUsersRequest, ListUsersResponse};
use cognito_tui::cognito::{CognitoClient, PoolId, Username};
use common::fault::{Canned, FaultServer, Received, serve};
use futures::TryStreamExt as _;

const POOL: &str = "us-east-1_Fault1";
const LIST_USERS_OK: &str = r#"{"Users":[{"Username":"ann","Enabled":true}]}"#;
const CREATE_USER_OK: &str = r#"{"User":{"Username":"ann","UserStatus":"FORCE_CHANGE_PASSWORD"}}"#;

fn throttled() -> Canned {
    Canned::throttled()
}

fn internal_error() -> Canned {
    Canned::json(
        500,
        r#"{"__type":"InternalErrorException","message":"Internal error"}"#,
    )
}

fn html_page(status: u16) -> Canned {
    Canned::html(
        status,
        "<!doctype html>\n<html><title>Error</title><h1>Server Error</h1></html>\n",
    )
}

fn received(server: &FaultServer) -> Vec<Received> {
    server.received()
}

async fn client(server: &FaultServer) -> CognitoClient {
    common::client_for(&server.url, "AKID", "secret").await
}

/// The first page of ListUsers through the typed paginator (an idempotent read).
async fn list_users(client: &CognitoClient) -> Result<ListUsersResponse, AwsError> {
    let mut pages = std::pin::pin!(client.list_users(ListUsersRequest::new(PoolId::new(POOL))));
    Ok(pages.try_next().await?.expect("one page"))
}

/// AdminCreateUser: not idempotent, so only errors that prove it was refused may be retried.
async fn create_user(client: &CognitoClient) -> Result<AdminCreateUserResponse, AwsError> {
    let request = AdminCreateUserRequest {
        user_pool_id: PoolId::new(POOL),
        username: Username::new("ann"),
        message_action: Some("SUPPRESS".to_owned()),
        ..AdminCreateUserRequest::default()
    };
    client.admin_create_user(&request).await
}

fn header_count(request: &Received, name: &str) -> usize {
    request.headers.iter().filter(|(k, _)| k == name).count()
}

#[tokio::test]
async fn throttling_twice_then_success_is_retried_for_a_read() {
    let server = serve(vec![
        throttled(),
        throttled(),
        Canned::json(200, LIST_USERS_OK),
    ])
    .await;
    let page = list_users(&client(&server).await).await.unwrap();
    assert_eq!(page.users.len(), 1);
    assert_eq!(page.users[0].username, Username::new("ann"));
    let sent = received(&server);
    assert_eq!(sent.len(), 3);
    for request in &sent {
        assert_eq!(
            request.header("x-amz-target"),
            Some("AWSCognitoIdentityProviderService.ListUsers")
        );
        // Every attempt is signed afresh: one date and one signature, never accumulated.
        assert_eq!(header_count(request, "authorization"), 1);
        assert_eq!(header_count(request, "x-amz-date"), 1);
    }
}

#[tokio::test]
async fn throttling_is_retried_even_for_a_call_that_is_not_idempotent() {
    // Throttling proves the call was refused before it was applied.
    let server = serve(vec![
        throttled(),
        throttled(),
        Canned::json(200, CREATE_USER_OK),
    ])
    .await;
    let out = create_user(&client(&server).await).await.unwrap();
    let user = out.user.expect("the created user");
    assert_eq!(user.username, Username::new("ann"));
    assert_eq!(user.user_status, Some(UserStatus::ForceChangePassword));
    let sent = received(&server);
    assert_eq!(sent.len(), 3);
    assert!(
        sent.iter().all(|r| r.header("x-amz-target")
            == Some("AWSCognitoIdentityProviderService.AdminCreateUser"))
    );
}

#[tokio::test]
async fn endless_throttling_of_a_single_call_gives_up_after_exactly_three_attempts() {
    let server = serve(vec![throttled()]).await;
    let err = client(&server)
        .await
        .admin_get_user(&PoolId::new(POOL), &Username::new("ann"))
        .await
        .unwrap_err();
    let AwsError::Service(e) = &err else {
        panic!("expected a service error, got {err:?}");
    };
    assert_eq!(e.code, "TooManyRequestsException");
    assert_eq!(e.message, "Rate exceeded");
    assert_eq!(e.status, 400);
    assert_eq!(received(&server).len(), 3);
}

#[tokio::test]
async fn an_html_500_on_the_first_call_means_unsupported_and_is_not_retried() {
    let server = serve(vec![html_page(500), Canned::json(200, LIST_USERS_OK)]).await;
    let err = list_users(&client(&server).await).await.unwrap_err();
    assert!(
        matches!(&err, AwsError::Unsupported { operation, status: 500, .. } if operation == "ListUsers"),
        "{err:?}"
    );
    assert_eq!(received(&server).len(), 1);
}

#[tokio::test]
async fn an_html_500_after_the_operation_answered_is_a_fault_and_is_retried() {
    let server = serve(vec![
        Canned::json(200, LIST_USERS_OK),
        html_page(500),
        Canned::json(200, LIST_USERS_OK),
    ])
    .await;
    let client = client(&server).await;
    list_users(&client).await.unwrap();
    let page = list_users(&client).await.unwrap();
    assert_eq!(page.users.len(), 1);
    assert_eq!(received(&server).len(), 3);
}

#[tokio::test]
async fn an_unknown_operation_answer_is_unsupported_and_never_retried() {
    // Another emulator answers a missing operation with HTTP 500 and a JSON body; a read would
    // otherwise be retried like any 5xx.
    let body = r#"{"__type":"Unsupported","message":"API action 'AdminListDevices' for service 'cognito-idp' not yet implemented or pro feature"}"#;
    let server = serve(vec![Canned::json(500, body), Canned::json(200, "{}")]).await;
    let err = client(&server)
        .await
        .call_json(
            "AdminListDevices",
            &serde_json::json!({"UserPoolId": POOL, "Username": "ann"}),
        )
        .await
        .unwrap_err();
    assert!(err.is_unsupported(), "{err:?}");
    assert!(
        err.to_string()
            .starts_with("AdminListDevices is not supported by this endpoint"),
        "{err}"
    );
    assert_eq!(received(&server).len(), 1);
}

#[tokio::test]
async fn malformed_json_in_a_200_is_a_decode_error() {
    let server = serve(vec![Canned::json(200, r#"{"Users": [{"Username": ann}]}"#)]).await;
    let err = list_users(&client(&server).await).await.unwrap_err();
    assert!(
        matches!(&err, AwsError::Decode { operation, status: 200, .. } if operation == "ListUsers"),
        "{err:?}"
    );
    assert_eq!(
        received(&server).len(),
        1,
        "a malformed answer is not retried"
    );
    // A well-formed body of the wrong shape is a decode error too, not a panic.
    let server = serve(vec![Canned::json(200, r#"{"Users": "nobody"}"#)]).await;
    let err = list_users(&client(&server).await).await.unwrap_err();
    assert!(matches!(err, AwsError::Decode { .. }), "{err:?}");
    assert_eq!(received(&server).len(), 1);
}

#[tokio::test]
async fn a_json_500_is_retried_for_a_read() {
    let server = serve(vec![internal_error(), Canned::json(200, LIST_USERS_OK)]).await;
    let page = list_users(&client(&server).await).await.unwrap();
    assert_eq!(page.users.len(), 1);
    assert_eq!(received(&server).len(), 2);

    let server = serve(vec![internal_error()]).await;
    let err = list_users(&client(&server).await).await.unwrap_err();
    assert_eq!(err.code(), Some("InternalErrorException"));
    assert_eq!(received(&server).len(), 3);
}

/// The user the fresh read after a lost AdminCreateUser answer finds.
const GET_USER_OK: &str =
    r#"{"Username":"ann","Enabled":true,"UserStatus":"FORCE_CHANGE_PASSWORD","UserAttributes":[]}"#;

/// The write was sent once; whatever came after it was a read.
fn sent_once_then_read(server: &FaultServer, write: &str) {
    let operations = server.operations();
    assert_eq!(
        operations.first().map(String::as_str),
        Some(write),
        "{operations:?}"
    );
    assert_eq!(
        operations.iter().filter(|op| *op == write).count(),
        1,
        "{operations:?}"
    );
    assert!(
        operations[1..].iter().all(|op| op == "AdminGetUser"),
        "{operations:?}"
    );
}

#[tokio::test]
async fn a_json_500_is_not_retried_for_a_write_and_its_outcome_is_unknown() {
    // The user may have been created: a second send could answer UsernameExistsException.
    let server = serve(vec![internal_error(), Canned::json(200, GET_USER_OK)]).await;
    let err = create_user(&client(&server).await).await.unwrap_err();
    let AwsError::OutcomeUnknown { cause, checked, .. } = &err else {
        panic!("expected an unknown outcome, got {err:?}");
    };
    assert_eq!(cause.code(), Some("InternalErrorException"));
    // The fresh read found the user: the create was applied.
    assert_eq!(*checked, Checked::Applied);
    sent_once_then_read(&server, "AdminCreateUser");
}

#[tokio::test]
async fn a_hangup_after_the_request_is_not_retried_for_a_write() {
    let not_found = Canned::json(
        400,
        r#"{"__type":"UserNotFoundException","message":"User does not exist."}"#,
    );
    let server = serve(vec![Canned::Hangup, not_found]).await;
    let err = create_user(&client(&server).await).await.unwrap_err();
    let AwsError::OutcomeUnknown { cause, checked, .. } = &err else {
        panic!("expected an unknown outcome, got {err:?}");
    };
    assert!(
        matches!(
            **cause,
            AwsError::Transport {
                kind: TransportKind::Broken,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(*checked, Checked::NotApplied);
    let text = err.to_string();
    assert!(
        text.starts_with(
            "no answer to AdminCreateUser: a fresh read shows the change has not been applied"
        ),
        "{text}"
    );
    sent_once_then_read(&server, "AdminCreateUser");
}

#[tokio::test]
async fn a_hangup_is_retried_for_a_read() {
    let server = serve(vec![
        Canned::Hangup,
        Canned::Hangup,
        Canned::json(200, LIST_USERS_OK),
    ])
    .await;
    let page = list_users(&client(&server).await).await.unwrap();
    assert_eq!(page.users.len(), 1);
    assert_eq!(received(&server).len(), 3);
}

#[tokio::test]
async fn a_refused_connection_is_a_connect_error() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let url = format!("http://127.0.0.1:{port}/");
    let client = common::client_for(&url, "AKID", "secret").await;
    let err = create_user(&client).await.unwrap_err();
    let AwsError::Transport { kind, endpoint, .. } = &err else {
        panic!("expected a transport error, got {err:?}");
    };
    assert_eq!(*kind, TransportKind::Connect);
    assert_eq!(endpoint, &url);
    assert!(err.to_string().contains(&url), "{err}");
}

#[tokio::test]
async fn a_503_html_page_is_retried_for_a_read_but_not_for_a_write() {
    let server = serve(vec![html_page(503), Canned::json(200, LIST_USERS_OK)]).await;
    let page = list_users(&client(&server).await).await.unwrap();
    assert_eq!(page.users.len(), 1);
    assert_eq!(received(&server).len(), 2);

    let server = serve(vec![html_page(503), Canned::json(200, GET_USER_OK)]).await;
    let err = create_user(&client(&server).await).await.unwrap_err();
    let AwsError::OutcomeUnknown { cause, .. } = &err else {
        panic!("expected an unknown outcome, got {err:?}");
    };
    assert!(
        matches!(**cause, AwsError::Http { status: 503, .. }),
        "{err:?}"
    );
    sent_once_then_read(&server, "AdminCreateUser");
}

#[tokio::test]
async fn a_503_without_a_body_says_what_the_endpoint_answered_and_how_often() {
    let server = serve(vec![Canned::html(503, "")]).await;
    let err = list_users(&client(&server).await).await.unwrap_err();
    let text = err.to_string();
    assert!(
        matches!(
            err,
            AwsError::Http {
                status: 503,
                attempts: 3,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(
        text.contains("answered HTTP 503") && text.contains("(3 attempts)"),
        "{text}"
    );
    assert!(!text.contains("could not reach"), "{text}");
}

#[tokio::test]
async fn a_gateway_error_names_the_endpoint_it_came_from() {
    let server = serve(vec![html_page(502)]).await;
    let err = list_users(&client(&server).await).await.unwrap_err();
    let AwsError::Http { endpoint, .. } = &err else {
        panic!("expected an HTTP error, got {err:?}");
    };
    assert_eq!(endpoint, &server.url, "{err}");
    assert!(err.to_string().contains("HTTP 502"), "{err}");
}

#[tokio::test]
async fn a_signed_request_carries_the_right_headers_and_body() {
    let server = serve(vec![Canned::json(200, "{}")]).await;
    let preference = MfaPreference {
        software_token: Some(MfaSettings {
            enabled: true,
            preferred_mfa: true,
        }),
        ..MfaPreference::default()
    };
    client(&server)
        .await
        .admin_set_user_mfa_preference(&PoolId::new(POOL), &Username::new("ann"), &preference)
        .await
        .unwrap();
    let sent = received(&server);
    assert_eq!(sent.len(), 1);
    let request = &sent[0];
    assert_eq!(
        request.header("content-type"),
        Some("application/x-amz-json-1.1")
    );
    // The exact model spelling: naive PascalCase would give `AdminSetUserMfaPreference`.
    assert_eq!(
        request.header("x-amz-target"),
        Some("AWSCognitoIdentityProviderService.AdminSetUserMFAPreference")
    );
    let date = request.header("x-amz-date").expect("x-amz-date");
    assert_eq!(date.len(), 16, "{date}");
    assert!(date.ends_with('Z') && date.as_bytes()[8] == b'T', "{date}");
    let auth = request.header("authorization").expect("authorization");
    assert!(auth.starts_with("AWS4-HMAC-SHA256 "), "{auth}");
    let scope = format!(
        "Credential=AKID/{}/us-east-1/cognito-idp/aws4_request",
        &date[..8]
    );
    assert!(auth.contains(&scope), "{auth} lacks {scope}");
    assert!(
        auth.contains("SignedHeaders=content-type;host;x-amz-date;x-amz-target,"),
        "{auth}"
    );
    assert!(request.header("x-amz-security-token").is_none());
    let host = server
        .url
        .trim_start_matches("http://")
        .trim_end_matches('/');
    assert_eq!(request.header("host"), Some(host));
    let body: serde_json::Value = serde_json::from_str(&request.body).unwrap();
    assert_eq!(
        body,
        serde_json::json!({
            "UserPoolId": POOL,
            "Username": "ann",
            "SoftwareTokenMfaSettings": {"Enabled": true, "PreferredMfa": true}
        })
    );
}

#[tokio::test]
async fn the_body_received_is_exactly_the_json_sent() {
    let server = serve(vec![Canned::json(200, r#"{"Users":[]}"#)]).await;
    let input = serde_json::json!({
        "UserPoolId": POOL,
        "Filter": "email ^= \"ann@\"",
        "Limit": 7,
        "AttributesToGet": ["email", "custom:tenant", "name with ünïcödé"]
    });
    let out = client(&server)
        .await
        .call_json("ListUsers", &input)
        .await
        .unwrap();
    assert_eq!(out, serde_json::json!({"Users": []}));
    let sent = received(&server);
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].body, serde_json::to_string(&input).unwrap());
    let length: usize = sent[0].header("content-length").unwrap().parse().unwrap();
    assert_eq!(length, sent[0].body.len());
}

#[tokio::test]
async fn an_unauthenticated_operation_is_sent_unsigned() {
    let server = serve(vec![Canned::json(
        400,
        r#"{"__type":"NotAuthorizedException","message":"Incorrect username or password."}"#,
    )])
    .await;
    let input = serde_json::json!({
        "AuthFlow": "USER_PASSWORD_AUTH",
        "ClientId": "client1",
        "AuthParameters": {"USERNAME": "ann", "PASSWORD": "wrong"}
    });
    let err = client(&server)
        .await
        .call_json("InitiateAuth", &input)
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("NotAuthorizedException"));
    let sent = received(&server);
    assert_eq!(sent.len(), 1, "a refused sign-in is final");
    let request = &sent[0];
    assert_eq!(
        request.header("x-amz-target"),
        Some("AWSCognitoIdentityProviderService.InitiateAuth")
    );
    assert_eq!(
        request.header("content-type"),
        Some("application/x-amz-json-1.1")
    );
    assert!(request.header("authorization").is_none(), "{request:?}");
    assert!(request.header("x-amz-date").is_none(), "{request:?}");
}

#[tokio::test]
async fn an_expired_token_refetches_credentials_and_resends_once() {
    let expired = Canned::json(
        400,
        r#"{"__type":"ExpiredTokenException","message":"The security token included in the request is expired"}"#,
    );
    // Even for a write: an expired token is refused before anything is applied.
    let server = serve(vec![expired.clone(), Canned::json(200, CREATE_USER_OK)]).await;
    let out = create_user(&client(&server).await).await.unwrap();
    assert!(out.user.is_some());
    let sent = received(&server);
    assert_eq!(sent.len(), 2);
    assert!(sent.iter().all(|r| header_count(r, "authorization") == 1));

    // Expired again after the refetch: final, without a third send.
    let server = serve(vec![expired]).await;
    let err = create_user(&client(&server).await).await.unwrap_err();
    assert_eq!(err.code(), Some("ExpiredTokenException"));
    assert_eq!(received(&server).len(), 2);
}
