//! The table's body: only the rows that fit, a page at a time, the selected one highlighted and
//! marked rows flagged in the gutter; or what it says when there are none to show.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::browse::table::Row;
use crate::app::state::Load;
use crate::ui::Theme;
use crate::ui::browse::table::TablePane;
use crate::ui::browse::table::column::GAP;
use crate::ui::mask;
use crate::ui::text::put;
use crate::ui::widgets::notice;

pub fn rows<R: Row>(
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
            if w == 0 {
                continue;
            }
            put(
                buf,
                row_area,
                x,
                y,
                &mask::cell(&row.cell(column), theme),
                w,
                ratatui::style::Style::new(),
            );
            x = x.saturating_add(w + GAP);
        }
    }
}

pub fn empty<R: Row>(buf: &mut Buffer, body: Rect, spec: &TablePane<'_, R>, theme: &Theme) {
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
        (Load::Done, Some(expr)) => match &spec.offer {
            Some(offer) => format!(
                "No {many} for {expr}: the filter is case-sensitive, and addresses are mostly \
                 stored in lower case; {offer}"
            ),
            None => format!("No {many} for {expr}"),
        },
        (Load::Done, None) => format!("No {many}"),
    };
    notice::message(buf, body, &text, theme);
}
