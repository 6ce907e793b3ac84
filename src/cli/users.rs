//! `users …`: list (streamed page by page), get, and dispatch of the actions on users (kept in
//! `user_create`, `user_passwords`, `user_security` and `bulk`).

use std::io::Write;
use std::pin::pin;

use futures::TryStreamExt as _;
use serde_json::json;
use serde_json::value::RawValue;

use super::args::{OutputFormat, UserTarget, UsersCommand};
use super::output::{Out, write_json};
use super::user_rows::UserWriter;
use super::{
    CliError, CliResult, bulk, resolve_pool, user_attributes, user_create, user_passwords,
    user_security,
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
        } => {
            let pool = resolve_pool(client, &pool.pool).await?;
            let mut request = ListUsersRequest::new(pool);
            request.filter = filter;
            request.pagination_token = starting_token;
            list(client, format, request, attributes).await
        }
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

/// Streams users to stdout as pages arrive; memory stays one page whatever the pool's size. A
/// listing that fails part-way still leaves stdout whole (a closed JSON array, complete lines) and
/// says how many users came before the failure and the token to continue from.
async fn list(
    client: &CognitoClient,
    format: OutputFormat,
    mut request: ListUsersRequest,
    attributes: Vec<String>,
) -> CliResult {
    if !attributes.is_empty() {
        request.attributes_to_get = Some(attributes.clone());
    }
    let mut progress = Progress::default();
    let mut out = Out::stdout();
    if format == OutputFormat::Json {
        // Users are copied byte for byte as ListUsers returned them.
        let mut pages = pin!(client.list_users_as::<Box<RawValue>>(request));
        // Nothing reaches stdout until the first page arrived: a failed call leaves it empty.
        let mut next = pages.try_next().await?;
        out.write_all(b"[")?;
        let outcome = loop {
            let Some(page) = next else {
                break Ok(());
            };
            for user in &page.users {
                out.write_all(if progress.users == 0 {
                    b"\n  "
                } else {
                    b",\n  "
                })?;
                out.write_all(user.get().as_bytes())?;
                progress.users += 1;
            }
            progress.token.clone_from(&page.pagination_token);
            out.flush()?;
            match pages.try_next().await {
                Ok(page) => next = page,
                Err(e) => break Err(e),
            }
        };
        out.write_all(if progress.users == 0 {
            b"]\n"
        } else {
            b"\n]\n"
        })?;
        out.flush()?;
        return outcome.map_err(|e| progress.failed(&e));
    }
    let columns = if !attributes.is_empty() {
        attributes
    } else if format == OutputFormat::Csv {
        pool_attribute_names(client, &request.user_pool_id).await?
    } else {
        vec!["email".to_owned()]
    };
    let mut pages = pin!(client.list_users(request));
    let mut writer = UserWriter::new(format, &columns);
    loop {
        match pages.try_next().await {
            Ok(Some(page)) => {
                writer.write(&mut out, &page.users)?;
                out.flush()?;
                progress.users += page.users.len();
                progress.token.clone_from(&page.pagination_token);
            }
            Ok(None) => break,
            Err(e) if progress.users == 0 => return Err(e.into()),
            Err(e) => return Err(progress.failed(&e)),
        }
    }
    writer.finish(&mut out)?;
    Ok(out.flush()?)
}

/// How far a listing got: the users written and the token of the page that comes next.
#[derive(Debug, Default)]
struct Progress {
    users: usize,
    token: Option<String>,
}

impl Progress {
    fn failed(self, e: &crate::aws::AwsError) -> CliError {
        let users = self.users;
        let mut text = format!(
            "{} ({users} user{} written before it failed",
            crate::cognito::describe_error(e),
            if users == 1 { "" } else { "s" }
        );
        if let Some(token) = self.token.filter(|_| users > 0) {
            text.push_str("; continue with --starting-token ");
            text.push_str(&token);
        }
        text.push(')');
        CliError::Incomplete(text)
    }
}

/// Every attribute the pool's schema declares, `custom:` ones with their prefix.
async fn pool_attribute_names(
    client: &CognitoClient,
    pool: &PoolId,
) -> Result<Vec<String>, CliError> {
    let described = client.describe_user_pool(pool).await?;
    let schema = described
        .user_pool
        .map(|p| p.schema_attributes)
        .unwrap_or_default();
    Ok(schema
        .iter()
        .filter_map(crate::cognito::pools::SchemaAttributeType::user_attribute_name)
        .collect())
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
