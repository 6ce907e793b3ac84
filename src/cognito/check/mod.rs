//! A request checked against its operation's input shape as AWS checks it: a member of the
//! wrong JSON type is a SerializationException; then every constraint of the model (required
//! members, lengths, patterns, enums, sizes, ranges) is checked and all violations answered as one
//! InvalidParameterException in AWS's words (`violations.rs`). The built-in server answers with
//! it; the console checks what a person wrote in the editor with it before anything is sent.

use std::sync::LazyLock;

use serde_json::{Map, Value};

pub mod violations;

use violations::{Path, Shown, Violations};

use super::constraints::{Constraint, add_distinct};
use super::shapes::{Kind, Model, Shape, model};

/// Why the service refuses a request, as it answers: its error code and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub code: &'static str,
    pub message: String,
}

impl Refusal {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }

    pub fn invalid_parameter(message: impl Into<String>) -> Self {
        Self::new("InvalidParameterException", message)
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

type Checked<T = ()> = Result<T, Refusal>;

/// Shapes whose constraints the operation checks itself, because the published model is
/// narrower than the service: `DomainType` allows a prefix only (no dots, 63 characters), yet
/// Cognito takes a custom domain (`auth.example.com`) in the same member.
const CHECKED_BY_THE_OPERATION: &[&str] = &["DomainType"];

static UNCHECKED: LazyLock<Vec<&'static Shape>> = LazyLock::new(|| {
    CHECKED_BY_THE_OPERATION
        .iter()
        .filter_map(|name| model().and_then(|m| m.shape(name)))
        .collect()
});

/// Checks `input` against `operation`'s input shape. Unknown members pass (AWS ignores them),
/// nulls count as missing; an operation the model lacks passes too (it is refused elsewhere).
pub fn check(operation: &str, input: &Value) -> Checked {
    let Some(model) = model() else {
        return Err(Refusal::new(
            "InternalErrorException",
            "the compiled-in service model is unreadable",
        ));
    };
    let Some(shape) = model.input_of(operation) else {
        return Ok(());
    };
    let mut walk = Walk {
        model,
        found: Violations::default(),
    };
    walk.value(shape, input, &Path::Root, false)?;
    walk.found.into_result()
}

struct Walk {
    model: &'static Model,
    found: Violations,
}

impl Walk {
    fn shape(&self, name: Option<&String>) -> Option<&'static Shape> {
        name.and_then(|n| self.model.shape(n))
    }

    /// `sensitive`: an enclosing shape is, so nothing inside is shown either.
    fn value(
        &mut self,
        shape: &'static Shape,
        value: &Value,
        at: &Path<'_>,
        sensitive: bool,
    ) -> Checked {
        if value.is_null() {
            return Ok(());
        }
        check_type(shape, value, at)?;
        let sensitive = sensitive || shape.is_sensitive();
        match value {
            Value::Object(map) if shape.kind == Kind::Structure => {
                self.structure(shape, map, at, sensitive)
            }
            Value::Object(map) if shape.kind == Kind::Map => {
                self.map(shape, value, map, at, sensitive)
            }
            Value::Array(items) => self.list(shape, value, items, at, sensitive),
            _ => {
                let broken = self.scalar_violations(shape, value);
                if !broken.is_empty() {
                    let shown = Shown::of(value, sensitive);
                    for constraint in &broken {
                        self.found.push(&shown, at, constraint);
                    }
                }
                Ok(())
            }
        }
    }

    fn structure(
        &mut self,
        shape: &'static Shape,
        map: &Map<String, Value>,
        at: &Path<'_>,
        sensitive: bool,
    ) -> Checked {
        for (name, target) in &shape.members {
            let here = Path::Member(at, name);
            match (
                map.get(name).filter(|v| !v.is_null()),
                self.model.shape(target),
            ) {
                (None, _) if shape.is_required(name) => {
                    self.found.push(&Shown::Null, &here, &Constraint::NotNull);
                }
                (Some(v), Some(target)) => self.value(target, v, &here, sensitive)?,
                _ => {}
            }
        }
        Ok(())
    }

    fn list(
        &mut self,
        shape: &'static Shape,
        value: &Value,
        items: &[Value],
        at: &Path<'_>,
        sensitive: bool,
    ) -> Checked {
        let shown = |holds: bool| Shown::of(value, sensitive || holds);
        let size = shape.length_violations(|| i64::try_from(items.len()).unwrap_or(i64::MAX));
        for constraint in &size {
            self.found
                .push(&shown(shape.holds_sensitive()), at, constraint);
        }
        let Some(element) = self.shape(shape.element.as_ref()) else {
            return Ok(());
        };
        if !element.kind.is_scalar() {
            for (i, item) in items.iter().enumerate() {
                self.value(element, item, &Path::Index(at, i), sensitive)?;
            }
            return Ok(());
        }
        // A list of strings or numbers: one violation for the list, naming what its elements
        // break, the list shown whole (AWS's "Member must satisfy constraint: [...]").
        let mut broken: Vec<Constraint<'static>> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            check_type(element, item, &Path::Index(at, i))?;
            add_distinct(&mut broken, self.scalar_violations(element, item));
        }
        if !broken.is_empty() {
            let constraint = Constraint::Elements(broken);
            self.found
                .push(&shown(element.holds_sensitive()), at, &constraint);
        }
        Ok(())
    }

    fn map(
        &mut self,
        shape: &'static Shape,
        value: &Value,
        map: &Map<String, Value>,
        at: &Path<'_>,
        sensitive: bool,
    ) -> Checked {
        let shown = Shown::of(value, sensitive || shape.holds_sensitive());
        let size = shape.length_violations(|| i64::try_from(map.len()).unwrap_or(i64::MAX));
        for constraint in &size {
            self.found.push(&shown, at, constraint);
        }
        if let Some(key) = self.shape(shape.key.as_ref()) {
            let mut broken: Vec<Constraint<'static>> = Vec::new();
            for k in map.keys() {
                add_distinct(
                    &mut broken,
                    self.scalar_violations(key, &Value::String(k.clone())),
                );
            }
            if !broken.is_empty() {
                self.found.push(&shown, at, &Constraint::MapKeys(broken));
            }
        }
        let Some(target) = self.shape(shape.value.as_ref()) else {
            return Ok(());
        };
        let mut broken: Vec<Constraint<'static>> = Vec::new();
        for (k, v) in map {
            let here = Path::Key(at, k);
            if target.kind.is_scalar() {
                check_type(target, v, &here)?;
                add_distinct(&mut broken, self.scalar_violations(target, v));
            } else {
                self.value(target, v, &here, sensitive)?;
            }
        }
        if !broken.is_empty() {
            self.found.push(&shown, at, &Constraint::MapValues(broken));
        }
        Ok(())
    }

    /// What a string, number or blob breaks (its type already checked).
    fn scalar_violations(&self, shape: &'static Shape, value: &Value) -> Vec<Constraint<'static>> {
        if UNCHECKED.iter().any(|s| std::ptr::eq(*s, shape)) {
            return Vec::new();
        }
        match (shape.kind, value) {
            (Kind::String, Value::String(s)) => shape.string_violations(self.model, s),
            (Kind::Blob, Value::String(s)) => shape.length_violations(|| base64_length(s)),
            (Kind::Integer | Kind::Long, Value::Number(n)) => n
                .as_i64()
                .map(i128::from)
                .or_else(|| n.as_u64().map(i128::from))
                .map(|n| shape.value_violations(n))
                .unwrap_or_default(),
            _ => Vec::new(),
        }
    }
}

/// The length of the bytes a base64 text holds (a blob's constraints count bytes).
fn base64_length(text: &str) -> i64 {
    let padding = text.bytes().rev().take_while(|b| *b == b'=').count();
    i64::try_from((text.len() / 4 * 3).saturating_sub(padding)).unwrap_or(i64::MAX)
}

fn check_type(shape: &Shape, value: &Value, at: &Path<'_>) -> Checked {
    let fits = match shape.kind {
        Kind::Structure | Kind::Map => value.is_object(),
        Kind::List => value.is_array(),
        Kind::String | Kind::Blob => value.is_string(),
        Kind::Boolean => value.is_boolean(),
        Kind::Integer | Kind::Long => value.is_i64() || value.is_u64(),
        Kind::Timestamp => value.is_number() || value.is_string(),
        Kind::Document | Kind::Other => true,
    };
    if fits || value.is_null() {
        return Ok(());
    }
    let json = at.json();
    let at = if json.is_empty() {
        "the request"
    } else {
        &json
    };
    Err(Refusal::new(
        "SerializationException",
        format!(
            "Unexpected JSON type for {at}: expected {}",
            shape.kind.name()
        ),
    ))
}

#[cfg(test)]
mod tests;
