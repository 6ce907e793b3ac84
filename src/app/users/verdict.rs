//! The verdict's fix on one key (`F` on a user's detail): it opens the action that applies the
//! recommended fix, with that action's own confirmation, so nothing is sent on the one key.

use crate::app::effect::{Effect, UserChange};
use crate::app::state::{Overlay, State, Tab};
use crate::app::users::devices_update::open_devices;
use crate::app::users::dialog::Dialog;
use crate::app::users::keys::start;
use crate::app::users::ops::UserOp;
use crate::cognito::verdict::{Fix, Verdict};

/// The open user detail's verdict, once it is loaded.
fn verdict_of(state: &State) -> Option<&Verdict> {
    let detail = state.detail.as_ref().filter(|d| d.tab == Tab::Users)?;
    detail.body.loaded()?.verdict.as_deref()
}

/// Whether the fix changes the user (refused in read-only mode); looking at the sign-in history
/// to mark events does not, yet.
pub fn mutates(state: &State) -> bool {
    verdict_of(state)
        .and_then(|v| v.fix)
        .is_some_and(|fix| fix != Fix::MarkEventsValid)
}

pub fn apply(state: &mut State) -> Vec<Effect> {
    let (fix, newest) = match verdict_of(state) {
        None => {
            state.toast = Some("Open a user first: the verdict is on their detail".to_owned());
            return Vec::new();
        }
        Some(Verdict {
            fix: None, reason, ..
        }) => {
            state.toast = Some(format!("No fix to apply: {reason}"));
            return Vec::new();
        }
        Some(Verdict {
            fix: Some(fix),
            events,
            ..
        }) => (*fix, events.first().cloned()),
    };
    let op = match fix {
        Fix::Enable => UserOp::ToggleEnabled,
        Fix::ResendInvitation => UserOp::ResendInvitation,
        Fix::SetPassword => UserOp::SetPassword,
        Fix::ConfirmSignUp => UserOp::ConfirmSignUp,
        Fix::ResetMfa => UserOp::Mfa,
        Fix::MarkEventsValid => return sign_in_history(state, newest.as_deref()),
        Fix::MarkEmailVerified => return mark_verified(state, "email_verified"),
        Fix::MarkPhoneVerified => return mark_verified(state, "phone_number_verified"),
    };
    start(state, op)
}

/// The sign-in history with the newest blocked event selected, where the agent marks it valid.
fn sign_in_history(state: &mut State, event: Option<&str>) -> Vec<Effect> {
    let Some(user) = state.detail.as_ref().map(|d| d.name.clone()) else {
        return Vec::new();
    };
    open_devices(state, &user, event)
}

fn mark_verified(state: &mut State, flag: &'static str) -> Vec<Effect> {
    if let Some(detail) = &state.detail {
        let dialog = Dialog::new(UserChange::MarkVerified(flag), &detail.name);
        state.overlay = Overlay::Dialog(Box::new(dialog));
    }
    Vec::new()
}
