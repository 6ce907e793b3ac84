//! Users written straight from a listing: the whole pool (in sixteen parts when it is big) or the
//! users one ListUsers filter finds, one at a time, for the CLI's `users export` and the console's
//! Ctrl-S alike. A listing that fails part-way fails the export: it is never cut short quietly.

use std::io::{self, Write};
use std::pin::pin;

use futures::StreamExt as _;

use crate::cognito::crawl::{CrawlError, Part, Resume, crawl, worth_partitioning};
use crate::cognito::users::{ListUsersRequest, UserType};
use crate::cognito::{CognitoClient, PoolId};
use crate::shared::export::{ExportWriter, listed, pairs};

#[derive(Debug, thiserror::Error)]
pub enum ListedError {
    #[error("the export is incomplete: {0}")]
    Incomplete(#[from] CrawlError),
    #[error("{0}")]
    Write(#[from] io::Error),
}

/// Writes every user of `pool` (or those `filter` finds) to `writer`, in the background lane;
/// `progress` hears the users written so far and the pool's estimate (for the whole pool).
pub async fn write_listed<W: Write>(
    client: &CognitoClient,
    pool: &PoolId,
    filter: Option<String>,
    writer: &mut ExportWriter<W>,
    mut progress: impl FnMut(u64, Option<u64>),
) -> Result<(), ListedError> {
    // Only the whole pool is worth splitting; a role without DescribeUserPool lists in one stream.
    let estimate = match filter {
        Some(_) => None,
        None => client
            .describe_user_pool(pool)
            .await
            .ok()
            .and_then(|d| d.user_pool)
            .and_then(|p| p.estimated_number_of_users),
    };
    let parts = if filter.is_none() && worth_partitioning(estimate) {
        Part::sixteen()
    } else {
        vec![Part::All]
    };
    let mut request = ListUsersRequest::new(pool.clone());
    request.filter = filter;
    let background = client.background();
    let resume = Resume::after(client.retry_policy());
    let mut pages = pin!(crawl::<UserType>(&background, &request, parts, resume));
    while let Some(page) = pages.next().await {
        for user in &page? {
            let pairs = pairs(&user.attributes);
            writer.write(&listed(user, &pairs))?;
        }
        progress(writer.written(), estimate);
    }
    Ok(())
}
