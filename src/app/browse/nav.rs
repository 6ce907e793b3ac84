//! Keys on the main view: move, open, describe, tabs, sort, refresh, back.

use crate::app::action::Action;
use crate::app::browse::pane::PaneTable;
use crate::app::browse::panes;
use crate::app::browse::table::Navigable;
use crate::app::effect::{ApiCall, Effect, Read};
use crate::app::input::text::TextField;
use crate::app::state::{ListPane, Load, Overlay, ServerFilter, State, Tab};
use crate::app::update::requests::{
    close_detail, leave_pool, load_pools, load_tab, open_detail, open_pool,
};
use crate::cognito::user_filter::FilterAttribute;
use crate::cognito::{GroupName, PoolId};

pub fn handle(state: &mut State, action: &Action) -> Vec<Effect> {
    match action {
        Action::Quit => {
            state.quit = true;
            Vec::new()
        }
        Action::ToggleHelp => {
            state.overlay = Overlay::Help;
            Vec::new()
        }
        Action::ToggleMask => {
            state.mask = !state.mask;
            state.toast = Some(
                if state.mask {
                    "Screen-share mode: emails, phone numbers, names and IP addresses are masked"
                } else {
                    "Screen-share mode off: personal data is shown"
                }
                .to_owned(),
            );
            Vec::new()
        }
        Action::OpenPalette => {
            state.overlay = Overlay::Palette {
                input: TextField::default(),
                selected: 0,
            };
            Vec::new()
        }
        Action::OpenLocalFilter if state.detail.is_none() => {
            let text = current_table(state)
                .map(|t| t.filter().to_owned())
                .unwrap_or_default();
            state.overlay = Overlay::LocalFilter(TextField::new(&text));
            Vec::new()
        }
        Action::OpenServerFilter if state.detail.is_none() => {
            match state.pool.as_ref() {
                Some(pool) if pool.tab == Tab::Users => {
                    let form = pool.users_filter.clone().unwrap_or(ServerFilter {
                        attribute: FilterAttribute::Email,
                        prefix: true,
                        value: String::new(),
                    });
                    // The last search selected: typing starts a new one, an arrow edits it.
                    let input = TextField::selected(&form.value);
                    state.overlay = Overlay::ServerFilter { form, input };
                }
                _ => {
                    state.toast = Some("Server-side search works in a pool's Users tab".to_owned());
                }
            }
            Vec::new()
        }
        Action::SearchLowerCase if state.detail.is_none() => {
            crate::app::browse::search::search_lower_case(state)
        }
        Action::OpenQuery if state.detail.is_none() => crate::app::users::index::open(state),
        Action::RefreshIndex if state.detail.is_none() => crate::app::users::index::rebuild(state),
        Action::OpenExport if state.detail.is_none() => crate::app::users::export::open(state),
        Action::Back => back(state),
        Action::OpenActionMenu
        | Action::User(_)
        | Action::Fix
        | Action::ToggleMark
        | Action::MarkShown
        | Action::ClearMarks
        | Action::OpenBulkMenu => crate::app::users::keys::handle(state, action),
        Action::Admin(op) if state.detail.is_none() => crate::app::admin::update::start(state, *op),
        _ if state.detail.is_some() => detail_keys(state, action),
        Action::NextTab | Action::PrevTab | Action::ShowTab(_) => switch_tab(state, action),
        Action::Refresh => refresh(state),
        Action::Open | Action::Describe => open_selected(state, action),
        Action::ToggleJson => raw_json_of_selected(state),
        Action::SortBy(column) => with_table(state, |t| t.sort_by(*column)),
        Action::Up => with_table(state, |t| t.move_by(-1)),
        Action::Down => with_table(state, |t| t.move_by(1)),
        Action::Scroll(delta) => with_table(state, |t| t.move_by(*delta)),
        Action::PageUp => {
            let page = page_delta(state);
            with_table(state, |t| t.move_by(-page))
        }
        Action::PageDown => {
            let page = page_delta(state);
            with_table(state, |t| t.move_by(page))
        }
        Action::Home => with_table(state, |t| t.select(0)),
        Action::End => with_table(state, |t| t.select(usize::MAX)),
        Action::ClickRow(row) => {
            // The table scrolls so the selection stays in view; the window starts at the page
            // holding the selection, as the renderer draws it.
            let page = state.page_rows.max(1);
            with_table(state, |t| {
                let first = t.selected_index() / page * page;
                t.select(first + *row);
            })
        }
        _ => Vec::new(),
    }
}

fn page_delta(state: &State) -> isize {
    isize::try_from(state.page_rows.max(1)).unwrap_or(isize::MAX)
}

/// The table the keys act on: the open tab's, or the pools list.
pub fn current_table(state: &mut State) -> Option<&mut dyn Navigable> {
    match state.pool.as_mut() {
        None => Some(&mut state.pools.table),
        Some(pool) => {
            let tab = pool.tab;
            panes::table_mut(pool, tab).map(PaneTable::navigable)
        }
    }
}

fn with_table(state: &mut State, f: impl FnOnce(&mut dyn Navigable)) -> Vec<Effect> {
    if let Some(table) = current_table(state) {
        f(table);
    }
    Vec::new()
}

/// Esc: close the detail; else stop a running load; else clear the users search; else leave the
/// pool.
fn back(state: &mut State) -> Vec<Effect> {
    if state.detail.is_some() {
        return close_detail(state);
    }
    let Some(pool) = state.pool.as_mut() else {
        return Vec::new();
    };
    let tab = pool.tab;
    if let Some(load) = panes::table_mut(pool, tab).map(PaneTable::load_mut)
        && let Load::Loading { request, .. } = *load
    {
        *load = Load::Cancelled;
        return vec![Effect::Cancel(request)];
    }
    // Esc on a group's members: back to the groups, where they were opened from.
    if pool.tab == Tab::Users && pool.users_group.is_some() {
        pool.users_group = None;
        pool.marks.clear();
        pool.users = ListPane::default();
        return switch_tab(state, &Action::ShowTab(Tab::Groups));
    }
    // Esc stops a build of the index (one a query started stops with its listing, above).
    if let Some((request, _)) = pool.index.work.take() {
        state.toast =
            Some("Index build stopped: a complete index from before, if any, is kept".to_owned());
        return vec![Effect::Cancel(request)];
    }
    if pool.tab == Tab::Users && pool.users_query.is_some() {
        pool.users_query = None;
        pool.marks.clear();
        state.toast =
            Some("Query cleared: every user is listed again (Esc again leaves the pool)".into());
        return load_tab(state, Tab::Users, true);
    }
    if pool.tab == Tab::Users && pool.users_filter.is_some() {
        pool.users_filter = None;
        // Another listing: the marks made in this one go with it.
        pool.marks.clear();
        state.toast =
            Some("Search cleared: every user is listed again (Esc again leaves the pool)".into());
        return load_tab(state, Tab::Users, true);
    }
    leave_pool(state)
}

/// `y` on a pool's table: the selected item's detail, as raw JSON.
fn raw_json_of_selected(state: &mut State) -> Vec<Effect> {
    if state.pool.as_ref().is_none_or(|p| p.tab == Tab::Overview) {
        return Vec::new();
    }
    let effects = open_selected(state, &Action::Describe);
    if let Some(detail) = state.detail.as_mut() {
        detail.show_json = true;
    }
    effects
}

fn detail_keys(state: &mut State, action: &Action) -> Vec<Effect> {
    let Some(detail) = state.detail.as_mut() else {
        return Vec::new();
    };
    let page = u16::try_from(state.page_rows).unwrap_or(u16::MAX);
    match action {
        Action::ToggleJson => detail.show_json = !detail.show_json,
        Action::Up => detail.scroll = detail.scroll.saturating_sub(1),
        Action::Down => detail.scroll = detail.scroll.saturating_add(1),
        Action::Scroll(d) => {
            let step = u16::try_from(d.unsigned_abs()).unwrap_or(u16::MAX);
            detail.scroll = if *d < 0 {
                detail.scroll.saturating_sub(step)
            } else {
                detail.scroll.saturating_add(step)
            };
        }
        Action::PageUp => detail.scroll = detail.scroll.saturating_sub(page),
        Action::PageDown => detail.scroll = detail.scroll.saturating_add(page),
        Action::Home => detail.scroll = 0,
        Action::Refresh => {
            let (tab, name) = (detail.tab, detail.name.clone());
            return describe(state, tab, name);
        }
        Action::ShowSecret => return crate::app::secret::update::open_client_secret(state),
        _ => {}
    }
    Vec::new()
}

fn switch_tab(state: &mut State, action: &Action) -> Vec<Effect> {
    let Some(pool) = state.pool.as_mut() else {
        return Vec::new();
    };
    let index = Tab::ALL.iter().position(|t| *t == pool.tab).unwrap_or(0);
    let count = Tab::ALL.len();
    pool.tab = match action {
        Action::NextTab => Tab::ALL[(index + 1) % count],
        Action::PrevTab => Tab::ALL[(index + count - 1) % count],
        Action::ShowTab(tab) => *tab,
        _ => pool.tab,
    };
    let tab = pool.tab;
    load_tab(state, tab, false)
}

fn refresh(state: &mut State) -> Vec<Effect> {
    match state.pool.as_ref().map(|p| p.tab) {
        None => load_pools(state),
        Some(tab) => load_tab(state, tab, true),
    }
}

fn open_selected(state: &mut State, action: &Action) -> Vec<Effect> {
    let Some(pool) = state.pool.as_ref() else {
        let Some(row) = state.pools.table.selected() else {
            return Vec::new();
        };
        let (id, name) = (PoolId::new(&*row.id), row.name.to_string());
        let mut effects = open_pool(state, id, name);
        if *action == Action::Describe {
            effects.extend(switch_tab(state, &Action::ShowTab(Tab::Overview)));
        }
        return effects;
    };
    let tab = pool.tab;
    match panes::table(pool, tab).and_then(PaneTable::selected_key) {
        // Enter on a group: its members in the users table, where every user action works.
        Some(key) if tab == Tab::Groups && *action == Action::Open => {
            let group = GroupName::new(key);
            show_members(state, group)
        }
        Some(key) => {
            let key = key.to_owned();
            describe(state, tab, key)
        }
        None => Vec::new(),
    }
}

/// The users table lists `group`'s members (ListUsersInGroup); Esc goes back to the groups.
pub fn show_members(state: &mut State, group: GroupName) -> Vec<Effect> {
    let Some(pool) = state.pool.as_mut() else {
        return Vec::new();
    };
    if pool.users_group.as_ref() != Some(&group) {
        pool.marks.clear();
    }
    pool.users_filter = None;
    pool.users_query = None;
    pool.users_group = Some(group);
    pool.tab = Tab::Users;
    load_tab(state, Tab::Users, true)
}

/// Opens the detail of a row of the open pool, as its pane's registry entry reads it.
pub fn describe(state: &mut State, tab: Tab, name: String) -> Vec<Effect> {
    let Some(pool) = state.pool.as_ref().map(|p| p.id.clone()) else {
        return Vec::new();
    };
    if !tab.has_detail() {
        state.toast = Some(format!(
            "The {} table shows all there is of each row",
            tab.info().many
        ));
        return Vec::new();
    }
    let call = Read::Describe {
        tab,
        pool,
        key: name.clone(),
    };
    open_detail(state, tab, name, ApiCall::Read(call))
}
