//! Own settings, from a TOML file: `COGNITO_TUI_CONFIG`, else `config.toml` in the config dir.
//!
//! ```toml
//! read_only = false        # every profile (optional)
//! connect_timeout = 10     # seconds to wait for a connection; 0 waits forever (optional)
//! read_timeout = 30        # seconds to wait for each part of an answer; 0 waits forever
//!
//! [profiles.prod]          # an AWS profile name; `default` when none is named
//! read_only = true
//!
//! [keys]                   # the console's keys, by action name (the README lists them)
//! disable = "X"
//! page_down = ["pagedown", "ctrl-d"]
//! ```
//!
//! Unknown keys are errors, not ignored: a misspelt `read_only` must not silently allow changes.
//! The `[keys]` names and keys are the console's to check (`app::keymap`): this only reads them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer};
use toml::Spanned;

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
    /// Keep local indexes in memory only: nothing with personal data is written to disk, and
    /// every query, count or export reads the pool again.
    #[serde(default)]
    pub index_in_memory: bool,
    /// `[quotas]`: how to pace calls, and the rate of each category the account has (raised, or
    /// lowered to leave room for production traffic), e.g. `UserRead = 200`.
    #[serde(default, rename = "quotas")]
    quota_spans: Option<Spanned<BTreeMap<String, toml::Value>>>,
    /// `[quotas]` read and checked.
    #[serde(skip)]
    pub quotas: Option<crate::aws::quota::Quotas>,
    /// `[keys]`, where each entry is in the file.
    #[serde(default, rename = "keys")]
    key_spans: BTreeMap<String, Spanned<KeyList>>,
    /// `[keys]`: the console's keys given by action name, in file order.
    #[serde(skip)]
    pub keys: Vec<KeyOverride>,
    /// The file it came from; `None` for the defaults of a missing file.
    #[serde(skip)]
    pub source: Option<PathBuf>,
}

/// One entry of `[keys]`: `disable = "X"` or `page_down = ["pagedown", "ctrl-d"]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyOverride {
    pub name: String,
    /// The keys as written; empty to leave the action without a key.
    pub keys: Vec<String>,
    /// Its line in the file (1-based).
    pub line: usize,
}

/// A key or a list of keys.
#[derive(Debug, Clone, PartialEq, Eq)]
struct KeyList(Vec<String>);

impl<'de> Deserialize<'de> for KeyList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = KeyList;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a key such as \"X\" or \"ctrl-d\", or a list of keys")
            }

            fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<KeyList, E> {
                Ok(KeyList(vec![key.to_owned()]))
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<KeyList, A::Error> {
                let mut keys = Vec::new();
                while let Some(key) = seq.next_element::<String>()? {
                    keys.push(key);
                }
                Ok(KeyList(keys))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
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
        match crate::shared::config_path() {
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
        let mut config =
            Self::parse(&text).map_err(|(line, message)| located(path, line, &message))?;
        config.source = Some(path.to_path_buf());
        Ok(config)
    }

    /// The settings in `text`, or the line (1-based) and what is wrong there.
    pub fn parse(text: &str) -> Result<Self, (Option<usize>, String)> {
        let line_of = |span: std::ops::Range<usize>| {
            text[..span.start.min(text.len())].matches('\n').count() + 1
        };
        let mut config: Self = toml::from_str(text)
            .map_err(|e| (e.span().map(line_of), e.message().trim().to_owned()))?;
        config.keys = config
            .key_spans
            .iter()
            .map(|(name, keys)| KeyOverride {
                name: name.clone(),
                keys: keys.get_ref().0.clone(),
                line: line_of(keys.span()),
            })
            .collect();
        config.keys.sort_by_key(|k| k.line);
        if let Some(table) = &config.quota_spans {
            config.quotas = Some(
                super::config_quotas::parse(table.get_ref())
                    .map_err(|m| (Some(line_of(table.span())), m))?,
            );
        }
        Ok(config)
    }

    /// A message about line `line` of this file, worded as the file's own errors are.
    pub fn error_at(&self, line: usize, message: &str) -> String {
        match &self.source {
            Some(path) => located(path, Some(line), message),
            None => format!("config, line {line}: {message}"),
        }
    }

    /// Whether `profile` (`None`: no profile named, i.e. `default`) is read-only.
    pub fn read_only_for(&self, profile: Option<&str>) -> bool {
        let name = profile.filter(|p| !p.is_empty()).unwrap_or(DEFAULT_PROFILE);
        self.read_only || self.profiles.get(name).is_some_and(|p| p.read_only)
    }
}

fn located(path: &Path, line: Option<usize>, message: &str) -> String {
    match line {
        Some(line) => format!("config file {}, line {line}: {message}", path.display()),
        None => format!("config file {}: {message}", path.display()),
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
    fn keys_are_read_with_their_lines() {
        let config = Config::parse(
            "read_only = false\n\n[keys]\ndisable = \"X\"\n# two keys\npage_down = [\"pagedown\", \"ctrl-d\"]\nbulk = []\n",
        )
        .unwrap();
        let entry = |name: &str, keys: &[&str], line: usize| KeyOverride {
            name: name.into(),
            keys: keys.iter().map(|k| (*k).to_owned()).collect(),
            line,
        };
        assert_eq!(
            config.keys,
            [
                entry("disable", &["X"], 4),
                entry("page_down", &["pagedown", "ctrl-d"], 6),
                entry("bulk", &[], 7),
            ]
        );
        assert_eq!(
            config.error_at(4, "bad"),
            "config, line 4: bad",
            "no file: no path"
        );
    }

    #[test]
    fn a_key_that_is_not_text_names_its_line() {
        let (_dir, path) = fixture("[keys]\ndisable = \"X\"\nquit = 3\n");
        let err = Config::load_from(&path).unwrap_err();
        assert!(err.contains("line 3"), "{err}");
        assert!(err.contains("a key such as"), "{err}");
        let (_dir, path) = fixture("[keys]\nquit = [\"q\", 3]\n");
        let err = Config::load_from(&path).unwrap_err();
        assert!(err.contains("line 2"), "{err}");
    }

    #[test]
    fn an_error_at_a_line_names_the_file() {
        let (_dir, path) = fixture("[keys]\ndisable = \"X\"\n");
        let config = Config::load_from(&path).unwrap();
        assert_eq!(
            config.error_at(2, "no such key"),
            format!("config file {}, line 2: no such key", path.display())
        );
    }

    #[test]
    fn an_unreadable_path_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let err = Config::load_from(dir.path()).unwrap_err();
        assert!(err.contains(&dir.path().display().to_string()), "{err}");
    }
}
