//! Keys while an overlay is open: help, the command palette, the local filter, the server filter.

use crate::app::action::{Action, InputKey};
use crate::app::browse::nav::current_table;
use crate::app::effect::{Effect, ProfileChoice};
use crate::app::input::palette;
use crate::app::input::palette::Command;
use crate::app::input::text::TextField;
use crate::app::state::{Overlay, ServerFilter, State, Tab};
use crate::app::update::requests::{leave_pool, load_pools, load_tab, open_pool};
use crate::app::users::index::QueryBar;

pub fn handle(state: &mut State, action: &Action) -> Vec<Effect> {
    let overlay = std::mem::take(&mut state.overlay);
    let (key, overlay) = match (action, overlay) {
        (Action::Input(key), overlay) => (*key, overlay),
        // A user or bulk action's own key, pressed in its menu.
        (Action::User(_) | Action::Bulk(_), Overlay::Menu(menu)) => {
            return crate::app::users::menu_update::menu_action(state, menu, action);
        }
        (Action::Quit, Overlay::Help) => {
            state.quit = true;
            return Vec::new();
        }
        // Any other key closes help.
        (_, Overlay::Help | Overlay::None) => return Vec::new(),
        (_, overlay) => {
            state.overlay = overlay;
            return Vec::new();
        }
    };
    match overlay {
        Overlay::None | Overlay::Help => Vec::new(),
        Overlay::Palette { input, selected } => palette_key(state, input, selected, key),
        Overlay::LocalFilter(input) => local_filter_key(state, input, key),
        Overlay::ServerFilter { form, input } => server_filter_key(state, form, input, key),
        Overlay::Query(bar) => query_key(state, bar, key),
        Overlay::Export(dialog) => crate::app::users::export::key(state, dialog, key),
        Overlay::Menu(menu) => crate::app::users::menu_update::menu_key(state, menu, key),
        Overlay::Picker(picker) => crate::app::users::menu_update::picker_key(state, picker, key),
        Overlay::Form(form) => crate::app::users::forms_update::form_key(state, form, key),
        Overlay::Dialog(dialog) => crate::app::users::dialog_update::dialog_key(state, dialog, key),
        Overlay::Devices(view) => crate::app::users::devices_update::devices_key(state, view, key),
        Overlay::Journal(view) => crate::app::users::dialog_update::journal_key(state, view, key),
        Overlay::Secret(view) => crate::app::secret::update::key(state, view, key),
        Overlay::Bulk(run) => crate::app::users::bulk_update::bulk_key(state, run, key),
        Overlay::Admin(flow) => crate::app::admin::update::key(state, flow, key),
        Overlay::Find(view) => crate::app::find::key(state, *view, key),
    }
}

fn palette_key(
    state: &mut State,
    mut input: TextField,
    mut selected: usize,
    key: InputKey,
) -> Vec<Effect> {
    let choices = palette::completions(state, input.value());
    match key {
        InputKey::Cancel => return Vec::new(),
        InputKey::Up => selected = selected.saturating_sub(1),
        InputKey::Down => selected = (selected + 1).min(choices.len().saturating_sub(1)),
        InputKey::Complete => {
            if let Some(choice) = choices.get(selected) {
                let takes_argument =
                    palette::command(choice).is_some_and(palette::Entry::takes_argument);
                input = TextField::new(&if takes_argument {
                    format!("{choice} ")
                } else {
                    choice.clone()
                });
                selected = 0;
            }
        }
        InputKey::Submit => {
            let typed = input.value().trim();
            // What was typed, unless it is no command and a completion is highlighted.
            let line = match (palette::parse(typed), choices.get(selected)) {
                (Err(_), Some(choice)) => choice.clone(),
                _ => typed.to_owned(),
            };
            return run_command(state, &line);
        }
        key => {
            if input.edit(key) {
                selected = 0;
            }
        }
    }
    state.overlay = Overlay::Palette { input, selected };
    Vec::new()
}

fn local_filter_key(state: &mut State, mut input: TextField, key: InputKey) -> Vec<Effect> {
    match key {
        InputKey::Submit => {}
        InputKey::Cancel => {
            if let Some(table) = current_table(state) {
                table.set_filter("");
            }
        }
        key => {
            if input.edit(key)
                && let Some(table) = current_table(state)
            {
                table.set_filter(input.value());
            }
            state.overlay = Overlay::LocalFilter(input);
        }
    }
    Vec::new()
}

fn server_filter_key(
    state: &mut State,
    mut form: ServerFilter,
    mut input: TextField,
    key: InputKey,
) -> Vec<Effect> {
    match key {
        InputKey::Cancel => return Vec::new(),
        InputKey::Up => form.attribute = form.attribute.step(-1),
        InputKey::Down => form.attribute = form.attribute.step(1),
        InputKey::Complete => form.prefix = !form.prefix,
        InputKey::Submit => {
            input.value().trim().clone_into(&mut form.value);
            return search_users(state, form);
        }
        key => {
            input.edit(key);
        }
    }
    state.overlay = Overlay::ServerFilter { form, input };
    Vec::new()
}

/// Reloads the users tab with a ListUsers filter (an empty value lists everyone). Another search
/// replaces the listing, and with it the marks made in it; the same one again is a reload.
pub(crate) fn search_users(state: &mut State, form: ServerFilter) -> Vec<Effect> {
    let Some(pool) = state.pool.as_mut() else {
        return Vec::new();
    };
    let filter = (!form.value.is_empty()).then_some(form);
    if filter != pool.users_filter {
        pool.marks.clear();
    }
    pool.users_filter = filter;
    pool.users_group = None;
    pool.users_query = None;
    pool.tab = Tab::Users;
    load_tab(state, Tab::Users, true)
}

fn query_key(state: &mut State, mut bar: QueryBar, key: InputKey) -> Vec<Effect> {
    match key {
        InputKey::Cancel => return Vec::new(),
        InputKey::Submit => return crate::app::users::index::submit(state, bar),
        key => {
            if bar.input.edit(key) {
                bar.error = None;
            }
        }
    }
    state.overlay = Overlay::Query(bar);
    Vec::new()
}

fn run_command(state: &mut State, line: &str) -> Vec<Effect> {
    let command = match palette::parse(line) {
        Ok(c) => c,
        Err(message) => {
            state.toast = Some(message);
            return Vec::new();
        }
    };
    match command {
        Command::Quit => {
            state.quit = true;
            Vec::new()
        }
        Command::Pools => {
            let mut effects = leave_pool(state);
            if state.pools.table.total() == 0 && !state.pools.load.is_loading() {
                effects.extend(load_pools(state));
            }
            effects
        }
        Command::Tab(tab) => {
            if state.pool.is_none() {
                state.toast = Some(format!(
                    "Open a pool first (Enter on a pool, or :pool <name>) to see {}",
                    tab.title()
                ));
                return Vec::new();
            }
            let mut effects = crate::app::update::requests::close_detail(state);
            if let Some(pool) = state.pool.as_mut() {
                pool.tab = tab;
            }
            effects.extend(load_tab(state, tab, false));
            effects
        }
        Command::Pool(wanted) => {
            if let Some((id, name)) = palette::find_pool(state, &wanted) {
                return open_pool(state, id, name);
            }
            state.toast = Some(format!(
                "No pool named {wanted:?} in {}",
                state.context.region
            ));
            Vec::new()
        }
        Command::Journal => crate::app::users::dialog_update::open_journal(state),
        Command::Find(needle) => crate::app::find::open(state, &needle),
        Command::Region(region) => reconnect(state, ProfileChoice::Keep, Some(region)),
        // The built-in server signs nothing with a profile: naming one there would only put a
        // false name in the header and the journal.
        Command::Profile(_) if state.context.local => {
            state.toast = Some(
                "The built-in local server (--local) takes no profile: it uses its own test credentials"
                    .to_owned(),
            );
            Vec::new()
        }
        Command::Profile(Some(name)) => reconnect(state, ProfileChoice::Named(name), None),
        Command::Profile(None) => reconnect(state, ProfileChoice::AsStarted, None),
    }
}

pub(crate) fn reconnect(
    state: &mut State,
    profile: ProfileChoice,
    region: Option<String>,
) -> Vec<Effect> {
    let mut effects = leave_pool(state);
    if let Some(r) = &region {
        state.context.region.clone_from(r);
    }
    if let ProfileChoice::Named(name) = &profile {
        state.context.profile = Some(name.clone());
    }
    effects.push(Effect::Reconnect { profile, region });
    effects.extend(load_pools(state));
    effects
}
