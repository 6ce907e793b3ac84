//! Pool administration in the console: any pool resource (the pool, an app client, an identity
//! provider, a group, a resource server, the domain) edited as its Update*-shaped JSON in the
//! person's own editor (`E`), the difference reviewed before anything is sent, and deleted with
//! its name typed (`D`). Every update is read-modify-write (`cognito::edit`): what the person
//! did not touch is sent back as it was, never reset to Cognito's default.

pub mod editor;
pub mod update;

#[cfg(test)]
mod tests;

use serde_json::Value;

use crate::app::form::Submit;
use crate::app::input::text::TextField;
use crate::app::remote::RequestId;
use crate::cognito::edit::{Plan, Target};

/// A change to the selected pool resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdminOp {
    /// Edit it as JSON in `$VISUAL` / `$EDITOR`.
    EditJson,
    /// Delete it (its name typed to confirm).
    Delete,
}

/// One change to one pool resource, from the first read to the answer.
#[derive(Debug, Clone, PartialEq)]
pub struct AdminFlow {
    pub target: Target,
    pub stage: Stage,
}

/// Where the change stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Stage {
    /// Reading the resource's configuration for the editor.
    Reading(RequestId),
    /// The editor has the text (the console is suspended until it closes); `original` is the
    /// configuration as read, in the Update* shape.
    Editing { request: RequestId, original: Value },
    /// A fresh read and the difference are being made from the edited configuration.
    Planning {
        request: RequestId,
        text: String,
        original: Value,
    },
    /// The difference, waiting for Enter; `text` is the edit, kept to go back to (`e`).
    Review {
        plan: Box<Plan>,
        text: String,
        original: Value,
        submit: Submit,
    },
    /// Delete: the resource's name must be typed.
    Delete {
        name: String,
        typed: TextField,
        hint: Option<String>,
        submit: Submit,
    },
}

impl AdminFlow {
    /// Waits for the worker or the editor.
    pub fn is_busy(&self) -> bool {
        match &self.stage {
            Stage::Reading(_) | Stage::Editing { .. } | Stage::Planning { .. } => true,
            Stage::Review { submit, .. } | Stage::Delete { submit, .. } => submit.is_submitting(),
        }
    }

    /// The request this flow waits for, if any.
    pub fn awaits(&self, id: RequestId) -> bool {
        match &self.stage {
            Stage::Reading(r) => *r == id,
            Stage::Editing { request, .. } | Stage::Planning { request, .. } => *request == id,
            Stage::Review { submit, .. } | Stage::Delete { submit, .. } => submit.awaits(id),
        }
    }
}
