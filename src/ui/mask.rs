//! The screen-share mode's last pass over a drawn frame: every email address, phone number and
//! IP address still whole on screen (a dialog's title, a toast, the journal, a form as typed) is
//! masked where it stands. The views mask their own data first (a table's cells before they are
//! cut, an attribute by its name, raw JSON); this pass catches what any view draws as text.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;

use crate::cognito::personal;
use crate::ui::Theme;
use crate::ui::text::width;

/// A table's cell as drawn: in screen-share mode with its addresses, numbers and IPs masked
/// before it is cut to its column (a cut address would no longer be recognised as one).
pub fn cell<'a>(text: &'a str, theme: &Theme) -> Cow<'a, str> {
    if theme.mask_personal {
        personal::text(text)
    } else {
        Cow::Borrowed(text)
    }
}

/// A cell that is not one character (a combined one): no address or number runs through it.
const OTHER: char = '\0';

/// One row of the frame as characters, each with the cells it takes (a wide character takes two:
/// its second cell is not a character of its own, so `张三@example.com` is still one address).
struct Row {
    chars: Vec<char>,
    /// Where each character starts, and how many cells it takes.
    cells: Vec<(u16, u16)>,
}

impl Row {
    fn read(buf: &Buffer, area: Rect, y: u16) -> Self {
        let mut row = Self {
            chars: Vec::new(),
            cells: Vec::new(),
        };
        let mut x = area.left();
        while x < area.right() {
            let symbol = buf.cell(Position::new(x, y)).map_or(" ", |c| c.symbol());
            let mut it = symbol.chars();
            let c = match (it.next(), it.next()) {
                (Some(c), None) => c,
                _ => OTHER,
            };
            let wide = u16::try_from(width(symbol)).unwrap_or(1).clamp(1, 2);
            let wide = wide.min(area.right() - x);
            row.chars.push(c);
            row.cells.push((x, wide));
            x += wide;
        }
        row
    }

    /// Writes the mask of `hit` over the cells its value took: the mask from its start, padded
    /// with spaces, or, when the mask is wider, the value starred in place (a wide character
    /// starred in both its cells).
    fn write(&self, buf: &mut Buffer, y: u16, hit: &personal::Hit) {
        let (Some(&(left, _)), Some(&(last, last_width))) = (
            self.cells.get(hit.start),
            self.cells.get(hit.end.saturating_sub(1)),
        ) else {
            return;
        };
        let room = usize::from(last + last_width - left);
        if width(&hit.masked) <= room {
            let padded = format!("{:<room$}", hit.masked);
            buf.set_stringn(left, y, padded, room, Style::default());
            return;
        }
        let value = &self.chars[hit.start..hit.end];
        let starred = personal::starred(value, &hit.masked);
        for (i, (&was, now)) in value.iter().zip(starred).enumerate() {
            if was == now {
                continue;
            }
            let (x, cells) = self.cells[hit.start + i];
            for x in x..x + cells {
                if let Some(cell) = buf.cell_mut(Position::new(x, y)) {
                    cell.set_char(now);
                }
            }
        }
    }
}

/// Masks each row of `area` in place, each value within the cells it took.
pub fn buffer(buf: &mut Buffer, area: Rect) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        let row = Row::read(buf, area, y);
        for hit in personal::found(&row.chars) {
            row.write(buf, y, &hit);
        }
    }
}

#[cfg(test)]
mod tests {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Style};

    use super::*;

    /// The row as a terminal shows it: a wide character's second cell is hidden under it.
    fn row(buf: &Buffer, y: u16) -> String {
        let mut text = String::new();
        let mut x = 0;
        while x < buf.area.width {
            let symbol = buf.cell(Position::new(x, y)).map_or(" ", |c| c.symbol());
            text.push_str(symbol);
            x += u16::try_from(width(symbol)).unwrap_or(1).max(1);
        }
        text
    }

    #[test]
    fn values_are_masked_in_their_own_cells_and_the_rest_stays_put() {
        let area = Rect::new(0, 0, 40, 3);
        let mut buf = Buffer::empty(area);
        let red = Style::new().fg(Color::Red);
        buf.set_string(0, 0, "Disable ann@example.com?  x", red);
        buf.set_string(0, 1, "sms to +15555554567 ok", Style::new());
        buf.set_string(0, 2, "ip 203.0.113.158 · 2,500 users", Style::new());
        buffer(&mut buf, area);
        assert_eq!(row(&buf, 0).trim_end(), "Disable a**@example.com?  x");
        assert_eq!(row(&buf, 1).trim_end(), "sms to +1******4567 ok");
        assert_eq!(row(&buf, 2).trim_end(), "ip 203.0.*.*     · 2,500 users");
        assert_eq!(
            buf.cell(Position::new(8, 0)).map(|c| c.fg),
            Some(Color::Red),
            "the style stays"
        );
    }

    #[test]
    fn an_address_in_a_wide_script_is_masked_across_its_cells() {
        let area = Rect::new(0, 0, 30, 2);
        let mut buf = Buffer::empty(area);
        buf.set_string(0, 0, "to 张三丰@example.com!", Style::new());
        buf.set_string(0, 1, "ip 2001:db8:85a3::8a2e:370:7334", Style::new());
        buffer(&mut buf, area);
        // `张***@example.com` is one cell narrower than the 17 the address took.
        assert_eq!(row(&buf, 0).trim_end(), "to 张***@example.com !");
        assert_eq!(row(&buf, 1).trim_end(), "ip 2001:db8::*");
    }

    #[test]
    fn a_mask_wider_than_its_value_stars_a_wide_character_in_both_cells() {
        let area = Rect::new(0, 0, 12, 1);
        let mut buf = Buffer::empty(area);
        buf.set_string(0, 0, "x 张三@a.b y", Style::new());
        let wide = personal::found(&['张', '三', '@', 'a', '.', 'b']);
        assert_eq!(wide[0].masked, "张***@a.b", "wider than its 8 cells");
        buffer(&mut buf, area);
        assert_eq!(row(&buf, 0).trim_end(), "x 张**@a.b y");
    }

    #[test]
    fn a_frame_without_personal_data_is_left_as_drawn() {
        let area = Rect::new(0, 0, 30, 1);
        let mut buf = Buffer::empty(area);
        buf.set_string(0, 0, "us-east-1_d604a7 │ v1.2.3", Style::new());
        let before = buf.clone();
        buffer(&mut buf, area);
        assert_eq!(buf, before);
    }
}
