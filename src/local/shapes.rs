//! The JSON types of every operation's input, from the service model (`assets/shapes.json`): a
//! request whose members have the wrong type is refused with a SerializationException before any
//! operation code sees it, as AWS refuses it.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;
use serde_json::Value;

use super::error::{LocalError, LocalResult};

#[derive(Debug, Deserialize)]
struct Model {
    operations: HashMap<String, String>,
    shapes: HashMap<String, Shape>,
}

#[derive(Debug, Deserialize)]
struct Shape {
    #[serde(rename = "t")]
    kind: String,
    /// A structure's members and their shapes.
    #[serde(rename = "m", default)]
    members: HashMap<String, String>,
    /// A list's element shape.
    #[serde(rename = "e")]
    element: Option<String>,
    /// A map's value shape (keys are strings in JSON anyway).
    #[serde(rename = "v")]
    value: Option<String>,
}

static MODEL: LazyLock<Option<Model>> =
    LazyLock::new(|| serde_json::from_str(include_str!("../../assets/shapes.json")).ok());

/// Checks `input` against `operation`'s input shape. Unknown members and nulls pass (AWS ignores
/// them); an operation the model lacks passes too (it is refused elsewhere).
pub fn check(operation: &str, input: &Value) -> LocalResult<()> {
    let Some(model) = MODEL.as_ref() else {
        return Err(LocalError::internal(
            "the compiled-in service model is unreadable",
        ));
    };
    match model.operations.get(operation) {
        Some(shape) => check_value(model, shape, input, ""),
        None => Ok(()),
    }
}

fn check_value(model: &Model, shape_name: &str, value: &Value, path: &str) -> LocalResult<()> {
    let Some(shape) = model.shapes.get(shape_name) else {
        return Ok(());
    };
    if value.is_null() {
        return Ok(());
    }
    let fits = match shape.kind.as_str() {
        "structure" | "map" => value.is_object(),
        "list" => value.is_array(),
        "string" | "blob" => value.is_string(),
        "boolean" => value.is_boolean(),
        "integer" | "long" => value.is_i64() || value.is_u64(),
        "timestamp" => value.is_number() || value.is_string(),
        _ => true,
    };
    if !fits {
        let at = if path.is_empty() { "the request" } else { path };
        return Err(LocalError::new(
            "SerializationException",
            format!("Unexpected JSON type for {at}: expected {}", shape.kind),
        ));
    }
    let child = |name: &str| {
        if path.is_empty() {
            name.to_owned()
        } else {
            format!("{path}.{name}")
        }
    };
    match value {
        Value::Object(map) if shape.kind == "structure" => {
            for (name, v) in map {
                if let Some(target) = shape.members.get(name) {
                    check_value(model, target, v, &child(name))?;
                }
            }
        }
        Value::Object(map) => {
            if let Some(target) = &shape.value {
                for (key, v) in map {
                    check_value(model, target, v, &child(key))?;
                }
            }
        }
        Value::Array(items) => {
            if let Some(target) = &shape.element {
                for (i, v) in items.iter().enumerate() {
                    check_value(model, target, v, &format!("{path}[{i}]"))?;
                }
            }
        }
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_model_is_readable_and_knows_the_operations() {
        let model = MODEL.as_ref().expect("shapes.json parses");
        assert_eq!(
            model
                .operations
                .get("SetUserPoolMfaConfig")
                .map(String::as_str),
            Some("SetUserPoolMfaConfigRequest")
        );
    }

    #[test]
    fn wrong_types_are_serialization_errors_naming_the_member() {
        let bad = json!({"UserPoolId": "us-east-1_x", "WebAuthnConfiguration": "x"});
        let err = check("SetUserPoolMfaConfig", &bad).unwrap_err();
        assert_eq!(err.code, "SerializationException");
        assert!(
            err.message.contains("WebAuthnConfiguration"),
            "{}",
            err.message
        );

        let nested = json!({"UserPoolId": "p", "Username": "u",
                            "UserAttributes": [{"Name": "email", "Value": 5}]});
        let err = check("AdminUpdateUserAttributes", &nested).unwrap_err();
        assert!(
            err.message.contains("UserAttributes[0].Value"),
            "{}",
            err.message
        );

        let limit = json!({"UserPoolId": "p", "Limit": 1.5});
        assert!(check("ListUsers", &limit).is_err());
        let tags = json!({"ResourceArn": "a", "Tags": {"env": 1}});
        assert!(
            check("TagResource", &tags)
                .unwrap_err()
                .message
                .contains("Tags.env")
        );
    }

    #[test]
    fn right_types_unknown_members_and_nulls_pass() {
        let ok = json!({"UserPoolId": "p", "Limit": 60, "Filter": null, "Extra": [1]});
        assert!(check("ListUsers", &ok).is_ok());
        assert!(check("NoSuchOperation", &json!({"x": 1})).is_ok());
        let mfa = json!({"UserPoolId": "p", "MfaConfiguration": "OPTIONAL",
                         "SoftwareTokenMfaConfiguration": {"Enabled": true}});
        assert!(check("SetUserPoolMfaConfig", &mfa).is_ok());
    }
}
