//! `users list`: every user to stdout as pages arrive, memory one page whatever the pool's size.
//! A big pool is read in sixteen parts together (`cognito::crawl`) to reach the UserList quota; a
//! part that fails goes on from its last page. A listing that still fails leaves stdout whole (a
//! closed JSON array, complete lines) and says how many users came before the failure, and, for a
//! listing in one stream, the token to continue from.

use std::fmt::Write as _;
use std::io::Write as _;
use std::pin::pin;

use futures::{Stream, StreamExt as _};
use serde_json::value::RawValue;

use super::args::OutputFormat;
use super::output::Out;
use super::progress::Progress;
use super::user_args::Partitioning;
use super::user_rows::UserWriter;
use super::{CliError, CliResult};
use crate::aws::quota::Category;
use crate::cognito::crawl::{CrawlError, Part, Resume, crawl, worth_partitioning};
use crate::cognito::pools::{SchemaAttributeType, UserPoolType};
use crate::cognito::users::{ListUsersRequest, UserType};
use crate::cognito::{CognitoClient, describe_error};

pub async fn list(
    client: &CognitoClient,
    format: OutputFormat,
    mut request: ListUsersRequest,
    attributes: Vec<String>,
    partitioning: Partitioning,
    limit: Option<usize>,
) -> CliResult {
    if let Some(n) = limit {
        // A page no bigger than the users wanted: `--limit 1` costs one small page.
        request.limit = request
            .limit
            .min(u32::try_from(n.max(1)).unwrap_or(u32::MAX));
    }
    if !attributes.is_empty() {
        request.attributes_to_get = Some(attributes.clone());
    }
    // Each part is a filter on `sub`, and `sub` tells whether the server honoured it.
    let has_sub = attributes.is_empty() || attributes.iter().any(|a| a == "sub");
    let may_partition = request.filter.is_none() && request.pagination_token.is_none() && has_sub;
    if partitioning == Partitioning::Always && !may_partition {
        return Err(CliError::Input(
            "--partitioned always cannot be combined with --filter, --starting-token or \
             --attributes without sub (each part is a filter on sub)"
                .to_owned(),
        ));
    }
    let csv_columns = format == OutputFormat::Csv && attributes.is_empty();
    let pool = if csv_columns {
        client
            .describe_user_pool(&request.user_pool_id)
            .await?
            .user_pool
    } else if may_partition && partitioning != Partitioning::Never {
        // Only to decide: a role allowed ListUsers and not DescribeUserPool lists in one stream.
        match client.describe_user_pool(&request.user_pool_id).await {
            Ok(described) => described.user_pool,
            Err(e) => {
                tracing::info!(error = %e, "no estimate of the pool's size: one stream");
                None
            }
        }
    } else {
        None
    };
    let estimate = pool.as_ref().and_then(|p| p.estimated_number_of_users);
    let partitioned = match partitioning {
        Partitioning::Always => true,
        Partitioning::Never => false,
        Partitioning::Auto => may_partition && worth_partitioning(estimate),
    };
    let parts = if partitioned {
        Part::sixteen()
    } else {
        vec![Part::All]
    };
    let resume = Resume::after(client.retry_policy());
    let progress = Progress::start(
        client.scheduler().clone(),
        Category::UserList,
        estimate,
        "users",
        true,
    );
    // Nobody waits on page 40 of a part: a crawl yields to the person's own calls.
    let client = &client.background();
    let result = if format == OutputFormat::Json {
        let users = crawl::<Box<RawValue>>(client, &request, parts, resume);
        write_json(users, &progress, limit).await
    } else {
        let columns = if !attributes.is_empty() {
            attributes
        } else if csv_columns {
            attribute_names(pool.as_ref())
        } else {
            vec!["email".to_owned()]
        };
        let users = crawl::<UserType>(client, &request, parts, resume);
        write_rows(users, format, &columns, &progress, limit).await
    };
    progress.finish();
    result
}

/// Users byte for byte as ListUsers returned them, in one JSON array.
async fn write_json(
    users: impl Stream<Item = Result<Vec<Box<RawValue>>, CrawlError>>,
    progress: &Progress,
    limit: Option<usize>,
) -> CliResult {
    let mut users = pin!(users);
    let mut out = Out::stdout();
    let mut written = 0;
    // Nothing reaches stdout until the first page arrived: a failed first call leaves it empty.
    let mut next = match users.next().await {
        Some(Err(e)) => return Err(failed(e, 0)),
        other => other,
    };
    out.write_all(b"[")?;
    let outcome = loop {
        let Some(page) = next else { break Ok(()) };
        let mut page = match page {
            Ok(page) => page,
            Err(e) => break Err(e),
        };
        let full = keep_within(&mut page, written, limit);
        for user in &page {
            out.write_all(if written == 0 { b"\n  " } else { b",\n  " })?;
            out.write_all(user.get().as_bytes())?;
            written += 1;
        }
        out.flush()?;
        progress.add(page.len());
        if full {
            break Ok(());
        }
        next = users.next().await;
    };
    out.write_all(if written == 0 { b"]\n" } else { b"\n]\n" })?;
    out.flush()?;
    outcome.map_err(|e| failed(e, written))
}

async fn write_rows(
    users: impl Stream<Item = Result<Vec<UserType>, CrawlError>>,
    format: OutputFormat,
    columns: &[String],
    progress: &Progress,
    limit: Option<usize>,
) -> CliResult {
    let mut users = pin!(users);
    let mut out = Out::stdout();
    let mut writer = UserWriter::new(format, columns);
    let mut written = 0;
    while let Some(page) = users.next().await {
        let mut page = page.map_err(|e| failed(e, written))?;
        let full = keep_within(&mut page, written, limit);
        writer.write(&mut out, &page)?;
        out.flush()?;
        written += page.len();
        progress.add(page.len());
        if full {
            // The listing stops here: no page after it is asked for.
            break;
        }
    }
    writer.finish(&mut out)?;
    Ok(out.flush()?)
}

/// Cuts `page` to the users still wanted after `written`; whether that is all of them.
fn keep_within<T>(page: &mut Vec<T>, written: usize, limit: Option<usize>) -> bool {
    let Some(limit) = limit else {
        return false;
    };
    page.truncate(limit.saturating_sub(written));
    written + page.len() >= limit
}

/// The error of a listing: as the service said it when nothing was written; else how many users
/// came before it, and the token to go on from when the listing was one stream.
fn failed(e: CrawlError, written: usize) -> CliError {
    if written == 0 && e.part == Part::All {
        return e.source.into();
    }
    let mut text = match e.part {
        Part::All => describe_error(&e.source),
        Part::Sub(_) => e.to_string(),
    };
    let _ = write!(
        text,
        " ({written} user{} written before it failed",
        if written == 1 { "" } else { "s" }
    );
    if let Some(token) = e.token.filter(|_| e.part == Part::All && written > 0) {
        text.push_str("; continue with --starting-token ");
        text.push_str(&token);
    }
    text.push(')');
    CliError::Incomplete(text)
}

/// Every attribute the pool's schema declares, `custom:` ones with their prefix.
fn attribute_names(pool: Option<&UserPoolType>) -> Vec<String> {
    pool.map(|p| p.schema_attributes.as_slice())
        .unwrap_or_default()
        .iter()
        .filter_map(SchemaAttributeType::user_attribute_name)
        .collect()
}
