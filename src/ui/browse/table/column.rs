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
        if w == 0 {
            continue;
        }
        put(buf, area, x, y, &title, w, theme.column_title);
        x = x.saturating_add(w + GAP);
    }
}

/// Rows an optional column looks at to decide whether it is drawn: enough to tell a query's
/// results (every row has it) from a listing (none has), without reading 100,000 rows a frame.
const SAMPLE: usize = 200;

/// Which columns are drawn: every one but an optional column empty in the first rows.
pub fn shown<R: Row>(rows: &[R]) -> Vec<bool> {
    R::COLUMNS
        .iter()
        .enumerate()
        .map(|(i, c)| !c.optional || rows.iter().take(SAMPLE).any(|r| !r.cell(i).is_empty()))
        .collect()
}

/// Column widths from the hints, the widest shrunk first until they fit `room`; 0 for a column
/// not `shown`.
pub fn fit_widths<R>(columns: &[Column<R>], shown: &[bool], room: u16) -> Vec<u16> {
    let mut widths: Vec<u16> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if shown.get(i).copied().unwrap_or(true) {
                c.width
            } else {
                0
            }
        })
        .collect();
    let drawn = widths.iter().filter(|w| **w > 0).count();
    let gaps = GAP * u16::try_from(drawn.saturating_sub(1)).unwrap_or(0);
    let room = room.saturating_sub(gaps);
    let mut total: u16 = widths.iter().copied().fold(0, u16::saturating_add);
    while total > room {
        let Some(widest) = widths.iter_mut().filter(|w| **w > 0).max_by_key(|w| **w) else {
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
        let all = [true; 3];
        assert_eq!(fit_widths(&cols, &all, 80), vec![30, 10, 20]);
        assert_eq!(fit_widths(&cols, &all, 42), vec![15, 10, 15]);
        assert_eq!(fit_widths(&cols, &all, 0), vec![4, 4, 4]);
        // A column not shown takes no room and no gap.
        assert_eq!(fit_widths(&cols, &[true, false, true], 51), vec![30, 0, 20]);
    }
}
