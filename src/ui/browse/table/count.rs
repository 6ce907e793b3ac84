//! The count line over a table: how many rows are loaded and shown, the load's progress or
//! failure, the filters, the marks, and the selected row's position.

use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Widget;

use crate::app::browse::table::Row;
use crate::app::state::Load;
use crate::ui::Theme;
use crate::ui::browse::table::{Noun, TablePane};
use crate::ui::text::{clip_line, counted, line, spinner, thousands};

pub fn draw<R: Row>(
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
        let _ = write!(text, " · {expr}");
    }
    if let Some(offer) = &spec.offer {
        let _ = write!(text, " · {offer}");
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
    let position_width = u16::try_from(position.len()).unwrap_or(0);
    let [_, text_area, _, position_area, _] = area.layout(&Layout::horizontal([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(position_width),
        Constraint::Length(1),
    ]));
    let text = clip_line(line(&text, style), usize::from(text_area.width));
    text.render(text_area, buf);
    line(&position, theme.muted).render(position_area, buf);
}
