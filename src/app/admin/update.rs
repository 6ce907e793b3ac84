//! The admin flow's steps: `E` reads, the editor edits, the worker plans, Enter applies; `n`
//! starts the editor on a new resource's input, Enter creates it; `D` asks for the name, Enter
//! deletes. Each answer lands only on the flow that awaits it.

use serde_json::Value;

use super::editor;
use super::{AdminFlow, AdminOp, NewResource, Stage, Subject};
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

/// What `n` creates on the open tab: the pane's Create* operation, from the registry.
fn new_resource(state: &State) -> Option<NewResource> {
    struct Creates;
    impl PaneVisitor for Creates {
        type Out = Option<(&'static str, &'static str)>;
        fn visit<R: Pane>(self) -> Self::Out {
            R::CREATE.map(|operation| (operation, R::INFO.one))
        }
    }
    let pool = state.pool.as_ref()?;
    let (operation, one) = panes::visit(pool.tab, Creates).flatten()?;
    Some(NewResource {
        pool: pool.id.clone(),
        operation,
        one,
    })
}

/// `E`, `D` or `n` in a pool.
pub fn start(state: &mut State, op: AdminOp) -> Vec<Effect> {
    if op == AdminOp::Create {
        let Some(new) = new_resource(state) else {
            state.toast = Some("Nothing to create here".to_owned());
            return Vec::new();
        };
        let template = editor::template(&new);
        let mut flow = AdminFlow {
            subject: Subject::New(new),
            stage: Stage::Reading(RequestId::default()),
        };
        let text = editor::text_for(&flow.subject, &template);
        let effects = open_editor(state, &mut flow, template, text);
        state.overlay = Overlay::Admin(Box::new(flow));
        return effects;
    }
    let selected = match (op, state.pool.as_ref()) {
        (AdminOp::EditMfa, Some(pool)) => Some((Target::Mfa(pool.id.clone()), String::new())),
        _ => selected_target(state),
    };
    let Some((target, name)) = selected else {
        state.toast = Some("Nothing here to change: select a pool resource".to_owned());
        return Vec::new();
    };
    let next = if op == AdminOp::Delete {
        if target.delete_operation().is_none() {
            state.toast = Some(format!("{} cannot be deleted", target.label()));
            return Vec::new();
        }
        Stage::Delete {
            name,
            typed: TextField::default(),
            hint: None,
            submit: Submit::Editing,
        }
    } else {
        Stage::Reading(state.request_id())
    };
    let effects = match &next {
        Stage::Reading(request) => vec![api(*request, Read::EditInput(target.clone()))],
        _ => Vec::new(),
    };
    state.overlay = Overlay::Admin(Box::new(AdminFlow {
        subject: Subject::Existing(target),
        stage: next,
    }));
    effects
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
    let label = flow.subject.label();
    let effects = match (
        std::mem::replace(&mut flow.stage, Stage::Reading(request)),
        payload,
    ) {
        (Stage::Reading(_), Payload::EditInput(original)) => {
            let text = editor::text_for(&flow.subject, &original);
            open_editor(state, &mut flow, original, text)
        }
        (Stage::Planning { text, original, .. }, Payload::Plan(plan)) => {
            if plan.is_empty() {
                state.toast = Some(format!("{label}: nothing to change"));
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
            let s = if n == 1 { "" } else { "s" };
            state.toast = Some(format!("{label} updated: {n} change{s}"));
            return Ok(reload(state));
        }
        (Stage::Create { input, .. }, Payload::Done) => {
            let name = created_name(&input);
            state.toast = Some(format!(
                "{} created",
                label.replacen("a new ", "", 1) + &name
            ));
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
    ]
    .iter()
    .find_map(|m| input.get(*m).and_then(Value::as_str))
    .map(|n| format!(" {n}"))
    .unwrap_or_default()
}

/// The pane read again after a change.
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
    let failed = Submit::Failed(error.clone());
    match std::mem::replace(&mut flow.stage, Stage::Reading(request)) {
        Stage::Reading(_) | Stage::Editing { .. } => {
            state.toast = Some(format!("{}: {}", flow.subject.label(), error.text));
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
                submit: failed,
            };
        }
        Stage::Create {
            input,
            text,
            original,
            ..
        } => {
            flow.stage = Stage::Create {
                input,
                text,
                original,
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
    let label = flow.subject.label();
    let operation = flow.subject.operation();
    let text = match outcome {
        Ok(text) => text,
        Err(why) => {
            state.toast = Some(format!("{label}: nothing sent ({why})"));
            return Vec::new();
        }
    };
    if editor::unchanged(&text, &original) {
        state.toast = Some(format!("{label}: nothing changed"));
        return Vec::new();
    }
    let effects = match (editor::parse(operation, &text, &original), &flow.subject) {
        (Err(why), _) => {
            let text = editor::with_error(&text, &why);
            open_editor(state, &mut flow, original, text)
        }
        (Ok(input), Subject::New(_)) => {
            flow.stage = Stage::Create {
                input,
                text,
                original,
                submit: Submit::Editing,
            };
            Vec::new()
        }
        (Ok(edited), Subject::Existing(target)) => {
            let request = state.request_id();
            let read = Read::Plan(target.clone(), PlanSource::Replace(edited));
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
    let change = match &mut flow.stage {
        Stage::Review { plan, submit, .. } if !submit.is_submitting() => {
            Some(Change::Pool(PoolChange::Apply(plan.clone())))
        }
        Stage::Create {
            input: new, submit, ..
        } if !submit.is_submitting() => {
            let operation = flow.subject.operation();
            Some(Change::Pool(PoolChange::Create {
                operation,
                input: new.clone(),
            }))
        }
        Stage::Delete {
            name,
            typed,
            hint,
            submit,
        } if !submit.is_submitting() => {
            if key == InputKey::Submit && typed.value() != escape(name) {
                *hint = Some(format!("type {name} exactly to delete"));
            } else if key != InputKey::Submit && typed.edit(key) {
                *hint = None;
            }
            match &flow.subject {
                Subject::Existing(target) if key == InputKey::Submit && hint.is_none() => {
                    Some(Change::Pool(PoolChange::Delete(target.clone())))
                }
                _ => None,
            }
        }
        _ => None,
    };
    match (key, change) {
        (InputKey::Submit, Some(change)) => {
            let request = state.request_id();
            if let Stage::Review { submit, .. }
            | Stage::Create { submit, .. }
            | Stage::Delete { submit, .. } = &mut flow.stage
            {
                *submit = Submit::Submitting(request);
            }
            effects.push(api(request, change));
        }
        // Back to the editor with the edit as it was left.
        (InputKey::Char('e'), Some(_)) => {
            if let Stage::Review { text, original, .. } | Stage::Create { text, original, .. } =
                &flow.stage
            {
                let (text, original) = (text.clone(), original.clone());
                effects = open_editor(state, &mut flow, original, text);
            }
        }
        _ => {}
    }
    state.overlay = Overlay::Admin(flow);
    effects
}
