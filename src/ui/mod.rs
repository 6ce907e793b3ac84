//! Drawing the console: `render` reads the State and paints one frame. It never mutates, never
//! does I/O, and draws only the table rows that fit. Every style comes from `Theme`.
//!
//! The screen, top to bottom: header, breadcrumbs, tabs, the main area (a table's count line,
//! column titles and body; the overview; or a detail), the status line (toast or `/` filter),
//! and the footer. Popups (help, palette, server search) sit over the main area.

mod admin;
mod browse;
mod find;
mod input;
pub(crate) mod mask;
mod secret;
pub(crate) mod text;
mod theme;
mod users;
mod widgets;

pub use theme::Theme;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

use crate::app::State;
use crate::app::action::Action;
use crate::app::input::keymap::Mode;
use crate::app::state::Overlay;
use browse::table::HEAD_ROWS;

/// Rows above the main area: header, breadcrumbs, tabs.
const TOP_ROWS: u16 = 3;

struct Regions {
    header: Rect,
    crumbs: Rect,
    tabs: Rect,
    main: Rect,
    status: Rect,
    footer: Rect,
}

fn regions(area: Rect) -> Regions {
    let [header, crumbs, tabs, main, status, footer] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ]));
    Regions {
        header,
        crumbs,
        tabs,
        main,
        status,
        footer,
    }
}

pub fn render(state: &State, theme: &Theme, frame: &mut Frame) {
    let masked;
    let theme = if state.mask {
        masked = Theme {
            mask_personal: true,
            ..theme.clone()
        };
        &masked
    } else {
        theme
    };
    let area = frame.area();
    let r = regions(area);
    let ticks = state.ticks;
    let buf = frame.buffer_mut();
    widgets::header::header(buf, r.header, state, theme);
    widgets::header::breadcrumbs(buf, r.crumbs, state, theme);
    widgets::header::tabs(buf, r.tabs, state, theme);
    match (&state.detail, &state.pool) {
        (Some(d), _) => {
            // Under --read-only the fix has no key: the verdict names it only.
            let fix_key = if state.context.read_only {
                String::new()
            } else {
                state
                    .keys
                    .key_for(Mode::UserDetail, &Action::Fix)
                    .into_owned()
            };
            browse::detail::draw(buf, r.main, d, &fix_key, theme, ticks);
        }
        (None, None) => browse::panes::pools(buf, r.main, &state.pools, theme, ticks),
        (None, Some(pool)) => {
            let offer = crate::app::browse::search::offer(pool).map(|f| {
                let key = state.keys.key_for(
                    crate::app::input::keymap::Mode::Users,
                    &crate::app::Action::SearchLowerCase,
                );
                format!("{key} searches \"{}\"", f.value)
            });
            browse::panes::pool_tab(buf, r.main, pool, (state.now, offer), theme, ticks);
        }
    }
    widgets::footer::footer(buf, r.footer, state, theme);
    if let Overlay::LocalFilter(input) = &state.overlay {
        input::filter::local_line(frame, r.status, input, counts(state), theme);
    } else if let Some((line, style)) = status_line(state, theme) {
        let [_, area] = r.status.layout(&Layout::horizontal([
            Constraint::Length(1),
            Constraint::Fill(1),
        ]));
        let line = text::clip_line(text::line(&line, style), usize::from(area.width));
        frame.render_widget(line, area);
    }
    let over = Rect {
        y: r.crumbs.y,
        height: r.main.bottom().saturating_sub(r.crumbs.y),
        ..area
    };
    match &state.overlay {
        Overlay::Help => input::help::help(frame, over, state, theme),
        Overlay::Palette { input, selected } => {
            input::palette::palette(frame, over, state, input, *selected, theme);
        }
        Overlay::ServerFilter { form, input } => {
            input::filter::server_form(frame, over, form, input, &state.keys, theme);
        }
        Overlay::Query(bar) => input::query::bar(frame, over, bar, theme),
        Overlay::Export(dialog) => users::export::draw(frame, over, dialog, theme, ticks),
        Overlay::Menu(menu) => users::menu::draw(frame, over, menu, &state.keys, theme),
        Overlay::Picker(picker) => users::menu::draw_picker(frame, over, picker, theme, ticks),
        Overlay::Form(form) => users::forms::draw(frame, over, form, theme, ticks),
        Overlay::Dialog(dialog) => users::dialog::draw(frame, over, dialog, theme, ticks),
        Overlay::Devices(view) => {
            users::devices::draw(frame, over, view, state.context.read_only, theme, ticks);
        }
        Overlay::Bulk(run) => users::bulk::draw(frame, over, run, theme, ticks),
        Overlay::Journal(view) => users::journal::draw(frame, over, view, theme, ticks),
        Overlay::Admin(flow) => admin::draw(frame, over, flow, theme, ticks),
        Overlay::Find(view) => find::draw(frame, over, view, theme, ticks),
        Overlay::None | Overlay::LocalFilter(_) | Overlay::Secret(_) => {}
    }
    if theme.mask_personal {
        mask::buffer(frame.buffer_mut(), area);
    }
    // A secret is shown because the user asked for it: never masked.
    if let Overlay::Secret(view) = &state.overlay {
        secret::draw(frame, over, view, theme, ticks);
    }
}

/// Shown and loaded rows of the table the keys act on.
/// The toast, else the latest retry still waiting (the pane's own calls included), else how far
/// a build of the local index has come.
fn status_line(state: &State, theme: &Theme) -> Option<(String, ratatui::style::Style)> {
    let spinner = text::spinner(state.ticks);
    let work = state.pool.as_ref().and_then(|p| {
        let work = p.index.work.as_ref().map(|(_, progress)| match progress {
            Some(p) => format!("{spinner} {} · {} · Esc stops", p.doing, p.line),
            None => format!("{spinner} indexing: starting · Esc stops"),
        });
        let listing = p.index.listing.as_ref().map(|(_, p)| p);
        work.or_else(|| listing.map(|p| format!("{spinner} {} · {} · Esc stops", p.doing, p.line)))
    });
    match (&state.toast, state.retrying.values().next_back(), work) {
        (Some(toast), _, _) => Some((toast.clone(), theme.toast)),
        (None, Some(notice), _) => Some((format!("⟳ {}", notice.describe()), theme.warning)),
        (None, None, Some(work)) => Some((work, theme.spinner)),
        (None, None, None) => None,
    }
}

fn counts(state: &State) -> Option<(usize, usize)> {
    let Some(pool) = &state.pool else {
        let t = &state.pools.table;
        return Some((t.visible_len(), t.total()));
    };
    crate::app::browse::panes::table(pool, pool.tab)
        .map(crate::app::browse::pane::PaneTable::counts)
}

/// Rows the table body has on a terminal of this size (the loop sends it as Action::Resize { table_rows }).
pub fn table_rows(area: Rect) -> usize {
    usize::from(regions(area).main.height.saturating_sub(HEAD_ROWS)).max(1)
}

/// Screen row of the first table body row, for mouse clicks (keymap::action_for_mouse).
pub fn table_top(state: &State) -> u16 {
    let _ = state;
    TOP_ROWS + HEAD_ROWS
}
