//! What can go wrong with an index, each saying which file or step.

use std::io;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("index database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("could not {action} {}: {source}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },
    /// Users or groups written to an index whose build was not started (or already finished).
    #[error("the index is not being built: start a build before adding users or groups")]
    NotBuilding,
    #[error("no data directory for indexes: no home directory found; set COGNITO_TUI_DATA_DIR")]
    NoDataDir,
}

impl IndexError {
    pub(crate) fn io(action: &'static str, path: impl Into<PathBuf>, source: io::Error) -> Self {
        Self::Io {
            action,
            path: path.into(),
            source,
        }
    }
}

pub type IndexResult<T> = Result<T, IndexError>;
