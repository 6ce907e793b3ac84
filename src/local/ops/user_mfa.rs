//! A user's MFA methods: AdminSetUserMFAPreference, and the MFA members of AdminGetUser.

use rusqlite::{Connection, OptionalExtension as _, params};
use serde_json::{Value, json};

use super::super::error::{LocalError, LocalResult};
use super::super::input::required_str;
use super::super::store::{Cached as _, Store};
use super::pools::pool_spec;
use super::users::{mark_modified, require_user};
use super::{Request, exists};

/// The methods a user can turn on, in the order AWS lists them in `UserMFASettingList`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    SoftwareToken,
    Sms,
    Email,
}

const METHODS: [Method; 3] = [Method::SoftwareToken, Method::Sms, Method::Email];

impl Method {
    /// The name in `UserMFASettingList` and `PreferredMfaSetting`.
    fn name(self) -> &'static str {
        match self {
            Self::SoftwareToken => "SOFTWARE_TOKEN_MFA",
            Self::Sms => "SMS_MFA",
            Self::Email => "EMAIL_OTP",
        }
    }

    fn from_name(name: &str) -> Option<Self> {
        METHODS.into_iter().find(|m| m.name() == name)
    }

    /// The request member that sets it.
    fn member(self) -> &'static str {
        match self {
            Self::SoftwareToken => "SoftwareTokenMfaSettings",
            Self::Sms => "SMSMfaSettings",
            Self::Email => "EmailMfaSettings",
        }
    }
}

/// A user's stored MFA state; a user without a row has none of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserMfa {
    /// The user associated and verified an authenticator app (AssociateSoftwareToken +
    /// VerifySoftwareToken); only then can TOTP MFA be turned on.
    pub totp_associated: bool,
    pub enabled: Vec<Method>,
    pub preferred: Option<Method>,
}

impl UserMfa {
    fn is_enabled(&self, method: Method) -> bool {
        self.enabled.contains(&method)
    }

    fn set_enabled(&mut self, method: Method, on: bool) {
        self.enabled.retain(|m| *m != method);
        if on {
            self.enabled.push(method);
        }
    }
}

pub fn user_mfa(conn: &Connection, pool: &str, username: &str) -> LocalResult<UserMfa> {
    let row = conn
        .cached_row(
            "SELECT totp_associated, sms_enabled, totp_enabled, email_enabled, preferred
             FROM user_mfa WHERE pool_id = ?1 AND username = ?2",
            params![pool, username],
            |r| {
                let flags: [bool; 3] = [r.get(1)?, r.get(2)?, r.get(3)?];
                let preferred: Option<String> = r.get(4)?;
                Ok(UserMfa {
                    totp_associated: r.get(0)?,
                    enabled: [Method::Sms, Method::SoftwareToken, Method::Email]
                        .into_iter()
                        .zip(flags)
                        .filter_map(|(m, on)| on.then_some(m))
                        .collect(),
                    preferred: preferred.as_deref().and_then(Method::from_name),
                })
            },
        )
        .optional()?;
    Ok(row.unwrap_or_default())
}

pub fn store_user_mfa(
    tx: &Connection,
    pool: &str,
    username: &str,
    mfa: &UserMfa,
) -> LocalResult<()> {
    tx.cached_execute(
        "INSERT OR REPLACE INTO user_mfa
         (pool_id, username, totp_associated, sms_enabled, totp_enabled, email_enabled, preferred)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            pool,
            username,
            mfa.totp_associated,
            mfa.is_enabled(Method::Sms),
            mfa.is_enabled(Method::SoftwareToken),
            mfa.is_enabled(Method::Email),
            mfa.preferred.map(Method::name)
        ],
    )?;
    Ok(())
}

/// Adds AdminGetUser's MFA members to `user`: `UserMFASettingList` and `PreferredMfaSetting` only
/// when there is something to say (AWS leaves them out, it never sends `[]` or `""`), and the
/// deprecated `MFAOptions`, which AWS still fills for SMS MFA alone.
pub fn add_mfa_members(
    conn: &Connection,
    pool: &str,
    username: &str,
    user: &mut Value,
) -> LocalResult<()> {
    let mfa = user_mfa(conn, pool, username)?;
    let on: Vec<&str> = METHODS
        .iter()
        .filter(|m| mfa.is_enabled(**m))
        .map(|m| m.name())
        .collect();
    if !on.is_empty() {
        user["UserMFASettingList"] = json!(on);
    }
    if let Some(preferred) = mfa.preferred {
        user["PreferredMfaSetting"] = json!(preferred.name());
    }
    if mfa.is_enabled(Method::Sms) {
        user["MFAOptions"] = json!([{"DeliveryMedium": "SMS", "AttributeName": "phone_number"}]);
    }
    Ok(())
}

/// One method's `{Enabled, PreferredMfa}`; `None` when the request leaves the method alone.
fn settings(input: &Value, member: &str) -> LocalResult<Option<(bool, bool)>> {
    match input.get(member) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(o)) => {
            let flag = |name: &str| match o.get(name) {
                None | Some(Value::Null) => Ok(false),
                Some(v) => v.as_bool().ok_or_else(|| {
                    LocalError::new(
                        "SerializationException",
                        format!("Unexpected type for member {member}.{name}"),
                    )
                }),
            };
            Ok(Some((flag("Enabled")?, flag("PreferredMfa")?)))
        }
        Some(_) => Err(LocalError::new(
            "SerializationException",
            format!("Unexpected type for member {member}"),
        )),
    }
}

/// Turns methods on and off and picks the preferred one. A method can be turned on only where
/// it can deliver a code: SMS needs a phone number, TOTP an associated authenticator, email an
/// email address and a feature plan above Lite. At most one method may be preferred, and only
/// an enabled one; turning the preferred method off leaves none preferred.
pub fn admin_set_user_mfa_preference(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    let username = required_str(&req.input, "Username")?;
    let mut changes = Vec::new();
    for method in METHODS {
        if let Some((enabled, preferred)) = settings(&req.input, method.member())? {
            changes.push((method, enabled, preferred));
        }
    }
    if changes
        .iter()
        .filter(|(_, _, preferred)| *preferred)
        .count()
        > 1
    {
        return Err(LocalError::invalid_parameter(
            "Only one MFA method can be set as preferred.",
        ));
    }
    if let Some((method, ..)) = changes.iter().find(|(_, on, preferred)| *preferred && !on) {
        return Err(LocalError::invalid_parameter(format!(
            "{} cannot be preferred without being enabled.",
            method.name()
        )));
    }
    let passkey = settings(&req.input, "WebAuthnMfaSettings")?;
    store.write(|tx| {
        let spec = pool_spec(tx, pool)?;
        require_user(tx, pool, username)?;
        if passkey.is_some_and(|(on, _)| on) {
            // No passkey can be registered on this server, and AWS refuses passkey MFA to a
            // user without one.
            return Err(LocalError::invalid_parameter(
                "User does not have a registered passkey to turn on WEB_AUTHN MFA",
            ));
        }
        let mut mfa = user_mfa(tx, pool, username)?;
        for (method, enabled, preferred) in &changes {
            if *enabled && !mfa.is_enabled(*method) {
                check_deliverable(tx, &spec, pool, username, &mfa, *method)?;
            }
            mfa.set_enabled(*method, *enabled);
            if *preferred {
                mfa.preferred = Some(*method);
            } else if mfa.preferred == Some(*method) {
                mfa.preferred = None;
            }
        }
        store_user_mfa(tx, pool, username, &mfa)?;
        mark_modified(tx, pool, username)?;
        Ok(json!({}))
    })
}

/// AWS's refusal of a method the user has no way to receive codes by.
fn check_deliverable(
    tx: &Connection,
    spec: &Value,
    pool: &str,
    username: &str,
    mfa: &UserMfa,
    method: Method,
) -> LocalResult<()> {
    let has = |attribute: &str| -> LocalResult<bool> {
        exists(
            tx,
            "SELECT EXISTS (SELECT 1 FROM user_attributes
             WHERE pool_id = ?1 AND username = ?2 AND name = ?3 AND value <> '')",
            params![pool, username, attribute],
        )
    };
    let deliverable = match method {
        Method::SoftwareToken => mfa.totp_associated,
        Method::Sms => has("phone_number")?,
        Method::Email => {
            if spec["UserPoolTier"].as_str() == Some("LITE") {
                return Err(LocalError::new(
                    "FeatureUnavailableInTierException",
                    "Email MFA is not available in the Lite feature plan.",
                ));
            }
            has("email")?
        }
    };
    if deliverable {
        Ok(())
    } else {
        Err(LocalError::invalid_parameter(format!(
            "User does not have delivery config set to turn on {}",
            method.name()
        )))
    }
}
