//! The service model's constraints on one value (length, pattern, enum, size, range), checked as
//! AWS checks them and worded as AWS words them; the one source of truth for the local server's
//! validation and the console's own checks (a username in the create form).

use std::fmt;
use std::sync::OnceLock;

use regex::Regex;

use super::shapes::{Model, Shape, model};

/// The shape of a username in every operation that takes one.
pub const USERNAME: &str = "UsernameType";

/// One constraint a value breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Constraint<'a> {
    NotNull,
    Pattern(&'a str),
    MinLength(i64),
    MaxLength(i64),
    Enum(&'a [String]),
    MinValue(i64),
    MaxValue(i64),
    /// Elements of a list of strings or numbers break these.
    Elements(Vec<Constraint<'a>>),
    MapKeys(Vec<Constraint<'a>>),
    MapValues(Vec<Constraint<'a>>),
}

/// AWS's words for each, as in "failed to satisfy constraint: Member must ...".
impl fmt::Display for Constraint<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotNull => f.write_str("Member must not be null"),
            Self::Pattern(p) => write!(f, "Member must satisfy regular expression pattern: {p}"),
            Self::MinLength(n) => write!(f, "Member must have length greater than or equal to {n}"),
            Self::MaxLength(n) => write!(f, "Member must have length less than or equal to {n}"),
            Self::Enum(values) => write!(
                f,
                "Member must satisfy enum value set: [{}]",
                values.join(", ")
            ),
            Self::MinValue(n) => write!(f, "Member must have value greater than or equal to {n}"),
            Self::MaxValue(n) => write!(f, "Member must have value less than or equal to {n}"),
            Self::Elements(inner) => write_nested(f, "Member must satisfy constraint", inner),
            Self::MapKeys(inner) => write_nested(f, "Map keys must satisfy constraint", inner),
            Self::MapValues(inner) => write_nested(f, "Map value must satisfy constraint", inner),
        }
    }
}

fn write_nested(f: &mut fmt::Formatter<'_>, lead: &str, inner: &[Constraint<'_>]) -> fmt::Result {
    write!(f, "{lead}: [")?;
    for (i, c) in inner.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{c}")?;
    }
    f.write_str("]")
}

/// A pattern of the model, compiled on first use. The model's patterns are Java regexes that
/// must match the whole value (Java's `String.matches`).
#[derive(Debug)]
pub struct Pattern {
    source: String,
    compiled: OnceLock<Option<Matcher>>,
}

#[derive(Debug)]
struct Matcher {
    regex: Regex,
    /// Java's `(?<!x)$` ("does not end with x"), which the regex crate has no lookbehind for.
    must_not_end_with: Option<char>,
}

impl Pattern {
    pub(crate) fn new(source: &str) -> Self {
        Self {
            source: source.to_owned(),
            compiled: OnceLock::new(),
        }
    }

    /// The pattern as the model writes it, and as AWS quotes it.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Compiles the pattern afresh; the error says why the regex crate refuses it.
    pub fn compile(&self) -> Result<(), String> {
        Matcher::new(&self.source).map(|_| ())
    }

    /// Whether the whole of `value` matches. A pattern the regex crate cannot compile (a test
    /// proves none is) matches everything, so a server bug never refuses a valid request.
    pub fn matches(&self, value: &str) -> bool {
        let matcher = self.compiled.get_or_init(|| {
            Matcher::new(&self.source)
                .inspect_err(|e| {
                    tracing::error!(pattern = %self.source, error = %e, "model pattern does not compile");
                })
                .ok()
        });
        matcher.as_ref().is_none_or(|m| m.matches(value))
    }
}

impl Matcher {
    fn new(java: &str) -> Result<Self, String> {
        let (rust, must_not_end_with) = to_rust(java);
        let regex = Regex::new(&format!(r"\A(?:{rust})\z")).map_err(|e| e.to_string())?;
        Ok(Self {
            regex,
            must_not_end_with,
        })
    }

    fn matches(&self, value: &str) -> bool {
        self.regex.is_match(value) && self.must_not_end_with.is_none_or(|c| !value.ends_with(c))
    }
}

/// The regex crate's spelling of a Java pattern. Java's `\w`, `\d` and `\s` are ASCII only
/// (the regex crate's are Unicode), so they are spelled out; a trailing `(?<!x)$` becomes a
/// separate "does not end with x" check.
fn to_rust(java: &str) -> (String, Option<char>) {
    let (body, must_not_end_with) = split_trailing_lookbehind(java);
    let mut out = String::with_capacity(body.len() + 16);
    let mut in_class = 0usize;
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let Some(escaped) = chars.next() else {
                    out.push('\\');
                    break;
                };
                let ascii = match escaped {
                    'w' => Some(("0-9A-Za-z_", false)),
                    'W' => Some(("0-9A-Za-z_", true)),
                    'd' => Some(("0-9", false)),
                    'D' => Some(("0-9", true)),
                    's' => Some((r"\t\n\x0B\x0C\r ", false)),
                    'S' => Some((r"\t\n\x0B\x0C\r ", true)),
                    _ => None,
                };
                match ascii {
                    // Inside a class the members join it; a negated one is a nested class.
                    Some((set, false)) if in_class > 0 => out.push_str(set),
                    Some((set, negated)) => {
                        out.push_str(if negated { "[^" } else { "[" });
                        out.push_str(set);
                        out.push(']');
                    }
                    None => {
                        out.push('\\');
                        out.push(escaped);
                    }
                }
            }
            '[' => {
                in_class += 1;
                out.push('[');
            }
            ']' if in_class > 0 => {
                in_class -= 1;
                out.push(']');
            }
            _ => out.push(c),
        }
    }
    (out, must_not_end_with)
}

/// `^x*(?<!\.)$` as `^x*$` and "does not end with `.`".
fn split_trailing_lookbehind(java: &str) -> (String, Option<char>) {
    let unchanged = || (java.to_owned(), None);
    let Some(rest) = java.strip_suffix(")$") else {
        return unchanged();
    };
    let Some(at) = rest.rfind("(?<!") else {
        return unchanged();
    };
    let mut inner = rest[at + 4..].chars();
    let literal = match (inner.next(), inner.next(), inner.next()) {
        (Some('\\'), Some(c), None) if !c.is_alphanumeric() => c,
        (Some(c), None, None) if c.is_alphanumeric() => c,
        _ => return unchanged(),
    };
    (format!("{}$", &java[..at]), Some(literal))
}

/// Java's `String.length()`: UTF-16 code units, so one emoji counts 2.
fn java_length(value: &str) -> i64 {
    i64::try_from(value.encode_utf16().count()).unwrap_or(i64::MAX)
}

impl Shape {
    /// The constraints `value` breaks, in the order AWS lists them: pattern, length, enum.
    pub fn string_violations<'m>(&'m self, model: &'m Model, value: &str) -> Vec<Constraint<'m>> {
        let mut broken = Vec::new();
        if let Some(pattern) = self.pattern(model)
            && !pattern.matches(value)
        {
            broken.push(Constraint::Pattern(pattern.source()));
        }
        let length = || java_length(value);
        broken.extend(self.length_violations(length));
        if !self.allowed.is_empty() && !self.allowed.iter().any(|a| a == value) {
            broken.push(Constraint::Enum(&self.allowed));
        }
        broken
    }

    /// A list's or map's size, or a blob's length, against min and max.
    pub fn length_violations(&self, length: impl Fn() -> i64) -> Vec<Constraint<'_>> {
        let mut broken = Vec::new();
        if self.min.is_none() && self.max.is_none() {
            return broken;
        }
        let n = length();
        if let Some(min) = self.min.filter(|m| n < *m) {
            broken.push(Constraint::MinLength(min));
        }
        if let Some(max) = self.max.filter(|m| n > *m) {
            broken.push(Constraint::MaxLength(max));
        }
        broken
    }

    /// A number against the shape's least and greatest value.
    pub fn value_violations(&self, n: i128) -> Vec<Constraint<'_>> {
        let mut broken = Vec::new();
        if let Some(min) = self.min.filter(|m| n < i128::from(*m)) {
            broken.push(Constraint::MinValue(min));
        }
        if let Some(max) = self.max.filter(|m| n > i128::from(*m)) {
            broken.push(Constraint::MaxValue(max));
        }
        broken
    }
}

/// Adds to `into` what `more` has that it lacks, in order: what the elements of one list (or the
/// keys of one map) break, each constraint named once.
pub fn add_distinct<'a>(into: &mut Vec<Constraint<'a>>, more: Vec<Constraint<'a>>) {
    for c in more {
        if !into.contains(&c) {
            into.push(c);
        }
    }
}

/// The constraints of the model's string shape `shape` that `value` breaks (empty: it passes,
/// or the model has no such shape).
pub fn string_violations(shape: &str, value: &str) -> Vec<Constraint<'static>> {
    model()
        .and_then(|m| m.shape(shape).map(|s| s.string_violations(m, value)))
        .unwrap_or_default()
}

#[cfg(test)]
#[path = "constraints_tests.rs"]
mod tests;
