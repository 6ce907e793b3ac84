//! What can be done to one user, and which of it fits the user's status: the action menu's order
//! and the reason an action does not apply.

use crate::cognito::user_status::UserStatus;

/// An action on the selected user (or, for `Create`, on the pool).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserOp {
    Create,
    EditAttributes,
    /// Disable an enabled user, enable a disabled one.
    ToggleEnabled,
    Delete,
    SetPassword,
    ResetPassword,
    ResendInvitation,
    ConfirmSignUp,
    SignOut,
    AddToGroup,
    RemoveFromGroup,
    Mfa,
    /// Remembered devices and sign-in history.
    Devices,
}

impl UserOp {
    /// Everything but looking at devices and sign-in history changes something.
    pub const fn mutates(self) -> bool {
        !matches!(self, UserOp::Devices)
    }

    pub fn label(self, enabled: bool) -> &'static str {
        match self {
            UserOp::Create => "create a new user",
            UserOp::EditAttributes => "edit attributes",
            UserOp::ToggleEnabled if enabled => "disable",
            UserOp::ToggleEnabled => "enable",
            UserOp::Delete => "delete",
            UserOp::SetPassword => "set password",
            UserOp::ResetPassword => "reset password",
            UserOp::ResendInvitation => "resend invitation",
            UserOp::ConfirmSignUp => "confirm sign-up",
            UserOp::SignOut => "sign out everywhere",
            UserOp::AddToGroup => "add to group",
            UserOp::RemoveFromGroup => "remove from group",
            UserOp::Mfa => "MFA: show and reset",
            UserOp::Devices => "devices and sign-in history",
        }
    }
}

/// What the menu needs to know about the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserFacts {
    pub name: String,
    /// `None` when the service did not say.
    pub status: Option<UserStatus>,
    pub enabled: bool,
}

impl UserFacts {
    /// The status as the service sent it; empty when it sent none.
    pub fn status_text(&self) -> &str {
        UserStatus::text_of(self.status.as_ref())
    }
}

/// One line of the action menu; `unavailable` says why it does not apply (shown greyed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserEntry {
    pub op: UserOp,
    pub unavailable: Option<String>,
}

/// Why `op` does not apply to this user, if it does not.
pub fn refusal(op: UserOp, user: &UserFacts) -> Option<String> {
    use UserStatus::{ExternalProvider, ForceChangePassword, Unconfirmed};
    let status = user.status.as_ref();
    let label = op.label(user.enabled);
    let why = match (op, status) {
        (UserOp::ResetPassword | UserOp::SetPassword, Some(ExternalProvider)) => {
            "a federated user: their identity provider manages the password".to_owned()
        }
        (UserOp::ResetPassword, Some(ForceChangePassword)) => {
            "refused for FORCE_CHANGE_PASSWORD users — resend the invitation or set a password"
                .to_owned()
        }
        (UserOp::ResetPassword, Some(Unconfirmed)) => {
            "refused for UNCONFIRMED users — confirm the sign-up first".to_owned()
        }
        (UserOp::ResetPassword, _) | (UserOp::ResendInvitation, Some(ForceChangePassword))
            if !user.enabled =>
        {
            "refused for a disabled user — enable them first".to_owned()
        }
        (UserOp::ResendInvitation, Some(ForceChangePassword))
        | (UserOp::ConfirmSignUp, Some(Unconfirmed)) => return None,
        (UserOp::ResendInvitation, _) => format!(
            "only for FORCE_CHANGE_PASSWORD users (invited by an administrator); this one is {}",
            shown(status)
        ),
        (UserOp::ConfirmSignUp, _) => format!(
            "only for UNCONFIRMED users (who signed up themselves); this one is {}",
            shown(status)
        ),
        _ => return None,
    };
    Some(format!("{label}: {why}"))
}

fn shown(status: Option<&UserStatus>) -> &str {
    status.map_or("of unknown status", UserStatus::as_str)
}

/// The actions in the order that fits the user's status: what fixes their sign-in first.
pub fn menu(user: &UserFacts, read_only: bool) -> Vec<UserEntry> {
    use UserOp::{
        AddToGroup, ConfirmSignUp, Delete, Devices, EditAttributes, Mfa, RemoveFromGroup,
        ResendInvitation, ResetPassword, SetPassword, SignOut, ToggleEnabled,
    };
    let mut first: Vec<UserOp> = Vec::new();
    if !user.enabled {
        first.push(ToggleEnabled);
    }
    first.extend(match user.status {
        Some(UserStatus::ForceChangePassword) => vec![ResendInvitation, SetPassword],
        Some(UserStatus::Unconfirmed) => vec![ConfirmSignUp],
        Some(UserStatus::ResetRequired) => vec![SetPassword, ResetPassword],
        _ => vec![ResetPassword, SetPassword],
    });
    let rest = [
        SignOut,
        ToggleEnabled,
        EditAttributes,
        AddToGroup,
        RemoveFromGroup,
        Mfa,
        Devices,
        ResetPassword,
        SetPassword,
        ResendInvitation,
        ConfirmSignUp,
        Delete,
    ];
    let mut order = first;
    for op in rest {
        if !order.contains(&op) {
            order.push(op);
        }
    }
    // Applicable ones first (in that order), then the greyed ones with their reasons.
    let (mut usable, greyed): (Vec<_>, Vec<_>) = order
        .into_iter()
        .filter(|op| !(read_only && op.mutates()))
        .map(|op| UserEntry {
            op,
            unavailable: refusal(op, user),
        })
        .partition(|e| e.unavailable.is_none());
    usable.extend(greyed);
    usable
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(status: &str, enabled: bool) -> UserFacts {
        UserFacts {
            name: "ann".into(),
            status: Some(status.into()),
            enabled,
        }
    }

    fn ops(entries: &[UserEntry]) -> Vec<UserOp> {
        entries.iter().map(|e| e.op).collect()
    }

    #[test]
    fn the_fitting_action_comes_first() {
        let m = menu(&facts("FORCE_CHANGE_PASSWORD", true), false);
        assert_eq!(
            ops(&m)[..2],
            [UserOp::ResendInvitation, UserOp::SetPassword]
        );
        let reset = m.iter().find(|e| e.op == UserOp::ResetPassword).unwrap();
        assert_eq!(
            reset.unavailable.as_deref(),
            Some(
                "reset password: refused for FORCE_CHANGE_PASSWORD users — resend the invitation or set a password"
            )
        );
        assert_eq!(
            ops(&menu(&facts("UNCONFIRMED", true), false))[0],
            UserOp::ConfirmSignUp
        );
        assert_eq!(
            ops(&menu(&facts("RESET_REQUIRED", true), false))[..2],
            [UserOp::SetPassword, UserOp::ResetPassword]
        );
        assert_eq!(
            ops(&menu(&facts("CONFIRMED", false), false))[0],
            UserOp::ToggleEnabled
        );
        assert_eq!(
            ops(&menu(&facts("CONFIRMED", true), false))[0],
            UserOp::ResetPassword
        );
    }

    #[test]
    fn a_status_this_build_does_not_know_still_shows_and_gets_the_usual_order() {
        let user = facts("PASSKEY_ONLY", true);
        assert_eq!(user.status_text(), "PASSKEY_ONLY");
        let m = menu(&user, false);
        assert_eq!(ops(&m)[..2], [UserOp::ResetPassword, UserOp::SetPassword]);
        assert_eq!(
            refusal(UserOp::ConfirmSignUp, &user).as_deref(),
            Some(
                "confirm sign-up: only for UNCONFIRMED users (who signed up themselves); this one is PASSKEY_ONLY"
            )
        );
    }

    #[test]
    fn greyed_entries_go_last_and_read_only_keeps_only_reads() {
        let m = menu(&facts("CONFIRMED", true), false);
        let last_two: Vec<_> = m[m.len() - 2..].iter().map(|e| e.op).collect();
        assert_eq!(last_two, [UserOp::ResendInvitation, UserOp::ConfirmSignUp]);
        assert!(m[..m.len() - 2].iter().all(|e| e.unavailable.is_none()));
        assert_eq!(
            ops(&menu(&facts("CONFIRMED", true), true)),
            [UserOp::Devices]
        );
    }
}
