//! The table of a pool's groups.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::super::Theme;
use super::super::widgets::table::{self, Noun, TablePane};
use crate::app::rows::GroupRow;
use crate::app::state::ListPane;

pub const NOUN: Noun = Noun {
    one: "group",
    many: "groups",
};

pub fn draw(buf: &mut Buffer, area: Rect, pane: &ListPane<GroupRow>, theme: &Theme, ticks: u64) {
    let spec = TablePane {
        pane,
        noun: NOUN,
        server_filter: None,
        marks: None,
    };
    table::draw(buf, area, &spec, theme, ticks);
}
