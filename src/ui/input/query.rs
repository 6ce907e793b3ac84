//! The query bar (`f`): the query as typed, a caret under the column of a mistake with what is
//! wrong, and the language in a few examples.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::app::users::index::QueryBar;
use crate::ui::Theme;
use crate::ui::text::{line, put, width};
use crate::ui::widgets::popup::{field, padded, popup, prose, rows};

const PROMPT: &str = "query › ";

const EXAMPLES: [&str; 4] = [
    "status = UNCONFIRMED and created < -30d      custom:tenant = \"acme\" and not enabled",
    "email ~ \"gmail.com\" (contains)   email =~ /^ann\\./   group = admins or group = support",
    "email_verified = false   modified > 2026-01-01   mfa != none   ( ) and or not",
    "One = or ^= on a standard attribute asks the server; anything else reads the pool's local index (built when missing).",
];

pub fn bar(frame: &mut Frame, area: Rect, bar: &QueryBar, theme: &Theme) {
    let help: Vec<Line<'static>> = EXAMPLES.iter().map(|e| line(e, theme.muted)).collect();
    let help = prose(help);
    let text_width = 90u16.min(area.width.saturating_sub(4)).saturating_sub(2);
    let help_rows = rows(&help, text_width);
    let inner = popup(
        frame,
        area,
        2,
        90,
        help_rows + 6,
        "Query users (Enter runs · empty lists everyone · Esc closes)",
        theme,
    );
    if inner.height < 3 {
        return;
    }
    let body = padded(inner);
    field(frame, body, body.y, PROMPT, &bar.input, theme.input, theme);
    if let Some((column, message)) = &bar.error {
        // The column counts in the query as submitted: leading blanks were trimmed.
        let typed = bar.input.value();
        let lead = typed.len() - typed.trim_start().len();
        let before: String = typed[..lead]
            .chars()
            .chain(typed.trim_start().chars().take(column.saturating_sub(1)))
            .collect();
        let x = u16::try_from(width(PROMPT) + width(&before))
            .ok()
            .map(|dx| body.x.saturating_add(dx));
        if let Some(x) = x.filter(|x| *x < body.right()) {
            put(frame.buffer_mut(), body, x, body.y + 1, "^", 1, theme.error);
        }
        put(
            frame.buffer_mut(),
            body,
            body.x,
            body.y + 2,
            &format!("column {column}: {message}"),
            body.width,
            theme.error,
        );
    }
    let help_area = Rect {
        y: body.y + 4,
        height: body.height.saturating_sub(4),
        ..body
    };
    frame.render_widget(help, help_area);
}
