//! `resource-servers list|create|update|delete`: an API's identifier and the custom scopes app
//! clients may ask for (`IDENTIFIER/SCOPE`).

use clap::{Args, Subcommand};
use serde_json::{Value, json};

use super::{DryRun, deleted, done, key_value, plan_from, update};
use crate::cli::args::{OutputFormat, PoolArg};
use crate::cli::lists::raw_items;
use crate::cli::output::{Out, cell, write_json, write_table};
use crate::cli::{CliError, CliResult, resolve_pool};
use crate::cognito::CognitoClient;
use crate::cognito::edit::{Edit, Patch, Target};

/// Resource servers of a pool.
#[derive(Debug, Subcommand)]
pub enum ResourceServersCommand {
    /// List the pool's resource servers and their scopes.
    List(PoolArg),
    /// Create a resource server.
    Create {
        #[command(flatten)]
        pool: PoolArg,
        /// Its identifier, usually the API's URL (https://api.example.com).
        identifier: String,
        /// A name for people.
        #[arg(long, value_name = "NAME")]
        name: String,
        #[command(flatten)]
        scopes: ScopeFlags,
    },
    /// Rename a resource server, or add, change or take out scopes; the rest stays as it is.
    Update {
        #[command(flatten)]
        pool: PoolArg,
        /// Its identifier.
        identifier: String,
        /// A new name.
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
        #[command(flatten)]
        scopes: ScopeFlags,
        /// A scope to take out (repeat).
        #[arg(long = "remove-scope", value_name = "NAME")]
        removed: Vec<String>,
        #[command(flatten)]
        dry_run: DryRun,
    },
    /// Delete a resource server (app clients lose its scopes).
    Delete {
        #[command(flatten)]
        pool: PoolArg,
        /// Its identifier.
        identifier: String,
    },
}

/// The scopes create and update take.
#[derive(Debug, Clone, Args)]
pub struct ScopeFlags {
    /// A scope and what it allows (repeat); an existing scope of that name gets the new
    /// description.
    #[arg(long = "scope", value_name = "NAME=DESCRIPTION", value_parser = key_value)]
    pub scopes: Vec<(String, String)>,
}

fn scope(name: &str, description: &str) -> Value {
    json!({"ScopeName": name, "ScopeDescription": description})
}

/// The scope of that name in the configuration as read.
fn existing<'a>(current: &'a Value, name: &str) -> Option<&'a Value> {
    current["Scopes"]
        .as_array()?
        .iter()
        .find(|s| s["ScopeName"] == name)
}

/// The patch on the resource server as it stands: a scope given again replaces the one of that
/// name in place of appending a second; a removed scope must exist.
fn patch(
    current: &Value,
    name: Option<&str>,
    scopes: &ScopeFlags,
    removed: &[String],
) -> Result<Patch, CliError> {
    let mut patch = Patch::new();
    if let Some(name) = name {
        patch.push(Edit::Set("Name".into(), json!(name)));
    }
    for (name, description) in &scopes.scopes {
        if let Some(old) = existing(current, name) {
            patch.push(Edit::Pull("Scopes".into(), old.clone()));
        }
        patch.push(Edit::Add("Scopes".into(), scope(name, description)));
    }
    for name in removed {
        let old = existing(current, name)
            .ok_or_else(|| CliError::Input(format!("the resource server has no scope {name:?}")))?;
        patch.push(Edit::Pull("Scopes".into(), old.clone()));
    }
    if patch.is_empty() {
        return Err(CliError::Usage(
            "nothing to change: give --name, --scope or --remove-scope".into(),
        ));
    }
    Ok(patch)
}

/// Runs one of the resource server commands.
pub async fn run(
    client: &CognitoClient,
    format: OutputFormat,
    command: ResourceServersCommand,
) -> CliResult {
    match command {
        ResourceServersCommand::List(pool) => {
            let pool = resolve_pool(client, &pool.pool).await?;
            let input = json!({"UserPoolId": pool, "MaxResults": 50});
            let items = raw_items(client, "ListResourceServers", input, "ResourceServers").await?;
            let mut out = Out::stdout();
            if format == OutputFormat::Json {
                write_json(&mut out, &Value::Array(items))?;
            } else {
                let rows: Vec<Vec<String>> = items
                    .iter()
                    .map(|s| {
                        let scopes: Vec<&str> = s["Scopes"]
                            .as_array()
                            .map(|l| l.iter().filter_map(|x| x["ScopeName"].as_str()).collect())
                            .unwrap_or_default();
                        vec![cell(&s["Identifier"]), cell(&s["Name"]), scopes.join(",")]
                    })
                    .collect();
                write_table(&mut out, &["identifier", "name", "scopes"], &rows)?;
            }
            Ok(std::io::Write::flush(&mut out)?)
        }
        ResourceServersCommand::Create {
            pool,
            identifier,
            name,
            scopes,
        } => {
            let pool = resolve_pool(client, &pool.pool).await?;
            let scopes: Vec<Value> = scopes.scopes.iter().map(|(n, d)| scope(n, d)).collect();
            let input = json!({"UserPoolId": pool, "Identifier": identifier, "Name": name,
                "Scopes": scopes});
            let created = client.call_json("CreateResourceServer", &input).await?;
            let line = format!("resource server {identifier}: created");
            done(format, &line, created["ResourceServer"].clone())
        }
        ResourceServersCommand::Update {
            pool,
            identifier,
            name,
            scopes,
            removed,
            dry_run,
        } => {
            let pool = resolve_pool(client, &pool.pool).await?;
            let target = Target::ResourceServer(pool, identifier);
            let dry = dry_run.dry_run;
            let plan = plan_from(client, &target, dry, |current| {
                patch(current, name.as_deref(), &scopes, &removed)
            })
            .await?;
            update(client, format, &plan, dry).await
        }
        ResourceServersCommand::Delete { pool, identifier } => {
            let pool = resolve_pool(client, &pool.pool).await?;
            let input = json!({"UserPoolId": pool, "Identifier": identifier});
            client.call_json("DeleteResourceServer", &input).await?;
            let keys = [
                ("UserPoolId", pool.as_str()),
                ("Identifier", identifier.as_str()),
            ];
            let line = format!("resource server {identifier}: deleted");
            done(format, &line, deleted("DeleteResourceServer", &keys))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scope_given_again_is_replaced_not_doubled() {
        let current =
            json!({"Name": "API", "Scopes": [scope("read", "Read"), scope("write", "Write")]});
        let flags = ScopeFlags {
            scopes: vec![
                ("read".into(), "Read all".into()),
                ("admin".into(), "Admin".into()),
            ],
        };
        let after = patch(&current, None, &flags, &["write".into()])
            .unwrap()
            .apply(&current)
            .unwrap();
        assert_eq!(
            after["Scopes"],
            json!([scope("read", "Read all"), scope("admin", "Admin")])
        );
        let none = ScopeFlags { scopes: vec![] };
        assert!(patch(&current, None, &none, &["nope".into()]).is_err());
        assert!(matches!(
            patch(&current, None, &none, &[]),
            Err(CliError::Usage(_))
        ));
    }
}
