//! The log file the console and the commands share: `cognito-tui.log` in `COGNITO_TUI_LOG_DIR`,
//! else in the data dir (as the journal), readable by its owner only; never the terminal. The
//! level comes from `COGNITO_TUI_LOG`, but targets that can write what a request carries are
//! held back whatever it asks.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

use tracing::{Level, Metadata};
use tracing_appender::non_blocking::WorkerGuard;
use tracing_subscriber::filter::{EnvFilter, FilterExt as _, filter_fn};
use tracing_subscriber::layer::SubscriberExt as _;
use tracing_subscriber::util::SubscriberInitExt as _;
use tracing_subscriber::{Layer as _, fmt};

const FILE_NAME: &str = "cognito-tui.log";
const LEVEL_VAR: &str = "COGNITO_TUI_LOG";

/// The open log: its path (the panic message names it) and the guard that flushes it when dropped.
pub struct LogFile {
    pub path: PathBuf,
    _guard: WorkerGuard,
}

/// True when `COGNITO_TUI_LOG` asks for a log: commands write one only then, the console always.
pub fn requested() -> bool {
    std::env::var_os(LEVEL_VAR).is_some_and(|v| !v.is_empty())
}

fn directory() -> Option<PathBuf> {
    match std::env::var_os("COGNITO_TUI_LOG_DIR") {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => crate::shared::data_dir(),
    }
}

/// Starts logging to the file; `Err` says why there is no log (the program runs without one).
pub fn init() -> Result<LogFile, String> {
    let dir = directory().ok_or("no home directory to keep the log in")?;
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let path = dir.join(FILE_NAME);
    let file = open_private(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let (writer, guard) = tracing_appender::non_blocking(file);
    let level = EnvFilter::try_from_env(LEVEL_VAR).unwrap_or_else(|_| EnvFilter::new("info"));
    let layer = fmt::layer()
        .with_writer(writer)
        .with_ansi(false)
        .with_filter(level.and(filter_fn(may_log)));
    tracing_subscriber::registry()
        .with(layer)
        .try_init()
        .map_err(|e| e.to_string())?;
    Ok(LogFile {
        path,
        _guard: guard,
    })
}

/// Opens the log for appending, created 0600; an older file that others could read is made
/// private too, since it may hold user names and emails, or refused if that cannot be done.
fn open_private(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.append(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt as _, PermissionsExt as _};
        options.mode(0o600);
        let file = options.open(path)?;
        if file.metadata()?.permissions().mode() & 0o077 != 0 {
            file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
        }
        Ok(file)
    }
    #[cfg(not(unix))]
    options.open(path)
}

/// Our own events at any level. Other crates' only up to `debug`: at `trace` the HTTP stack
/// (reqwest's connection bytes, hyper) and the AWS SDK runtime write requests with their
/// `Authorization` header and responses that may carry credentials. `aws_sigv4` never: it logs
/// the canonical request, and its hint to set `LOG_SIGNABLE_BODY=true` would, if followed, put
/// request bodies with passwords in the log.
fn may_log(meta: &Metadata<'_>) -> bool {
    let target = meta.target();
    if target.starts_with("aws_sigv4") {
        return false;
    }
    target.starts_with(env!("CARGO_CRATE_NAME")) || *meta.level() <= Level::DEBUG
}
