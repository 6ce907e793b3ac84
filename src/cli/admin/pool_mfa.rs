//! A pool's MFA mode and methods as flags, and the patch they make to SetUserPoolMfaConfig's
//! input (`Target::Mfa`): TOTP is a switch, SMS needs the pool's SMS configuration (its SNS
//! role), email MFA is on while its configuration is there.

use clap::{Args, ValueEnum};
use serde_json::{Value, json};

use crate::cli::CliError;
use crate::cognito::edit::{Edit, Patch};

/// MfaConfiguration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MfaMode {
    Off,
    Optional,
    On,
}

impl MfaMode {
    fn wire(self) -> &'static str {
        match self {
            Self::Off => "OFF",
            Self::Optional => "OPTIONAL",
            Self::On => "ON",
        }
    }
}

/// A second factor the pool offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MfaMethod {
    /// An authenticator app (TOTP).
    Totp,
    /// A code by SMS (the pool needs an SMS configuration).
    Sms,
    /// A code by email (the pool needs to send email with Amazon SES).
    Email,
}

/// The MFA flags of `pools create` and `pools update`.
#[derive(Debug, Clone, Args)]
pub struct MfaFlags {
    /// MFA for the pool's users: off, optional (each user chooses) or on (required); turning it
    /// on with no method enabled enables TOTP.
    #[arg(long, value_enum)]
    pub mfa: Option<MfaMode>,
    /// An MFA method to enable (repeat).
    #[arg(long = "mfa-method", value_enum, value_name = "METHOD")]
    pub methods: Vec<MfaMethod>,
    /// An MFA method to disable (repeat).
    #[arg(long = "remove-mfa-method", value_enum, value_name = "METHOD")]
    pub removed: Vec<MfaMethod>,
}

impl MfaFlags {
    /// No MFA flag was given.
    pub fn is_empty(&self) -> bool {
        self.mfa.is_none() && self.methods.is_empty() && self.removed.is_empty()
    }

    /// Enabling SMS MFA needs the pool's SMS configuration read first.
    pub fn needs_sms_configuration(&self) -> bool {
        self.methods.contains(&MfaMethod::Sms)
    }

    /// The patch on the MFA configuration as it stands (`current`). `pool_sms` is the pool's
    /// SmsConfiguration, which enabling SMS MFA copies when the MFA settings have none.
    pub fn patch(&self, current: &Value, pool_sms: Option<&Value>) -> Result<Patch, CliError> {
        let mut patch = Patch::new();
        for method in &self.methods {
            match method {
                MfaMethod::Totp => patch.push(totp(true)),
                MfaMethod::Sms => {
                    if current
                        .pointer("/SmsMfaConfiguration/SmsConfiguration")
                        .is_none()
                    {
                        let sms = pool_sms.ok_or_else(|| {
                            CliError::Input(
                                "SMS MFA needs the pool's SMS configuration (an SNS role), and \
                                 the pool has none: set it up first, or use --mfa-method totp"
                                    .into(),
                            )
                        })?;
                        patch.push(Edit::Set(
                            "SmsMfaConfiguration.SmsConfiguration".into(),
                            sms.clone(),
                        ));
                    }
                }
                MfaMethod::Email => {
                    if current.get("EmailMfaConfiguration").is_none() {
                        patch.push(Edit::Set("EmailMfaConfiguration".into(), json!({})));
                    }
                }
            }
        }
        for method in &self.removed {
            patch.push(match method {
                MfaMethod::Totp => totp(false),
                MfaMethod::Sms => Edit::Remove("SmsMfaConfiguration".into()),
                MfaMethod::Email => Edit::Remove("EmailMfaConfiguration".into()),
            });
        }
        if let Some(mode) = self.mfa {
            patch.push(Edit::Set("MfaConfiguration".into(), json!(mode.wire())));
            let after = patch.apply(current).map_err(CliError::Input)?;
            if mode != MfaMode::Off && self.methods.is_empty() && !any_factor(&after) {
                patch.push(totp(true));
            }
        }
        Ok(patch)
    }
}

fn totp(on: bool) -> Edit {
    Edit::Set("SoftwareTokenMfaConfiguration.Enabled".into(), json!(on))
}

/// Some second factor is enabled in this MFA configuration.
fn any_factor(config: &Value) -> bool {
    config.pointer("/SoftwareTokenMfaConfiguration/Enabled") == Some(&json!(true))
        || config
            .pointer("/SmsMfaConfiguration/SmsConfiguration")
            .is_some()
        || config.get("EmailMfaConfiguration").is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flags(mfa: Option<MfaMode>, methods: &[MfaMethod], removed: &[MfaMethod]) -> MfaFlags {
        MfaFlags {
            mfa,
            methods: methods.to_vec(),
            removed: removed.to_vec(),
        }
    }

    #[test]
    fn turning_mfa_on_without_a_method_enables_totp() {
        let current = json!({"UserPoolId": "p", "MfaConfiguration": "OFF"});
        let after = flags(Some(MfaMode::Optional), &[], &[])
            .patch(&current, None)
            .unwrap()
            .apply(&current)
            .unwrap();
        assert_eq!(
            after,
            json!({"UserPoolId": "p", "MfaConfiguration": "OPTIONAL",
                   "SoftwareTokenMfaConfiguration": {"Enabled": true}})
        );
        // A method already on is kept, and no other is added.
        let current = json!({"MfaConfiguration": "OFF", "EmailMfaConfiguration": {}});
        let after = flags(Some(MfaMode::On), &[], &[])
            .patch(&current, None)
            .unwrap()
            .apply(&current)
            .unwrap();
        assert_eq!(
            after,
            json!({"MfaConfiguration": "ON", "EmailMfaConfiguration": {}})
        );
    }

    #[test]
    fn sms_takes_the_pool_sms_configuration_or_says_what_is_missing() {
        let current = json!({"MfaConfiguration": "OFF"});
        let sms = json!({"SnsCallerArn": "arn:aws:iam::1:role/sns", "ExternalId": "x"});
        let after = flags(None, &[MfaMethod::Sms], &[MfaMethod::Email])
            .patch(&current, Some(&sms))
            .unwrap()
            .apply(&current)
            .unwrap();
        assert_eq!(after["SmsMfaConfiguration"]["SmsConfiguration"], sms);
        let err = flags(None, &[MfaMethod::Sms], &[])
            .patch(&current, None)
            .unwrap_err();
        assert!(err.to_string().contains("SNS role"), "{err}");
    }
}
