//! A small table (devices, sign-in history, the journal) drawn with ratatui's `Table`: titled
//! columns sized by constraints, every cell escaped and cut with `…` to its column's width, so a
//! value that was cut never passes for a whole one. The users table has its own virtualised one.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Row, Table};

use crate::ui::Theme;
use crate::ui::mask;
use crate::ui::text::clipped;

const GAP: u16 = 1;

/// A row's cells, in column order, and its style.
pub type Cells = (Vec<String>, Style);

/// The table of `rows` under `columns` (title, width), for an area `width` cells wide.
pub fn table(
    columns: &[(&str, Constraint)],
    rows: impl IntoIterator<Item = Cells>,
    width: u16,
    theme: &Theme,
) -> Table<'static> {
    let constraints: Vec<Constraint> = columns.iter().map(|&(_, c)| c).collect();
    let widths: Vec<usize> = Layout::horizontal(constraints.iter().copied())
        .spacing(GAP)
        .split(Rect::new(0, 0, width, 1))
        .iter()
        .map(|r| usize::from(r.width))
        .collect();
    let cells = |texts: &mut dyn Iterator<Item = &str>, style: Style| {
        Row::new(
            texts
                .zip(&widths)
                .map(|(text, &w)| clipped(&mask::cell(text, theme), w, style))
                .collect::<Vec<_>>(),
        )
        .style(style)
    };
    let header = cells(&mut columns.iter().map(|&(t, _)| t), theme.column_title);
    let rows: Vec<Row<'static>> = rows
        .into_iter()
        .map(|(texts, style)| cells(&mut texts.iter().map(String::as_str), style))
        .collect();
    Table::new(rows, constraints)
        .header(header)
        .column_spacing(GAP)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::buffer::Buffer;
    use ratatui::widgets::Widget;

    #[test]
    fn cells_are_escaped_and_cut_to_their_column() {
        let theme = Theme::new(true);
        let columns = [
            ("Name", Constraint::Length(6)),
            ("Key", Constraint::Fill(1)),
        ];
        let rows = [(
            vec!["a\u{200d}b".to_owned(), "0123456789".to_owned()],
            Style::new(),
        )];
        let area = Rect::new(0, 0, 14, 2);
        let mut buf = Buffer::empty(area);
        table(&columns, rows, area.width, &theme).render(area, &mut buf);
        let text: Vec<String> = (0..2)
            .map(|y| (0..14).map(|x| buf[(x, y)].symbol()).collect())
            .collect();
        assert_eq!(text, ["Name   Key    ", "a\\u{2… 012345…"]);
    }
}
