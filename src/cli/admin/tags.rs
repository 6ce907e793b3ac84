//! `tags list|set|unset`: the pool's tags, read from DescribeUserPool and changed by its ARN
//! (TagResource and UntagResource change only the keys they name).

use std::io::Write as _;

use clap::Subcommand;
use serde_json::{Map, Value, json};

use super::{DryRun, note, refuse_read_only};
use crate::cli::args::{OutputFormat, PoolArg};
use crate::cli::output::{Out, escape, write_json, write_table};
use crate::cli::{CliError, CliResult, resolve_pool};
use crate::cognito::CognitoClient;
use crate::cognito::edit::Target;

/// Tags of a pool.
#[derive(Debug, Subcommand)]
pub enum TagsCommand {
    /// List the pool's tags.
    List(PoolArg),
    /// Set tags (other tags stay).
    Set {
        #[command(flatten)]
        pool: PoolArg,
        /// A tag (repeat).
        #[arg(value_name = "KEY=VALUE", required = true, value_parser = super::key_value)]
        tags: Vec<(String, String)>,
        #[command(flatten)]
        dry_run: DryRun,
    },
    /// Remove tags by key (other tags stay).
    Unset {
        #[command(flatten)]
        pool: PoolArg,
        /// A tag's key (repeat).
        #[arg(value_name = "KEY", required = true)]
        keys: Vec<String>,
        #[command(flatten)]
        dry_run: DryRun,
    },
}

/// A pool's ARN and tags.
#[derive(Debug)]
struct Tagged {
    arn: String,
    tags: Value,
}

/// The pool's ARN and its tags, as DescribeUserPool answers them (UserPoolTags are the tags
/// TagResource changes).
async fn tagged(client: &CognitoClient, pool: &PoolArg) -> Result<(String, Tagged), CliError> {
    let id = resolve_pool(client, &pool.pool).await?;
    let described = client.describe_resource(&Target::Pool(id.clone())).await?;
    let arn = described["Arn"]
        .as_str()
        .ok_or_else(|| CliError::Input(format!("the pool {id} was described without its Arn")))?
        .to_owned();
    let tags = match described.get("UserPoolTags") {
        Some(tags @ Value::Object(_)) => tags.clone(),
        _ => json!({}),
    };
    Ok((id.to_string(), Tagged { arn, tags }))
}

/// Lists, or shows then sends a change to, the pool's tags.
pub async fn run(client: &CognitoClient, format: OutputFormat, command: TagsCommand) -> CliResult {
    let (pool, operation, dry_run, after) = match &command {
        TagsCommand::List(pool) => {
            let (_, tagged) = tagged(client, pool).await?;
            return write_tags(format, &tagged.tags);
        }
        TagsCommand::Set {
            pool,
            tags,
            dry_run,
        } => (pool, "TagResource", dry_run.dry_run, Change::Set(tags)),
        TagsCommand::Unset {
            pool,
            keys,
            dry_run,
        } => (pool, "UntagResource", dry_run.dry_run, Change::Unset(keys)),
    };
    refuse_read_only(client, operation, dry_run)?;
    let (id, current) = tagged(client, pool).await?;
    let mut new = current.tags.as_object().cloned().unwrap_or_default();
    let input = match after {
        Change::Set(tags) => {
            let given: Map<String, Value> =
                tags.iter().map(|(k, v)| (k.clone(), json!(v))).collect();
            new.extend(given.clone());
            json!({"ResourceArn": current.arn, "Tags": given})
        }
        Change::Unset(keys) => {
            new.retain(|k, _| !keys.contains(k));
            json!({"ResourceArn": current.arn, "TagKeys": keys})
        }
    };
    let lines = tag_changes(&current.tags, &Value::Object(new));
    if lines.is_empty() {
        note(
            format,
            &format!("pool {id}: no tag to change; {operation} not sent"),
        )?;
        return if format == OutputFormat::Json {
            write_tags(format, &current.tags)
        } else {
            Ok(())
        };
    }
    note(format, &format!("pool {id}:"))?;
    for line in &lines {
        note(format, &format!("  {}", escape(line)))?;
    }
    let mut out = Out::stdout();
    if dry_run {
        if format == OutputFormat::Json {
            write_json(
                &mut out,
                &json!({"Operation": operation, "Changes": lines, "Sent": false}),
            )?;
        } else {
            writeln!(out, "dry run: {operation} not sent")?;
        }
        return Ok(out.flush()?);
    }
    client.call_json(operation, &input).await?;
    if format == OutputFormat::Json {
        let (_, fresh) = tagged(client, pool).await?;
        write_tags(format, &fresh.tags)
    } else {
        writeln!(out, "pool {id}: tags updated")?;
        Ok(out.flush()?)
    }
}

/// `+ key: "value"`, `~ key: "old" → "new"`, `- key: "value"` (a tag taken away is just gone:
/// no default takes its place).
fn tag_changes(before: &Value, after: &Value) -> Vec<String> {
    let empty = Map::new();
    let (b, a) = (
        before.as_object().unwrap_or(&empty),
        after.as_object().unwrap_or(&empty),
    );
    let mut lines = Vec::new();
    for (key, old) in b {
        match a.get(key) {
            None => lines.push(format!("- {key}: {old}")),
            Some(new) if new != old => lines.push(format!("~ {key}: {old} → {new}")),
            Some(_) => {}
        }
    }
    for (key, new) in a.iter().filter(|(k, _)| !b.contains_key(*k)) {
        lines.push(format!("+ {key}: {new}"));
    }
    lines
}

enum Change<'a> {
    Set(&'a [(String, String)]),
    Unset(&'a [String]),
}

fn write_tags(format: OutputFormat, tags: &Value) -> CliResult {
    let mut out = Out::stdout();
    if format == OutputFormat::Json {
        write_json(&mut out, tags)?;
    } else {
        let rows: Vec<Vec<String>> = tags
            .as_object()
            .map(|m| {
                m.iter()
                    .map(|(k, v)| vec![k.clone(), v.as_str().unwrap_or_default().to_owned()])
                    .collect()
            })
            .unwrap_or_default();
        write_table(&mut out, &["key", "value"], &rows)?;
    }
    Ok(out.flush()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_lines_say_added_changed_and_removed() {
        let before = json!({"env": "prod", "team": "id", "keep": "x"});
        let after = json!({"env": "dev", "keep": "x", "cost": "42"});
        assert_eq!(
            tag_changes(&before, &after),
            [
                r#"~ env: "prod" → "dev""#,
                r#"- team: "id""#,
                r#"+ cost: "42""#
            ]
        );
        assert!(tag_changes(&before, &before).is_empty());
    }
}
