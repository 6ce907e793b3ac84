//! The errors the local server answers with, named like AWS names them.

use serde_json::Value;

/// An AWS error code and its message; the wire layer turns it into a 400 with `__type`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalError {
    pub code: &'static str,
    pub message: String,
    pub status: u16,
}

impl From<crate::cognito::check::Refusal> for LocalError {
    fn from(refusal: crate::cognito::check::Refusal) -> Self {
        Self::new(refusal.code, refusal.message)
    }
}

impl LocalError {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            status: 400,
        }
    }

    pub fn invalid_parameter(message: impl Into<String>) -> Self {
        Self::new("InvalidParameterException", message)
    }

    pub fn pool_not_found(pool: &str) -> Self {
        Self::new(
            "ResourceNotFoundException",
            format!("User pool {pool} does not exist."),
        )
    }

    pub fn user_not_found() -> Self {
        Self::new("UserNotFoundException", "User does not exist.")
    }

    /// A fault of the server itself (the database): AWS's 500 code.
    pub fn internal(message: impl std::fmt::Display) -> Self {
        Self {
            code: "InternalErrorException",
            message: message.to_string(),
            status: 500,
        }
    }
}

impl From<rusqlite::Error> for LocalError {
    fn from(e: rusqlite::Error) -> Self {
        Self::internal(format!("state database: {e}"))
    }
}

pub type LocalResult<T = Value> = Result<T, LocalError>;
