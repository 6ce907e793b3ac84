//! The detail view of one item: its sections as label/value lines, or (`y`) the raw JSON response,
//! scrolled by `detail.scroll`. Also the label/value lines of the pool overview.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

use crate::app::browse::detail::{Detail, Section};
use crate::app::remote::Remote;
use crate::cognito::personal;
use crate::ui::Theme;
use crate::ui::browse::{json, verdict};
use crate::ui::text::{clip_line, escape, line, span, thousands};
use crate::ui::widgets::notice;
use crate::ui::widgets::popup::padded;

const MAX_LABEL: usize = 28;

/// `fix_key`: the key that applies a user's verdict's fix, as the footer writes it.
pub fn draw(
    buf: &mut Buffer,
    area: Rect,
    detail: &Detail,
    fix_key: &str,
    theme: &Theme,
    ticks: u64,
) {
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
        Remote::Loaded(loaded) => {
            let mut lines = Vec::new();
            if let Some(verdict) = &loaded.verdict {
                let room = usize::from(padded(body).width);
                lines = verdict::lines(verdict, fix_key, room, theme);
                lines.push(Line::default());
            }
            lines.extend(section_lines(&loaded.sections, theme));
            lines
        }
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
        lines.extend(marked_pairs(&section.lines, &section.problems, theme));
    }
    lines
}

/// `label  value` lines, labels padded to the longest (at most `MAX_LABEL`), both escaped.
pub fn pairs(pairs: &[(String, String)], theme: &Theme) -> Vec<Line<'static>> {
    marked_pairs(pairs, &[], theme)
}

/// As `pairs`, the values of the lines in `problems` (by index) drawn as the problems they are.
fn marked_pairs(
    pairs: &[(String, String)],
    problems: &[usize],
    theme: &Theme,
) -> Vec<Line<'static>> {
    let pairs: Vec<(String, String)> = pairs
        .iter()
        .map(|(label, value)| {
            let value = if theme.mask_personal {
                Cow::Owned(personal::attribute(label, value))
            } else {
                Cow::Borrowed(value.as_str())
            };
            (escape(label).into_owned(), escape(&value).into_owned())
        })
        .collect();
    let label_width = pairs
        .iter()
        .map(|(label, _)| label.chars().count())
        .max()
        .unwrap_or(0)
        .min(MAX_LABEL);
    pairs
        .into_iter()
        .enumerate()
        .map(|(i, (label, value))| {
            let style = if problems.contains(&i) {
                theme.error_code
            } else {
                theme.value
            };
            if label.is_empty() {
                return Line::from(vec![Span::raw("  "), Span::styled(value, style)]);
            }
            Line::from(vec![
                Span::raw("  "),
                Span::styled(format!("{label:<label_width$}"), theme.label),
                Span::raw("  "),
                Span::styled(value, style),
            ])
        })
        .collect()
}
