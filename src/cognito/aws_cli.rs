//! The AWS CLI command that sends the same request (`aws cognito-idp admin-disable-user
//! --user-pool-id … --username …`), for a ticket or a runbook: each input member becomes its
//! option, named as botocore names it, a structure or list as JSON. It is built from inputs that
//! carry no secret (a dialog's change, never a password form).

use serde_json::Value;

/// `aws cognito-idp OPERATION --member value …`, each word quoted for a POSIX shell.
pub fn command(operation: &str, input: &Value) -> String {
    let mut words = vec!["aws".to_owned(), "cognito-idp".to_owned(), kebab(operation)];
    if let Value::Object(members) = input {
        for (name, value) in members {
            match value {
                Value::Null => {}
                Value::Bool(true) => words.push(format!("--{}", kebab(name))),
                Value::Bool(false) => words.push(format!("--no-{}", kebab(name))),
                Value::String(text) => {
                    words.push(format!("--{}", kebab(name)));
                    words.push(shell_word(text));
                }
                Value::Number(n) => {
                    words.push(format!("--{}", kebab(name)));
                    words.push(n.to_string());
                }
                Value::Array(_) | Value::Object(_) => {
                    words.push(format!("--{}", kebab(name)));
                    words.push(shell_word(&value.to_string()));
                }
            }
        }
    }
    words.join(" ")
}

/// Where the command goes: `--region`, and `--profile` and `--endpoint-url` when the console
/// uses them, so a pasted command reaches the same pool.
pub fn aimed(command: &str, region: &str, profile: Option<&str>, endpoint: Option<&str>) -> String {
    let mut words = vec![
        command.to_owned(),
        "--region".to_owned(),
        shell_word(region),
    ];
    if let Some(profile) = profile {
        words.extend(["--profile".to_owned(), shell_word(profile)]);
    }
    if let Some(endpoint) = endpoint {
        words.extend(["--endpoint-url".to_owned(), shell_word(endpoint)]);
    }
    words.join(" ")
}

/// botocore's `xform_name`: `AdminDisableUser` → `admin-disable-user`, `SMSMfaSettings` →
/// `sms-mfa-settings`, `MFAOptions` → `mfa-options`, `CallbackURLs` → `callback-urls`. A name
/// that ends in a plural acronym (`URLs`) has it as one word; otherwise a word boundary falls
/// before an upper-case letter that follows a lower-case letter or a digit, or that starts a
/// capitalised word after an acronym.
pub fn kebab(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let capitals = chars
        .iter()
        .rev()
        .skip(1)
        .take_while(|c| c.is_ascii_uppercase())
        .count();
    if chars.last() == Some(&'s') && capitals >= 2 && capitals + 1 < chars.len() {
        let (head, plural) = name.split_at(name.len() - capitals - 1);
        return format!("{}-{}", kebab(head), plural.to_ascii_lowercase());
    }
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if i > 0 && c.is_ascii_uppercase() {
            let before = chars[i - 1];
            let after = chars.get(i + 1).copied();
            let starts_word = before.is_ascii_lowercase() || before.is_ascii_digit();
            let ends_acronym =
                before.is_ascii_uppercase() && after.is_some_and(|a| a.is_ascii_lowercase());
            if starts_word || ends_acronym {
                out.push('-');
            }
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// A word a POSIX shell reads back as `text`: bare when it is plainly safe, else single-quoted.
pub fn shell_word(text: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || "@._+-=:/,".contains(c);
    // zsh expands a word that starts with `=`.
    if !text.is_empty() && !text.starts_with('=') && text.chars().all(safe) {
        text.to_owned()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn names_are_kebab_cased_as_botocore_does() {
        for (name, want) in [
            ("AdminDisableUser", "admin-disable-user"),
            ("UserPoolId", "user-pool-id"),
            ("SMSMfaSettings", "sms-mfa-settings"),
            ("MFAOptions", "mfa-options"),
            ("AdminSetUserMFAPreference", "admin-set-user-mfa-preference"),
            ("EmailMfaSettings", "email-mfa-settings"),
            ("DeviceKey", "device-key"),
            ("CallbackURLs", "callback-urls"),
            ("LogoutURLs", "logout-urls"),
            ("ResourceARNs", "resource-arns"),
        ] {
            assert_eq!(kebab(name), want, "{name}");
        }
    }

    #[test]
    fn a_request_becomes_its_command_with_every_value_quoted_for_the_shell() {
        let input = json!({
            "UserPoolId": "us-east-1_Ab12", "Username": "o'brien smith",
            "UserAttributes": [{"Name": "email_verified", "Value": "true"}],
            "Permanent": false, "MessageAction": "RESEND", "Missing": null
        });
        assert_eq!(
            command("AdminUpdateUserAttributes", &input),
            "aws cognito-idp admin-update-user-attributes --message-action RESEND \
             --no-permanent --user-attributes '[{\"Name\":\"email_verified\",\"Value\":\"true\"}]' \
             --user-pool-id us-east-1_Ab12 --username 'o'\\''brien smith'"
        );
        assert_eq!(shell_word("=x"), "'=x'", "zsh would expand it");
        assert_eq!(
            aimed(
                "aws cognito-idp x",
                "eu-west-1",
                Some("support team"),
                Some("http://127.0.0.1:5000")
            ),
            "aws cognito-idp x --region eu-west-1 --profile 'support team' \
             --endpoint-url http://127.0.0.1:5000"
        );
    }
}
