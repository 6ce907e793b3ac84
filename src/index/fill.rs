//! Filling an index from the service: every user by a crawl (in sixteen parts for a big pool, in
//! the background lane so the person's own calls go first), then every group's members. An index
//! is marked complete only when all of it came; a crawl that fails leaves it marked unfinished,
//! and the caller that built it aside (`IndexStore::build_path`) keeps the last complete one.

use std::pin::pin;

use futures::{StreamExt as _, TryStreamExt as _};
use time::OffsetDateTime;

use super::{Index, IndexError, UserRecord};
use crate::aws::AwsError;
use crate::cognito::crawl::{CrawlError, Part, Resume, crawl, worth_partitioning};
use crate::cognito::ids::GroupName;
use crate::cognito::users::{ListUsersRequest, UserType};
use crate::cognito::{CognitoClient, PoolId};

#[derive(Debug, thiserror::Error)]
pub enum FillError {
    #[error("{0}")]
    Crawl(#[from] CrawlError),
    #[error("{}", crate::cognito::describe_error(.0))]
    Service(#[from] AwsError),
    #[error("{0}")]
    Index(#[from] IndexError),
}

/// What a fill did, for the caller to report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filled {
    pub users: u64,
    pub groups: usize,
    pub partitioned: bool,
}

/// Fills `index` with `pool`; `progress` hears the users added so far.
pub async fn fill(
    client: &CognitoClient,
    index: &mut Index,
    pool: &PoolId,
    mut progress: impl FnMut(u64, Option<u64>),
) -> Result<Filled, FillError> {
    let client = client.background();
    // The index is as fresh as the moment its listing began: a change after it may be missing.
    let started = OffsetDateTime::now_utc();
    index.start_build(pool, client.region())?;
    let described = client.describe_user_pool(pool).await?.user_pool;
    if let Some(described) = &described {
        index.set_naming(&super::Naming::of(described))?;
    }
    let estimate = described.and_then(|p| p.estimated_number_of_users);
    let partitioned = worth_partitioning(estimate);
    let parts = if partitioned {
        Part::sixteen()
    } else {
        vec![Part::All]
    };
    let request = ListUsersRequest::new(pool.clone());
    let resume = Resume::after(client.retry_policy());
    let mut pages = pin!(crawl::<UserType>(&client, &request, parts, resume));
    let mut users = 0u64;
    while let Some(page) = pages.next().await {
        let records: Vec<UserRecord> = page?.into_iter().map(UserRecord::from).collect();
        index.add_users(&records)?;
        users += u64::try_from(records.len()).unwrap_or(0);
        progress(users, estimate);
    }
    let groups: Vec<GroupName> = client
        .list_groups(pool)
        .map_ok(|page| {
            futures::stream::iter(
                page.groups
                    .into_iter()
                    .map(|g| Ok::<_, AwsError>(g.group_name)),
            )
        })
        .try_flatten()
        .try_collect()
        .await?;
    for group in &groups {
        let members: Vec<String> = client
            .list_users_in_group(pool, group)
            .map_ok(|page| {
                futures::stream::iter(
                    page.users
                        .into_iter()
                        .map(|u| Ok::<_, AwsError>(u.username.to_string())),
                )
            })
            .try_flatten()
            .try_collect()
            .await?;
        index.set_group_members(group.as_str(), &members)?;
    }
    index.finish(started)?;
    Ok(Filled {
        users,
        groups: groups.len(),
        partitioned,
    })
}
