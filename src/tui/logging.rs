//! Logs go to a file under the data dir (or `COGNITO_TUI_LOG_DIR`), never to the terminal; the
//! level comes from `COGNITO_TUI_LOG` (default `info`).

use std::path::PathBuf;

use tracing_appender::non_blocking::WorkerGuard;
use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::EnvFilter;

const FILE_NAME: &str = "cognito-tui.log";

/// The open log: its path (the panic message names it) and the guard that flushes it when dropped.
pub struct LogFile {
    pub path: PathBuf,
    _guard: WorkerGuard,
}

fn directory() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("COGNITO_TUI_LOG_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "cognito-tui").map(|d| d.data_dir().to_path_buf())
}

/// Starts logging to the file; `Err` says why there is no log (the console runs without one).
pub fn init() -> Result<LogFile, String> {
    let dir = directory().ok_or("no home directory to keep the log in")?;
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let appender = RollingFileAppender::builder()
        .rotation(Rotation::NEVER)
        .filename_prefix(FILE_NAME)
        .build(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?;
    let (writer, guard) = tracing_appender::non_blocking(appender);
    let filter =
        EnvFilter::try_from_env("COGNITO_TUI_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_writer(writer)
        .with_ansi(false)
        .with_env_filter(filter)
        .try_init()
        .map_err(|e| e.to_string())?;
    Ok(LogFile {
        path: dir.join(FILE_NAME),
        _guard: guard,
    })
}
