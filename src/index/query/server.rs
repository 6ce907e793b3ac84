//! Which queries one ListUsers Filter answers, and that Filter.

use super::ast::{Expr, Test, TextTest};
use crate::cognito::user_filter::{FilterAttribute, filter_expression};

pub fn filter(expr: &Expr) -> Option<String> {
    let Expr::Test(single) = expr else {
        return None;
    };
    let (attribute, (prefix, value)) = match single {
        Test::Username(text) => (FilterAttribute::Username, text_match(text)?),
        Test::Attribute { name, test } => {
            let attribute = FilterAttribute::from_name(name)
                .filter(|a| a.is_user_attribute() || *a == FilterAttribute::Sub)?;
            (attribute, text_match(test)?)
        }
        Test::Status {
            equal: true,
            status,
        } => (FilterAttribute::UserStatus, (false, status.as_str())),
        Test::Enabled(enabled) => {
            let value = if *enabled { "Enabled" } else { "Disabled" };
            (FilterAttribute::Status, (false, value))
        }
        _ => return None,
    };
    Some(filter_expression(attribute.name(), prefix, value))
}

/// `=` or `^=`, as (prefix, value): the two comparisons a Filter has.
fn text_match(test: &TextTest) -> Option<(bool, &str)> {
    match test {
        TextTest::Equals(value) => Some((false, value)),
        TextTest::StartsWith(value) => Some((true, value)),
        _ => None,
    }
}
