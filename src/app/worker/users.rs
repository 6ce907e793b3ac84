//! The worker's side of user administration: the reads the forms and views need, each change to a
//! user, bulk runs at a steady rate with a step per user, and the journal.

use futures::TryStreamExt as _;
use tokio::sync::mpsc;

use crate::app::action::{Action, Payload};
use crate::app::browse::rows::UserRow;
use crate::app::effect::{Change, NewUser, UserChange};
use crate::app::remote::{ErrorInfo, RequestId};
use crate::app::users::devices::{DeviceLine, EventLine};
use crate::app::users::dialog::MfaInfo;
use crate::app::users::forms::PoolSettings;
use crate::app::users::journal::JournalLine;
use crate::aws::AwsError;
use crate::cognito::types::AttributeType;
use crate::cognito::user_admin::AdminCreateUserRequest;
use crate::cognito::verify::accept_applied;
use crate::cognito::{CognitoClient, PoolId, Username};
use crate::shared::bulk::{BulkAction, Pacer, USER_UPDATE_PER_SECOND, apply_one, stops_the_run};
use crate::shared::journal::{Entry, Journal};

/// DescribeUserPool for the forms: schema attributes and password policy.
pub async fn pool_settings(client: &CognitoClient, pool: &PoolId) -> Result<Payload, AwsError> {
    let described = client.describe_user_pool(pool).await?;
    let pool = described.user_pool.unwrap_or_default();
    Ok(Payload::PoolSettings(PoolSettings::from_pool(&pool)))
}

/// AdminGetUser as a users-table row.
pub async fn user_row(
    client: &CognitoClient,
    pool: &PoolId,
    user: Username,
) -> Result<Payload, AwsError> {
    let row = client.admin_get_user(pool, &user).await?.into_user(&user);
    Ok(Payload::UserRow(Box::new(UserRow::from(&row))))
}

/// AdminGetUser's MFA fields.
pub async fn user_mfa(
    client: &CognitoClient,
    pool: &PoolId,
    user: &Username,
) -> Result<Payload, AwsError> {
    let got = client.admin_get_user(pool, user).await?;
    Ok(Payload::Mfa(MfaInfo {
        // moto sends "" where AWS leaves the field out.
        preferred: got
            .preferred_mfa_setting
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| "none".to_owned()),
        methods: got.user_mfa_setting_list,
    }))
}

/// The names of every group the user is in, all pages.
pub async fn user_groups(
    client: &CognitoClient,
    pool: &PoolId,
    user: &Username,
) -> Result<Payload, AwsError> {
    let names = client
        .admin_list_groups_for_user(pool, user)
        .map_ok(|page| {
            futures::stream::iter(
                page.groups
                    .into_iter()
                    .map(|g| Ok(g.group_name.to_string())),
            )
        })
        .try_flatten()
        .try_collect()
        .await?;
    Ok(Payload::UserGroups(names))
}

/// Every device the user remembers, all pages, each kept as the service sent it.
pub async fn devices(
    client: &CognitoClient,
    pool: &PoolId,
    user: &Username,
) -> Result<Payload, AwsError> {
    let mut lines = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let mut page = client
            .admin_list_devices_json(pool, user, token.as_deref())
            .await?;
        lines.extend(items(&mut page, "Devices").map(DeviceLine::from_json));
        token = page
            .get("PaginationToken")
            .and_then(|t| t.as_str())
            .filter(|t| !t.is_empty())
            .map(str::to_owned);
        if token.is_none() {
            break;
        }
    }
    Ok(Payload::Devices(lines))
}

/// The user's newest sign-in events, each kept as the service sent it.
pub async fn auth_events(
    client: &CognitoClient,
    pool: &PoolId,
    user: &Username,
) -> Result<Payload, AwsError> {
    // The newest 60 are what a support agent looks at.
    let mut page = client
        .admin_list_user_auth_events_json(pool, user, None)
        .await?;
    Ok(Payload::AuthEvents(
        items(&mut page, "AuthEvents")
            .map(EventLine::from_json)
            .collect(),
    ))
}

/// The members of the list `key` of a page, taken out of it.
fn items(page: &mut serde_json::Value, key: &str) -> impl Iterator<Item = serde_json::Value> {
    let list = match page.get_mut(key).map(serde_json::Value::take) {
        Some(serde_json::Value::Array(items)) => items,
        _ => Vec::new(),
    };
    list.into_iter()
}

/// Makes one change; every `Change` has its arm.
pub async fn change(
    client: &CognitoClient,
    request: RequestId,
    change: Change,
    actions: &mpsc::Sender<Action>,
) -> Result<(), AwsError> {
    match change {
        Change::CreateUser(new) => accept_applied(create_user(client, *new).await),
        Change::UpdateAttributes {
            pool,
            user,
            set,
            delete,
        } => update_attributes(client, &pool, &user, &set, &delete).await,
        Change::SetPassword {
            pool,
            user,
            password,
            permanent,
        } => {
            client
                .admin_set_user_password(&pool, &user, &password, permanent)
                .await
        }
        Change::User { pool, user, op } => {
            accept_applied(one_user(client, &pool, &user, &op).await)
        }
        // Nobody waits on each step: the person's own calls go first.
        Change::Bulk { pool, op, users } => {
            bulk(&client.background(), request, &pool, &op, &users, actions).await
        }
        Change::Pool(change) => super::admin::pool_change(client, change).await,
    }
}

/// The attributes to set, then the ones to delete (two calls: Cognito has no single one).
async fn update_attributes(
    client: &CognitoClient,
    pool: &PoolId,
    user: &Username,
    set: &[(String, String)],
    delete: &[String],
) -> Result<(), AwsError> {
    if !set.is_empty() {
        let attributes: Vec<AttributeType> = set
            .iter()
            .map(|(n, v)| AttributeType::new(n.as_str(), v.as_str()))
            .collect();
        accept_applied(
            client
                .admin_update_user_attributes(pool, user, &attributes)
                .await,
        )?;
    }
    if !delete.is_empty() {
        accept_applied(
            client
                .admin_delete_user_attributes(pool, user, delete)
                .await,
        )?;
    }
    Ok(())
}

async fn create_user(client: &CognitoClient, new: NewUser) -> Result<(), AwsError> {
    let request = AdminCreateUserRequest {
        user_pool_id: new.pool,
        username: new.username,
        user_attributes: new
            .attributes
            .iter()
            .map(|(n, v)| AttributeType::new(n.as_str(), v.as_str()))
            .collect(),
        temporary_password: new.temporary_password,
        force_alias_creation: None,
        message_action: new.suppress_invitation.then(|| "SUPPRESS".to_owned()),
        desired_delivery_mediums: if new.suppress_invitation {
            Vec::new()
        } else {
            new.delivery
        },
    };
    client.admin_create_user(&request).await.map(drop)
}

async fn one_user(
    client: &CognitoClient,
    pool: &PoolId,
    user: &Username,
    op: &UserChange,
) -> Result<(), AwsError> {
    client.act(op.operation(), &op.input(pool, user)).await
}

/// One user after another, at most `USER_UPDATE_PER_SECOND` a second; a step action each. The task
/// is aborted on Esc (Effect::Cancel): users not reached are not touched. An error that would fail
/// every other user too (unsupported, no permission, no such pool) ends the run with it.
async fn bulk(
    client: &CognitoClient,
    request: RequestId,
    pool: &PoolId,
    op: &BulkAction,
    users: &[Username],
    actions: &mpsc::Sender<Action>,
) -> Result<(), AwsError> {
    let pacer = Pacer::per_second(USER_UPDATE_PER_SECOND);
    for user in users {
        pacer.wait().await;
        let outcome = accept_applied(apply_one(client, pool, op, user).await);
        if let Err(e) = &outcome {
            tracing::warn!(%request, user = %user, error = %e, "bulk step failed");
        }
        let error = outcome.err();
        let step = Action::BulkStep {
            request,
            user: user.to_string(),
            error: error.as_ref().map(ErrorInfo::from_aws),
        };
        if actions.send(step).await.is_err() {
            return Ok(());
        }
        if let Some(e) = error.filter(stops_the_run) {
            return Err(e);
        }
    }
    Ok(())
}

/// The last `last` journal entries, read off the async threads.
pub async fn read_journal(last: usize) -> Result<Vec<JournalLine>, ErrorInfo> {
    let read = tokio::task::spawn_blocking(move || {
        Journal::open_default().and_then(|j| j.read_last(last))
    })
    .await;
    match read {
        Ok(Ok(entries)) => Ok(entries.iter().map(line).collect()),
        Ok(Err(e)) => Err(ErrorInfo::new(format!(
            "the journal could not be read: {e}"
        ))),
        Err(e) => Err(ErrorInfo::new(format!(
            "the journal could not be read: {e}"
        ))),
    }
}

fn line(e: &Entry) -> JournalLine {
    JournalLine {
        time: e.time.clone(),
        profile: e.profile.clone().unwrap_or_default(),
        region: e.region.clone(),
        pool: e.pool.clone(),
        operation: e.operation.clone(),
        target: e.target.clone(),
        result: e.outcome(),
        request_id: e.request_id.clone().unwrap_or_default(),
    }
}
