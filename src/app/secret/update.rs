//! Opening an app client's secret on `S` (read fresh), its answer, and the keys on a secret shown
//! once: `r` (or Ctrl-R) shows or hides it, `c` copies it through the terminal, Enter or Esc closes
//! it (and it is gone; a read still running is stopped).

use crate::app::action::InputKey;
use crate::app::effect::{ApiCall, Effect, Read};
use crate::app::remote::{ErrorInfo, Remote, RequestId};
use crate::app::secret::{SecretOf, SecretShown};
use crate::app::state::{Overlay, State, Tab};
use crate::cognito::ClientId;
use crate::cognito::types::Secret;

pub fn key(state: &mut State, mut view: Box<SecretShown>, key: InputKey) -> Vec<Effect> {
    let mut effects = Vec::new();
    match key {
        InputKey::Cancel | InputKey::Submit => {
            if let Remote::Loading(request) = view.secret {
                effects.push(Effect::Cancel(request));
            }
            return effects;
        }
        InputKey::Char('r') | InputKey::Reveal if view.value().is_some() => {
            view.revealed = !view.revealed;
        }
        InputKey::Char('c' | 'y') => {
            if let Some(secret) = view.value() {
                effects.push(Effect::CopyToClipboard(secret.clone()));
                view.copied = true;
            }
        }
        _ => {}
    }
    state.overlay = Overlay::Secret(view);
    effects
}

/// `S` on an app client's detail: the overlay opens under its warning and the secret is read
/// fresh (the detail holds only the mask). A client the detail shows without one says so instead.
pub fn open_client_secret(state: &mut State) -> Vec<Effect> {
    let (Some(detail), Some(pool)) = (state.detail.as_ref(), state.pool.as_ref()) else {
        return Vec::new();
    };
    if detail.tab != Tab::Clients {
        return Vec::new();
    }
    let described = detail.body.loaded().map(|b| &b.raw["UserPoolClient"]);
    if described.is_some_and(|c| c.get("ClientSecret").is_none()) {
        state.toast = Some(NO_SECRET.to_owned());
        return Vec::new();
    }
    let id = detail.name.clone();
    let name = described
        .and_then(|c| c["ClientName"].as_str())
        .unwrap_or(&id)
        .to_owned();
    let call = Read::ClientSecret(pool.id.clone(), ClientId::new(&id));
    let request = state.request_id();
    state.overlay = Overlay::Secret(Box::new(SecretShown {
        of: SecretOf::Client { name, id },
        secret: Remote::Loading(request),
        revealed: false,
        copied: false,
    }));
    vec![Effect::Api {
        request,
        call: ApiCall::Read(call),
    }]
}

/// What `S` says of a client without a secret.
pub const NO_SECRET: &str = "This app client has no secret";

/// The secret read for the overlay that waits for it; a stale answer (the overlay closed) is
/// dropped with it.
pub fn landed(state: &mut State, request: RequestId, secret: Option<Secret>) {
    if let Overlay::Secret(view) = &mut state.overlay {
        view.secret.land(request, secret);
    }
}

/// The read failed: the overlay says why in place of the secret.
pub fn failed(state: &mut State, request: RequestId, error: &ErrorInfo) {
    if let Overlay::Secret(view) = &mut state.overlay
        && view.secret.awaits(request)
    {
        view.secret = Remote::Failed(error.clone());
    }
}
