//! `groups create|update|delete`.

use clap::{Args, Subcommand};
use serde_json::{Value, json};

use super::{DryRun, deleted, done, plan, update};
use crate::cli::args::{OutputFormat, PoolArg};
use crate::cli::{CliResult, resolve_pool};
use crate::cognito::edit::{Edit, Patch, Target};
use crate::cognito::{CognitoClient, GroupName};

/// The changes to a group.
#[derive(Debug, Subcommand)]
pub enum GroupAdmin {
    /// Create a group.
    Create {
        #[command(flatten)]
        pool: PoolArg,
        /// The group's name.
        name: String,
        #[command(flatten)]
        settings: GroupSettings,
    },
    /// Change a group's description, precedence or IAM role; the rest stays as it is.
    Update {
        #[command(flatten)]
        pool: PoolArg,
        /// The group's name.
        name: String,
        #[command(flatten)]
        settings: GroupSettings,
        #[command(flatten)]
        dry_run: DryRun,
    },
    /// Delete a group (its members stay in the pool, without it).
    Delete {
        #[command(flatten)]
        pool: PoolArg,
        /// The group's name.
        name: String,
    },
}

/// What create and update of a group take.
#[derive(Debug, Clone, Args)]
pub struct GroupSettings {
    /// What the group is for.
    #[arg(long)]
    pub description: Option<String>,
    /// Which group's role wins when a user is in several: the lowest number (0 or more).
    #[arg(long)]
    pub precedence: Option<u32>,
    /// The IAM role the group's members get in their ID token (cognito:roles).
    #[arg(long, value_name = "ARN")]
    pub role_arn: Option<String>,
}

impl GroupSettings {
    fn patch(&self) -> Patch {
        let mut patch = Patch::new();
        let mut set = |path: &str, value: Value| patch.push(Edit::Set(path.to_owned(), value));
        if let Some(d) = &self.description {
            set("Description", json!(d));
        }
        if let Some(p) = self.precedence {
            set("Precedence", json!(p));
        }
        if let Some(r) = &self.role_arn {
            set("RoleArn", json!(r));
        }
        patch
    }
}

const FLAGS: &str = "--description, --precedence or --role-arn";

/// Runs one of the group changes.
pub async fn run(client: &CognitoClient, format: OutputFormat, command: GroupAdmin) -> CliResult {
    match command {
        GroupAdmin::Create {
            pool,
            name,
            settings,
        } => {
            let pool = resolve_pool(client, &pool.pool).await?;
            let input = json!({"UserPoolId": pool, "GroupName": name});
            let input = settings
                .patch()
                .apply(&input)
                .map_err(super::CliError::Input)?;
            let created = client.call_json("CreateGroup", &input).await?;
            let line = format!("group {name}: created");
            done(format, &line, created["Group"].clone())
        }
        GroupAdmin::Update {
            pool,
            name,
            settings,
            dry_run,
        } => {
            let pool = resolve_pool(client, &pool.pool).await?;
            let target = Target::Group(pool, GroupName::new(&name));
            let plan = plan(client, &target, &settings.patch(), dry_run.dry_run, FLAGS).await?;
            update(client, format, &plan, dry_run.dry_run).await
        }
        GroupAdmin::Delete { pool, name } => {
            let pool = resolve_pool(client, &pool.pool).await?;
            let input = json!({"UserPoolId": pool, "GroupName": name});
            client.call_json("DeleteGroup", &input).await?;
            let keys = [("UserPoolId", pool.as_str()), ("GroupName", name.as_str())];
            done(
                format,
                &format!("group {name}: deleted"),
                deleted("DeleteGroup", &keys),
            )
        }
    }
}
