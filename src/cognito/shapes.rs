//! The service model's input shapes, compiled in from `assets/shapes.json` (written from
//! `service-2.json` by `scripts/gen-shapes.py`): each shape's JSON type, members, required
//! members, list element, map key and value, and its constraints (`constraints.rs` checks them).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use serde::Deserialize;

use super::constraints::Pattern;

/// The JSON type of a shape, as the model names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Structure,
    List,
    Map,
    String,
    Integer,
    Long,
    Boolean,
    Timestamp,
    Blob,
    /// Any JSON value.
    Document,
    #[serde(other)]
    Other,
}

impl Kind {
    /// The model's word for it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Structure => "structure",
            Self::List => "list",
            Self::Map => "map",
            Self::String => "string",
            Self::Integer => "integer",
            Self::Long => "long",
            Self::Boolean => "boolean",
            Self::Timestamp => "timestamp",
            Self::Blob => "blob",
            Self::Document => "document",
            Self::Other => "other",
        }
    }

    /// A value of this kind holds no members, elements or entries of its own.
    pub fn is_scalar(self) -> bool {
        !matches!(
            self,
            Self::Structure | Self::List | Self::Map | Self::Document
        )
    }
}

#[derive(Debug, Deserialize)]
pub struct Shape {
    #[serde(rename = "t")]
    pub kind: Kind,
    /// A structure's members and their shapes, in the model's order (AWS reports in it).
    #[serde(rename = "m", default)]
    pub members: Vec<(String, String)>,
    #[serde(rename = "r", default)]
    pub required: Vec<String>,
    #[serde(rename = "e")]
    pub element: Option<String>,
    #[serde(rename = "k")]
    pub key: Option<String>,
    #[serde(rename = "v")]
    pub value: Option<String>,
    /// A string's least length, a list's or map's least size, a number's least value.
    #[serde(rename = "n")]
    pub min: Option<i64>,
    #[serde(rename = "x")]
    pub max: Option<i64>,
    #[serde(rename = "p")]
    pattern_source: Option<String>,
    #[serde(rename = "en", default)]
    pub allowed: Vec<String>,
    #[serde(rename = "s", default)]
    sensitive_flag: u8,
    /// Index into `Model::patterns`: shapes with the same pattern share one compiled regex.
    #[serde(skip)]
    pattern_index: Option<usize>,
    /// This shape or anything inside it is sensitive: its value is never echoed.
    #[serde(skip)]
    deep_sensitive: bool,
}

impl Shape {
    pub fn is_sensitive(&self) -> bool {
        self.sensitive_flag != 0
    }

    /// Sensitive itself, or holds a sensitive member, element or entry somewhere inside.
    pub fn holds_sensitive(&self) -> bool {
        self.deep_sensitive
    }

    pub fn is_required(&self, member: &str) -> bool {
        self.required.iter().any(|r| r == member)
    }

    pub fn pattern<'m>(&self, model: &'m Model) -> Option<&'m Pattern> {
        self.pattern_index.and_then(|i| model.patterns.get(i))
    }
}

#[derive(Debug, Deserialize)]
pub struct Model {
    operations: HashMap<String, String>,
    shapes: HashMap<String, Shape>,
    #[serde(skip)]
    patterns: Vec<Pattern>,
}

impl Model {
    fn parse(json: &str) -> Result<Self, serde_json::Error> {
        let mut model: Self = serde_json::from_str(json)?;
        model.index_patterns();
        model.mark_sensitive();
        Ok(model)
    }

    /// The shape named `name`.
    pub fn shape(&self, name: &str) -> Option<&Shape> {
        self.shapes.get(name)
    }

    /// The input shape of `operation` (`AdminCreateUser` → `AdminCreateUserRequest`).
    pub fn input_of(&self, operation: &str) -> Option<&Shape> {
        self.operations
            .get(operation)
            .and_then(|name| self.shapes.get(name))
    }

    /// Every distinct pattern of the model.
    pub fn patterns(&self) -> &[Pattern] {
        &self.patterns
    }

    fn index_patterns(&mut self) {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut names: Vec<&String> = self.shapes.keys().collect();
        names.sort();
        let mut assigned = Vec::new();
        for name in names {
            if let Some(source) = &self.shapes[name].pattern_source {
                let next = index.len();
                let i = *index.entry(source.clone()).or_insert(next);
                if i == next {
                    self.patterns.push(Pattern::new(source));
                }
                assigned.push((name.clone(), i));
            }
        }
        for (name, i) in assigned {
            if let Some(shape) = self.shapes.get_mut(&name) {
                shape.pattern_index = Some(i);
            }
        }
    }

    fn mark_sensitive(&mut self) {
        let names: Vec<String> = self.shapes.keys().cloned().collect();
        let mut memo: HashMap<String, bool> = HashMap::new();
        for name in &names {
            holds_sensitive(&self.shapes, name, &mut memo, &mut HashSet::new());
        }
        for (name, deep) in memo {
            if let Some(shape) = self.shapes.get_mut(&name) {
                shape.deep_sensitive = deep;
            }
        }
    }
}

/// Depth-first over members, elements, keys and values; a shape met again on the way down (a
/// recursive shape) adds nothing new.
fn holds_sensitive<'a>(
    shapes: &'a HashMap<String, Shape>,
    name: &'a str,
    memo: &mut HashMap<String, bool>,
    visiting: &mut HashSet<&'a str>,
) -> bool {
    if let Some(known) = memo.get(name) {
        return *known;
    }
    let Some(shape) = shapes.get(name) else {
        return false;
    };
    if !visiting.insert(name) {
        return false;
    }
    let children = shape
        .members
        .iter()
        .map(|(_, s)| s)
        .chain(&shape.element)
        .chain(&shape.key)
        .chain(&shape.value);
    let mut deep = shape.is_sensitive();
    for child in children {
        deep |= holds_sensitive(shapes, child, memo, visiting);
    }
    visiting.remove(name);
    memo.insert(name.to_owned(), deep);
    deep
}

static MODEL: LazyLock<Option<Model>> =
    LazyLock::new(|| Model::parse(include_str!("../../assets/shapes.json")).ok());

/// The compiled-in model; `None` only if the asset does not parse (a test proves it does).
pub fn model() -> Option<&'static Model> {
    MODEL.as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_model_parses_with_members_in_order_and_constraints() {
        let model = model().expect("shapes.json parses");
        let create = model.input_of("AdminCreateUser").expect("AdminCreateUser");
        let names: Vec<&str> = create.members.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names[..3], ["UserPoolId", "Username", "UserAttributes"]);
        assert!(create.is_required("Username") && !create.is_required("MessageAction"));
        let username = model.shape("UsernameType").expect("UsernameType");
        assert_eq!((username.min, username.max), (Some(1), Some(128)));
        assert!(username.is_sensitive());
        assert!(username.pattern(model).is_some());
        let action = model.shape("MessageActionType").expect("MessageActionType");
        assert_eq!(action.allowed, ["RESEND", "SUPPRESS"]);
    }

    #[test]
    fn sensitivity_reaches_the_shapes_that_hold_a_sensitive_one() {
        let model = model().expect("shapes.json parses");
        let holds = |name: &str| model.shape(name).is_some_and(Shape::holds_sensitive);
        assert!(holds("AttributeType"), "its Value is sensitive");
        assert!(holds("AttributeListType"));
        assert!(holds("AdminCreateUserRequest"));
        assert!(!holds("GroupNameType") && !holds("UserPoolIdType"));
        assert!(
            !model
                .shape("AttributeType")
                .is_some_and(Shape::is_sensitive)
        );
    }

    #[test]
    fn shapes_with_one_pattern_share_it() {
        let model = model().expect("shapes.json parses");
        let sources: HashSet<&str> = model.patterns().iter().map(Pattern::source).collect();
        assert_eq!(sources.len(), model.patterns().len());
        let a = model.shape("UsernameType").and_then(|s| s.pattern_index);
        let b = model.shape("GroupNameType").and_then(|s| s.pattern_index);
        assert!(a.is_some() && a == b, "{a:?} {b:?}");
    }
}
