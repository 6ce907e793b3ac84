//! Pretty-printed JSON as styled lines: keys, strings, numbers and literals each in their colour.

use std::fmt::Write as _;

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use serde_json::Value;

use crate::cognito::personal;
use crate::shared::visible::is_hidden;
use crate::ui::Theme;

const INDENT: usize = 2;

/// The value as pretty-printed lines (the layout of `serde_json::to_string_pretty`); in
/// screen-share mode, a copy with its personal data masked.
pub fn lines(value: &Value, theme: &Theme) -> Vec<Line<'static>> {
    if theme.mask_personal {
        let mut masked = value.clone();
        personal::json(&mut masked);
        return printed(&masked, theme);
    }
    printed(value, theme)
}

fn printed(value: &Value, theme: &Theme) -> Vec<Line<'static>> {
    let mut out = Printer {
        theme,
        lines: Vec::new(),
        current: Vec::new(),
    };
    out.value(value, 0);
    out.end_line();
    out.lines
}

struct Printer<'t> {
    theme: &'t Theme,
    lines: Vec<Line<'static>>,
    current: Vec<Span<'static>>,
}

impl Printer<'_> {
    fn push(&mut self, text: String, style: Style) {
        self.current.push(Span::styled(text, style));
    }

    fn end_line(&mut self) {
        self.lines
            .push(Line::from(std::mem::take(&mut self.current)));
    }

    fn indent(&mut self, depth: usize) {
        self.current.push(Span::raw(" ".repeat(depth * INDENT)));
    }

    fn value(&mut self, value: &Value, depth: usize) {
        let theme = self.theme;
        match value {
            Value::Null => self.push("null".into(), theme.json_literal),
            Value::Bool(b) => self.push(b.to_string(), theme.json_literal),
            Value::Number(n) => self.push(n.to_string(), theme.json_number),
            Value::String(s) => self.push(quoted(s), theme.json_string),
            Value::Array(items) if items.is_empty() => self.push("[]".into(), theme.value),
            Value::Object(map) if map.is_empty() => self.push("{}".into(), theme.value),
            Value::Array(items) => {
                self.push("[".into(), theme.value);
                self.end_line();
                let last = items.len().saturating_sub(1);
                for (i, item) in items.iter().enumerate() {
                    self.indent(depth + 1);
                    self.value(item, depth + 1);
                    self.comma(i != last);
                }
                self.indent(depth);
                self.push("]".into(), theme.value);
            }
            Value::Object(map) => {
                self.push("{".into(), theme.value);
                self.end_line();
                let last = map.len().saturating_sub(1);
                for (i, (key, item)) in map.iter().enumerate() {
                    self.indent(depth + 1);
                    self.push(quoted(key), theme.json_key);
                    self.push(": ".into(), theme.value);
                    self.value(item, depth + 1);
                    self.comma(i != last);
                }
                self.indent(depth);
                self.push("}".into(), theme.value);
            }
        }
    }

    fn comma(&mut self, more: bool) {
        if more {
            self.push(",".into(), self.theme.value);
        }
        self.end_line();
    }
}

/// A JSON string literal; the characters that would not show (which JSON leaves raw) are
/// written as `\uXXXX` escapes, so that the text stays valid JSON for the same value.
fn quoted(s: &str) -> String {
    let json = Value::String(s.to_owned()).to_string();
    if !json.chars().any(is_hidden) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 8);
    for c in json.chars() {
        if is_hidden(c) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{unit:04x}");
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_match_serde_pretty_printing() {
        let value = serde_json::json!({
            "User": {"Name": "ann \"a\"", "Enabled": true, "Age": 3.5, "Groups": [], "Tags": ["a", null]},
            "Empty": {}
        });
        let theme = Theme::new(false);
        let text: Vec<String> = lines(&value, &theme)
            .iter()
            .map(ToString::to_string)
            .collect();
        let expected = serde_json::to_string_pretty(&value).unwrap();
        assert_eq!(text.join("\n"), expected);
    }

    #[test]
    fn hidden_characters_in_strings_become_json_escapes() {
        let value = serde_json::json!({"a\u{200d}": "x\u{202e}\n\u{1f}\u{e0041}"});
        let text = lines(&value, &Theme::new(false))[1].to_string();
        assert_eq!(text, r#"  "a\u200d": "x\u202e\n\u001f\udb40\udc41""#);
        let back: serde_json::Value = serde_json::from_str(&format!("{{{text}}}")).unwrap();
        assert_eq!(back, value);
    }
}
