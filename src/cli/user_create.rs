//! `users create` (attributes and temporary password checked before sending) and
//! `users resend-invitation`.

use std::io::Write as _;

use serde_json::{Value, json};

use super::args::{CreateArgs, OutputFormat, UserTarget};
use super::output::{Out, cell, write_json};
use super::user_passwords::{policy_problems, pool_policy, read_secret_line};
use super::users::{done, target};
use super::{CliError, CliResult};
use crate::cognito::CognitoClient;
use crate::cognito::types::AttributeType;
use crate::cognito::user_admin::AdminCreateUserRequest;
use crate::cognito::user_status::UserStatus;
use crate::shared::validate::email_problem;
use crate::shared::validate::phone_problem;

pub async fn create(client: &CognitoClient, format: OutputFormat, args: CreateArgs) -> CliResult {
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
    let problems = attribute_problems(&user_attributes, "--attribute ");
    if !problems.is_empty() {
        return Err(CliError::Input(format!(
            "{} (nothing was sent)",
            problems.join("; ")
        )));
    }
    let desired_delivery_mediums = delivery_mediums(&args.delivery)?;
    let temporary_password = if args.temporary_password_stdin {
        let password = read_secret_line(&format!("Temporary password for {user}"))?;
        if let Some(policy) = pool_policy(client, &pool).await? {
            policy_problems(&password, &policy)?;
        }
        Some(password)
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
            cell(&created["UserStatus"])
        )?,
    }
    Ok(out.flush()?)
}

/// AdminCreateUser with MessageAction RESEND, for a user who has not signed in yet; for any other
/// status, says what to do instead without sending anything.
pub async fn resend_invitation(
    client: &CognitoClient,
    format: OutputFormat,
    t: &UserTarget,
    delivery: &[String],
) -> CliResult {
    let (pool, user) = target(client, t).await?;
    let desired_delivery_mediums = delivery_mediums(delivery)?;
    let status = client.admin_get_user(&pool, &user).await?.user_status;
    if status != Some(UserStatus::ForceChangePassword) {
        let instead = match status {
            Some(UserStatus::Unconfirmed) => {
                "; they signed up themselves: confirm them with `users confirm`"
            }
            Some(UserStatus::Confirmed | UserStatus::ResetRequired) => {
                "; they have signed in before: use `users reset-password` or `users set-password`"
            }
            _ => "",
        };
        let status = status.map(|s| s.to_string()).unwrap_or_default();
        return Err(CliError::Input(format!(
            "{user} is {status}: an invitation can be sent again only to a user who has not \
             signed in yet (FORCE_CHANGE_PASSWORD){instead}"
        )));
    }
    let request = AdminCreateUserRequest {
        user_pool_id: pool.clone(),
        username: user.clone(),
        message_action: Some("RESEND".to_owned()),
        desired_delivery_mediums,
        ..AdminCreateUserRequest::default()
    };
    client.admin_create_user(&request).await?;
    done(
        format,
        "AdminCreateUser",
        &pool,
        &user,
        "invitation sent again, with a new temporary password",
    )
}

/// `email` and `phone_number` values that Cognito would refuse, one plain-English line each, each
/// led by `label` and the `NAME="VALUE"` it is about.
pub fn attribute_problems(attributes: &[AttributeType], label: &str) -> Vec<String> {
    attributes
        .iter()
        .filter_map(|a| {
            let value = a.value.as_deref().unwrap_or_default();
            let problem = match a.name.as_str() {
                "email" => email_problem(value),
                "phone_number" => phone_problem(value),
                _ => None,
            };
            problem.map(|p| format!("{label}{}={value:?}: {p}", a.name))
        })
        .collect()
}

fn delivery_mediums(delivery: &[String]) -> Result<Vec<String>, CliError> {
    delivery
        .iter()
        .map(|d| match d.to_ascii_uppercase().as_str() {
            m @ ("EMAIL" | "SMS") => Ok(m.to_owned()),
            _ => Err(CliError::Input(format!(
                "--delivery {d:?}: expected EMAIL or SMS"
            ))),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_email_and_phone_are_checked() {
        let attrs = [
            AttributeType::new("email", "ann-at-example.com"),
            AttributeType::new("phone_number", "+44 20 7183 8750"),
            AttributeType::new("custom:email", "anything"),
            AttributeType::new("name", "Ann"),
        ];
        let problems = attribute_problems(&attrs, "--attribute ");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("--attribute email=\"ann-at-example.com\": needs an @"));
        assert!(problems[1].contains("only digits"), "{problems:?}");
        let fine = [
            AttributeType::new("email", "ann@example.com"),
            AttributeType::new("phone_number", "+442071838750"),
        ];
        assert!(attribute_problems(&fine, "").is_empty());
    }
}
