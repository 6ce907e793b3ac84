//! A pool's attribute schema as AWS describes it (every standard attribute with its constraints,
//! then the custom ones), and AddCustomAttributes: the one way to change a schema after the pool
//! exists, and only by adding (attributes are never changed or removed).

use serde_json::{Map, Value, json};

use super::super::error::{LocalError, LocalResult};
use super::super::input::required_str;
use super::super::store::{Store, now};
use super::Request;
use super::pools::{pool_spec, update_spec};

/// AWS's quota of custom attributes a pool holds.
const MAX_CUSTOM: usize = 50;

/// A string attribute's length range, as AWS describes it (numbers as strings).
type Lengths = Option<(&'static str, &'static str)>;

/// The standard attributes in AWS's order: name, data type, and for strings their length range
/// (`None` for the booleans and the number).
const STANDARD: &[(&str, &str, Lengths)] = &[
    ("sub", "String", Some(("1", "2048"))),
    ("name", "String", Some(("0", "2048"))),
    ("given_name", "String", Some(("0", "2048"))),
    ("family_name", "String", Some(("0", "2048"))),
    ("middle_name", "String", Some(("0", "2048"))),
    ("nickname", "String", Some(("0", "2048"))),
    ("preferred_username", "String", Some(("0", "2048"))),
    ("profile", "String", Some(("0", "2048"))),
    ("picture", "String", Some(("0", "2048"))),
    ("website", "String", Some(("0", "2048"))),
    ("email", "String", Some(("0", "2048"))),
    ("email_verified", "Boolean", None),
    ("gender", "String", Some(("0", "2048"))),
    ("birthdate", "String", Some(("10", "10"))),
    ("zoneinfo", "String", Some(("0", "2048"))),
    ("locale", "String", Some(("0", "2048"))),
    ("phone_number", "String", Some(("0", "2048"))),
    ("phone_number_verified", "Boolean", None),
    ("address", "String", Some(("0", "2048"))),
    ("updated_at", "Number", None),
    ("identities", "String", Some(("0", "2048"))),
];

fn is_standard(name: &str) -> bool {
    STANDARD.iter().any(|(n, ..)| *n == name)
}

/// Every standard attribute (with what the pool's Schema set of it: Required, Mutable), then
/// the custom ones.
pub fn schema_attributes(spec: &Value) -> Vec<Value> {
    let given = spec.get("Schema").and_then(Value::as_array);
    let mut out: Vec<Value> = STANDARD
        .iter()
        .map(|(name, kind, lengths)| {
            let mut attr = json!({"Name": name, "AttributeDataType": kind,
                "DeveloperOnlyAttribute": false, "Mutable": *name != "sub",
                "Required": *name == "sub"});
            match (lengths, *kind) {
                (Some((min, max)), _) => {
                    attr["StringAttributeConstraints"] =
                        json!({"MinLength": min, "MaxLength": max});
                }
                (None, "Number") => attr["NumberAttributeConstraints"] = json!({"MinValue": "0"}),
                _ => {}
            }
            let chosen = given
                .into_iter()
                .flatten()
                .find(|a| a.get("Name").and_then(Value::as_str) == Some(*name));
            if let Some(chosen) = chosen.filter(|_| *name != "sub") {
                for flag in ["Required", "Mutable"] {
                    if let Some(v) = chosen.get(flag).filter(|v| v.is_boolean()) {
                        attr[flag] = v.clone();
                    }
                }
            }
            attr
        })
        .collect();
    out.extend(custom_attributes(spec));
    out
}

/// The pool's custom attributes as AWS describes them: named `custom:<name>` (`dev:<name>` when
/// developer-only), with the flags and constraints a request may leave out filled in.
pub fn custom_attributes(spec: &Value) -> Vec<Value> {
    let Some(schema) = spec.get("Schema").and_then(Value::as_array) else {
        return Vec::new();
    };
    schema
        .iter()
        .filter_map(|a| {
            let name = a.get("Name")?.as_str()?;
            if is_standard(name) {
                return None;
            }
            Some(described(a, name))
        })
        .collect()
}

fn described(given: &Value, name: &str) -> Value {
    let flag = |member: &str| given.get(member).and_then(Value::as_bool).unwrap_or(false);
    let developer = flag("DeveloperOnlyAttribute");
    let full = if name.starts_with("custom:") || name.starts_with("dev:") {
        name.to_owned()
    } else if developer {
        format!("dev:{name}")
    } else {
        format!("custom:{name}")
    };
    let kind = given
        .get("AttributeDataType")
        .and_then(Value::as_str)
        .unwrap_or("String");
    let mut attr = json!({"Name": full, "AttributeDataType": kind,
        "DeveloperOnlyAttribute": developer, "Mutable": flag("Mutable"),
        "Required": flag("Required")});
    let constraints = match kind {
        "String" => Some("StringAttributeConstraints"),
        "Number" => Some("NumberAttributeConstraints"),
        _ => None,
    };
    if let Some(member) = constraints {
        attr[member] = given
            .get(member)
            .filter(|v| v.is_object())
            .cloned()
            .unwrap_or_else(|| json!({}));
    }
    attr
}

/// Adds attributes to the pool's schema. A name the schema has is refused: attributes cannot
/// be changed once added.
pub fn add_custom_attributes(store: &Store, req: &Request) -> LocalResult {
    let pool = required_str(&req.input, "UserPoolId")?;
    let added = req
        .input
        .get("CustomAttributes")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    store.write(|tx| {
        let mut spec = pool_spec(tx, pool)?;
        let mut names: Vec<String> = custom_attributes(&spec)
            .iter()
            .filter_map(|a| a["Name"].as_str().map(str::to_owned))
            .collect();
        let mut stored = Vec::with_capacity(added.len());
        for attr in &added {
            let name = required_str(attr, "Name")?;
            check_new(attr)?;
            let full = described(attr, name)["Name"]
                .as_str()
                .unwrap_or_default()
                .to_owned();
            if names.contains(&full) {
                return Err(LocalError::invalid_parameter(format!(
                    "Existing attribute already has name {full}."
                )));
            }
            // Stored under the full name, so `custom:email` never reads as the standard `email`.
            let mut attr = attr.clone();
            attr["Name"] = json!(full);
            stored.push(attr);
            names.push(full);
        }
        if names.len() > MAX_CUSTOM {
            return Err(LocalError::invalid_parameter(format!(
                "A user pool can have at most {MAX_CUSTOM} custom attributes."
            )));
        }
        let schema = spec
            .as_object_mut()
            .ok_or_else(|| LocalError::internal("a pool's settings are not an object"))?
            .entry("Schema")
            .or_insert_with(|| json!([]));
        if let Some(list) = schema.as_array_mut() {
            list.extend(stored);
        }
        update_spec(tx, pool, None, &spec, now())?;
        Ok(json!({}))
    })
}

/// What AWS refuses of a new custom attribute beyond the model: a required one, and string or
/// number constraints that are not numbers or not in order.
fn check_new(attr: &Value) -> LocalResult<()> {
    if attr.get("Required").and_then(Value::as_bool) == Some(true) {
        return Err(LocalError::invalid_parameter(
            "Required custom attributes are not supported currently.",
        ));
    }
    let ranges = [
        ("StringAttributeConstraints", "MinLength", "MaxLength"),
        ("NumberAttributeConstraints", "MinValue", "MaxValue"),
    ];
    for (member, low, high) in ranges {
        let Some(constraints) = attr.get(member).and_then(Value::as_object) else {
            continue;
        };
        let bound = |key: &str| number_in(constraints, member, key);
        if let (Some(low), Some(high)) = (bound(low)?, bound(high)?)
            && low > high
        {
            return Err(LocalError::invalid_parameter(format!(
                "{member}: the minimum is greater than the maximum."
            )));
        }
        if member == "StringAttributeConstraints" && bound(high)?.is_some_and(|max| max > 2048) {
            return Err(LocalError::invalid_parameter(
                "StringAttributeConstraints: MaxLength must be at most 2048.",
            ));
        }
    }
    Ok(())
}

fn number_in(
    constraints: &Map<String, Value>,
    member: &str,
    key: &str,
) -> LocalResult<Option<i64>> {
    let Some(text) = constraints.get(key).and_then(Value::as_str) else {
        return Ok(None);
    };
    text.trim().parse().map(Some).map_err(|_| {
        LocalError::invalid_parameter(format!("{member}: {key} must be a number, not {text}."))
    })
}

#[cfg(test)]
#[path = "pool_schema_tests.rs"]
mod tests;
