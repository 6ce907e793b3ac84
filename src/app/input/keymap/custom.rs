//! The key tables as the user has them: the defaults, with the keys `config.toml` gave some rows
//! by name. Dispatch, the footer, the `?` help and the menus all read keys through here.

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::app::action::Action;
use crate::app::input::keymap::{Binding, Key, Mode, bindings};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keymap {
    /// The keys given, by row name; a row not named keeps its defaults. An empty list unbinds.
    custom: BTreeMap<&'static str, Vec<Key>>,
}

/// A row as the footer and help show it: the user's keys, and rows that only differ by their key
/// (`↑` and `↓` choose) joined into one (`↑/↓`).
#[derive(Debug, Clone)]
pub struct Shown {
    pub label: String,
    pub help: &'static str,
    pub hint: &'static str,
    /// The (first) row shown.
    pub row: &'static Binding,
}

impl Keymap {
    pub(super) fn new(custom: BTreeMap<&'static str, Vec<Key>>) -> Self {
        Self { custom }
    }

    /// The keys that run `row`.
    pub fn keys<'a>(&'a self, row: &'static Binding) -> &'a [Key] {
        self.custom.get(row.name).map_or(row.keys, Vec::as_slice)
    }

    /// How the footer and help write `row`'s keys.
    pub fn label(&self, row: &Binding) -> Cow<'static, str> {
        match self.custom.get(row.name) {
            Some(keys) => Cow::Owned(keys.iter().map(|k| k.label()).collect::<Vec<_>>().join("/")),
            None => Cow::Borrowed(row.label),
        }
    }

    /// The rows that work now: under `--read-only` the mutating ones are left out, and so is a row
    /// left without keys.
    pub fn available(&self, mode: Mode, read_only: bool) -> impl Iterator<Item = &'static Binding> {
        bindings(mode).filter(move |b| {
            !(read_only && b.mutating) && (b.name.is_empty() || !self.keys(b).is_empty())
        })
    }

    /// The row `key` runs in `mode`.
    pub fn find(&self, mode: Mode, read_only: bool, key: Key) -> Option<&'static Binding> {
        self.available(mode, read_only)
            .find(|b| self.keys(b).contains(&key))
    }

    /// Whether `key` belongs to a row of `mode`, by default or as given: such a key is never
    /// typed into a field, even when its row is hidden or was given other keys.
    pub fn owns(&self, mode: Mode, key: Key) -> bool {
        bindings(mode).any(|b| b.keys.contains(&key) || self.keys(b).contains(&key))
    }

    /// The label of the keys that run `action` in `mode` (`x` for disable in the action menu).
    pub fn label_of(&self, mode: Mode, action: &Action) -> Option<Cow<'static, str>> {
        self.available(mode, false)
            .find(|b| b.action == *action && !b.name.is_empty())
            .map(|b| self.label(b))
    }

    /// As `label_of`, for a sentence: `(no key)` when the user left the action without one.
    pub fn key_for(&self, mode: Mode, action: &Action) -> Cow<'static, str> {
        self.label_of(mode, action)
            .unwrap_or(Cow::Borrowed("(no key)"))
    }

    /// The rows of `mode` as the footer and help show them.
    pub fn shown(&self, mode: Mode, read_only: bool) -> Vec<Shown> {
        self.shown_of(self.available(mode, read_only))
    }

    /// The editing keys every field shares, as the help shows them.
    pub fn shown_editing(&self) -> Vec<Shown> {
        self.shown_of(
            super::fields::EDIT
                .iter()
                .filter(|b| !self.keys(b).is_empty()),
        )
    }

    fn shown_of(&self, rows: impl Iterator<Item = &'static Binding>) -> Vec<Shown> {
        let mut out: Vec<Shown> = Vec::new();
        for row in rows {
            let label = self.label(row);
            match out.last_mut() {
                Some(last) if last.help == row.help && last.hint == row.hint => {
                    last.label = format!("{}/{label}", last.label);
                }
                _ => out.push(Shown {
                    label: label.into_owned(),
                    help: row.help,
                    hint: row.hint,
                    row,
                }),
            }
        }
        out
    }
}
