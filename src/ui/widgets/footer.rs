//! The bottom line: the keys of the current mode (the user's keys), from the same table that
//! dispatches them. When the line is too narrow, the longest hints are dropped first, leaving the
//! key alone.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::State;
use crate::app::input::keymap::mode;
use crate::ui::Theme;
use crate::ui::text::{put, width};

const GAP: usize = 2;

pub fn footer(buf: &mut Buffer, area: Rect, state: &State, theme: &Theme) {
    let shown = state.keys.shown(mode(state), state.context.read_only);
    let mut hints: Vec<(&str, &str)> = shown
        .iter()
        .filter(|s| !s.hint.is_empty())
        .map(|s| (s.label.as_str(), s.hint))
        .collect();
    let room = usize::from(area.width.saturating_sub(1));
    let total = |hints: &[(&str, &str)]| -> usize {
        hints
            .iter()
            .map(|(label, help)| {
                width(label) + GAP + if help.is_empty() { 0 } else { 1 + width(help) }
            })
            .sum::<usize>()
            .saturating_sub(GAP)
    };
    while total(&hints) > room {
        let Some(longest) = hints
            .iter_mut()
            .filter(|(_, help)| !help.is_empty())
            .max_by_key(|(_, help)| width(help))
        else {
            break;
        };
        longest.1 = "";
    }
    let mut x = area.x + 1;
    for (label, help) in hints {
        x = put(buf, area, x, area.y, label, area.width, theme.footer_key);
        if !help.is_empty() {
            x = put(
                buf,
                area,
                x + 1,
                area.y,
                help,
                area.width,
                theme.footer_text,
            );
        }
        x = x.saturating_add(2);
    }
}
