//! A bordered box over the main view, and a one-line text field with its cursor.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear};

use super::super::Theme;
use super::super::text::{escape, field_window, put, put_typed, width};
use crate::app::text::TextField;

/// Clears a box of (at most) `width` x `height` cells at `top` rows into `area`, centred
/// horizontally, draws its border and title, and returns the inside.
pub fn popup(
    frame: &mut Frame,
    area: Rect,
    top: u16,
    width: u16,
    height: u16,
    title: &str,
    theme: &Theme,
) -> Rect {
    let width = width.min(area.width.saturating_sub(2));
    let top = top.min(area.height.saturating_sub(height)).min(area.height);
    let height = height.min(area.height.saturating_sub(top));
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + top,
        width,
        height,
    };
    let block = Block::bordered()
        .border_style(theme.popup_border)
        .title(Line::from(Span::styled(
            format!(" {} ", escape(title)),
            theme.popup_title,
        )));
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    inner
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
    let (shown, column) = field_window(input.value(), input.cursor(), room);
    // A selected value (the last search) is highlighted: typing replaces it.
    let style = if input.is_selected() {
        theme.choice_selected
    } else {
        style
    };
    put_typed(buf, area, x, y, &shown, area.width, style);
    let before: String = shown.chars().take(column).collect();
    let cursor_x = x.saturating_add(u16::try_from(width(&before)).unwrap_or(u16::MAX));
    if cursor_x < area.right() {
        frame.set_cursor_position(Position::new(cursor_x, y));
    }
}
