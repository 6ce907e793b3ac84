//! AWS's InvalidParameterException for values that break the model's constraints: the wording
//! lives with the check in `cognito::check::violations`; here a violation an operation finds
//! itself becomes the server's error.

use std::fmt::Display;

use super::error::LocalError;

pub use crate::cognito::check::violations::{Shown, Violations, member};

/// One violation as its own error, for checks an operation makes itself.
pub fn invalid(shown: &Shown, at: &str, constraint: &dyn Display) -> LocalError {
    crate::cognito::check::violations::invalid(shown, at, constraint).into()
}
