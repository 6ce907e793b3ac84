//! The SigV4 signer end to end: moto's signature-checking server (`common::moto_auth()`) verifies
//! every signed call against the IAM key the test command created for it.
//!
//! Session tokens, as moto 5.2 checks them (moto/iam/access_control.py), measured here:
//! - A key of an IAM user (AKIA…) sent with any `X-Amz-Security-Token` is refused 403
//!   `InvalidClientTokenId` ("The security token included in the request is invalid."). moto does
//!   not ignore the token.
//! - Credentials from STS AssumeRole on the same server (ASIA… key + secret + token) are accepted
//!   only with their own token. The wrong token, or no token, gives 403 `InvalidClientTokenId`.
//!   moto does not check the role's trust policy. It does apply the role's own policies.
//!
//! Getting assumed-role credentials needs IAM and STS calls the test user may not make, so
//! `assumed_role()` reopens moto's unauthenticated window for exactly those 3 calls
//! (`/moto-api/reset-auth`). While it is open any call passes unchecked, so every test here holds
//! `GATE` for reading and the setup holds it for writing.
// Helpers outside #[test] functions fail a test just as well: unwrap/expect are fine here.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use aws_credential_types::Credentials;
use cognito_tui::aws::AwsError;
use cognito_tui::cognito::error_text::meaning;
use cognito_tui::cognito::{ClientSettings, CognitoClient, describe_error};
use common::fault::{Canned, serve};
use futures::TryStreamExt as _;
use tokio::sync::RwLock;

static GATE: RwLock<()> = RwLock::const_new(());

async fn client(key: &str, secret: &str, token: Option<&str>) -> CognitoClient {
    let (url, _, _) = common::moto_auth();
    let settings = ClientSettings {
        region: Some(common::REGION.to_owned()),
        endpoint_url: Some(url),
        credentials: Some(Credentials::new(
            key,
            secret,
            token.map(str::to_owned),
            None,
            "test",
        )),
        retry: Some(common::fast_retry(3)),
        ..ClientSettings::default()
    };
    CognitoClient::connect(&settings).await.unwrap()
}

/// A client with the one key moto accepts.
async fn good_client() -> CognitoClient {
    let (_, key, secret) = common::moto_auth();
    client(&key, &secret, None).await
}

/// The error of one signed ListUserPools page.
async fn list_pools_error(client: &CognitoClient) -> AwsError {
    let mut pages = std::pin::pin!(client.list_user_pools());
    pages.try_next().await.unwrap_err()
}

/// Checks that `err` is moto's 403 `code` and that a person is told what it means.
fn assert_auth_error(err: &AwsError, code: &str) {
    let AwsError::Service(e) = err else {
        panic!("expected a service error {code}, got {err:?}");
    };
    assert_eq!(e.code, code, "{err}");
    assert_eq!(e.status, 403, "{err}");
    assert!(!e.message.is_empty(), "{err:?}");
    let described = describe_error(err);
    let sentence = meaning(code).expect("a known code");
    assert!(described.starts_with(code), "{described}");
    assert!(described.contains(sentence), "{described}");
}

#[tokio::test]
async fn the_right_key_lists_pools() {
    let _gate = GATE.read().await;
    let pages: Vec<_> = good_client()
        .await
        .list_user_pools()
        .try_collect()
        .await
        .unwrap();
    assert!(!pages.is_empty());
}

#[tokio::test]
async fn the_right_key_creates_and_describes_a_pool() {
    let _gate = GATE.read().await;
    let client = good_client().await;
    // Spaces, punctuation and non-ASCII in the body: the signature covers the exact bytes sent.
    let name = format!("signing ünïcödé +=,.@ {}", common::unique("pool"));
    let created = client
        .call_json("CreateUserPool", &serde_json::json!({ "PoolName": name }))
        .await
        .unwrap();
    let id = created["UserPool"]["Id"].as_str().expect("pool id");
    let pool = cognito_tui::cognito::PoolId::new(id);
    let described = client.describe_user_pool(&pool).await.unwrap();
    let described = described.user_pool.expect("UserPool");
    assert_eq!(described.id.as_ref(), Some(&pool));
    assert_eq!(described.name.as_deref(), Some(name.as_str()));
    let pages: Vec<_> = client.list_user_pools().try_collect().await.unwrap();
    assert!(
        pages
            .iter()
            .flat_map(|p| &p.user_pools)
            .any(|p| p.id == pool)
    );
}

#[tokio::test]
async fn a_wrong_secret_is_signature_does_not_match() {
    let _gate = GATE.read().await;
    let (_, key, secret) = common::moto_auth();
    let client = client(&key, &format!("{secret}x"), None).await;
    let err = list_pools_error(&client).await;
    assert_auth_error(&err, "SignatureDoesNotMatch");
    assert!(
        describe_error(&err).contains("secret access key does not match"),
        "{err}"
    );
    // A write is refused the same way, before it is applied.
    let err = client
        .call_json(
            "CreateUserPool",
            &serde_json::json!({"PoolName": common::unique("refused")}),
        )
        .await
        .unwrap_err();
    assert_auth_error(&err, "SignatureDoesNotMatch");
}

#[tokio::test]
async fn an_unknown_key_id_is_invalid_client_token_id() {
    let _gate = GATE.read().await;
    let (_, _, secret) = common::moto_auth();
    let err = list_pools_error(&client("AKIAUNKNOWNKEY000000", &secret, None).await).await;
    assert_auth_error(&err, "InvalidClientTokenId");
    assert!(
        describe_error(&err).contains("access key id does not exist"),
        "{err}"
    );
}

#[tokio::test]
async fn an_iam_user_key_with_a_session_token_is_refused() {
    // moto quirk (see the top of this file): it does not ignore the token of a long-term key.
    let _gate = GATE.read().await;
    let (_, key, secret) = common::moto_auth();
    let err = list_pools_error(&client(&key, &secret, Some("FQoGZXIvYXdzEBogus")).await).await;
    assert_auth_error(&err, "InvalidClientTokenId");
}

#[tokio::test]
async fn an_unauthenticated_operation_needs_no_signature() {
    // InitiateAuth is sent unsigned, so even a wrong secret does not matter: the request reaches
    // moto's Cognito, which answers for the unknown app client.
    let _gate = GATE.read().await;
    let (_, key, secret) = common::moto_auth();
    let client = client(&key, &format!("{secret}x"), None).await;
    let err = client
        .call_json(
            "InitiateAuth",
            &serde_json::json!({
                "AuthFlow": "USER_PASSWORD_AUTH",
                "ClientId": "nosuchclient",
                "AuthParameters": {"USERNAME": "ann", "PASSWORD": common::PASSWORD}
            }),
        )
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ResourceNotFoundException"), "{err}");
}

#[tokio::test]
async fn assumed_role_credentials_are_signed_with_their_session_token() {
    let (key, secret, token) = assumed_role().await;
    let _gate = GATE.read().await;
    assert!(key.starts_with("ASIA"), "{key}");
    let pages: Vec<_> = client(&key, &secret, Some(&token))
        .await
        .list_user_pools()
        .try_collect()
        .await
        .unwrap();
    assert!(!pages.is_empty());

    let wrong_token = format!("{token}x");
    let err = list_pools_error(&client(&key, &secret, Some(&wrong_token)).await).await;
    assert_auth_error(&err, "InvalidClientTokenId");
    let err = list_pools_error(&client(&key, &secret, None).await).await;
    assert_auth_error(&err, "InvalidClientTokenId");
    let err = list_pools_error(&client(&key, &format!("{secret}x"), Some(&token)).await).await;
    assert_auth_error(&err, "SignatureDoesNotMatch");
}

#[tokio::test]
async fn an_auth_error_is_final_and_sent_once() {
    // moto's 403 bodies are XML; the fault server counts the sends, for a read (which could be
    // retried after a server fault) and a write.
    for (code, operation) in [
        ("SignatureDoesNotMatch", "ListUserPools"),
        ("InvalidClientTokenId", "ListUserPools"),
        ("SignatureDoesNotMatch", "CreateUserPool"),
    ] {
        let refused = Canned::Reply {
            status: 403,
            headers: vec![("Content-Type".into(), "text/xml".into())],
            body: format!(
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<ErrorResponse><Errors><Error>\
                 <Code>{code}</Code><Message>refused</Message><Type>Sender</Type></Error>\
                 </Errors></ErrorResponse>"
            ),
        };
        let server = serve(vec![refused, Canned::json(200, r#"{"UserPools":[]}"#)]).await;
        let client = common::client_for(&server.url, "AKID", "secret").await;
        let input = serde_json::json!({"MaxResults": 1, "PoolName": "p"});
        let err = client.call_json(operation, &input).await.unwrap_err();
        assert_auth_error(&err, code);
        assert_eq!(server.received.lock().unwrap().len(), 1, "{operation}");
    }
}

// ---------------------------------------------------------------------------------------------
// Assumed-role credentials from moto's own IAM and STS.

/// Makes a role allowed `cognito-idp:*` and assumes it: (access key id, secret, session token).
async fn assumed_role() -> (String, String, String) {
    let (url, _, _) = common::moto_auth();
    let _gate = GATE.write().await;
    let http = reqwest::Client::new();
    let opened = http
        .post(format!("{url}/moto-api/reset-auth"))
        .header("content-type", "text/plain")
        .body("3")
        .send()
        .await
        .unwrap();
    assert!(opened.status().is_success());
    // Exactly three calls, whatever they answer, so the window closes again.
    let role = common::unique("cognito-tui-role");
    let trust = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}"#;
    let allow = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"cognito-idp:*","Resource":"*"}]}"#;
    let iam = "2010-05-08";
    let created = query(
        &http,
        &url,
        "iam",
        &[
            ("Action", "CreateRole"),
            ("Version", iam),
            ("RoleName", &role),
            ("AssumeRolePolicyDocument", trust),
        ],
    )
    .await;
    let allowed = query(
        &http,
        &url,
        "iam",
        &[
            ("Action", "PutRolePolicy"),
            ("Version", iam),
            ("RoleName", &role),
            ("PolicyName", "cognito"),
            ("PolicyDocument", allow),
        ],
    )
    .await;
    let arn = xml_text(&created, "Arn").unwrap_or_default();
    let assumed = query(
        &http,
        &url,
        "sts",
        &[
            ("Action", "AssumeRole"),
            ("Version", "2011-06-15"),
            ("RoleArn", &arn),
            ("RoleSessionName", "cognito-tui-test"),
        ],
    )
    .await;
    // The window must be closed again before any other test runs.
    let (_, key, secret) = common::moto_auth();
    let err = list_pools_error(&client(&key, &format!("{secret}x"), None).await).await;
    assert_eq!(
        err.code(),
        Some("SignatureDoesNotMatch"),
        "checking is off: {err}"
    );
    assert!(!arn.is_empty(), "CreateRole: {created}");
    assert!(allowed.contains("PutRolePolicyResponse"), "{allowed}");
    let field = |name| xml_text(&assumed, name).unwrap_or_else(|| panic!("{name}: {assumed}"));
    (
        field("AccessKeyId"),
        field("SecretAccessKey"),
        field("SessionToken"),
    )
}

/// One IAM/STS query-protocol call in the unauthenticated window; moto routes it by the service
/// in the credential scope, and does not check the signature.
async fn query(
    http: &reqwest::Client,
    url: &str,
    service: &str,
    params: &[(&str, &str)],
) -> String {
    let body = params
        .iter()
        .map(|(k, v)| format!("{}={}", form_encode(k), form_encode(v)))
        .collect::<Vec<_>>()
        .join("&");
    let auth = format!(
        "AWS4-HMAC-SHA256 Credential=setup/20260101/us-east-1/{service}/aws4_request, \
         SignedHeaders=host, Signature=0"
    );
    match http
        .post(format!("{url}/"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("authorization", auth)
        .body(body)
        .send()
        .await
    {
        Ok(response) => response.text().await.unwrap_or_default(),
        Err(e) => format!("{e}"),
    }
}

fn form_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn xml_text(xml: &str, name: &str) -> Option<String> {
    let open = format!("<{name}>");
    let start = xml.find(&open)? + open.len();
    let len = xml[start..].find(&format!("</{name}>"))?;
    Some(xml[start..start + len].to_owned())
}
