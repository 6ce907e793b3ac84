//! The detail views and the pool overview: each answer kept as JSON for `y`, read typed for the
//! fields, with the related lists (a user's groups, a group's members) fetched in full.

use futures::TryStreamExt as _;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::app::browse::detail;
use crate::app::browse::detail::DetailBody;
use crate::app::browse::panes::overview;
use crate::app::browse::user_detail;
use crate::app::state::Overview;
use crate::aws::AwsError;
use crate::cognito::clients::DescribeUserPoolClientResponse;
use crate::cognito::groups::{
    AdminListGroupsForUserRequest, GroupResponse, ListUsersInGroupRequest,
};
use crate::cognito::idps::DescribeIdentityProviderResponse;
use crate::cognito::paginate::{Page, PagedRequest, pages};
use crate::cognito::pools::UserPoolType;
use crate::cognito::types::{EpochSeconds, Secret};
use crate::cognito::users::{AdminGetUserResponse, UserType};
use crate::cognito::verdict::{self, Facts};
use crate::cognito::{ClientId, CognitoClient, GroupName, PoolId, ProviderName, Username};

/// Reads a typed view of a response kept as JSON.
fn typed<T: DeserializeOwned>(operation: &str, raw: &Value) -> Result<T, AwsError> {
    serde_json::from_value(raw.clone()).map_err(|e| AwsError::Decode {
        operation: operation.to_owned(),
        status: 200,
        detail: e.to_string(),
    })
}

fn missing(operation: &str, field: &str) -> AwsError {
    AwsError::Decode {
        operation: operation.to_owned(),
        status: 200,
        detail: format!("the answer has no {field}"),
    }
}

/// A describe call's answer kept as JSON, and the one item it describes (`field`, taken from the
/// typed answer by `item`), which every answer but a broken one has.
async fn describe_one<A: DeserializeOwned, T>(
    client: &CognitoClient,
    operation: &str,
    input: &Value,
    field: &str,
    item: impl FnOnce(A) -> Option<T>,
) -> Result<(Value, T), AwsError> {
    let raw = client.call_json(operation, input).await?;
    let found = item(typed(operation, &raw)?).ok_or_else(|| missing(operation, field))?;
    Ok((raw, found))
}

/// A page of groups or users kept as JSON, for the raw view.
#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct RawPage {
    #[serde(default)]
    groups: Vec<Value>,
    #[serde(default)]
    users: Vec<Value>,
    next_token: Option<String>,
}

impl Page for RawPage {
    fn next_token(&self) -> Option<&str> {
        self.next_token.as_deref()
    }
}

/// Every item of every page.
async fn all_raw<Req: PagedRequest>(
    client: &CognitoClient,
    operation: &'static str,
    input: Req,
    items: fn(RawPage) -> Vec<Value>,
) -> Result<Vec<Value>, AwsError> {
    pages::<Req, RawPage>(client.clone(), operation, input)
        .map_ok(|page| futures::stream::iter(items(page).into_iter().map(Ok)))
        .try_flatten()
        .try_collect()
        .await
}

/// The Overview: DescribeUserPool, and GetUserPoolMfaConfig for the MFA methods (an endpoint
/// that lacks it costs that one line, not the Overview).
pub async fn describe_pool(client: &CognitoClient, pool: &PoolId) -> Result<Overview, AwsError> {
    let described = user_pool(client, pool).await?;
    let mfa = client.get_user_pool_mfa_config(pool).await;
    Ok(overview::lines(&described, mfa))
}

/// DescribeUserPool's pool, which every answer but a broken one has.
pub async fn user_pool(client: &CognitoClient, pool: &PoolId) -> Result<UserPoolType, AwsError> {
    let described = client.describe_user_pool(pool).await?;
    described
        .user_pool
        .ok_or_else(|| missing("DescribeUserPool", "UserPool"))
}

/// A pool's ARN, which panes on the pool's other resources (its tags) are read through.
pub async fn pool_arn(client: &CognitoClient, pool: &PoolId) -> Result<String, AwsError> {
    user_pool(client, pool)
        .await?
        .arn
        .ok_or_else(|| missing("DescribeUserPool", "UserPool.Arn"))
}

/// AdminGetUser, with the user's groups (all pages) added to the raw answer as `Groups`, judged
/// (`cognito::verdict`) with the pool's settings and the user's recent sign-in events, which are
/// read beside the groups.
pub async fn user_detail(
    client: &CognitoClient,
    pool: &PoolId,
    user: &Username,
) -> Result<DetailBody, AwsError> {
    let mut raw = client.admin_get_user_json(pool, user).await?;
    let answer: AdminGetUserResponse = typed("AdminGetUser", &raw)?;
    let input = AdminListGroupsForUserRequest {
        user_pool_id: pool.clone(),
        username: user.clone(),
        limit: 60,
        next_token: None,
    };
    let (groups, described, history) = tokio::join!(
        all_raw(client, "AdminListGroupsForUser", input, |p| p.groups),
        user_pool(client, pool),
        client.sign_in_history(pool, user),
    );
    let groups = groups?;
    let names: Vec<String> = groups
        .iter()
        .filter_map(|g| g.get("GroupName")?.as_str().map(str::to_owned))
        .collect();
    nest(&mut raw, "Groups", groups);
    let body = user_detail::user_body(&answer, &names, raw);
    // Without the pool's settings there is no verdict to give; the facts are still shown.
    let Ok(described) = described else {
        return Ok(body);
    };
    let now = EpochSeconds::now().0;
    let verdict = verdict::verdict(&Facts {
        user: &answer,
        pool: &described,
        history: &history,
        now,
    });
    Ok(body.judged(verdict, &history, now))
}

/// Adds a listing's items to a describe answer under `key`, for the raw JSON view.
fn nest(raw: &mut Value, key: &str, items: Vec<Value>) {
    if let Value::Object(map) = raw {
        map.insert(key.to_owned(), Value::Array(items));
    }
}

/// GetGroup, with its members (all pages) added to the raw answer as `Users`.
pub async fn group_detail(
    client: &CognitoClient,
    pool: &PoolId,
    group: &GroupName,
) -> Result<DetailBody, AwsError> {
    let input = json!({ "UserPoolId": pool, "GroupName": group });
    let (mut raw, found) = describe_one(client, "GetGroup", &input, "Group", |a: GroupResponse| {
        a.group
    })
    .await?;
    let input = ListUsersInGroupRequest {
        user_pool_id: pool.clone(),
        group_name: group.clone(),
        limit: 60,
        next_token: None,
    };
    let users = all_raw(client, "ListUsersInGroup", input, |p| p.users).await?;
    let members = users
        .iter()
        .map(|u| typed::<UserType>("ListUsersInGroup", u))
        .collect::<Result<Vec<_>, _>>()?;
    nest(&mut raw, "Users", users);
    Ok(detail::group_body(&found, &members, raw))
}

pub async fn client_detail(
    client: &CognitoClient,
    pool: &PoolId,
    id: &ClientId,
) -> Result<DetailBody, AwsError> {
    let input = json!({ "UserPoolId": pool, "ClientId": id });
    let item = |a: DescribeUserPoolClientResponse| a.user_pool_client;
    let (raw, found) = describe_one(
        client,
        "DescribeUserPoolClient",
        &input,
        "UserPoolClient",
        item,
    )
    .await?;
    Ok(detail::client_body(&found, raw))
}

/// An app client's secret alone, read when the person asks to see it (`None`: it has none). It goes
/// straight to the overlay that shows it, never into the detail's JSON.
pub async fn client_secret(
    client: &CognitoClient,
    pool: &PoolId,
    id: &ClientId,
) -> Result<Option<Secret>, AwsError> {
    let described = client.describe_user_pool_client(pool, id).await?;
    let found = described
        .user_pool_client
        .ok_or_else(|| missing("DescribeUserPoolClient", "UserPoolClient"))?;
    Ok(found.client_secret)
}

pub async fn idp_detail(
    client: &CognitoClient,
    pool: &PoolId,
    provider: &ProviderName,
) -> Result<DetailBody, AwsError> {
    let input = json!({ "UserPoolId": pool, "ProviderName": provider });
    let item = |a: DescribeIdentityProviderResponse| a.identity_provider;
    let (raw, found) = describe_one(
        client,
        "DescribeIdentityProvider",
        &input,
        "IdentityProvider",
        item,
    )
    .await?;
    // Which clients enable it is read with other permissions (DescribeUserPoolClient): when they
    // are missing, the provider is still shown, and the section says why it is empty.
    let enabling = client.clients_enabling(pool, provider.as_str()).await;
    let enabling = enabling.as_deref().map_err(crate::cognito::describe_error);
    Ok(detail::idp_body(&found, enabling, raw))
}
