//! The admin flow's answers: the configuration read (to the editor or a form), the plan (to
//! review), the change made (the pane read again), a failure (back to where the change was
//! written), the editor closed. Each answer lands only on the flow that awaits it.

use serde_json::Value;

use super::start::{specs_of, title_of};
use super::{AdminFlow, Origin, Stage, Subject};
use super::{editor, form};
use crate::app::action::Payload;
use crate::app::effect::{ApiCall, Effect, PlanSource, Read};
use crate::app::form::Submit;
use crate::app::remote::{ErrorInfo, RequestId};
use crate::app::state::{Overlay, State};
use crate::app::update::requests::{leave_pool, load_pools, load_tab};
use crate::cognito::edit::Target;
use crate::cognito::secrets::Redacted;

pub use super::keys::key;
pub use super::start::{selected_target, start};

pub(super) fn api(request: RequestId, call: impl Into<ApiCall>) -> Effect {
    Effect::Api {
        request,
        call: call.into(),
    }
}

/// The open flow, if it awaits `request`.
fn awaiting(state: &mut State, request: RequestId) -> Option<Box<AdminFlow>> {
    match std::mem::take(&mut state.overlay) {
        Overlay::Admin(flow) if flow.awaits(request) => Some(flow),
        other => {
            state.overlay = other;
            None
        }
    }
}

/// An answer for the flow: `Err` hands back a payload that is not its.
pub fn loaded(
    state: &mut State,
    request: RequestId,
    payload: Payload,
) -> Result<Vec<Effect>, Payload> {
    let Some(mut flow) = awaiting(state, request) else {
        return Err(payload);
    };
    let label = flow.subject.label();
    let effects = match (
        std::mem::replace(&mut flow.stage, Stage::Reading(request)),
        payload,
    ) {
        (Stage::Reading(_), Payload::EditInput(original)) => match specs_of(&flow) {
            Some(specs) if flow.with_form => {
                let form = form::build(&title_of(&flow), specs, &original);
                flow.stage = Stage::Form {
                    form: Box::new(form),
                    original,
                };
                Vec::new()
            }
            _ => {
                let text = editor::text_for(&flow.subject, &original);
                open_editor(state, &mut flow, original, text)
            }
        },
        (Stage::Planning { origin, .. }, Payload::Plan(plan)) => {
            if plan.is_empty() {
                state.toast = Some(format!("{label}: nothing to change"));
                return Ok(Vec::new());
            }
            flow.stage = Stage::Review {
                plan,
                origin,
                submit: Submit::Editing,
            };
            Vec::new()
        }
        (Stage::Review { plan, .. }, Payload::Done) => {
            let n = plan.changes().len();
            let s = if n == 1 { "" } else { "s" };
            state.toast = Some(format!("{label} updated: {n} change{s}"));
            return Ok(reload(state));
        }
        (Stage::Create { input, .. }, Payload::Done)
            if flow.subject.operation() == "AdminAddUserToGroup" =>
        {
            let text = |m: &str| {
                input
                    .get(m)
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned()
            };
            state.toast = Some(format!(
                "{} added to {}",
                text("Username"),
                text("GroupName")
            ));
            return Ok(reload(state));
        }
        (Stage::Create { input, .. }, Payload::Done) => {
            let what = label.replacen("a new ", "", 1);
            state.toast = Some(format!("{what}{} created", created_name(&input)));
            return Ok(reload(state));
        }
        (Stage::Delete { .. }, Payload::Done) => {
            state.toast = Some(format!("{label} deleted"));
            if matches!(flow.subject, Subject::Existing(Target::Pool(_))) {
                let mut effects = leave_pool(state);
                effects.extend(load_pools(state));
                return Ok(effects);
            }
            return Ok(reload(state));
        }
        (other, payload) => {
            flow.stage = other;
            state.overlay = Overlay::Admin(flow);
            return Err(payload);
        }
    };
    state.overlay = Overlay::Admin(flow);
    Ok(effects)
}

/// ` NAME` of a created resource, from the member of its input that names it.
fn created_name(input: &Value) -> String {
    [
        "GroupName",
        "ClientName",
        "ProviderName",
        "Identifier",
        "Domain",
        "PoolName",
    ]
    .iter()
    .find_map(|m| input.get(*m).and_then(Value::as_str))
    .map(|n| format!(" {n}"))
    .unwrap_or_default()
}

/// The pane (or the pools list) read again after a change.
fn reload(state: &mut State) -> Vec<Effect> {
    let Some(tab) = state.pool.as_ref().map(|p| p.tab) else {
        return load_pools(state);
    };
    load_tab(state, tab, true)
}

pub(super) fn open_editor(
    state: &mut State,
    flow: &mut AdminFlow,
    original: Redacted,
    text: String,
) -> Vec<Effect> {
    let request = state.request_id();
    flow.stage = Stage::Editing { request, original };
    vec![Effect::OpenEditor { request, text }]
}

/// Back to where the change was written, as it was left, with `error` shown there (on top of
/// the editor's text, or under the form).
pub(super) fn back_to(
    state: &mut State,
    flow: &mut AdminFlow,
    origin: Origin,
    error: Option<&ErrorInfo>,
) -> Vec<Effect> {
    match origin {
        Origin::Editor { text, original } => {
            let text = match error {
                Some(e) => editor::with_error(&text, &e.text),
                None => text,
            };
            open_editor(state, flow, original, text)
        }
        Origin::Form { mut form, original } => {
            form.submit = error.map_or(Submit::Editing, |e| Submit::Failed(e.clone()));
            flow.stage = Stage::Form { form, original };
            Vec::new()
        }
    }
}

/// A failure of the flow's request: a read closes it with the reason; a plan goes back to where
/// the change was written, with the reason; a send stays in the dialog with the reason.
pub fn failed(state: &mut State, request: RequestId, error: &ErrorInfo) -> Vec<Effect> {
    let Some(mut flow) = awaiting(state, request) else {
        return Vec::new();
    };
    let failed = Submit::Failed(error.clone());
    let mut effects = Vec::new();
    match std::mem::replace(&mut flow.stage, Stage::Reading(request)) {
        Stage::Reading(_) | Stage::Editing { .. } => {
            state.toast = Some(format!("{}: {}", flow.subject.label(), error.text));
            return Vec::new();
        }
        Stage::Planning { origin, .. } => {
            effects = back_to(state, &mut flow, origin, Some(error));
        }
        Stage::Form { mut form, original } => {
            form.submit = failed;
            flow.stage = Stage::Form { form, original };
        }
        Stage::Review { plan, origin, .. } => {
            flow.stage = Stage::Review {
                plan,
                origin,
                submit: failed,
            };
        }
        Stage::Create { input, origin, .. } => {
            flow.stage = Stage::Create {
                input,
                origin,
                submit: failed,
            };
        }
        Stage::Delete {
            name, typed, hint, ..
        } => {
            flow.stage = Stage::Delete {
                name,
                typed,
                hint,
                submit: failed,
            };
        }
    }
    state.overlay = Overlay::Admin(flow);
    effects
}

/// The editor closed: `Ok` with the saved text, `Err` when it could not run or quit with an
/// error (nothing is sent).
pub fn edited(
    state: &mut State,
    request: RequestId,
    outcome: Result<String, String>,
) -> Vec<Effect> {
    let Some(mut flow) = awaiting(state, request) else {
        return Vec::new();
    };
    let Stage::Editing { original, .. } =
        std::mem::replace(&mut flow.stage, Stage::Reading(request))
    else {
        return Vec::new();
    };
    let label = flow.subject.label();
    let text = match outcome {
        Ok(text) => text,
        Err(why) => {
            state.toast = Some(format!("{label}: nothing sent ({why})"));
            return Vec::new();
        }
    };
    if editor::is_emptied(&text) {
        state.toast = Some(format!("{label}: cancelled, nothing sent"));
        return Vec::new();
    }
    if editor::unchanged(&text, &original) {
        state.toast = Some(format!("{label}: nothing changed"));
        return Vec::new();
    }
    let effects = match editor::parse(flow.subject.operation(), &text, &original) {
        Err(why) => {
            let text = editor::with_error(&text, &why);
            open_editor(state, &mut flow, original, text)
        }
        Ok(input) => {
            let source = PlanSource::Replace {
                started: original.0.clone(),
                edited: input,
            };
            let origin = Origin::Editor { text, original };
            propose(state, &mut flow, origin, source)
        }
    };
    state.overlay = Overlay::Admin(flow);
    effects
}

/// The change is written: an update is planned from a fresh read; a new resource's input is
/// shown to confirm.
pub(super) fn propose(
    state: &mut State,
    flow: &mut AdminFlow,
    origin: Origin,
    source: PlanSource,
) -> Vec<Effect> {
    match (&flow.subject, source) {
        (Subject::Existing(target), source) => {
            let request = state.request_id();
            let read = Read::Plan(target.clone(), source);
            flow.stage = Stage::Planning { request, origin };
            vec![api(request, read)]
        }
        (Subject::New(_), PlanSource::Replace { edited: input, .. }) => {
            flow.stage = Stage::Create {
                input,
                origin,
                submit: Submit::Editing,
            };
            Vec::new()
        }
        // A form's patch of a new resource's template: made whole, then checked like the
        // editor's text.
        (Subject::New(new), PlanSource::Patch(patch)) => {
            let original = match &origin {
                Origin::Form { original, .. } | Origin::Editor { original, .. } => original,
            };
            let checked = patch.apply(original).and_then(|input| {
                crate::cognito::check::check(new.operation, &input)
                    .map(|()| input)
                    .map_err(|e| e.to_string())
            });
            match checked {
                Ok(input) => {
                    flow.stage = Stage::Create {
                        input,
                        origin,
                        submit: Submit::Editing,
                    };
                    Vec::new()
                }
                Err(why) => back_to(state, flow, origin, Some(&ErrorInfo::new(why))),
            }
        }
    }
}
