//! `users set-password`: from standard input (checked against the pool's policy first), or
//! generated to meet it and printed once. Passwords never come from an argument.

use std::io::{self, BufRead as _, IsTerminal as _, Write as _};

use serde_json::json;

use super::args::{OutputFormat, UserTarget};
use super::output::{Out, write_json};
use super::users::{done, target};
use super::{CliError, CliResult};
use crate::cognito::pools::PasswordPolicyType;
use crate::cognito::types::Secret;
use crate::cognito::{CognitoClient, PoolId};
use crate::shared::password;

pub async fn set_password(
    client: &CognitoClient,
    format: OutputFormat,
    t: &UserTarget,
    permanent: bool,
    generate: bool,
) -> CliResult {
    let (pool, user) = target(client, t).await?;
    let kind = if permanent { "permanent" } else { "temporary" };
    let what = format!("{kind} password set");
    if !generate {
        let password = read_secret_line(&format!("New password for {user}"))?;
        check_password(client, &pool, &password).await?;
        client
            .admin_set_user_password(&pool, &user, &password, permanent)
            .await?;
        return done(format, "AdminSetUserPassword", &pool, &user, &what);
    }
    let policy = pool_policy(client, &pool).await?.unwrap_or_default();
    let password = password::generate(&policy);
    client
        .admin_set_user_password(&pool, &user, &password, permanent)
        .await?;
    // Printed only once it is set, and only here: stdout alone, so `PW=$(…)` captures it.
    let mut out = Out::stdout();
    if format == OutputFormat::Json {
        let shown = json!({"Operation": "AdminSetUserPassword", "UserPoolId": pool,
            "Username": user, "Result": what, "Password": password.reveal()});
        write_json(&mut out, &shown)?;
    } else {
        writeln!(out, "{}", password.reveal())?;
        let _ = writeln!(
            io::stderr(),
            "{user}: {what}: the generated password is on standard output, shown only this once"
        );
    }
    Ok(out.flush()?)
}

/// The pool's password policy; `None` when the caller may not read the pool (the service still
/// checks the password: support staff often hold only the user permissions).
pub(super) async fn pool_policy(
    client: &CognitoClient,
    pool: &PoolId,
) -> Result<Option<PasswordPolicyType>, CliError> {
    match client.describe_user_pool(pool).await {
        Ok(described) => Ok(Some(
            described
                .user_pool
                .and_then(|p| p.policies)
                .and_then(|p| p.password_policy)
                .unwrap_or_default(),
        )),
        Err(e) if e.code() == Some("AccessDeniedException") => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// Refuses, before anything is sent, a password the pool's policy would refuse, saying why.
pub(super) async fn check_password(
    client: &CognitoClient,
    pool: &PoolId,
    password: &Secret,
) -> Result<(), CliError> {
    let Some(policy) = pool_policy(client, pool).await? else {
        return Ok(());
    };
    policy_problems(password, &policy)
}

/// The problems of `password` under `policy` as one error (named like the service's, so scripts
/// that look for InvalidPasswordException see it either way); never the password itself.
pub(super) fn policy_problems(
    password: &Secret,
    policy: &PasswordPolicyType,
) -> Result<(), CliError> {
    let problems = password::problems(password.reveal(), policy);
    if problems.is_empty() {
        return Ok(());
    }
    Err(CliError::Input(format!(
        "InvalidPasswordException (found before sending; nothing was sent): the password does \
         not meet the pool's policy: it {}",
        problems.join("; it ")
    )))
}

/// One line from standard input, for a password: never from an argument (the process list shows those).
pub(super) fn read_secret_line(prompt: &str) -> Result<Secret, CliError> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy_problems_are_one_line_without_the_password() {
        let err = policy_problems(&Secret::new("weakpw"), &PasswordPolicyType::default())
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("InvalidPasswordException"), "{err}");
        assert!(err.contains("at least 8 characters"), "{err}");
        assert!(err.contains("it needs a number"), "{err}");
        assert!(!err.contains("weakpw") && !err.contains('\n'), "{err}");
        assert!(policy_problems(&Secret::new("Passw0rd!"), &PasswordPolicyType::default()).is_ok());
    }
}
