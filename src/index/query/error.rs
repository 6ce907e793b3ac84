//! A query's mistake and where it is: the column a person can find in what they typed.

use std::fmt;

/// A query that could not be read. `column` counts characters from 1; a mistake at the end of
/// the text points one past its last character.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct QueryError {
    pub column: usize,
    pub message: String,
}

impl QueryError {
    pub(crate) fn at(column: usize, message: impl Into<String>) -> Self {
        Self {
            column,
            message: message.into(),
        }
    }
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "column {}: {}", self.column, self.message)
    }
}
