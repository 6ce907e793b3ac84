//! AWS checks every request against the service model's constraints before the operation runs:
//! lengths, patterns, enums, list sizes, numeric ranges and required members, all answered with
//! one InvalidParameterException that lists every violation in AWS's words, never echoing a
//! sensitive value (a username, a password, an attribute value).

use cognito_tui::aws::AwsError;
use cognito_tui::cognito::CognitoClient;
use serde_json::{Value, json};

use super::super::common::{PASSWORD, create_pool};
use super::{Quirks, code_of};

const PREFIX: &str = "1 validation error detected: ";
const USERNAME_PATTERN: &str = "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+";

/// The message of an InvalidParameterException, or a panic naming what came back instead.
pub fn invalid_message(result: Result<Value, AwsError>) -> String {
    match result {
        Err(AwsError::Service(e)) if e.code == "InvalidParameterException" => e.message,
        other => {
            let got: String = format!("{other:?}").chars().take(400).collect();
            panic!("expected InvalidParameterException, got {got}")
        }
    }
}

fn one(value: &str, at: &str, constraint: &str) -> String {
    format!("{PREFIX}{value} at '{at}' failed to satisfy constraint: {constraint}")
}

/// Usernames, message actions and attributes of AdminCreateUser; one case each.
fn create_user_cases(pool: &str) -> Vec<(Value, String)> {
    let user = |name: &str| {
        json!({"UserPoolId": pool, "Username": name, "TemporaryPassword": PASSWORD,
               "MessageAction": "SUPPRESS"})
    };
    let too_long = "Member must have length less than or equal to 128";
    let pattern = format!("Member must satisfy regular expression pattern: {USERNAME_PATTERN}");
    let mut cases = Vec::new();
    for length in [129, 10_000, 1_000_000] {
        cases.push((
            user(&"a".repeat(length)),
            one("Value", "username", too_long),
        ));
    }
    for name in [
        "   ",
        "zoe.tester x",
        "nul\0byte",
        "two\nlines",
        "tab\there",
    ] {
        cases.push((user(name), one("Value", "username", &pattern)));
    }
    cases.push((
        user(""),
        format!(
            "2 validation errors detected: Value at 'username' failed to satisfy constraint: \
             {pattern}; Value at 'username' failed to satisfy constraint: Member must have \
             length greater than or equal to 1"
        ),
    ));
    let mut explode = user("zoe-explode");
    explode["MessageAction"] = json!("EXPLODE");
    let enum_set = "Member must satisfy enum value set: [RESEND, SUPPRESS]";
    cases.push((
        explode.clone(),
        one("Value 'EXPLODE'", "messageAction", enum_set),
    ));
    explode["Username"] = json!("b".repeat(129));
    cases.push((
        explode,
        format!(
            "2 validation errors detected: Value at 'username' failed to satisfy constraint: \
             {too_long}; Value 'EXPLODE' at 'messageAction' failed to satisfy constraint: \
             {enum_set}"
        ),
    ));
    let mut attributes = user("zoe-attributes");
    attributes["UserAttributes"] = json!([
        {"Name": "email", "Value": "zoe@example.com"},
        {"Name": "given_name", "Value": "z".repeat(2049)},
        {"Name": "n".repeat(33), "Value": "x"},
    ]);
    cases.push((
        attributes,
        format!(
            "2 validation errors detected: Value at 'userAttributes.2.member.value' failed to \
             satisfy constraint: Member must have length less than or equal to 2048; Value '{}' \
             at 'userAttributes.3.member.name' failed to satisfy constraint: Member must have \
             length less than or equal to 32",
            "n".repeat(33)
        ),
    ));
    let mut missing = user("zoe");
    missing.as_object_mut().map(|m| m.remove("Username"));
    cases.push((
        missing,
        one("Value null", "username", "Member must not be null"),
    ));
    cases
}

/// AdminCreateUser with usernames too long, blank or with spaces and control characters, an
/// unknown MessageAction, an attribute value over 2,048 characters, a missing Username.
pub async fn create_user_constraints(client: &CognitoClient, quirks: Quirks) {
    let pool = create_pool(client, "conf-constraints").await;
    for (input, expected) in create_user_cases(pool.as_str()) {
        let shown = input.to_string().chars().take(120).collect::<String>();
        let answer = client.call_json("AdminCreateUser", &input).await;
        if quirks.validates_constraints {
            assert_eq!(invalid_message(answer), expected, "{shown}");
        } else {
            // Even without a Username: moto 5.2 names the user after its new sub.
            answer.unwrap_or_else(|e| panic!("moto 5.2 accepts {shown}: {e:?}"));
        }
    }
}

/// Page sizes out of range, a pool id and a password off their patterns, a list element too
/// long; the value shown except where the model marks it sensitive.
pub async fn other_constraints(client: &CognitoClient, quirks: Quirks) {
    let pool = create_pool(client, "conf-ranges").await;
    let p = pool.as_str();
    let cases = [
        (
            "ListUsers",
            json!({"UserPoolId": p, "Limit": -1}),
            one(
                "Value '-1'",
                "limit",
                "Member must have value greater than or equal to 0",
            ),
        ),
        (
            "ListUserPools",
            json!({"MaxResults": 0}),
            one(
                "Value '0'",
                "maxResults",
                "Member must have value greater than or equal to 1",
            ),
        ),
        (
            "ListUsers",
            json!({"UserPoolId": p, "AttributesToGet": ["email", "a".repeat(33)]}),
            one(
                &format!("Value '[email, {}]'", "a".repeat(33)),
                "attributesToGet",
                "Member must satisfy constraint: [Member must have length less than or equal \
                 to 32]",
            ),
        ),
        (
            "AdminSetUserPassword",
            json!({"UserPoolId": p, "Username": "ann", "Password": "has space", "Permanent": true}),
            one(
                "Value",
                "password",
                "Member must satisfy regular expression pattern: [\\S]+",
            ),
        ),
    ];
    for (operation, input, expected) in cases {
        let answer = client.call_json(operation, &input).await;
        if quirks.validates_constraints {
            assert_eq!(invalid_message(answer), expected, "{operation} {input}");
        } else {
            // moto 5.2 runs the operation: it answers, or fails on what the operation finds.
            if let Err(AwsError::Service(e)) = &answer {
                assert_ne!(e.code, "InvalidParameterException", "{operation} {input}");
            }
        }
    }
    let bad_pool = client
        .call_json("ListUsers", &json!({"UserPoolId": "not a pool"}))
        .await;
    if quirks.validates_constraints {
        assert_eq!(
            invalid_message(bad_pool),
            one(
                "Value 'not a pool'",
                "userPoolId",
                "Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+",
            )
        );
    } else {
        assert_eq!(code_of(bad_pool), "ResourceNotFoundException");
    }
}

/// moto 5.2 checks one enum too: a schema attribute's data type. Both refuse it; AWS's words
/// name the member by its place in the list.
pub async fn schema_data_type(client: &CognitoClient, quirks: Quirks) {
    let answer = client
        .call_json(
            "CreateUserPool",
            &json!({"PoolName": "bad-schema",
                    "Schema": [{"Name": "tenant", "AttributeDataType": "Text"}]}),
        )
        .await;
    if quirks.validates_constraints {
        assert_eq!(
            invalid_message(answer),
            one(
                "Value 'Text'",
                "schema.1.member.attributeDataType",
                "Member must satisfy enum value set: [String, Number, DateTime, Boolean]",
            )
        );
    } else {
        assert_eq!(code_of(answer), "InvalidParameterException");
    }
}
