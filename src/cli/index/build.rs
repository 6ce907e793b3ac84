//! `users index`, and the index a query, count or export reads: the pool's complete index when it
//! is fresh enough, else one built now. A build goes to a file beside the index and replaces it
//! only once complete, so a build that fails keeps the last good index.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::json;
use time::OffsetDateTime;

use super::super::args::{OutputFormat, PoolArg};
use super::super::output::{Out, write_json};
use super::super::progress::Progress;
use super::super::{CliError, CliResult, resolve_pool};
use crate::aws::quota::Category;
use crate::cognito::{CognitoClient, PoolId};
use crate::index::{Filled, Index, IndexError, IndexKey, IndexStore, fill};
use crate::shared::config::Config;

pub async fn run_build(client: &CognitoClient, format: OutputFormat, pool: &PoolArg) -> CliResult {
    let pool = resolve_pool(client, &pool.pool).await?;
    let started = Instant::now();
    let (index, filled) = build(client, &pool).await?;
    let seconds = started.elapsed().as_secs_f64();
    let path = index.path().map(|p| p.display().to_string());
    let mut out = Out::stdout();
    match format {
        OutputFormat::Json => write_json(
            &mut out,
            &json!({"UserPoolId": pool, "Users": filled.users, "Groups": filled.groups,
                "Seconds": seconds, "Partitioned": filled.partitioned, "Path": path}),
        )?,
        _ => writeln!(
            out,
            "indexed {} users and {} groups of {pool} in {seconds:.1} s{}{}",
            filled.users,
            filled.groups,
            if filled.partitioned {
                " (16 parts)"
            } else {
                ""
            },
            path.map(|p| format!(": {p}")).unwrap_or_default()
        )?,
    }
    Ok(out.flush()?)
}

/// The index of `pool` for a read: on disk, complete and no older than `max_age`, else built now.
pub async fn ready_index(
    client: &CognitoClient,
    pool: &PoolId,
    max_age: Option<Duration>,
) -> Result<Index, CliError> {
    if !in_memory()? {
        let path = store()?.path(&key(client, pool));
        if path.exists() {
            let index = Index::open(&path).map_err(index_error)?;
            let meta = index.meta().map_err(index_error)?;
            let fresh = meta
                .filter(|m| m.complete)
                .and_then(|m| m.built_at)
                .is_some_and(|at| max_age.is_none_or(|max| age(at) <= max));
            if fresh {
                return Ok(index);
            }
        }
    }
    Ok(build(client, pool).await?.0)
}

async fn build(client: &CognitoClient, pool: &PoolId) -> Result<(Index, Filled), CliError> {
    let progress = Progress::start(
        client.scheduler().clone(),
        Category::UserList,
        None,
        "users",
        false,
    );
    if in_memory()? {
        let mut index = Index::in_memory().map_err(index_error)?;
        let filled = fill(client, &mut index, pool, |n, e| progress.set(n, e)).await;
        progress.finish();
        return Ok((index, filled.map_err(|e| CliError::Input(e.to_string()))?));
    }
    let path = store()?.path(&key(client, pool));
    let building = beside(&path, "building");
    remove_with_companions(&building)?;
    let mut index = Index::open(&building).map_err(index_error)?;
    let filled = fill(client, &mut index, pool, |n, e| progress.set(n, e)).await;
    progress.finish();
    drop(index);
    let filled = match filled {
        Ok(f) => f,
        Err(e) => {
            remove_with_companions(&building)?;
            return Err(CliError::Input(format!(
                "the index was not built: {e}{}",
                if path.exists() {
                    " (the last complete index is kept)"
                } else {
                    ""
                }
            )));
        }
    };
    remove_with_companions(&path)?;
    std::fs::rename(&building, &path).map_err(|e| {
        CliError::Input(format!(
            "could not put the index in place at {}: {e}",
            path.display()
        ))
    })?;
    Ok((Index::open(&path).map_err(index_error)?, filled))
}

fn key(client: &CognitoClient, pool: &PoolId) -> IndexKey {
    IndexKey {
        profile: client.profile().map(str::to_owned),
        region: client.region().to_owned(),
        pool: pool.clone(),
    }
}

fn store() -> Result<IndexStore, CliError> {
    IndexStore::open_default().map_err(index_error)
}

fn in_memory() -> Result<bool, CliError> {
    Ok(Config::load().map_err(CliError::Input)?.index_in_memory)
}

#[allow(clippy::needless_pass_by_value)] // the shape `map_err` takes
pub(super) fn index_error(e: IndexError) -> CliError {
    CliError::Input(format!("local index: {e}"))
}

/// How long ago `at` was (zero for a time in the future: a clock moved back).
pub(super) fn age(at: OffsetDateTime) -> Duration {
    Duration::try_from(OffsetDateTime::now_utc() - at).unwrap_or_default()
}

fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

/// Removes a database file and SQLite's `-wal`, `-shm` and `-journal` beside it, if there.
fn remove_with_companions(path: &Path) -> Result<(), CliError> {
    for file in std::iter::once(path.to_path_buf())
        .chain(["-wal", "-shm", "-journal"].map(|s| beside_raw(path, s)))
    {
        match std::fs::remove_file(&file) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(CliError::Input(format!(
                    "could not remove {}: {e}",
                    file.display()
                )));
            }
        }
    }
    Ok(())
}

fn beside_raw(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}
