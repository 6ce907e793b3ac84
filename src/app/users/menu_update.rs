//! Keys in the action menu, the bulk menu and the group picker.

use crate::app::action::{Action, InputKey};
use crate::app::effect::{ApiCall, Change, Effect, Read, UserChange};
use crate::app::form::Submit;
use crate::app::remote::{Remote, RequestId};
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

/// Opens the group picker. One user: removing offers the groups they are in; adding offers the
/// pool's groups and marks theirs. The user's groups come from their open detail, else
/// AdminListGroupsForUser; the pool's from the Groups tab when it is loaded, else ListGroups.
pub fn open_picker(state: &mut State, target: PickFor, add: bool) -> Vec<Effect> {
    let Some(pool) = state.pool.as_ref() else {
        return Vec::new();
    };
    let pool_id = pool.id.clone();
    let listed = (pool.tables.groups.load == Load::Done).then(|| {
        pool.tables
            .groups
            .table
            .rows()
            .iter()
            .map(|g| g.name.to_string())
            .collect::<Vec<_>>()
    });
    let user = match &target {
        PickFor::User(user) => Some(user.clone()),
        PickFor::Marked => None,
    };
    let own = user.as_deref().and_then(|u| groups_in_detail(state, u));
    let mut picker = Picker {
        target,
        add,
        groups: Vec::new(),
        load: Load::Done,
        member_of: Remote::NotAsked,
        selected: 0,
        hint: None,
        submit: Submit::Editing,
    };
    let mut effects = Vec::new();
    let mut read = |state: &mut State, call: Read| {
        let request = state.request_id();
        effects.push(Effect::Api {
            request,
            call: ApiCall::Read(call),
        });
        request
    };
    // One user's groups: the choices when removing them from one, the marks when adding.
    let theirs = match (&user, own) {
        (Some(_), Some(own)) => Remote::Loaded(own),
        (Some(user), None) => {
            let call = Read::UserGroups(pool_id.clone(), Username::new(user));
            Remote::Loading(read(state, call))
        }
        (None, _) => Remote::NotAsked,
    };
    match theirs {
        Remote::Loaded(groups) if !add => picker.groups = groups,
        Remote::Loading(request) if !add => picker.load = Load::Loading { request, pages: 0 },
        theirs => {
            picker.member_of = theirs;
            if let Some(groups) = listed {
                picker.groups = groups;
            } else {
                let request = read(state, Read::List(Tab::Groups, pool_id));
                picker.load = Load::Loading { request, pages: 0 };
            }
        }
    }
    state.overlay = Overlay::Picker(Box::new(picker));
    effects
}

/// The groups the open detail of `user` lists, once it is loaded.
fn groups_in_detail(state: &State, user: &str) -> Option<Vec<String>> {
    let detail = state
        .detail
        .as_ref()
        .filter(|d| d.tab == Tab::Users && d.name == user)?;
    let body = detail.body.loaded()?;
    Some(
        body.raw
            .get("Groups")
            .and_then(serde_json::Value::as_array)
            .map(|groups| {
                groups
                    .iter()
                    .filter_map(|g| g.get("GroupName")?.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default(),
    )
}

/// A user's groups arrived: the choices of a remove picker, or the marks of an add picker.
pub fn user_groups(state: &mut State, request: RequestId, names: Vec<String>) {
    let Overlay::Picker(p) = &mut state.overlay else {
        return;
    };
    if p.load.awaits(request) {
        p.groups = names;
        p.load = Load::Done;
    } else {
        p.member_of.land(request, names);
    }
}

pub fn picker_key(state: &mut State, mut picker: Box<Picker>, key: InputKey) -> Vec<Effect> {
    if picker.submit.is_submitting() {
        state.overlay = Overlay::Picker(picker);
        return Vec::new();
    }
    let last = picker.groups.len().saturating_sub(1);
    match key {
        InputKey::Cancel => {
            let listing = match picker.load {
                Load::Loading { request, .. } => Some(request),
                _ => None,
            };
            let member_of = match picker.member_of {
                Remote::Loading(request) => Some(request),
                _ => None,
            };
            return [listing, member_of]
                .into_iter()
                .flatten()
                .map(Effect::Cancel)
                .collect();
        }
        InputKey::Up | InputKey::BackTab => picker.selected = picker.selected.saturating_sub(1),
        InputKey::Down | InputKey::Complete => picker.selected = (picker.selected + 1).min(last),
        InputKey::Submit => {
            let Some(group) = picker.chosen().map(GroupName::new) else {
                state.overlay = Overlay::Picker(picker);
                return Vec::new();
            };
            if let Some(why) = not_sent(&picker, group.as_str()) {
                picker.hint = Some(why);
                state.overlay = Overlay::Picker(picker);
                return Vec::new();
            }
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
    picker.hint = None;
    state.overlay = Overlay::Picker(picker);
    Vec::new()
}

/// Why adding one user to `group` is not sent: they are in it. While their groups are still read
/// (or could not be), it is sent: adding a member again changes nothing.
fn not_sent(picker: &Picker, group: &str) -> Option<String> {
    match &picker.target {
        PickFor::User(user) if picker.add && picker.is_member(group) => {
            Some(format!("{user} is already in {group}: nothing to add"))
        }
        _ => None,
    }
}
