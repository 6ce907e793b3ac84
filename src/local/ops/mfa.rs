//! The pool's MFA and passkey configuration: GetUserPoolMfaConfig and SetUserPoolMfaConfig.
//! It lives in the pool's stored settings, where DescribeUserPool reads MfaConfiguration,
//! SmsConfiguration and SmsAuthenticationMessage too, so the two never disagree.

use serde_json::{Value, json};

use super::super::error::{LocalError, LocalResult};
use super::super::input::{optional_str, required_str};
use super::super::store::{Store, now};
use super::Request;
use super::pools::{pool_spec, update_spec};

/// A settings key DescribeUserPool never shows: whether SMS is an MFA factor. Absent means it
/// is one whenever the pool has an SMS configuration (a pool created with MFA and SMS).
const SMS_MFA: &str = "SmsMfaEnabled";

pub fn get_user_pool_mfa_config(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    let spec = store.read(|conn| pool_spec(conn, pool))?;
    Ok(mfa_config_of(&spec))
}

/// Replaces the factor configuration: a factor the request leaves out is turned off, as AWS
/// does. MfaConfiguration left out keeps its value.
pub fn set_user_pool_mfa_config(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    store.write(|tx| {
        let mut spec = pool_spec(tx, pool)?;
        apply_mfa_config(&mut spec, &req.input)?;
        update_spec(tx, pool, None, &spec, now())?;
        Ok(mfa_config_of(&spec))
    })
}

/// The GetUserPoolMfaConfig answer for a pool's settings.
pub fn mfa_config_of(spec: &Value) -> Value {
    let mut out = json!({
        "MfaConfiguration": spec.get("MfaConfiguration").cloned().unwrap_or_else(|| json!("OFF")),
        "SoftwareTokenMfaConfiguration": {"Enabled": totp_enabled(spec)},
        "WebAuthnConfiguration": spec.get("WebAuthnConfiguration").cloned()
            .unwrap_or_else(|| json!({"UserVerification": "preferred"})),
    });
    if sms_enabled(spec) {
        let mut sms = json!({ "SmsConfiguration": spec["SmsConfiguration"].clone() });
        if let Some(message) = spec.get("SmsAuthenticationMessage") {
            sms["SmsAuthenticationMessage"] = message.clone();
        }
        out["SmsMfaConfiguration"] = sms;
    }
    if let Some(email) = spec.get("EmailMfaConfiguration") {
        out["EmailMfaConfiguration"] = email.clone();
    }
    out
}

/// Applies a SetUserPoolMfaConfig request to the pool's settings. The model's constraints
/// (modes, the `{####}` in code messages, passkey enums) were checked on the way in.
pub fn apply_mfa_config(spec: &mut Value, input: &Value) -> LocalResult<()> {
    let mode = optional_str(input, "MfaConfiguration")?;
    if let Some(sms) = present(input, "SmsMfaConfiguration") {
        if let Some(message) = optional_str(sms, "SmsAuthenticationMessage")? {
            spec["SmsAuthenticationMessage"] = json!(message);
        }
        if let Some(config) = present(sms, "SmsConfiguration") {
            required_str(config, "SnsCallerArn")?;
            spec["SmsConfiguration"] = config.clone();
        }
        if present(spec, "SmsConfiguration").is_none() {
            return Err(LocalError::invalid_parameter(
                "SMS MFA needs an SmsConfiguration: the SnsCallerArn role Amazon Cognito sends \
                 SMS messages with.",
            ));
        }
        spec[SMS_MFA] = json!(true);
    } else {
        spec[SMS_MFA] = json!(false);
    }
    let totp = present(input, "SoftwareTokenMfaConfiguration")
        .and_then(|t| t.get("Enabled"))
        .and_then(Value::as_bool)
        .unwrap_or(false);
    spec["SoftwareTokenMfaConfiguration"] = json!({ "Enabled": totp });
    set_or_remove(spec, "EmailMfaConfiguration", email_config(spec, input)?);
    set_or_remove(spec, "WebAuthnConfiguration", webauthn_config(input));
    if let Some(mode) = mode {
        spec["MfaConfiguration"] = json!(mode);
    }
    require_a_factor(spec)
}

/// MFA ON or OPTIONAL with no factor to offer is refused (SetUserPoolMfaConfig, UpdateUserPool).
pub fn require_a_factor(spec: &Value) -> LocalResult<()> {
    let mode = spec.get("MfaConfiguration").and_then(Value::as_str);
    let on = matches!(mode, Some("ON" | "OPTIONAL"));
    if on
        && !sms_enabled(spec)
        && !totp_enabled(spec)
        && present(spec, "EmailMfaConfiguration").is_none()
    {
        return Err(LocalError::invalid_parameter(
            "MfaConfiguration ON or OPTIONAL needs at least one MFA factor enabled: SMS (with an \
             SmsConfiguration), TOTP (SoftwareTokenMfaConfiguration) or email.",
        ));
    }
    Ok(())
}

fn sms_enabled(spec: &Value) -> bool {
    present(spec, "SmsConfiguration").is_some()
        && spec.get(SMS_MFA).and_then(Value::as_bool).unwrap_or(true)
}

fn totp_enabled(spec: &Value) -> bool {
    spec.pointer("/SoftwareTokenMfaConfiguration/Enabled")
        .and_then(Value::as_bool)
        .unwrap_or(false)
}

/// Email MFA needs a tier above Lite and email sent through the pool's own SES identity.
fn email_config(spec: &Value, input: &Value) -> LocalResult<Option<Value>> {
    let Some(email) = present(input, "EmailMfaConfiguration") else {
        return Ok(None);
    };
    if spec.get("UserPoolTier").and_then(Value::as_str) == Some("LITE") {
        return Err(LocalError::new(
            "FeatureUnavailableInTierException",
            "Email MFA is not available in the Lite tier.",
        ));
    }
    let sending = spec
        .pointer("/EmailConfiguration/EmailSendingAccount")
        .and_then(Value::as_str);
    if sending != Some("DEVELOPER") {
        return Err(LocalError::invalid_parameter(
            "Email MFA needs the user pool to send email with Amazon SES \
             (EmailConfiguration EmailSendingAccount DEVELOPER).",
        ));
    }
    Ok(Some(email.clone()))
}

/// The passkey settings asked for, `preferred` user verification by default.
fn webauthn_config(input: &Value) -> Option<Value> {
    let mut config = present(input, "WebAuthnConfiguration")?.clone();
    if config.get("UserVerification").is_none() {
        config["UserVerification"] = json!("preferred");
    }
    Some(config)
}

fn present<'a>(value: &'a Value, member: &str) -> Option<&'a Value> {
    value.get(member).filter(|v| !v.is_null())
}

fn set_or_remove(spec: &mut Value, member: &str, value: Option<Value>) {
    match (value, spec.as_object_mut()) {
        (Some(v), _) => spec[member] = v,
        (None, Some(obj)) => {
            obj.remove(member);
        }
        (None, None) => {}
    }
}
