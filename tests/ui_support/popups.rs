//! Popups on a small 60x15 terminal: the console sized for it, and the checks that a popup's
//! box is whole and shows what it must.

use cognito_tui::app::{Action, Effect, InputKey, State};
use cognito_tui::ui::{Theme, table_rows};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{act, draw_with, users_state};

pub const W: u16 = 60;
pub const H: u16 = 15;

pub fn key(s: &mut State, k: InputKey) -> Vec<Effect> {
    act(s, Action::Input(k))
}

/// Users loaded, the console resized to 60x15.
pub fn small(n: usize) -> State {
    let mut s = users_state(n, true);
    act(
        &mut s,
        Action::Resize {
            table_rows: table_rows(Rect::new(0, 0, W, H)),
        },
    );
    s
}

pub fn draw_small(s: &State) -> TestBackend {
    draw_with(s, &Theme::new(false), W, H).backend().clone()
}

pub fn popup_box(buf: &Buffer) -> Rect {
    let sym = |x: u16, y: u16| buf[(x, y)].symbol().to_owned();
    let (x0, y0) = (1..buf.area.height)
        .find_map(|y| {
            (0..buf.area.width)
                .find(|&x| sym(x, y) == "┌")
                .map(|x| (x, y))
        })
        .expect("a popup box");
    let x1 = (x0 + 1..buf.area.width)
        .find(|&x| sym(x, y0) == "┐")
        .expect("the box's top right corner");
    let y1 = (y0 + 1..buf.area.height)
        .find(|&y| sym(x0, y) == "└")
        .expect("the box's bottom: it is cut off by the screen");
    assert_eq!(sym(x1, y1), "┘", "bottom right corner");
    for y in y0 + 1..y1 {
        assert_eq!(sym(x0, y), "│", "left border at row {y} drawn over");
        assert_eq!(sym(x1, y), "│", "right border at row {y} drawn over");
    }
    for x in x0 + 1..x1 {
        assert_eq!(sym(x, y1), "─", "bottom border at column {x} drawn over");
    }
    Rect::new(x0, y0, x1 - x0 + 1, y1 - y0 + 1)
}

/// The text inside the box, its rows joined, runs of spaces as one.
pub fn inside(buf: &Buffer, area: Rect) -> String {
    let mut rows = Vec::new();
    for y in area.y + 1..area.bottom() - 1 {
        let row: String = (area.x + 1..area.right() - 1)
            .map(|x| buf[(x, y)].symbol())
            .collect();
        rows.push(row);
    }
    rows.join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The selected line is drawn inside the box.
pub fn selection_shown(name: &str, buf: &Buffer, area: Rect) {
    let bg = Theme::new(false)
        .choice_selected
        .bg
        .expect("a selection colour");
    let shown = (area.y + 1..area.bottom() - 1)
        .any(|y| (area.x + 1..area.right() - 1).any(|x| buf[(x, y)].bg == bg));
    assert!(shown, "{name}: the selected line is out of view");
}

/// The popup's box on a drawn screen, checked to show every phrase in full.
pub fn shown_in_full(name: &str, backend: &TestBackend, phrases: &[&str]) -> (Buffer, Rect) {
    let buf = backend.buffer().clone();
    let area = popup_box(&buf);
    let text = inside(&buf, area);
    for phrase in phrases {
        assert!(
            text.contains(phrase),
            "{name}: {phrase:?} is not shown in full:\n{backend}"
        );
    }
    (buf, area)
}
