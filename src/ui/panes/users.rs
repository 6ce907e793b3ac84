//! The table of a pool's users, with the server-side filter they were loaded with.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::super::Theme;
use super::super::widgets::table::{self, Noun, TablePane};
use crate::app::state::{PoolState, ServerFilter};

pub const NOUN: Noun = Noun {
    one: "user",
    many: "users",
};

pub fn draw(buf: &mut Buffer, area: Rect, pool: &PoolState, theme: &Theme, ticks: u64) {
    let spec = TablePane {
        pane: &pool.users,
        noun: NOUN,
        server_filter: pool.users_filter.as_ref().map(ServerFilter::expression),
        marks: Some(&pool.marks),
    };
    table::draw(buf, area, &spec, theme, ticks);
}
