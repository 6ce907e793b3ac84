//! The admin flow's steps: `E` reads, the editor edits, the worker plans, Enter applies; `D`
//! asks for the name, Enter deletes. Each answer lands only on the flow that awaits it.

use serde_json::Value;

use super::editor;
use super::{AdminFlow, AdminOp, Stage};
use crate::app::action::{InputKey, Payload};
use crate::app::browse::pane::{Pane, PaneVisitor};
use crate::app::browse::panes;
use crate::app::effect::{ApiCall, Change, Effect, PlanSource, PoolChange, Read};
use crate::app::form::Submit;
use crate::app::input::text::TextField;
use crate::app::remote::{ErrorInfo, RequestId};
use crate::app::state::{Overlay, PoolState, State, Tab};
use crate::app::update::requests::{leave_pool, load_pools, load_tab};
use crate::cognito::edit::Target;
use crate::shared::visible::escape;

/// The resource the view shows selected, and the name typed to delete it: the pool itself on
/// the Overview, else the selected row of a pane whose rows are resources.
pub fn selected_target(state: &State) -> Option<(Target, String)> {
    struct Selected<'a>(&'a PoolState);
    impl PaneVisitor for Selected<'_> {
        type Out = Option<(Target, String)>;
        fn visit<R: Pane>(self) -> Self::Out {
            R::table(self.0).table.selected()?.target(&self.0.id)
        }
    }
    let pool = state.pool.as_ref()?;
    if pool.tab == Tab::Overview {
        return Some((Target::Pool(pool.id.clone()), pool.name.clone()));
    }
    panes::visit(pool.tab, Selected(pool)).flatten()
}

/// `E` or `D` on the selected resource.
pub fn start(state: &mut State, op: AdminOp) -> Vec<Effect> {
    let Some((target, name)) = selected_target(state) else {
        state.toast = Some("Nothing here to change: select a pool resource".to_owned());
        return Vec::new();
    };
    match op {
        AdminOp::EditJson => {
            let request = state.request_id();
            state.overlay = Overlay::Admin(Box::new(AdminFlow {
                target: target.clone(),
                stage: Stage::Reading(request),
            }));
            vec![api(request, Read::EditInput(target))]
        }
        AdminOp::Delete => {
            if target.delete_operation().is_none() {
                state.toast = Some(format!("{} cannot be deleted", target.label()));
                return Vec::new();
            }
            state.overlay = Overlay::Admin(Box::new(AdminFlow {
                target,
                stage: Stage::Delete {
                    name,
                    typed: TextField::default(),
                    hint: None,
                    submit: Submit::Editing,
                },
            }));
            Vec::new()
        }
    }
}

fn api(request: RequestId, call: impl Into<ApiCall>) -> Effect {
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
    let effects = match (
        std::mem::replace(&mut flow.stage, Stage::Reading(request)),
        payload,
    ) {
        (Stage::Reading(_), Payload::EditInput(original)) => {
            let text = editor::text_for(&flow.target, &original);
            open_editor(state, &mut flow, original, text)
        }
        (Stage::Planning { text, original, .. }, Payload::Plan(plan)) => {
            if plan.is_empty() {
                state.toast = Some(format!("{}: nothing to change", flow.target.label()));
                return Ok(Vec::new());
            }
            flow.stage = Stage::Review {
                plan,
                text,
                original,
                submit: Submit::Editing,
            };
            Vec::new()
        }
        (Stage::Review { plan, .. }, Payload::Done) => {
            let n = plan.changes().len();
            state.toast = Some(format!(
                "{} updated: {n} change{}",
                flow.target.label(),
                if n == 1 { "" } else { "s" }
            ));
            return Ok(reload(state));
        }
        (Stage::Delete { .. }, Payload::Done) => {
            state.toast = Some(format!("{} deleted", flow.target.label()));
            if matches!(flow.target, Target::Pool(_)) {
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

/// The pane (and the pool's overview) read again after a change.
fn reload(state: &mut State) -> Vec<Effect> {
    let Some(tab) = state.pool.as_ref().map(|p| p.tab) else {
        return Vec::new();
    };
    load_tab(state, tab, true)
}

fn open_editor(
    state: &mut State,
    flow: &mut AdminFlow,
    original: Value,
    text: String,
) -> Vec<Effect> {
    let request = state.request_id();
    flow.stage = Stage::Editing { request, original };
    vec![Effect::OpenEditor { request, text }]
}

/// A failure of the flow's request: a read closes it with the reason; a plan goes back to the
/// editor with the reason on top; a send stays in the dialog with the reason (nothing lost).
pub fn failed(state: &mut State, request: RequestId, error: &ErrorInfo) -> Vec<Effect> {
    let Some(mut flow) = awaiting(state, request) else {
        return Vec::new();
    };
    match std::mem::replace(&mut flow.stage, Stage::Reading(request)) {
        Stage::Reading(_) | Stage::Editing { .. } => {
            state.toast = Some(format!("{}: {}", flow.target.label(), error.text));
            return Vec::new();
        }
        Stage::Planning { text, original, .. } => {
            let text = editor::with_error(&text, &error.text);
            let effects = open_editor(state, &mut flow, original, text);
            state.overlay = Overlay::Admin(flow);
            return effects;
        }
        Stage::Review {
            plan,
            text,
            original,
            ..
        } => {
            flow.stage = Stage::Review {
                plan,
                text,
                original,
                submit: Submit::Failed(error.clone()),
            };
        }
        Stage::Delete {
            name, typed, hint, ..
        } => {
            flow.stage = Stage::Delete {
                name,
                typed,
                hint,
                submit: Submit::Failed(error.clone()),
            };
        }
    }
    state.overlay = Overlay::Admin(flow);
    Vec::new()
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
    let text = match outcome {
        Ok(text) => text,
        Err(why) => {
            state.toast = Some(format!("{}: nothing sent ({why})", flow.target.label()));
            return Vec::new();
        }
    };
    if editor::unchanged(&flow.target, &text, &original) {
        state.toast = Some(format!("{}: nothing changed", flow.target.label()));
        return Vec::new();
    }
    let effects = match editor::parse(&flow.target, &text, &original) {
        Err(why) => {
            let text = editor::with_error(&text, &why);
            open_editor(state, &mut flow, original, text)
        }
        Ok(edited) => {
            let request = state.request_id();
            let read = Read::Plan(flow.target.clone(), PlanSource::Replace(edited));
            flow.stage = Stage::Planning {
                request,
                text,
                original,
            };
            vec![api(request, read)]
        }
    };
    state.overlay = Overlay::Admin(flow);
    effects
}

/// A key while the flow's dialog is open.
pub fn key(state: &mut State, mut flow: Box<AdminFlow>, key: InputKey) -> Vec<Effect> {
    if key == InputKey::Cancel && !flow.is_busy() {
        return Vec::new();
    }
    let mut effects = Vec::new();
    match &mut flow.stage {
        Stage::Review {
            plan,
            text,
            original,
            submit,
        } if !submit.is_submitting() => match key {
            InputKey::Submit => {
                let request = state.request_id();
                *submit = Submit::Submitting(request);
                effects.push(api(request, Change::Pool(PoolChange::Apply(plan.clone()))));
            }
            InputKey::Char('e') => {
                let (text, original) = (text.clone(), original.clone());
                effects = open_editor(state, &mut flow, original, text);
            }
            _ => {}
        },
        Stage::Delete {
            name,
            typed,
            hint,
            submit,
        } if !submit.is_submitting() => {
            if key == InputKey::Submit {
                if typed.value() == escape(name) {
                    let request = state.request_id();
                    *submit = Submit::Submitting(request);
                    let change = Change::Pool(PoolChange::Delete(flow.target.clone()));
                    effects.push(api(request, change));
                } else {
                    *hint = Some(format!("type {name} exactly to delete"));
                }
            } else if typed.edit(key) {
                *hint = None;
            }
        }
        _ => {}
    }
    state.overlay = Overlay::Admin(flow);
    effects
}
