//! `users diagnose`: why a user cannot sign in, in one verdict with its fix, the same the console
//! shows (`cognito::verdict`), and the facts it was made from.

use std::io::Write as _;

use serde_json::json;

use super::CliResult;
use super::args::{OutputFormat, UserTarget};
use super::output::{Out, write_json};
use super::users::target;
use crate::cognito::aws_cli::shell_word;
use crate::cognito::types::{EpochSeconds, attribute};
use crate::cognito::user_status::UserStatus;
use crate::cognito::verdict::{Facts, Fix, Severity, verdict};
use crate::cognito::{CognitoClient, PoolId, Username};

pub async fn diagnose(client: &CognitoClient, format: OutputFormat, t: &UserTarget) -> CliResult {
    let (pool, user) = target(client, t).await?;
    let (got, described) = tokio::join!(
        client.admin_get_user(&pool, &user),
        client.describe_user_pool(&pool)
    );
    let got = got?;
    let pool_type = described?.user_pool.unwrap_or_default();
    let history = client.sign_in_history(&pool, &user).await;
    let now = EpochSeconds::now().0;
    let v = verdict(&Facts {
        user: &got,
        pool: &pool_type,
        history: &history,
        now,
    });
    let status = UserStatus::text_of(got.user_status.as_ref()).to_owned();
    let methods = if got.user_mfa_setting_list.is_empty() {
        "none".to_owned()
    } else {
        got.user_mfa_setting_list.join(", ")
    };
    let date = |d: Option<EpochSeconds>| d.map(EpochSeconds::to_utc_string);
    let name = got.username.clone().unwrap_or_else(|| user.clone());
    let newest = v.events.first().map(String::as_str);
    let mut out = Out::stdout();
    if format == OutputFormat::Json {
        write_json(
            &mut out,
            &json!({
                "UserPoolId": pool, "Username": name,
                "Severity": v.severity, "Reason": v.reason, "Fix": v.fix,
                "Command": v.fix.map(|f| command(f, &pool, &name, newest)), "Events": v.events, "AlsoFixes": v.also,
                "Facts": {
                    "UserStatus": status, "Enabled": got.enabled,
                    "UserCreateDate": date(got.user_create_date),
                    "UserLastModifiedDate": date(got.user_last_modified_date),
                    "MfaMethods": got.user_mfa_setting_list,
                    "EmailVerified": attribute(&got.user_attributes, "email_verified"),
                    "PoolMfa": pool_type.mfa_configuration,
                    "SignInEvents": history.events().map(<[_]>::len),
                }
            }),
        )?;
        return Ok(out.flush()?);
    }
    let word = match v.severity {
        Severity::Blocked => "BLOCKED",
        Severity::Warning => "CHECK",
        Severity::Fine => "OK",
    };
    writeln!(
        out,
        "{}: {word}: {}",
        super::output::escape(name.as_str()),
        v.reason
    )?;
    if let Some(fix) = v.fix {
        writeln!(
            out,
            "fix: {} ({})",
            fix.label(),
            command(fix, &pool, &name, newest)
        )?;
    }
    for fix in &v.also {
        writeln!(
            out,
            "or: {} ({})",
            fix.label(),
            command(*fix, &pool, &name, newest)
        )?;
    }
    writeln!(
        out,
        "status {status} · enabled {} · created {} · modified {} · MFA {methods} · sign-in history: {}",
        if got.enabled == Some(false) {
            "no"
        } else {
            "yes"
        },
        date(got.user_create_date).unwrap_or_default(),
        date(got.user_last_modified_date).unwrap_or_default(),
        history.summary()
    )?;
    Ok(out.flush()?)
}

/// The command that applies `fix` (for blocked sign-ins, to the newest `event`).
fn command(fix: Fix, pool: &PoolId, name: &Username, event: Option<&str>) -> String {
    let user = shell_word(name.as_str());
    let action = match fix {
        Fix::Enable => "users enable",
        Fix::ResendInvitation => "users resend-invitation",
        Fix::SetPassword => "users set-password",
        Fix::ConfirmSignUp => "users confirm",
        Fix::ResetMfa => "users reset-mfa",
        Fix::MarkEmailVerified => {
            return format!(
                "cognito-tui users update-attributes --pool {pool} {user} email_verified=true"
            );
        }
        Fix::MarkPhoneVerified => {
            return format!(
                "cognito-tui users update-attributes --pool {pool} {user} phone_number_verified=true"
            );
        }
        Fix::MarkEventsValid => {
            let input = json!({"UserPoolId": pool, "Username": name, "EventId": event.unwrap_or("EVENT_ID"), "FeedbackValue": "Valid"});
            return format!(
                "cognito-tui api AdminUpdateAuthEventFeedback --input {}",
                shell_word(&input.to_string())
            );
        }
    };
    format!("cognito-tui {action} --pool {pool} {user}")
}
