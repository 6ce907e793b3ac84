//! The pool's Overview tab: DescribeUserPool as label/value lines.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::remote::Remote;
use crate::app::state::PoolState;
use crate::ui::Theme;
use crate::ui::browse::detail::pairs;
use crate::ui::text::put;
use crate::ui::widgets::notice;

pub fn draw(buf: &mut Buffer, area: Rect, pool: &PoolState, theme: &Theme, ticks: u64) {
    if area.height == 0 {
        return;
    }
    put(
        buf,
        area,
        area.x + 1,
        area.y,
        &format!("Pool {}", pool.name),
        area.width,
        theme.section,
    );
    let body = Rect {
        y: area.y + 1,
        height: area.height - 1,
        ..area
    };
    match &pool.overview {
        Remote::NotAsked => {
            notice::message(buf, body, "Not loaded yet (r loads the overview)", theme);
        }
        Remote::Loading(_) => notice::loading(buf, body, "the pool overview", theme, ticks),
        Remote::Failed(error) => notice::failed(buf, body, "the pool overview", error, theme),
        Remote::Loaded(lines) => {
            for (i, line) in pairs(lines, theme)
                .iter()
                .take(usize::from(body.height))
                .enumerate()
            {
                let y = body.y + u16::try_from(i).unwrap_or(0);
                buf.set_line(body.x + 1, y, line, body.width.saturating_sub(2));
            }
        }
    }
}
