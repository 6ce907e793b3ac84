//! The screen-share mode's last pass over a drawn frame: every email address, phone number and
//! IP address still whole on screen (a dialog's title, a toast, the journal, a form as typed) is
//! masked where it stands. The views mask their own data first (a table's cells before they are
//! cut, an attribute by its name, raw JSON); this pass catches what any view draws as text.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use crate::cognito::personal;
use crate::ui::Theme;

/// A table's cell as drawn: in screen-share mode with its addresses, numbers and IPs masked
/// before it is cut to its column (a cut address would no longer be recognised as one).
pub fn cell<'a>(text: &'a str, theme: &Theme) -> Cow<'a, str> {
    if theme.mask_personal {
        personal::text(text)
    } else {
        Cow::Borrowed(text)
    }
}

/// A cell that is not one character (the second cell of a wide glyph, a combined one): no
/// address or number runs through it.
const OTHER: char = '\0';

/// Masks each row of `area` in place, each value within the cells it took: the mask written
/// from its start and padded with spaces, or, when the mask is wider, the value starred but its
/// first character and an address's domain (a number's last four).
pub fn buffer(buf: &mut Buffer, area: Rect) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        let chars: Vec<char> = (area.left()..area.right())
            .map(|x| {
                let symbol = buf.cell(Position::new(x, y)).map_or("", |c| c.symbol());
                let mut it = symbol.chars();
                match (it.next(), it.next()) {
                    (Some(c), None) => c,
                    _ => OTHER,
                }
            })
            .collect();
        for hit in personal::found(&chars) {
            let written = fitted(&chars[hit.start..hit.end], &hit.masked);
            for (offset, c) in written.into_iter().enumerate() {
                let x = usize::from(area.left()) + hit.start + offset;
                if let Ok(x) = u16::try_from(x)
                    && let Some(cell) = buf.cell_mut(Position::new(x, y))
                {
                    cell.set_char(c);
                }
            }
        }
    }
}

/// The mask in exactly as many cells as the value took.
fn fitted(value: &[char], masked: &str) -> Vec<char> {
    let width = value.len();
    if masked.chars().count() <= width {
        return masked
            .chars()
            .chain(std::iter::repeat(' '))
            .take(width)
            .collect();
    }
    // An address keeps its domain; anything else its last four.
    let first = value.iter().position(|c| c.is_alphanumeric()).unwrap_or(0);
    let kept = value
        .iter()
        .position(|&c| c == '@')
        .unwrap_or(width.saturating_sub(4));
    value
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            if i <= first || i >= kept || !c.is_alphanumeric() {
                c
            } else {
                '*'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Style};

    use super::*;

    fn row(buf: &Buffer, y: u16) -> String {
        (0..buf.area.width)
            .map(|x| buf.cell(Position::new(x, y)).map_or("", |c| c.symbol()))
            .collect()
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
    fn a_frame_without_personal_data_is_left_as_drawn() {
        let area = Rect::new(0, 0, 30, 1);
        let mut buf = Buffer::empty(area);
        buf.set_string(0, 0, "us-east-1_d604a7 │ v1.2.3", Style::new());
        let before = buf.clone();
        buffer(&mut buf, area);
        assert_eq!(buf, before);
    }
}
