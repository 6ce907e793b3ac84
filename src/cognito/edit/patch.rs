//! The user's change to a resource, as data: set, remove, add to a list, take from a list, each
//! at a dotted path of the Update* input (`Policies.PasswordPolicy.MinimumLength`). A form, a CLI
//! flag and a test all say what they change this way, and only what they name is touched.

use serde_json::{Map, Value};

/// One change at one path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// The member takes this value; missing objects on the way are created.
    Set(String, Value),
    /// The member goes (it takes Cognito's default when the update is sent).
    Remove(String),
    /// The value joins the list at the path unless it is already there.
    Add(String, Value),
    /// Every element equal to the value leaves the list at the path.
    Pull(String, Value),
}

/// The user's changes, applied in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Patch(pub Vec<Edit>);

impl Patch {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `edit`, for chaining.
    #[must_use]
    pub fn with(mut self, edit: Edit) -> Self {
        self.0.push(edit);
        self
    }

    pub fn push(&mut self, edit: Edit) {
        self.0.push(edit);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The patch with every value that sets a secret masked (for Debug prints and logs).
    #[must_use]
    pub fn redacted(&self) -> Patch {
        let mask = |path: &str, value: &Value| {
            let last = path.rsplit('.').next().unwrap_or(path);
            if last == "ClientSecret" || crate::cognito::secrets::is_secret_detail(last) {
                Value::String(crate::cognito::secrets::MASK.to_owned())
            } else {
                let mut shown = value.clone();
                crate::cognito::secrets::redact(&mut shown);
                shown
            }
        };
        Patch(
            self.0
                .iter()
                .map(|edit| match edit {
                    Edit::Set(p, v) => Edit::Set(p.clone(), mask(p, v)),
                    Edit::Add(p, v) => Edit::Add(p.clone(), mask(p, v)),
                    Edit::Pull(p, v) => Edit::Pull(p.clone(), mask(p, v)),
                    Edit::Remove(p) => Edit::Remove(p.clone()),
                })
                .collect(),
        )
    }

    /// Applies every edit to `input` (an Update* input, a JSON object). A path that runs into a
    /// value that is not an object, or an Add/Pull on a member that is not a list, is an error
    /// naming the path: the input is then left as it was.
    pub fn apply(&self, input: &Value) -> Result<Value, String> {
        let mut out = input.clone();
        for edit in &self.0 {
            apply_one(&mut out, edit)?;
        }
        Ok(out)
    }
}

fn apply_one(input: &mut Value, edit: &Edit) -> Result<(), String> {
    match edit {
        Edit::Set(path, value) => {
            let (parent, last) = parent_of(input, path, true)?;
            if let Some(parent) = parent {
                parent.insert(last.to_owned(), value.clone());
            }
        }
        Edit::Remove(path) => {
            if let (Some(parent), last) = parent_of(input, path, false)? {
                parent.remove(last);
            }
        }
        Edit::Add(path, value) => {
            let (parent, last) = parent_of(input, path, true)?;
            let Some(parent) = parent else {
                return Ok(());
            };
            let member = parent
                .entry(last.to_owned())
                .or_insert_with(|| Value::Array(Vec::new()));
            let Value::Array(items) = member else {
                return Err(format!("{path} is not a list"));
            };
            if !items.contains(value) {
                items.push(value.clone());
            }
        }
        Edit::Pull(path, value) => {
            if let (Some(parent), last) = parent_of(input, path, false)? {
                match parent.get_mut(last) {
                    Some(Value::Array(items)) => items.retain(|v| v != value),
                    None | Some(Value::Null) => {}
                    Some(_) => return Err(format!("{path} is not a list")),
                }
            }
        }
    }
    Ok(())
}

/// The object holding a path's last member (`None`: not there, nothing to change), and that
/// member's name.
type Parent<'v, 'p> = (Option<&'v mut Map<String, Value>>, &'p str);

/// The object holding the path's last member, and that member's name. `create`: objects missing
/// on the way are made; otherwise a missing one means there is nothing to change (`None`).
fn parent_of<'v, 'p>(
    input: &'v mut Value,
    path: &'p str,
    create: bool,
) -> Result<Parent<'v, 'p>, String> {
    let mut parts: Vec<&str> = path.split('.').collect();
    let last = parts
        .pop()
        .filter(|p| !p.is_empty())
        .ok_or("an empty path")?;
    let mut here = input;
    for part in parts {
        let Value::Object(map) = here else {
            return Err(format!(
                "{path}: {part} is inside a value that is not an object"
            ));
        };
        if !map.contains_key(part) {
            if !create {
                return Ok((None, last));
            }
            map.insert(part.to_owned(), Value::Object(Map::new()));
        }
        here = map
            .get_mut(part)
            .ok_or_else(|| format!("{path}: {part} vanished"))?;
        if here.is_null() && create {
            *here = Value::Object(Map::new());
        }
    }
    match here {
        Value::Object(map) => Ok((Some(map), last)),
        Value::Null if !create => Ok((None, last)),
        _ => Err(format!("{path}: the value holding {last} is not an object")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn set_creates_the_objects_on_the_way_and_touches_nothing_else() {
        let input =
            json!({"ClientName": "web", "Policies": {"PasswordPolicy": {"MinimumLength": 8}}});
        let patch = Patch::new()
            .with(Edit::Set(
                "Policies.PasswordPolicy.MinimumLength".into(),
                json!(12),
            ))
            .with(Edit::Set(
                "TokenValidityUnits.AccessToken".into(),
                json!("hours"),
            ));
        let out = patch.apply(&input).unwrap();
        assert_eq!(
            out,
            json!({"ClientName": "web", "Policies": {"PasswordPolicy": {"MinimumLength": 12}},
                   "TokenValidityUnits": {"AccessToken": "hours"}})
        );
    }

    #[test]
    fn add_and_pull_keep_the_other_elements_in_order() {
        let input = json!({"CallbackURLs": ["https://a/cb", "https://b/cb"]});
        let out = Patch::new()
            .with(Edit::Add("CallbackURLs".into(), json!("https://c/cb")))
            .with(Edit::Add("CallbackURLs".into(), json!("https://a/cb")))
            .with(Edit::Pull("CallbackURLs".into(), json!("https://b/cb")))
            .with(Edit::Add("LogoutURLs".into(), json!("https://a/out")))
            .apply(&input)
            .unwrap();
        assert_eq!(
            out,
            json!({"CallbackURLs": ["https://a/cb", "https://c/cb"], "LogoutURLs": ["https://a/out"]})
        );
    }

    #[test]
    fn remove_of_a_missing_member_changes_nothing() {
        let input = json!({"A": 1});
        let out = Patch::new()
            .with(Edit::Remove("B.C".into()))
            .with(Edit::Pull("D".into(), json!(1)))
            .apply(&input)
            .unwrap();
        assert_eq!(out, input);
        let out = Patch::new()
            .with(Edit::Remove("A".into()))
            .apply(&input)
            .unwrap();
        assert_eq!(out, json!({}));
    }

    #[test]
    fn a_path_through_a_scalar_or_an_add_to_a_non_list_is_an_error() {
        let input = json!({"A": 1, "L": "x"});
        let err = Patch::new()
            .with(Edit::Set("A.B".into(), json!(2)))
            .apply(&input)
            .unwrap_err();
        assert!(err.contains("A.B"), "{err}");
        let err = Patch::new()
            .with(Edit::Add("L".into(), json!(2)))
            .apply(&input)
            .unwrap_err();
        assert_eq!(err, "L is not a list");
        assert!(
            Patch::new()
                .with(Edit::Set(String::new(), json!(1)))
                .apply(&input)
                .is_err()
        );
    }
}
