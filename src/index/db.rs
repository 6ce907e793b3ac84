//! Opening an index: the file made private before SQLite sees it, the schema, the SQL functions.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OptionalExtension as _};
use time::OffsetDateTime;

use super::error::{IndexError, IndexResult};
use crate::cognito::ids::PoolId;

/// Bumped when the schema changes; an index of another format is emptied (it is a cache).
const FORMAT: i64 = 2;

/// Users keep an integer id so attributes and memberships repeat 1-3 bytes, not a username;
/// attribute and group names are stored once and referred to by id, for the same reason.
const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    pool_id TEXT NOT NULL,
    region TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('building', 'complete')),
    built_at INTEGER,
    users INTEGER NOT NULL DEFAULT 0,
    naming TEXT NOT NULL DEFAULT '',
    unfollowed INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    enabled INTEGER NOT NULL,
    created INTEGER,
    modified INTEGER,
    mfa TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS users_by_status ON users (status);
CREATE TABLE IF NOT EXISTS attribute_names (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS attributes (
    user_id INTEGER NOT NULL,
    name_id INTEGER NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (user_id, name_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS attributes_by_value ON attributes (name_id, value);
CREATE TABLE IF NOT EXISTS groups (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS memberships (
    group_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    PRIMARY KEY (group_id, user_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS memberships_by_user ON memberships (user_id);
";

const TABLES: [&str; 6] = [
    "meta",
    "users",
    "attribute_names",
    "attributes",
    "groups",
    "memberships",
];

/// A console building an index while a CLI reads it waits this long for the other's lock.
const BUSY_WAIT: Duration = Duration::from_secs(5);

/// Page cache for queries and counts, in KiB: scans of a big index read its pages many times, and
/// 64 MiB keeps the hot ones.
pub(super) const SCAN_CACHE_KIB: i64 = 65_536;
/// Page cache while every match is read once, one at a time (an export): each page is wanted
/// about once, so a small cache costs nothing and memory stays flat whatever the index's size.
pub(super) const ONE_PASS_CACHE_KIB: i64 = 8_192;
/// Page cache while a build writes: each page is written about once, and the sort at its end
/// spills to temporary files beyond it.
pub(super) const BUILD_CACHE_KIB: i64 = 16_384;

/// One pool's users. Not `Sync`: one thread (a blocking task) uses it at a time.
#[derive(Debug)]
pub struct Index {
    pub(super) conn: Connection,
    path: Option<PathBuf>,
    pub(super) ids: NameIds,
}

/// The ids of attribute and group names already written, so a crawl of a million users looks
/// each name up once. Forgotten whenever a write fails: its transaction may have rolled one back.
#[derive(Debug, Default)]
pub(super) struct NameIds {
    pub attributes: HashMap<String, i64>,
    pub groups: HashMap<String, i64>,
}

/// What an index says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexMeta {
    pub pool: PoolId,
    pub region: String,
    /// False while a build runs, and forever for a build that stopped before `finish`.
    pub complete: bool,
    /// When the finished build started listing users (the data is at least this fresh).
    pub built_at: Option<OffsetDateTime>,
    pub users: u64,
    /// The tool's own changes since the build that the index could not apply (a user deleted
    /// by a name it could not match): the index may still show them as they were.
    pub unfollowed: u64,
}

impl Index {
    /// The index in file `path`, created (mode 0600, its directory 0700) if missing.
    pub fn open(path: &Path) -> IndexResult<Self> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            private_dir(dir)?;
        }
        private_file(path)?;
        let conn = Connection::open(path)?;
        conn.busy_timeout(BUSY_WAIT)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        Self::prepare(conn, Some(path.to_path_buf()))
    }

    /// An index that lives only as long as this value (the `in memory only` setting).
    pub fn in_memory() -> IndexResult<Self> {
        Self::prepare(Connection::open_in_memory()?, None)
    }

    fn prepare(conn: Connection, path: Option<PathBuf>) -> IndexResult<Self> {
        conn.pragma_update(None, "cache_size", -SCAN_CACHE_KIB)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        let format: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if format != FORMAT {
            let drops = TABLES
                .map(|t| format!("DROP TABLE IF EXISTS {t};"))
                .join(" ");
            conn.execute_batch(&format!("BEGIN; {drops} {SCHEMA} COMMIT;"))?;
            conn.pragma_update(None, "user_version", FORMAT)?;
        }
        super::functions::register(&conn)?;
        conn.set_prepared_statement_cache_capacity(32);
        Ok(Self {
            conn,
            path,
            ids: NameIds::default(),
        })
    }

    /// The file, or None in memory.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// None for an index never built.
    pub fn meta(&self) -> IndexResult<Option<IndexMeta>> {
        let row = self
            .conn
            .query_row(
                "SELECT pool_id, region, state, built_at, users, unfollowed FROM meta WHERE id = 1",
                [],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, Option<i64>>(3)?,
                        r.get::<_, i64>(4)?,
                        r.get::<_, i64>(5)?,
                    ))
                },
            )
            .optional()?;
        Ok(row.map(
            |(pool, region, state, built_at, users, unfollowed)| IndexMeta {
                pool: PoolId::new(pool),
                region,
                complete: state == "complete",
                built_at: built_at.and_then(|t| OffsetDateTime::from_unix_timestamp(t).ok()),
                users: u64::try_from(users).unwrap_or(0),
                unfollowed: u64::try_from(unfollowed).unwrap_or(0),
            },
        ))
    }

    /// Whether a build ran to its end; an index never built, or whose build stopped, is not.
    pub fn is_complete(&self) -> IndexResult<bool> {
        Ok(self.meta()?.is_some_and(|m| m.complete))
    }

    /// When the complete index was built; None if it is not complete.
    pub fn built_at(&self) -> IndexResult<Option<OffsetDateTime>> {
        Ok(self.meta()?.filter(|m| m.complete).and_then(|m| m.built_at))
    }

    /// Every group the build was given, members or not, by name.
    pub fn groups(&self) -> IndexResult<Vec<String>> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT name FROM groups ORDER BY name")?;
        let names = statement.query_map([], |r| r.get(0))?;
        Ok(names.collect::<Result<_, _>>()?)
    }

    /// Runs `f` in one transaction; on failure the name ids are forgotten with the rollback.
    pub(super) fn write<T>(
        &mut self,
        f: impl FnOnce(&rusqlite::Transaction<'_>, &mut NameIds) -> IndexResult<T>,
    ) -> IndexResult<T> {
        let tx = self.conn.transaction()?;
        let out = f(&tx, &mut self.ids).and_then(|out| Ok(tx.commit().map(|()| out)?));
        if out.is_err() {
            self.ids = NameIds::default();
        }
        out
    }
}

/// The index holds personal data: its directory is made private when this creates it.
pub(super) fn private_dir(dir: &Path) -> IndexResult<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(dir)
        .map_err(|e| IndexError::io("create the directory", dir, e))
}

/// The file at mode 0600 before SQLite opens it (see `shared::private_file`).
pub(super) fn private_file(path: &Path) -> IndexResult<()> {
    crate::shared::private_file(path).map_err(|e| IndexError::io("create", path, e))
}
