//! A bordered box over the main view, the wrapped text popups are made of, a typed field with
//! its cursor, and the one-line text field of the palette and the search.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Position, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::app::input::text::TextField;
use crate::ui::Theme;
use crate::ui::text::{field_window, put, put_span, span, typed, width};

/// Clears a box of (at most) `width` x `height` cells at `top` rows into `area`, centred
/// horizontally (moved up when it is too tall to fit), draws its border and title, and returns
/// the inside.
pub fn popup(
    frame: &mut Frame,
    area: Rect,
    top: u16,
    width: u16,
    height: u16,
    title: &str,
    theme: &Theme,
) -> Rect {
    let height = height.min(area.height);
    let top = top.min(area.height - height);
    let [_, band] = area.layout(&Layout::vertical([
        Constraint::Length(top),
        Constraint::Length(height),
    ]));
    let rect =
        band.centered_horizontally(Constraint::Length(width.min(area.width.saturating_sub(2))));
    let title = Line::from(vec![
        span(" ", theme.popup_title),
        span(title, theme.popup_title),
        span(" ", theme.popup_title),
    ]);
    let block = Block::bordered()
        .border_style(theme.popup_border)
        .title(title);
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    inner
}

/// The inside of a popup less a cell each side, where its text goes.
pub fn padded(inner: Rect) -> Rect {
    inner.inner(Margin::new(1, 0))
}

/// Lines that wrap at the width they are drawn in.
pub fn prose(lines: Vec<Line<'static>>) -> Paragraph<'static> {
    Paragraph::new(lines).wrap(Wrap { trim: false })
}

/// Rows `text` takes once wrapped in `width` cells, by the same wrapping that draws it.
pub fn rows(text: &Paragraph<'_>, width: u16) -> u16 {
    u16::try_from(text.line_count(width)).unwrap_or(u16::MAX)
}

/// A field being typed into, in `area` (one row): the part around the cursor, drawn as typed,
/// or as dots when masked; the terminal cursor goes in it when focused. In screen-share mode
/// (`personal`) an address or a number in it is starred in place, so the part in view is masked
/// even when the whole value is not (the frame's last pass only sees what is in view).
pub fn input(
    frame: &mut Frame,
    area: Rect,
    field: &TextField,
    (masked, personal): (bool, bool),
    focused: bool,
    style: Style,
) {
    let text: String = if masked {
        "•".repeat(field.value().chars().count())
    } else if personal {
        crate::cognito::personal::in_place(field.value()).into_owned()
    } else {
        field.value().to_owned()
    };
    let (shown, column) = field_window(&text, field.cursor(), usize::from(area.width));
    let before: String = shown.chars().take(column).collect();
    frame.render_widget(Paragraph::new(typed(&shown, style)), area);
    let x = area
        .x
        .saturating_add(u16::try_from(width(&before)).unwrap_or(u16::MAX));
    if focused && x < area.right() && !area.is_empty() {
        frame.set_cursor_position(Position::new(x, area.y));
    }
}

/// Draws `prompt` and the field on row `y` of `area`, and puts the terminal cursor in it.
pub fn field(
    frame: &mut Frame,
    area: Rect,
    y: u16,
    prompt: &str,
    input: &TextField,
    style: Style,
    theme: &Theme,
) {
    if y < area.top() || y >= area.bottom() {
        return;
    }
    let buf = frame.buffer_mut();
    let x = put(buf, area, area.x, y, prompt, area.width, theme.muted);
    let room = usize::from(area.right().saturating_sub(x).saturating_sub(1));
    let value = if theme.mask_personal {
        crate::cognito::personal::in_place(input.value())
    } else {
        std::borrow::Cow::Borrowed(input.value())
    };
    let (shown, column) = field_window(&value, input.cursor(), room);
    // A selected value (the last search) is highlighted: typing replaces it.
    let style = if input.is_selected() {
        theme.choice_selected
    } else {
        style
    };
    put_span(buf, (area, x, y), &typed(&shown, style), area.width);
    let before: String = shown.chars().take(column).collect();
    let cursor_x = x.saturating_add(u16::try_from(width(&before)).unwrap_or(u16::MAX));
    if cursor_x < area.right() {
        frame.set_cursor_position(Position::new(cursor_x, y));
    }
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use super::*;
    use crate::app::action::InputKey;

    /// A field scrolled to its start: the address's `@` is out of view, so the frame's last pass
    /// could not tell it is one; the field stars it in place itself, the cursor where it was.
    #[test]
    fn a_scrolled_field_masks_the_part_of_an_address_in_view() {
        let mut field = TextField::new("ann.adams.longer.name@example.com");
        field.edit(InputKey::Home);
        field.edit(InputKey::Right);
        let shown = |personal: bool| {
            let mut terminal = Terminal::new(TestBackend::new(12, 1)).unwrap();
            terminal
                .draw(|frame| {
                    input(
                        frame,
                        frame.area(),
                        &field,
                        (false, personal),
                        true,
                        Style::new(),
                    );
                })
                .unwrap();
            let cursor = terminal.get_cursor_position().ok();
            let buf = terminal.backend().buffer();
            let text: String = (0..12)
                .map(|x| buf.cell(Position::new(x, 0)).map_or("", |c| c.symbol()))
                .collect();
            (text, cursor)
        };
        let (plain, at) = shown(false);
        assert_eq!(plain, "ann.adams.lo");
        let (masked, masked_at) = shown(true);
        assert_eq!(masked, "a**.*****.**");
        assert_eq!(masked_at, at, "the cursor stays on the second character");
        assert_eq!(at, Some(Position::new(1, 0)));
    }
}
