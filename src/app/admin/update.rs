//! The admin flow's steps: `E` reads, the editor edits, the worker plans, Enter applies; `n`
//! starts the editor on a new resource's input, Enter creates it; `D` asks for the name, Enter
//! deletes. Each answer lands only on the flow that awaits it.

use serde_json::Value;

use super::{AdminFlow, AdminOp, NewResource, Origin, Stage, Subject};
use super::{editor, form, specs};
use crate::app::action::{InputKey, Payload};
use crate::app::browse::pane::{Pane, PaneVisitor};
use crate::app::browse::panes;
use crate::app::effect::{ApiCall, Change, Effect, PlanSource, PoolChange, Read};
use crate::app::form::{FormEvent, Submit};
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
    let Some(pool) = state.pool.as_ref() else {
        // The pools list: a new pool.
        return Some(NewResource {
            pool: None,
            operation: "CreateUserPool",
            one: "pool",
            given: Vec::new(),
        });
    };
    let (operation, one) = panes::visit(pool.tab, Creates).flatten()?;
    Some(NewResource {
        pool: Some(pool.id.clone()),
        operation,
        one,
        given: Vec::new(),
    })
}

/// `E`, `e`, `M`, `A`, `D` or `n` in a pool (`n` on the pools list: a new pool).
pub fn start(state: &mut State, op: AdminOp) -> Vec<Effect> {
    if op == AdminOp::Create {
        return start_create(state, new_resource(state));
    }
    if op == AdminOp::AddAttributes {
        let new = state.pool.as_ref().map(|p| NewResource {
            pool: Some(p.id.clone()),
            operation: "AddCustomAttributes",
            one: "custom attribute",
            given: Vec::new(),
        });
        return start_create(state, new);
    }
    if op == AdminOp::AddMember {
        let new = state.pool.as_ref().and_then(|p| {
            let group = p.users_group.as_ref()?;
            Some(NewResource {
                pool: Some(p.id.clone()),
                operation: "AdminAddUserToGroup",
                one: "member",
                given: vec![("GroupName", group.to_string())],
            })
        });
        if new.is_none() {
            state.toast =
                Some("Open a group's members first (Enter on a group in the Groups tab)".into());
            return Vec::new();
        }
        return start_create(state, new);
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
    let with_form = matches!(op, AdminOp::EditForm | AdminOp::EditMfa);
    state.overlay = Overlay::Admin(Box::new(AdminFlow {
        subject: Subject::Existing(target),
        stage: next,
        with_form,
    }));
    effects
}

/// `n` (or `A`): the form of a new resource, or its input in the editor.
fn start_create(state: &mut State, new: Option<NewResource>) -> Vec<Effect> {
    let Some(new) = new else {
        state.toast = Some("Nothing to create here".to_owned());
        return Vec::new();
    };
    let template = editor::template(&new);
    let specs = specs::for_create(new.operation);
    let mut flow = AdminFlow {
        subject: Subject::New(new),
        stage: Stage::Reading(RequestId::default()),
        with_form: specs.is_some(),
    };
    let effects = if let Some(specs) = specs {
        let title = title_of(&flow);
        let form = form::build(&title, specs, &template);
        flow.stage = Stage::Form {
            form: Box::new(form),
            original: template,
        };
        Vec::new()
    } else {
        let text = editor::text_for(&flow.subject, &template);
        open_editor(state, &mut flow, template, text)
    };
    state.overlay = Overlay::Admin(Box::new(flow));
    effects
}

/// The form's title: `Edit app client 1a2b`, `Create a new group`.
fn title_of(flow: &AdminFlow) -> String {
    match &flow.subject {
        Subject::Existing(_) => format!("Edit {}", flow.subject.label()),
        Subject::New(_) => format!("Create {}", flow.subject.label()),
    }
}

/// The specs of the flow's form, if it has one.
fn specs_of(flow: &AdminFlow) -> Option<&'static [specs::Spec]> {
    match &flow.subject {
        Subject::Existing(target) => specs::for_target(target),
        Subject::New(new) => specs::for_create(new.operation),
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

/// Back to where the change was written, as it was left, with `error` shown there (on top of
/// the editor's text, or under the form).
fn back_to(
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
            let origin = Origin::Editor { text, original };
            propose(state, &mut flow, origin, PlanSource::Replace(input))
        }
    };
    state.overlay = Overlay::Admin(flow);
    effects
}

/// The change is written: an update is planned from a fresh read; a new resource's input is
/// shown to confirm.
fn propose(
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
        (Subject::New(_), PlanSource::Replace(input)) => {
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

/// A key while the flow's dialog or form is open.
pub fn key(state: &mut State, mut flow: Box<AdminFlow>, key: InputKey) -> Vec<Effect> {
    if let Stage::Form { form, .. } = &mut flow.stage {
        let event = form.key(key);
        let effects = match event {
            FormEvent::Cancel => return Vec::new(),
            FormEvent::Submit => submit_form(state, &mut flow),
            FormEvent::None | FormEvent::Generate => Vec::new(),
        };
        state.overlay = Overlay::Admin(flow);
        return effects;
    }
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
        // Back to where the change was written, as it was left.
        (InputKey::Char('e'), Some(_)) => {
            let placeholder = Stage::Reading(RequestId::default());
            if let Stage::Review { origin, .. } | Stage::Create { origin, .. } =
                std::mem::replace(&mut flow.stage, placeholder)
            {
                effects = back_to(state, &mut flow, origin, None);
            }
        }
        _ => {}
    }
    state.overlay = Overlay::Admin(flow);
    effects
}

/// Enter in the form: only what was changed, as a patch; nothing changed closes it.
fn submit_form(state: &mut State, flow: &mut AdminFlow) -> Vec<Effect> {
    let Some(specs) = specs_of(flow) else {
        return Vec::new();
    };
    let placeholder = Stage::Reading(RequestId::default());
    let Stage::Form { mut form, original } = std::mem::replace(&mut flow.stage, placeholder) else {
        return Vec::new();
    };
    let Some(patch) = form::patch(&mut form, specs, &original) else {
        flow.stage = Stage::Form { form, original };
        return Vec::new();
    };
    if patch.is_empty() && matches!(flow.subject, Subject::Existing(_)) {
        form.submit = Submit::Failed(ErrorInfo::new("nothing changed"));
        flow.stage = Stage::Form { form, original };
        return Vec::new();
    }
    let origin = Origin::Form { form, original };
    propose(state, flow, origin, PlanSource::Patch(patch))
}
