//! Keys while a change's dialog or form is open: Enter sends (once a delete's name is typed),
//! `e` goes back to the form or the editor as it was left, Esc closes.

use super::start::specs_of;
use super::update::{api, back_to, propose};
use super::{AdminFlow, Origin, Stage, Subject, form};
use crate::app::action::InputKey;
use crate::app::effect::{Change, Effect, PlanSource, PoolChange};
use crate::app::form::{FormEvent, Submit};
use crate::app::remote::{ErrorInfo, RequestId};
use crate::app::state::{Overlay, State};
use crate::app::users::dialog_update::copy_command;
use crate::shared::visible::escape;

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
    if key == InputKey::CopyCommand {
        let effects = copy_command(state, flow.aws_command());
        state.overlay = Overlay::Admin(flow);
        return effects;
    }
    if key == InputKey::Cancel {
        // A read or a plan in flight is stopped; a change being sent cannot be taken back.
        return match &flow.stage {
            Stage::Reading(request) | Stage::Planning { request, .. } => {
                vec![Effect::Cancel(*request)]
            }
            _ if flow.is_busy() => {
                state.overlay = Overlay::Admin(flow);
                Vec::new()
            }
            _ => Vec::new(),
        };
    }
    // After a failed send, Enter goes back to where the change was written, with the reason: the
    // same plan sent again would meet the same refusal (a stale plan above all).
    if key == InputKey::Submit
        && let Stage::Review {
            submit: Submit::Failed(error),
            ..
        } = &flow.stage
    {
        let error = error.clone();
        let placeholder = Stage::Reading(RequestId::default());
        if let Stage::Review { origin, .. } = std::mem::replace(&mut flow.stage, placeholder) {
            let effects = back_to(state, &mut flow, origin, Some(&error));
            state.overlay = Overlay::Admin(flow);
            return effects;
        }
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
    let keeps_omitted = match &flow.subject {
        Subject::Existing(target) => target.update_keeps_omitted(),
        Subject::New(_) => false,
    };
    let Some(patch) = form::patch(&mut form, specs, &original, keeps_omitted) else {
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
