//! `clients create|update|delete|secret`: an app client named by its id or its name.

use std::fmt::Write as _;
use std::io::Write as _;

use clap::Subcommand;
use serde_json::json;

use super::client_args::{ClientFlags, ClientRemovals, UPDATE_FLAGS, settle_oauth};
use super::{DryRun, deleted, done, plan, update};
use crate::cli::args::{OutputFormat, PoolArg};
use crate::cli::output::{Out, write_json};
use crate::cli::resolve::describe_client;
use crate::cli::{CliError, CliResult, resolve_pool};
use crate::cognito::edit::Target;
use crate::cognito::{ClientId, CognitoClient, PoolId};

/// The changes to an app client.
#[derive(Debug, Subcommand)]
pub enum ClientAdmin {
    /// Create an app client.
    Create {
        #[command(flatten)]
        pool: PoolArg,
        /// The client's name.
        name: String,
        /// Give the client a secret (for a server-side app); show it with `clients secret`.
        #[arg(long)]
        generate_secret: bool,
        #[command(flatten)]
        settings: Box<ClientFlags>,
    },
    /// Change an app client: list flags add to its lists, --remove-… flags take away, and
    /// everything not named stays as it is.
    Update {
        #[command(flatten)]
        pool: PoolArg,
        /// App client id, or a client name that is unique in the pool.
        client: String,
        #[command(flatten)]
        settings: Box<ClientFlags>,
        #[command(flatten)]
        removals: Box<ClientRemovals>,
        #[command(flatten)]
        dry_run: DryRun,
    },
    /// Delete an app client (apps using it can no longer sign in).
    Delete {
        #[command(flatten)]
        pool: PoolArg,
        /// App client id, or a client name that is unique in the pool.
        client: String,
    },
    /// Print an app client's secret, and nothing else.
    Secret {
        #[command(flatten)]
        pool: PoolArg,
        /// App client id, or a client name that is unique in the pool.
        client: String,
    },
}

/// Runs one of the app client changes.
pub async fn run(client: &CognitoClient, format: OutputFormat, command: ClientAdmin) -> CliResult {
    match command {
        ClientAdmin::Create {
            pool,
            name,
            generate_secret,
            settings,
        } => {
            let pool = resolve_pool(client, &pool.pool).await?;
            let input = json!({"UserPoolId": pool, "ClientName": name,
                "GenerateSecret": generate_secret});
            let input = settings.patch().apply(&input).map_err(CliError::Input)?;
            let created = client.call_json("CreateUserPoolClient", &input).await?;
            let created = created["UserPoolClient"].clone();
            let id = created["ClientId"].as_str().unwrap_or_default();
            let mut line = format!("app client {name}: created, id {id}");
            if generate_secret {
                let _ = write!(
                    line,
                    "; it has a secret: `clients secret --pool {pool} {id}` shows it"
                );
            }
            done(format, &line, created)
        }
        ClientAdmin::Update {
            pool,
            client: app,
            settings,
            removals,
            dry_run,
        } => {
            let pool = resolve_pool(client, &pool.pool).await?;
            let id = client_id(client, &pool, &app).await?;
            let mut patch = settings.patch();
            patch.0.extend(removals.patch().0);
            let target = Target::Client(pool, id);
            let dry = dry_run.dry_run;
            let mut plan = plan(client, &target, &patch, dry, UPDATE_FLAGS).await?;
            settle_oauth(&mut plan.after);
            update(client, format, &plan, dry).await
        }
        ClientAdmin::Delete { pool, client: app } => {
            let pool = resolve_pool(client, &pool.pool).await?;
            let id = client_id(client, &pool, &app).await?;
            let input = json!({"UserPoolId": pool, "ClientId": id});
            client.call_json("DeleteUserPoolClient", &input).await?;
            let keys = [("UserPoolId", pool.as_str()), ("ClientId", id.as_str())];
            let line = format!("app client {id}: deleted");
            done(format, &line, deleted("DeleteUserPoolClient", &keys))
        }
        ClientAdmin::Secret { pool, client: app } => {
            let pool = resolve_pool(client, &pool.pool).await?;
            let described = describe_client(client, &pool, &app).await?;
            let described = &described["UserPoolClient"];
            let Some(secret) = described["ClientSecret"].as_str() else {
                return Err(CliError::Input(format!(
                    "app client {app} has no secret (it was created without --generate-secret)"
                )));
            };
            let mut out = Out::stdout();
            if format == OutputFormat::Json {
                let shown = json!({"ClientId": described["ClientId"], "ClientSecret": secret});
                write_json(&mut out, &shown)?;
            } else {
                writeln!(out, "{secret}")?;
            }
            Ok(out.flush()?)
        }
    }
}

/// The id of the client `text` names (its id, or its name unique in the pool).
async fn client_id(
    client: &CognitoClient,
    pool: &PoolId,
    text: &str,
) -> Result<ClientId, CliError> {
    let described = describe_client(client, pool, text).await?;
    described["UserPoolClient"]["ClientId"]
        .as_str()
        .map(ClientId::new)
        .ok_or_else(|| CliError::Input(format!("the answer for app client {text} has no id")))
}
