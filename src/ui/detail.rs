//! The detail view of one item: its sections as label/value lines, or (`y`) the raw JSON response,
//! scrolled by `detail.scroll`. Also the label/value lines of the pool overview.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::Theme;
use super::json;
use super::text::{escape, put, thousands};
use super::widgets::notice;
use crate::app::detail::{Detail, Section};
use crate::app::remote::Remote;

const MAX_LABEL: usize = 28;

pub fn draw(buf: &mut Buffer, area: Rect, detail: &Detail, theme: &Theme, ticks: u64) {
    if area.height == 0 {
        return;
    }
    let kind = capitalized(detail.tab.info().one);
    let view = if detail.show_json {
        "raw JSON"
    } else {
        "fields"
    };
    let title = format!("{kind} {}", detail.name);
    let x = put(
        buf,
        area,
        area.x + 1,
        area.y,
        &title,
        area.width,
        theme.section,
    );
    put(
        buf,
        area,
        x + 2,
        area.y,
        &format!("({view}, y toggles)"),
        area.width,
        theme.muted,
    );
    let body = Rect {
        y: area.y + 1,
        height: area.height - 1,
        ..area
    };
    let what = format!("{} {}", kind.to_lowercase(), detail.name);
    let lines = match &detail.body {
        Remote::NotAsked => return,
        Remote::Loading(_) => return notice::loading(buf, body, &what, theme, ticks),
        Remote::Failed(error) => return notice::failed(buf, body, &what, error, theme),
        Remote::Loaded(body) if detail.show_json => json::lines(&body.raw, theme),
        Remote::Loaded(body) => section_lines(&body.sections, theme),
    };
    scrolled(buf, area, body, &lines, detail.scroll, theme);
}

/// `app client` → `App client`.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Draws the lines from `scroll` on (clamped so the last page stays full) and the position on
/// the title row.
fn scrolled(
    buf: &mut Buffer,
    title: Rect,
    body: Rect,
    lines: &[Line<'_>],
    scroll: u16,
    theme: &Theme,
) {
    let height = usize::from(body.height);
    let first = usize::from(scroll).min(lines.len().saturating_sub(height));
    for (i, line) in lines.iter().skip(first).take(height).enumerate() {
        let y = body.y + u16::try_from(i).unwrap_or(0);
        buf.set_line(body.x + 1, y, line, body.width.saturating_sub(2));
    }
    if lines.len() > height {
        let last = (first + height).min(lines.len());
        let position = format!(
            "lines {}–{} of {}",
            thousands(first + 1),
            thousands(last),
            thousands(lines.len())
        );
        let width = u16::try_from(position.chars().count()).unwrap_or(0);
        let x = title.right().saturating_sub(width + 1);
        put(buf, title, x, title.y, &position, width, theme.muted);
    }
}

/// Sections as a title line, then `label  value` lines with the labels aligned.
pub fn section_lines(sections: &[Section], theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for (i, section) in sections.iter().enumerate() {
        if i > 0 {
            lines.push(Line::default());
        }
        lines.push(Line::from(Span::styled(
            escape(&section.title).into_owned(),
            theme.section,
        )));
        if section.lines.is_empty() {
            lines.push(Line::from(Span::styled("  (none)", theme.muted)));
        }
        lines.extend(pairs(&section.lines, theme));
    }
    lines
}

/// `label  value` lines, labels padded to the longest (at most `MAX_LABEL`), both escaped.
pub fn pairs(pairs: &[(String, String)], theme: &Theme) -> Vec<Line<'static>> {
    let pairs: Vec<(String, String)> = pairs
        .iter()
        .map(|(label, value)| (escape(label).into_owned(), escape(value).into_owned()))
        .collect();
    let label_width = pairs
        .iter()
        .map(|(label, _)| label.chars().count())
        .max()
        .unwrap_or(0)
        .min(MAX_LABEL);
    pairs
        .into_iter()
        .map(|(label, value)| {
            if label.is_empty() {
                return Line::from(vec![Span::raw("  "), Span::styled(value, theme.value)]);
            }
            Line::from(vec![
                Span::raw("  "),
                Span::styled(format!("{label:<label_width$}"), theme.label),
                Span::raw("  "),
                Span::styled(value, theme.value),
            ])
        })
        .collect()
}
