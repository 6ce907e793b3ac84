//! AWS's InvalidParameterException for values that break the model's constraints, built in this
//! one place: "N validation error(s) detected: Value 'x' at 'member.path' failed to satisfy
//! constraint: ...; ...".
//!
//! How values and members are named, as AWS does (see `tests/conformance/validation.rs`):
//! - a member is its name with a lower-case first letter; nested members join with `.`; a list's
//!   Nth element (from 1) is `list.N.member` (`userAttributes.2.member.value`); a map's value
//!   under key K is `map.K`;
//! - a value of a sensitive shape (a username, a password, an attribute value), or anything
//!   holding one, is never shown: `Value at 'password' failed ...`; nor is a value whose text
//!   would exceed `SHOWN_MAX` characters; a missing one is `Value null at ...`;
//! - lists are shown as Java prints them (`[a, b]`), maps as `{k=v, k2=v2}`;
//! - the count covers every violation; the first `LISTED_MAX` are spelled out.

use std::fmt::{Display, Write as _};

use serde_json::Value;

use super::Refusal;

/// Longer values are left out of the message (AWS never echoes a megabyte back).
const SHOWN_MAX: usize = 256;
/// Violations spelled out in one message; the count still says how many there are.
const LISTED_MAX: usize = 10;

/// How a violating value appears in the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    /// The member is missing: `Value null at`.
    Null,
    /// Sensitive or too long: `Value at`.
    Hidden,
    /// `Value 'text' at`.
    Text(String),
}

impl Shown {
    /// `value` as AWS shows it, unless `sensitive` or too long.
    pub fn of(value: &Value, sensitive: bool) -> Self {
        if sensitive {
            return Self::Hidden;
        }
        let mut text = String::new();
        if java_text(value, &mut text) {
            Self::Text(text)
        } else {
            Self::Hidden
        }
    }

    /// A string as it is, unless too long.
    pub fn text(value: &str) -> Self {
        Self::of(&Value::String(value.to_owned()), false)
    }
}

/// Appends `value` as Java's `toString` prints it; false once the text passes `SHOWN_MAX`.
fn java_text(value: &Value, out: &mut String) -> bool {
    let fits = match value {
        Value::String(s) => {
            // Counting stops early, so a megabyte is not walked to the end.
            if s.chars().take(SHOWN_MAX + 1).count() > SHOWN_MAX {
                return false;
            }
            out.push_str(s);
            true
        }
        Value::Array(items) => {
            out.push('[');
            let fits = items.iter().enumerate().all(|(i, item)| {
                if i > 0 {
                    out.push_str(", ");
                }
                java_text(item, out)
            });
            out.push(']');
            fits
        }
        Value::Object(map) => {
            out.push('{');
            let fits = map.iter().enumerate().all(|(i, (k, v))| {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(k);
                out.push('=');
                java_text(v, out)
            });
            out.push('}');
            fits
        }
        other => {
            let _ = write!(out, "{other}");
            true
        }
    };
    fits && out.chars().count() <= SHOWN_MAX
}

/// Where a value sits in the request; spelled out only when a message needs it.
#[derive(Debug, Clone, Copy)]
pub enum Path<'a> {
    Root,
    Member(&'a Path<'a>, &'a str),
    /// A list element, from 0.
    Index(&'a Path<'a>, usize),
    /// A map's value.
    Key(&'a Path<'a>, &'a str),
}

impl Path<'_> {
    /// AWS's validation name: `userAttributes.2.member.value`.
    pub fn aws(&self) -> String {
        let mut out = String::new();
        self.write_aws(&mut out);
        out
    }

    fn write_aws(&self, out: &mut String) {
        match self {
            Self::Root => {}
            Self::Member(parent, name) => {
                parent.write_aws(out);
                if !out.is_empty() {
                    out.push('.');
                }
                push_lower_first(out, name);
            }
            Self::Index(parent, i) => {
                parent.write_aws(out);
                let _ = write!(out, ".{}.member", i + 1);
            }
            Self::Key(parent, key) => {
                parent.write_aws(out);
                let _ = write!(out, ".{key}");
            }
        }
    }

    /// The member as sent, for messages about the JSON itself: `UserAttributes[1].Value`.
    pub fn json(&self) -> String {
        match self {
            Self::Root => String::new(),
            Self::Member(parent, name) | Self::Key(parent, name) => match parent.json() {
                p if p.is_empty() => (*name).to_owned(),
                p => format!("{p}.{name}"),
            },
            Self::Index(parent, i) => format!("{}[{i}]", parent.json()),
        }
    }
}

fn push_lower_first(out: &mut String, name: &str) {
    let mut chars = name.chars();
    if let Some(first) = chars.next() {
        out.extend(first.to_lowercase());
        out.push_str(chars.as_str());
    }
}

/// `Member` as AWS names it in messages: `UserPoolId` → `userPoolId`.
pub fn member(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    push_lower_first(&mut out, name);
    out
}

/// The violations found in one request, in the order found.
#[derive(Debug, Default)]
pub struct Violations {
    count: usize,
    listed: String,
}

impl Violations {
    pub fn push(&mut self, shown: &Shown, at: &Path<'_>, constraint: &dyn Display) {
        self.push_at(shown, &at.aws(), constraint);
    }

    pub fn push_at(&mut self, shown: &Shown, at: &str, constraint: &dyn Display) {
        self.count += 1;
        if self.count > LISTED_MAX {
            return;
        }
        if self.count > 1 {
            self.listed.push_str("; ");
        }
        let _ = match shown {
            Shown::Null => write!(self.listed, "Value null at '{at}'"),
            Shown::Hidden => write!(self.listed, "Value at '{at}'"),
            Shown::Text(text) => write!(self.listed, "Value '{text}' at '{at}'"),
        };
        let _ = write!(self.listed, " failed to satisfy constraint: {constraint}");
    }

    pub fn into_result(self) -> Result<(), Refusal> {
        if self.count == 0 {
            return Ok(());
        }
        let plural = if self.count == 1 { "" } else { "s" };
        Err(Refusal::invalid_parameter(format!(
            "{} validation error{plural} detected: {}",
            self.count, self.listed
        )))
    }
}

/// One violation as its own error, for checks an operation makes itself.
pub fn invalid(shown: &Shown, at: &str, constraint: &dyn Display) -> Refusal {
    let mut found = Violations::default();
    found.push_at(shown, at, constraint);
    found
        .into_result()
        .err()
        .unwrap_or_else(|| Refusal::invalid_parameter(constraint.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cognito::constraints::Constraint;
    use serde_json::json;

    #[test]
    fn paths_are_named_as_aws_names_them() {
        let root = Path::Root;
        let list = Path::Member(&root, "UserAttributes");
        let item = Path::Index(&list, 1);
        let value = Path::Member(&item, "Value");
        assert_eq!(value.aws(), "userAttributes.2.member.value");
        assert_eq!(value.json(), "UserAttributes[1].Value");
        let tags = Path::Member(&root, "Tags");
        let env = Path::Key(&tags, "env");
        assert_eq!(
            (env.aws().as_str(), env.json().as_str()),
            ("tags.env", "Tags.env")
        );
        assert_eq!(member("MFAOptions"), "mFAOptions");
    }

    #[test]
    fn values_are_shown_as_java_prints_them_unless_sensitive_or_long() {
        assert_eq!(Shown::of(&json!("a b"), false), Shown::Text("a b".into()));
        assert_eq!(Shown::of(&json!("a b"), true), Shown::Hidden);
        assert_eq!(Shown::of(&json!(61), false), Shown::Text("61".into()));
        assert_eq!(
            Shown::of(&json!(["a", "b"]), false),
            Shown::Text("[a, b]".into())
        );
        assert_eq!(
            Shown::of(&json!({"k": "v", "l": "w"}), false),
            Shown::Text("{k=v, l=w}".into())
        );
        assert_eq!(Shown::text(&"x".repeat(256)), Shown::Text("x".repeat(256)));
        assert_eq!(Shown::text(&"x".repeat(257)), Shown::Hidden);
        assert_eq!(Shown::of(&json!(vec!["x"; 100]), false), Shown::Hidden);
    }

    #[test]
    fn one_message_counts_every_violation_and_lists_ten() {
        let mut found = Violations::default();
        assert!(Violations::default().into_result().is_ok());
        found.push_at(&Shown::Null, "username", &Constraint::NotNull);
        let one = invalid(&Shown::Null, "username", &Constraint::NotNull);
        assert_eq!(one.code, "InvalidParameterException");
        assert_eq!(
            one.message,
            "1 validation error detected: Value null at 'username' failed to satisfy \
             constraint: Member must not be null"
        );
        for i in 0..11 {
            found.push_at(
                &Shown::Text(i.to_string()),
                "limit",
                &Constraint::MaxValue(60),
            );
        }
        let message = found.into_result().unwrap_err().message;
        assert!(message.starts_with("12 validation errors detected: Value null at 'username'"));
        assert_eq!(message.matches("failed to satisfy").count(), 10);
        assert!(!message.contains("Value '9'"), "{message}");
    }
}
