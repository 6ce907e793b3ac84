//! What the console and the CLI share: password policy, input validation, the
//! audit journal, own settings, and bulk actions.

pub mod bulk;
pub mod config;
pub mod config_quotas;
pub mod export;
pub mod journal;
pub mod password;
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
