//! `users …`: list (streamed page by page), get, and dispatch of the actions on users (kept in
//! `user_create`, `user_passwords`, `user_security` and `bulk`).

use std::io::Write;

use futures::TryStreamExt as _;
use serde_json::json;

use super::args::{OutputFormat, UserTarget, UsersCommand};
use super::output::{Out, write_json};
use super::{
    CliError, CliResult, bulk, index, resolve_pool, user_attributes, user_create, user_list,
    user_passwords, user_security,
};
use crate::cognito::types::AttributeType;
use crate::cognito::users::ListUsersRequest;
use crate::cognito::{CognitoClient, PoolId, Username};
use crate::shared::bulk::BulkAction;

pub async fn run(client: &CognitoClient, format: OutputFormat, command: UsersCommand) -> CliResult {
    match command {
        UsersCommand::List {
            pool,
            filter,
            attributes,
            starting_token,
            partitioned,
        } => {
            let pool = resolve_pool(client, &pool.pool).await?;
            let mut request = ListUsersRequest::new(pool);
            request.filter = filter;
            request.pagination_token = starting_token;
            user_list::list(client, format, request, attributes, partitioned, None).await
        }
        c @ (UsersCommand::Index { .. }
        | UsersCommand::Query { .. }
        | UsersCommand::Count { .. }
        | UsersCommand::Export { .. }) => index::run(client, format, c).await,
        UsersCommand::Get(t) => get(client, format, &t).await,
        UsersCommand::Create(args) => user_create::create(client, format, args).await,
        UsersCommand::ResendInvitation { target, delivery } => {
            user_create::resend_invitation(client, format, &target, &delivery).await
        }
        UsersCommand::Groups(t) => {
            let (pool, user) = target(client, &t).await?;
            let groups = group_names(client, &pool, &user).await?;
            let mut out = Out::stdout();
            match format {
                OutputFormat::Json => write_json(&mut out, &json!(groups))?,
                _ => groups
                    .iter()
                    .try_for_each(|g| writeln!(out, "{}", super::output::escape(g)))?,
            }
            Ok(out.flush()?)
        }
        UsersCommand::SetPassword {
            target,
            permanent,
            generate,
        } => user_passwords::set_password(client, format, &target, permanent, generate).await,
        UsersCommand::Disable(t) => bulk::run(client, format, t, BulkAction::Disable).await,
        UsersCommand::Enable(t) => bulk::run(client, format, t, BulkAction::Enable).await,
        UsersCommand::Delete(t) => bulk::run(client, format, t, BulkAction::Delete).await,
        UsersCommand::SignOut(t) => bulk::run(client, format, t, BulkAction::SignOut).await,
        UsersCommand::AddToGroup(t) => bulk::run_group(client, format, t, true).await,
        UsersCommand::RemoveFromGroup(t) => bulk::run_group(client, format, t, false).await,
        UsersCommand::ResetPassword(t) => {
            let (pool, user) = target(client, &t).await?;
            client.admin_reset_user_password(&pool, &user).await?;
            let what = "password reset: they must set a new one with the code sent to them";
            done(format, "AdminResetUserPassword", &pool, &user, what)
        }
        UsersCommand::Confirm(t) => {
            let (pool, user) = target(client, &t).await?;
            client.admin_confirm_sign_up(&pool, &user).await?;
            done(
                format,
                "AdminConfirmSignUp",
                &pool,
                &user,
                "sign-up confirmed",
            )
        }
        UsersCommand::Mfa(t) => user_security::mfa(client, format, &t).await,
        UsersCommand::ResetMfa(t) => user_security::reset_mfa(client, format, &t).await,
        UsersCommand::Devices(t) => user_security::devices(client, format, &t).await,
        UsersCommand::ForgetDevice { target, device_key } => {
            user_security::forget_device(client, format, &target, &device_key).await
        }
        UsersCommand::AuthEvents(t) => user_security::auth_events(client, format, &t).await,
        UsersCommand::Diagnose(t) => super::user_diagnose::diagnose(client, format, &t).await,
        // `cli::run` takes it before connecting, for its --profiles and --regions; here, the one
        // connection made.
        UsersCommand::Find(args) => {
            super::user_find::search(std::slice::from_ref(client), format, &args, Vec::new()).await
        }
        UsersCommand::UpdateAttributes {
            target,
            attributes,
            dry_run,
        } => user_attributes::update(client, format, &target, &attributes, dry_run).await,
        UsersCommand::DeleteAttributes {
            target,
            names,
            dry_run,
        } => user_attributes::delete(client, format, &target, &names, dry_run).await,
        UsersCommand::LinkProvider { target, identity } => {
            user_attributes::link(client, format, &target, &identity).await
        }
        UsersCommand::UnlinkProvider { pool, identity } => {
            user_attributes::unlink(client, format, &pool, &identity).await
        }
    }
}

pub(super) async fn target(
    client: &CognitoClient,
    t: &UserTarget,
) -> Result<(PoolId, Username), CliError> {
    Ok((
        resolve_pool(client, &t.pool.pool).await?,
        Username::new(&t.username),
    ))
}

/// The result of a change to one user: `ann: disabled`, or a JSON object.
pub(super) fn done(
    format: OutputFormat,
    operation: &str,
    pool: &PoolId,
    user: &Username,
    what: &str,
) -> CliResult {
    let mut out = Out::stdout();
    match format {
        OutputFormat::Json => write_json(
            &mut out,
            &json!({"Operation": operation, "UserPoolId": pool, "Username": user, "Result": what}),
        )?,
        _ => writeln!(out, "{}: {what}", super::output::escape(user.as_str()))?,
    }
    Ok(out.flush()?)
}

async fn get(client: &CognitoClient, format: OutputFormat, t: &UserTarget) -> CliResult {
    let (pool, user) = target(client, t).await?;
    let mut response = client.admin_get_user_json(&pool, &user).await?;
    let groups = group_names(client, &pool, &user).await?;
    let mut out = Out::stdout();
    if format == OutputFormat::Json {
        if let Some(map) = response.as_object_mut() {
            map.insert("Groups".to_owned(), json!(groups));
        }
        write_json(&mut out, &response)?;
        return Ok(out.flush()?);
    }
    let text = |key: &str| super::output::cell(&response[key]);
    let date = |key: &str| super::output::date_cell(&response, key);
    let mut lines = vec![
        ("Username", text("Username")),
        ("Status", text("UserStatus")),
        ("Enabled", text("Enabled")),
        ("Created", date("UserCreateDate")),
        ("Modified", date("UserLastModifiedDate")),
        ("Preferred MFA", text("PreferredMfaSetting")),
        ("MFA methods", text("UserMFASettingList")),
        ("Groups", groups.join(", ")),
    ];
    let attributes: Vec<AttributeType> =
        serde_json::from_value(response["UserAttributes"].clone()).unwrap_or_default();
    for a in &attributes {
        lines.push((a.name.as_str(), a.value.clone().unwrap_or_default()));
    }
    let width = lines.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    for (key, value) in lines {
        writeln!(out, "{key:<width$}  {}", super::output::escape(&value))?;
    }
    Ok(out.flush()?)
}

pub(super) async fn group_names(
    client: &CognitoClient,
    pool: &PoolId,
    user: &Username,
) -> Result<Vec<String>, CliError> {
    let pages: Vec<_> = client
        .admin_list_groups_for_user(pool, user)
        .try_collect()
        .await?;
    Ok(pages
        .into_iter()
        .flat_map(|p| p.groups)
        .map(|g| g.group_name.to_string())
        .collect())
}
