//! `users …`: list (streamed page by page), get, and the admin actions on one user.

use std::io::{self, BufRead as _, IsTerminal as _, Write};
use std::pin::pin;

use futures::TryStreamExt as _;
use serde_json::value::RawValue;
use serde_json::{Value, json};

use super::args::{CreateArgs, OutputFormat, UserTarget, UsersCommand};
use super::output::{Out, write_json};
use super::user_rows::UserWriter;
use super::{CliError, CliResult, resolve_pool};
use crate::cognito::types::{AttributeType, Secret};
use crate::cognito::user_admin::AdminCreateUserRequest;
use crate::cognito::users::ListUsersRequest;
use crate::cognito::{CognitoClient, GroupName, PoolId, Username};

pub async fn run(client: &CognitoClient, format: OutputFormat, command: UsersCommand) -> CliResult {
    match command {
        UsersCommand::List {
            pool,
            filter,
            attributes,
        } => {
            let pool = resolve_pool(client, &pool.pool).await?;
            list(client, format, pool, filter, attributes).await
        }
        UsersCommand::Get(t) => get(client, format, &t).await,
        UsersCommand::Create(args) => create(client, format, args).await,
        UsersCommand::Groups(t) => {
            let (pool, user) = target(client, &t).await?;
            let groups = group_names(client, &pool, &user).await?;
            let mut out = Out::stdout();
            match format {
                OutputFormat::Json => write_json(&mut out, &json!(groups))?,
                _ => groups.iter().try_for_each(|g| writeln!(out, "{g}"))?,
            }
            Ok(out.flush()?)
        }
        UsersCommand::SetPassword {
            target: t,
            permanent,
        } => {
            let (pool, user) = target(client, &t).await?;
            let password = read_secret_line(&format!("New password for {user}"))?;
            client
                .admin_set_user_password(&pool, &user, &password, permanent)
                .await?;
            let kind = if permanent { "permanent" } else { "temporary" };
            done(
                format,
                "AdminSetUserPassword",
                &pool,
                &user,
                &format!("{kind} password set"),
            )
        }
        UsersCommand::AddToGroup { target: t, group } => {
            let (pool, user) = target(client, &t).await?;
            client
                .admin_add_user_to_group(&pool, &user, &GroupName::new(&group))
                .await?;
            done(
                format,
                "AdminAddUserToGroup",
                &pool,
                &user,
                &format!("added to {group}"),
            )
        }
        UsersCommand::RemoveFromGroup { target: t, group } => {
            let (pool, user) = target(client, &t).await?;
            client
                .admin_remove_user_from_group(&pool, &user, &GroupName::new(&group))
                .await?;
            done(
                format,
                "AdminRemoveUserFromGroup",
                &pool,
                &user,
                &format!("removed from {group}"),
            )
        }
        UsersCommand::Disable(t) => simple(client, format, &t, "AdminDisableUser").await,
        UsersCommand::Enable(t) => simple(client, format, &t, "AdminEnableUser").await,
        UsersCommand::Delete(t) => simple(client, format, &t, "AdminDeleteUser").await,
        UsersCommand::ResetPassword(t) => {
            simple(client, format, &t, "AdminResetUserPassword").await
        }
        UsersCommand::Confirm(t) => simple(client, format, &t, "AdminConfirmSignUp").await,
        UsersCommand::SignOut(t) => simple(client, format, &t, "AdminUserGlobalSignOut").await,
    }
}

async fn target(client: &CognitoClient, t: &UserTarget) -> Result<(PoolId, Username), CliError> {
    Ok((
        resolve_pool(client, &t.pool.pool).await?,
        Username::new(&t.username),
    ))
}

/// The one-user actions that take only pool and username.
async fn simple(
    client: &CognitoClient,
    format: OutputFormat,
    t: &UserTarget,
    operation: &'static str,
) -> CliResult {
    let (pool, user) = target(client, t).await?;
    let what = match operation {
        "AdminDisableUser" => client.admin_disable_user(&pool, &user).await.map(|()| "disabled"),
        "AdminEnableUser" => client.admin_enable_user(&pool, &user).await.map(|()| "enabled"),
        "AdminDeleteUser" => client.admin_delete_user(&pool, &user).await.map(|()| "deleted"),
        "AdminResetUserPassword" => client
            .admin_reset_user_password(&pool, &user)
            .await
            .map(|()| "password reset: they must set a new one with the code sent to them"),
        "AdminConfirmSignUp" => client.admin_confirm_sign_up(&pool, &user).await.map(|()| "sign-up confirmed"),
        _ => client.admin_user_global_sign_out(&pool, &user).await.map(|()| {
            "signed out everywhere (refresh tokens revoked; access tokens already issued still verify at your APIs until they expire)"
        }),
    }?;
    done(format, operation, &pool, &user, what)
}

fn done(
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
        _ => writeln!(out, "{user}: {what}")?,
    }
    Ok(out.flush()?)
}

/// Streams users to stdout as pages arrive; memory stays one page whatever the pool's size.
async fn list(
    client: &CognitoClient,
    format: OutputFormat,
    pool: PoolId,
    filter: Option<String>,
    attributes: Vec<String>,
) -> CliResult {
    let mut request = ListUsersRequest::new(pool.clone());
    request.filter = filter;
    if !attributes.is_empty() {
        request.attributes_to_get = Some(attributes.clone());
    }
    let mut out = Out::stdout();
    if format == OutputFormat::Json {
        // Users are copied byte for byte as ListUsers returned them.
        let mut pages = pin!(client.list_users_as::<Box<RawValue>>(request));
        let mut first = true;
        // Nothing reaches stdout until the first page arrived: a failed call leaves it empty.
        let mut next = pages.try_next().await?;
        out.write_all(b"[")?;
        while let Some(page) = next {
            for user in &page.users {
                out.write_all(if first { b"\n  " } else { b",\n  " })?;
                out.write_all(user.get().as_bytes())?;
                first = false;
            }
            out.flush()?;
            next = pages.try_next().await?;
        }
        out.write_all(if first { b"]\n" } else { b"\n]\n" })?;
        return Ok(out.flush()?);
    }
    let columns = if !attributes.is_empty() {
        attributes
    } else if format == OutputFormat::Csv {
        pool_attribute_names(client, &pool).await?
    } else {
        vec!["email".to_owned()]
    };
    let mut pages = pin!(client.list_users(request));
    let mut writer = UserWriter::new(format, &columns);
    while let Some(page) = pages.try_next().await? {
        writer.write(&mut out, &page.users)?;
        out.flush()?;
    }
    writer.finish(&mut out)?;
    Ok(out.flush()?)
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
        writeln!(out, "{key:<width$}  {value}")?;
    }
    Ok(out.flush()?)
}

async fn group_names(
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

async fn create(client: &CognitoClient, format: OutputFormat, args: CreateArgs) -> CliResult {
    let (pool, user) = target(client, &args.target).await?;
    let user_attributes = args
        .attributes
        .iter()
        .map(|a| match a.split_once('=') {
            Some((name, value)) if !name.trim().is_empty() => {
                Ok(AttributeType::new(name.trim(), value))
            }
            _ => Err(CliError::Input(format!(
                "--attribute {a:?}: expected NAME=VALUE"
            ))),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let desired_delivery_mediums = args
        .delivery
        .iter()
        .map(|d| match d.to_ascii_uppercase().as_str() {
            m @ ("EMAIL" | "SMS") => Ok(m.to_owned()),
            _ => Err(CliError::Input(format!(
                "--delivery {d:?}: expected EMAIL or SMS"
            ))),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let temporary_password = if args.temporary_password_stdin {
        Some(read_secret_line(&format!("Temporary password for {user}"))?)
    } else {
        None
    };
    let message_action = if args.suppress {
        Some("SUPPRESS".to_owned())
    } else {
        args.resend.then(|| "RESEND".to_owned())
    };
    let request = AdminCreateUserRequest {
        user_pool_id: pool,
        username: user,
        user_attributes,
        temporary_password,
        message_action,
        desired_delivery_mediums,
        ..AdminCreateUserRequest::default()
    };
    let response = client.admin_create_user(&request).await?;
    let mut out = Out::stdout();
    let created = response
        .user
        .and_then(|u| serde_json::to_value(u).ok())
        .unwrap_or(Value::Null);
    match format {
        OutputFormat::Json => write_json(&mut out, &json!({ "User": created }))?,
        _ => writeln!(
            out,
            "{}: created ({})",
            request.username,
            super::output::cell(&created["UserStatus"])
        )?,
    }
    Ok(out.flush()?)
}

/// One line from standard input, for a password: never from an argument (the process list shows those).
fn read_secret_line(prompt: &str) -> Result<Secret, CliError> {
    let stdin = io::stdin();
    if stdin.is_terminal() {
        let _ = write!(io::stderr(), "{prompt}: ");
        let _ = io::stderr().flush();
    }
    let mut line = String::new();
    stdin.lock().read_line(&mut line)?;
    let value = line.trim_end_matches(['\n', '\r']);
    if value.is_empty() {
        return Err(CliError::Input(
            "no password on standard input (pipe it in, one line)".to_owned(),
        ));
    }
    Ok(Secret::new(value))
}
