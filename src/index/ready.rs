//! An index ready to read, for the CLI and the console alike: the pool's complete index on disk
//! when it is fresh enough, else one built now. A build on disk goes to a file beside the index
//! and replaces it only once complete, so a build that fails (or is stopped) keeps the last good
//! index. With `index_in_memory` nothing is written: every build lives as long as its reader.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::Duration;

use time::OffsetDateTime;

use super::db::{private_dir, private_file};
use super::store::remove_with_companions;
use super::{FillError, Filled, Grouping, Index, IndexError, IndexKey, IndexStore, fill};
use crate::cognito::{CognitoClient, PoolId};

/// Where indexes live: files in the data directory, or memory only (`index_in_memory = true`).
#[derive(Debug, Clone)]
pub enum Home {
    Disk(IndexStore),
    Memory,
}

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("local index: {0}")]
    Index(#[from] IndexError),
    #[error(
        "another build of this pool's index is running (from another command or a console); \
         it puts the index in place when it finishes: query it then, or build again after it"
    )]
    Busy,
    #[error("the index was not built: {source}{}", if *.kept { " (the last complete index is kept)" } else { "" })]
    Fill {
        source: FillError,
        /// A complete index from before is still in place.
        kept: bool,
    },
}

/// What the Overview shows of a pool's index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// When the build began listing users: the data is at least this fresh.
    pub built_at: OffsetDateTime,
    pub users: u64,
    /// Users by status (`CONFIRMED`, ...), by status name.
    pub by_status: Vec<(String, u64)>,
    /// The tool's own changes since the build that it could not apply.
    pub unfollowed: u64,
}

impl Home {
    /// The default place: memory when `in_memory`, else the data directory's `indexes/`.
    pub fn new(in_memory: bool) -> Result<Self, IndexError> {
        if in_memory {
            Ok(Self::Memory)
        } else {
            IndexStore::open_default().map(Self::Disk)
        }
    }

    /// The complete index of `key` on disk, when it is no older than `max_age` (any age: `None`).
    pub fn open_complete(
        &self,
        key: &IndexKey,
        max_age: Option<Duration>,
    ) -> Result<Option<Index>, IndexError> {
        let Self::Disk(store) = self else {
            return Ok(None);
        };
        let path = store.path(key);
        if !path.exists() {
            return Ok(None);
        }
        let index = Index::open(&path)?;
        let fresh = index
            .meta()?
            .filter(|m| m.complete)
            .and_then(|m| m.built_at)
            .is_some_and(|at| max_age.is_none_or(|max| age(at) <= max));
        Ok(fresh.then_some(index))
    }

    /// Builds the index of `key` now; `progress` hears the users read so far and the pool's
    /// estimate. On disk it replaces the last one only when complete, and one build of a pool
    /// runs at a time, in this process or another: a second waits for the first.
    pub async fn build(
        &self,
        client: &CognitoClient,
        key: &IndexKey,
        progress: impl FnMut(u64, Option<u64>),
    ) -> Result<(Index, Filled), BuildError> {
        let _lock = self.lock(key, Wait::Yes).await?;
        self.build_alone(client, key, progress).await
    }

    /// As `build`, refused with `BuildError::Busy` while another build of the pool runs (an
    /// explicit rebuild need not wait for one only to crawl the pool again). A lock left by a
    /// process that was killed is no obstacle: the system released it with the process.
    pub async fn build_unless_busy(
        &self,
        client: &CognitoClient,
        key: &IndexKey,
        progress: impl FnMut(u64, Option<u64>),
    ) -> Result<(Index, Filled), BuildError> {
        let _lock = self.lock(key, Wait::No).await?;
        self.build_alone(client, key, progress).await
    }

    /// The complete index of `key` no older than `max_age`, else one built now; a build another
    /// reader started meanwhile is waited for and used.
    pub async fn ready(
        &self,
        client: &CognitoClient,
        key: &IndexKey,
        max_age: Option<Duration>,
        progress: impl FnMut(u64, Option<u64>),
    ) -> Result<Index, BuildError> {
        if let Some(index) = self.open_complete(key, max_age)? {
            return Ok(index);
        }
        let _lock = self.lock(key, Wait::Yes).await?;
        if let Some(index) = self.open_complete(key, max_age)? {
            return Ok(index);
        }
        Ok(self.build_alone(client, key, progress).await?.0)
    }

    /// Takes the pool's build lock (`….sqlite3.lock`, empty, the owner's only), waiting for it
    /// or not; held until dropped, released by the system if the process dies.
    async fn lock(&self, key: &IndexKey, wait: Wait) -> Result<Option<File>, BuildError> {
        let Self::Disk(store) = self else {
            return Ok(None);
        };
        let path = beside(&store.path(key), ".lock");
        if let Some(dir) = path.parent() {
            private_dir(dir)?;
        }
        private_file(&path)?;
        let file = OpenOptions::new()
            .write(true)
            .open(&path)
            .map_err(|e| IndexError::io("open", &path, e))?;
        if wait == Wait::No {
            // `index list` and `index clear` take the lock for an instant to see whether a build
            // runs: a few tries over 50 ms tell that from a build that holds it.
            for attempt in 0..=5 {
                match file.try_lock() {
                    Ok(()) => return Ok(Some(file)),
                    Err(TryLockError::WouldBlock) if attempt < 5 => {
                        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
                    }
                    Err(TryLockError::WouldBlock) => return Err(BuildError::Busy),
                    Err(TryLockError::Error(e)) => {
                        return Err(IndexError::io("lock", path, e).into());
                    }
                }
            }
            return Err(BuildError::Busy);
        }
        let locked = tokio::task::spawn_blocking(move || file.lock().map(|()| file)).await;
        match locked {
            Ok(Ok(file)) => Ok(Some(file)),
            Ok(Err(e)) => Err(IndexError::io("lock", path, e).into()),
            Err(e) => Err(IndexError::io("lock", path, std::io::Error::other(e)).into()),
        }
    }

    /// A build with the lock held (or in memory).
    async fn build_alone(
        &self,
        client: &CognitoClient,
        key: &IndexKey,
        progress: impl FnMut(u64, Option<u64>),
    ) -> Result<(Index, Filled), BuildError> {
        let Self::Disk(store) = self else {
            let mut index = Index::in_memory()?;
            let filled = fill(client, &mut index, &key.pool, progress).await;
            let filled = filled.map_err(|source| BuildError::Fill {
                source,
                kept: false,
            })?;
            return Ok((index, filled));
        };
        let path = store.path(key);
        let building = building_path(&path);
        remove_with_companions(&building)?;
        // Dropped before it finishes (a console's Esc), the build leaves no file behind.
        let guard = Unfinished(&building);
        let mut index = Index::open(&building)?;
        let filled = fill(client, &mut index, &key.pool, progress).await;
        drop(index);
        let filled = filled.map_err(|source| BuildError::Fill {
            source,
            kept: path.exists(),
        })?;
        remove_with_companions(&path)?;
        std::fs::rename(&building, &path)
            .map_err(|e| IndexError::io("put the index in place at", &path, e))?;
        std::mem::forget(guard);
        let index = Index::open(&path)?;
        if !index.is_complete()? {
            return Err(IndexError::io(
                "find a complete index at",
                &path,
                std::io::Error::other("it was replaced while it was built"),
            )
            .into());
        }
        Ok((index, filled))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wait {
    Yes,
    No,
}

/// The index a client's profile and region keep for `pool`.
pub fn key_of(client: &CognitoClient, pool: &PoolId) -> IndexKey {
    IndexKey {
        profile: client.profile().map(str::to_owned),
        region: client.region().to_owned(),
        pool: pool.clone(),
    }
}

/// How long ago `at` was (zero for a time in the future: a clock moved back).
pub fn age(at: OffsetDateTime) -> Duration {
    Duration::try_from(OffsetDateTime::now_utc() - at).unwrap_or_default()
}

/// Where a build of the index at `path` is written until it is complete.
pub fn building_path(path: &Path) -> PathBuf {
    beside(path, ".building")
}

fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// A complete index's age, size and users by status; `None` for an unfinished one.
pub fn summary(index: &Index) -> Result<Option<Summary>, IndexError> {
    let Some(meta) = index.meta()?.filter(|m| m.complete) else {
        return Ok(None);
    };
    let Some(built_at) = meta.built_at else {
        return Ok(None);
    };
    let by_status = index
        .count_by(&Grouping::Status)?
        .into_iter()
        .map(|(status, n)| (status.unwrap_or_else(|| "(none)".to_owned()), n))
        .collect();
    Ok(Some(Summary {
        built_at,
        users: meta.users,
        by_status,
        unfollowed: meta.unfollowed,
    }))
}

/// Removes an unfinished build's file when dropped.
struct Unfinished<'a>(&'a Path);

impl Drop for Unfinished<'_> {
    fn drop(&mut self) {
        if let Err(e) = remove_with_companions(self.0) {
            tracing::warn!(error = %e, "an unfinished index build could not be removed");
        }
    }
}
