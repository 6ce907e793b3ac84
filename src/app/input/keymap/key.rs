//! One key as the key tables hold it: read from a terminal event, parsed from `config.toml`
//! (`"X"`, `"ctrl-d"`, `"alt-b"`, `"pagedown"`, `"shift-tab"`), and written back for the footer and
//! help (`C-d`, `PgDn`) or for the README (`ctrl-d`).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    /// Ctrl and Alt only: Shift is part of the character itself (`G`, `?`) or of the code
    /// (`BackTab`).
    pub mods: KeyModifiers,
}

pub const fn key(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    }
}

pub const fn code(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

pub const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

pub const fn ctrl_code(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::CONTROL,
    }
}

pub const fn alt(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::ALT,
    }
}

pub const fn alt_code(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::ALT,
    }
}

/// Named keys: what `config.toml` accepts (the first spelling is the one written back), and the
/// footer's short label.
const NAMED: &[(KeyCode, &[&str], &str)] = &[
    (KeyCode::Enter, &["enter", "return"], "Enter"),
    (KeyCode::Esc, &["esc", "escape"], "Esc"),
    (KeyCode::Tab, &["tab"], "Tab"),
    (KeyCode::BackTab, &["shift-tab", "backtab"], "S-Tab"),
    (KeyCode::Backspace, &["backspace"], "BkSp"),
    (KeyCode::Delete, &["delete", "del"], "Del"),
    (KeyCode::Insert, &["insert", "ins"], "Ins"),
    (KeyCode::Home, &["home"], "Home"),
    (KeyCode::End, &["end"], "End"),
    (KeyCode::PageUp, &["pageup", "pgup"], "PgUp"),
    (KeyCode::PageDown, &["pagedown", "pgdn"], "PgDn"),
    (KeyCode::Up, &["up"], "↑"),
    (KeyCode::Down, &["down"], "↓"),
    (KeyCode::Left, &["left"], "←"),
    (KeyCode::Right, &["right"], "→"),
    (KeyCode::Char(' '), &["space"], "Space"),
];

const EXAMPLES: &str = "e.g. \"X\", \"ctrl-d\", \"alt-b\", \"f5\", \"pagedown\", \"shift-tab\"";

impl Key {
    /// The key of a terminal event, compared the way the tables are.
    pub fn from_event(event: KeyEvent) -> Self {
        Self {
            code: event.code,
            mods: event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT),
        }
    }

    /// A key as `config.toml` writes it: a character as itself (`"X"` is Shift-x), a named key
    /// (`"pagedown"`, `"f5"`, `"space"`), either after `ctrl-` and/or `alt-`.
    pub fn parse(spec: &str) -> Result<Self, String> {
        let mut rest = spec;
        let mut mods = KeyModifiers::NONE;
        loop {
            let lower = rest.to_ascii_lowercase();
            let prefix = ["ctrl-", "alt-"]
                .into_iter()
                .find(|p| lower.starts_with(p) && rest.len() > p.len());
            let Some(prefix) = prefix else { break };
            mods |= if prefix == "ctrl-" {
                KeyModifiers::CONTROL
            } else {
                KeyModifiers::ALT
            };
            rest = &rest[prefix.len()..];
        }
        let code = code_of(rest).ok_or_else(|| {
            if rest.to_ascii_lowercase().starts_with("shift-") {
                format!(
                    "{spec:?}: shift goes only with tab (\"shift-tab\"); for a capital letter write the letter (\"X\")"
                )
            } else {
                format!("{spec:?} is not a key ({EXAMPLES})")
            }
        })?;
        // Terminals report Ctrl with the letter in lower case.
        let code = match code {
            KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            other => other,
        };
        Ok(Self { code, mods })
    }

    /// How the footer and `?` help write it: `C-d`, `A-b`, `PgDn`, `↑`, `X`.
    pub fn label(self) -> String {
        let name = self.named().map_or_else(
            || self.unnamed(|n| format!("F{n}")),
            |(_, _, label)| (*label).to_owned(),
        );
        format!("{}{name}", self.prefix("C-", "A-"))
    }

    /// How `config.toml` writes it (what `parse` reads back): `ctrl-d`, `pagedown`, `X`.
    pub fn spec(self) -> String {
        let name = self.named().map_or_else(
            || self.unnamed(|n| format!("f{n}")),
            |(_, spellings, _)| spellings[0].to_owned(),
        );
        format!("{}{name}", self.prefix("ctrl-", "alt-"))
    }

    fn named(self) -> Option<&'static (KeyCode, &'static [&'static str], &'static str)> {
        NAMED.iter().find(|(c, _, _)| *c == self.code)
    }

    /// A character as itself, a function key as `function` writes it.
    fn unnamed(self, function: impl Fn(u8) -> String) -> String {
        match self.code {
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => function(n),
            other => format!("{other:?}"),
        }
    }

    fn prefix(self, ctrl: &str, alt: &str) -> String {
        let mut out = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            out.push_str(ctrl);
        }
        if self.mods.contains(KeyModifiers::ALT) {
            out.push_str(alt);
        }
        out
    }

    /// A key that edits a field as it is typed: a character, Backspace, Delete, ← or → (no Ctrl,
    /// no Alt).
    pub fn edits(self) -> bool {
        self.mods.is_empty()
            && matches!(
                self.code,
                KeyCode::Char(_)
                    | KeyCode::Backspace
                    | KeyCode::Delete
                    | KeyCode::Left
                    | KeyCode::Right
            )
    }
}

fn code_of(name: &str) -> Option<KeyCode> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return (!c.is_control()).then_some(KeyCode::Char(c));
    }
    let lower = name.to_ascii_lowercase();
    if let Some((code, _, _)) = NAMED.iter().find(|(_, s, _)| s.contains(&lower.as_str())) {
        return Some(*code);
    }
    lower
        .strip_prefix('f')
        .and_then(|n| n.parse::<u8>().ok())
        .filter(|n| (1..=12).contains(n))
        .map(KeyCode::F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_parse_as_config_toml_writes_them() {
        let ok = |s: &str| Key::parse(s).unwrap();
        assert_eq!(ok("X"), key('X'));
        assert_eq!(ok("x"), key('x'));
        assert_eq!(ok("-"), key('-'));
        assert_eq!(ok("space"), key(' '));
        assert_eq!(ok(" "), key(' '));
        assert_eq!(ok("ctrl-d"), ctrl('d'));
        assert_eq!(
            ok("Ctrl-D"),
            ctrl('d'),
            "Ctrl letters are read in lower case"
        );
        assert_eq!(ok("ctrl--"), ctrl('-'));
        assert_eq!(ok("alt-b"), alt('b'));
        assert_eq!(
            ok("ctrl-alt-x").mods,
            KeyModifiers::CONTROL | KeyModifiers::ALT
        );
        assert_eq!(ok("ctrl-left"), ctrl_code(KeyCode::Left));
        assert_eq!(ok("PageDown"), code(KeyCode::PageDown));
        assert_eq!(ok("pgdn"), code(KeyCode::PageDown));
        assert_eq!(ok("shift-tab"), code(KeyCode::BackTab));
        assert_eq!(ok("f5"), code(KeyCode::F(5)));
        assert_eq!(ok("esc"), code(KeyCode::Esc));
    }

    #[test]
    fn what_is_not_a_key_says_so() {
        for bad in ["", "ctl-x", "f13", "ctrl-", "pagedwn", "\t", "shift-x"] {
            let err = Key::parse(bad).unwrap_err();
            assert!(err.contains(&format!("{bad:?}")), "{bad:?}: {err}");
        }
        assert!(Key::parse("shift-x").unwrap_err().contains("\"X\""));
    }

    #[test]
    fn labels_are_short_and_specs_read_back() {
        assert_eq!(ctrl('d').label(), "C-d");
        assert_eq!(alt('b').label(), "A-b");
        assert_eq!(code(KeyCode::PageDown).label(), "PgDn");
        assert_eq!(code(KeyCode::BackTab).label(), "S-Tab");
        assert_eq!(ctrl_code(KeyCode::Left).label(), "C-←");
        assert_eq!(key(' ').label(), "Space");
        assert_eq!(code(KeyCode::F(2)).label(), "F2");
        let all = [
            key('X'),
            key(' '),
            key('+'),
            ctrl('u'),
            alt('f'),
            ctrl_code(KeyCode::Right),
            alt_code(KeyCode::Backspace),
            code(KeyCode::BackTab),
            code(KeyCode::F(12)),
            code(KeyCode::Enter),
        ];
        for k in all {
            assert_eq!(Key::parse(&k.spec()), Ok(k), "{}", k.spec());
        }
    }

    #[test]
    fn an_event_drops_shift_but_keeps_ctrl_and_alt() {
        let event = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(event), key('G'));
        let event = KeyEvent::new(
            KeyCode::Char('d'),
            KeyModifiers::CONTROL | KeyModifiers::SHIFT,
        );
        assert_eq!(Key::from_event(event), ctrl('d'));
    }
}
