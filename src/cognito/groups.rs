//! Groups: list, read, create, update, delete, members, and a user's memberships.

use futures::Stream;
use serde::{Deserialize, Serialize};

use super::client::CognitoClient;
use super::ids::{GroupName, PoolId, Username};
use super::paginate::{paged, pages};
use super::types::EpochSeconds;
use super::users::UserType;
use crate::aws::AwsError;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GroupType {
    pub group_name: GroupName,
    pub user_pool_id: Option<PoolId>,
    pub description: Option<String>,
    pub role_arn: Option<String>,
    pub precedence: Option<i64>,
    pub last_modified_date: Option<EpochSeconds>,
    pub creation_date: Option<EpochSeconds>,
}

/// A group as created or updated: everything but the name is optional.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct GroupInput {
    pub user_pool_id: PoolId,
    pub group_name: GroupName,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub precedence: Option<i64>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GroupResponse {
    pub group: Option<GroupType>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListGroupsRequest {
    pub user_pool_id: PoolId,
    pub limit: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct AdminListGroupsForUserRequest {
    pub user_pool_id: PoolId,
    pub username: Username,
    pub limit: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// A page of groups: ListGroups and AdminListGroupsForUser answer the same shape.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GroupsPage {
    #[serde(default)]
    pub groups: Vec<GroupType>,
    pub next_token: Option<String>,
}
paged!(ListGroupsRequest => GroupsPage, next_token);

paged!(request AdminListGroupsForUserRequest, next_token);

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListUsersInGroupRequest {
    pub user_pool_id: PoolId,
    pub group_name: GroupName,
    pub limit: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListUsersInGroupResponse {
    #[serde(default)]
    pub users: Vec<UserType>,
    pub next_token: Option<String>,
}
paged!(ListUsersInGroupRequest => ListUsersInGroupResponse, next_token);

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct GroupRef<'a> {
    user_pool_id: &'a PoolId,
    group_name: &'a GroupName,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct Membership<'a> {
    user_pool_id: &'a PoolId,
    username: &'a Username,
    group_name: &'a GroupName,
}

impl<'a> Membership<'a> {
    fn new(user_pool_id: &'a PoolId, username: &'a Username, group_name: &'a GroupName) -> Self {
        Self {
            user_pool_id,
            username,
            group_name,
        }
    }
}

impl CognitoClient {
    /// Pages of up to 60 groups.
    pub fn list_groups(
        &self,
        pool: &PoolId,
    ) -> impl Stream<Item = Result<GroupsPage, AwsError>> + Send + 'static {
        let request = ListGroupsRequest {
            user_pool_id: pool.clone(),
            limit: 60,
            next_token: None,
        };
        pages(self.clone(), "ListGroups", request)
    }

    pub async fn get_group(
        &self,
        pool: &PoolId,
        group: &GroupName,
    ) -> Result<GroupResponse, AwsError> {
        self.call(
            "GetGroup",
            &GroupRef {
                user_pool_id: pool,
                group_name: group,
            },
        )
        .await
    }

    pub async fn create_group(&self, input: &GroupInput) -> Result<GroupResponse, AwsError> {
        self.call("CreateGroup", input).await
    }

    pub async fn update_group(&self, input: &GroupInput) -> Result<GroupResponse, AwsError> {
        self.call("UpdateGroup", input).await
    }

    pub async fn delete_group(&self, pool: &PoolId, group: &GroupName) -> Result<(), AwsError> {
        let input = GroupRef {
            user_pool_id: pool,
            group_name: group,
        };
        self.act("DeleteGroup", &input).await
    }

    /// Pages of up to 60 members of a group.
    pub fn list_users_in_group(
        &self,
        pool: &PoolId,
        group: &GroupName,
    ) -> impl Stream<Item = Result<ListUsersInGroupResponse, AwsError>> + Send + 'static {
        self.list_users_in_group_from(pool, group, None)
    }

    /// The members from the page `from` names (a listing that failed part-way goes on there).
    pub fn list_users_in_group_from(
        &self,
        pool: &PoolId,
        group: &GroupName,
        from: Option<String>,
    ) -> impl Stream<Item = Result<ListUsersInGroupResponse, AwsError>> + Send + 'static {
        let request = ListUsersInGroupRequest {
            user_pool_id: pool.clone(),
            group_name: group.clone(),
            limit: 60,
            next_token: from,
        };
        pages(self.clone(), "ListUsersInGroup", request)
    }

    /// Pages of up to 60 groups the user belongs to.
    pub fn admin_list_groups_for_user(
        &self,
        pool: &PoolId,
        username: &Username,
    ) -> impl Stream<Item = Result<GroupsPage, AwsError>> + Send + 'static {
        let request = AdminListGroupsForUserRequest {
            user_pool_id: pool.clone(),
            username: username.clone(),
            limit: 60,
            next_token: None,
        };
        pages(self.clone(), "AdminListGroupsForUser", request)
    }

    pub async fn admin_add_user_to_group(
        &self,
        pool: &PoolId,
        username: &Username,
        group: &GroupName,
    ) -> Result<(), AwsError> {
        let input = Membership::new(pool, username, group);
        self.act("AdminAddUserToGroup", &input).await
    }

    pub async fn admin_remove_user_from_group(
        &self,
        pool: &PoolId,
        username: &Username,
        group: &GroupName,
    ) -> Result<(), AwsError> {
        let input = Membership::new(pool, username, group);
        self.act("AdminRemoveUserFromGroup", &input).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_page_decodes() {
        let json = r#"{"Groups":[{"GroupName":"admins","UserPoolId":"us-east-1_x","Precedence":1,
            "RoleArn":"arn:aws:iam::123:role/admin","CreationDate":1.7e9}],"NextToken":"n"}"#;
        let page: GroupsPage = serde_json::from_str(json).unwrap();
        assert_eq!(page.groups[0].group_name.as_str(), "admins");
        assert_eq!(page.groups[0].precedence, Some(1));
        assert_eq!(page.next_token.as_deref(), Some("n"));
    }
}
