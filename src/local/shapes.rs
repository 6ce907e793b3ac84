//! Every request checked against its operation's input shape before any operation code sees it,
//! as AWS checks it. The check itself is the client's too (`cognito::check`, used by the
//! console's editor before anything is sent); here its refusal becomes the server's answer.

use super::error::{LocalError, LocalResult};

/// Checks `input` against `operation`'s input shape (see `cognito::check::check`).
pub fn check(operation: &str, input: &serde_json::Value) -> LocalResult<()> {
    crate::cognito::check::check(operation, input).map_err(LocalError::from)
}
