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
CREATE TABLE IF NOT EXISTS identity_providers (
    pool_id TEXT NOT NULL REFERENCES pools(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    details TEXT NOT NULL,
    mapping TEXT NOT NULL,
    identifiers TEXT NOT NULL,
    created REAL NOT NULL,
    modified REAL NOT NULL,
    PRIMARY KEY (pool_id, name)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS domains (
    domain TEXT PRIMARY KEY,
    pool_id TEXT NOT NULL UNIQUE REFERENCES pools(id) ON DELETE CASCADE,
    certificate_arn TEXT,
    managed_login_version INTEGER NOT NULL,
    created REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS pool_tags (
    pool_id TEXT NOT NULL REFERENCES pools(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (pool_id, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS resource_servers (
    pool_id TEXT NOT NULL REFERENCES pools(id) ON DELETE CASCADE,
    identifier TEXT NOT NULL,
    name TEXT NOT NULL,
    scopes TEXT NOT NULL,
    PRIMARY KEY (pool_id, identifier)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS user_links (
    pool_id TEXT NOT NULL,
    username TEXT NOT NULL,
    provider TEXT NOT NULL,
    attribute_name TEXT NOT NULL,
    attribute_value TEXT NOT NULL,
    created REAL NOT NULL,
    PRIMARY KEY (pool_id, provider, attribute_value),
    FOREIGN KEY (pool_id, username) REFERENCES users(pool_id, username) ON DELETE CASCADE,
    FOREIGN KEY (pool_id, provider) REFERENCES identity_providers(pool_id, name) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS user_links_by_user ON user_links (pool_id, username);
CREATE TABLE IF NOT EXISTS user_mfa (
    pool_id TEXT NOT NULL,
    username TEXT NOT NULL,
    totp_associated INTEGER NOT NULL DEFAULT 0,
    sms_enabled INTEGER NOT NULL DEFAULT 0,
    totp_enabled INTEGER NOT NULL DEFAULT 0,
    email_enabled INTEGER NOT NULL DEFAULT 0,
    preferred TEXT,
    PRIMARY KEY (pool_id, username),
    FOREIGN KEY (pool_id, username) REFERENCES users(pool_id, username) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS devices (
    pool_id TEXT NOT NULL,
    username TEXT NOT NULL,
    device_key TEXT NOT NULL,
    name TEXT NOT NULL,
    last_ip TEXT NOT NULL,
    remembered INTEGER NOT NULL,
    created REAL NOT NULL,
    modified REAL NOT NULL,
    last_authenticated REAL NOT NULL,
    PRIMARY KEY (pool_id, username, device_key),
    FOREIGN KEY (pool_id, username) REFERENCES users(pool_id, username) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS auth_events (
    pool_id TEXT NOT NULL,
    username TEXT NOT NULL,
    event_id TEXT NOT NULL,
    created REAL NOT NULL,
    event TEXT NOT NULL,
    feedback TEXT,
    feedback_date REAL,
    PRIMARY KEY (pool_id, username, event_id),
    FOREIGN KEY (pool_id, username) REFERENCES users(pool_id, username) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS auth_events_newest_first
    ON auth_events (pool_id, username, created DESC, event_id DESC);
";

/// ListUsers' filters on attributes; apart, so a big seed can build it once after its inserts.
pub const VALUE_INDEX: &str =
    "CREATE INDEX IF NOT EXISTS user_attributes_by_value ON user_attributes (pool_id, name, value)";

/// More than the distinct statements the operations run, so none is parsed twice.
const STATEMENT_CACHE: usize = 128;

/// How long a new server waits for another to let go of the state file.
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_millis(250);

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

    /// `local-server.sqlite3` in the data dir (`COGNITO_TUI_DATA_DIR`, as for the journal).
    pub fn default_file() -> Option<Self> {
        crate::shared::data_dir().map(|d| Self::File(d.join("local-server.sqlite3")))
    }
}

/// The shared database handle; a blocking mutex, held only on the server's own thread (and by
/// the seed and in-process callers such as the benchmark).
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
        conn.execute_batch(VALUE_INDEX)?;
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        Ok(Self {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    /// Runs `f` in one transaction: committed if it returns Ok, rolled back otherwise.
    pub fn write<T>(
        &self,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> LocalResult<T>,
    ) -> LocalResult<T> {
        let mut conn = self.lock();
        let tx = conn.transaction()?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> LocalResult<T>) -> LocalResult<T> {
        let conn = self.lock();
        f(&conn)
    }

    /// `f` with the connection outside any transaction, for work that must set what a
    /// transaction ignores (the journal mode, foreign key checks): a big seed. `f` opens its own.
    pub fn bulk<T>(&self, f: impl FnOnce(&Connection) -> LocalResult<T>) -> LocalResult<T> {
        let conn = self.lock();
        f(&conn)
    }

    /// A panic while the lock was held left no half-written state: the transaction it was in
    /// rolled back as the panic unwound. So the connection stays usable.
    fn lock(&self) -> std::sync::MutexGuard<'_, Connection> {
        self.conn
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

fn open_file(path: &Path) -> LocalResult<Connection> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| {
            LocalError::internal(format!("could not create {}: {e}", dir.display()))
        })?;
    }
    private_file(path)?;
    let conn = Connection::open(path)?;
    // One server owns a state file: the exclusive lock saves a lock and an unlock on every
    // transaction (a quarter of a call's cost), and a second server on the same file is told so
    // now instead of failing writes at random later.
    conn.busy_timeout(LOCK_WAIT)?;
    conn.pragma_update(None, "locking_mode", "EXCLUSIVE")?;
    conn.pragma_update(None, "journal_mode", "WAL")
        .and_then(|()| conn.execute_batch("BEGIN EXCLUSIVE; COMMIT;"))
        .map_err(|e| in_use(path, e))?;
    Ok(conn)
}

/// The state holds users' personal data: the file is created (or tightened to) mode 0600 before
/// SQLite opens it, and SQLite gives its WAL and shared-memory files the same mode.
fn private_file(path: &Path) -> LocalResult<()> {
    crate::shared::private_file(path)
        .map_err(|e| LocalError::internal(format!("could not create {}: {e}", path.display())))
}

fn in_use(path: &Path, e: rusqlite::Error) -> LocalError {
    if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) {
        LocalError::internal(format!(
            "{} is in use by another local server (another `cognito-tui --local` or \
             `local-server`); stop it, point this one at it with --endpoint-url, \
             or give this one another --state",
            path.display()
        ))
    } else {
        LocalError::from(e)
    }
}

/// `query_row` and `execute` through the connection's statement cache: the server runs the same
/// few statements over and over, and parsing them each time was a third of a call's cost.
pub trait Cached {
    fn cached_row<T, P, F>(&self, sql: &str, params: P, f: F) -> rusqlite::Result<T>
    where
        P: rusqlite::Params,
        F: FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>;

    fn cached_execute<P: rusqlite::Params>(&self, sql: &str, params: P) -> rusqlite::Result<usize>;
}

impl Cached for Connection {
    fn cached_row<T, P, F>(&self, sql: &str, params: P, f: F) -> rusqlite::Result<T>
    where
        P: rusqlite::Params,
        F: FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    {
        self.prepare_cached(sql)?.query_row(params, f)
    }

    fn cached_execute<P: rusqlite::Params>(&self, sql: &str, params: P) -> rusqlite::Result<usize> {
        self.prepare_cached(sql)?.execute(params)
    }
}

/// Seconds since the epoch, as AWS sends timestamps.
pub fn now() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_mid_write_rolls_back_and_the_store_keeps_serving() {
        let store = Store::open(&StateLocation::Memory).unwrap();
        let insert =
            "INSERT INTO pools (id, name, created, modified, spec) VALUES (?1, ?1, 0, 0, '{}')";
        let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _ = store.write(|tx| {
                tx.cached_execute(insert, ["half-written"])?;
                panic!("a bug mid-write");
                #[allow(unreachable_code)]
                Ok(())
            });
        }));
        assert!(panicked.is_err());
        let count = |store: &Store| {
            store
                .read(|c| {
                    Ok(c.cached_row("SELECT count(*) FROM pools", [], |r| r.get::<_, i64>(0))?)
                })
                .unwrap()
        };
        assert_eq!(count(&store), 0, "the write rolled back");
        store
            .write(|tx| Ok(tx.cached_execute(insert, ["next"])?))
            .unwrap();
        assert_eq!(count(&store), 1, "the store still writes");
    }
}
