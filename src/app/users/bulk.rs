//! Bulk changes to the marked users: the operation, the plan the user confirms by typing the
//! count, and the per-user results as the worker reports them.

use std::fmt::Write as _;

use crate::app::input::text::TextField;
use crate::app::remote::{ErrorInfo, ErrorKind, RequestId};
use crate::cognito::{PoolId, Username, aws_cli};

pub use crate::shared::bulk::BulkAction;

/// The title of the plan: `Disable 3 users`.
pub fn title(action: &BulkAction, count: usize) -> String {
    let users = if count == 1 { "user" } else { "users" };
    match action {
        BulkAction::Disable => format!("Disable {count} {users}"),
        BulkAction::Enable => format!("Enable {count} {users}"),
        BulkAction::SignOut => format!("Sign out {count} {users} everywhere"),
        BulkAction::Delete => format!("Delete {count} {users} (cannot be undone)"),
        BulkAction::AddToGroup(g) => format!("Add {count} {users} to {g}"),
        BulkAction::RemoveFromGroup(g) => format!("Remove {count} {users} from {g}"),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BulkPhase {
    /// The plan is shown; the count must be typed.
    Plan,
    Running(RequestId),
    /// Every user was tried, or Esc stopped the run.
    Finished {
        cancelled: bool,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct BulkRun {
    pub op: BulkAction,
    pub users: Vec<String>,
    /// The count, typed to confirm.
    pub typed: TextField,
    pub phase: BulkPhase,
    /// Why Enter did nothing (the count typed does not match).
    pub error: Option<String>,
    /// One per user tried, in order: `None` is success.
    pub results: Vec<(String, Option<ErrorInfo>)>,
}

impl BulkRun {
    /// The AWS CLI commands that make the same change, one line per user, as a script.
    pub fn aws_commands(&self, pool: &PoolId) -> String {
        let operation = self.op.operation();
        self.users
            .iter()
            .map(|user| aws_cli::command(operation, &self.op.input(pool, &Username::new(user))))
            .collect::<Vec<_>>()
            .join("\n")
    }

    pub fn new(op: BulkAction, users: Vec<String>) -> Self {
        Self {
            op,
            users,
            typed: TextField::default(),
            phase: BulkPhase::Plan,
            error: None,
            results: Vec::new(),
        }
    }

    pub fn succeeded(&self) -> usize {
        self.results.iter().filter(|(_, e)| e.is_none()).count()
    }

    pub fn failed(&self) -> usize {
        self.results.len() - self.succeeded() - self.unknown()
    }

    /// Users whose answer was lost and no read could tell: check them before running again.
    pub fn unknown(&self) -> usize {
        self.results
            .iter()
            .filter(|(_, e)| {
                e.as_ref()
                    .is_some_and(|e| e.kind == ErrorKind::OutcomeUnknown)
            })
            .count()
    }

    pub fn is_running(&self) -> bool {
        matches!(self.phase, BulkPhase::Running(_))
    }

    /// `3 done, 1 failed, 2 left`.
    pub fn progress(&self) -> String {
        let left = self.users.len().saturating_sub(self.results.len());
        let mut text = format!("{} done", self.succeeded());
        if self.failed() > 0 {
            let _ = write!(text, ", {} failed", self.failed());
        }
        if self.unknown() > 0 {
            let _ = write!(text, ", {} outcome unknown", self.unknown());
        }
        match self.phase {
            BulkPhase::Finished { cancelled: true } => {
                let _ = write!(text, ", {left} not tried (stopped)");
            }
            _ if left > 0 => {
                let _ = write!(text, ", {left} left");
            }
            _ => {}
        }
        text
    }
}
