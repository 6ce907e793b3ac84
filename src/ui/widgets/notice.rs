//! What a pane shows instead of its content: loading, failed, empty.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::super::Theme;
use super::super::text::{put, spinner};
use crate::app::remote::ErrorInfo;

/// `⠋ Loading users…` on the first row of `area`.
pub fn loading(buf: &mut Buffer, area: Rect, what: &str, theme: &Theme, ticks: u64) {
    let x = put(
        buf,
        area,
        area.x + 1,
        area.y,
        spinner(ticks),
        2,
        theme.spinner,
    );
    put(
        buf,
        area,
        x + 1,
        area.y,
        &format!("Loading {what}…"),
        area.width,
        theme.count,
    );
}

/// The error in place: what failed, the Cognito code, and the plain-English text.
pub fn failed(buf: &mut Buffer, area: Rect, what: &str, error: &ErrorInfo, theme: &Theme) {
    let x = area.x + 1;
    let width = area.width.saturating_sub(2);
    put(
        buf,
        area,
        x,
        area.y,
        &format!("✗ Could not load {what}"),
        width,
        theme.error_code,
    );
    let mut y = area.y + 1;
    // The code on a line of its own, unless the text starts with it already.
    if let Some(code) = error
        .code
        .as_ref()
        .filter(|c| !error.text.starts_with(c.as_str()))
    {
        put(buf, area, x + 2, y, code, width, theme.error_code);
        y += 1;
    }
    for line in wrap(&error.text, usize::from(width.saturating_sub(2))) {
        put(buf, area, x + 2, y, &line, width, theme.error);
        y += 1;
    }
    put(buf, area, x + 2, y + 1, "r retries", width, theme.muted);
}

/// A plain one-line message (an empty state).
pub fn message(buf: &mut Buffer, area: Rect, text: &str, theme: &Theme) {
    put(
        buf,
        area,
        area.x + 1,
        area.y,
        text,
        area.width.saturating_sub(2),
        theme.muted,
    );
}

/// Splits text into lines of at most `width` chars at spaces (long words are cut by `put`).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(10);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(
            wrap("one two three four five", 10),
            vec!["one two", "three four", "five"]
        );
        assert!(wrap("", 10).is_empty());
    }
}
