//! The local server's state: one SQLite database (WAL, foreign keys), every write in a transaction.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rusqlite::Connection;

use super::error::{LocalError, LocalResult};

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS pools (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created REAL NOT NULL,
    modified REAL NOT NULL,
    spec TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS users (
    pool_id TEXT NOT NULL REFERENCES pools(id) ON DELETE CASCADE,
    username TEXT NOT NULL,
    sub TEXT NOT NULL,
    status TEXT NOT NULL,
    enabled INTEGER NOT NULL,
    created REAL NOT NULL,
    modified REAL NOT NULL,
    PRIMARY KEY (pool_id, username)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS user_attributes (
    pool_id TEXT NOT NULL,
    username TEXT NOT NULL,
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (pool_id, username, name),
    FOREIGN KEY (pool_id, username) REFERENCES users(pool_id, username) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS user_attributes_by_value ON user_attributes (pool_id, name, value);
CREATE TABLE IF NOT EXISTS groups (
    pool_id TEXT NOT NULL REFERENCES pools(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT,
    precedence INTEGER,
    role_arn TEXT,
    created REAL NOT NULL,
    modified REAL NOT NULL,
    PRIMARY KEY (pool_id, name)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS memberships (
    pool_id TEXT NOT NULL,
    username TEXT NOT NULL,
    group_name TEXT NOT NULL,
    PRIMARY KEY (pool_id, username, group_name),
    FOREIGN KEY (pool_id, username) REFERENCES users(pool_id, username) ON DELETE CASCADE,
    FOREIGN KEY (pool_id, group_name) REFERENCES groups(pool_id, name) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS app_clients (
    client_id TEXT PRIMARY KEY,
    pool_id TEXT NOT NULL REFERENCES pools(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    secret TEXT,
    created REAL NOT NULL,
    modified REAL NOT NULL,
    spec TEXT NOT NULL
);
";

/// Where the state lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StateLocation {
    File(PathBuf),
    /// Gone when the server stops (tests).
    Memory,
}

impl StateLocation {
    /// `:memory:` means in memory, anything else a file.
    pub fn parse(text: &str) -> Self {
        if text == ":memory:" {
            Self::Memory
        } else {
            Self::File(PathBuf::from(text))
        }
    }

    /// `local-server.sqlite3` in the data dir.
    pub fn default_file() -> Option<Self> {
        directories::ProjectDirs::from("", "", "cognito-tui")
            .map(|d| Self::File(d.data_dir().join("local-server.sqlite3")))
    }
}

/// The shared database handle; a blocking mutex, held only inside `spawn_blocking`.
#[derive(Debug, Clone)]
pub struct Store {
    conn: Arc<Mutex<Connection>>,
}

impl Store {
    pub fn open(location: &StateLocation) -> LocalResult<Self> {
        let conn = match location {
            StateLocation::Memory => Connection::open_in_memory()?,
            StateLocation::File(path) => open_file(path)?,
        };
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.execute_batch(SCHEMA)?;
        Ok(Self {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    /// Runs `f` in one transaction: committed if it returns Ok, rolled back otherwise.
    pub fn write<T>(
        &self,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> LocalResult<T>,
    ) -> LocalResult<T> {
        let mut conn = self.lock()?;
        let tx = conn.transaction()?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> LocalResult<T>) -> LocalResult<T> {
        let conn = self.lock()?;
        f(&conn)
    }

    fn lock(&self) -> LocalResult<std::sync::MutexGuard<'_, Connection>> {
        self.conn
            .lock()
            .map_err(|_| LocalError::internal("state database lock poisoned"))
    }
}

fn open_file(path: &Path) -> LocalResult<Connection> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| {
            LocalError::internal(format!("could not create {}: {e}", dir.display()))
        })?;
    }
    let conn = Connection::open(path)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    Ok(conn)
}

/// Seconds since the epoch, as AWS sends timestamps.
pub fn now() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64())
}
