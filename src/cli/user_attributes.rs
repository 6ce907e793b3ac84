//! `users update-attributes`, `delete-attributes` (with `--dry-run`: current value → new, nothing
//! sent), `link-provider` and `unlink-provider`. Every change goes through the client: journaled,
//! and refused in read-only mode.

use std::io::{self, Write as _};

use serde_json::{Value, json};

use super::args::{OutputFormat, PoolArg, UserTarget};
use super::output::{Out, escape, write_json};
use super::user_args::ProviderIdentity;
use super::user_create::attribute_problems;
use super::users::{done, target};
use super::{CliError, CliResult, resolve_pool};
use crate::aws::{AwsError, Checked};
use crate::cognito::types::{AttributeType, attribute};
use crate::cognito::user_links::ProviderUserIdentifier;
use crate::cognito::{CognitoClient, PoolId, Username};

/// One attribute's change: its name, the value it has now, the value it would get (`None`:
/// deleted).
struct Change {
    name: String,
    current: Option<String>,
    new: Option<String>,
}

pub async fn update(
    client: &CognitoClient,
    format: OutputFormat,
    t: &UserTarget,
    pairs: &[String],
    dry_run: bool,
) -> CliResult {
    let attributes = parse_pairs(pairs)?;
    let problems = attribute_problems(&attributes, "");
    if !problems.is_empty() {
        return Err(CliError::Input(format!(
            "{} (nothing was sent)",
            problems.join("; ")
        )));
    }
    let (pool, user) = target(client, t).await?;
    if dry_run {
        let changes = attributes.iter().map(|a| (a.name.clone(), a.value.clone()));
        return plan(client, format, &pool, &user, changes.collect()).await;
    }
    let sent = client
        .admin_update_user_attributes(&pool, &user, &attributes)
        .await;
    let names: Vec<&str> = attributes.iter().map(|a| a.name.as_str()).collect();
    let what = format!("attributes updated: {}", names.join(", "));
    finish(
        format,
        "AdminUpdateUserAttributes",
        &pool,
        &user,
        &what,
        sent,
    )
}

pub async fn delete(
    client: &CognitoClient,
    format: OutputFormat,
    t: &UserTarget,
    names: &[String],
    dry_run: bool,
) -> CliResult {
    if let Some(empty) = names.iter().find(|n| n.trim().is_empty()) {
        return Err(CliError::Input(format!(
            "{empty:?}: expected an attribute name"
        )));
    }
    let (pool, user) = target(client, t).await?;
    if dry_run {
        let changes = names.iter().map(|n| (n.clone(), None));
        return plan(client, format, &pool, &user, changes.collect()).await;
    }
    let sent = client
        .admin_delete_user_attributes(&pool, &user, names)
        .await;
    let what = format!("attributes deleted: {}", names.join(", "));
    finish(
        format,
        "AdminDeleteUserAttributes",
        &pool,
        &user,
        &what,
        sent,
    )
}

pub async fn link(
    client: &CognitoClient,
    format: OutputFormat,
    t: &UserTarget,
    identity: &ProviderIdentity,
) -> CliResult {
    let (pool, user) = target(client, t).await?;
    let source = identifier(identity);
    let destination = ProviderUserIdentifier::native(&user);
    client
        .admin_link_provider_for_user(&pool, &destination, &source)
        .await?;
    let what = format!(
        "linked to {}: signing in there signs in as this user",
        describe(&source)
    );
    done(format, "AdminLinkProviderForUser", &pool, &user, &what)
}

pub async fn unlink(
    client: &CognitoClient,
    format: OutputFormat,
    pool: &PoolArg,
    identity: &ProviderIdentity,
) -> CliResult {
    let pool = resolve_pool(client, &pool.pool).await?;
    let user = identifier(identity);
    client.admin_disable_provider_for_user(&pool, &user).await?;
    let what = "unlinked: it can no longer sign in as the user it was linked to";
    let mut out = Out::stdout();
    match format {
        OutputFormat::Json => write_json(
            &mut out,
            &json!({"Operation": "AdminDisableProviderForUser", "UserPoolId": pool,
                "User": user, "Result": what}),
        )?,
        _ => writeln!(out, "{}: {what}", escape(&describe(&user)))?,
    }
    Ok(out.flush()?)
}

fn identifier(identity: &ProviderIdentity) -> ProviderUserIdentifier {
    ProviderUserIdentifier::new(&identity.provider, &identity.attribute, &identity.value)
}

/// `Google identity Cognito_Subject=1234`.
fn describe(user: &ProviderUserIdentifier) -> String {
    format!(
        "{} identity {}={}",
        user.provider_name, user.provider_attribute_name, user.provider_attribute_value
    )
}

/// `NAME=VALUE` arguments as attributes; the value is everything after the first `=`.
fn parse_pairs(pairs: &[String]) -> Result<Vec<AttributeType>, CliError> {
    pairs
        .iter()
        .map(|pair| match pair.split_once('=') {
            Some((name, value)) if !name.trim().is_empty() => {
                Ok(AttributeType::new(name.trim(), value))
            }
            _ => Err(CliError::Input(format!("{pair:?}: expected NAME=VALUE"))),
        })
        .collect()
}

/// The result of a sent change; a lost answer that a fresh read shows applied is a success.
fn finish(
    format: OutputFormat,
    operation: &str,
    pool: &PoolId,
    user: &Username,
    what: &str,
    sent: Result<(), AwsError>,
) -> CliResult {
    match sent {
        Ok(()) => done(format, operation, pool, user, what),
        Err(AwsError::OutcomeUnknown {
            checked: Checked::Applied,
            ..
        }) => {
            let what = format!("{what} (the answer was lost; a fresh read shows it in place)");
            done(format, operation, pool, user, &what)
        }
        Err(e) => Err(e.into()),
    }
}

/// `--dry-run`: each attribute's current value (one read) and what it would become, on stdout;
/// the summary on stderr. Nothing is sent.
async fn plan(
    client: &CognitoClient,
    format: OutputFormat,
    pool: &PoolId,
    user: &Username,
    wanted: Vec<(String, Option<String>)>,
) -> CliResult {
    let got = client.admin_get_user(pool, user).await?;
    let changes: Vec<Change> = wanted
        .into_iter()
        .map(|(name, new)| Change {
            current: attribute(&got.user_attributes, &name).map(str::to_owned),
            name,
            new,
        })
        .collect();
    let mut out = Out::stdout();
    if format == OutputFormat::Json {
        let plan: Vec<Value> = changes
            .iter()
            .map(|c| json!({"Name": c.name, "Current": c.current, "New": c.new}))
            .collect();
        write_json(
            &mut out,
            &json!({"UserPoolId": pool, "Username": user, "Plan": plan}),
        )?;
    } else {
        let shown = |value: &Option<String>, none: &str| {
            value
                .as_deref()
                .map_or_else(|| none.to_owned(), |v| escape(v).into_owned())
        };
        for c in &changes {
            writeln!(
                out,
                "{}: {} → {}",
                escape(&c.name),
                shown(&c.current, "(not set)"),
                shown(&c.new, "(deleted)")
            )?;
        }
    }
    out.flush()?;
    let n = changes.len();
    let _ = writeln!(
        io::stderr(),
        "dry run: {n} attribute{} of {} in {pool}; nothing was sent",
        if n == 1 { "" } else { "s" },
        escape(user.as_str())
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_split_at_the_first_equals_sign() {
        let pairs = ["email_verified=true", "custom:note=a=b=c", "nickname="].map(String::from);
        let parsed = parse_pairs(&pairs).unwrap();
        let got: Vec<(&str, Option<&str>)> = parsed
            .iter()
            .map(|a| (a.name.as_str(), a.value.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("email_verified", Some("true")),
                ("custom:note", Some("a=b=c")),
                ("nickname", Some(""))
            ]
        );
        for wrong in ["email", "=x", " =x"] {
            assert!(parse_pairs(&[wrong.to_owned()]).is_err(), "{wrong}");
        }
    }
}
