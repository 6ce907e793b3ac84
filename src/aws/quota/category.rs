//! Cognito's request-rate categories: every user-pool operation counts against one, and each
//! category has one rate per account and region ("Quotas in Amazon Cognito", the table of user pool
//! API operation categories). The client's scheduler paces by them; the local server's
//! `--emulate-aws` refuses by them.

use std::fmt;
use std::str::FromStr;

/// A quota category, named as the AWS documentation and the Service Quotas console name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, strum::EnumIter)]
pub enum Category {
    UserAuthentication,
    UserCreation,
    UserAccountRecovery,
    UserRead,
    UserUpdate,
    UserList,
    UserResourceRead,
    UserResourceUpdate,
    UserPoolRead,
    UserPoolUpdate,
    UserPoolResourceRead,
    UserPoolResourceUpdate,
}

impl Category {
    /// The documented default rate, in requests a second. UserList is not adjustable; an account
    /// may have raised the others (`[quotas]` in config.toml says so).
    pub fn default_rate(self) -> f64 {
        match self {
            Self::UserAuthentication | Self::UserRead => 120.0,
            Self::UserCreation | Self::UserResourceRead => 50.0,
            Self::UserAccountRecovery | Self::UserList => 30.0,
            Self::UserUpdate | Self::UserResourceUpdate => 25.0,
            Self::UserPoolResourceRead => 20.0,
            Self::UserPoolRead | Self::UserPoolUpdate | Self::UserPoolResourceUpdate => 15.0,
        }
    }

    /// Whether AWS lets an account raise it (UserList is fixed at 30 a second).
    pub fn adjustable(self) -> bool {
        self != Self::UserList
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::UserAuthentication => "UserAuthentication",
            Self::UserCreation => "UserCreation",
            Self::UserAccountRecovery => "UserAccountRecovery",
            Self::UserRead => "UserRead",
            Self::UserUpdate => "UserUpdate",
            Self::UserList => "UserList",
            Self::UserResourceRead => "UserResourceRead",
            Self::UserResourceUpdate => "UserResourceUpdate",
            Self::UserPoolRead => "UserPoolRead",
            Self::UserPoolUpdate => "UserPoolUpdate",
            Self::UserPoolResourceRead => "UserPoolResourceRead",
            Self::UserPoolResourceUpdate => "UserPoolResourceUpdate",
        }
    }

    pub fn all() -> impl Iterator<Item = Self> {
        <Self as strum::IntoEnumIterator>::iter()
    }

    /// The category `operation` counts against. Operations the table does not name (new ones the
    /// model gains) count as a pool resource read or update, the most cautious of the rates that
    /// fit an unknown operation.
    pub fn of(operation: &str) -> Self {
        match operation {
            "ListUsers" | "ListUsersInGroup" => Self::UserList,
            "AdminCreateUser" | "SignUp" => Self::UserCreation,
            "AdminResetUserPassword" | "ForgotPassword" | "ConfirmForgotPassword" => {
                Self::UserAccountRecovery
            }
            "AdminInitiateAuth"
            | "AdminRespondToAuthChallenge"
            | "InitiateAuth"
            | "RespondToAuthChallenge"
            | "GetTokensFromRefreshToken"
            | "AssociateSoftwareToken"
            | "VerifySoftwareToken"
            | "RevokeToken" => Self::UserAuthentication,
            "AdminGetUser"
            | "GetUser"
            | "AdminGetUserAuthFactors"
            | "GetUserAuthFactors"
            | "AdminListUserSessions"
            | "ListUserSessions"
            | "ListWebAuthnCredentials" => Self::UserRead,
            "AdminListGroupsForUser"
            | "AdminListDevices"
            | "AdminGetDevice"
            | "GetDevice"
            | "ListDevices"
            | "AdminListUserAuthEvents"
            | "GetGroup"
            | "ListGroups" => Self::UserResourceRead,
            "CreateGroup" | "UpdateGroup" | "DeleteGroup" => Self::UserResourceUpdate,
            "DescribeUserPool"
            | "ListUserPools"
            | "GetUserPoolMfaConfig"
            | "ListTagsForResource"
            | "DescribeRiskConfiguration"
            | "GetLogDeliveryConfiguration"
            | "ListUserPoolReplicas"
            | "GetUserPoolSessionConfiguration" => Self::UserPoolRead,
            "CreateUserPool"
            | "UpdateUserPool"
            | "DeleteUserPool"
            | "SetUserPoolMfaConfig"
            | "AddCustomAttributes"
            | "TagResource"
            | "UntagResource"
            | "SetRiskConfiguration"
            | "SetLogDeliveryConfiguration"
            | "SetUserPoolSessionConfiguration" => Self::UserPoolUpdate,
            op if op.starts_with("Admin") || is_user_self_service(op) => Self::UserUpdate,
            op if is_read(op) => Self::UserPoolResourceRead,
            _ => Self::UserPoolResourceUpdate,
        }
    }
}

/// The operations a signed-in user (or an administrator) calls on one user's own account.
fn is_user_self_service(operation: &str) -> bool {
    matches!(
        operation,
        "ChangePassword"
            | "ConfirmDevice"
            | "ConfirmSignUp"
            | "DeleteUser"
            | "DeleteUserAttributes"
            | "ForgetDevice"
            | "GlobalSignOut"
            | "ResendConfirmationCode"
            | "SetUserMFAPreference"
            | "SetUserSettings"
            | "UpdateAuthEventFeedback"
            | "UpdateDeviceStatus"
            | "UpdateUserAttributes"
            | "VerifyUserAttribute"
            | "GetUserAttributeVerificationCode"
            | "StartWebAuthnRegistration"
            | "CompleteWebAuthnRegistration"
            | "DeleteWebAuthnCredential"
            | "RevokeUserSession"
    )
}

fn is_read(operation: &str) -> bool {
    ["Describe", "List", "Get"]
        .iter()
        .any(|p| operation.starts_with(p))
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Category {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::all().find(|c| c.name() == s).ok_or_else(|| {
            let names: Vec<_> = Self::all().map(Self::name).collect();
            format!(
                "{s:?} is not a Cognito quota category (one of {})",
                names.join(", ")
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cognito::operations;

    #[test]
    fn listing_users_is_the_fixed_thirty_a_second() {
        assert_eq!(Category::of("ListUsers"), Category::UserList);
        assert_eq!(Category::of("ListUsersInGroup"), Category::UserList);
        assert!((Category::UserList.default_rate() - 30.0).abs() < f64::EPSILON);
        assert!(!Category::UserList.adjustable());
        assert!(Category::UserRead.adjustable());
    }

    #[test]
    fn the_common_calls_fall_in_their_documented_categories() {
        for (op, cat) in [
            ("AdminGetUser", Category::UserRead),
            ("AdminDisableUser", Category::UserUpdate),
            ("AdminSetUserPassword", Category::UserUpdate),
            ("AdminResetUserPassword", Category::UserAccountRecovery),
            ("AdminCreateUser", Category::UserCreation),
            ("AdminListGroupsForUser", Category::UserResourceRead),
            ("ListGroups", Category::UserResourceRead),
            ("CreateGroup", Category::UserResourceUpdate),
            ("DescribeUserPool", Category::UserPoolRead),
            ("UpdateUserPool", Category::UserPoolUpdate),
            ("DescribeUserPoolClient", Category::UserPoolResourceRead),
            ("GetCSVHeader", Category::UserPoolResourceRead),
            ("UpdateUserPoolClient", Category::UserPoolResourceUpdate),
            ("InitiateAuth", Category::UserAuthentication),
        ] {
            assert_eq!(Category::of(op), cat, "{op}");
        }
    }

    #[test]
    fn every_read_of_the_model_counts_as_a_read_and_every_write_as_a_write() {
        let reads = [
            Category::UserRead,
            Category::UserList,
            Category::UserResourceRead,
            Category::UserPoolRead,
            Category::UserPoolResourceRead,
        ];
        for spec in operations::all() {
            let category = Category::of(spec.name);
            if spec.is_read_only() {
                assert!(reads.contains(&category), "{} -> {category}", spec.name);
            } else {
                assert!(!reads.contains(&category), "{} -> {category}", spec.name);
            }
        }
    }

    #[test]
    fn names_read_back_and_a_misspelt_one_lists_the_names() {
        for c in Category::all() {
            assert_eq!(c.name().parse::<Category>(), Ok(c));
        }
        let err = "UserLists".parse::<Category>().unwrap_err();
        assert!(err.contains("UserList,"), "{err}");
    }
}
