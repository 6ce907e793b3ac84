//! The table of a pool's identity providers.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::super::Theme;
use super::super::widgets::table::{self, Noun, TablePane};
use crate::app::rows::IdpRow;
use crate::app::state::ListPane;

pub const NOUN: Noun = Noun {
    one: "identity provider",
    many: "identity providers",
};

pub fn draw(buf: &mut Buffer, area: Rect, pane: &ListPane<IdpRow>, theme: &Theme, ticks: u64) {
    let spec = TablePane {
        pane,
        noun: NOUN,
        server_filter: None,
        marks: None,
    };
    table::draw(buf, area, &spec, theme, ticks);
}
