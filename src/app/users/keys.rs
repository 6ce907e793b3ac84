//! Keys on the users table and a user's detail that act on users: the action menu, the direct
//! keys of each action, marks and the bulk menu. Each opens a form, a dialog, a picker or a view;
//! nothing is sent before the user confirms.

use serde_json::Value;

use crate::app::action::Action;
use crate::app::effect::{ApiCall, Effect, Read, UserChange};
use crate::app::form::Submit;
use crate::app::remote::Remote;
use crate::app::state::{Overlay, State, Tab};
use crate::app::users::dialog::Dialog;
use crate::app::users::forms::{FormPurpose, UserForm};
use crate::app::users::menu::{Menu, PickFor};
use crate::app::users::menu_update::open_picker;
use crate::app::users::ops;
use crate::app::users::ops::{UserFacts, UserOp};
use crate::cognito::Username;
use crate::cognito::user_status::UserStatus;

pub fn handle(state: &mut State, action: &Action) -> Vec<Effect> {
    let mutating = match action {
        Action::User(op) => op.mutates(),
        Action::OpenActionMenu => false,
        Action::Fix => super::verdict::mutates(state),
        _ => true,
    };
    if state.context.read_only && mutating {
        state.toast = Some("Read-only: the console runs with --read-only".to_owned());
        return Vec::new();
    }
    match action {
        Action::OpenActionMenu => open_menu(state),
        Action::Fix => super::verdict::apply(state),
        Action::User(op) => {
            super::marks::bulk_instead(state, *op).unwrap_or_else(|| start(state, *op))
        }
        Action::ToggleMark => super::marks::toggle(state),
        Action::MarkShown => super::marks::mark_shown(state),
        Action::ClearMarks => {
            if let Some(pool) = state.pool.as_mut() {
                pool.marks.clear();
            }
            Vec::new()
        }
        Action::OpenBulkMenu => {
            let count = state.pool.as_ref().map_or(0, |p| p.marks.len());
            if count == 0 {
                state.toast = Some(
                    "Mark users first: Space marks the selected one, * every one shown".to_owned(),
                );
            } else {
                state.overlay = Overlay::Menu(Menu::Bulk { count, selected: 0 });
            }
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// The user the keys act on: the open user detail's, else the selected row of the users table.
pub fn selected_user(state: &State) -> Option<UserFacts> {
    if let Some(detail) = &state.detail {
        if detail.tab != Tab::Users {
            return None;
        }
        let raw = detail.body.loaded().map(|b| &b.raw);
        let row = state.pool.as_ref().and_then(|p| {
            p.users
                .table
                .rows()
                .iter()
                .find(|r| *r.username == *detail.name)
        });
        let status = raw
            .and_then(|r| r.get("UserStatus")?.as_str().map(UserStatus::parse))
            .or_else(|| row.and_then(|r| r.status.clone()));
        let enabled = raw
            .and_then(|r| r.get("Enabled")?.as_bool())
            .or_else(|| row.map(|r| r.enabled))
            .unwrap_or(true);
        return Some(UserFacts {
            name: detail.name.clone(),
            status,
            enabled,
        });
    }
    let pool = state.pool.as_ref().filter(|p| p.tab == Tab::Users)?;
    let row = pool.users.table.selected()?;
    Some(UserFacts {
        name: row.username.to_string(),
        status: row.status.clone(),
        enabled: row.enabled,
    })
}

fn open_menu(state: &mut State) -> Vec<Effect> {
    let Some(user) = selected_user(state) else {
        state.toast = Some("Select a user first".to_owned());
        return Vec::new();
    };
    let entries = ops::menu(&user, state.context.read_only);
    let marked = state.pool.as_ref().map_or(0, |p| p.marks.len());
    state.overlay = Overlay::Menu(Menu::User {
        user,
        entries,
        selected: 0,
        marked,
    });
    Vec::new()
}

/// Starts an action on one user: opens its form, dialog, picker or view. While users are marked,
/// its title says that it acts on this one only.
pub fn start(state: &mut State, op: UserOp) -> Vec<Effect> {
    let effects = start_one(state, op);
    let marked = state.pool.as_ref().map_or(0, |p| p.marks.len());
    let bulk_key = super::marks::key_of(state, &crate::app::action::Action::OpenBulkMenu);
    if let Some(note) = super::marks::only_note(state) {
        match &mut state.overlay {
            Overlay::Dialog(d) if d.submit == Submit::Editing => {
                d.title.push_str(&note);
                // The title may be clipped: the first line says it in full.
                let line = format!(
                    "Note: only {} is changed, not the {marked} marked ({bulk_key} acts on them).",
                    d.user
                );
                d.lines.insert(0, line);
            }
            Overlay::Form(f) if op != UserOp::Create => f.form.title.push_str(&note),
            _ => {}
        }
    }
    effects
}

fn start_one(state: &mut State, op: UserOp) -> Vec<Effect> {
    if state.pool.is_none() {
        state.toast = Some("Open a pool first".to_owned());
        return Vec::new();
    }
    if op == UserOp::Create {
        return open_form(state, FormPurpose::CreateUser);
    }
    let Some(user) = selected_user(state) else {
        state.toast = Some("Select a user first".to_owned());
        return Vec::new();
    };
    if let Some(why) = ops::refusal(op, &user) {
        state.toast = Some(why);
        return Vec::new();
    }
    let name = user.name.clone();
    let dialog = |op: UserChange| Overlay::Dialog(Box::new(Dialog::new(op, &name)));
    match op {
        UserOp::Create => Vec::new(),
        UserOp::EditAttributes => open_edit_form(state, &name),
        UserOp::SetPassword => open_form(state, FormPurpose::SetPassword { user: name }),
        UserOp::ToggleEnabled => {
            state.overlay = dialog(if user.enabled {
                UserChange::Disable
            } else {
                UserChange::Enable
            });
            Vec::new()
        }
        UserOp::Delete | UserOp::ResetPassword | UserOp::ResendInvitation => {
            state.overlay = dialog(match op {
                UserOp::Delete => UserChange::Delete,
                UserOp::ResetPassword => UserChange::ResetPassword,
                _ => UserChange::ResendInvitation,
            });
            Vec::new()
        }
        UserOp::ConfirmSignUp | UserOp::SignOut => {
            state.overlay = dialog(if op == UserOp::SignOut {
                UserChange::GlobalSignOut
            } else {
                UserChange::ConfirmSignUp
            });
            Vec::new()
        }
        UserOp::Mfa => open_mfa(state, &name),
        UserOp::AddToGroup => open_picker(state, PickFor::User(name), true),
        // Among a group's members: out of that group, no need to pick it.
        UserOp::RemoveFromGroup => match members_of(state) {
            Some(group) => {
                state.overlay = dialog(UserChange::RemoveFromGroup(group));
                Vec::new()
            }
            None => open_picker(state, PickFor::User(name), false),
        },
        UserOp::Devices => open_devices(state, &name),
    }
}

/// Asks for the pool's settings unless they are loaded or loading.
pub fn ensure_settings(state: &mut State) -> Vec<Effect> {
    let needed = state
        .pool
        .as_ref()
        .is_some_and(|p| matches!(p.settings, Remote::NotAsked | Remote::Failed(_)));
    if !needed {
        return Vec::new();
    }
    let request = state.request_id();
    let Some(pool) = state.pool.as_mut() else {
        return Vec::new();
    };
    pool.settings = Remote::Loading(request);
    vec![Effect::Api {
        request,
        call: ApiCall::Read(Read::PoolSettings(pool.id.clone())),
    }]
}

fn open_form(state: &mut State, purpose: FormPurpose) -> Vec<Effect> {
    let effects = ensure_settings(state);
    let settings = state.pool.as_ref().and_then(|p| p.settings.loaded());
    state.overlay = Overlay::Form(Box::new(UserForm::new(purpose, settings)));
    effects
}

/// The user's attributes from the open detail when it shows them, else from AdminGetUser.
fn open_edit_form(state: &mut State, user: &str) -> Vec<Effect> {
    let known = state
        .detail
        .as_ref()
        .filter(|d| d.tab == Tab::Users && d.name == user)
        .and_then(|d| d.body.loaded())
        .map(|b| attributes_of(&b.raw));
    let mut effects = open_form(
        state,
        FormPurpose::EditAttributes {
            user: user.to_owned(),
            original: known.clone(),
        },
    );
    if known.is_none() {
        let request = state.request_id();
        let Some(pool) = state.pool.as_ref().map(|p| p.id.clone()) else {
            return effects;
        };
        if let Overlay::Form(form) = &mut state.overlay {
            form.loading = Some(request);
        }
        effects.push(Effect::Api {
            request,
            call: ApiCall::Read(Read::Describe {
                tab: Tab::Users,
                pool,
                key: user.to_owned(),
            }),
        });
    }
    effects
}

/// `UserAttributes` of an AdminGetUser answer as name/value pairs.
pub fn attributes_of(raw: &Value) -> Vec<(String, String)> {
    raw.get("UserAttributes")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|a| {
                    let name = a.get("Name")?.as_str()?;
                    let value = a.get("Value").and_then(Value::as_str).unwrap_or_default();
                    Some((name.to_owned(), value.to_owned()))
                })
                .collect()
        })
        .unwrap_or_default()
}

fn open_mfa(state: &mut State, user: &str) -> Vec<Effect> {
    let request = state.request_id();
    let Some(pool) = state.pool.as_ref().map(|p| p.id.clone()) else {
        return Vec::new();
    };
    let mut dialog = Dialog::new(UserChange::ResetMfa, user);
    dialog.mfa = Some(Remote::Loading(request));
    state.overlay = Overlay::Dialog(Box::new(dialog));
    vec![Effect::Api {
        request,
        call: ApiCall::Read(Read::GetUserMfa(pool, Username::new(user))),
    }]
}

pub fn open_devices(state: &mut State, user: &str) -> Vec<Effect> {
    super::devices_update::open_devices(state, user, None)
}

/// The group whose members the users table lists, if it lists one's.
fn members_of(state: &State) -> Option<crate::cognito::GroupName> {
    state.pool.as_ref()?.users_group.clone()
}
