//! `users index`, and the index a query, count or export reads: the pool's complete index when it
//! is fresh enough, else one built now (`index::ready`: beside the index, put in place only once
//! complete).

use std::io::Write as _;
use std::time::{Duration, Instant};

use serde_json::json;

use super::super::args::{OutputFormat, PoolArg};
use super::super::output::{Out, write_json};
use super::super::progress::Progress;
use super::super::{CliError, CliResult, resolve_pool};
use crate::aws::quota::Category;
use crate::cognito::{CognitoClient, PoolId};
use crate::index::ready::key_of;
use crate::index::{Filled, Home, Index, IndexError};
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
    let home = home()?;
    let key = key_of(client, pool);
    if let Some(index) = home.open_complete(&key, max_age)? {
        return Ok(index);
    }
    // A build another command runs meanwhile is waited for and read, not made again.
    let progress = progress(client);
    let ready = home
        .ready(client, &key, max_age, |n, e| progress.set(n, e))
        .await;
    progress.finish();
    ready.map_err(|e| CliError::Input(e.to_string()))
}

fn progress(client: &CognitoClient) -> Progress {
    Progress::start(
        client.scheduler().clone(),
        Category::UserList,
        None,
        "users",
        false,
    )
}

/// `users index`: refused while another build of the pool runs.
async fn build(client: &CognitoClient, pool: &PoolId) -> Result<(Index, Filled), CliError> {
    let progress = progress(client);
    let built = home()?
        .build_unless_busy(client, &key_of(client, pool), |n, e| progress.set(n, e))
        .await;
    progress.finish();
    built.map_err(|e| CliError::Input(e.to_string()))
}

fn home() -> Result<Home, CliError> {
    let in_memory = Config::load().map_err(CliError::Input)?.index_in_memory;
    Home::new(in_memory).map_err(index_error)
}

#[allow(clippy::needless_pass_by_value)] // the shape `map_err` takes
pub(super) fn index_error(e: IndexError) -> CliError {
    CliError::Input(format!("local index: {e}"))
}
