//! The ListUsers Filter grammar: `attribute = "value"` or `attribute ^= "value"`.

use super::error::{LocalError, LocalResult};

/// What an attribute name in a filter refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    Username,
    Sub,
    /// `cognito:user_status`.
    UserStatus,
    /// `status`: `Enabled` or `Disabled`.
    Enabled,
    /// A standard attribute stored with the user's attributes.
    Attribute(&'static str),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    pub field: Field,
    pub prefix: bool,
    pub value: String,
}

const ATTRIBUTES: &[&str] = &[
    "email",
    "phone_number",
    "name",
    "given_name",
    "family_name",
    "preferred_username",
];

/// None for an absent or blank filter; InvalidParameterException for anything AWS refuses.
pub fn parse(text: &str) -> LocalResult<Option<Filter>> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let invalid =
        |why: &str| LocalError::invalid_parameter(format!("Error while parsing filter: {why}"));
    let name_end = text
        .find(|c: char| c.is_whitespace() || c == '=' || c == '^')
        .ok_or_else(|| invalid("expected an operator"))?;
    let (name, rest) = text.split_at(name_end);
    let rest = rest.trim_start();
    let (prefix, rest) = if let Some(r) = rest.strip_prefix("^=") {
        (true, r)
    } else if let Some(r) = rest.strip_prefix('=') {
        (false, r)
    } else {
        return Err(invalid("the operator must be = or ^="));
    };
    let value = quoted(rest.trim_start()).ok_or_else(|| invalid("expected a quoted value"))?;
    let field = match name {
        "username" => Field::Username,
        "sub" => Field::Sub,
        "cognito:user_status" => Field::UserStatus,
        "status" => Field::Enabled,
        other => ATTRIBUTES
            .iter()
            .find(|a| **a == other)
            .map(|a| Field::Attribute(a))
            .ok_or_else(|| {
                LocalError::invalid_parameter(format!("Invalid search attribute: {other}"))
            })?,
    };
    Ok(Some(Filter {
        field,
        prefix,
        value,
    }))
}

/// The content of `"..."` with `\"` and `\\` unescaped; nothing may follow the closing quote.
fn quoted(text: &str) -> Option<String> {
    let mut chars = text.strip_prefix('"')?.chars();
    let mut out = String::new();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push(chars.next()?),
            '"' => return chars.as_str().trim().is_empty().then_some(out),
            c => out.push(c),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_both_operators_on_every_searchable_attribute() {
        let f = parse(r#"email ^= "ann""#).unwrap().unwrap();
        assert_eq!(f.field, Field::Attribute("email"));
        assert!(f.prefix);
        let f = parse(r#"cognito:user_status="UNCONFIRMED""#)
            .unwrap()
            .unwrap();
        assert_eq!((f.field, f.prefix), (Field::UserStatus, false));
        assert_eq!(parse(r#"name = "a\"b""#).unwrap().unwrap().value, "a\"b");
        assert_eq!(parse("  ").unwrap(), None);
    }

    #[test]
    fn refuses_other_attributes_operators_and_syntax() {
        for bad in [
            r#"custom:tenant = "x""#,
            r#"email != "x""#,
            r"email = x",
            r#"email = "x" junk"#,
            r#"email = "x"#,
            "email",
        ] {
            let err = parse(bad).unwrap_err();
            assert_eq!(err.code, "InvalidParameterException", "{bad}");
        }
    }
}
