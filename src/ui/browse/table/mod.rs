//! The table every list uses: a count/progress line, column titles with the sort mark, and only
//! the rows that fit. Our own rather than ratatui's `Table`: it draws only the visible rows of
//! 100,000 without building them. Split as bottom splits its data table: the columns and their
//! titles (`column`), the count line (`count`), and the rows (`body`); `app::table` holds the
//! state and the sort. The window is page-based (`offset = selected / height * height`), which
//! is what `update`'s ClickRow assumes.

mod body;
mod column;
mod count;

use std::collections::BTreeSet;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};

use crate::app::browse::table::Row;
use crate::app::state::ListPane;
use crate::ui::Theme;

pub use column::fit_widths;

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
    /// What the rows were loaded with, e.g. `server filter email ^= "ann"`, `query enabled = false`.
    pub server_filter: Option<String>,
    /// Keys of the rows marked for a bulk action: a `●` in the gutter, a count on the count line.
    pub marks: Option<&'a BTreeSet<String>>,
    /// What a search that found no one offers: `L searches "ann@example.com"`.
    pub offer: Option<String>,
}

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
    let [count_row, titles_row, body] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(HEAD_ROWS - 1),
        Constraint::Fill(1),
    ]));
    count::draw(buf, count_row, spec, theme, ticks);
    let shown = column::shown(spec.pane.table.rows());
    let widths = fit_widths(R::COLUMNS, &shown, area.width.saturating_sub(1));
    column::titles::<R>(buf, titles_row, &widths, spec, theme);
    if body.height == 0 {
        return;
    }
    if spec.pane.table.visible_len() == 0 {
        body::empty(buf, body, spec, theme);
    } else {
        body::rows(buf, body, &widths, spec, theme);
    }
}
