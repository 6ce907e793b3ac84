//! What an update will change, member by member, for the person to read before it is sent: a
//! value changed, a member added or removed (removing one resets it to Cognito's default), and
//! for lists of plain values the elements that join or leave. Secrets are shown as the mask.

use std::fmt;

use serde_json::Value;

use crate::cognito::secrets::{MASK, is_secret_detail};

/// One difference between the current configuration and the one to be sent.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// The member's value changes.
    Set {
        path: String,
        before: Value,
        after: Value,
    },
    /// The member is new, or the value joins the list at `path`.
    Added { path: String, value: Value },
    /// The member goes: Cognito resets it to its default.
    Removed { path: String, value: Value },
    /// The value leaves the list at `path` (the list itself stays).
    Pulled { path: String, value: Value },
    /// The member is left out of an update that keeps what it is not sent: it stays as it is.
    Kept { path: String, value: Value },
}

impl Change {
    pub fn path(&self) -> &str {
        match self {
            Self::Set { path, .. }
            | Self::Added { path, .. }
            | Self::Removed { path, .. }
            | Self::Pulled { path, .. }
            | Self::Kept { path, .. } => path,
        }
    }
}

/// Every difference from `before` to `after`, in the members' order.
pub fn changes(before: &Value, after: &Value) -> Vec<Change> {
    let mut out = Vec::new();
    walk("", before, after, &mut out);
    out
}

fn walk(path: &str, before: &Value, after: &Value, out: &mut Vec<Change>) {
    if before == after {
        return;
    }
    match (before, after) {
        (Value::Object(b), Value::Object(a)) => {
            for (name, old) in b {
                let here = join(path, name);
                match a.get(name) {
                    Some(new) => walk(&here, old, new, out),
                    None => out.push(Change::Removed {
                        path: here,
                        value: old.clone(),
                    }),
                }
            }
            for (name, new) in a.iter().filter(|(name, _)| !b.contains_key(*name)) {
                out.push(Change::Added {
                    path: join(path, name),
                    value: new.clone(),
                });
            }
        }
        (Value::Array(b), Value::Array(a)) if all_plain(b) && all_plain(a) => {
            let removed: Vec<&Value> = b.iter().filter(|v| !a.contains(v)).collect();
            let added: Vec<&Value> = a.iter().filter(|v| !b.contains(v)).collect();
            if removed.is_empty() && added.is_empty() {
                // Only the order changed: say so as one change of the whole list.
                out.push(set(path, before, after));
                return;
            }
            for value in removed {
                out.push(Change::Pulled {
                    path: path.to_owned(),
                    value: value.clone(),
                });
            }
            for value in added {
                out.push(Change::Added {
                    path: path.to_owned(),
                    value: value.clone(),
                });
            }
        }
        _ => out.push(set(path, before, after)),
    }
}

fn set(path: &str, before: &Value, after: &Value) -> Change {
    Change::Set {
        path: path.to_owned(),
        before: before.clone(),
        after: after.clone(),
    }
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}.{name}")
    }
}

fn all_plain(items: &[Value]) -> bool {
    items.iter().all(|v| !v.is_object() && !v.is_array())
}

/// A value as shown in a diff: compact JSON, the mask for a secret (by its member's name, or
/// anywhere inside an object or list holding one).
fn shown(path: &str, value: &Value) -> String {
    let last = path.rsplit('.').next().unwrap_or(path);
    if last == "ClientSecret" || is_secret_detail(last) {
        return MASK.to_owned();
    }
    let mut value = value.clone();
    mask_inside(&mut value);
    value.to_string()
}

fn mask_inside(value: &mut Value) {
    match value {
        Value::Object(members) => {
            for (name, member) in members.iter_mut() {
                if name == "ClientSecret" || is_secret_detail(name) {
                    *member = Value::String(MASK.to_owned());
                } else {
                    mask_inside(member);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(mask_inside),
        _ => {}
    }
}

impl fmt::Display for Change {
    /// `~ path: before → after`, `+ path: value`, `- path: value` (a removed member is reset to
    /// its default by Cognito, and the line says so).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Set {
                path,
                before,
                after,
            } => write!(
                f,
                "~ {path}: {} → {}",
                shown(path, before),
                shown(path, after)
            ),
            Self::Added { path, value } => write!(f, "+ {path}: {}", shown(path, value)),
            Self::Removed { path, value } => {
                write!(f, "- {path}: {} (reset to default)", shown(path, value))
            }
            Self::Pulled { path, value } => write!(f, "- {path}: {}", shown(path, value)),
            Self::Kept { path, value } => write!(
                f,
                "= {path}: {} (left out; Cognito keeps it as it is)",
                shown(path, value)
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[allow(clippy::needless_pass_by_value)] // the call sites read better with json! inline
    fn lines(before: Value, after: Value) -> Vec<String> {
        changes(&before, &after)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn nothing_changed_is_no_change() {
        let v = json!({"A": [1, 2], "B": {"C": "x"}});
        assert!(changes(&v, &v).is_empty());
    }

    #[test]
    fn nested_values_lists_and_members_each_get_a_line() {
        let before = json!({
            "Policies": {"PasswordPolicy": {"MinimumLength": 8}},
            "CallbackURLs": ["https://a/cb", "https://b/cb"],
            "LambdaConfig": {"PreSignUp": "arn:f"},
        });
        let after = json!({
            "Policies": {"PasswordPolicy": {"MinimumLength": 12}},
            "CallbackURLs": ["https://a/cb", "https://c/cb"],
            "MfaConfiguration": "OPTIONAL",
        });
        assert_eq!(
            lines(before, after),
            [
                r#"- CallbackURLs: "https://b/cb""#,
                r#"+ CallbackURLs: "https://c/cb""#,
                r#"- LambdaConfig: {"PreSignUp":"arn:f"} (reset to default)"#,
                "~ Policies.PasswordPolicy.MinimumLength: 8 → 12",
                r#"+ MfaConfiguration: "OPTIONAL""#,
            ]
        );
    }

    #[test]
    fn a_reordered_list_and_a_list_of_objects_change_whole() {
        assert_eq!(
            lines(json!({"L": [1, 2]}), json!({"L": [2, 1]})),
            ["~ L: [1,2] → [2,1]"]
        );
        assert_eq!(
            lines(json!({"S": [{"N": "a"}]}), json!({"S": [{"N": "b"}]})),
            [r#"~ S: [{"N":"a"}] → [{"N":"b"}]"#]
        );
    }

    #[test]
    fn secrets_are_masked_wherever_they_sit() {
        let before = json!({"ProviderDetails": {"client_id": "id", "client_secret": "old"}});
        let after = json!({"ProviderDetails": {"client_id": "id", "client_secret": "new"}});
        assert_eq!(
            lines(before, after),
            ["~ ProviderDetails.client_secret: ******** → ********"]
        );
        let added = lines(
            json!({}),
            json!({"ProviderDetails": {"client_id": "id", "client_secret": "new"}}),
        );
        assert_eq!(
            added,
            [r#"+ ProviderDetails: {"client_id":"id","client_secret":"********"}"#]
        );
        let all = added.join("\n");
        assert!(!all.contains("new\""), "{all}");
    }
}
