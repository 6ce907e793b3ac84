//! `users export`: the whole pool (a crawl, in parts when big), the users a server filter finds, or
//! those a query finds in the index; CSV in the pool's import columns, JSON or JSON Lines. Written
//! one user at a time; to a file, it is written beside it and put in place only when whole, so a
//! failed export never leaves a file that looks complete.

use std::io::Write;
use std::path::Path;

use time::OffsetDateTime;

use super::super::args::PoolArg;
use super::super::output::Out;
use super::super::progress::Progress;
use super::super::user_args::IndexArgs;
use super::super::{CliError, CliResult, resolve_pool};
use super::build::ready_index;
use super::parse_query;
use crate::aws::quota::Category;
use crate::cognito::{CognitoClient, PoolId};
use crate::shared::export::{ExportFormat, ExportWriter, indexed, pairs};
use crate::shared::export_file::ExportFile;
use crate::shared::export_listed::{ListedError, write_listed};

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
    // `--out` replaces a file already there, as a shell's `>` would.
    let mut file = ExportFile::create(path, true).map_err(|e| CliError::Input(e.to_string()))?;
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
            let progress = Progress::start(
                client.scheduler().clone(),
                Category::UserList,
                None,
                "users",
                to_stdout,
            );
            let written = write_listed(client, pool, filter.flatten(), writer, |n, estimate| {
                progress.set(n, estimate);
            })
            .await;
            written.map_err(|e| match e {
                ListedError::Incomplete(e) => CliError::Incomplete(e.to_string()),
                ListedError::Write(e) => CliError::from(e),
            })?;
            progress.finish();
        }
    }
    Ok(())
}
