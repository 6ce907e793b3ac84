//! Keys in the user forms: editing is the form's own business; here a submit is validated and
//! sent, a password generated, the form cancelled.

use crate::app::action::InputKey;
use crate::app::effect::Effect;
use crate::app::form::{FormEvent, Submit};
use crate::app::remote::ErrorInfo;
use crate::app::state::{Overlay, State};
use crate::app::users::forms::UserForm;

pub fn form_key(state: &mut State, mut form: Box<UserForm>, key: InputKey) -> Vec<Effect> {
    let effects = match form.form.key(key) {
        FormEvent::Cancel => {
            return form
                .loading
                .map(|request| vec![Effect::Cancel(request)])
                .unwrap_or_default();
        }
        FormEvent::None => Vec::new(),
        FormEvent::Submit => submit(state, &mut form),
        FormEvent::Generate => generate(state, &mut form),
    };
    state.overlay = Overlay::Form(form);
    effects
}

/// Validates; when every field is right, sends the form's call and waits for it. A failed check
/// leaves the form as typed, the errors beside their fields.
fn submit(state: &mut State, form: &mut UserForm) -> Vec<Effect> {
    if form.loading.is_some() {
        return Vec::new();
    }
    let Some(pool) = state.pool.as_ref() else {
        return Vec::new();
    };
    let settings = pool.settings.loaded();
    if !form.validate(settings) {
        return Vec::new();
    }
    let Some(call) = form.call(&pool.id) else {
        return Vec::new();
    };
    if state.context.read_only && call.mutates() {
        form.form.submit =
            Submit::Failed(ErrorInfo::new("refused: the console runs with --read-only"));
        return Vec::new();
    }
    let request = state.request_id();
    form.form.submit = Submit::Submitting(request);
    vec![Effect::Api { request, call }]
}

fn generate(state: &mut State, form: &mut UserForm) -> Vec<Effect> {
    let Some(policy) = state
        .pool
        .as_ref()
        .and_then(|p| p.settings.loaded())
        .map(|s| s.policy.clone())
    else {
        let key = form.password_field();
        form.form
            .set_error(&key, "the pool's password policy is still loading");
        return Vec::new();
    };
    let request = state.request_id();
    form.generating = Some(request);
    vec![Effect::GeneratePassword { request, policy }]
}
