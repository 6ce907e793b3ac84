//! The table's columns: their widths fitted to the screen, and their titles with the sort mark.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::browse::table::{Column, Row};
use crate::ui::Theme;
use crate::ui::browse::table::TablePane;
use crate::ui::text::put;

/// Cells between two columns.
pub const GAP: u16 = 1;
const MIN_WIDTH: u16 = 4;

pub fn titles<R: Row>(
    buf: &mut Buffer,
    area: Rect,
    widths: &[u16],
    spec: &TablePane<'_, R>,
    theme: &Theme,
) {
    let y = area.y;
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

/// Column widths from the hints, the widest shrunk first until they fit `room`.
pub fn fit_widths<R>(columns: &[Column<R>], room: u16) -> Vec<u16> {
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
    use crate::app::browse::table::Cell;

    #[test]
    fn widths_shrink_the_widest_first() {
        let text = || Cell::Text(|s: &String| s.as_str());
        let cols = [
            Column::new("a", 30, text()),
            Column::new("b", 10, text()),
            Column::new("c", 20, text()),
        ];
        assert_eq!(fit_widths(&cols, 80), vec![30, 10, 20]);
        assert_eq!(fit_widths(&cols, 42), vec![15, 10, 15]);
        assert_eq!(fit_widths(&cols, 0), vec![4, 4, 4]);
    }
}
