//! A secret shown once, on request: a password the console chose (after it was set), or an app
//! client's secret (read fresh when `S` asks for it). One overlay for both: masked until `r`,
//! copied only on `c` (through the terminal), and gone when it closes. It is held as a `Secret`,
//! whose Debug print is redacted, so neither the log nor a Debug print of the state holds it.

pub(crate) mod update;

#[cfg(test)]
mod tests;

use crate::app::remote::Remote;
use crate::cognito::types::Secret;

/// Whose secret is shown, for the title and the words around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecretOf {
    /// A password the console chose and set for `user`: permanent, or temporary (to be changed
    /// at the next sign-in).
    Password { user: String, permanent: bool },
    /// An app client's secret, read when asked: the client's name (its id when it has none) and
    /// its id.
    Client { name: String, id: String },
}

/// The overlay's value: whose secret, the secret itself once it is there, and what was done.
#[derive(Debug, Clone, PartialEq)]
pub struct SecretShown {
    pub of: SecretOf,
    /// A password is there at once; a client's secret when its read answers (`None`: the client
    /// has no secret).
    pub secret: Remote<Option<Secret>>,
    pub revealed: bool,
    /// A copy was sent to the terminal's clipboard.
    pub copied: bool,
}

impl SecretShown {
    /// A password the console chose, shown once after it was set.
    pub fn password(user: String, password: Secret, permanent: bool) -> Self {
        Self {
            of: SecretOf::Password { user, permanent },
            secret: Remote::Loaded(Some(password)),
            revealed: false,
            copied: false,
        }
    }

    /// The secret, once it is there.
    pub fn value(&self) -> Option<&Secret> {
        self.secret.loaded().and_then(Option::as_ref)
    }

    pub fn title(&self) -> String {
        match &self.of {
            SecretOf::Password { user, .. } => format!("Password of {user}"),
            SecretOf::Client { name, .. } => format!("Secret of app client {name}"),
        }
    }
}
