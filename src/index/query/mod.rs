//! The query language of the console and the CLI: `status = UNCONFIRMED and created < -30d`.
//!
//! Conditions are `FIELD OPERATOR VALUE`, joined with `and`, `or`, `not` (any case; `and` binds
//! tighter than `or`) and parentheses. Fields: `username`, `status`, `enabled`, `created`,
//! `modified`, `group`, `mfa`; any other name is a user attribute (`email`, `custom:tenant`).
//! Operators: `=`, `!=`, `<`, `<=`, `>`, `>=` (dates, and numbers in attributes), `~` (contains,
//! ignoring case), `=~ /regex/`, `^=` (starts with). Values are words, `"quoted text"` or
//! `'quoted text'`. `enabled` or an attribute alone means `= true`.

pub mod ast;
mod date;
mod error;
mod field;
mod lexer;
mod parser;
mod server;

#[cfg(test)]
mod error_tests;
#[cfg(test)]
mod parse_tests;

use std::fmt;
use std::str::FromStr;

pub use ast::{Comparison, DateField, DateValue, Expr, Ordering, Test, TextTest};
pub use error::QueryError;

/// A checked query: the text as typed and what it means.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    text: String,
    expr: Expr,
}

impl Query {
    pub fn parse(text: &str) -> Result<Self, QueryError> {
        Ok(Self {
            text: text.to_owned(),
            expr: parser::parse(text)?,
        })
    }

    /// Every user (an export or a count of the whole pool).
    pub fn all() -> Self {
        Self {
            text: String::new(),
            expr: Expr::All,
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn expr(&self) -> &Expr {
        &self.expr
    }

    /// The ListUsers `Filter` that answers this query alone, so it needs no index: one `=` or
    /// `^=` on a filterable attribute, a status, or `enabled`. None for everything else.
    pub fn server_filter(&self) -> Option<String> {
        server::filter(&self.expr)
    }
}

impl FromStr for Query {
    type Err = QueryError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::parse(text)
    }
}

impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}
