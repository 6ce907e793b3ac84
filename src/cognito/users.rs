//! Users: the models, listing with a Filter, and reading one user.

use futures::Stream;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::client::CognitoClient;
use super::ids::{PoolId, Username};
use super::paginate::{Page, paged, pages};
use super::types::{AttributeType, EpochSeconds};
use super::user_status::UserStatus;
use crate::aws::AwsError;

/// ListUsers returns at most 60 users a page; AWS refuses a larger Limit.
pub const LIST_USERS_PAGE_SIZE: u32 = 60;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UserType {
    pub username: Username,
    #[serde(default)]
    pub attributes: Vec<AttributeType>,
    pub user_create_date: Option<EpochSeconds>,
    pub user_last_modified_date: Option<EpochSeconds>,
    pub enabled: Option<bool>,
    pub user_status: Option<UserStatus>,
    #[serde(rename = "MFAOptions", default, skip_serializing_if = "Vec::is_empty")]
    pub mfa_options: Vec<MfaOptionType>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct MfaOptionType {
    pub delivery_medium: Option<String>,
    pub attribute_name: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListUsersRequest {
    pub user_pool_id: PoolId,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attributes_to_get: Option<Vec<String>>,
    pub limit: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filter: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pagination_token: Option<String>,
}

impl ListUsersRequest {
    pub fn new(pool: PoolId) -> Self {
        Self {
            user_pool_id: pool,
            limit: LIST_USERS_PAGE_SIZE,
            ..Self::default()
        }
    }
}

paged!(request ListUsersRequest, pagination_token);

/// One page of users. `U` is `UserType`, or a raw JSON value to pass users through untouched.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[serde(bound(deserialize = "U: DeserializeOwned"))]
pub struct ListUsersResponse<U = UserType> {
    #[serde(default = "Vec::new")]
    pub users: Vec<U>,
    pub pagination_token: Option<String>,
}

impl<U: DeserializeOwned + Send + 'static> Page for ListUsersResponse<U> {
    fn next_token(&self) -> Option<&str> {
        self.pagination_token.as_deref()
    }
}

/// AdminGetUser's answer.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AdminGetUserResponse {
    pub username: Option<Username>,
    #[serde(default)]
    pub user_attributes: Vec<AttributeType>,
    pub user_create_date: Option<EpochSeconds>,
    pub user_last_modified_date: Option<EpochSeconds>,
    pub enabled: Option<bool>,
    pub user_status: Option<UserStatus>,
    #[serde(rename = "MFAOptions", default)]
    pub mfa_options: Vec<MfaOptionType>,
    pub preferred_mfa_setting: Option<String>,
    #[serde(rename = "UserMFASettingList", default)]
    pub user_mfa_setting_list: Vec<String>,
}

impl AdminGetUserResponse {
    /// The user as ListUsers would show them; `asked` when the answer leaves the name out.
    pub fn into_user(self, asked: &Username) -> UserType {
        UserType {
            username: self.username.unwrap_or_else(|| asked.clone()),
            attributes: self.user_attributes,
            user_create_date: self.user_create_date,
            user_last_modified_date: self.user_last_modified_date,
            enabled: self.enabled,
            user_status: self.user_status,
            mfa_options: self.mfa_options,
        }
    }
}

/// The `{UserPoolId, Username}` input many admin operations share.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct UserRef<'a> {
    pub user_pool_id: &'a PoolId,
    pub username: &'a Username,
}

impl<'a> UserRef<'a> {
    pub fn new(user_pool_id: &'a PoolId, username: &'a Username) -> Self {
        Self {
            user_pool_id,
            username,
        }
    }
}

impl CognitoClient {
    /// Pages of up to 60 users (the request's `limit` is capped there).
    pub fn list_users(
        &self,
        request: ListUsersRequest,
    ) -> impl Stream<Item = Result<ListUsersResponse, AwsError>> + Send + 'static {
        self.list_users_as(request)
    }

    /// Like `list_users`, with users decoded as `U` (e.g. `Box<RawValue>` to copy them verbatim).
    pub fn list_users_as<U: DeserializeOwned + Send + 'static>(
        &self,
        mut request: ListUsersRequest,
    ) -> impl Stream<Item = Result<ListUsersResponse<U>, AwsError>> + Send + 'static {
        // 0 (a defaulted request) means the most AWS allows, never one user a request.
        request.limit = match request.limit {
            0 => LIST_USERS_PAGE_SIZE,
            n => n.min(LIST_USERS_PAGE_SIZE),
        };
        pages(self.clone(), "ListUsers", request)
    }

    pub async fn admin_get_user(
        &self,
        pool: &PoolId,
        username: &Username,
    ) -> Result<AdminGetUserResponse, AwsError> {
        self.call("AdminGetUser", &UserRef::new(pool, username))
            .await
    }

    /// AdminGetUser as the service sent it, for views that show the raw response.
    pub async fn admin_get_user_json(
        &self,
        pool: &PoolId,
        username: &Username,
    ) -> Result<serde_json::Value, AwsError> {
        self.call("AdminGetUser", &UserRef::new(pool, username))
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cognito::user_filter::filter_expression;

    #[test]
    fn list_users_page_decodes_users_and_token() {
        let json = r#"{"Users":[{"Username":"ann","Attributes":[{"Name":"email","Value":"ann@example.com"}],
            "UserCreateDate":1.7e9,"UserLastModifiedDate":1700000001.5,"Enabled":true,"UserStatus":"CONFIRMED"}],
            "PaginationToken":"tok"}"#;
        let page: ListUsersResponse = serde_json::from_str(json).unwrap();
        assert_eq!(page.users[0].username.as_str(), "ann");
        assert_eq!(page.users[0].user_status, Some(UserStatus::Confirmed));
        assert_eq!(page.next_token(), Some("tok"));
        let raw: ListUsersResponse<Box<serde_json::value::RawValue>> =
            serde_json::from_str(json).unwrap();
        assert!(raw.users[0].get().starts_with("{\"Username\":\"ann\""));
    }

    #[test]
    fn list_users_request_shape() {
        let mut r = ListUsersRequest::new(PoolId::new("us-east-1_x"));
        r.filter = Some(filter_expression("email", true, "ann"));
        let v = serde_json::to_value(&r).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"UserPoolId":"us-east-1_x","Limit":60,"Filter":"email ^= \"ann\""})
        );
    }

    #[test]
    fn admin_get_user_decodes_mfa_fields() {
        let json = r#"{"Username":"bob","UserAttributes":[],"Enabled":false,"UserStatus":"FORCE_CHANGE_PASSWORD",
            "PreferredMfaSetting":"SOFTWARE_TOKEN_MFA","UserMFASettingList":["SOFTWARE_TOKEN_MFA"]}"#;
        let u: AdminGetUserResponse = serde_json::from_str(json).unwrap();
        assert_eq!(u.user_mfa_setting_list, ["SOFTWARE_TOKEN_MFA"]);
        assert_eq!(u.enabled, Some(false));
    }
}
