//! `index list` and `index clear`: what is stored where, and removing it (an index holds
//! personal data).

use std::io::Write as _;

use clap::Subcommand;
use serde_json::json;

use super::super::CliResult;
use super::super::args::OutputFormat;
use super::super::output::{Out, write_json, write_table};
use super::super::progress::short_duration;
use crate::cognito::PoolId;
use crate::index::ready::age;
use crate::index::{Clear, IndexStore};

#[derive(Debug, Subcommand)]
pub enum IndexCommand {
    /// The local indexes on this machine: pool, region, profile, age, users, size, file.
    List,
    /// Remove local indexes: one pool's (every profile and region), or all.
    Clear {
        /// The pool id whose indexes to remove.
        #[arg(long, conflicts_with = "all", required_unless_present = "all")]
        pool: Option<String>,
        /// Every index.
        #[arg(long)]
        all: bool,
    },
}

pub fn run(format: OutputFormat, command: &IndexCommand) -> CliResult {
    let store = IndexStore::open_default()?;
    let mut out = Out::stdout();
    match command {
        IndexCommand::List => {
            let infos = store.list()?;
            if format == OutputFormat::Json {
                let list: Vec<_> = infos
                    .iter()
                    .map(|i| {
                        json!({"UserPoolId": i.key.pool, "Region": i.key.region,
                            "Profile": i.key.profile, "Complete": i.complete, "Running": i.running, "Users": i.users,
                            "UnfollowedChanges": i.unfollowed,
                            "AgeSeconds": i.built_at.map(|at| age(at).as_secs()),
                            "SizeBytes": i.size_bytes, "Path": i.path})
                    })
                    .collect();
                write_json(&mut out, &json!(list))?;
            } else {
                let rows: Vec<Vec<String>> = infos
                    .iter()
                    .map(|i| {
                        vec![
                            i.key.pool.to_string(),
                            i.key.region.clone(),
                            i.key
                                .profile
                                .clone()
                                .unwrap_or_else(|| "default".to_owned()),
                            match i.built_at {
                                Some(at) => format!(
                                    "{} ago{}",
                                    short_duration(age(at)),
                                    may_be_stale(i.unfollowed)
                                ),
                                None if i.running => "building now".to_owned(),
                                None => "unfinished (a stopped build's)".to_owned(),
                            },
                            i.users.to_string(),
                            format!("{:.1} MiB", mib(i.size_bytes)),
                            i.path.display().to_string(),
                        ]
                    })
                    .collect();
                write_table(
                    &mut out,
                    &[
                        "pool", "region", "profile", "built", "users", "size", "file",
                    ],
                    &rows,
                )?;
                writeln!(out, "(indexes are kept in {})", store.dir().display())?;
            }
        }
        IndexCommand::Clear { pool, all } => {
            let which = match (pool, all) {
                (Some(p), _) => Clear::Pool(PoolId::new(p)),
                (None, _) => Clear::All,
            };
            let removed = store.clear(&which)?;
            let running: Vec<_> = store
                .list()?
                .into_iter()
                .filter(|i| i.running)
                .filter(|i| match &which {
                    Clear::Pool(pool) => i.key.pool == *pool,
                    Clear::All => true,
                })
                .map(|i| i.path)
                .collect();
            if format == OutputFormat::Json {
                write_json(
                    &mut out,
                    &json!({"Removed": removed, "KeptRunning": running}),
                )?;
            } else {
                for path in &removed {
                    writeln!(out, "removed {}", path.display())?;
                }
                for path in &running {
                    writeln!(
                        out,
                        "kept {}: a build runs now (it writes the index when it finishes)",
                        path.display()
                    )?;
                }
                if removed.is_empty() && running.is_empty() {
                    writeln!(out, "no index to remove")?;
                }
            }
        }
    }
    Ok(out.flush()?)
}

/// What an index that missed some of the tool's own changes says of itself.
pub fn may_be_stale(unfollowed: u64) -> String {
    match unfollowed {
        0 => String::new(),
        1 => " (may be stale: 1 change since could not be applied)".to_owned(),
        n => format!(" (may be stale: {n} changes since could not be applied)"),
    }
}

#[allow(clippy::cast_precision_loss)] // a file size
fn mib(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}
