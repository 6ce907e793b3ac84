//! Where indexes live: one file per (profile, region, pool) in the data directory's `indexes/`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use time::OffsetDateTime;

use super::db::Index;
use super::error::{IndexError, IndexResult};
use crate::cognito::ids::PoolId;

const EXTENSION: &str = "sqlite3";
/// SQLite's companions of a database file, removed with it.
const COMPANIONS: [&str; 3] = ["-wal", "-shm", "-journal"];

/// Which pool an index is for. `profile` None is the default credentials ("default").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexKey {
    pub profile: Option<String>,
    pub region: String,
    pub pool: PoolId,
}

impl IndexKey {
    /// `profile+region+pool.sqlite3`, each part with every character but letters, digits, `.`,
    /// `_` and `-` written `%XX`: safe on every file system, and read back exactly.
    pub fn file_name(&self) -> String {
        let profile = self.profile.as_deref().unwrap_or("default");
        format!(
            "{}+{}+{}.{EXTENSION}",
            encode(profile),
            encode(&self.region),
            encode(self.pool.as_str())
        )
    }

    pub fn from_file_name(name: &str) -> Option<Self> {
        let stem = name.strip_suffix(&format!(".{EXTENSION}"))?;
        let mut parts = stem.split('+');
        let (profile, region, pool) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let profile = decode(profile)?;
        Some(Self {
            profile: (profile != "default").then_some(profile),
            region: decode(region)?,
            pool: PoolId::new(decode(pool)?),
        })
    }
}

fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'.' | b'_' | b'-') {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    // `.` and `..` alone would name a directory.
    if out.chars().all(|c| c == '.') {
        out = out.replace('.', "%2E");
    }
    out
}

fn decode(text: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes();
    while let Some((&first, tail)) = rest.split_first() {
        if first == b'%' {
            let hex = std::str::from_utf8(tail.get(..2)?).ok()?;
            bytes.push(u8::from_str_radix(hex, 16).ok()?);
            rest = &tail[2..];
        } else {
            bytes.push(first);
            rest = tail;
        }
    }
    String::from_utf8(bytes).ok()
}

/// An index on disk, as `cognito-tui index list` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexInfo {
    pub key: IndexKey,
    /// None when the build never finished.
    pub built_at: Option<OffsetDateTime>,
    pub complete: bool,
    /// A build's file (`….building`) whose build runs now, in this process or another; one
    /// that is not running was left by a build that was killed.
    pub running: bool,
    pub users: u64,
    /// The tool's own changes it could not apply since its build (see `IndexMeta`).
    pub unfollowed: u64,
    /// The file and its write-ahead log.
    pub size_bytes: u64,
    pub path: PathBuf,
}

/// Which indexes `clear` removes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clear {
    All,
    /// Every index of this pool, whatever the profile or region.
    Pool(PoolId),
}

#[derive(Debug, Clone)]
pub struct IndexStore {
    dir: PathBuf,
}

impl IndexStore {
    pub fn at(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// `indexes/` in the data directory (`COGNITO_TUI_DATA_DIR` or the platform's).
    pub fn open_default() -> IndexResult<Self> {
        crate::shared::data_dir()
            .map(|d| Self::at(d.join("indexes")))
            .ok_or(IndexError::NoDataDir)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn path(&self, key: &IndexKey) -> PathBuf {
        self.dir.join(key.file_name())
    }

    /// The index of `key`, created empty if there is none.
    pub fn open(&self, key: &IndexKey) -> IndexResult<Index> {
        Index::open(&self.path(key))
    }

    /// Every index file, by file name; one that cannot be read is listed as never built.
    pub fn list(&self) -> IndexResult<Vec<IndexInfo>> {
        let mut infos = Vec::new();
        for (key, path) in self.files()? {
            let meta = Index::open(&path)
                .ok()
                .and_then(|i| i.meta().ok().flatten());
            let running = is_build(&path) && build_running(&self.path(&key));
            infos.push(IndexInfo {
                running,
                key,
                built_at: meta
                    .as_ref()
                    .filter(|m| m.complete)
                    .and_then(|m| m.built_at),
                complete: meta.as_ref().is_some_and(|m| m.complete),
                users: meta.as_ref().map_or(0, |m| m.users),
                unfollowed: meta.map_or(0, |m| m.unfollowed),
                size_bytes: size_with_companions(&path),
                path,
            });
        }
        Ok(infos)
    }

    /// Removes the indexes `which` names with their SQLite companions; the files removed.
    pub fn clear(&self, which: &Clear) -> IndexResult<Vec<PathBuf>> {
        let mut removed = Vec::new();
        for (key, path) in self.files()? {
            if let Clear::Pool(pool) = which
                && key.pool != *pool
            {
                continue;
            }
            // A build that runs now keeps its file (removed under it, the build would fail at
            // its end; `index list` shows it as running) and its lock, which is the pool's, not
            // the file's: the complete index beside the build is removed, the lock stays held.
            let running = build_running(&self.path(&key));
            if is_build(&path) && running {
                continue;
            }
            remove_with_companions(&path)?;
            if !running {
                // The build lock (`index::ready`), empty and free.
                let mut lock = self.path(&key).into_os_string();
                lock.push(".lock");
                match std::fs::remove_file(PathBuf::from(lock)) {
                    Ok(()) => {}
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(e) => return Err(IndexError::io("remove", path, e)),
                }
            }
            removed.push(path);
        }
        Ok(removed)
    }

    fn files(&self) -> IndexResult<Vec<(IndexKey, PathBuf)>> {
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(IndexError::io("read the directory", &self.dir, e)),
        };
        let mut files = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| IndexError::io("read the directory", &self.dir, e))?;
            let name = entry.file_name();
            // A build beside its index (`….sqlite3.building`) is listed too, as never finished:
            // one a killed process left behind is seen, and cleared.
            let key = name
                .to_str()
                .map(|n| n.strip_suffix(".building").unwrap_or(n))
                .and_then(IndexKey::from_file_name);
            if let Some(key) = key {
                files.push((key, entry.path()));
            }
        }
        files.sort_by(|a, b| a.1.cmp(&b.1));
        Ok(files)
    }
}

fn is_build(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "building")
}

/// Whether the build lock of the index at `path` (`index::ready`) is held now. The lock is the
/// system's, so one a killed process held is free; testing it takes it for an instant.
pub(crate) fn build_running(path: &Path) -> bool {
    let mut lock = path.as_os_str().to_owned();
    lock.push(".lock");
    let Ok(file) = std::fs::OpenOptions::new()
        .write(true)
        .open(PathBuf::from(lock))
    else {
        return false;
    };
    matches!(file.try_lock(), Err(std::fs::TryLockError::WouldBlock))
}

/// Removes a database file and its SQLite companions, those that are there.
pub(crate) fn remove_with_companions(path: &Path) -> IndexResult<()> {
    for file in std::iter::once(path.to_path_buf()).chain(companions(path)) {
        match std::fs::remove_file(&file) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(IndexError::io("remove", file, e)),
        }
    }
    Ok(())
}

fn companions(path: &Path) -> impl Iterator<Item = PathBuf> + '_ {
    COMPANIONS.iter().map(move |suffix| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    })
}

fn size_with_companions(path: &Path) -> u64 {
    std::iter::once(path.to_path_buf())
        .chain(companions(path))
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum()
}
