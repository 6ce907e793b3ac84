//! The user's key table from the `[keys]` of `config.toml`, checked before the console starts: every
//! name a row's, every key a key, no key doing two things in one view, no command on a key that
//! edits a field as it is typed. Each error names the line it comes from.

use std::collections::BTreeMap;

use crate::app::input::keymap::{Key, Keymap, Mode, bindings, tables};
use crate::shared::config::{Config, KeyOverride};

/// What is wrong with a `[keys]` entry, and its line in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyError {
    pub line: usize,
    pub message: String,
}

/// Every name a row may be given keys by, in table order.
pub fn names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = Vec::new();
    for (_, rows) in tables() {
        for row in rows {
            if !row.name.is_empty() && !names.contains(&row.name) {
                names.push(row.name);
            }
        }
    }
    names
}

impl Keymap {
    /// The keys `config` gives; else every problem, one line each, naming the file and line.
    pub fn from_config(config: &Config) -> Result<Self, String> {
        Self::from_overrides(&config.keys).map_err(|errors| {
            errors
                .iter()
                .map(|e| config.error_at(e.line, &e.message))
                .collect::<Vec<_>>()
                .join("\n")
        })
    }

    /// The defaults with `overrides` applied; every problem found, by line, if there is any.
    pub fn from_overrides(overrides: &[KeyOverride]) -> Result<Self, Vec<KeyError>> {
        let known = names();
        let mut errors = Vec::new();
        let mut custom = BTreeMap::new();
        let mut lines = BTreeMap::new();
        for entry in overrides {
            let error = |message: String| KeyError {
                line: entry.line,
                message,
            };
            let Some(name) = known.iter().copied().find(|n| *n == entry.name) else {
                errors.push(error(unknown(&entry.name, &known)));
                continue;
            };
            let mut keys: Vec<Key> = Vec::new();
            for spec in &entry.keys {
                match Key::parse(spec) {
                    Ok(key) if !keys.contains(&key) => keys.push(key),
                    Ok(_) => {}
                    Err(message) => errors.push(error(format!("{name}: {message}"))),
                }
            }
            if name == "quit" && entry.keys.is_empty() {
                errors.push(error("quit needs a key".to_owned()));
            }
            custom.insert(name, keys);
            lines.insert(name, entry.line);
        }
        let keymap = Keymap::new(custom);
        errors.extend(keymap.conflicts(&lines));
        errors.extend(keymap.typing(&lines));
        errors.sort_by_key(|e| e.line);
        if errors.is_empty() {
            Ok(keymap)
        } else {
            Err(errors)
        }
    }

    /// Two rows on one key in one view. Reported on the line of the row given that key last.
    fn conflicts(&self, lines: &BTreeMap<&str, usize>) -> Vec<KeyError> {
        let mut found = Found::default();
        for mode in Mode::ALL {
            let mut seen: Vec<(Key, &str)> = Vec::new();
            for row in bindings(mode) {
                for &key in self.keys(row) {
                    match seen.iter().find(|(k, _)| *k == key) {
                        Some((_, other)) if *other != row.name => {
                            found.add((key, *other, row.name), mode);
                        }
                        Some(_) => {}
                        None => seen.push((key, row.name)),
                    }
                }
            }
        }
        found
            .0
            .into_iter()
            .filter_map(|((key, first, second), modes)| {
                let line = lines.get(first).max(lines.get(second)).copied()?;
                Some(KeyError {
                    line,
                    message: format!(
                        "{:?} would do two things in {}: {first} and {second}",
                        key.spec(),
                        where_(&modes)
                    ),
                })
            })
            .collect()
    }

    /// A key that edits a field as it is typed, given to a row of a view with a field.
    fn typing(&self, lines: &BTreeMap<&str, usize>) -> Vec<KeyError> {
        let mut found = Found::default();
        for mode in Mode::ALL.into_iter().filter(|m| m.has_field()) {
            for row in bindings(mode).filter(|r| lines.contains_key(r.name)) {
                for &key in self.keys(row).iter().filter(|k| k.edits()) {
                    found.add((key, row.name), mode);
                }
            }
        }
        found
            .0
            .into_iter()
            .filter_map(|((key, name), modes)| {
                Some(KeyError {
                    line: *lines.get(name)?,
                    message: format!(
                        "{name}: {:?} edits the fields of {} as it is typed; give it a key with ctrl- or alt-, or a named key such as \"f2\"",
                        key.spec(),
                        where_(&modes)
                    ),
                })
            })
            .collect()
    }
}

/// Problems found, each with the views where it shows.
struct Found<P>(Vec<(P, Vec<Mode>)>);

impl<P> Default for Found<P> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<P: PartialEq> Found<P> {
    fn add(&mut self, problem: P, mode: Mode) {
        match self.0.iter_mut().find(|(p, _)| *p == problem) {
            Some((_, modes)) => modes.push(mode),
            None => self.0.push((problem, vec![mode])),
        }
    }
}

fn where_(modes: &[Mode]) -> String {
    let titles: Vec<&str> = modes.iter().map(|m| m.title()).collect();
    match titles.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => titles.join(""),
    }
}

fn unknown(name: &str, known: &[&str]) -> String {
    let close = known
        .iter()
        .filter(|k| distance(k, name) <= 2 || k.contains(name) && name.len() > 2)
        .map(|k| format!("{k:?}"))
        .collect::<Vec<_>>();
    let hint = if close.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", close.join(" or "))
    };
    format!("{name:?} is not a key action (the README's \"Keys\" table lists them){hint}")
}

/// Edits between two names (Levenshtein), for "did you mean".
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != *cb);
            current.push(substitute.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}
