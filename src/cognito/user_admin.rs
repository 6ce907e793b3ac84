//! Changing users: create, edit attributes, enable/disable, delete, passwords, confirm, sign out.

use serde::{Deserialize, Serialize};

use super::client::CognitoClient;
use super::ids::{PoolId, Username};
use super::types::{AttributeType, Secret};
use super::users::{UserRef, UserType};
use crate::aws::AwsError;

#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct AdminCreateUserRequest {
    pub user_pool_id: PoolId,
    pub username: Username,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub user_attributes: Vec<AttributeType>,
    /// Never printed: `Secret` masks itself in Debug.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub temporary_password: Option<Secret>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub force_alias_creation: Option<bool>,
    /// `RESEND` (invitation again) or `SUPPRESS` (no message).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_action: Option<String>,
    /// `EMAIL` and/or `SMS`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub desired_delivery_mediums: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AdminCreateUserResponse {
    pub user: Option<UserType>,
}

/// The empty answer of operations without output.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
pub struct Empty {}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct UpdateAttributes<'a> {
    user_pool_id: &'a PoolId,
    username: &'a Username,
    user_attributes: &'a [AttributeType],
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct DeleteAttributes<'a> {
    user_pool_id: &'a PoolId,
    username: &'a Username,
    user_attribute_names: &'a [String],
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct SetPassword<'a> {
    user_pool_id: &'a PoolId,
    username: &'a Username,
    password: &'a Secret,
    permanent: bool,
}

impl CognitoClient {
    pub async fn admin_create_user(
        &self,
        request: &AdminCreateUserRequest,
    ) -> Result<AdminCreateUserResponse, AwsError> {
        self.call("AdminCreateUser", request).await
    }

    pub async fn admin_update_user_attributes(
        &self,
        pool: &PoolId,
        username: &Username,
        attributes: &[AttributeType],
    ) -> Result<(), AwsError> {
        let input = UpdateAttributes {
            user_pool_id: pool,
            username,
            user_attributes: attributes,
        };
        self.act("AdminUpdateUserAttributes", &input).await
    }

    pub async fn admin_delete_user_attributes(
        &self,
        pool: &PoolId,
        username: &Username,
        names: &[String],
    ) -> Result<(), AwsError> {
        let input = DeleteAttributes {
            user_pool_id: pool,
            username,
            user_attribute_names: names,
        };
        self.act("AdminDeleteUserAttributes", &input).await
    }

    pub async fn admin_disable_user(
        &self,
        pool: &PoolId,
        username: &Username,
    ) -> Result<(), AwsError> {
        self.user_call("AdminDisableUser", pool, username).await
    }

    pub async fn admin_enable_user(
        &self,
        pool: &PoolId,
        username: &Username,
    ) -> Result<(), AwsError> {
        self.user_call("AdminEnableUser", pool, username).await
    }

    pub async fn admin_delete_user(
        &self,
        pool: &PoolId,
        username: &Username,
    ) -> Result<(), AwsError> {
        self.user_call("AdminDeleteUser", pool, username).await
    }

    pub async fn admin_reset_user_password(
        &self,
        pool: &PoolId,
        username: &Username,
    ) -> Result<(), AwsError> {
        self.user_call("AdminResetUserPassword", pool, username)
            .await
    }

    pub async fn admin_confirm_sign_up(
        &self,
        pool: &PoolId,
        username: &Username,
    ) -> Result<(), AwsError> {
        self.user_call("AdminConfirmSignUp", pool, username).await
    }

    /// Signs the user out everywhere: refresh tokens are revoked and Cognito stops accepting their
    /// access tokens; JWTs already issued still verify offline (at your APIs) until they expire.
    pub async fn admin_user_global_sign_out(
        &self,
        pool: &PoolId,
        username: &Username,
    ) -> Result<(), AwsError> {
        self.user_call("AdminUserGlobalSignOut", pool, username)
            .await
    }

    pub async fn admin_set_user_password(
        &self,
        pool: &PoolId,
        username: &Username,
        password: &Secret,
        permanent: bool,
    ) -> Result<(), AwsError> {
        let input = SetPassword {
            user_pool_id: pool,
            username,
            password,
            permanent,
        };
        self.act("AdminSetUserPassword", &input).await
    }

    async fn user_call(
        &self,
        operation: &'static str,
        pool: &PoolId,
        username: &Username,
    ) -> Result<(), AwsError> {
        self.act(operation, &UserRef::new(pool, username)).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn create_user_request_shape_and_no_password_in_debug() {
        let r = AdminCreateUserRequest {
            user_pool_id: PoolId::new("us-east-1_x"),
            username: Username::new("ann"),
            user_attributes: vec![AttributeType::new("email", "ann@example.com")],
            temporary_password: Some(Secret::new("Tmp-Passw0rd!")),
            message_action: Some("SUPPRESS".into()),
            ..AdminCreateUserRequest::default()
        };
        let v = serde_json::to_value(&r).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"UserPoolId":"us-east-1_x","Username":"ann",
                "UserAttributes":[{"Name":"email","Value":"ann@example.com"}],
                "TemporaryPassword":"Tmp-Passw0rd!","MessageAction":"SUPPRESS"})
        );
        assert!(!format!("{r:?}").contains("Tmp-Passw0rd!"));
    }
}
