//! The model's constraints checked as AWS checks them: every pattern compiles, Java's regex
//! semantics (whole-value match, ASCII `\w` `\s`, the lookbehind), Java's lengths, AWS's words.

use super::*;

fn username(value: &str) -> Vec<Constraint<'static>> {
    string_violations(USERNAME, value)
}

#[test]
fn every_pattern_in_the_model_compiles() {
    let model = model().expect("shapes.json parses");
    assert!(model.patterns().len() >= 40, "{}", model.patterns().len());
    for pattern in model.patterns() {
        assert_eq!(pattern.compile(), Ok(()), "{}", pattern.source());
    }
}

#[test]
fn usernames_refuse_spaces_and_control_characters_and_stop_at_128() {
    for ok in [
        "zoe",
        "zoe.tester",
        "a+b@example.com",
        "ünïcødé",
        "😀",
        "Zoë_Tester-1",
    ] {
        assert_eq!(username(ok), [], "{ok:?}");
    }
    let pattern = Constraint::Pattern(r"[\p{L}\p{M}\p{S}\p{N}\p{P}]+");
    for bad in [
        "zoe.tester x",
        "   ",
        " zoe",
        "zoe ",
        "nul\0byte",
        "two\nlines",
        "tab\t",
    ] {
        assert_eq!(username(bad), std::slice::from_ref(&pattern), "{bad:?}");
    }
    assert_eq!(username(""), [pattern, Constraint::MinLength(1)]);
    assert_eq!(username(&"a".repeat(128)), []);
    assert_eq!(username(&"a".repeat(129)), [Constraint::MaxLength(128)]);
    // Java counts UTF-16 units: 64 emoji are 128 of them, 65 are too many.
    assert_eq!(username(&"😀".repeat(64)), []);
    assert_eq!(username(&"😀".repeat(65)), [Constraint::MaxLength(128)]);
}

#[test]
fn java_classes_are_ascii_and_the_whole_value_must_match() {
    let pool = |v: &str| string_violations("UserPoolIdType", v).is_empty();
    assert!(pool("us-east-1_AbC123xyZ"));
    assert!(!pool("üs-east-1_AbC"), "Java's \\w is ASCII only");
    assert!(
        !pool(" us-east-1_AbC"),
        "the pattern must match the whole value"
    );
    assert!(!pool("YOUR_USER_POOL ID"));
    let password = |v: &str| string_violations("PasswordType", v).is_empty();
    assert!(
        password("pässwörd!"),
        "\\S is anything but ASCII whitespace"
    );
    assert!(!password("has space") && !password("tab\there"));
    let bucket = |v: &str| string_violations("S3BucketType", v).is_empty();
    assert!(bucket("my.bucket-1"));
    assert!(!bucket("my.bucket."), "(?<!\\.)$: no dot at the end");
    assert!(!bucket("my bucket"));
}

#[test]
fn enums_and_numbers() {
    let model = model().expect("shapes.json parses");
    let action = model.shape("MessageActionType").expect("MessageActionType");
    assert_eq!(action.string_violations(model, "RESEND"), []);
    let broken = action.string_violations(model, "EXPLODE");
    assert_eq!(
        broken.iter().map(ToString::to_string).collect::<Vec<_>>(),
        ["Member must satisfy enum value set: [RESEND, SUPPRESS]"]
    );
    let limit = model.shape("QueryLimitType").expect("QueryLimitType");
    assert_eq!(limit.value_violations(60), []);
    assert_eq!(limit.value_violations(61), [Constraint::MaxValue(60)]);
    assert_eq!(limit.value_violations(-1), [Constraint::MinValue(0)]);
}

#[test]
fn constraints_are_worded_as_aws_words_them() {
    let allowed = ["a".to_owned(), "b".to_owned()];
    let cases = [
        (Constraint::NotNull, "Member must not be null"),
        (
            Constraint::Pattern("[\\S]+"),
            "Member must satisfy regular expression pattern: [\\S]+",
        ),
        (
            Constraint::MinLength(1),
            "Member must have length greater than or equal to 1",
        ),
        (
            Constraint::MaxLength(128),
            "Member must have length less than or equal to 128",
        ),
        (
            Constraint::Enum(&allowed),
            "Member must satisfy enum value set: [a, b]",
        ),
        (
            Constraint::MinValue(0),
            "Member must have value greater than or equal to 0",
        ),
        (
            Constraint::MaxValue(60),
            "Member must have value less than or equal to 60",
        ),
        (
            Constraint::Elements(vec![Constraint::MaxLength(32), Constraint::MinLength(1)]),
            "Member must satisfy constraint: [Member must have length less than or equal to 32, \
             Member must have length greater than or equal to 1]",
        ),
        (
            Constraint::MapKeys(vec![Constraint::MinLength(1)]),
            "Map keys must satisfy constraint: [Member must have length greater than or equal to 1]",
        ),
        (
            Constraint::MapValues(vec![Constraint::MaxLength(256)]),
            "Map value must satisfy constraint: [Member must have length less than or equal to 256]",
        ),
    ];
    for (constraint, words) in cases {
        assert_eq!(constraint.to_string(), words);
    }
}
