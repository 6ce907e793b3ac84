//! Keys in the devices and sign-in history view: Tab between the lists, `y` for the raw JSON,
//! and the changes (forget, remembered or not, a sign-in valid or invalid), each asked first and
//! sent on Enter; when one is done both lists are read again, the selection kept.

use crate::app::action::InputKey;
use crate::app::effect::{ApiCall, Change, Effect, Read, UserChange};
use crate::app::form::Submit;
use crate::app::remote::Remote;
use crate::app::state::{Overlay, State};
use crate::app::users::devices::{DevicesView, Focus};
use crate::cognito::Username;
use crate::cognito::devices::Feedback;

/// Opens the view of `user`; `at_event` focuses the sign-in history on that event (its EventId).
pub fn open_devices(state: &mut State, user: &str, at_event: Option<&str>) -> Vec<Effect> {
    let devices = state.request_id();
    let events = state.request_id();
    let mut view = DevicesView::new(user, devices, events);
    if let Some(id) = at_event {
        view = view.at_event(id);
    }
    load(state, Box::new(view))
}

/// Reads both lists again, keeping the focus and what is selected.
pub(super) fn reload(state: &mut State, mut view: Box<DevicesView>) -> Vec<Effect> {
    if view.wanted_event.is_none() {
        view.wanted_event = view.selected_event().map(|e| e.id.clone());
    }
    view.devices = Remote::Loading(state.request_id());
    view.events = Remote::Loading(state.request_id());
    view.confirm = None;
    view.json = None;
    view.submit = Submit::Editing;
    load(state, view)
}

fn load(state: &mut State, view: Box<DevicesView>) -> Vec<Effect> {
    let Some(pool) = state.pool.as_ref().map(|p| p.id.clone()) else {
        return Vec::new();
    };
    let (Remote::Loading(devices), Remote::Loading(events)) = (&view.devices, &view.events) else {
        return Vec::new();
    };
    let name = Username::new(&view.user);
    let effects = vec![
        Effect::Api {
            request: *devices,
            call: ApiCall::Read(Read::ListDevices(pool.clone(), name.clone())),
        },
        Effect::Api {
            request: *events,
            call: ApiCall::Read(Read::ListAuthEvents(pool, name)),
        },
    ];
    state.overlay = Overlay::Devices(view);
    effects
}

/// A change is done: the toast says what, both lists are read again, and so is the user's detail
/// behind the view (its verdict may have been about the sign-ins just marked).
pub fn done(state: &mut State, mut view: Box<DevicesView>) -> Vec<Effect> {
    let what = view.sent.take().map_or_else(
        || format!("device forgotten for {}", view.user),
        |op| op.done(&view.user),
    );
    state.toast = Some(format!("✓ {what}"));
    let user = view.user.clone();
    let mut effects = reload(state, view);
    effects.extend(super::outcomes::redescribe(state, &user));
    effects
}

pub fn devices_key(state: &mut State, mut view: Box<DevicesView>, key: InputKey) -> Vec<Effect> {
    if view.submit.is_submitting() {
        state.overlay = Overlay::Devices(view);
        return Vec::new();
    }
    view.hint = None;
    if matches!(view.submit, Submit::Failed(_)) {
        view.submit = Submit::Editing;
    }
    let mut effects = Vec::new();
    match (key, view.json) {
        (InputKey::Cancel | InputKey::Char('y'), Some(_)) => view.json = None,
        (InputKey::Up, Some(scroll)) => view.json = Some(scroll.saturating_sub(1)),
        (InputKey::Down, Some(scroll)) => view.json = Some(scroll.saturating_add(1)),
        (InputKey::Cancel, None) if view.confirm.is_some() => view.confirm = None,
        (InputKey::Cancel | InputKey::Char('q'), None) => {
            let loading = [loading_id(&view.devices), loading_id(&view.events)];
            return loading.into_iter().flatten().map(Effect::Cancel).collect();
        }
        (InputKey::Submit, _) if view.confirm.is_some() => effects = send(state, &mut view),
        (InputKey::Complete | InputKey::BackTab, None) => {
            view.confirm = None;
            view.focus = match view.focus {
                Focus::Devices => Focus::Events,
                Focus::Events => Focus::Devices,
            };
        }
        (InputKey::Up, None) => step(&mut view, -1),
        (InputKey::Down, None) => step(&mut view, 1),
        (InputKey::Char('y'), None) => {
            if view.selected_json().is_some() {
                view.json = Some(0);
            } else {
                view.hint = Some("Nothing selected to show".to_owned());
            }
        }
        (InputKey::Char('r'), _) => return reload(state, view),
        (InputKey::Char(c @ ('f' | 'm' | 'n' | 'v' | 'i')), None) if !state.context.read_only => {
            ask(&mut view, c);
        }
        _ => {}
    }
    state.overlay = Overlay::Devices(view);
    effects
}

fn step(view: &mut DevicesView, by: isize) {
    view.confirm = None;
    let (selected, count) = match view.focus {
        Focus::Devices => (
            &mut view.selected,
            view.devices.loaded().map_or(0, Vec::len),
        ),
        Focus::Events => (
            &mut view.selected_event,
            view.events.loaded().map_or(0, Vec::len),
        ),
    };
    *selected = selected
        .saturating_add_signed(by)
        .min(count.saturating_sub(1));
}

/// The change a key asks for on the focused list's selected item, or why there is none.
fn ask(view: &mut DevicesView, key: char) {
    let on_events = matches!(key, 'v' | 'i');
    let wanted = if on_events {
        Focus::Events
    } else {
        Focus::Devices
    };
    if view.focus != wanted {
        view.hint = Some(
            if on_events {
                "Tab to the sign-in history to mark a sign-in"
            } else {
                "Tab to the devices to change one"
            }
            .to_owned(),
        );
        return;
    }
    let change = if on_events {
        view.selected_event().map(|e| UserChange::EventFeedback {
            event: e.id.clone(),
            feedback: if key == 'v' {
                Feedback::Valid
            } else {
                Feedback::Invalid
            },
        })
    } else {
        view.selected_device().map(|d| match key {
            'f' => UserChange::ForgetDevice(d.key.clone()),
            _ => UserChange::DeviceStatus {
                device: d.key.clone(),
                remembered: key == 'm',
            },
        })
    };
    let already = match (&change, view.selected_device()) {
        (Some(UserChange::DeviceStatus { remembered, .. }), Some(d)) => {
            (d.is_remembered() == *remembered).then(|| d.status.replace('_', " "))
        }
        _ => None,
    };
    match (change, already) {
        (None, _) => {
            view.hint = Some(
                if on_events {
                    "No sign-in event selected"
                } else {
                    "No device selected"
                }
                .to_owned(),
            );
        }
        (Some(_), Some(status)) => view.hint = Some(format!("The device is already {status}")),
        (Some(change), None) => view.confirm = Some(change),
    }
}

fn send(state: &mut State, view: &mut DevicesView) -> Vec<Effect> {
    let (Some(op), Some(pool)) = (
        view.confirm.take(),
        state.pool.as_ref().map(|p| p.id.clone()),
    ) else {
        return Vec::new();
    };
    let request = state.request_id();
    view.submit = Submit::Submitting(request);
    view.sent = Some(op.clone());
    vec![Effect::Api {
        request,
        call: ApiCall::Change(Change::User {
            pool,
            user: Username::new(&view.user),
            op,
        }),
    }]
}

fn loading_id<T>(remote: &Remote<T>) -> Option<crate::app::remote::RequestId> {
    match remote {
        Remote::Loading(request) => Some(*request),
        _ => None,
    }
}
