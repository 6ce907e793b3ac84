//! What a query means, checked: every field, operator and value is one the index can answer.

use time::OffsetDateTime;

use crate::cognito::user_status::UserStatus;
use crate::index::record::MfaMethod;

#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// Every user: the query of an export or a count with no condition.
    All,
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Not(Box<Expr>),
    Test(Test),
}

/// One condition on a user.
#[derive(Debug, Clone, PartialEq)]
pub enum Test {
    Username(TextTest),
    /// A user attribute (`email`, `custom:tenant`); a user without it matches only `!=`.
    Attribute {
        name: String,
        test: TextTest,
    },
    /// `equal` false for `!=`.
    Status {
        equal: bool,
        status: UserStatus,
    },
    Enabled(bool),
    Date {
        field: DateField,
        op: Comparison,
        value: DateValue,
    },
    /// Membership; `equal` false for `!=` (not a member).
    Group {
        equal: bool,
        group: String,
    },
    /// `method` None is `none`: no MFA method at all.
    Mfa {
        equal: bool,
        method: Option<MfaMethod>,
    },
}

/// A comparison of text. Every one but `Contains` and a `(?i)` regex respects case, as a
/// ListUsers Filter does, so a query gives the same users on the server and in the index.
#[derive(Debug, Clone, PartialEq)]
pub enum TextTest {
    Equals(String),
    NotEquals(String),
    StartsWith(String),
    /// Contains, ignoring case (ASCII letters, as SQLite's LIKE).
    Contains(String),
    /// A regex pattern, already checked to compile.
    Matches(String),
    /// Compares the value as a number (`custom:age >= 18`); a value that is not one never matches.
    Number(Ordering, f64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ordering {
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparison {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateField {
    Created,
    Modified,
}

/// A date as typed. A day is the whole UTC day: `created = 2026-01-01` is any time that day,
/// `created > 2026-01-01` from the next day on; an instant or a relative time is one second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateValue {
    /// Seconds before `now` (`-30d`).
    Ago(i64),
    /// Epoch seconds of a UTC midnight (`2026-01-01`).
    Day(i64),
    /// Epoch seconds (`2026-01-01T10:00:00Z`).
    Instant(i64),
}

impl DateValue {
    /// The seconds `[start, end)` it stands for, relative times taken from `now`.
    pub fn range(self, now: OffsetDateTime) -> (i64, i64) {
        match self {
            Self::Ago(seconds) => {
                let at = now.unix_timestamp().saturating_sub(seconds);
                (at, at.saturating_add(1))
            }
            Self::Day(start) => (start, start.saturating_add(86_400)),
            Self::Instant(at) => (at, at.saturating_add(1)),
        }
    }
}
