//! The table every list uses: a count/progress line, column titles with the sort mark, and only
//! the rows that fit. The window is page-based (`offset = selected / height * height`), which is
//! what `update`'s ClickRow assumes.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::super::Theme;
use super::super::text::{counted, put, spinner, thousands};
use super::notice;
use crate::app::state::{ListPane, Load};
use crate::app::table::{Column, Row};

/// What the rows are called: `user` / `users`.
#[derive(Debug, Clone, Copy)]
pub struct Noun {
    pub one: &'static str,
    pub many: &'static str,
}

/// A list pane to draw.
pub struct TablePane<'a, R> {
    pub pane: &'a ListPane<R>,
    pub noun: Noun,
    /// The server-side filter the rows were loaded with, e.g. `email ^= "ann"`.
    pub server_filter: Option<String>,
    /// Keys of the rows marked for a bulk action: a `●` in the gutter, a count on the count line.
    pub marks: Option<&'a BTreeSet<String>>,
}

const GAP: u16 = 1;
const MIN_WIDTH: u16 = 4;

/// Lines above the body: the count line and the column titles.
pub const HEAD_ROWS: u16 = 2;

pub fn draw<R: Row>(
    buf: &mut Buffer,
    area: Rect,
    spec: &TablePane<'_, R>,
    theme: &Theme,
    ticks: u64,
) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    count_line(buf, area, spec, theme, ticks);
    let widths = fit_widths(R::COLUMNS, area.width.saturating_sub(1));
    titles::<R>(buf, area, &widths, spec, theme);
    let body = Rect {
        y: area.y.saturating_add(HEAD_ROWS),
        height: area.height.saturating_sub(HEAD_ROWS),
        ..area
    };
    if body.height == 0 {
        return;
    }
    if spec.pane.table.visible_len() == 0 {
        empty(buf, body, spec, theme);
    } else {
        rows(buf, body, &widths, spec, theme);
    }
}

fn count_line<R: Row>(
    buf: &mut Buffer,
    area: Rect,
    spec: &TablePane<'_, R>,
    theme: &Theme,
    ticks: u64,
) {
    let table = &spec.pane.table;
    let (total, shown) = (table.total(), table.visible_len());
    let Noun { one, many } = spec.noun;
    let (mut text, style) = match &spec.pane.load {
        Load::Loading { .. } if total == 0 => {
            (format!("{} Loading {many}…", spinner(ticks)), theme.spinner)
        }
        Load::Loading { pages, .. } => (
            format!(
                "{} {} loaded… ({})",
                spinner(ticks),
                counted(total, one, many),
                counted(*pages, "page", "pages")
            ),
            theme.spinner,
        ),
        Load::Cancelled => (
            format!("{} loaded · stopped (r reloads)", counted(total, one, many)),
            theme.warning,
        ),
        Load::Failed(e) if total == 0 => (
            format!(
                "{} · ✗ {}",
                counted(total, one, many),
                e.code.as_deref().unwrap_or("failed")
            ),
            theme.error,
        ),
        // The hint first: a long error is cut at the edge.
        Load::Failed(e) => (
            format!(
                "{} loaded · {}✗ {}",
                counted(total, one, many),
                if e.resume.is_some() {
                    "r continues · "
                } else {
                    ""
                },
                e.line()
            ),
            theme.error,
        ),
        Load::Done | Load::Idle => (counted(total, one, many), theme.count),
    };
    if !table.filter().is_empty() {
        let _ = write!(
            text,
            " · {} of {} shown for \"{}\"",
            thousands(shown),
            thousands(total),
            table.filter()
        );
    }
    if let Some(expr) = &spec.server_filter {
        let _ = write!(text, " · server filter {expr}");
    }
    if let Some(marks) = spec.marks.filter(|m| !m.is_empty()) {
        let _ = write!(text, " · {} marked", thousands(marks.len()));
    }
    let position = if shown == 0 {
        String::new()
    } else {
        format!(
            "{}/{}",
            thousands(table.selected_index().saturating_add(1)),
            thousands(shown)
        )
    };
    let room = area
        .width
        .saturating_sub(u16::try_from(position.len()).unwrap_or(0) + 3);
    put(buf, area, area.x + 1, area.y, &text, room, style);
    let right = area
        .right()
        .saturating_sub(u16::try_from(position.len()).unwrap_or(0) + 1);
    put(buf, area, right, area.y, &position, area.width, theme.muted);
}

fn titles<R: Row>(
    buf: &mut Buffer,
    area: Rect,
    widths: &[u16],
    spec: &TablePane<'_, R>,
    theme: &Theme,
) {
    let y = area.y.saturating_add(1);
    let sort = spec.pane.table.sort();
    let mut x = area.x + 1;
    for (i, (column, &w)) in R::COLUMNS.iter().zip(widths).enumerate() {
        let title = match sort {
            Some(s) if s.column == i => {
                format!("{} {}", column.title, if s.descending { "▼" } else { "▲" })
            }
            _ => column.title.to_owned(),
        };
        put(buf, area, x, y, &title, w, theme.column_title);
        x = x.saturating_add(w + GAP);
    }
}

fn rows<R: Row>(
    buf: &mut Buffer,
    body: Rect,
    widths: &[u16],
    spec: &TablePane<'_, R>,
    theme: &Theme,
) {
    let table = &spec.pane.table;
    let height = usize::from(body.height);
    let selected = table.selected_index();
    let offset = selected / height * height;
    for (line, pos) in (offset..offset.saturating_add(height)).enumerate() {
        let Some(row) = table.visible_row(pos) else {
            break;
        };
        let y = body
            .y
            .saturating_add(u16::try_from(line).unwrap_or(u16::MAX));
        let row_area = Rect {
            y,
            height: 1,
            ..body
        };
        if pos == selected {
            buf.set_style(row_area, theme.selected);
        }
        if spec.marks.is_some_and(|m| m.contains(row.key())) {
            let style = if pos == selected {
                theme.selected.patch(theme.marked)
            } else {
                theme.marked
            };
            put(buf, row_area, body.x, y, "●", 1, style);
        }
        let mut x = body.x + 1;
        for (column, &w) in widths.iter().enumerate() {
            put(
                buf,
                row_area,
                x,
                y,
                &row.cell(column),
                w,
                ratatui::style::Style::new(),
            );
            x = x.saturating_add(w + GAP);
        }
    }
}

fn empty<R: Row>(buf: &mut Buffer, body: Rect, spec: &TablePane<'_, R>, theme: &Theme) {
    let table = &spec.pane.table;
    let many = spec.noun.many;
    if table.total() > 0 {
        let text = format!(
            "No {many} match \"{}\" (/ changes the filter)",
            table.filter()
        );
        notice::message(buf, body, &text, theme);
        return;
    }
    let text = match (&spec.pane.load, &spec.server_filter) {
        // The count line carries the spinner.
        (Load::Loading { .. }, _) => return,
        (Load::Failed(e), _) => {
            notice::failed(buf, body, many, e, theme);
            return;
        }
        (Load::Idle, _) => format!("Not loaded yet (r loads the {many})"),
        (Load::Cancelled, _) => format!("No {many} loaded: stopped (r reloads)"),
        (Load::Done, Some(expr)) => format!("No {many} match {expr}"),
        (Load::Done, None) => format!("No {many}"),
    };
    notice::message(buf, body, &text, theme);
}

/// Column widths from the hints, the widest shrunk first until they fit `room`.
pub fn fit_widths(columns: &[Column], room: u16) -> Vec<u16> {
    let mut widths: Vec<u16> = columns.iter().map(|c| c.width).collect();
    let gaps = GAP * u16::try_from(columns.len().saturating_sub(1)).unwrap_or(0);
    let room = room.saturating_sub(gaps);
    let mut total: u16 = widths.iter().copied().fold(0, u16::saturating_add);
    while total > room {
        let Some(widest) = widths.iter_mut().max_by_key(|w| **w) else {
            break;
        };
        if *widest <= MIN_WIDTH {
            break;
        }
        *widest -= 1;
        total -= 1;
    }
    widths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_shrink_the_widest_first() {
        let cols = [
            Column {
                title: "a",
                width: 30,
            },
            Column {
                title: "b",
                width: 10,
            },
            Column {
                title: "c",
                width: 20,
            },
        ];
        assert_eq!(fit_widths(&cols, 80), vec![30, 10, 20]);
        assert_eq!(fit_widths(&cols, 42), vec![15, 10, 15]);
        assert_eq!(fit_widths(&cols, 0), vec![4, 4, 4]);
    }
}
