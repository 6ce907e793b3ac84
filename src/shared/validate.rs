//! Format checks for usernames and attribute values, before they are sent: plain-English
//! problems, `None` = ok.

use crate::cognito::constraints::{self, Constraint};

/// A username Cognito would refuse, by the service model's own `UsernameType` (the rule the local
/// server enforces too): no spaces or control characters, at most 128 characters.
pub fn username_problem(value: &str) -> Option<String> {
    let problems: Vec<String> = constraints::string_violations(constraints::USERNAME, value)
        .iter()
        .map(|broken| match broken {
            Constraint::Pattern(_) => {
                "usernames cannot contain spaces or control characters".to_owned()
            }
            // Cognito counts as Java does, in UTF-16 units: an emoji is 2.
            Constraint::MaxLength(max) => format!(
                "usernames have at most {max} characters; this one has {}",
                value.encode_utf16().count()
            ),
            Constraint::MinLength(_) => "required".to_owned(),
            other => other.to_string(),
        })
        .collect();
    (!problems.is_empty()).then(|| problems.join("; "))
}

/// An email address: one `@`, something before it, a domain with a dot after it, no spaces.
pub fn email_problem(value: &str) -> Option<String> {
    if value.is_empty() {
        return Some("is empty: an email address looks like name@example.com".to_owned());
    }
    if value.chars().any(char::is_whitespace) {
        return Some("must not contain spaces".to_owned());
    }
    let Some((local, domain)) = value.split_once('@') else {
        return Some("needs an @, as in name@example.com".to_owned());
    };
    if domain.contains('@') {
        return Some("has more than one @".to_owned());
    }
    if local.is_empty() {
        return Some("needs a name before the @".to_owned());
    }
    if domain.is_empty() {
        return Some("needs a domain after the @, as in name@example.com".to_owned());
    }
    if !domain.contains('.') || domain.split('.').any(str::is_empty) {
        return Some(format!(
            "the domain {domain:?} is not a full domain name such as example.com"
        ));
    }
    if value.len() > 2048 {
        return Some("is longer than 2048 characters".to_owned());
    }
    None
}

/// A phone number in E.164 form, as Cognito requires: `+`, the country code, then the number, up
/// to 15 digits in all, no spaces or punctuation (`+14155550100`).
pub fn phone_problem(value: &str) -> Option<String> {
    let example = "as in +14155550100";
    let Some(digits) = value.strip_prefix('+') else {
        return Some(format!("must start with + and the country code, {example}"));
    };
    if digits.is_empty() {
        return Some(format!("needs digits after the +, {example}"));
    }
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return Some(format!(
            "must be only digits after the + (no spaces, dashes or brackets), {example}"
        ));
    }
    if digits.starts_with('0') {
        return Some(format!(
            "must not start with 0 after the +: country codes never do ({example})"
        ));
    }
    if digits.len() > 15 {
        return Some(format!(
            "has {} digits; E.164 numbers have at most 15",
            digits.len()
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames() {
        for ok in [
            "zoe",
            "zoe.tester",
            "zoe+1@example.com",
            "zoë",
            &"z".repeat(128),
        ] {
            assert_eq!(username_problem(ok), None, "{ok}");
        }
        let spaces = "usernames cannot contain spaces or control characters";
        for bad in ["zoe.tester x", "zoe\u{0}x", "zoe\nx", "\u{a0}zoe"] {
            assert_eq!(username_problem(bad).as_deref(), Some(spaces), "{bad:?}");
        }
        assert_eq!(
            username_problem(&format!("{} x", "z".repeat(200))),
            Some(format!(
                "{spaces}; usernames have at most 128 characters; this one has 202"
            ))
        );
    }

    #[test]
    fn emails() {
        accepts_and_rejects(
            email_problem,
            &[
                "ann@example.com",
                "a.b+tag@mail.example.co.uk",
                "ünï@exämple.de",
            ],
            &[
                ("", "is empty"),
                ("ann", "needs an @"),
                ("ann @example.com", "spaces"),
                ("@example.com", "before the @"),
                ("ann@", "domain after"),
                ("ann@localhost", "full domain"),
                ("ann@example..com", "full domain"),
                ("ann@example.com.", "full domain"),
                ("ann@b@example.com", "more than one"),
            ],
        );
    }

    #[test]
    fn phones() {
        accepts_and_rejects(
            phone_problem,
            &["+1", "+14155550100", "+442071838750", "+123456789012345"],
            &[
                ("", "must start with +"),
                ("14155550100", "must start with +"),
                ("+", "needs digits"),
                ("+1 415 555 0100", "only digits"),
                ("+1-415-555-0100", "only digits"),
                ("+0123", "must not start with 0"),
                ("+1234567890123456", "at most 15"),
            ],
        );
    }

    /// `check` passes each of `ok` and finds a problem in each of `bad` that says `says`.
    fn accepts_and_rejects(check: fn(&str) -> Option<String>, ok: &[&str], bad: &[(&str, &str)]) {
        for ok in ok {
            assert_eq!(check(ok), None, "{ok}");
        }
        for (bad, says) in bad {
            let problem = check(bad).unwrap_or_default();
            assert!(problem.contains(says), "{bad}: {problem}");
        }
    }
}
