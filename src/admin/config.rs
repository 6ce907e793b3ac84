//! Own settings, from a TOML file: `COGNITO_TUI_CONFIG`, else `config.toml` in the config dir.
//!
//! ```toml
//! read_only = false        # every profile (optional)
//! connect_timeout = 10     # seconds to wait for a connection; 0 waits forever (optional)
//! read_timeout = 30        # seconds to wait for each part of an answer; 0 waits forever
//!
//! [profiles.prod]          # an AWS profile name; `default` when none is named
//! read_only = true
//! ```
//!
//! Unknown keys are errors, not ignored: a misspelt `read_only` must not silently allow changes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The key of the profile used when none is named (as the AWS CLI calls it).
pub const DEFAULT_PROFILE: &str = "default";

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Read-only whatever the profile.
    #[serde(default)]
    pub read_only: bool,
    /// Seconds, as `--connect-timeout`: the flag wins.
    pub connect_timeout: Option<f64>,
    /// Seconds, as `--read-timeout`: the flag wins.
    pub read_timeout: Option<f64>,
    #[serde(default)]
    pub profiles: BTreeMap<String, ProfileConfig>,
    /// The file it came from; `None` for the defaults of a missing file.
    #[serde(skip)]
    pub source: Option<PathBuf>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileConfig {
    #[serde(default)]
    pub read_only: bool,
}

impl Config {
    /// The file at `COGNITO_TUI_CONFIG` or in the config dir; defaults when there is none.
    pub fn load() -> Result<Self, String> {
        match super::config_path() {
            Some(path) => Self::load_from(&path),
            None => Ok(Self::default()),
        }
    }

    /// A missing file gives the defaults; one that cannot be read or parsed is an error naming the
    /// file and line.
    pub fn load_from(path: &Path) -> Result<Self, String> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(e) => return Err(format!("config file {}: {e}", path.display())),
        };
        let mut config = Self::parse(&text).map_err(|(line, message)| match line {
            Some(line) => format!("config file {}, line {line}: {message}", path.display()),
            None => format!("config file {}: {message}", path.display()),
        })?;
        config.source = Some(path.to_path_buf());
        Ok(config)
    }

    /// The settings in `text`, or the line (1-based) and what is wrong there.
    pub fn parse(text: &str) -> Result<Self, (Option<usize>, String)> {
        toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|span| text[..span.start.min(text.len())].matches('\n').count() + 1);
            (line, e.message().trim().to_owned())
        })
    }

    /// Whether `profile` (`None`: no profile named, i.e. `default`) is read-only.
    pub fn read_only_for(&self, profile: Option<&str>) -> bool {
        let name = profile.filter(|p| !p.is_empty()).unwrap_or(DEFAULT_PROFILE);
        self.read_only || self.profiles.get(name).is_some_and(|p| p.read_only)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, text).unwrap();
        (dir, path)
    }

    #[test]
    fn a_missing_file_is_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let config = Config::load_from(&dir.path().join("none.toml")).unwrap();
        assert_eq!(config, Config::default());
        assert!(!config.read_only_for(None));
        assert!(!config.read_only_for(Some("prod")));
    }

    #[test]
    fn read_only_profiles() {
        let (_dir, path) = fixture(
            "# production is look-only\n[profiles.prod]\nread_only = true\n\n[profiles.dev]\nread_only = false\n\n[profiles.default]\nread_only = true\n",
        );
        let config = Config::load_from(&path).unwrap();
        assert!(config.read_only_for(Some("prod")));
        assert!(!config.read_only_for(Some("dev")));
        assert!(!config.read_only_for(Some("other")));
        assert!(config.read_only_for(None));
        assert!(config.read_only_for(Some("")));
        assert_eq!(config.source.as_deref(), Some(path.as_path()));
    }

    #[test]
    fn timeouts_are_seconds() {
        let config = Config::parse("connect_timeout = 3\nread_timeout = 0.5\n").unwrap();
        assert_eq!(config.connect_timeout, Some(3.0));
        assert_eq!(config.read_timeout, Some(0.5));
        let (line, message) =
            Config::parse("read_only = false\nread_timeout = \"soon\"\n").unwrap_err();
        assert_eq!(line, Some(2));
        assert!(message.contains("expected"), "{message}");
    }

    #[test]
    fn top_level_read_only_covers_every_profile() {
        let config = Config::parse("read_only = true\n").unwrap();
        assert!(config.read_only_for(Some("anything")) && config.read_only_for(None));
        assert_eq!(Config::parse("").unwrap(), Config::default());
    }

    #[test]
    fn a_malformed_file_names_the_file_and_line() {
        let (_dir, path) =
            fixture("[profiles.prod]\nread_only = true\n\n[profiles.dev\nread_only = false\n");
        let err = Config::load_from(&path).unwrap_err();
        assert!(err.contains(&path.display().to_string()), "{err}");
        assert!(err.contains("line 4"), "{err}");
    }

    #[test]
    fn a_wrong_type_names_its_line() {
        let (_dir, path) = fixture("[profiles.prod]\nread_only = \"yes\"\n");
        let err = Config::load_from(&path).unwrap_err();
        assert!(err.contains("line 2"), "{err}");
    }

    #[test]
    fn misspelt_keys_are_errors_not_ignored() {
        let err = Config::parse("[profiles.prod]\n\nreadonly = true\n").unwrap_err();
        assert_eq!(err.0, Some(3), "{err:?}");
        assert!(err.1.contains("readonly"), "{err:?}");
        // `[profile.x]` is the ~/.aws/config spelling, not ours.
        let err = Config::parse("[profile.prod]\nread_only = true\n").unwrap_err();
        assert_eq!(err.0, Some(1), "{err:?}");
    }

    #[test]
    fn an_unreadable_path_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let err = Config::load_from(dir.path()).unwrap_err();
        assert!(err.contains(&dir.path().display().to_string()), "{err}");
    }
}
