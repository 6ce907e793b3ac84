//! The text handed to the person's editor and read back: the Update*-shaped configuration as
//! pretty JSON under a few `//` lines that say what happens, secrets shown as the mask (left as
//! the mask, they are kept), and the saved text checked against the service model's input shape
//! before anything is planned. A mistake goes back to the editor as a `// error:` line on top of
//! the text as the person left it.

use std::fmt::Write as _;

use serde_json::Value;

use super::{NewResource, Subject};
use crate::cognito::secrets::{MASK, is_secret_detail};
use crate::cognito::shapes::{Kind, model};

/// What a line starting with this is: a note for the person, not part of the JSON.
const NOTE: &str = "//";

/// The editor's text for `input`: the configuration as read (an update), or the new resource's
/// starting input (a create).
pub fn text_for(subject: &Subject, input: &Value) -> String {
    let mut shown = input.clone();
    mask(&mut shown);
    let json = serde_json::to_string_pretty(&shown).unwrap_or_else(|_| shown.to_string());
    let operation = subject.operation();
    let head = match subject {
        Subject::Existing(target) => format!(
            "{NOTE} {} ({operation}). Save and quit to review the difference; nothing is sent \
             before you confirm.\n\
             {NOTE} Every member is sent back as shown: {}.\n\
             {NOTE} Secrets show as \"{MASK}\": left so, they are kept. Delete it all and save \
             to cancel.\n",
            title(&subject.label()),
            if target.update_keeps_omitted() {
                "a member you delete is kept by Cognito (this update keeps what it is not sent)"
            } else {
                "a member you delete is reset to Cognito's default"
            },
        ),
        Subject::New(_) => format!(
            "{NOTE} {} ({operation}). Fill in the members and save; nothing is sent before you \
             confirm. Delete it all and save to cancel.\n\
             {NOTE} Members it takes: {}.\n",
            title(&subject.label()),
            members_of(operation),
        ),
    };
    format!("{head}{json}\n")
}

/// The members of `operation`'s input, the required ones marked.
fn members_of(operation: &str) -> String {
    let Some(shape) = model().and_then(|m| m.input_of(operation)) else {
        return String::new();
    };
    shape
        .members
        .iter()
        .map(|(name, _)| {
            if shape.is_required(name) {
                format!("{name} (required)")
            } else {
                name.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A new resource's starting input: the pool (if it goes in one), each other required member
/// empty (of its type), and the operation's own starting members (a custom attribute's skeleton).
pub fn template(new: &NewResource) -> Value {
    let mut input = serde_json::Map::new();
    let model = model();
    if let Some(shape) = model.and_then(|m| m.input_of(new.operation)) {
        for (name, shape_name) in &shape.members {
            if !shape.is_required(name) {
                continue;
            }
            let kind = model.and_then(|m| m.shape(shape_name)).map(|s| s.kind);
            let empty = match kind {
                Some(Kind::List) => Value::Array(Vec::new()),
                Some(Kind::Map | Kind::Structure) => Value::Object(serde_json::Map::new()),
                Some(Kind::Integer | Kind::Long) => Value::from(0),
                Some(Kind::Boolean) => Value::Bool(false),
                _ => Value::String(String::new()),
            };
            input.insert(name.clone(), empty);
        }
    }
    // A pool starts from AWS's default password policy, so one rule changed does not turn the
    // others off (CreateUserPool takes an omitted rule as false).
    if new.operation == "CreateUserPool" {
        input.insert(
            "Policies".to_owned(),
            serde_json::json!({"PasswordPolicy": {
                "MinimumLength": 8, "RequireUppercase": true, "RequireLowercase": true,
                "RequireNumbers": true, "RequireSymbols": true,
                "TemporaryPasswordValidityDays": 7}}),
        );
    }
    if new.operation == "CreateIdentityProvider" {
        input.insert("ProviderType".to_owned(), Value::String("SAML".to_owned()));
    }
    if new.operation == "AddCustomAttributes" {
        input.insert(
            "CustomAttributes".to_owned(),
            serde_json::json!([{"Name": "", "AttributeDataType": "String", "Mutable": true}]),
        );
    }
    if let Some(pool) = &new.pool {
        input.insert("UserPoolId".to_owned(), Value::String(pool.to_string()));
    }
    for (member, value) in &new.given {
        input.insert((*member).to_owned(), Value::String(value.clone()));
    }
    Value::Object(input)
}

/// `text` again with `error` on top (the person's text kept as they left it, old errors gone).
pub fn with_error(text: &str, error: &str) -> String {
    let body: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim_start().starts_with(&format!("{NOTE} error:")))
        .collect();
    let mut out = String::new();
    for line in error.lines() {
        let _ = writeln!(out, "{NOTE} error: {line}");
    }
    out.push_str(&body.join("\n"));
    out.push('\n');
    out
}

fn title(label: &str) -> String {
    let mut chars = label.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}

/// The JSON of a saved text: the `//` lines blanked (so line numbers stay the editor's).
fn json_part(text: &str) -> String {
    text.lines()
        .map(|l| {
            if l.trim_start().starts_with(NOTE) {
                ""
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The configuration the person saved, or why it cannot be sent: not JSON, not an object, or
/// not what the operation's input shape takes (a member of the wrong type, a constraint broken).
/// Secrets left as the mask take their value from `original`.
pub fn parse(operation: &str, text: &str, original: &Value) -> Result<Value, String> {
    let edited = read_json(text, original)?;
    crate::cognito::check::check(operation, &edited).map_err(|e| e.to_string())?;
    Ok(edited)
}

/// The person emptied the file (its notes aside): they want nothing sent.
pub fn is_emptied(text: &str) -> bool {
    json_part(text).trim().is_empty()
}

/// The text still says what it was given: nothing to send.
pub fn unchanged(text: &str, original: &Value) -> bool {
    read_json(text, original).is_ok_and(|v| &v == original)
}

/// The saved JSON object, its masked secrets put back.
fn read_json(text: &str, original: &Value) -> Result<Value, String> {
    let mut edited: Value = serde_json::from_str(&json_part(text))
        .map_err(|e| format!("line {}, column {}: {e}", e.line(), e.column()))?;
    if !edited.is_object() {
        return Err("the configuration must be one JSON object ({ ... })".to_owned());
    }
    unmask(&mut edited, original);
    Ok(edited)
}

fn is_secret(name: &str) -> bool {
    name == "ClientSecret" || is_secret_detail(name)
}

fn mask(value: &mut Value) {
    match value {
        Value::Object(members) => {
            for (name, member) in members.iter_mut() {
                if is_secret(name) && member.is_string() {
                    *member = Value::String(MASK.to_owned());
                } else {
                    mask(member);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(mask),
        _ => {}
    }
}

/// Puts back each secret the person left as the mask, from the configuration as read.
fn unmask(edited: &mut Value, original: &Value) {
    match (edited, original) {
        (Value::Object(members), Value::Object(was)) => {
            for (name, member) in members.iter_mut() {
                match (member, was.get(name)) {
                    (m @ Value::String(_), Some(old @ Value::String(_)))
                        if is_secret(name) && m.as_str() == Some(MASK) =>
                    {
                        *m = old.clone();
                    }
                    (m, Some(old)) => unmask(m, old),
                    _ => {}
                }
            }
        }
        (Value::Array(items), Value::Array(was)) => {
            for (item, old) in items.iter_mut().zip(was) {
                unmask(item, old);
            }
        }
        _ => {}
    }
}
