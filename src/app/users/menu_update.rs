//! Keys in the action menu, the bulk menu and the group picker.

use crate::app::action::{Action, InputKey};
use crate::app::effect::{ApiCall, Change, Effect, Read, UserChange};
use crate::app::form::Submit;
use crate::app::state::Tab;
use crate::app::state::{Load, Overlay, State};
use crate::app::users::bulk::BulkAction;
use crate::app::users::bulk_update::open_plan;
use crate::app::users::keys::start;
use crate::app::users::menu::{BulkChoice, Menu, PickFor, Picker};
use crate::cognito::{GroupName, Username};

pub fn menu_key(state: &mut State, mut menu: Menu, key: InputKey) -> Vec<Effect> {
    let chosen = match key {
        InputKey::Cancel => return Vec::new(),
        InputKey::Up | InputKey::BackTab => {
            menu.select(menu.selected().saturating_sub(1));
            None
        }
        InputKey::Down | InputKey::Complete => {
            menu.select(menu.selected() + 1);
            None
        }
        InputKey::Home => {
            menu.select(0);
            None
        }
        InputKey::End => {
            menu.select(usize::MAX);
            None
        }
        InputKey::Submit => Some(menu.selected()),
        _ => None,
    };
    run_chosen(state, menu, chosen)
}

/// An entry's own key pressed in the menu: a user action's (`x`) or a bulk action's.
pub fn menu_action(state: &mut State, menu: Menu, action: &Action) -> Vec<Effect> {
    let chosen = match (&menu, action) {
        (Menu::User { entries, .. }, Action::User(op)) => entries.iter().position(|e| e.op == *op),
        (Menu::Bulk { .. }, Action::Bulk(choice)) => {
            BulkChoice::ALL.iter().position(|c| c == choice)
        }
        _ => None,
    };
    run_chosen(state, menu, chosen)
}

fn run_chosen(state: &mut State, menu: Menu, chosen: Option<usize>) -> Vec<Effect> {
    let Some(index) = chosen else {
        state.overlay = Overlay::Menu(menu);
        return Vec::new();
    };
    let previous = menu.selected();
    match menu {
        Menu::User {
            user,
            entries,
            marked,
            ..
        } => {
            let Some((op, unavailable)) = entries.get(index).map(|e| (e.op, e.unavailable.clone()))
            else {
                return Vec::new();
            };
            if let Some(why) = unavailable {
                state.toast = Some(why);
                state.overlay = Overlay::Menu(Menu::User {
                    user,
                    entries,
                    selected: previous,
                    marked,
                });
                return Vec::new();
            }
            start(state, op)
        }
        Menu::Bulk { .. } => match BulkChoice::ALL.get(index) {
            Some(BulkChoice::AddToGroup) => open_picker(state, PickFor::Marked, true),
            Some(BulkChoice::RemoveFromGroup) => open_picker(state, PickFor::Marked, false),
            Some(choice) => open_plan(
                state,
                match choice {
                    BulkChoice::Disable => BulkAction::Disable,
                    BulkChoice::Enable => BulkAction::Enable,
                    BulkChoice::SignOut => BulkAction::SignOut,
                    _ => BulkAction::Delete,
                },
            ),
            None => Vec::new(),
        },
    }
}

/// Opens the group picker: the user's own groups to remove them from one (when the detail shows
/// them), else the pool's groups (loaded already, or listed now).
pub fn open_picker(state: &mut State, target: PickFor, add: bool) -> Vec<Effect> {
    let Some(pool) = state.pool.as_ref() else {
        return Vec::new();
    };
    let pool_id = pool.id.clone();
    let own_groups = match (&target, add, &state.detail) {
        (PickFor::User(user), false, Some(d)) if d.tab == Tab::Users && d.name == *user => {
            d.body.loaded().map(|b| {
                b.raw
                    .get("Groups")
                    .and_then(serde_json::Value::as_array)
                    .map(|groups| {
                        groups
                            .iter()
                            .filter_map(|g| g.get("GroupName")?.as_str().map(str::to_owned))
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
        }
        _ => None,
    };
    let listed = (pool.tables.groups.load == Load::Done).then(|| {
        pool.tables
            .groups
            .table
            .rows()
            .iter()
            .map(|g| g.name.to_string())
            .collect()
    });
    let mut picker = Picker {
        target,
        add,
        groups: Vec::new(),
        load: Load::Done,
        selected: 0,
        submit: Submit::Editing,
    };
    let mut effects = Vec::new();
    if let Some(groups) = own_groups.or(listed) {
        picker.groups = groups;
    } else {
        let request = state.request_id();
        picker.load = Load::Loading { request, pages: 0 };
        effects.push(Effect::Api {
            request,
            call: ApiCall::Read(Read::List(Tab::Groups, pool_id)),
        });
    }
    state.overlay = Overlay::Picker(picker);
    effects
}

pub fn picker_key(state: &mut State, mut picker: Picker, key: InputKey) -> Vec<Effect> {
    if picker.submit.is_submitting() {
        state.overlay = Overlay::Picker(picker);
        return Vec::new();
    }
    let last = picker.groups.len().saturating_sub(1);
    match key {
        InputKey::Cancel => {
            return match picker.load {
                Load::Loading { request, .. } => vec![Effect::Cancel(request)],
                _ => Vec::new(),
            };
        }
        InputKey::Up | InputKey::BackTab => picker.selected = picker.selected.saturating_sub(1),
        InputKey::Down | InputKey::Complete => picker.selected = (picker.selected + 1).min(last),
        InputKey::Submit => {
            let Some(group) = picker.chosen().map(GroupName::new) else {
                state.overlay = Overlay::Picker(picker);
                return Vec::new();
            };
            return match picker.target.clone() {
                PickFor::Marked => open_plan(
                    state,
                    if picker.add {
                        BulkAction::AddToGroup(group)
                    } else {
                        BulkAction::RemoveFromGroup(group)
                    },
                ),
                PickFor::User(user) => {
                    let op = if picker.add {
                        UserChange::AddToGroup(group)
                    } else {
                        UserChange::RemoveFromGroup(group)
                    };
                    let Some(pool) = state.pool.as_ref().map(|p| p.id.clone()) else {
                        return Vec::new();
                    };
                    let request = state.request_id();
                    picker.submit = Submit::Submitting(request);
                    state.overlay = Overlay::Picker(picker);
                    vec![Effect::Api {
                        request,
                        call: ApiCall::Change(Change::User {
                            pool,
                            user: Username::new(user),
                            op,
                        }),
                    }]
                }
            };
        }
        _ => {}
    }
    state.overlay = Overlay::Picker(picker);
    Vec::new()
}
