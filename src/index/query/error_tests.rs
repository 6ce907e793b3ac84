//! Every mistake names its column (1-based, in characters) and says what was wrong.

use super::*;

/// The error for `text`, checked to point at `column` and to say `says`.
#[track_caller]
fn fails(text: &str, column: usize, says: &str) {
    match Query::parse(text) {
        Ok(q) => panic!("{text} parsed as {:?}", q.expr()),
        Err(e) => {
            assert_eq!(e.column, column, "{text}: {e}");
            assert!(e.message.contains(says), "{text}: {e}");
            assert_eq!(e.to_string(), format!("column {column}: {}", e.message));
        }
    }
}

#[test]
fn a_missing_value_points_past_the_operator() {
    fails("custom:tenant = ", 17, "expected a value after \"=\"");
    fails("email ~", 8, "expected a value after \"~\"");
    fails("email = and enabled", 9, "expected a value after \"=\"");
    fails("(email = )", 10, "expected a value after \"=\"");
}

#[test]
fn unterminated_text_and_regex_point_at_their_opening() {
    fails(r#"email = "ann"#, 9, "unterminated text");
    fails(r"name = 'ann\'", 8, "unterminated text");
    fails("email =~ /^ann", 10, "unterminated regex");
    fails("email =~ /ann/x", 15, "unknown regex flag \"x\"");
}

#[test]
fn unknown_operators() {
    fails("email == x", 7, "unknown operator \"==\"");
    fails("email ! x", 7, "unknown operator \"!\"");
    fails("email <> x", 7, "unknown operator \"<>\"");
    fails("email x", 7, "expected an operator, found \"x\"");
}

#[test]
fn an_invalid_regex_points_at_the_regex() {
    fails("enabled and email =~ /a(b/", 22, "invalid regex");
    fails("email =~ /[z-a]/", 10, "invalid regex");
    fails("email =~ \"a.*\"", 10, "expected a regex after \"=~\"");
    fails("email = /a/", 9, "a regex /…/ goes with =~ only");
}

#[test]
fn bad_dates_point_at_the_date() {
    fails("created < -30y", 11, "bad date \"-30y\"");
    fails("modified > 2026-02-30", 12, "bad date");
    fails("created < yesterday", 11, "bad date");
    fails(
        "created ~ 2026-01-01",
        9,
        "created takes =, !=, <, <=, > or >=",
    );
}

#[test]
fn ordering_needs_a_date_or_a_number() {
    fails(
        "status < CONFIRMED",
        8,
        "\"<\" compares dates and numbers; status is neither",
    );
    fails("username >= b", 10, "username is neither");
    fails("group <= admins", 7, "group is neither");
    fails("enabled > false", 9, "enabled is neither");
    fails("custom:age > old", 14, "\"old\" is not one");
}

#[test]
fn values_of_fixed_sets() {
    fails(
        "status = ENABLED",
        10,
        "unknown status \"ENABLED\"; one of UNCONFIRMED",
    );
    fails("status = bogus and enabled", 10, "unknown status");
    fails("enabled = yes", 11, "expected true or false");
    fails("mfa = fido", 7, "unknown MFA method \"fido\"");
    fails("status ~ CONF", 8, "status takes = or !=");
    fails("group ^= adm", 7, "group takes = or !=");
}

#[test]
fn dangling_keywords() {
    fails("enabled and", 12, "expected a condition after \"and\"");
    fails("enabled or ", 12, "expected a condition after \"or\"");
    fails("not", 4, "expected a condition after \"not\"");
    fails(
        "enabled and or x = 1",
        13,
        "expected a condition after \"and\", found \"or\"",
    );
    fails("and enabled", 1, "expected a condition, found \"and\"");
    fails(
        "enabled enabled",
        9,
        "expected an operator, found \"enabled\"",
    );
    fails("email = a b", 11, "expected \"and\" or \"or\", found \"b\"");
}

#[test]
fn unbalanced_parentheses() {
    fails("(enabled and email = x", 1, "unclosed \"(\"");
    fails("enabled and (email = x or (name = y)", 13, "unclosed \"(\"");
    fails("enabled)", 8, "unmatched \")\"");
    fails(")", 1, "unmatched \")\"");
    fails("()", 2, "expected a condition after \"(\", found \")\"");
    fails("status", 7, "expected an operator after \"status\"");
}

#[test]
fn an_empty_query() {
    fails("", 1, "empty query");
    fails("   ", 1, "empty query");
}

#[test]
fn columns_count_characters_not_bytes() {
    fails("name = \"é\" and created < -1y", 26, "bad date");
    fails("name = é and", 13, "expected a condition after \"and\"");
}
