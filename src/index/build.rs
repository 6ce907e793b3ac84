//! A build: the users of a crawl as they come, in batches, then each group's members, then
//! `finish`. Until `finish` the index says it is not complete, so a crawl that stopped half-way is
//! never taken for the pool.

use rusqlite::{OptionalExtension as _, Transaction, params};
use time::OffsetDateTime;

use super::db::{BUILD_CACHE_KIB, Index, SCAN_CACHE_KIB};
use super::error::{IndexError, IndexResult};
use super::record::UserRecord;
use super::write::{add_members, group_id, upsert_user};
use crate::cognito::ids::PoolId;

/// The indexes a query needs but a bulk load is faster without: built once, sorted, at `finish`.
const QUERY_INDEXES: &str = "
CREATE INDEX IF NOT EXISTS users_by_status ON users (status);
CREATE INDEX IF NOT EXISTS attributes_by_value ON attributes (name_id, value);
CREATE INDEX IF NOT EXISTS memberships_by_user ON memberships (user_id);
";

impl Index {
    /// Empties the index and marks it as being built for `pool` in `region`. A build writes each
    /// page once and sorts at `finish`: it runs with a small page cache, and an index on disk
    /// sorts in temporary files, so its memory does not grow with the pool (a sort in memory
    /// took 209 MiB at 300,000 users).
    pub fn start_build(&mut self, pool: &PoolId, region: &str) -> IndexResult<()> {
        self.build_memory(true)?;
        self.write(|tx, ids| {
            *ids = super::db::NameIds::default();
            tx.execute_batch(
                "DELETE FROM meta; DELETE FROM users; DELETE FROM attributes;
                 DELETE FROM attribute_names; DELETE FROM groups; DELETE FROM memberships;
                 DROP INDEX IF EXISTS users_by_status; DROP INDEX IF EXISTS attributes_by_value;
                 DROP INDEX IF EXISTS memberships_by_user;",
            )?;
            tx.execute(
                "INSERT INTO meta (id, pool_id, region, state, users) VALUES (1, ?1, ?2, 'building', 0)",
                params![pool.as_str(), region],
            )?;
            Ok(())
        })
    }

    /// One batch (a page or a few) in one transaction. A user listed twice (a retried page) is
    /// written once, with the later copy.
    pub fn add_users(&mut self, users: &[UserRecord]) -> IndexResult<()> {
        self.write(|tx, ids| {
            building(tx)?;
            for user in users {
                upsert_user(tx, ids, user)?;
            }
            Ok(())
        })
    }

    /// `group`'s members are exactly `usernames` (those the index holds; others are skipped); a
    /// group with none is still listed. Returns how many members it recorded.
    pub fn set_group_members<S: AsRef<str>>(
        &mut self,
        group: &str,
        usernames: impl IntoIterator<Item = S>,
    ) -> IndexResult<u64> {
        self.write(|tx, ids| {
            building(tx)?;
            let group_id = group_id(tx, ids, group)?;
            tx.prepare_cached("DELETE FROM memberships WHERE group_id = ?1")?
                .execute([group_id])?;
            add_members(tx, group_id, usernames)
        })
    }

    /// Adds members to `group`, for a group listed a page at a time.
    pub fn add_group_members<S: AsRef<str>>(
        &mut self,
        group: &str,
        usernames: impl IntoIterator<Item = S>,
    ) -> IndexResult<u64> {
        self.write(|tx, ids| {
            building(tx)?;
            let group_id = group_id(tx, ids, group)?;
            add_members(tx, group_id, usernames)
        })
    }

    /// Marks the build complete as of `built_at` (when its listing started: nothing older is
    /// missing), builds the query indexes and the planner's statistics, and folds the write-ahead
    /// log back into the file.
    pub fn finish(&mut self, built_at: OffsetDateTime) -> IndexResult<()> {
        self.write(|tx, _| {
            building(tx)?;
            tx.execute_batch(QUERY_INDEXES)?;
            tx.execute(
                "UPDATE meta SET state = 'complete', built_at = ?1,
                     users = (SELECT count(*) FROM users) WHERE id = 1",
                [built_at.unix_timestamp()],
            )?;
            Ok(())
        })?;
        // A sample is enough for the planner to prefer an index seek over a scan.
        self.conn
            .execute_batch("PRAGMA analysis_limit = 1000; ANALYZE;")?;
        if self.path().is_some() {
            self.conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        }
        self.build_memory(false)
    }

    /// A build's memory (see `start_build`), or back to the queries' (a big cache, sorts in
    /// memory). An index in memory keeps its sorts there: it is all in memory anyway.
    fn build_memory(&self, building: bool) -> IndexResult<()> {
        let (cache, temp) = match (building, self.path().is_some()) {
            (true, true) => (BUILD_CACHE_KIB, "FILE"),
            (true, false) => (BUILD_CACHE_KIB, "MEMORY"),
            (false, _) => (SCAN_CACHE_KIB, "MEMORY"),
        };
        self.conn.pragma_update(None, "cache_size", -cache)?;
        self.conn.pragma_update(None, "temp_store", temp)?;
        Ok(())
    }
}

fn building(tx: &Transaction<'_>) -> IndexResult<()> {
    let state: Option<String> = tx
        .prepare_cached("SELECT state FROM meta WHERE id = 1")?
        .query_row([], |r| r.get(0))
        .optional()?;
    match state.as_deref() {
        Some("building") => Ok(()),
        _ => Err(IndexError::NotBuilding),
    }
}
