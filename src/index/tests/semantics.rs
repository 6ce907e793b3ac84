//! Each operator against the fixture: what the index finds equals the meaning written in Rust.

use super::*;
use crate::index::{Grouping, IndexError};

/// `query` finds exactly the people `meaning` keeps, some but not all of them.
#[track_caller]
fn check(query: &str, meaning: impl Fn(&Person) -> bool) {
    let (index, people) = built();
    let expected = names(&people, meaning);
    assert!(
        !expected.is_empty() && expected.len() < people.len(),
        "{query}: a weak case"
    );
    assert_eq!(found(&index, query), expected, "{query}");
}

fn days_ago(at: Option<i64>) -> Option<i64> {
    at.map(|t| NOW - t)
}

#[test]
fn the_issue_examples() {
    check("status = UNCONFIRMED and created < -30d", |p| {
        p.status == UserStatus::Unconfirmed && days_ago(p.created).is_some_and(|d| d > 30 * DAY)
    });
    check(r#"custom:tenant = "acme" and not enabled"#, |p| {
        p.attr("custom:tenant") == Some("acme") && !p.enabled
    });
    check(r#"email ~ "gmail.com""#, |p| {
        p.attr("email")
            .is_some_and(|e| e.to_lowercase().contains("gmail.com"))
    });
    check("group = admins or group = support", |p| {
        p.in_group("admins") || p.in_group("support")
    });
    check("email_verified = false", |p| {
        p.attr("email_verified") == Some("false")
    });
    check("modified > 2026-05-29", |p| {
        p.modified.is_some_and(|m| m >= NOW - 2 * DAY)
    });
    check("mfa != none", |p| !p.mfa.is_empty());
    let (index, _) = built();
    assert_eq!(
        found(&index, r"username =~ /^ann\.[a-z]+[0-9]$/"),
        set(&["ann.lee7", "ann.smith1"])
    );
}

#[test]
fn text_comparisons_on_attributes_respect_case_but_contains_does_not() {
    let (index, _) = built();
    assert_eq!(found(&index, "email = ann.jones@gmail.com"), set(&[]));
    assert_eq!(
        found(&index, "email = Ann.Jones@GMAIL.com"),
        set(&["ann.jones"])
    );
    assert_eq!(found(&index, "email ~ JONES@gmail"), set(&["ann.jones"]));
    assert_eq!(
        found(&index, "email ^= ann."),
        set(&["ann.lee7", "ann.smith1"])
    );
    assert_eq!(found(&index, "email ^= Ann"), set(&["ann.jones"]));
    assert_eq!(found(&index, "email =~ /^ivan@/"), set(&[]));
    assert_eq!(found(&index, "email =~ /^ivan@/i"), set(&["ivan"]));
    // LIKE's wildcards in the text are literal.
    assert_eq!(found(&index, "email ~ 50%"), set(&["heidi"]));
    assert_eq!(found(&index, "email ~ E_H"), set(&["grace"]));
    assert_eq!(found(&index, "email ~ r_0"), set(&[]));
    assert_eq!(found(&index, "email ~ 1%g"), set(&[]));
}

#[test]
fn a_missing_attribute_matches_only_not_equal() {
    check("email != bob@example.com", |p| {
        p.attr("email") != Some("bob@example.com")
    });
    check(r#"email ~ """#, |p| p.attr("email").is_some());
    check("not email ~ example", |p| {
        !p.attr("email")
            .is_some_and(|e| e.to_lowercase().contains("example"))
    });
    check("phone_number ^= +1", |p| p.attr("phone_number").is_some());
    let (index, _) = built();
    assert!(found(&index, "email != x").contains("judy"));
    assert!(!found(&index, "email =~ /.*/").contains("judy"));
    assert_eq!(found(&index, "no_such_attribute = x"), set(&[]));
    assert_eq!(found(&index, "no_such_attribute != x").len(), 50);
}

#[test]
fn usernames() {
    check("username = bob", |p| p.name == "bob");
    check("username != bob", |p| p.name != "bob");
    check("username ^= user1", |p| p.name.starts_with("user1"));
    check("username ~ SER0", |p| p.name.contains("ser0"));
    check("username =~ /^user[0-9]5$/", |p| {
        p.name.len() == 6 && p.name.starts_with("user") && p.name.ends_with('5')
    });
}

#[test]
fn numbers_in_attributes() {
    let age = |p: &Person| p.attr("custom:age").and_then(|a| a.parse::<f64>().ok());
    check("custom:age < 18", |p| age(p).is_some_and(|a| a < 18.0));
    check("custom:age <= 20", |p| age(p).is_some_and(|a| a <= 20.0));
    check("custom:age > 50", |p| age(p).is_some_and(|a| a > 50.0));
    check("custom:age >= 70.5", |p| age(p).is_some_and(|a| a >= 70.5));
    check("not custom:age >= 18", |p| {
        !age(p).is_some_and(|a| a >= 18.0)
    });
}

#[test]
fn status_and_enabled() {
    for status in UserStatus::KNOWN {
        let wanted = status.clone();
        check(
            &format!("status = {}", status.as_str().to_lowercase()),
            |p| p.status == wanted,
        );
        check(&format!("status != {status}"), |p| p.status != status);
    }
    check("enabled", |p| p.enabled);
    check("not enabled", |p| !p.enabled);
    check("enabled = false", |p| !p.enabled);
    check("enabled != false", |p| p.enabled);
    check("email_verified", |p| {
        p.attr("email_verified") == Some("true")
    });
}

#[test]
fn dates_relative_to_now_and_whole_days() {
    let created = |p: &Person| days_ago(p.created);
    check("created < -30d", |p| {
        created(p).is_some_and(|d| d > 30 * DAY)
    });
    check("created <= -30d", |p| {
        created(p).is_some_and(|d| d >= 30 * DAY)
    });
    check("created > -4w", |p| {
        created(p).is_some_and(|d| d < 28 * DAY)
    });
    check("created >= -12h", |p| {
        created(p).is_some_and(|d| d <= 12 * 3_600)
    });
    check("modified < -90m", |p| {
        days_ago(p.modified).is_some_and(|d| d > 5_400)
    });
    // 2026-05-22 is 10 days before now: the whole UTC day.
    let may_22 = |t: i64| (NOW - 10 * DAY..NOW - 9 * DAY).contains(&t);
    check("created = 2026-05-22", |p| p.created.is_some_and(may_22));
    check("created != 2026-05-22", |p| !p.created.is_some_and(may_22));
    check("created > 2026-05-22", |p| {
        p.created.is_some_and(|t| t >= NOW - 9 * DAY)
    });
    check("created >= 2026-05-22", |p| {
        p.created.is_some_and(|t| t >= NOW - 10 * DAY)
    });
    check("created < 2026-05-22", |p| {
        p.created.is_some_and(|t| t < NOW - 10 * DAY)
    });
    check("created <= 2026-05-22", |p| {
        p.created.is_some_and(|t| t < NOW - 9 * DAY)
    });
    check("created < 2026-05-22T00:00:00+02:00", |p| {
        p.created.is_some_and(|t| t < NOW - 10 * DAY - 7_200)
    });
    let (index, _) = built();
    assert_eq!(found(&index, "created = -30d"), set(&["carol"]));
    assert!(found(&index, "modified != -1d").contains("judy"));
    assert!(!found(&index, "modified < 2100-01-01").contains("judy"));
}

#[test]
fn groups_and_mfa() {
    check("group = admins", |p| p.in_group("admins"));
    check("group != admins", |p| !p.in_group("admins"));
    check("group = admins and group = support", |p| {
        p.in_group("admins") && p.in_group("support")
    });
    check(
        "group != empty and group != admins and group != support",
        |p| p.groups.is_empty(),
    );
    check("mfa = none", |p| p.mfa.is_empty());
    check("mfa = sms", |p| p.mfa.contains(&MfaMethod::Sms));
    check("mfa != totp", |p| !p.mfa.contains(&MfaMethod::Totp));
    check("mfa = email", |p| p.mfa.contains(&MfaMethod::Email));
    let (index, _) = built();
    assert_eq!(found(&index, "group = empty"), set(&[]));
    assert_eq!(found(&index, "group = nobody_made_this").len(), 0);
}

#[test]
fn and_binds_tighter_than_or_in_results_too() {
    check("group = admins or group = support and not enabled", |p| {
        p.in_group("admins") || (p.in_group("support") && !p.enabled)
    });
    check("(group = admins or group = support) and not enabled", |p| {
        (p.in_group("admins") || p.in_group("support")) && !p.enabled
    });
}

#[test]
fn a_query_returns_whole_users_by_username_up_to_its_limit() {
    let (index, people) = built();
    let query = Query::parse("username ^= ann").unwrap();
    let users = index.query(&query, now(), 2).unwrap();
    let names: Vec<&str> = users.iter().map(|u| u.user.username.as_str()).collect();
    assert_eq!(names, ["ann.jones", "ann.lee7"]);
    let heidi = index
        .query(&Query::parse("username = heidi").unwrap(), now(), 10)
        .unwrap()
        .remove(0);
    let expected = people.iter().find(|p| p.name == "heidi").unwrap();
    let mut record = expected.record();
    record.created = record.created.map(|d| EpochSeconds(d.0.floor()));
    record.modified = record.modified.map(|d| EpochSeconds(d.0.floor()));
    assert_eq!(heidi.user, record);
    assert_eq!(heidi.groups, ["admins", "support"]);
    assert_eq!(heidi.attribute("email"), Some("50%off@example.com"));
    assert_eq!(heidi.to_user_type().mfa_options.len(), 1);
}

#[test]
fn for_each_streams_every_match_and_stops_at_the_first_error() {
    let (index, people) = built();
    let mut seen = BTreeSet::new();
    let visited = index
        .for_each(&Query::all(), now(), |u| {
            seen.insert(u.user.username.as_str().to_owned());
            Ok::<(), IndexError>(())
        })
        .unwrap();
    assert_eq!(visited, 50);
    assert_eq!(seen, names(&people, |_| true));
    let mut calls = 0;
    let stopped: Result<u64, anyhow::Error> = index.for_each(&Query::all(), now(), |_| {
        calls += 1;
        if calls == 3 {
            Err(anyhow::anyhow!("disk full"))
        } else {
            Ok(())
        }
    });
    assert_eq!(stopped.unwrap_err().to_string(), "disk full");
    assert_eq!(calls, 3);
}

#[test]
fn counts_by_status_enabled_group_and_attribute() {
    let (index, people) = built();
    let by = |g: Grouping| index.count_by(&g).unwrap();
    let count = |keep: &dyn Fn(&Person) -> bool| people.iter().filter(|p| keep(p)).count() as u64;
    let statuses = by(Grouping::Status);
    assert_eq!(statuses.len(), 8);
    for (status, n) in &statuses {
        let status = status.as_deref().unwrap();
        assert_eq!(*n, count(&|p| p.status.as_str() == status), "{status}");
    }
    assert_eq!(
        by(Grouping::Enabled),
        [
            (Some("false".to_owned()), count(&|p| !p.enabled)),
            (Some("true".to_owned()), count(&|p| p.enabled)),
        ]
    );
    assert_eq!(
        by(Grouping::named("group")),
        [
            (Some("admins".to_owned()), count(&|p| p.in_group("admins"))),
            (Some("empty".to_owned()), 0),
            (
                Some("support".to_owned()),
                count(&|p| p.in_group("support"))
            ),
            (None, count(&|p| p.groups.is_empty())),
        ]
    );
    let tenants = by(Grouping::named("custom:tenant"));
    let tenant = |t: &str| count(&|p| p.attr("custom:tenant") == Some(t));
    assert_eq!(
        tenants,
        [
            (Some("acme".to_owned()), tenant("acme")),
            (Some("globex".to_owned()), tenant("globex")),
            (Some("initech".to_owned()), tenant("initech")),
            (None, count(&|p| p.attr("custom:tenant").is_none())),
        ]
    );
    assert_eq!(by(Grouping::named("nothing")), [(None, 50)]);
    assert_eq!(index.count(&Query::all(), now()).unwrap(), 50);
    assert_eq!(index.groups().unwrap(), ["admins", "empty", "support"]);
}
