//! A resource's form from its specs: filled from the configuration as read, read back as the
//! `Patch` of only the fields the person changed. A field left empty (or "not set") removes the
//! member, which Cognito then resets to its default; the difference says so before anything is
//! sent.

use serde_json::Value;

use super::specs::{Kind, Spec};
use crate::app::form::{Field, Form};
use crate::cognito::edit::{Edit, Patch};

/// The option of a choice or flag that leaves the member out.
pub const NOT_SET: &str = "not set";
const ON: &str = "on";
const OFF: &str = "off";

/// The form titled `title`, one field per spec, filled from `input`.
pub fn build(title: &str, specs: &[Spec], input: &Value) -> Form<usize> {
    let fields = specs
        .iter()
        .enumerate()
        .map(|(i, spec)| {
            let value = input.pointer(&pointer(spec.path));
            let field = match spec.kind {
                Kind::Text => {
                    Field::text(i, spec.label, value.and_then(Value::as_str).unwrap_or(""))
                }
                Kind::Number => Field::text(i, spec.label, &value.map(plain).unwrap_or_default()),
                Kind::List => {
                    let items: Vec<String> = value
                        .and_then(Value::as_array)
                        .map(|a| a.iter().map(plain).collect())
                        .unwrap_or_default();
                    Field::text(i, spec.label, &items.join(" "))
                }
                Kind::Choice(options) => choice(i, spec.label, options, value.map(plain)),
                Kind::Secret => {
                    let mut field = Field::masked(i, spec.label);
                    field.input.set(value.and_then(Value::as_str).unwrap_or(""));
                    field
                }
                Kind::Map => {
                    let pairs: Vec<String> = value
                        .and_then(Value::as_object)
                        .map(|m| m.iter().map(|(k, v)| format!("{k}={}", plain(v))).collect())
                        .unwrap_or_default();
                    Field::text(i, spec.label, &pairs.join(" "))
                }
                Kind::Present => {
                    let on = value.is_some_and(|v| !v.is_null());
                    let options = vec![ON.to_owned(), OFF.to_owned()];
                    Field::options(i, spec.label, options, usize::from(!on))
                }
                Kind::Flag => {
                    let set = value
                        .and_then(Value::as_bool)
                        .map(|on| if on { ON } else { OFF });
                    choice(i, spec.label, &[ON, OFF], set.map(str::to_owned))
                }
            };
            if spec.note.is_empty() {
                field
            } else {
                field.note(spec.note)
            }
        })
        .collect();
    Form::new(title, fields)
}

/// A choice among `options`, `value` chosen. "not set" is offered only when the member is not
/// set: removing a set member (Cognito's default again) is for the JSON editor, where the
/// difference says so.
fn choice(key: usize, label: &str, options: &[&str], value: Option<String>) -> Field<usize> {
    let mut all: Vec<String> = options.iter().map(|o| (*o).to_owned()).collect();
    let selected = match value {
        None => {
            all.insert(0, NOT_SET.to_owned());
            0
        }
        Some(v) => all.iter().position(|o| *o == v).unwrap_or_else(|| {
            all.push(v);
            all.len() - 1
        }),
    };
    Field::options(key, label, all, selected)
}

fn pointer(path: &str) -> String {
    format!("/{}", path.replace('.', "/"))
}

/// A value as a field shows it: a string as is, anything else as JSON.
fn plain(v: &Value) -> String {
    v.as_str().map_or_else(|| v.to_string(), str::to_owned)
}

/// The changes the person made, as a patch of `original`; `None` when a field holds what its
/// member cannot take (the field then says why). `keeps_omitted`: the update keeps a member it
/// is not sent (UpdateGroup, UpdateIdentityProvider, UpdateUserPoolDomain), so an emptied field
/// is sent empty (text, lists) or refused (numbers, choices): leaving it out would change nothing.
pub fn patch(
    form: &mut Form<usize>,
    specs: &[Spec],
    original: &Value,
    keeps_omitted: bool,
) -> Option<Patch> {
    let before = build("", specs, original);
    let mut changes = Patch::new();
    let mut valid = true;
    for (field, spec) in form.fields.iter_mut().zip(specs) {
        let value = field.value();
        if before.fields.get(field.key).map(Field::value).as_ref() == Some(&value) {
            continue;
        }
        let member = spec.path.to_owned();
        let emptied = value.trim().is_empty() || value == NOT_SET;
        let kept = keeps_omitted && !spec.path.contains('.');
        let edit = match spec.kind {
            Kind::Text | Kind::Secret if emptied && kept => Edit::Set(member, Value::from("")),
            Kind::List if emptied && kept => Edit::Set(member, Value::Array(Vec::new())),
            _ if emptied && kept => {
                field.error = Some(
                    "Cognito keeps this when it is not sent, so it cannot be emptied".to_owned(),
                );
                valid = false;
                continue;
            }
            _ if emptied => Edit::Remove(member),
            Kind::Text | Kind::Choice(_) | Kind::Secret => Edit::Set(member, Value::String(value)),
            Kind::Map => {
                let mut map = serde_json::Map::new();
                for pair in value.split_whitespace() {
                    let Some((k, v)) = pair.split_once('=') else {
                        field.error = Some(format!("{pair}: write attribute=claim"));
                        valid = false;
                        break;
                    };
                    map.insert(k.to_owned(), Value::String(v.to_owned()));
                }
                Edit::Set(member, Value::Object(map))
            }
            Kind::Number => {
                let Ok(n) = value.trim().parse::<i64>() else {
                    field.error = Some("a whole number".to_owned());
                    valid = false;
                    continue;
                };
                Edit::Set(member, Value::from(n))
            }
            Kind::List => {
                let items = value
                    .split(|c: char| c == ',' || c.is_whitespace())
                    .filter(|s| !s.is_empty())
                    .map(|s| Value::String(s.to_owned()))
                    .collect();
                Edit::Set(member, Value::Array(items))
            }
            Kind::Flag => Edit::Set(member, Value::Bool(value == ON)),
            // Off → on: the member appears (its settings from the fields after it, if any).
            Kind::Present if value == ON => {
                Edit::Set(member, Value::Object(serde_json::Map::new()))
            }
            Kind::Present => Edit::Remove(member),
        };
        changes.push(edit);
    }
    valid.then_some(changes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::action::InputKey;
    use crate::app::admin::specs::for_target;
    use crate::cognito::edit::Target;
    use crate::cognito::{ClientId, PoolId};
    use serde_json::json;

    fn client() -> (&'static [Spec], Value) {
        let specs = for_target(&Target::Client(PoolId::new("p"), ClientId::new("c"))).unwrap();
        let input = json!({"UserPoolId": "p", "ClientId": "c", "ClientName": "web",
            "CallbackURLs": ["https://a/cb"], "AllowedOAuthFlows": ["code"],
            "AccessTokenValidity": 2, "TokenValidityUnits": {"AccessToken": "hours"},
            "EnableTokenRevocation": true});
        (specs, input)
    }

    fn focus(form: &mut Form<usize>, label: &str) {
        form.focus = form.fields.iter().position(|f| f.label == label).unwrap();
    }

    #[test]
    fn an_untouched_form_changes_nothing() {
        let (specs, input) = client();
        let mut form = build("Edit", specs, &input);
        assert_eq!(patch(&mut form, specs, &input, false), Some(Patch::new()));
        assert_eq!(form.fields[1].value(), "https://a/cb");
        assert_eq!(form.fields[9].value(), "hours");
        assert_eq!(form.fields[15].value(), "on");
    }

    #[test]
    fn only_the_changed_fields_are_patched() {
        let (specs, input) = client();
        let mut form = build("Edit", specs, &input);
        focus(&mut form, "Callback URLs");
        form.key(InputKey::End);
        for c in ", https://b/cb".chars() {
            form.key(InputKey::Char(c));
        }
        focus(&mut form, "Token revocation");
        form.key(InputKey::Right);
        let patch = patch(&mut form, specs, &input, false).unwrap();
        assert_eq!(
            patch.0,
            [
                Edit::Set(
                    "CallbackURLs".into(),
                    json!(["https://a/cb", "https://b/cb"])
                ),
                Edit::Set("EnableTokenRevocation".into(), json!(false)),
            ]
        );
    }

    #[test]
    fn emptied_fields_remove_and_bad_numbers_are_refused_in_place() {
        let (specs, input) = client();
        let mut form = build("Edit", specs, &input);
        focus(&mut form, "Access token validity");
        form.key(InputKey::Clear);
        assert_eq!(
            patch(&mut form, specs, &input, false).unwrap().0,
            [Edit::Remove("AccessTokenValidity".into())]
        );
        form.key(InputKey::Char('x'));
        assert_eq!(patch(&mut form, specs, &input, false), None);
        let field = &form.fields[form.focus];
        assert_eq!(field.error.as_deref(), Some("a whole number"));
    }

    #[test]
    fn where_an_update_keeps_what_it_is_not_sent_an_emptied_field_is_sent_empty_or_refused() {
        let specs = for_target(&Target::Group(PoolId::new("p"), "g".into())).unwrap();
        let input = json!({"UserPoolId": "p", "GroupName": "g", "Description": "Admins",
                           "Precedence": 1});
        let mut form = build("Edit", specs, &input);
        focus(&mut form, "Description");
        form.key(InputKey::Clear);
        assert_eq!(
            patch(&mut form, specs, &input, true).unwrap().0,
            [Edit::Set("Description".into(), json!(""))]
        );
        focus(&mut form, "Precedence");
        form.key(InputKey::Clear);
        assert_eq!(patch(&mut form, specs, &input, true), None);
        assert!(
            form.fields[form.focus]
                .error
                .as_deref()
                .is_some_and(|e| e.contains("keeps"))
        );
    }

    #[test]
    fn an_mfa_method_is_on_while_its_configuration_is_there() {
        let specs = for_target(&Target::Mfa(PoolId::new("p"))).unwrap();
        let input = json!({"UserPoolId": "p", "MfaConfiguration": "OPTIONAL",
                           "SmsMfaConfiguration": {"SmsAuthenticationMessage": "{####}"}});
        let mut form = build("MFA", specs, &input);
        focus(&mut form, "Email codes");
        assert_eq!(form.fields[form.focus].value(), "off");
        form.key(InputKey::Right);
        focus(&mut form, "SMS codes");
        assert_eq!(form.fields[form.focus].value(), "on");
        form.key(InputKey::Right);
        assert_eq!(
            patch(&mut form, specs, &input, false).unwrap().0,
            [
                Edit::Set("EmailMfaConfiguration".into(), json!({})),
                Edit::Remove("SmsMfaConfiguration".into()),
            ]
        );
    }
}
