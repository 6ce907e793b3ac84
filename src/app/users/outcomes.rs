//! What the worker answers to user administration: the pool's settings, lists for the views,
//! a generated password, and the outcome of each change — success closes the form or dialog,
//! says so and reads again what changed; failure keeps it open with the error.

use crate::app::action::Payload;
use crate::app::browse::nav::describe;
use crate::app::browse::panes::GroupRow;
use crate::app::effect::{ApiCall, Change, Effect, Read, UserChange};
use crate::app::form::Submit;
use crate::app::remote::{ErrorInfo, ErrorKind, Remote, RequestId};
use crate::app::secret::SecretShown;
use crate::app::state::Tab;
use crate::app::state::{Load, Overlay, State};
use crate::app::users::forms::{FormPurpose, UserForm};
use crate::cognito::Username;
use crate::cognito::user_status::UserStatus;

/// Handles the administration payloads; gives the payload back when it is not one of them.
pub fn loaded(
    state: &mut State,
    request: RequestId,
    payload: Payload,
) -> Result<Vec<Effect>, Payload> {
    match payload {
        Payload::PoolSettings(settings) => {
            if let Some(pool) = state.pool.as_mut()
                && pool.settings.land(request, settings)
                && let Overlay::Form(form) = &mut state.overlay
            {
                form.relayout(pool.settings.loaded());
            }
        }
        Payload::UserRow(row) => {
            if let Some(pool) = state.pool.as_mut()
                && let Some(i) = pool.row_requests.iter().position(|r| *r == request)
            {
                pool.row_requests.swap_remove(i);
                pool.users.table.upsert(*row);
            }
        }
        Payload::Mfa(info) => {
            if let Overlay::Dialog(d) = &mut state.overlay
                && let Some(mfa) = d.mfa.as_mut()
            {
                mfa.land(request, info);
            }
        }
        Payload::UserGroups(names) => super::menu_update::user_groups(state, request, names),
        Payload::Devices(lines) => {
            if let Overlay::Devices(v) = &mut state.overlay {
                v.devices_loaded(request, lines);
            }
        }
        Payload::AuthEvents(lines) => {
            if let Overlay::Devices(v) = &mut state.overlay {
                v.events_loaded(request, lines);
            }
        }
        Payload::Journal(lines) => {
            if let Overlay::Journal(v) = &mut state.overlay {
                v.entries.land(request, lines);
            }
        }
        Payload::Password(secret) => {
            if let Overlay::Form(form) = &mut state.overlay
                && form.generating == Some(request)
            {
                form.generating = None;
                let key = form.password_field();
                if let Some(field) = form.form.field_mut(&key) {
                    field.input.set(secret.reveal());
                    field.error = None;
                }
                form.generated = Some(secret);
            }
        }
        Payload::Done => return Ok(done(state, request)),
        // The admin flow's (`admin::update::loaded` saw them first).
        payload @ (Payload::EditInput(_) | Payload::Plan(_)) => return Err(payload),
        // The index's and the export's (`update::results` hands them on).
        payload @ (Payload::IndexSummary(_) | Payload::Answered(_) | Payload::Exported { .. }) => {
            return Err(payload);
        }
        Payload::Detail(body) => {
            // The user's attributes for an edit form opened from the table.
            if let Overlay::Form(form) = &mut state.overlay
                && form.loading == Some(request)
            {
                form.loading = None;
                if let FormPurpose::EditAttributes { original, .. } = &mut form.purpose {
                    *original = Some(super::keys::attributes_of(&body.raw));
                }
                let settings = state.pool.as_ref().and_then(|p| p.settings.loaded());
                form.relayout(settings);
                return Ok(Vec::new());
            }
            return Err(Payload::Detail(body));
        }
        Payload::Rows(rows) => {
            if let Overlay::Picker(p) = &mut state.overlay
                && p.load.awaits(request)
                && let Some(groups) = rows.get::<GroupRow>()
            {
                p.groups.extend(groups.iter().map(|g| g.name.to_string()));
                return Ok(Vec::new());
            }
            return Err(Payload::Rows(rows));
        }
        // The panes' payloads, the secret overlay's and `:find`'s: `results::loaded` applies them.
        Payload::Pools(_) | Payload::Overview(_) | Payload::ClientSecret(_) | Payload::Found(_) => {
            return Err(payload);
        }
    }
    Ok(Vec::new())
}

/// The last page of a list the picker waits for.
pub fn list_done(state: &mut State, request: RequestId) {
    if let Overlay::Picker(p) = &mut state.overlay
        && p.load.awaits(request)
    {
        p.load = Load::Done;
    }
}

/// A change succeeded.
fn done(state: &mut State, request: RequestId) -> Vec<Effect> {
    if let Some(effects) = super::bulk_update::ended(state, request, None) {
        return effects;
    }
    let overlay = std::mem::take(&mut state.overlay);
    match overlay {
        Overlay::Form(form) if form.form.submit.awaits(request) => {
            let user = form.user();
            let permanent = form.permanent();
            let chosen = form.chosen_password().cloned();
            let effects = match form.purpose {
                FormPurpose::CreateUser => created(state, &form, &user),
                FormPurpose::EditAttributes { .. } => {
                    state.toast = Some(format!("✓ attributes of {user} saved"));
                    refresh_user(state, &user)
                }
                FormPurpose::SetPassword { .. } => {
                    let kind = if permanent { "permanent" } else { "temporary" };
                    state.toast = Some(format!("✓ {kind} password set for {user}"));
                    refresh_user(state, &user)
                }
            };
            // The console chose it: the agent sees it once, to give it to the user.
            if let Some(password) = chosen {
                state.overlay =
                    Overlay::Secret(Box::new(SecretShown::password(user, password, permanent)));
            }
            effects
        }
        Overlay::Dialog(dialog) if dialog.submit.awaits(request) => {
            state.toast = Some(format!("✓ {}", dialog.op.done(&dialog.user)));
            let left_the_listed_group = matches!(&dialog.op, UserChange::RemoveFromGroup(g)
                if state.pool.as_ref().and_then(|p| p.users_group.as_ref()) == Some(g));
            if dialog.op == UserChange::Delete || left_the_listed_group {
                deleted(state, &dialog.user);
                Vec::new()
            } else {
                refresh_user(state, &dialog.user)
            }
        }
        Overlay::Picker(picker) if picker.submit.awaits(request) => {
            if let super::menu::PickFor::User(user) = &picker.target {
                let group = picker.chosen().unwrap_or_default();
                let verb = if picker.add {
                    "added to"
                } else {
                    "removed from"
                };
                state.toast = Some(format!("✓ {user} {verb} {group}"));
                return refresh_user(state, user);
            }
            Vec::new()
        }
        Overlay::Devices(view) if view.submit.awaits(request) => {
            super::devices_update::done(state, view)
        }
        other => {
            state.overlay = other;
            Vec::new()
        }
    }
}

/// A request failed: whichever admin overlay waits for it shows the error in place.
pub fn failed(state: &mut State, request: RequestId, error: &ErrorInfo) -> Vec<Effect> {
    if let Some(pool) = state.pool.as_mut() {
        pool.row_requests.retain(|r| *r != request);
        if pool.settings.awaits(request) {
            pool.settings = Remote::Failed(error.clone());
            if let Overlay::Form(form) = &mut state.overlay {
                form.form.note = Some(format!(
                    "The pool's settings could not be read ({}): required attributes and the password policy are not checked here",
                    error.text
                ));
            }
        }
    }
    if let Some(effects) = super::bulk_update::ended(state, request, Some(error.clone())) {
        return effects;
    }
    if let Some(effects) = end_dialog(state, request, error) {
        return effects;
    }
    match &mut state.overlay {
        Overlay::Form(form) => {
            if form.form.submit.awaits(request) {
                form.form.submit = Submit::Failed(error.clone());
            } else if form.loading == Some(request) {
                form.loading = None;
                form.form.submit = Submit::Failed(error.clone());
                form.form.note = Some("The user's attributes could not be read".to_owned());
            } else if form.generating == Some(request) {
                form.generating = None;
                let key = form.password_field();
                form.form.set_error(&key, error.text.clone());
            }
        }
        Overlay::Dialog(d) => {
            if d.submit.awaits(request) {
                d.submit = Submit::Failed(error.clone());
            } else if let Some(mfa) = d.mfa.as_mut().filter(|m| m.awaits(request)) {
                *mfa = Remote::Failed(error.clone());
            }
        }
        Overlay::Picker(p) => {
            if p.submit.awaits(request) {
                p.submit = Submit::Failed(error.clone());
            } else if p.load.awaits(request) {
                p.load = Load::Failed(error.clone());
            } else if p.member_of.awaits(request) {
                p.member_of = Remote::Failed(error.clone());
            }
        }
        Overlay::Devices(v) => {
            if v.submit.awaits(request) {
                v.submit = Submit::Failed(error.clone());
            }
            if v.devices.awaits(request) {
                v.devices = Remote::Failed(error.clone());
            }
            if v.events.awaits(request) {
                v.events = Remote::Failed(error.clone());
            }
        }
        Overlay::Journal(v) if v.entries.awaits(request) => {
            v.entries = Remote::Failed(error.clone());
        }
        _ => {}
    }
    Vec::new()
}

/// A change the endpoint does not support, or whose answer was lost, closes its dialog with the
/// message instead of offering Enter again; after a lost answer the user is read again, so the row
/// shows what really happened.
fn end_dialog(state: &mut State, request: RequestId, error: &ErrorInfo) -> Option<Vec<Effect>> {
    if !error.ends_the_dialog() {
        return None;
    }
    // A feedback or device change whose answer was lost: the lists it changes are read again in
    // place, so the history itself shows whether it was applied.
    if error.kind == ErrorKind::OutcomeUnknown
        && let Overlay::Devices(view) = &state.overlay
        && view.submit.awaits(request)
        && let Overlay::Devices(mut view) = std::mem::take(&mut state.overlay)
    {
        view.sent = None;
        state.toast = Some(format!(
            "✗ {} · read again: the history shows whether it was applied",
            error.text
        ));
        let user = view.user.clone();
        let mut effects = super::devices_update::reload(state, view);
        effects.extend(redescribe(state, &user));
        return Some(effects);
    }
    let user = match &state.overlay {
        Overlay::Dialog(d) if d.submit.awaits(request) => d.user.clone(),
        Overlay::Devices(v) if v.submit.awaits(request) => v.user.clone(),
        Overlay::Picker(p) if p.submit.awaits(request) => match &p.target {
            super::menu::PickFor::User(user) => user.clone(),
            super::menu::PickFor::Marked => String::new(),
        },
        _ => return None,
    };
    state.overlay = Overlay::None;
    state.toast = Some(format!("✗ {}", error.text));
    if error.kind == ErrorKind::OutcomeUnknown && !user.is_empty() {
        return Some(refresh_user(state, &user));
    }
    Some(Vec::new())
}

/// A user was created: added to the table, unless a search is applied that it does not match.
fn created(state: &mut State, form: &UserForm, user: &str) -> Vec<Effect> {
    if let Some(group) = state.pool.as_ref().and_then(|p| p.users_group.as_ref()) {
        state.toast = Some(format!(
            "✓ {user} created · not listed: the table lists the members of {group}"
        ));
        return Vec::new();
    }
    let verdict = state.pool.as_ref().and_then(|pool| {
        let filter = pool.users_filter.as_ref()?;
        let attributes = match form.call(&pool.id) {
            Some(ApiCall::Change(Change::CreateUser(new))) => new.attributes,
            _ => Vec::new(),
        };
        // AdminCreateUser makes an enabled FORCE_CHANGE_PASSWORD user.
        let admits = filter.admits(user, &attributes, &UserStatus::ForceChangePassword, true);
        Some((admits, filter.expression()))
    });
    match verdict {
        None | Some((Some(true), _)) => {
            state.toast = Some(format!("✓ {user} created"));
            read_row(state, user)
        }
        Some((Some(false), search)) => {
            state.toast = Some(format!(
                "✓ {user} created · not listed: it does not match the search {search} (Esc clears it)"
            ));
            Vec::new()
        }
        Some((None, search)) => {
            state.toast = Some(format!(
                "✓ {user} created · not listed under the search {search} (r runs it again)"
            ));
            Vec::new()
        }
    }
}

/// Reads the user's detail (when it is open) and row again.
fn refresh_user(state: &mut State, user: &str) -> Vec<Effect> {
    let mut effects = redescribe(state, user);
    effects.extend(read_row(state, user));
    effects
}

/// The user's detail read again when it is the one open (its verdict follows the change).
pub(super) fn redescribe(state: &mut State, user: &str) -> Vec<Effect> {
    if state
        .detail
        .as_ref()
        .is_some_and(|d| d.tab == Tab::Users && d.name == user)
    {
        return describe(state, Tab::Users, user.to_owned());
    }
    Vec::new()
}

/// Reads one user's row (a new user is added to the table).
fn read_row(state: &mut State, user: &str) -> Vec<Effect> {
    let request = state.request_id();
    let Some(pool) = state.pool.as_mut() else {
        return Vec::new();
    };
    pool.row_requests.push(request);
    vec![Effect::Api {
        request,
        call: ApiCall::Read(Read::GetUserRow(pool.id.clone(), Username::new(user))),
    }]
}

/// The user leaves the table (deleted, or out of the group it lists), and their detail closes.
fn deleted(state: &mut State, user: &str) {
    if state
        .detail
        .as_ref()
        .is_some_and(|d| d.tab == Tab::Users && d.name == user)
    {
        state.detail = None;
    }
    if let Some(pool) = state.pool.as_mut() {
        pool.users.table.remove(user);
        pool.marks.remove(user);
    }
}
