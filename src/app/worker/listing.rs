//! The users pane's whole-pool listing. The first page is asked at once, beside the pool's
//! estimate, so users show in one round trip; a big pool (`crawl::worth_partitioning`) then goes
//! on in sixteen parts at the quota's pace instead of one page after another (16 pages in flight
//! against one), its progress and quota use told as it goes. The first page's users are not sent
//! twice. A small pool, or one whose estimate cannot be read, goes on as one listing that a
//! failure can continue from its last page.

use std::collections::HashSet;
use std::pin::pin;

use futures::{StreamExt as _, TryStreamExt as _};
use tokio::sync::mpsc;

use super::index::{Reporter, local};
use super::reads::{Stopped, rows_payload, send_page, stream};
use crate::app::action::Action;
use crate::app::browse::rows::UserRow;
use crate::app::remote::RequestId;
use crate::aws::quota::Category;
use crate::cognito::crawl::{Part, Resume, crawl, worth_partitioning};
use crate::cognito::users::{ListUsersRequest, UserType};
use crate::cognito::{CognitoClient, PoolId};

/// ListUsers with a filter, or from a page token; the whole pool from its start in parts when
/// it is big.
pub(super) async fn users(
    client: &CognitoClient,
    request: RequestId,
    pool: PoolId,
    filter: Option<String>,
    from: Option<String>,
    actions: &mpsc::Sender<Action>,
) -> Result<(), Stopped> {
    if filter.is_none() && from.is_none() {
        return all_users(client, request, pool, actions).await;
    }
    let mut input = ListUsersRequest::new(pool);
    input.filter = filter;
    input.pagination_token = from;
    stream(
        actions,
        request,
        client.list_users(input),
        rows_payload,
        |p| p.users.iter().map(UserRow::from).collect(),
    )
    .await
}

async fn all_users(
    client: &CognitoClient,
    request: RequestId,
    pool: PoolId,
    actions: &mpsc::Sender<Action>,
) -> Result<(), Stopped> {
    let mut pages = Box::pin(client.list_users(ListUsersRequest::new(pool.clone())));
    let (first, described) = tokio::join!(pages.try_next(), client.describe_user_pool(&pool));
    let first = first?;
    // A role without DescribeUserPool still lists, in one stream.
    let estimate = described
        .ok()
        .and_then(|d| d.user_pool)
        .and_then(|p| p.estimated_number_of_users);
    let big = first
        .as_ref()
        .is_some_and(|p| p.pagination_token.is_some() && worth_partitioning(estimate));
    let first = match first {
        Some(page) if big => page,
        first => {
            let rest = futures::stream::iter(first.map(Ok)).chain(pages);
            return stream(actions, request, rest, rows_payload, |p| {
                p.users.iter().map(UserRow::from).collect()
            })
            .await;
        }
    };
    drop(pages);
    let shown: HashSet<String> = first.users.iter().map(|u| u.username.to_string()).collect();
    let rows: Vec<UserRow> = first.users.iter().map(UserRow::from).collect();
    if send_page(actions, request, rows_payload(rows), false)
        .await
        .is_err()
    {
        return Ok(());
    }
    let background = client.background();
    let mut reporter = Reporter::new(client, actions, request, "listing", Category::UserList);
    let input = ListUsersRequest::new(pool);
    let resume = Resume::after(client.retry_policy());
    let mut parts = pin!(crawl::<UserType>(
        &background,
        &input,
        Part::sixteen(),
        resume
    ));
    let mut listed = u64::try_from(shown.len()).unwrap_or(0);
    while let Some(page) = parts.next().await {
        let page = page.map_err(|e| local(format!("the listing is incomplete: {e}")))?;
        let rows: Vec<UserRow> = page
            .iter()
            .filter(|u| !shown.contains(u.username.as_str()))
            .map(UserRow::from)
            .collect();
        listed += u64::try_from(rows.len()).unwrap_or(0);
        reporter.report(listed, estimate);
        if send_page(actions, request, rows_payload(rows), false)
            .await
            .is_err()
        {
            return Ok(());
        }
    }
    let _ = send_page(actions, request, rows_payload::<UserRow>(Vec::new()), true).await;
    Ok(())
}
