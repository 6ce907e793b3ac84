//! The built-in local server under malformed input: thousands of requests built from a seeded
//! generator (every operation of the model and unknown ones; bodies that are not JSON, cut off, of
//! the wrong shape, with wrong types, huge or empty strings, control characters, odd numbers) must
//! each get a 2xx or a 4xx with an AWS error body, never a 5xx, and the server must keep answering.
// Helpers outside #[test] functions fail a test just as well: unwrap/expect are fine here.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use cognito_tui::local::{Seed, StateLocation};
use serde_json::{Map, Value, json};

const REQUESTS: usize = 3_000;
const SEED: u64 = 9;

/// Member names the operations read, and a few they do not.
const MEMBERS: &[&str] = &[
    "UserPoolId",
    "Username",
    "GroupName",
    "ClientId",
    "ClientName",
    "ProviderName",
    "ProviderType",
    "Filter",
    "Limit",
    "MaxResults",
    "PaginationToken",
    "NextToken",
    "UserAttributes",
    "UserAttributeNames",
    "AttributesToGet",
    "Password",
    "TemporaryPassword",
    "Permanent",
    "MessageAction",
    "DesiredDeliveryMediums",
    "PoolName",
    "Policies",
    "Schema",
    "Precedence",
    "RoleArn",
    "Description",
    "Domain",
    "Identifier",
    "Scopes",
    "Tags",
    "TagKeys",
    "ResourceArn",
    "SecretHash",
    "AuthFlow",
    "AuthParameters",
    "DeviceKey",
    "EventId",
    "FeedbackValue",
    "MfaConfiguration",
    "SoftwareTokenMfaSettings",
    "SMSMfaSettings",
    "ProviderDetails",
    "AttributeMapping",
    "IdpIdentifiers",
    "Name",
    "Value",
    "Nonsense",
    "",
];

fn text(rng: &mut fastrand::Rng) -> String {
    match rng.u8(0..8) {
        0 => String::new(),
        1 => " ".repeat(rng.usize(1..5)),
        2 => "a".repeat([128, 129, 2_048, 2_049, 10_000][rng.usize(0..5)]),
        3 => "ann\u{0}\n\t\u{200d}\u{202e}x".to_owned(),
        4 => format!("us-east-1_{}", rng.alphanumeric()),
        5 => [
            "RESEND",
            "EXPLODE",
            "ON",
            "OFF",
            "OPTIONAL",
            "SAML",
            "email = \"x\"",
            "status ^= ",
        ][rng.usize(0..8)]
        .to_owned(),
        6 => (0..rng.usize(1..40)).map(|_| rng.char(..)).collect(),
        _ => format!("user{}", rng.u16(..)),
    }
}

fn value(rng: &mut fastrand::Rng, depth: u32) -> Value {
    let pick = if depth > 3 {
        rng.u8(0..5)
    } else {
        rng.u8(0..8)
    };
    match pick {
        0 => Value::Null,
        1 => json!(rng.bool()),
        2 => json!([i64::MIN, -1, 0, 1, 60, 61, 1_000_000, i64::MAX][rng.usize(0..8)]),
        3 => json!([-0.5, 1e300, 3.25][rng.usize(0..3)]),
        4 => json!(text(rng)),
        5 | 6 => Value::Array(
            (0..rng.usize(0..6))
                .map(|_| value(rng, depth + 1))
                .collect(),
        ),
        _ => object(rng, depth + 1),
    }
}

fn object(rng: &mut fastrand::Rng, depth: u32) -> Value {
    let mut map = Map::new();
    for _ in 0..rng.usize(0..7) {
        let name = MEMBERS[rng.usize(0..MEMBERS.len())].to_owned();
        map.insert(name, value(rng, depth));
    }
    Value::Object(map)
}

/// A body: mostly JSON objects, sometimes not JSON at all, cut off, or of another shape.
fn body(rng: &mut fastrand::Rng, pool: &str) -> Vec<u8> {
    match rng.u8(0..10) {
        0 => Vec::new(),
        1 => b"{\"UserPoolId\": \"".to_vec(),
        2 => (0..rng.usize(1..64)).map(|_| rng.u8(..)).collect(),
        3 => serde_json::to_vec(&value(rng, 0)).unwrap(),
        // A plausible request with one member wrong: gets deep into the operations.
        4..=6 => {
            let mut v = json!({"UserPoolId": pool, "Username": "bob", "GroupName": "g",
                "ClientId": "c", "ProviderName": "p", "MaxResults": 10, "Limit": 10,
                "UserAttributes": [{"Name": "email", "Value": "bob@example.com"}]});
            let name = MEMBERS[rng.usize(0..MEMBERS.len())];
            v[name] = value(rng, 1);
            serde_json::to_vec(&v).unwrap()
        }
        _ => {
            let mut v = object(rng, 0);
            // Often aimed at a real pool, so operations get past "no such pool".
            if rng.bool() {
                v["UserPoolId"] = json!(pool);
            }
            serde_json::to_vec(&v).unwrap()
        }
    }
}

#[tokio::test]
async fn malformed_requests_get_an_aws_error_never_a_5xx() {
    let (server, client) = common::backend::local(&StateLocation::Memory, Seed::Empty).await;
    let pool = common::create_pool(&client, "fuzz").await;
    common::create_user(&client, &pool, "ann", &[("email", "ann@example.com")]).await;
    let operations: Vec<&str> = include_str!("../assets/operations.tsv")
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').next())
        .chain(["NoSuchOperation", ""])
        .collect();
    let http = reqwest::Client::new();
    let mut rng = fastrand::Rng::with_seed(SEED);
    let mut by_status = std::collections::BTreeMap::<u16, usize>::new();
    for i in 0..REQUESTS {
        let operation = operations[rng.usize(0..operations.len())];
        let body = body(&mut rng, pool.as_str());
        let content_type = if rng.u8(0..20) == 0 {
            "text/plain"
        } else {
            "application/x-amz-json-1.1"
        };
        let answer = http
            .post(server.url())
            .header("content-type", content_type)
            .header(
                "x-amz-target",
                format!("AWSCognitoIdentityProviderService.{operation}"),
            )
            .body(body.clone())
            .send()
            .await
            .unwrap_or_else(|e| panic!("request {i} ({operation}) got no answer: {e}"));
        let status = answer.status().as_u16();
        *by_status.entry(status).or_default() += 1;
        let text = answer.text().await.unwrap();
        let shown = String::from_utf8_lossy(&body)
            .chars()
            .take(300)
            .collect::<String>();
        assert!(
            status < 500,
            "request {i}: {operation} {shown} answered {status}: {text}"
        );
        if status >= 400 {
            let error: Value = serde_json::from_str(&text).unwrap_or_else(|e| {
                panic!("request {i}: {operation} {shown}: not JSON ({e}): {text}")
            });
            assert!(error["__type"].is_string(), "request {i}: {text}");
        }
    }
    eprintln!("{REQUESTS} requests by status: {by_status:?}");
    // Still serving (the fuzz may well have deleted the pool itself: DeleteUserPool is fair game).
    let pools = client
        .call_json("ListUserPools", &json!({"MaxResults": 60}))
        .await
        .unwrap();
    assert!(pools["UserPools"].is_array(), "{pools}");
}
