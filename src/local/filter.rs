//! The ListUsers Filter grammar: `attribute = "value"` or `attribute ^= "value"`, on the
//! attributes `cognito::user_filter` names.

use super::error::{LocalError, LocalResult};
use crate::cognito::user_filter::FilterAttribute;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    pub attribute: FilterAttribute,
    pub prefix: bool,
    pub value: String,
}

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
    let attribute = FilterAttribute::from_name(name).ok_or_else(|| {
        LocalError::invalid_parameter(format!("Invalid search attribute: {name}"))
    })?;
    Ok(Some(Filter {
        attribute,
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
        for attribute in FilterAttribute::ALL {
            for op in ["=", "^="] {
                let f = parse(&format!(r#"{} {op} "x""#, attribute.name()))
                    .unwrap()
                    .unwrap();
                assert_eq!((f.attribute, f.prefix), (attribute, op == "^="));
            }
        }
        let f = parse(r#"cognito:user_status="UNCONFIRMED""#)
            .unwrap()
            .unwrap();
        assert_eq!(
            (f.attribute, f.prefix),
            (FilterAttribute::UserStatus, false)
        );
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
