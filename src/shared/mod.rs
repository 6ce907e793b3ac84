//! What the console and the CLI share: password policy, input validation, the
//! audit journal, own settings, and bulk actions.

pub mod bulk;
pub mod config;
pub mod config_quotas;
pub mod export;
pub mod export_file;
pub mod export_listed;
pub mod find;
pub mod journal;
pub mod password;
pub mod progress;
pub mod validate;
pub mod visible;

use std::path::PathBuf;

/// `COGNITO_TUI_DATA_DIR`, else the platform's data directory for cognito-tui.
pub fn data_dir() -> Option<PathBuf> {
    from_env_or("COGNITO_TUI_DATA_DIR", |d| d.data_dir().to_path_buf())
}

/// `COGNITO_TUI_CONFIG`, else `config.toml` in the platform's config directory for cognito-tui.
pub fn config_path() -> Option<PathBuf> {
    from_env_or("COGNITO_TUI_CONFIG", |d| d.config_dir().join("config.toml"))
}

fn from_env_or(
    var: &str,
    default: impl FnOnce(&directories::ProjectDirs) -> PathBuf,
) -> Option<PathBuf> {
    match std::env::var_os(var) {
        Some(v) if !v.is_empty() => Some(PathBuf::from(v)),
        _ => directories::ProjectDirs::from("", "", "cognito-tui").map(|d| default(&d)),
    }
}

/// Creates `path` (or tightens it) to mode 0600 before SQLite opens it: SQLite gives its WAL and
/// shared-memory files the database file's mode, so personal data never lands world-readable.
pub fn private_file(path: &std::path::Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt as _, PermissionsExt as _};
        options.mode(0o600);
        let file = options.open(path)?;
        let mode = file.metadata()?.permissions().mode();
        if mode & 0o077 != 0 {
            file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
        }
    }
    #[cfg(not(unix))]
    options.open(path)?;
    Ok(())
}

/// `1260` as `1,260`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
