//! Requests checked against the model: JSON types first, then every constraint, in AWS's words.

use super::*;
use serde_json::json;

fn message(operation: &str, input: &Value) -> String {
    let err = check(operation, input).unwrap_err();
    assert_eq!(err.code, "InvalidParameterException", "{}", err.message);
    err.message
}

#[test]
fn wrong_types_are_serialization_errors_naming_the_member() {
    let bad = json!({"UserPoolId": "us-east-1_x", "WebAuthnConfiguration": "x"});
    let err = check("SetUserPoolMfaConfig", &bad).unwrap_err();
    assert_eq!(err.code, "SerializationException");
    assert_eq!(
        err.message,
        "Unexpected JSON type for WebAuthnConfiguration: expected structure"
    );

    let nested = json!({"UserPoolId": "p", "Username": "u",
                        "UserAttributes": [{"Name": "email", "Value": 5}]});
    let err = check("AdminUpdateUserAttributes", &nested).unwrap_err();
    assert!(
        err.message.contains("UserAttributes[0].Value"),
        "{}",
        err.message
    );

    let limit = json!({"UserPoolId": "us-east-1_x", "Limit": 1.5});
    assert!(check("ListUsers", &limit).is_err());
    let tags = json!({"ResourceArn": "a", "Tags": {"env": 1}});
    assert!(
        check("TagResource", &tags)
            .unwrap_err()
            .message
            .contains("Tags.env")
    );
    let strings = json!({"UserPoolId": "us-east-1_x", "AttributesToGet": ["email", 5]});
    assert!(
        check("ListUsers", &strings)
            .unwrap_err()
            .message
            .contains("AttributesToGet[1]")
    );
}

#[test]
fn right_types_unknown_members_and_nulls_pass() {
    let ok = json!({"UserPoolId": "us-east-1_x", "Limit": 60, "Filter": null, "Extra": [1]});
    assert!(check("ListUsers", &ok).is_ok());
    assert!(check("NoSuchOperation", &json!({"x": 1})).is_ok());
    let mfa = json!({"UserPoolId": "us-east-1_x", "MfaConfiguration": "OPTIONAL",
                     "SoftwareTokenMfaConfiguration": {"Enabled": true}});
    assert!(check("SetUserPoolMfaConfig", &mfa).is_ok());
}

#[test]
fn required_members_missing_or_null_are_reported_in_model_order() {
    assert_eq!(
        message("AdminGetUser", &json!({"Username": null})),
        "2 validation errors detected: Value null at 'userPoolId' failed to satisfy \
         constraint: Member must not be null; Value null at 'username' failed to satisfy \
         constraint: Member must not be null"
    );
    let attributes = json!({"UserPoolId": "us-east-1_x", "Username": "zoe",
                            "UserAttributes": [{"Name": "email"}, {"Value": "x"}]});
    assert!(
        message("AdminUpdateUserAttributes", &attributes)
            .contains("Value null at 'userAttributes.2.member.name'"),
        "a required member of a list element"
    );
}

#[test]
fn sensitive_values_and_what_holds_them_are_never_shown() {
    let input = json!({"UserPoolId": "us-east-1_x", "Username": "a b",
                       "Password": "p w", "Permanent": true});
    assert_eq!(
        message("AdminSetUserPassword", &input),
        "2 validation errors detected: Value at 'username' failed to satisfy constraint: \
         Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+; \
         Value at 'password' failed to satisfy constraint: Member must satisfy regular \
         expression pattern: [\\S]+"
    );
    // A pool name is not sensitive: it is shown.
    let long = "p".repeat(129);
    assert_eq!(
        message("CreateUserPool", &json!({"PoolName": long})),
        format!(
            "1 validation error detected: Value '{long}' at 'poolName' failed to satisfy \
             constraint: Member must have length less than or equal to 128"
        )
    );
}

#[test]
fn lists_of_strings_are_one_violation_and_lists_of_structures_name_the_element() {
    let input = json!({"UserPoolId": "us-east-1_x",
                       "AttributesToGet": ["", "email", "x".repeat(33), ""]});
    assert_eq!(
        message("ListUsers", &input),
        format!(
            "1 validation error detected: Value '[, email, {}, ]' at 'attributesToGet' failed \
             to satisfy constraint: Member must satisfy constraint: [Member must satisfy \
             regular expression pattern: [\\p{{L}}\\p{{M}}\\p{{S}}\\p{{N}}\\p{{P}}\\t\\n\\r ]+, \
             Member must have length greater than or equal to 1, Member must have length less \
             than or equal to 32]",
            "x".repeat(33)
        )
    );
    let too_many: Vec<String> = (0..51).map(|i| format!("id{i}")).collect();
    let idp = json!({"UserPoolId": "us-east-1_x", "ProviderName": "Acme",
                     "ProviderType": "SAML", "ProviderDetails": {}, "IdpIdentifiers": too_many});
    assert!(message("CreateIdentityProvider", &idp).ends_with(
        "at 'idpIdentifiers' failed to satisfy constraint: Member must have length less \
             than or equal to 50"
    ));
}

#[test]
fn enums_ranges_and_the_custom_domain_exception() {
    let input = json!({"UserPoolId": "us-east-1_x", "Username": "zoe",
                       "MessageAction": "EXPLODE"});
    assert!(message("AdminCreateUser", &input).contains(
        "Value 'EXPLODE' at 'messageAction' failed to satisfy constraint: Member must satisfy \
         enum value set: [RESEND, SUPPRESS]"
    ));
    let input = json!({"UserPoolId": "us-east-1_x", "Limit": 61});
    assert!(message("ListUsers", &input).contains("Value '61' at 'limit'"));
    let huge = json!({"UserPoolId": "us-east-1_x", "Limit": u64::MAX});
    assert!(message("ListUsers", &huge).contains("less than or equal to 60"));
    // DomainType is checked by the domain operations themselves (custom domains have dots).
    let custom = json!({"UserPoolId": "us-east-1_x", "Domain": "auth.example.com"});
    assert!(check("CreateUserPoolDomain", &custom).is_ok());
}

#[test]
fn map_keys_and_values_are_checked() {
    let input = json!({"ResourceArn": "arn:aws:cognito-idp:us-east-1:000000000000:userpool/x",
                       "Tags": {"": "ok", "env": "v".repeat(257)}});
    let text = message("TagResource", &input);
    assert!(
        text.starts_with("2 validation errors detected: Value at 'tags'"),
        "{text}"
    );
    assert!(text.contains("Map keys must satisfy constraint: [Member must have length greater"));
    assert!(text.contains("Map value must satisfy constraint: [Member must have length less"));
    // AuthParameters is a sensitive map: nothing of it is shown.
    let auth = json!({"AuthFlow": "ADMIN_USER_PASSWORD_AUTH", "ClientId": "c",
                      "UserPoolId": "us-east-1_x", "AuthParameters": {"PASSWORD": "x"},
                      "ClientMetadata": {"k": "v"}});
    assert!(check("AdminInitiateAuth", &auth).is_ok());
}

#[test]
fn blobs_count_their_decoded_bytes() {
    assert_eq!(base64_length("YWJj"), 3);
    assert_eq!(base64_length("YWI="), 2);
    assert_eq!(base64_length(""), 0);
}
