//! The detail view of one item: its sections as label/value lines, or (`y`) the raw JSON response,
//! scrolled by `detail.scroll`. Also the label/value lines of the pool overview.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

use crate::app::browse::detail::{Detail, Section};
use crate::app::remote::Remote;
use crate::ui::Theme;
use crate::ui::browse::json;
use crate::ui::text::{clip_line, escape, line, span, thousands};
use crate::ui::widgets::notice;
use crate::ui::widgets::popup::padded;

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
    let [title, body] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    let heading = Line::from(vec![
        span(&format!("{kind} {}", detail.name), theme.section),
        span("  ", theme.muted),
        span(&format!("({view}, y toggles)"), theme.muted),
    ]);
    let title_area = padded(title);
    clip_line(heading, usize::from(title_area.width)).render(title_area, buf);
    let what = format!("{} {}", kind.to_lowercase(), detail.name);
    let lines = match &detail.body {
        Remote::NotAsked => return,
        Remote::Loading(_) => return notice::loading(buf, body, &what, theme, ticks),
        Remote::Failed(error) => return notice::failed(buf, body, &what, error, theme),
        Remote::Loaded(body) if detail.show_json => json::lines(&body.raw, theme),
        Remote::Loaded(body) => section_lines(&body.sections, theme),
    };
    scrolled(buf, title, body, lines, detail.scroll, theme);
}

/// `app client` → `App client`.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Draws the lines from `scroll` on (clamped so the last page stays full), long lines cut at
/// the edge, and the position at the right of the title row.
fn scrolled(
    buf: &mut Buffer,
    title: Rect,
    body: Rect,
    lines: Vec<Line<'static>>,
    scroll: u16,
    theme: &Theme,
) {
    let height = usize::from(body.height);
    let total = lines.len();
    let first = usize::from(scroll).min(total.saturating_sub(height));
    let offset = u16::try_from(first).unwrap_or(u16::MAX);
    Paragraph::new(lines)
        .scroll((offset, 0))
        .render(padded(body), buf);
    if total > height {
        let last = (first + height).min(total);
        let position = line(
            &format!(
                "lines {}–{} of {}",
                thousands(first + 1),
                thousands(last),
                thousands(total)
            ),
            theme.muted,
        );
        let width = u16::try_from(position.width()).unwrap_or(0);
        let [_, right, _] = title.layout(&Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(width),
            Constraint::Length(1),
        ]));
        Clear.render(right, buf);
        position.render(right, buf);
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
