//! Changing a pool and its parts from the command line: create, update and delete pools, their
//! MFA settings, groups, app clients, identity providers, domains, resource servers and tags.
//!
//! Every update is read-modify-write through `cognito::edit`: the command's flags become a
//! `Patch` on a fresh read, the difference is printed (secrets masked), and only then is the whole
//! configuration sent, so nothing the flags leave out is reset to Cognito's default. `--dry-run`
//! stops after the difference; an update that changes nothing sends nothing.

mod attributes;
mod client_args;
pub mod clients;
pub mod domains;
pub mod groups;
pub mod idps;
mod pool_mfa;
pub mod pools;
pub mod resource_servers;
pub mod tags;

use std::io::{self, Write as _};

use clap::{Args, ValueEnum};
use serde_json::{Value, json};

pub use clients::ClientAdmin;
pub use domains::DomainsCommand;
pub use groups::GroupAdmin;
pub use idps::{IdpAdmin, enabled_by_line};
pub use pools::PoolAdmin;
pub use resource_servers::ResourceServersCommand;
pub use tags::TagsCommand;

use super::args::OutputFormat;
use super::output::{Out, escape, write_json};
use super::{CliError, CliResult};
use crate::aws::AwsError;
use crate::cognito::CognitoClient;
use crate::cognito::edit::{EditError, Patch, Plan, Target};
use crate::cognito::secrets;

/// `--dry-run`, on every command that changes an existing resource.
#[derive(Debug, Clone, Copy, Args)]
pub struct DryRun {
    /// Print what would change, and send nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// A setting turned on or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Switch {
    On,
    Off,
}

impl Switch {
    /// On.
    pub fn is_on(self) -> bool {
        self == Self::On
    }
}

impl From<EditError> for CliError {
    fn from(e: EditError) -> Self {
        match e {
            EditError::Aws(e) => Self::Aws(e),
            other => Self::Input(other.to_string()),
        }
    }
}

/// `KEY=VALUE`, for clap: the key must not be empty; the value may be.
pub fn key_value(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((key, value)) if !key.is_empty() => Ok((key.to_owned(), value.to_owned())),
        _ => Err(format!("expected KEY=VALUE, got {text:?}")),
    }
}

/// Read-only mode refuses an update before anything is read, unless it only shows the change.
fn refuse_read_only(
    client: &CognitoClient,
    operation: &str,
    dry_run: bool,
) -> Result<(), CliError> {
    if client.is_read_only() && !dry_run {
        return Err(AwsError::ReadOnly {
            operation: operation.to_owned(),
        }
        .into());
    }
    Ok(())
}

/// The update `patch` makes to `target`; a patch that names nothing is a usage error (`flags`
/// says which flags there are).
pub async fn plan(
    client: &CognitoClient,
    target: &Target,
    patch: &Patch,
    dry_run: bool,
    flags: &str,
) -> Result<Plan, CliError> {
    if patch.is_empty() {
        return Err(CliError::Usage(format!("nothing to change: give {flags}")));
    }
    refuse_read_only(client, target.update_operation(), dry_run)?;
    Ok(client.plan_edit(target, patch).await?)
}

/// As `plan`, for a patch that depends on the configuration as it stands (replacing an element
/// of a list of objects, enabling what is not yet there): `build` sees the fresh read the plan
/// is made from, in the Update* shape.
pub async fn plan_from(
    client: &CognitoClient,
    target: &Target,
    dry_run: bool,
    build: impl FnOnce(&Value) -> Result<Patch, CliError>,
) -> Result<Plan, CliError> {
    refuse_read_only(client, target.update_operation(), dry_run)?;
    let before = client.current_input(target).await?;
    let patch = build(&before)?;
    let after = patch.apply(&before).map_err(CliError::Input)?;
    Ok(Plan {
        target: target.clone(),
        before,
        after,
    })
}

/// How an update ended.
#[derive(Debug)]
pub enum Outcome {
    /// The plan changed nothing: nothing was sent.
    Unchanged,
    /// `--dry-run`: the change was shown, not sent.
    DryRun,
    /// Sent; the resource as read back.
    Sent(Value),
}

/// Prints what the plan changes (on stdout, or on stderr when stdout is JSON), or that it changes
/// nothing; true when there is something to send.
pub fn show(format: OutputFormat, plan: &Plan) -> io::Result<bool> {
    let label = plan.target.label();
    if plan.is_empty() {
        let operation = plan.target.update_operation();
        note(
            format,
            &format!("{label}: nothing to change; {operation} not sent"),
        )?;
        return Ok(false);
    }
    note(format, &format!("{label}:"))?;
    for change in plan.changes() {
        note(format, &format!("  {}", escape(&change.to_string())))?;
    }
    Ok(true)
}

/// Shows the plan, then sends it unless this is a dry run or there is nothing to change.
pub async fn send(
    client: &CognitoClient,
    format: OutputFormat,
    plan: &Plan,
    dry_run: bool,
) -> Result<Outcome, CliError> {
    if !show(format, plan)? {
        return Ok(Outcome::Unchanged);
    }
    if dry_run {
        return Ok(Outcome::DryRun);
    }
    Ok(Outcome::Sent(client.apply_plan(plan).await?))
}

/// The end of an update: a line, or (JSON) the resource as it now stands, secrets masked; for a
/// dry run, the changes.
pub async fn finish(
    client: &CognitoClient,
    format: OutputFormat,
    plan: &Plan,
    outcome: Outcome,
) -> CliResult {
    let operation = plan.target.update_operation();
    let mut out = Out::stdout();
    match (format, outcome) {
        (OutputFormat::Json, Outcome::Sent(mut fresh)) => {
            secrets::redact(&mut fresh);
            write_json(&mut out, &fresh)?;
        }
        (OutputFormat::Json, Outcome::Unchanged) => {
            let mut fresh = client.describe_resource(&plan.target).await?;
            secrets::redact(&mut fresh);
            write_json(&mut out, &fresh)?;
        }
        (OutputFormat::Json, Outcome::DryRun) => {
            let changes: Vec<String> = plan.changes().iter().map(ToString::to_string).collect();
            let shown = json!({"Operation": operation, "Target": plan.target.label(),
                "Changes": changes, "Sent": false});
            write_json(&mut out, &shown)?;
        }
        (_, outcome) => said(plan, &outcome)?,
    }
    Ok(out.flush()?)
}

/// The line saying what became of an update (none when there was nothing to change).
pub fn said(plan: &Plan, outcome: &Outcome) -> io::Result<()> {
    let mut out = Out::stdout();
    match outcome {
        Outcome::Sent(_) => writeln!(out, "{}: updated", escape(&plan.target.label()))?,
        Outcome::DryRun => writeln!(out, "dry run: {} not sent", plan.target.update_operation())?,
        Outcome::Unchanged => {}
    }
    out.flush()
}

/// `send` then `finish`: one update, start to end.
pub async fn update(
    client: &CognitoClient,
    format: OutputFormat,
    plan: &Plan,
    dry_run: bool,
) -> CliResult {
    let outcome = send(client, format, plan, dry_run).await?;
    finish(client, format, plan, outcome).await
}

/// A line for the person: on stdout, or on stderr when stdout carries JSON.
pub fn note(format: OutputFormat, line: &str) -> io::Result<()> {
    if format == OutputFormat::Json {
        writeln!(io::stderr(), "{line}")
    } else {
        let mut out = Out::stdout();
        writeln!(out, "{line}")?;
        out.flush()
    }
}

/// The end of a create or delete: `line` (hidden characters escaped), or `value` as JSON with
/// its secrets masked.
pub fn done(format: OutputFormat, line: &str, mut value: Value) -> CliResult {
    let mut out = Out::stdout();
    if format == OutputFormat::Json {
        secrets::redact(&mut value);
        write_json(&mut out, &value)?;
    } else {
        writeln!(out, "{}", escape(line))?;
    }
    Ok(out.flush()?)
}

/// The JSON a delete answers: what was deleted, as the other commands' results.
pub fn deleted(operation: &str, keys: &[(&str, &str)]) -> Value {
    let mut value = json!({"Operation": operation});
    for (key, id) in keys {
        value[*key] = json!(id);
    }
    value["Result"] = json!("deleted");
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_is_well_formed_and_every_new_argument_has_help() {
        use clap::CommandFactory as _;
        let cli = crate::cli::Cli::command();
        cli.clone().debug_assert();
        let mut missing = Vec::new();
        let words = [
            "pools",
            "groups",
            "clients",
            "idps",
            "domains",
            "resource-servers",
            "tags",
        ];
        for word in words {
            let Some(group) = cli.find_subcommand(word) else {
                panic!("no {word} command");
            };
            for command in group.get_subcommands() {
                for arg in command.get_arguments() {
                    if arg.get_help().is_none() && !arg.is_global_set() {
                        missing.push(format!("{word} {} {}", command.get_name(), arg.get_id()));
                    }
                }
            }
        }
        // The commands that were there before this module keep their own arguments.
        missing.retain(|m| {
            ![
                "pools describe pool",
                "groups members group",
                "idps describe provider",
            ]
            .contains(&m.as_str())
        });
        assert!(missing.is_empty(), "arguments without help: {missing:?}");
    }

    #[test]
    fn key_value_splits_at_the_first_equals_sign() {
        assert_eq!(
            key_value("email=email"),
            Ok(("email".into(), "email".into()))
        );
        assert_eq!(key_value("a=b=c"), Ok(("a".into(), "b=c".into())));
        assert_eq!(key_value("a="), Ok(("a".into(), String::new())));
        assert!(key_value("=b").is_err());
        assert!(key_value("ab").is_err());
    }
}
