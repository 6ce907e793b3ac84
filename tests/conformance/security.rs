//! Conformance of a user's security settings: MFA preferences as AdminGetUser reports them, and
//! the verification a changed email address or phone number loses. Devices and auth events are
//! in `activity` (local server only).

use cognito_tui::cognito::devices::{MfaPreference, MfaSettings};
use cognito_tui::cognito::types::AttributeType;
use cognito_tui::cognito::{CognitoClient, PoolId, Username};
use serde_json::{Value, json};

use super::super::common::{create_pool, create_user};
use super::{Quirks, code_of};

const ON: Option<MfaSettings> = Some(MfaSettings {
    enabled: true,
    preferred_mfa: false,
});
const PREFERRED: Option<MfaSettings> = Some(MfaSettings {
    enabled: true,
    preferred_mfa: true,
});

/// AdminGetUser as sent, so absent members can be told from empty ones.
async fn raw_user(client: &CognitoClient, pool: &PoolId, user: &str) -> Value {
    client
        .call_json(
            "AdminGetUser",
            &json!({"UserPoolId": pool.as_str(), "Username": user}),
        )
        .await
        .unwrap()
}

/// `UserMFASettingList` and `PreferredMfaSetting` of a user.
async fn mfa_of(client: &CognitoClient, pool: &PoolId, user: &str) -> (Vec<String>, String) {
    let got = client
        .admin_get_user(pool, &Username::new(user))
        .await
        .unwrap();
    (
        got.user_mfa_setting_list,
        got.preferred_mfa_setting.unwrap_or_default(),
    )
}

/// A user without MFA: AWS leaves all three MFA members out; moto sends `[]`, `""` and `[]`.
async fn assert_no_mfa(client: &CognitoClient, pool: &PoolId, user: &str, quirks: Quirks) {
    let got = raw_user(client, pool, user).await;
    let members = ["UserMFASettingList", "PreferredMfaSetting", "MFAOptions"];
    if quirks.omits_empty_mfa_members {
        for member in members {
            assert!(got.get(member).is_none(), "{member} in {got}");
        }
    } else {
        assert_eq!(got["UserMFASettingList"], json!([]), "{got}");
        assert_eq!(got["PreferredMfaSetting"], "", "{got}");
        assert_eq!(got["MFAOptions"], json!([]), "{got}");
    }
}

pub async fn mfa_preferences(client: &CognitoClient, quirks: Quirks) {
    let pool = create_pool(client, "conf-mfa").await;
    let contact = [
        ("phone_number", "+15555550100"),
        ("email", "ann@example.com"),
    ];
    create_user(client, &pool, "ann", &contact).await;
    create_user(client, &pool, "bob", &[]).await;
    let ann = Username::new("ann");
    assert_no_mfa(client, &pool, "ann", quirks).await;

    let sms = MfaPreference {
        sms: PREFERRED,
        ..MfaPreference::default()
    };
    client
        .admin_set_user_mfa_preference(&pool, &ann, &sms)
        .await
        .unwrap();
    let (methods, preferred) = mfa_of(client, &pool, "ann").await;
    assert_eq!(
        (methods, preferred.as_str()),
        (vec!["SMS_MFA".to_owned()], "SMS_MFA")
    );
    // The deprecated MFAOptions still describes SMS MFA on AWS.
    let options = raw_user(client, &pool, "ann").await["MFAOptions"].clone();
    if quirks.lists_sms_in_mfa_options {
        assert_eq!(
            options,
            json!([{"DeliveryMedium": "SMS", "AttributeName": "phone_number"}])
        );
    } else {
        assert_eq!(options, json!([]));
    }

    // An authenticator app must be associated and verified before TOTP MFA can be on.
    let totp = MfaPreference {
        software_token: ON,
        ..MfaPreference::default()
    };
    let refused = client
        .admin_set_user_mfa_preference(&pool, &ann, &totp)
        .await;
    assert_eq!(code_of(refused), "InvalidParameterException");
    assert_eq!(mfa_of(client, &pool, "ann").await.0, ["SMS_MFA"]);

    // SMS MFA needs a phone number to send codes to.
    let bob_sms = client
        .admin_set_user_mfa_preference(&pool, &Username::new("bob"), &sms)
        .await;
    if quirks.checks_sms_mfa_phone {
        assert_eq!(code_of(bob_sms), "InvalidParameterException");
        assert_no_mfa(client, &pool, "bob", quirks).await;
    } else {
        bob_sms.expect("moto turns SMS MFA on for a user without a phone number");
    }

    if quirks.email_mfa {
        email_mfa(client, &pool, &ann).await;
    }

    // Enabled but not preferred: the preference goes.
    let sms_only = MfaPreference {
        sms: ON,
        ..MfaPreference::default()
    };
    client
        .admin_set_user_mfa_preference(&pool, &ann, &sms_only)
        .await
        .unwrap();
    let (methods, preferred) = mfa_of(client, &pool, "ann").await;
    assert!(methods.contains(&"SMS_MFA".to_owned()), "{methods:?}");
    assert_eq!(preferred, "");

    client
        .admin_set_user_mfa_preference(&pool, &ann, &MfaPreference::all_disabled())
        .await
        .unwrap();
    assert_no_mfa(client, &pool, "ann", quirks).await;

    // A deleted user's MFA goes with them: the same name starts without any.
    client
        .admin_set_user_mfa_preference(&pool, &ann, &sms)
        .await
        .unwrap();
    client.admin_delete_user(&pool, &ann).await.unwrap();
    create_user(client, &pool, "ann", &contact).await;
    assert_no_mfa(client, &pool, "ann", quirks).await;
}

/// Email MFA next to SMS, and at most one preferred method per call (AWS; moto ignores
/// EmailMfaSettings).
async fn email_mfa(client: &CognitoClient, pool: &PoolId, ann: &Username) {
    let email = MfaPreference {
        email: ON,
        ..MfaPreference::default()
    };
    client
        .admin_set_user_mfa_preference(pool, ann, &email)
        .await
        .unwrap();
    let (mut methods, preferred) = mfa_of(client, pool, "ann").await;
    methods.sort();
    assert_eq!(methods, ["EMAIL_OTP", "SMS_MFA"]);
    assert_eq!(
        preferred, "SMS_MFA",
        "enabling another method keeps the preference"
    );
    let two = MfaPreference {
        sms: PREFERRED,
        email: PREFERRED,
        ..MfaPreference::default()
    };
    let refused = client.admin_set_user_mfa_preference(pool, ann, &two).await;
    assert_eq!(code_of(refused), "InvalidParameterException");
    let email_preferred = MfaPreference {
        email: PREFERRED,
        ..MfaPreference::default()
    };
    client
        .admin_set_user_mfa_preference(pool, ann, &email_preferred)
        .await
        .unwrap();
    assert_eq!(mfa_of(client, pool, "ann").await.1, "EMAIL_OTP");
    // Turning the preferred method off leaves no preference.
    let email_off = MfaPreference {
        email: Some(MfaSettings::default()),
        ..MfaPreference::default()
    };
    client
        .admin_set_user_mfa_preference(pool, ann, &email_off)
        .await
        .unwrap();
    assert_eq!(
        mfa_of(client, pool, "ann").await,
        (vec!["SMS_MFA".to_owned()], String::new())
    );
}

fn value_of(user: &Value, name: &str) -> Option<String> {
    user["UserAttributes"]
        .as_array()?
        .iter()
        .find(|a| a["Name"] == name)
        .and_then(|a| a["Value"].as_str().map(str::to_owned))
}

/// A new email address or phone number is unverified, unless the same call verifies it.
pub async fn contact_changes_need_verification(client: &CognitoClient, quirks: Quirks) {
    let pool = create_pool(client, "conf-verify").await;
    let verified = [
        ("email", "ann@example.com"),
        ("email_verified", "true"),
        ("phone_number", "+15555550100"),
        ("phone_number_verified", "true"),
    ];
    create_user(client, &pool, "ann", &verified).await;
    let ann = Username::new("ann");
    let update = |attrs: Vec<AttributeType>| {
        let (client, pool, ann) = (client.clone(), pool.clone(), ann.clone());
        async move {
            client
                .admin_update_user_attributes(&pool, &ann, &attrs)
                .await
                .unwrap();
        }
    };
    update(vec![AttributeType::new("given_name", "Ann")]).await;
    let got = raw_user(client, &pool, "ann").await;
    assert_eq!(value_of(&got, "email_verified").as_deref(), Some("true"));

    update(vec![AttributeType::new("email", "ann@example.org")]).await;
    update(vec![
        AttributeType::new("phone_number", "+15555550199"),
        AttributeType::new("phone_number_verified", "true"),
    ])
    .await;
    let got = raw_user(client, &pool, "ann").await;
    assert_eq!(value_of(&got, "email").as_deref(), Some("ann@example.org"));
    let expected = if quirks.unverifies_changed_contacts {
        "false"
    } else {
        "true"
    };
    assert_eq!(
        value_of(&got, "email_verified").as_deref(),
        Some(expected),
        "{got}"
    );
    assert_eq!(
        value_of(&got, "phone_number_verified").as_deref(),
        Some("true"),
        "verified in the same call"
    );
}
