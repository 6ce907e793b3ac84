//! A field, an operator and a value made into a `Test`, or the reason they do not go together.

use super::ast::{Comparison, DateField, Ordering, Test, TextTest};
use super::date::parse_date;
use super::error::QueryError;
use super::lexer::{Op, Token, TokenKind};
use crate::cognito::user_status::UserStatus;
use crate::index::record::MfaMethod;

/// What a query can ask about a user. Anything not named here is a user attribute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    Username,
    Status,
    Enabled,
    Date(DateField),
    Group,
    Mfa,
    Attribute(String),
}

impl Field {
    /// The field `word` names: the tool's own in any case, an attribute exactly as written.
    pub fn named(word: &str) -> Self {
        match word.to_ascii_lowercase().as_str() {
            "username" => Self::Username,
            "status" | "cognito:user_status" => Self::Status,
            "enabled" => Self::Enabled,
            "created" => Self::Date(DateField::Created),
            "modified" => Self::Date(DateField::Modified),
            "group" => Self::Group,
            "mfa" => Self::Mfa,
            _ => Self::Attribute(word.to_owned()),
        }
    }

    fn name(&self) -> &str {
        match self {
            Self::Username => "username",
            Self::Status => "status",
            Self::Enabled => "enabled",
            Self::Date(DateField::Created) => "created",
            Self::Date(DateField::Modified) => "modified",
            Self::Group => "group",
            Self::Mfa => "mfa",
            Self::Attribute(name) => name,
        }
    }

    /// The field alone (`enabled`, `email_verified`): true.
    pub fn bare(self, column: usize) -> Result<Test, QueryError> {
        match self {
            Self::Enabled => Ok(Test::Enabled(true)),
            Self::Attribute(name) => Ok(Test::Attribute {
                name,
                test: TextTest::Equals("true".to_owned()),
            }),
            other => Err(QueryError::at(
                column,
                format!(
                    "expected an operator after \"{}\" (only enabled and attributes stand alone)",
                    other.name()
                ),
            )),
        }
    }

    /// `self op value`, the operator at `op_column`.
    pub fn test(self, op: Op, op_column: usize, value: &Token) -> Result<Test, QueryError> {
        let wrong_op = |takes: &str| {
            let message = if op.is_ordering() {
                format!(
                    "\"{op}\" compares dates and numbers; {} is neither",
                    self.name()
                )
            } else {
                format!("{} takes {takes}, not \"{op}\"", self.name())
            };
            Err(QueryError::at(op_column, message))
        };
        let equal = match op {
            Op::Eq => true,
            Op::Ne => false,
            _ if matches!(self, Self::Username | Self::Attribute(_) | Self::Date(_)) => true,
            _ => return wrong_op("= or !="),
        };
        match self {
            Self::Username => Ok(Test::Username(text_test(&self, op, op_column, value)?)),
            Self::Attribute(ref name) => Ok(Test::Attribute {
                name: name.clone(),
                test: text_test(&self, op, op_column, value)?,
            }),
            Self::Status => {
                let status = status(value)?;
                Ok(Test::Status { equal, status })
            }
            Self::Enabled => Ok(Test::Enabled(boolean(value)? == equal)),
            Self::Group => Ok(Test::Group {
                equal,
                group: plain(value)?.to_owned(),
            }),
            Self::Mfa => Ok(Test::Mfa {
                equal,
                method: mfa(value)?,
            }),
            Self::Date(field) => {
                let op = match op {
                    Op::Eq => Comparison::Eq,
                    Op::Ne => Comparison::Ne,
                    Op::Lt => Comparison::Lt,
                    Op::Le => Comparison::Le,
                    Op::Gt => Comparison::Gt,
                    Op::Ge => Comparison::Ge,
                    _ => return wrong_op("=, !=, <, <=, > or >="),
                };
                let text = plain(value)?;
                let value = parse_date(text).ok_or_else(|| {
                    QueryError::at(
                        value.column,
                        format!(
                            "bad date \"{text}\": use -30d, -4h, -15m, -2w, 2026-01-01 or \
                             2026-01-01T10:00:00Z"
                        ),
                    )
                })?;
                Ok(Test::Date { field, op, value })
            }
        }
    }
}

fn text_test(
    field: &Field,
    op: Op,
    op_column: usize,
    value: &Token,
) -> Result<TextTest, QueryError> {
    let owned = |value| plain(value).map(str::to_owned);
    match op {
        Op::Eq => owned(value).map(TextTest::Equals),
        Op::Ne => owned(value).map(TextTest::NotEquals),
        Op::StartsWith => owned(value).map(TextTest::StartsWith),
        Op::Contains => owned(value).map(TextTest::Contains),
        Op::Matches => regex_test(value),
        Op::Lt | Op::Le | Op::Gt | Op::Ge => number_test(field, op, op_column, value),
    }
}

fn regex_test(value: &Token) -> Result<TextTest, QueryError> {
    let TokenKind::Regex(pattern) = &value.kind else {
        return Err(QueryError::at(
            value.column,
            "expected a regex after \"=~\", like /^ann/",
        ));
    };
    match regex::Regex::new(pattern) {
        Ok(_) => Ok(TextTest::Matches(pattern.clone())),
        Err(e) => Err(QueryError::at(
            value.column,
            format!("invalid regex: {}", regex_reason(&e)),
        )),
    }
}

fn number_test(
    field: &Field,
    op: Op,
    op_column: usize,
    value: &Token,
) -> Result<TextTest, QueryError> {
    if *field == Field::Username {
        return Err(QueryError::at(
            op_column,
            format!("\"{op}\" compares dates and numbers; username is neither"),
        ));
    }
    let text = plain(value)?;
    let number = text.parse::<f64>().ok().filter(|n| n.is_finite());
    let number = number.ok_or_else(|| {
        QueryError::at(
            value.column,
            format!("\"{op}\" on an attribute compares numbers; \"{text}\" is not one"),
        )
    })?;
    let ordering = match op {
        Op::Lt => Ordering::Lt,
        Op::Le => Ordering::Le,
        Op::Gt => Ordering::Gt,
        _ => Ordering::Ge,
    };
    Ok(TextTest::Number(ordering, number))
}

/// The regex crate's own message, without the copy of the pattern it draws above it.
fn regex_reason(error: &regex::Error) -> String {
    let text = error.to_string();
    text.lines()
        .rev()
        .find_map(|l| l.trim().strip_prefix("error: "))
        .unwrap_or(text.lines().last().unwrap_or_default())
        .to_owned()
}

/// A word or a quoted text; a regex is only for `=~`.
fn plain(value: &Token) -> Result<&str, QueryError> {
    match &value.kind {
        TokenKind::Word(text) | TokenKind::Str(text) => Ok(text),
        TokenKind::Regex(_) => Err(QueryError::at(
            value.column,
            "a regex /…/ goes with =~ only",
        )),
        _ => Err(QueryError::at(
            value.column,
            format!("expected a value, found {}", value.describe()),
        )),
    }
}

fn status(value: &Token) -> Result<UserStatus, QueryError> {
    let text = plain(value)?;
    UserStatus::KNOWN
        .into_iter()
        .find(|s| s.as_str().eq_ignore_ascii_case(text))
        .ok_or_else(|| {
            let known: Vec<&str> = UserStatus::KNOWN.iter().map(UserStatus::as_str).collect();
            let hint = if ["enabled", "disabled"].contains(&text.to_ascii_lowercase().as_str()) {
                " (for enabled users: enabled, or not enabled)"
            } else {
                ""
            };
            QueryError::at(
                value.column,
                format!(
                    "unknown status \"{text}\"; one of {}{hint}",
                    known.join(", ")
                ),
            )
        })
}

fn boolean(value: &Token) -> Result<bool, QueryError> {
    let text = plain(value)?;
    match text.to_ascii_lowercase().as_str() {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(QueryError::at(
            value.column,
            format!("expected true or false, found \"{text}\""),
        )),
    }
}

fn mfa(value: &Token) -> Result<Option<MfaMethod>, QueryError> {
    let text = plain(value)?;
    if text.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    MfaMethod::ALL
        .into_iter()
        .find(|m| m.as_str().eq_ignore_ascii_case(text))
        .map(Some)
        .ok_or_else(|| {
            QueryError::at(
                value.column,
                format!("unknown MFA method \"{text}\"; one of none, sms, totp, email"),
            )
        })
}
