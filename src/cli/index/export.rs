//! `users export`: the whole pool (a crawl, in parts when big), the users a server filter finds, or
//! those a query finds in the index; CSV in the pool's import columns, JSON or JSON Lines. Written
//! one user at a time; to a file, it is written beside it and put in place only when whole, so a
//! failed export never leaves a file that looks complete.

use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Write};
use std::os::unix::fs::OpenOptionsExt as _;
use std::path::{Path, PathBuf};
use std::pin::pin;

use futures::StreamExt as _;
use time::OffsetDateTime;

use super::super::args::PoolArg;
use super::super::output::Out;
use super::super::progress::Progress;
use super::super::user_args::IndexArgs;
use super::super::{CliError, CliResult, resolve_pool};
use super::build::ready_index;
use super::parse_query;
use super::query::{exported, pairs};
use crate::aws::quota::Category;
use crate::cognito::crawl::{Part, Resume, crawl, worth_partitioning};
use crate::cognito::users::{ListUsersRequest, UserType};
use crate::cognito::{CognitoClient, PoolId};
use crate::shared::export::{ExportFormat, ExportWriter, listed};

pub async fn run_export(
    client: &CognitoClient,
    pool: &PoolArg,
    query: Option<&str>,
    format: ExportFormat,
    out: Option<&Path>,
    index: &IndexArgs,
) -> CliResult {
    let query = query.map(parse_query).transpose()?;
    let pool = resolve_pool(client, &pool.pool).await?;
    let header = if format == ExportFormat::Csv {
        let (header, built) = client.csv_header(&pool).await?;
        if built {
            tracing::info!("no GetCSVHeader at this endpoint: CSV columns from the pool's schema");
        }
        header
    } else {
        Vec::new()
    };
    let Some(path) = out else {
        let mut stdout = Out::stdout();
        let mut writer = ExportWriter::new(&mut stdout, format, header)?;
        export(client, &pool, query.as_ref(), &mut writer, index, true).await?;
        writer.finish()?;
        return Ok(stdout.flush()?);
    };
    let partial = partial_path(path);
    // A file left by an export that was killed may have another mode: start afresh at 0600.
    let _ = std::fs::remove_file(&partial);
    let file = create_private(&partial)?;
    let mut file = BufWriter::with_capacity(256 * 1024, file);
    let result = async {
        let mut writer = ExportWriter::new(&mut file, format, header)?;
        export(client, &pool, query.as_ref(), &mut writer, index, false).await?;
        writer.finish()?;
        Ok::<(), CliError>(())
    }
    .await;
    let result = result.and_then(|()| {
        let file = file
            .into_inner()
            .map_err(std::io::IntoInnerError::into_error)?;
        file.sync_all()?;
        Ok(())
    });
    match result {
        Ok(()) => std::fs::rename(&partial, path).map_err(|e| {
            CliError::Input(format!(
                "could not put the export at {}: {e}",
                path.display()
            ))
        }),
        Err(e) => {
            let _ = std::fs::remove_file(&partial);
            Err(e)
        }
    }
}

async fn export<W: Write>(
    client: &CognitoClient,
    pool: &PoolId,
    query: Option<&crate::index::Query>,
    writer: &mut ExportWriter<W>,
    index: &IndexArgs,
    to_stdout: bool,
) -> Result<(), CliError> {
    let server_filter = query.map(crate::index::Query::server_filter);
    match (query, server_filter) {
        (Some(query), Some(None)) => {
            let index = ready_index(client, pool, index.max_age).await?;
            index.for_each(query, OffsetDateTime::now_utc(), |u| {
                let pairs = pairs(&u);
                writer.write(&exported(&u, &pairs)).map_err(CliError::from)
            })?;
        }
        (_, filter) => {
            let filter = filter.flatten();
            let estimate = client
                .describe_user_pool(pool)
                .await?
                .user_pool
                .and_then(|p| p.estimated_number_of_users);
            let parts = if filter.is_none() && worth_partitioning(estimate) {
                Part::sixteen()
            } else {
                vec![Part::All]
            };
            let mut request = ListUsersRequest::new(pool.clone());
            request.filter = filter;
            let progress = Progress::start(
                client.scheduler().clone(),
                Category::UserList,
                estimate,
                "users",
                to_stdout,
            );
            let resume = Resume::after(client.retry_policy());
            let background = client.background();
            let mut pages = pin!(crawl::<UserType>(&background, &request, parts, resume));
            while let Some(page) = pages.next().await {
                let page = page.map_err(|e| CliError::Incomplete(e.to_string()))?;
                for user in &page {
                    let pairs = crate::shared::export::pairs(user);
                    writer.write(&listed(user, &pairs))?;
                }
                progress.add(page.len());
            }
            progress.finish();
        }
    }
    Ok(())
}

fn partial_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".partial");
    PathBuf::from(name)
}

/// A new file only its owner can read: an export holds personal data.
fn create_private(path: &Path) -> Result<File, CliError> {
    OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| CliError::Input(format!("could not write {}: {e}", path.display())))
}
