//! A pool's lifecycle after creation: UpdateUserPool, DeleteUserPool, and GetCSVHeader (the
//! import header its attributes make).

use serde_json::{Value, json};

use super::super::error::{LocalError, LocalResult};
use super::super::input::{optional_map, optional_str, required_str};
use super::super::store::{Cached as _, Store, now};
use super::Request;
use super::domains::domain_of;
use super::mfa::require_a_factor;
use super::pool_schema::custom_attributes;
use super::pools::{pool_spec, update_spec};
use super::tags::replace_tags;
use crate::cognito::pools::csv_header_from_schema;

/// Settings UpdateUserPool sets to their defaults when the request leaves them out: AWS's
/// documented behaviour ("If you don't provide a value for an attribute, Amazon Cognito sets it
/// to its default value"), the reason callers send the whole configuration back.
const RESET_WHEN_OMITTED: &[&str] = &[
    "Policies",
    "DeletionProtection",
    "LambdaConfig",
    "AutoVerifiedAttributes",
    "SmsVerificationMessage",
    "EmailVerificationMessage",
    "EmailVerificationSubject",
    "VerificationMessageTemplate",
    "SmsAuthenticationMessage",
    "MfaConfiguration",
    "DeviceConfiguration",
    "EmailConfiguration",
    "SmsConfiguration",
    "AdminCreateUserConfig",
    "UserPoolAddOns",
    "AccountRecoverySetting",
];

/// Settings an omission keeps: the tier (a change is explicit), and those the model documents
/// as kept (DcrConfiguration) or as fixed once set (keys, issuer, ACR names). The name and
/// tags are kept too and handled apart. UserAttributeUpdateSettings is kept as AWS keeps it:
/// an update sending only DeletionProtection to a pool verifying email before an update is
/// refused, because its AutoVerifiedAttributes reset and no longer hold email.
const KEPT_WHEN_OMITTED: &[&str] = &[
    "UserAttributeUpdateSettings",
    "UserPoolTier",
    "DcrConfiguration",
    "KeyConfiguration",
    "IssuerConfiguration",
    "AcrConfiguration",
];

pub fn update_user_pool(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    let name = optional_str(&req.input, "PoolName")?;
    let tags = optional_map(&req.input, "UserPoolTags")?;
    store.write(|tx| {
        let mut spec = pool_spec(tx, pool)?;
        if let Some(settings) = spec.as_object_mut() {
            for member in RESET_WHEN_OMITTED {
                match req.input.get(*member).filter(|v| !v.is_null()) {
                    Some(v) => settings.insert((*member).to_owned(), v.clone()),
                    None => settings.remove(*member),
                };
            }
            for member in KEPT_WHEN_OMITTED {
                if let Some(v) = req.input.get(*member).filter(|v| !v.is_null()) {
                    settings.insert((*member).to_owned(), v.clone());
                }
            }
        }
        require_a_factor(&spec)?;
        require_verified_updates_auto_verified(&spec)?;
        update_spec(tx, pool, name, &spec, now())?;
        if let Some(tags) = &tags {
            replace_tags(tx, pool, tags)?;
        }
        Ok(json!({}))
    })
}

/// An attribute verified before an update must be one Amazon Cognito verifies automatically.
pub fn require_verified_updates_auto_verified(spec: &Value) -> LocalResult<()> {
    let names = |pointer: &str| -> Vec<&str> {
        spec.pointer(pointer)
            .and_then(Value::as_array)
            .map(|list| list.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default()
    };
    let auto = names("/AutoVerifiedAttributes");
    let before_update =
        names("/UserAttributeUpdateSettings/AttributesRequireVerificationBeforeUpdate");
    if before_update.iter().all(|a| auto.contains(a)) {
        Ok(())
    } else {
        Err(LocalError::invalid_parameter(
            "All attributes in AttributesRequireVerificationBeforeUpdate must exist in \
             AutoVerifiedAttributes",
        ))
    }
}

/// Refused while deletion protection is active; otherwise everything of the pool goes with it
/// (every table references the pool with ON DELETE CASCADE).
pub fn delete_user_pool(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    store.write(|tx| {
        let spec = pool_spec(tx, pool)?;
        if spec.get("DeletionProtection").and_then(Value::as_str) == Some("ACTIVE") {
            return Err(LocalError::invalid_parameter(
                "The user pool cannot be deleted because deletion protection is activated. \
                 Deletion protection must be inactivated first.",
            ));
        }
        // AWS refuses while a domain is configured: it must be deleted first.
        if domain_of(tx, pool)?.is_some() {
            return Err(LocalError::invalid_parameter(
                "User pool cannot be deleted. It has a domain configured that should be deleted first.",
            ));
        }
        tx.cached_execute("DELETE FROM pools WHERE id = ?1", [pool])?;
        Ok(json!({}))
    })
}

pub fn get_csv_header(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    let spec = store.read(|conn| pool_spec(conn, pool))?;
    let custom = custom_attributes(&spec);
    let custom: Vec<String> = custom
        .iter()
        .filter_map(|a| a["Name"].as_str().map(str::to_owned))
        .collect();
    let header = csv_header_from_schema(&custom);
    Ok(json!({ "UserPoolId": pool, "CSVHeader": header }))
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::super::testing::{call, store_with_pool};

    #[test]
    fn a_pool_is_not_created_with_mfa_and_no_factor() {
        let (store, _) = store_with_pool();
        let err = call(
            &store,
            "CreateUserPool",
            json!({"PoolName": "m", "MfaConfiguration": "OPTIONAL"}),
        )
        .unwrap_err();
        assert_eq!(err.0, "InvalidParameterException", "{}", err.1);
        let sms = json!({"PoolName": "m", "MfaConfiguration": "OPTIONAL",
            "SmsConfiguration": {"SnsCallerArn": "arn:aws:iam::123456789012:role/sns"}});
        assert!(call(&store, "CreateUserPool", sms).is_ok());
    }
    use crate::local::seed::{self, PRODUCTION_POOL};
    use crate::local::store::{StateLocation, Store};

    fn describe(store: &Store, pool: &Value) -> Value {
        call(store, "DescribeUserPool", json!({"UserPoolId": pool})).unwrap()["UserPool"].clone()
    }

    #[test]
    fn a_pool_created_with_a_name_only_is_described_with_aws_defaults() {
        let (store, pool) = store_with_pool();
        let described = describe(&store, &pool);
        for (member, value) in [
            (
                "AdminCreateUserConfig",
                json!({"AllowAdminCreateUserOnly": false, "UnusedAccountValidityDays": 7}),
            ),
            (
                "VerificationMessageTemplate",
                json!({"DefaultEmailOption": "CONFIRM_WITH_CODE"}),
            ),
            (
                "EmailConfiguration",
                json!({"EmailSendingAccount": "COGNITO_DEFAULT"}),
            ),
            (
                "UserAttributeUpdateSettings",
                json!({"AttributesRequireVerificationBeforeUpdate": []}),
            ),
            ("MfaConfiguration", json!("OFF")),
            ("DeletionProtection", json!("INACTIVE")),
            ("UserPoolTier", json!("ESSENTIALS")),
            ("LambdaConfig", json!({})),
        ] {
            assert_eq!(described[member], value, "{member}");
        }
        assert_eq!(described["Policies"]["PasswordPolicy"]["MinimumLength"], 8);
        // No documented default: AWS leaves them out.
        assert!(described.get("AccountRecoverySetting").is_none());
        assert!(described.get("DeviceConfiguration").is_none());
    }

    #[test]
    fn an_update_that_omits_members_resets_them_to_the_defaults() {
        let (store, pool) = store_with_pool();
        let settings = json!({"UserPoolId": pool,
            "AdminCreateUserConfig": {"AllowAdminCreateUserOnly": true},
            "EmailConfiguration": {"EmailSendingAccount": "DEVELOPER",
                "SourceArn": "arn:aws:ses:us-east-1:123456789012:identity/acme.example"},
            "AccountRecoverySetting": {"RecoveryMechanisms": [{"Name": "verified_email", "Priority": 1}]},
            "DeviceConfiguration": {"ChallengeRequiredOnNewDevice": true}});
        call(&store, "UpdateUserPool", settings).unwrap();
        let set = describe(&store, &pool);
        assert_eq!(
            set["AdminCreateUserConfig"],
            json!({"AllowAdminCreateUserOnly": true, "UnusedAccountValidityDays": 7}),
            "the part left out is the default"
        );
        assert_eq!(
            set["EmailConfiguration"]["EmailSendingAccount"],
            "DEVELOPER"
        );
        assert!(
            set["AccountRecoverySetting"].is_object() && set["DeviceConfiguration"].is_object()
        );
        call(&store, "UpdateUserPool", json!({"UserPoolId": pool})).unwrap();
        let reset = describe(&store, &pool);
        assert_eq!(
            reset["AdminCreateUserConfig"]["AllowAdminCreateUserOnly"],
            false
        );
        assert_eq!(
            reset["EmailConfiguration"],
            json!({"EmailSendingAccount": "COGNITO_DEFAULT"})
        );
        assert!(reset.get("AccountRecoverySetting").is_none());
        assert!(reset.get("DeviceConfiguration").is_none());
    }

    /// What a careful caller does: the described pool sent back whole, one member changed.
    #[test]
    fn the_described_pool_sent_back_with_one_change_changes_only_that() {
        let store = Store::open(&StateLocation::Memory).unwrap();
        seed::apply_if_empty(&store, seed::Seed::Demo).unwrap();
        let pool = json!(PRODUCTION_POOL);
        let before = describe(&store, &pool);
        let mut input = before.clone();
        input["UserPoolId"] = pool.clone();
        input["AutoVerifiedAttributes"] = json!(["email", "phone_number"]);
        call(&store, "UpdateUserPool", input).unwrap();
        let mut after = describe(&store, &pool);
        assert_eq!(
            after["AutoVerifiedAttributes"],
            json!(["email", "phone_number"])
        );
        after["AutoVerifiedAttributes"] = before["AutoVerifiedAttributes"].clone();
        after["LastModifiedDate"] = before["LastModifiedDate"].clone();
        assert_eq!(after, before);
        let mfa = call(&store, "GetUserPoolMfaConfig", json!({"UserPoolId": pool})).unwrap();
        assert!(
            mfa["SmsMfaConfiguration"].is_object(),
            "SMS MFA kept: {mfa}"
        );
    }

    #[test]
    fn a_protected_pool_is_not_deleted() {
        let (store, pool) = store_with_pool();
        let protect = json!({"UserPoolId": pool, "DeletionProtection": "ACTIVE"});
        call(&store, "UpdateUserPool", protect).unwrap();
        let refused = call(&store, "DeleteUserPool", json!({"UserPoolId": pool})).unwrap_err();
        assert_eq!(
            refused,
            (
                "InvalidParameterException".to_owned(),
                "The user pool cannot be deleted because deletion protection is activated. \
                 Deletion protection must be inactivated first."
                    .to_owned()
            )
        );
        // Leaving DeletionProtection out of an update resets it to INACTIVE: the pool can go.
        call(&store, "UpdateUserPool", json!({"UserPoolId": pool})).unwrap();
        call(&store, "DeleteUserPool", json!({"UserPoolId": pool})).unwrap();
    }

    /// The trap AWS sets (aws-nuke hit it): UserAttributeUpdateSettings is kept when omitted,
    /// AutoVerifiedAttributes is not, so an update sending only DeletionProtection is refused.
    #[test]
    fn attributes_verified_before_an_update_must_stay_auto_verified() {
        let store = Store::open(&StateLocation::Memory).unwrap();
        let refused = call(
            &store,
            "CreateUserPool",
            json!({"PoolName": "p", "UserAttributeUpdateSettings":
                   {"AttributesRequireVerificationBeforeUpdate": ["email"]}}),
        );
        assert_eq!(refused.unwrap_err().0, "InvalidParameterException");
        let created = call(
            &store,
            "CreateUserPool",
            json!({"PoolName": "p", "AutoVerifiedAttributes": ["email"],
                   "UserAttributeUpdateSettings":
                   {"AttributesRequireVerificationBeforeUpdate": ["email"]}}),
        )
        .unwrap();
        let pool = created["UserPool"]["Id"].clone();
        let only = json!({"UserPoolId": pool, "DeletionProtection": "INACTIVE"});
        let refused = call(&store, "UpdateUserPool", only).unwrap_err();
        assert_eq!(
            refused.1,
            "All attributes in AttributesRequireVerificationBeforeUpdate must exist in \
             AutoVerifiedAttributes"
        );
        let whole = json!({"UserPoolId": pool, "DeletionProtection": "INACTIVE",
                           "AutoVerifiedAttributes": ["email"]});
        call(&store, "UpdateUserPool", whole).unwrap();
        let kept = describe(&store, &pool)["UserAttributeUpdateSettings"].clone();
        assert_eq!(
            kept,
            json!({"AttributesRequireVerificationBeforeUpdate": ["email"]})
        );
    }
}
