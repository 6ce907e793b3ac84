//! `users export`: the whole pool (a crawl, in parts when big), the users a server filter finds, or
//! those a query finds in the index; CSV in the pool's import columns, JSON or JSON Lines. Written
//! one user at a time; to a file, it is written beside it and put in place only when whole, so a
//! failed export never leaves a file that looks complete.

use std::io::Write;
use std::path::Path;
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
use crate::aws::quota::Category;
use crate::cognito::crawl::{Part, Resume, crawl, worth_partitioning};
use crate::cognito::users::{ListUsersRequest, UserType};
use crate::cognito::{CognitoClient, PoolId};
use crate::shared::export::{ExportFormat, ExportWriter, indexed, listed, pairs};
use crate::shared::export_file::ExportFile;

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
    let mut file = ExportFile::create(path).map_err(|e| CliError::Input(e.to_string()))?;
    let mut writer = ExportWriter::new(&mut file, format, header)?;
    export(client, &pool, query.as_ref(), &mut writer, index, false).await?;
    writer.finish()?;
    file.commit().map_err(|e| CliError::Input(e.to_string()))
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
                let pairs = pairs(&u.user.attributes);
                writer.write(&indexed(&u, &pairs)).map_err(CliError::from)
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
                    let pairs = pairs(&user.attributes);
                    writer.write(&listed(user, &pairs))?;
                }
                progress.add(page.len());
            }
            progress.finish();
        }
    }
    Ok(())
}
