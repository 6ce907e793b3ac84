//! Confirmation dialogs for one user: what will happen, a note where it matters (sign-out leaves
//! issued access tokens valid), the MFA settings before a reset, and the username typed to delete.

use crate::app::effect::UserChange;
use crate::app::form::Submit;
use crate::app::input::text::TextField;
use crate::app::remote::Remote;
use crate::shared::visible::escape;

/// A user's MFA settings as AdminGetUser reports them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MfaInfo {
    pub preferred: String,
    pub methods: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Dialog {
    pub op: UserChange,
    pub user: String,
    pub title: String,
    /// What will happen, one line each.
    pub lines: Vec<String>,
    /// Delete: the username must be typed here.
    pub typed: Option<TextField>,
    /// MFA reset: the current settings, loaded when the dialog opens.
    pub mfa: Option<Remote<MfaInfo>>,
    /// Why Enter did nothing yet.
    pub hint: Option<String>,
    pub submit: Submit,
}

impl Dialog {
    pub fn new(op: UserChange, user: &str) -> Self {
        let (title, lines) = texts(&op, user);
        Self {
            typed: matches!(op, UserChange::Delete).then(TextField::default),
            op,
            user: user.to_owned(),
            title,
            lines,
            mfa: None,
            hint: None,
            submit: Submit::Editing,
        }
    }

    /// True when Enter may send: the username typed for a delete, the MFA settings loaded. The
    /// name is typed as it is shown (`fz-a\nb` for a line feed; the shown form is one-to-one),
    /// so that a name with hidden characters can be confirmed at all.
    pub fn ready(&self) -> Result<(), String> {
        if let Some(typed) = &self.typed
            && typed.value() != escape(&self.user)
        {
            return Err(format!("type {} exactly to delete", self.user));
        }
        if let Some(mfa) = &self.mfa
            && mfa.loaded().is_none()
        {
            return Err("wait for the MFA settings".to_owned());
        }
        Ok(())
    }
}

fn texts(op: &UserChange, user: &str) -> (String, Vec<String>) {
    let lines = |l: &[&str]| l.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    match op {
        UserChange::Disable => (
            format!("Disable {user}"),
            lines(&[
                "They can no longer sign in; their tokens stop being refreshed.",
                "Nothing is deleted: enable them again at any time.",
            ]),
        ),
        UserChange::Enable => (
            format!("Enable {user}"),
            lines(&["They can sign in again."]),
        ),
        UserChange::Delete => (
            format!("Delete {user}"),
            vec![
                format!("{user} and their attributes, groups and devices are deleted."),
                "This cannot be undone.".to_owned(),
            ],
        ),
        UserChange::ResetPassword => (
            format!("Reset the password of {user}"),
            lines(&[
                "Their password stops working; Cognito sends them a code (email or SMS)",
                "to choose a new one at the next sign-in (status RESET_REQUIRED).",
            ]),
        ),
        UserChange::ResendInvitation => (
            format!("Resend the invitation to {user}"),
            lines(&[
                "A new temporary password is sent by the pool's invitation message;",
                "the old one stops working.",
            ]),
        ),
        UserChange::ConfirmSignUp => (
            format!("Confirm the sign-up of {user}"),
            lines(&["Confirms them without the code they were sent; they can sign in."]),
        ),
        UserChange::GlobalSignOut => (
            format!("Sign {user} out everywhere"),
            lines(&[
                "Their refresh tokens are revoked: no device gets new tokens.",
                "Note: access and ID tokens already issued stay valid at your own APIs",
                "until they expire (usually within an hour).",
            ]),
        ),
        UserChange::ResetMfa => (
            format!("Reset the MFA of {user}"),
            lines(&["Turns every MFA method off (SMS, authenticator app, email)."]),
        ),
        UserChange::AddToGroup(g) => (format!("Add {user} to {g}"), Vec::new()),
        UserChange::RemoveFromGroup(g) => (format!("Remove {user} from {g}"), Vec::new()),
        UserChange::MarkVerified(flag) => {
            let what = if flag.starts_with("phone") {
                "phone number"
            } else {
                "email address"
            };
            (
                format!("Mark the {what} of {user} verified"),
                vec![
                    format!("Sets {flag} to true: they can sign in with their {what}."),
                    "Cognito sends no code: do it only once you have checked it is theirs."
                        .to_owned(),
                ],
            )
        }
        // Confirmed in the devices view (`devices::DevicesView::confirmation`), not a dialog.
        UserChange::EventFeedback { .. } | UserChange::DeviceStatus { .. } => {
            (op.done(user), Vec::new())
        }
        UserChange::ForgetDevice(key) => (
            format!("Forget a device of {user}"),
            vec![format!(
                "Device {key} is forgotten: it must pass MFA again."
            )],
        ),
    }
}
