//! What a pane shows instead of its content: loading, failed, empty. The text wraps in the pane.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Widget;

use crate::app::remote::ErrorInfo;
use crate::ui::Theme;
use crate::ui::text::{line, span, spinner};
use crate::ui::widgets::popup::{padded, prose};

/// `⠋ Loading users…` on the first row of `area`.
pub fn loading(buf: &mut Buffer, area: Rect, what: &str, theme: &Theme, ticks: u64) {
    let text = Line::from(vec![
        span(spinner(ticks), theme.spinner),
        span(" ", theme.count),
        span(&format!("Loading {what}…"), theme.count),
    ]);
    prose(vec![text]).render(padded(area), buf);
}

/// The error in place: what failed, the Cognito code, and the plain-English text, indented
/// under it.
pub fn failed(buf: &mut Buffer, area: Rect, what: &str, error: &ErrorInfo, theme: &Theme) {
    let area = padded(area);
    let [title, body] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    let heading = line(&format!("✗ Could not load {what}"), theme.error_code);
    heading.render(title, buf);
    let [_, body] = body.layout(&Layout::horizontal([
        Constraint::Length(2),
        Constraint::Fill(1),
    ]));
    let mut lines = Vec::new();
    // The code on a line of its own, unless the text starts with it already.
    if let Some(code) = error
        .code
        .as_ref()
        .filter(|c| !error.text.starts_with(c.as_str()))
    {
        lines.push(line(code, theme.error_code));
    }
    lines.push(line(&error.text, theme.error));
    lines.push(Line::default());
    lines.push(line("r retries", theme.muted));
    prose(lines).render(body, buf);
}

/// A plain message (an empty state).
pub fn message(buf: &mut Buffer, area: Rect, text: &str, theme: &Theme) {
    prose(vec![line(text, theme.muted)]).render(padded(area), buf);
}
