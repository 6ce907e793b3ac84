//! A user as the index keeps it: what a crawl writes and what a query reads back.

use crate::cognito::ids::Username;
use crate::cognito::types::{AttributeType, EpochSeconds};
use crate::cognito::user_status::UserStatus;
use crate::cognito::users::{AdminGetUserResponse, MfaOptionType, UserType};

/// An MFA method a user has set up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MfaMethod {
    Sms,
    Totp,
    Email,
}

impl MfaMethod {
    pub const ALL: [Self; 3] = [Self::Sms, Self::Totp, Self::Email];

    /// As the query language and the index spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sms => "sms",
            Self::Totp => "totp",
            Self::Email => "email",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.as_str() == text)
    }

    /// From AdminGetUser's `UserMFASettingList` (`SMS_MFA`, `SOFTWARE_TOKEN_MFA`, `EMAIL_OTP`).
    pub fn from_setting(setting: &str) -> Option<Self> {
        match setting {
            "SMS_MFA" => Some(Self::Sms),
            "SOFTWARE_TOKEN_MFA" => Some(Self::Totp),
            "EMAIL_OTP" => Some(Self::Email),
            _ => None,
        }
    }

    /// From a legacy `MFAOptions` entry, the only MFA ListUsers reports (its delivery medium).
    fn from_option(option: &MfaOptionType) -> Option<Self> {
        match option.delivery_medium.as_deref() {
            Some("SMS") => Some(Self::Sms),
            Some("EMAIL") => Some(Self::Email),
            _ => None,
        }
    }
}

/// One user to write into the index, and the user part of what a query reads.
#[derive(Debug, Clone, PartialEq)]
pub struct UserRecord {
    pub username: Username,
    pub status: UserStatus,
    pub enabled: bool,
    /// Whole seconds are kept: every query compares dates to the second.
    pub created: Option<EpochSeconds>,
    pub modified: Option<EpochSeconds>,
    /// Sorted, no repeats.
    pub mfa: Vec<MfaMethod>,
    /// Attributes with a value; one without is not kept.
    pub attributes: Vec<AttributeType>,
}

impl UserRecord {
    fn new(
        username: Username,
        status: Option<UserStatus>,
        enabled: Option<bool>,
        dates: (Option<EpochSeconds>, Option<EpochSeconds>),
        mut mfa: Vec<MfaMethod>,
        attributes: Vec<AttributeType>,
    ) -> Self {
        mfa.sort_unstable();
        mfa.dedup();
        Self {
            username,
            status: status.unwrap_or(UserStatus::Unknown),
            // ListUsers leaves Enabled out of no user; if it did, the user is not known disabled.
            enabled: enabled.unwrap_or(true),
            created: dates.0,
            modified: dates.1,
            mfa,
            attributes: attributes
                .into_iter()
                .filter(|a| a.value.is_some())
                .collect(),
        }
    }
}

/// ListUsers reports only the legacy SMS `MFAOptions`; a user's TOTP or email MFA shows only in
/// AdminGetUser (see the `From<(Username, AdminGetUserResponse)>` conversion).
impl From<UserType> for UserRecord {
    fn from(user: UserType) -> Self {
        let mfa = user
            .mfa_options
            .iter()
            .filter_map(MfaMethod::from_option)
            .collect();
        Self::new(
            user.username,
            user.user_status,
            user.enabled,
            (user.user_create_date, user.user_last_modified_date),
            mfa,
            user.attributes,
        )
    }
}

impl From<(Username, AdminGetUserResponse)> for UserRecord {
    fn from((username, user): (Username, AdminGetUserResponse)) -> Self {
        let mut mfa: Vec<MfaMethod> = user
            .user_mfa_setting_list
            .iter()
            .filter_map(|s| MfaMethod::from_setting(s))
            .collect();
        mfa.extend(user.mfa_options.iter().filter_map(MfaMethod::from_option));
        Self::new(
            user.username.unwrap_or(username),
            user.user_status,
            user.enabled,
            (user.user_create_date, user.user_last_modified_date),
            mfa,
            user.user_attributes,
        )
    }
}

/// A user a query found: the record and the groups the user is in (sorted).
#[derive(Debug, Clone, PartialEq)]
pub struct IndexedUser {
    pub user: UserRecord,
    pub groups: Vec<String>,
}

impl IndexedUser {
    /// As ListUsers would show the user, for the views that show `UserType` rows.
    pub fn to_user_type(&self) -> UserType {
        let u = &self.user;
        UserType {
            username: u.username.clone(),
            attributes: u.attributes.clone(),
            user_create_date: u.created,
            user_last_modified_date: u.modified,
            enabled: Some(u.enabled),
            user_status: Some(u.status.clone()),
            mfa_options: u
                .mfa
                .iter()
                .filter(|m| **m == MfaMethod::Sms)
                .map(|_| MfaOptionType {
                    delivery_medium: Some("SMS".to_owned()),
                    attribute_name: Some("phone_number".to_owned()),
                })
                .collect(),
        }
    }

    /// The value of attribute `name`.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        crate::cognito::types::attribute(&self.user.attributes, name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listed_user_keeps_its_fields_and_its_sms_mfa() {
        let json = r#"{"Username":"ann","Attributes":[{"Name":"email","Value":"ann@example.com"},{"Name":"x"}],
            "UserCreateDate":1.7e9,"Enabled":false,"UserStatus":"CONFIRMED",
            "MFAOptions":[{"DeliveryMedium":"SMS","AttributeName":"phone_number"}]}"#;
        let user: UserType = serde_json::from_str(json).unwrap();
        let record = UserRecord::from(user);
        assert_eq!(record.username.as_str(), "ann");
        assert_eq!(record.status, UserStatus::Confirmed);
        assert!(!record.enabled);
        assert_eq!(record.mfa, [MfaMethod::Sms]);
        assert_eq!(
            record.attributes,
            [AttributeType::new("email", "ann@example.com")]
        );
    }

    #[test]
    fn a_read_user_reports_every_mfa_method() {
        let json = r#"{"Username":"bob","UserAttributes":[],"UserStatus":"CONFIRMED",
            "UserMFASettingList":["SOFTWARE_TOKEN_MFA","SMS_MFA","EMAIL_OTP"]}"#;
        let user: AdminGetUserResponse = serde_json::from_str(json).unwrap();
        let record = UserRecord::from((Username::new("bob"), user));
        assert_eq!(record.mfa, MfaMethod::ALL);
        assert!(record.enabled);
    }
}
