//! Finding a person in every pool some connections (profile × region) reach, for support staff
//! who rarely know the pool: what the text typed is (an email, a phone number, a `sub`, else a
//! username), one ListUsers with an exact filter per pool, pools searched a few at a time, and
//! every pool that could not be searched reported beside the hits, never skipped.
//!
//! The calls go in the client's interactive lane: a person waits for the whole answer, and each
//! pool costs one call (two for an email typed with capitals), so even a few hundred pools are a
//! few seconds of UserList quota. At most `CONCURRENT_POOLS` wait for a token at once, so a crawl
//! of the same account yields only for those seconds, and the person's other calls are not
//! queued behind hundreds of them.

use futures::{StreamExt as _, TryStreamExt as _};
use serde::Serialize;

use crate::aws::AwsError;
use crate::cognito::users::{ListUsersRequest, UserType};
use crate::cognito::{CognitoClient, PoolId, describe_error};

/// Pools searched at once, over every connection.
pub const CONCURRENT_POOLS: usize = 8;

#[path = "find_needle.rs"]
mod needle;
pub use needle::{Needle, NeedleKind};

#[path = "find_places.rs"]
mod places;
pub use places::{Connections, Places, connect};

/// Where a search goes: a connection's profile and region.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Place {
    pub profile: Option<String>,
    pub region: String,
}

impl Place {
    pub fn of(client: &CognitoClient) -> Self {
        Self {
            profile: client.profile().map(str::to_owned),
            region: client.region().to_owned(),
        }
    }
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.profile {
            Some(p) => write!(f, "profile {p}, {}", self.region),
            None => f.write_str(&self.region),
        }
    }
}

/// One user found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Hit {
    #[serde(flatten)]
    pub place: Place,
    pub user_pool_id: PoolId,
    pub pool_name: String,
    pub username: String,
    pub user_status: String,
    pub enabled: Option<bool>,
    pub email: Option<String>,
    /// Found by the email in lower case, not as typed.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub by_lowercase: bool,
    /// Found as a username: an email or a UUID that no user has as their `email` or `sub`, but
    /// one has as their name (pools that take the address, or an app's id, as the username).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub by_username: bool,
}

/// A pool that could not be searched, or a connection whose pools could not be listed (`pool`
/// is then `None`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Failure {
    #[serde(flatten)]
    pub place: Place,
    pub user_pool_id: Option<PoolId>,
    pub pool_name: Option<String>,
    pub code: Option<String>,
    pub message: String,
}

impl Failure {
    fn new(place: Place, pool: Option<&Pool>, error: &AwsError) -> Self {
        Self {
            place,
            user_pool_id: pool.map(|p| p.id.clone()),
            pool_name: pool.map(|p| p.name.clone()),
            code: error.code().map(str::to_owned),
            message: describe_error(error),
        }
    }

    /// A connection that could not be made at all (no region for a profile, a bad endpoint).
    pub fn unreachable(place: Place, error: &AwsError) -> Self {
        Self::new(place, None, error)
    }

    /// `profile prod, eu-west-1, pool acme (eu-west-1_x): AccessDeniedException: …`.
    pub fn line(&self) -> String {
        match (&self.pool_name, &self.user_pool_id) {
            (Some(name), Some(id)) => {
                format!("{}, pool {name} ({id}): {}", self.place, self.message)
            }
            _ => format!("{}: pools not listed: {}", self.place, self.message),
        }
    }
}

/// Everything a search found, and what it could not search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct FindReport {
    pub needle: Needle,
    /// The email in lower case, tried in each pool where the email as typed found nobody.
    pub lowercase: Option<String>,
    /// Pools listed over every connection (M).
    pub pools: usize,
    /// Pools that answered (N).
    pub searched: usize,
    pub hits: Vec<Hit>,
    /// Pools that failed, then connections whose pools could not be listed.
    pub failures: Vec<Failure>,
}

impl FindReport {
    /// `searched 3 of 4 pools; 1 failed`, and the connections whose pools are unknown.
    pub fn summary(&self) -> String {
        let failed = self
            .failures
            .iter()
            .filter(|f| f.user_pool_id.is_some())
            .count();
        let unlisted = match self.failures.len() - failed {
            0 => String::new(),
            1 => "; the pools of 1 profile/region could not be listed".to_owned(),
            n => format!("; the pools of {n} profiles/regions could not be listed"),
        };
        format!(
            "searched {} of {} pools; {failed} failed{unlisted}",
            self.searched, self.pools
        )
    }

    /// `no user matches email = "Ann@x.com" (nor its lower case, "ann@x.com") in 4 pools`.
    pub fn nobody(&self) -> String {
        let lower = self
            .lowercase
            .as_ref()
            .map(|l| format!(" (nor its lower case, {l:?})"))
            .unwrap_or_default();
        let s = if self.searched == 1 { "" } else { "s" };
        let username = self
            .needle
            .as_username()
            .map(|u| format!(" nor {}", u.filter()))
            .unwrap_or_default();
        format!(
            "no user matches {}{lower}{username} in {} pool{s}",
            self.needle.filter(),
            self.searched
        )
    }

    pub fn is_complete(&self) -> bool {
        self.failures.is_empty()
    }
}

/// A pool to search, and the connection it is reached through.
#[derive(Debug, Clone)]
struct Pool {
    client: usize,
    id: PoolId,
    name: String,
}

/// Which pools a search covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every pool each connection lists.
    Everywhere,
    /// One pool, through the first connection, with no listing (a support role may not be
    /// allowed ListUserPools); `name` is how the person named it.
    Pool { id: PoolId, name: String },
}

/// Searches the pools `scope` covers for `needle`. Failures are part of the report; this never
/// fails as a whole.
pub async fn find_person(clients: &[CognitoClient], needle: &Needle, scope: &Scope) -> FindReport {
    let mut failures = Vec::new();
    let mut pools = Vec::new();
    match scope {
        Scope::Pool { id, name } => pools.extend(clients.first().map(|_| Pool {
            client: 0,
            id: id.clone(),
            name: name.clone(),
        })),
        Scope::Everywhere => {
            let listed = clients.iter().enumerate().map(|(i, c)| list(i, c));
            for (i, outcome) in futures::future::join_all(listed)
                .await
                .into_iter()
                .enumerate()
            {
                match outcome {
                    Ok(found) => pools.extend(found),
                    Err(e) => failures.push(Failure::new(Place::of(&clients[i]), None, &e)),
                }
            }
        }
    }
    let lowercase = needle.lowercase();
    // Owned inputs: futures that borrow through a closure's argument are not `Send` for every
    // lifetime, which the worker's tasks need.
    let searches = pools.iter().cloned().map(|pool| {
        let client = clients[pool.client].clone();
        let (needle, lowercase) = (needle.clone(), lowercase.clone());
        async move { search_pool(&client, &pool, &needle, lowercase.as_ref()).await }
    });
    let outcomes: Vec<_> = futures::stream::iter(searches)
        .buffer_unordered(CONCURRENT_POOLS)
        .collect()
        .await;
    let mut hits = Vec::new();
    let mut answered = 0;
    let mut pool_failures = Vec::new();
    for outcome in outcomes {
        match outcome {
            Ok(found) => {
                answered += 1;
                hits.extend(found);
            }
            Err(f) => pool_failures.push(f),
        }
    }
    hits.sort_by(|a, b| {
        (&a.place, &a.pool_name, &a.username).cmp(&(&b.place, &b.pool_name, &b.username))
    });
    pool_failures.sort_by(|a, b| (&a.place, &a.pool_name).cmp(&(&b.place, &b.pool_name)));
    pool_failures.extend(failures);
    FindReport {
        needle: needle.clone(),
        lowercase: lowercase.map(|l| l.value),
        pools: pools.len(),
        searched: answered,
        hits,
        failures: pool_failures,
    }
}

/// Every pool a connection lists, every page.
async fn list(index: usize, client: &CognitoClient) -> Result<Vec<Pool>, AwsError> {
    let pages: Vec<_> = client.list_user_pools().try_collect().await?;
    Ok(pages
        .into_iter()
        .flat_map(|p| p.user_pools)
        .map(|p| Pool {
            client: index,
            name: p.name.unwrap_or_else(|| p.id.to_string()),
            id: p.id,
        })
        .collect())
}

/// One pool: the needle as typed, then (for an email with capitals that found nobody) in lower
/// case, then (an email or a UUID still found nobody) as a username.
async fn search_pool(
    client: &CognitoClient,
    pool: &Pool,
    needle: &Needle,
    lowercase: Option<&Needle>,
) -> Result<Vec<Hit>, Failure> {
    let fail = |e: &AwsError| Failure::new(Place::of(client), Some(pool), e);
    let users = list_users(client, &pool.id, needle)
        .await
        .map_err(|e| fail(&e))?;
    let (users, by_lowercase) = match lowercase {
        Some(lower) if users.is_empty() => (
            list_users(client, &pool.id, lower)
                .await
                .map_err(|e| fail(&e))?,
            true,
        ),
        _ => (users, false),
    };
    let (users, by_username) = match needle.as_username() {
        Some(name) if users.is_empty() => (
            list_users(client, &pool.id, &name)
                .await
                .map_err(|e| fail(&e))?,
            true,
        ),
        _ => (users, false),
    };
    Ok(users
        .iter()
        .map(|u| Hit {
            by_lowercase: by_lowercase && !by_username,
            by_username,
            ..hit(client, pool, u)
        })
        .collect())
}

/// ListUsers with the needle's filter, every page (one, unless many users share an email).
async fn list_users(
    client: &CognitoClient,
    pool: &PoolId,
    needle: &Needle,
) -> Result<Vec<UserType>, AwsError> {
    let mut request = ListUsersRequest::new(pool.clone());
    request.filter = Some(needle.filter());
    let pages: Vec<_> = client.list_users(request).try_collect().await?;
    Ok(pages.into_iter().flat_map(|p| p.users).collect())
}

fn hit(client: &CognitoClient, pool: &Pool, user: &UserType) -> Hit {
    let email = user
        .attributes
        .iter()
        .find(|a| a.name == "email")
        .and_then(|a| a.value.clone());
    Hit {
        place: Place::of(client),
        user_pool_id: pool.id.clone(),
        pool_name: pool.name.clone(),
        username: user.username.to_string(),
        user_status: crate::cognito::user_status::UserStatus::text_of(user.user_status.as_ref())
            .to_owned(),
        enabled: user.enabled,
        email,
        by_lowercase: false,
        by_username: false,
    }
}

#[cfg(test)]
#[path = "find_tests.rs"]
mod tests;
