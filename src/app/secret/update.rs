//! Keys on a secret shown once: `r` (or Ctrl-R) shows or hides it, `c` copies it through the
//! terminal, Enter or Esc closes it (and it is gone; a read still running is stopped).

use crate::app::action::InputKey;
use crate::app::effect::Effect;
use crate::app::remote::Remote;
use crate::app::secret::SecretShown;
use crate::app::state::{Overlay, State};

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
