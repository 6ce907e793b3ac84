//! The main area of the pools list and of each pool tab: the Overview, or the table of the pane
//! the registry names for the tab, drawn with what its entry says the rows are called.

pub mod overview;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::browse::pane::{Pane, PaneVisitor};
use crate::app::browse::panes;
use crate::app::browse::rows::PoolRow;
use crate::app::state::{ListPane, PoolState, Tab};
use crate::app::users::index::{Answered, ago};
use crate::ui::Theme;
use crate::ui::browse::table;
use crate::ui::browse::table::{Noun, TablePane};

const POOLS: Noun = Noun {
    one: "pool",
    many: "pools",
};

/// The pools of the region.
pub fn pools(buf: &mut Buffer, area: Rect, pane: &ListPane<PoolRow>, theme: &Theme, ticks: u64) {
    let spec = TablePane {
        pane,
        noun: POOLS,
        server_filter: None,
        marks: None,
        offer: None,
    };
    table::draw(buf, area, &spec, theme, ticks);
}

/// The open tab of a pool; `now` (Unix seconds) says how old the local index is; `offer` is
/// what the users table offers after a search that found no one.
pub fn pool_tab(
    buf: &mut Buffer,
    area: Rect,
    pool: &PoolState,
    (now, offer): (Option<i64>, Option<String>),
    theme: &Theme,
    ticks: u64,
) {
    let drawn = panes::visit(
        pool.tab,
        Draw {
            buf: &mut *buf,
            area,
            pool,
            now,
            offer,
            theme,
            ticks,
        },
    );
    if drawn.is_none() {
        overview::draw(buf, area, pool, now, theme, ticks);
    }
}

struct Draw<'a> {
    buf: &'a mut Buffer,
    area: Rect,
    pool: &'a PoolState,
    now: Option<i64>,
    offer: Option<String>,
    theme: &'a Theme,
    ticks: u64,
}

impl PaneVisitor for Draw<'_> {
    type Out = ();

    fn visit<R: Pane>(self) {
        let spec = TablePane {
            pane: R::table(self.pool),
            noun: Noun {
                one: R::INFO.one,
                many: R::INFO.many,
            },
            server_filter: R::search(self.pool).map(|search| {
                let built_at = self
                    .pool
                    .users_query
                    .as_ref()
                    .and_then(|q| match q.answered {
                        Some(Answered::Index { built_at }) => Some(built_at),
                        _ => None,
                    });
                match (built_at.filter(|_| R::TAB == Tab::Users), self.now) {
                    (Some(at), Some(now)) => format!("{search}, indexed {}", ago(now, at)),
                    _ => search,
                }
            }),
            marks: R::marks(self.pool),
            offer: self.offer.filter(|_| R::TAB == Tab::Users),
        };
        table::draw(self.buf, self.area, &spec, self.theme, self.ticks);
    }
}
