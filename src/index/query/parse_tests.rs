//! The examples of issue 12 mean what they say; precedence; the server filter.

use super::*;
use crate::cognito::user_status::UserStatus;
use crate::index::record::MfaMethod;

fn parse(text: &str) -> Expr {
    match Query::parse(text) {
        Ok(q) => q.expr().clone(),
        Err(e) => panic!("{text}: {e}"),
    }
}

fn test(t: Test) -> Expr {
    Expr::Test(t)
}

fn and(a: Expr, b: Expr) -> Expr {
    Expr::And(Box::new(a), Box::new(b))
}

fn or(a: Expr, b: Expr) -> Expr {
    Expr::Or(Box::new(a), Box::new(b))
}

fn not(a: Expr) -> Expr {
    Expr::Not(Box::new(a))
}

fn attr(name: &str, test: TextTest) -> Expr {
    Expr::Test(Test::Attribute {
        name: name.to_owned(),
        test,
    })
}

fn group(name: &str) -> Expr {
    test(Test::Group {
        equal: true,
        group: name.to_owned(),
    })
}

#[test]
fn unconfirmed_and_older_than_thirty_days() {
    assert_eq!(
        parse("status = UNCONFIRMED and created < -30d"),
        and(
            test(Test::Status {
                equal: true,
                status: UserStatus::Unconfirmed
            }),
            test(Test::Date {
                field: DateField::Created,
                op: Comparison::Lt,
                value: DateValue::Ago(30 * 86_400)
            })
        )
    );
}

#[test]
fn a_custom_attribute_and_not_a_bare_boolean() {
    assert_eq!(
        parse(r#"custom:tenant = "acme" and not enabled"#),
        and(
            attr("custom:tenant", TextTest::Equals("acme".into())),
            not(test(Test::Enabled(true)))
        )
    );
}

#[test]
fn contains_regex_and_prefix() {
    assert_eq!(
        parse(r#"email ~ "gmail.com""#),
        attr("email", TextTest::Contains("gmail.com".into()))
    );
    assert_eq!(
        parse(r"email =~ /^ann\.[a-z]+[0-9]$/"),
        attr("email", TextTest::Matches(r"^ann\.[a-z]+[0-9]$".into()))
    );
    assert_eq!(
        parse(r"email =~ /a\/b/i"),
        attr("email", TextTest::Matches("(?i)a/b".into()))
    );
    assert_eq!(
        parse(r#"username ^= "ann""#),
        test(Test::Username(TextTest::StartsWith("ann".into())))
    );
    assert_eq!(
        parse("username != 'o\\'brien'"),
        test(Test::Username(TextTest::NotEquals("o'brien".into())))
    );
}

#[test]
fn groups_booleans_dates_and_mfa() {
    assert_eq!(
        parse("group = admins or group = support"),
        or(group("admins"), group("support"))
    );
    assert_eq!(
        parse("email_verified = false"),
        attr("email_verified", TextTest::Equals("false".into()))
    );
    assert_eq!(
        parse("email_verified"),
        attr("email_verified", TextTest::Equals("true".into()))
    );
    assert_eq!(
        parse("modified > 2026-01-01"),
        test(Test::Date {
            field: DateField::Modified,
            op: Comparison::Gt,
            value: DateValue::Day(1_767_225_600)
        })
    );
    assert_eq!(
        parse("created >= 2026-01-01T10:00:00Z"),
        test(Test::Date {
            field: DateField::Created,
            op: Comparison::Ge,
            value: DateValue::Instant(1_767_225_600 + 36_000)
        })
    );
    assert_eq!(
        parse("mfa != none"),
        test(Test::Mfa {
            equal: false,
            method: None
        })
    );
    assert_eq!(
        parse("MFA = TOTP"),
        test(Test::Mfa {
            equal: true,
            method: Some(MfaMethod::Totp)
        })
    );
    assert_eq!(parse("enabled != true"), test(Test::Enabled(false)));
    assert_eq!(parse("enabled = FALSE"), test(Test::Enabled(false)));
}

#[test]
fn every_ordering_operator_on_dates_and_numbers() {
    for (op, cmp) in [
        ("=", Comparison::Eq),
        ("!=", Comparison::Ne),
        ("<", Comparison::Lt),
        ("<=", Comparison::Le),
        (">", Comparison::Gt),
        (">=", Comparison::Ge),
    ] {
        assert_eq!(
            parse(&format!("modified {op} -4h")),
            test(Test::Date {
                field: DateField::Modified,
                op: cmp,
                value: DateValue::Ago(4 * 3_600)
            })
        );
    }
    assert_eq!(
        parse("custom:age >= 18"),
        attr("custom:age", TextTest::Number(Ordering::Ge, 18.0))
    );
    assert_eq!(
        parse("custom:age<2.5"),
        attr("custom:age", TextTest::Number(Ordering::Lt, 2.5))
    );
}

#[test]
fn status_values_and_keywords_ignore_case() {
    assert_eq!(
        parse("Status = force_change_password OR NOT enabled"),
        or(
            test(Test::Status {
                equal: true,
                status: UserStatus::ForceChangePassword
            }),
            not(test(Test::Enabled(true)))
        )
    );
    for status in UserStatus::KNOWN {
        let q = format!("status != {}", status.as_str().to_lowercase());
        assert_eq!(
            parse(&q),
            test(Test::Status {
                equal: false,
                status
            })
        );
    }
}

#[test]
fn and_binds_tighter_than_or_and_parentheses_override() {
    let a = || group("a");
    let b = || group("b");
    let c = || group("c");
    assert_eq!(
        parse("group = a or group = b and group = c"),
        or(a(), and(b(), c()))
    );
    assert_eq!(
        parse("group = a and group = b or group = c"),
        or(and(a(), b()), c())
    );
    assert_eq!(
        parse("(group = a or group = b) and group = c"),
        and(or(a(), b()), c())
    );
    assert_eq!(parse("not group = a and group = b"), and(not(a()), b()));
    assert_eq!(parse("not (group = a and group = b)"), not(and(a(), b())));
    assert_eq!(parse("((group = a))"), a());
}

#[test]
fn unquoted_values_run_to_the_next_space_operator_or_parenthesis() {
    assert_eq!(
        parse("email=ann@example.com"),
        attr("email", TextTest::Equals("ann@example.com".into()))
    );
    assert_eq!(
        parse("(phone_number=+15550100)"),
        attr("phone_number", TextTest::Equals("+15550100".into()))
    );
    assert_eq!(
        parse(r#"name = "and or not""#),
        attr("name", TextTest::Equals("and or not".into()))
    );
}

#[test]
fn one_equality_or_prefix_on_a_filterable_attribute_runs_on_the_server() {
    let filter = |text: &str| Query::parse(text).unwrap().server_filter();
    let cases = [
        (
            r#"email = "ann@example.com""#,
            r#"email = "ann@example.com""#,
        ),
        ("username ^= ann", r#"username ^= "ann""#),
        ("phone_number = +15550100", r#"phone_number = "+15550100""#),
        ("sub ^= 0", r#"sub ^= "0""#),
        ("given_name = 'Ann \"A\"'", r#"given_name = "Ann \"A\"""#),
        (
            "status = unconfirmed",
            r#"cognito:user_status = "UNCONFIRMED""#,
        ),
        ("enabled", r#"status = "Enabled""#),
        ("not enabled = true", "none"),
        ("enabled = false", r#"status = "Disabled""#),
        ("(family_name = x)", r#"family_name = "x""#),
    ];
    for (query, expected) in cases {
        let expected = (expected != "none").then(|| expected.to_owned());
        assert_eq!(filter(query), expected, "{query}");
    }
    for local_only in [
        "custom:tenant = acme",
        "email ~ gmail",
        "email != x",
        "email =~ /x/",
        "status != CONFIRMED",
        "email = a and email = a",
        "email = a or name = b",
        "group = admins",
        "mfa = none",
        "created < -1d",
        "email_verified = true",
        "preferred_username != x",
    ] {
        assert_eq!(filter(local_only), None, "{local_only}");
    }
    assert_eq!(Query::all().server_filter(), None);
}
