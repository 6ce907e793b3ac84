//! A described resource mapped onto its Update* input shape, by the service model: every member
//! the input shape has is kept (recursively, so a nested read-only member goes too), everything
//! else (`Id`, `Arn`, `CreationDate`, `EstimatedNumberOfUsers`, `ClientSecret`, ...) is dropped.
//! Driven by the model rather than by lists of names, so a member AWS adds tomorrow is carried
//! through as soon as `assets/shapes.json` knows it, instead of being silently reset.

use serde_json::{Map, Value};

use crate::cognito::shapes::{Kind, Model, Shape};

/// `value` as `shape` takes it: members, elements and entries the shape does not describe are
/// left out; nulls are left out (a null is "not given").
pub fn onto(model: &Model, shape: &Shape, value: &Value) -> Option<Value> {
    match (shape.kind, value) {
        (_, Value::Null) => None,
        (Kind::Structure, Value::Object(members)) => {
            let mut out = Map::new();
            for (name, shape_name) in &shape.members {
                let (Some(member), Some(inner)) = (members.get(name), model.shape(shape_name))
                else {
                    continue;
                };
                if let Some(v) = onto(model, inner, member) {
                    out.insert(name.clone(), v);
                }
            }
            Some(Value::Object(out))
        }
        (Kind::List, Value::Array(items)) => {
            let element = shape.element.as_deref().and_then(|e| model.shape(e));
            let items = match element {
                Some(element) => items
                    .iter()
                    .filter_map(|v| onto(model, element, v))
                    .collect(),
                None => items.clone(),
            };
            Some(Value::Array(items))
        }
        (Kind::Map, Value::Object(entries)) => {
            let inner = shape.value.as_deref().and_then(|v| model.shape(v));
            let entries = entries
                .iter()
                .filter_map(|(k, v)| {
                    let v = match inner {
                        Some(inner) => onto(model, inner, v)?,
                        None => v.clone(),
                    };
                    Some((k.clone(), v))
                })
                .collect();
            Some(Value::Object(entries))
        }
        // A scalar, a document, or a value of another type than the model says: passed on as
        // read (the service answered it; the service will judge it).
        _ => Some(value.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cognito::shapes::model;
    use serde_json::json;

    #[allow(clippy::needless_pass_by_value)] // the call sites read better with json! inline
    fn project(operation: &str, value: Value) -> Value {
        let model = model().unwrap();
        onto(model, model.input_of(operation).unwrap(), &value).unwrap()
    }

    #[test]
    fn a_described_client_loses_its_read_only_members_and_keeps_every_setting() {
        let described = json!({
            "UserPoolId": "us-east-1_abc", "ClientName": "web", "ClientId": "c1",
            "ClientSecret": "s3cr3t", "CreationDate": 1.7e9, "LastModifiedDate": 1.7e9,
            "RefreshTokenValidity": 30, "AccessTokenValidity": 1,
            "TokenValidityUnits": {"AccessToken": "hours", "RefreshToken": "days"},
            "CallbackURLs": ["https://a/cb"], "AllowedOAuthFlows": ["code"],
            "AllowedOAuthFlowsUserPoolClient": true, "EnableTokenRevocation": true,
            "AnalyticsConfiguration": null,
        });
        let input = project("UpdateUserPoolClient", described);
        assert_eq!(
            input,
            json!({
                "UserPoolId": "us-east-1_abc", "ClientId": "c1", "ClientName": "web",
                "RefreshTokenValidity": 30, "AccessTokenValidity": 1,
                "TokenValidityUnits": {"AccessToken": "hours", "RefreshToken": "days"},
                "CallbackURLs": ["https://a/cb"], "AllowedOAuthFlows": ["code"],
                "AllowedOAuthFlowsUserPoolClient": true, "EnableTokenRevocation": true,
            })
        );
    }

    #[test]
    fn a_described_pool_keeps_nested_settings_and_drops_what_update_cannot_take() {
        let described = json!({
            "Id": "us-east-1_abc", "Name": "prod", "Arn": "arn:x", "EstimatedNumberOfUsers": 4,
            "SchemaAttributes": [{"Name": "sub"}], "UsernameAttributes": ["email"],
            "Domain": "prod-auth", "Status": "Enabled",
            "Policies": {"PasswordPolicy": {"MinimumLength": 10, "RequireSymbols": true}},
            "LambdaConfig": {"PreSignUp": "arn:aws:lambda:us-east-1:1:function:f"},
            "MfaConfiguration": "OPTIONAL", "DeletionProtection": "ACTIVE",
            "UserPoolTags": {"team": "id"},
        });
        let input = project("UpdateUserPool", described);
        assert_eq!(
            input,
            json!({
                "Policies": {"PasswordPolicy": {"MinimumLength": 10, "RequireSymbols": true}},
                "DeletionProtection": "ACTIVE",
                "LambdaConfig": {"PreSignUp": "arn:aws:lambda:us-east-1:1:function:f"},
                "MfaConfiguration": "OPTIONAL",
                "UserPoolTags": {"team": "id"},
            })
        );
        // The pool's id is named `Id` when described, `UserPoolId` in the update: the caller
        // adds it (see `Target::keys`).
    }

    #[test]
    fn maps_and_lists_of_structures_are_projected_element_by_element() {
        let described = json!({
            "UserPoolId": "p", "Identifier": "api", "Name": "API",
            "Scopes": [{"ScopeName": "read", "ScopeDescription": "Read", "Extra": 1}],
        });
        let input = project("UpdateResourceServer", described);
        assert_eq!(
            input["Scopes"],
            json!([{"ScopeName": "read", "ScopeDescription": "Read"}])
        );
        let idp = json!({"ProviderName": "Google", "ProviderType": "Google",
                         "ProviderDetails": {"client_id": "x", "authorize_scopes": "email"},
                         "AttributeMapping": {"email": "email"}, "CreationDate": 1});
        let input = project("UpdateIdentityProvider", idp);
        assert_eq!(
            input,
            json!({"ProviderName": "Google",
                   "ProviderDetails": {"client_id": "x", "authorize_scopes": "email"},
                   "AttributeMapping": {"email": "email"}})
        );
    }
}
