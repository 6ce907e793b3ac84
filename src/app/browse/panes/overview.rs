//! The Overview tab's lines: the pool's settings at a glance, from DescribeUserPool and
//! GetUserPoolMfaConfig. It has no rows, so it is not a registry pane.

use crate::app::browse::detail::date;
use crate::app::browse::detail::{line, or_empty};
use crate::app::state::Overview;
use crate::aws::AwsError;
use crate::cognito::pools::{GetUserPoolMfaConfigResponse, PasswordPolicyType, UserPoolType};

/// The Overview of `pool`; `mfa` is GetUserPoolMfaConfig's answer, which only the MFA methods
/// line depends on.
pub fn lines(pool: &UserPoolType, mfa: Result<GetUserPoolMfaConfigResponse, AwsError>) -> Overview {
    let text = |s: &Option<String>| s.clone().unwrap_or_default();
    // Each with its type, and "set once" when users cannot change it after sign-up: the
    // definitions themselves are fixed (AddCustomAttributes adds, nothing changes or removes).
    let custom: Vec<String> = pool
        .schema_attributes
        .iter()
        .filter_map(|a| {
            let name = a
                .user_attribute_name()
                .filter(|n| n.starts_with("custom:"))?;
            let kind = a.attribute_data_type.as_deref().unwrap_or("String");
            let once = if a.mutable == Some(false) {
                ", set once"
            } else {
                ""
            };
            Some(format!("{name} ({kind}{once})"))
        })
        .collect();
    let password = pool
        .policies
        .as_ref()
        .and_then(|p| p.password_policy.as_ref())
        .map(password_policy)
        .unwrap_or_default();
    vec![
        line("Id", or_empty(pool.id.as_ref())),
        line("Name", text(&pool.name)),
        line("ARN", text(&pool.arn)),
        line("Created", date(pool.creation_date)),
        line(
            "Estimated users",
            pool.estimated_number_of_users
                .map(|n| n.to_string())
                .unwrap_or_default(),
        ),
        line("Tier", text(&pool.user_pool_tier)),
        line("MFA", text(&pool.mfa_configuration)),
        line("MFA methods", mfa_methods(mfa)),
        line("Threat protection", threat_protection(pool)),
        line("Deletion protection", text(&pool.deletion_protection)),
        line("Sign-in with", sign_in(pool)),
        line("Usernames", case_sensitivity(pool)),
        line("Password policy", password),
        line(
            "Domain",
            pool.domain
                .clone()
                .or_else(|| pool.custom_domain.clone())
                .unwrap_or_default(),
        ),
        line(
            "Custom attributes",
            if custom.is_empty() {
                "none (A adds one; it can never be changed or removed)".to_owned()
            } else {
                format!("{} · fixed: A adds more", custom.join(", "))
            },
        ),
    ]
}

fn password_policy(p: &PasswordPolicyType) -> String {
    let mut parts = vec![format!("min {}", p.minimum_length.unwrap_or(8))];
    for (on, what) in [
        (p.require_uppercase, "upper"),
        (p.require_lowercase, "lower"),
        (p.require_numbers, "digit"),
        (p.require_symbols, "symbol"),
    ] {
        if on == Some(true) {
            parts.push(what.to_owned());
        }
    }
    if let Some(days) = p.temporary_password_validity_days {
        parts.push(format!("temporary valid {days} d"));
    }
    parts.join(", ")
}

/// What a user signs in with: the username, or email/phone in its place, plus any aliases.
fn sign_in(pool: &UserPoolType) -> String {
    let with = if pool.username_attributes.is_empty() {
        "username".to_owned()
    } else {
        pool.username_attributes.join(", ")
    };
    if pool.alias_attributes.is_empty() {
        with
    } else {
        format!("{with} (aliases: {})", pool.alias_attributes.join(", "))
    }
}

/// A pool created without UsernameConfiguration is case sensitive (AWS's default for the API).
fn case_sensitivity(pool: &UserPoolType) -> String {
    let sensitive = pool
        .username_configuration
        .as_ref()
        .and_then(|c| c.case_sensitive)
        .unwrap_or(true);
    if sensitive {
        "case sensitive"
    } else {
        "case insensitive"
    }
    .to_owned()
}

/// Threat protection's mode; a pool without add-ons has it off.
fn threat_protection(pool: &UserPoolType) -> String {
    pool.user_pool_add_ons
        .as_ref()
        .and_then(|a| a.advanced_security_mode.clone())
        .unwrap_or_else(|| "OFF".to_owned())
}

/// The second factors the pool offers: a factor's configuration is present only when it is on
/// (TOTP says so itself; passkeys count only when they may satisfy MFA).
fn mfa_methods(mfa: Result<GetUserPoolMfaConfigResponse, AwsError>) -> String {
    let config = match mfa {
        Ok(config) => config,
        Err(AwsError::Unsupported { .. }) => {
            return "GetUserPoolMfaConfig is not supported by this endpoint".to_owned();
        }
        Err(e) => return format!("could not be read: {e}"),
    };
    let passkey = config
        .web_authn_configuration
        .as_ref()
        .and_then(|w| w.get("FactorConfiguration"))
        .and_then(serde_json::Value::as_str)
        == Some("MULTI_FACTOR_WITH_USER_VERIFICATION");
    let methods: Vec<&str> = [
        (config.sms_mfa_configuration.is_some(), "SMS"),
        (
            config
                .software_token_mfa_configuration
                .as_ref()
                .and_then(|t| t.enabled)
                == Some(true),
            "authenticator app (TOTP)",
        ),
        (config.email_mfa_configuration.is_some(), "email"),
        (passkey, "passkey"),
    ]
    .into_iter()
    .filter_map(|(on, name)| on.then_some(name))
    .collect();
    if methods.is_empty() {
        "none".to_owned()
    } else {
        methods.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cognito::pools::DescribeUserPoolResponse;

    fn value<'a>(lines: &'a Overview, label: &str) -> &'a str {
        lines
            .iter()
            .find(|(l, _)| l == label)
            .map_or_else(|| panic!("no {label} line in {lines:?}"), |(_, v)| v)
    }

    #[test]
    fn the_overview_shows_sign_in_mfa_threat_protection_deletion_protection_and_tier() {
        let pool: DescribeUserPoolResponse = serde_json::from_str(
            r#"{"UserPool":{"Id":"us-east-1_A","UserPoolTier":"PLUS","DeletionProtection":"ACTIVE",
                "UsernameAttributes":["email"],"UsernameConfiguration":{"CaseSensitive":false},
                "UserPoolAddOns":{"AdvancedSecurityMode":"ENFORCED"},"MfaConfiguration":"OPTIONAL"}}"#,
        )
        .unwrap();
        let mfa: GetUserPoolMfaConfigResponse = serde_json::from_str(
            r#"{"MfaConfiguration":"OPTIONAL","SoftwareTokenMfaConfiguration":{"Enabled":true},
                "EmailMfaConfiguration":{"Subject":"Your code"},
                "WebAuthnConfiguration":{"UserVerification":"required",
                                         "FactorConfiguration":"MULTI_FACTOR_WITH_USER_VERIFICATION"}}"#,
        )
        .unwrap();
        let lines = lines(&pool.user_pool.unwrap(), Ok(mfa));
        assert_eq!(value(&lines, "Tier"), "PLUS");
        assert_eq!(
            value(&lines, "MFA methods"),
            "authenticator app (TOTP), email, passkey"
        );
        assert_eq!(value(&lines, "Threat protection"), "ENFORCED");
        assert_eq!(value(&lines, "Deletion protection"), "ACTIVE");
        assert_eq!(value(&lines, "Sign-in with"), "email");
        assert_eq!(value(&lines, "Usernames"), "case insensitive");
    }

    #[test]
    fn a_bare_pool_is_case_sensitive_without_threat_protection_and_lacking_mfa_config_costs_one_line()
     {
        let pool = UserPoolType {
            alias_attributes: vec!["email".to_owned()],
            ..UserPoolType::default()
        };
        let unsupported = AwsError::Unsupported {
            operation: "GetUserPoolMfaConfig".into(),
            status: 500,
            detail: "HTTP 500".into(),
        };
        let lines = lines(&pool, Err(unsupported));
        assert_eq!(value(&lines, "Usernames"), "case sensitive");
        assert_eq!(value(&lines, "Threat protection"), "OFF");
        assert_eq!(value(&lines, "Sign-in with"), "username (aliases: email)");
        assert_eq!(
            value(&lines, "MFA methods"),
            "GetUserPoolMfaConfig is not supported by this endpoint"
        );
    }
}
