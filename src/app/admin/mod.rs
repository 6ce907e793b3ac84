//! Pool administration in the console: any pool resource (the pool, its MFA settings, an app
//! client, an identity provider, a group, a resource server, the domain) edited in a form of its
//! usual settings (`e`, `M`) or whole as its Update*-shaped JSON in the person's own editor
//! (`E`), the difference reviewed before anything is sent; created in a form or from its
//! Create* input in the editor (`n`, `A` for custom attributes, `n` among a group's members);
//! deleted with its name typed (`D`). Every update is read-modify-write (`cognito::edit`): what the person
//! did not touch is sent back as it was, never reset to Cognito's default.

pub mod editor;
pub mod form;
mod keys;
pub mod specs;
mod start;
pub mod update;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_copy;
#[cfg(test)]
mod tests_forms;

use serde_json::Value;

use crate::app::form::{Form, Submit};
use crate::app::input::text::TextField;
use crate::app::remote::RequestId;
use crate::cognito::PoolId;
use crate::cognito::aws_cli;
use crate::cognito::edit::{Plan, Target};
use crate::cognito::secrets::Redacted;
use crate::cognito::secrets::redact;

/// A change to the selected pool resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdminOp {
    /// Edit it as JSON in `$VISUAL` / `$EDITOR`.
    EditJson,
    /// Delete it (its name typed to confirm).
    Delete,
    /// Create a resource of the pane's kind (its Create* input in the editor).
    Create,
    /// Edit the pool's MFA settings (SetUserPoolMfaConfig) in a form.
    EditMfa,
    /// Add custom attributes to the pool (AddCustomAttributes, in the editor).
    AddAttributes,
    /// Add a user, by username, to the group whose members the users table lists.
    AddMember,
    /// Edit it in a form (its most used settings); resources without one open the editor.
    EditForm,
}

/// What the flow changes: a resource that exists, or one to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    Existing(Target),
    New(NewResource),
}

/// A resource to create: the pool it goes in (`None`: a pool itself), the operation that
/// creates it and what one is called.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewResource {
    pub pool: Option<PoolId>,
    pub operation: &'static str,
    /// `app client`.
    pub one: &'static str,
    /// Members the input starts with besides the pool (the group a member is added to).
    pub given: Vec<(&'static str, String)>,
}

impl Subject {
    /// How a person names it: `app client 1a2b`, `a new group`.
    pub fn label(&self) -> String {
        match self {
            Self::Existing(target) => target.label(),
            Self::New(new) => format!("a new {}", new.one),
        }
    }

    /// The operation whose input the editor holds.
    pub fn operation(&self) -> &'static str {
        match self {
            Self::Existing(target) => target.update_operation(),
            Self::New(new) => new.operation,
        }
    }
}

/// One change to one pool resource, from the first read to the answer.
#[derive(Debug, Clone, PartialEq)]
pub struct AdminFlow {
    pub subject: Subject,
    pub stage: Stage,
    /// Edit in the resource's form once it is read (else in the editor).
    pub with_form: bool,
}

/// Where the change stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Stage {
    /// Reading the resource's configuration for the editor.
    Reading(RequestId),
    /// The editor has the text (the console is suspended until it closes); `original` is the
    /// configuration as read, in the Update* shape.
    Editing {
        request: RequestId,
        original: Redacted,
    },
    /// The form of the resource's most used settings (`specs`), filled from what was read.
    Form {
        form: Box<Form<usize>>,
        original: Redacted,
    },
    /// A fresh read and the difference are being made from the edit.
    Planning { request: RequestId, origin: Origin },
    /// The difference, waiting for Enter; `origin` is the edit, kept to go back to (`e`).
    Review {
        plan: Box<Plan>,
        origin: Origin,
        submit: Submit,
    },
    /// A new resource's input, waiting for Enter; `origin` is the edit, kept to go back to (`e`).
    Create {
        input: Value,
        origin: Origin,
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

/// Where a change was written, to go back to it as it was left.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    /// In the editor: its text, and the input it started from.
    Editor { text: String, original: Redacted },
    /// In a form, and the input it was filled from.
    Form {
        form: Box<Form<usize>>,
        original: Redacted,
    },
}

impl AdminFlow {
    /// The AWS CLI command that makes the change as written (a secret in it masked); `None`
    /// before there is one (reading, in the form or the editor, planning).
    pub fn aws_command(&self) -> Option<String> {
        let (operation, mut input) = match (&self.stage, &self.subject) {
            (Stage::Review { plan, .. }, _) => (plan.target.update_operation(), plan.after.clone()),
            (Stage::Create { input, .. }, subject) => (subject.operation(), input.clone()),
            (Stage::Delete { .. }, Subject::Existing(target)) => target.delete_request()?,
            _ => return None,
        };
        redact(&mut input);
        Some(aws_cli::command(operation, &input))
    }

    /// The flow fills a form (else the editor).
    pub fn is_form(&self) -> bool {
        matches!(self.stage, Stage::Form { .. })
    }

    /// Waits for the worker or the editor.
    pub fn is_busy(&self) -> bool {
        match &self.stage {
            Stage::Reading(_) | Stage::Editing { .. } | Stage::Planning { .. } => true,
            Stage::Form { form, .. } => form.submit.is_submitting(),
            Stage::Review { submit, .. }
            | Stage::Create { submit, .. }
            | Stage::Delete { submit, .. } => submit.is_submitting(),
        }
    }

    /// The request this flow waits for, if any.
    pub fn awaits(&self, id: RequestId) -> bool {
        match &self.stage {
            Stage::Reading(r) => *r == id,
            Stage::Editing { request, .. } | Stage::Planning { request, .. } => *request == id,
            Stage::Form { form, .. } => form.submit.awaits(id),
            Stage::Review { submit, .. }
            | Stage::Create { submit, .. }
            | Stage::Delete { submit, .. } => submit.awaits(id),
        }
    }
}
