//! The index on real SQLite: a pool of 50 hand-made users, queried with every operator.

mod build;
mod changes;
mod files;
mod semantics;

use std::collections::BTreeSet;

use time::OffsetDateTime;

use super::{Index, MfaMethod, Query, UserRecord};
use crate::cognito::ids::{PoolId, Username};
use crate::cognito::types::{AttributeType, EpochSeconds};
use crate::cognito::user_status::UserStatus;

/// 2026-06-01T00:00:00Z: every relative date in these tests counts back from it.
pub const NOW: i64 = 1_780_272_000;
pub const DAY: i64 = 86_400;

pub fn now() -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(NOW).unwrap()
}

/// A user of the fixture, in the terms a test's expectation is written in.
#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    pub status: UserStatus,
    pub enabled: bool,
    /// Epoch seconds.
    pub created: Option<i64>,
    pub modified: Option<i64>,
    pub mfa: Vec<MfaMethod>,
    pub groups: Vec<&'static str>,
    pub attributes: Vec<(&'static str, String)>,
}

impl Person {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn in_group(&self, group: &str) -> bool {
        self.groups.contains(&group)
    }

    pub fn record(&self) -> UserRecord {
        #[allow(clippy::cast_precision_loss)]
        let date = |d: Option<i64>| d.map(|s| EpochSeconds(s as f64 + 0.25));
        UserRecord {
            username: Username::new(self.name.clone()),
            status: self.status.clone(),
            enabled: self.enabled,
            created: date(self.created),
            modified: date(self.modified),
            mfa: self.mfa.clone(),
            attributes: self
                .attributes
                .iter()
                .map(|(n, v)| AttributeType::new(*n, v.clone()))
                .collect(),
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn person(
    name: &str,
    status: UserStatus,
    enabled: bool,
    created_ago: Option<i64>,
    modified_ago: Option<i64>,
    mfa: &[MfaMethod],
    groups: &[&'static str],
    attributes: &[(&'static str, &str)],
) -> Person {
    Person {
        name: name.to_owned(),
        status,
        enabled,
        created: created_ago.map(|s| NOW - s),
        modified: modified_ago.map(|s| NOW - s),
        mfa: mfa.to_vec(),
        groups: groups.to_vec(),
        attributes: attributes
            .iter()
            .map(|(n, v)| (*n, (*v).to_owned()))
            .collect(),
    }
}

/// Twelve users written out, each there for a case, and 38 more made by rule.
#[allow(clippy::too_many_lines)] // a table
pub fn people() -> Vec<Person> {
    use MfaMethod::{Email, Sms, Totp};
    use UserStatus::{
        Archived, Compromised, Confirmed, ExternalProvider, ForceChangePassword, ResetRequired,
        Unconfirmed, Unknown,
    };
    let mut people = vec![
        person(
            "ann.smith1",
            Confirmed,
            true,
            Some(100 * DAY),
            Some(DAY),
            &[Totp],
            &["admins"],
            &[
                ("sub", "0a1"),
                ("email", "ann.smith1@gmail.com"),
                ("email_verified", "true"),
                ("custom:tenant", "acme"),
                ("custom:age", "34"),
            ],
        ),
        person(
            "ann.jones",
            Confirmed,
            true,
            Some(40 * DAY),
            Some(2 * DAY),
            &[],
            &["support"],
            &[
                ("sub", "0b2"),
                ("email", "Ann.Jones@GMAIL.com"),
                ("email_verified", "false"),
                ("custom:tenant", "acme"),
                ("custom:age", "17"),
            ],
        ),
        person(
            "ann.lee7",
            Unconfirmed,
            true,
            Some(45 * DAY),
            Some(45 * DAY),
            &[],
            &[],
            &[
                ("sub", "1c3"),
                ("email", "ann.lee7@yahoo.com"),
                ("email_verified", "false"),
            ],
        ),
        person(
            "bob",
            Unconfirmed,
            true,
            Some(10 * DAY),
            Some(10 * DAY),
            &[],
            &[],
            &[("sub", "2d4"), ("email", "bob@example.com")],
        ),
        // Created exactly 30 days before now: `created < -30d` is false, `created <= -30d` true.
        person(
            "carol",
            Unconfirmed,
            true,
            Some(30 * DAY),
            None,
            &[],
            &["support"],
            &[
                ("sub", "3e5"),
                ("email", "carol@example.com"),
                ("phone_number", "+15550100"),
            ],
        ),
        person(
            "dave",
            ForceChangePassword,
            false,
            Some(5 * DAY),
            Some(DAY),
            &[Sms],
            &[],
            &[
                ("sub", "4f6"),
                ("email", "dave@acme.test"),
                ("custom:tenant", "acme"),
            ],
        ),
        person(
            "erin",
            ResetRequired,
            false,
            Some(60 * DAY),
            Some(3 * DAY),
            &[Email],
            &["admins"],
            &[
                ("sub", "5a7"),
                ("custom:tenant", "globex"),
                ("custom:age", "70.5"),
            ],
        ),
        person(
            "frank",
            ExternalProvider,
            true,
            Some(3 * DAY),
            Some(3 * DAY),
            &[],
            &[],
            &[
                ("sub", "6b8"),
                ("identities", "[{\"providerName\":\"Google\"}]"),
            ],
        ),
        person(
            "grace",
            Archived,
            true,
            Some(400 * DAY),
            Some(300 * DAY),
            &[],
            &[],
            &[("sub", "7c9"), ("email", "grace_h@example.com")],
        ),
        person(
            "heidi",
            Compromised,
            false,
            Some(20 * DAY),
            Some(DAY / 2),
            &[Sms, Totp],
            &["admins", "support"],
            &[("sub", "8da"), ("email", "50%off@example.com")],
        ),
        person(
            "ivan",
            Unknown,
            true,
            Some(2 * DAY),
            Some(2 * DAY),
            &[],
            &[],
            &[("sub", "9eb"), ("email", "IVAN@Example.COM")],
        ),
        // No dates and no attributes at all.
        person("judy", Confirmed, true, None, None, &[], &[], &[]),
    ];
    for i in 0..38 {
        people.push(filler(i));
    }
    people
}

fn filler(i: i64) -> Person {
    let index = usize::try_from(i).unwrap();
    let mfa: &[MfaMethod] = match i % 4 {
        0 => &[],
        1 => &[MfaMethod::Sms],
        2 => &[MfaMethod::Totp],
        _ => &[MfaMethod::Sms, MfaMethod::Email],
    };
    let groups: &[&str] = match i % 5 {
        0 => &["admins"],
        1 => &["support"],
        2 => &["admins", "support"],
        _ => &[],
    };
    let mut attributes = vec![
        ("sub", format!("{:x}f{i}", i % 16)),
        ("email_verified", (i % 2 == 0).to_string()),
    ];
    if i % 10 != 9 {
        let domain = ["gmail.com", "Example.org", "yahoo.com"][index % 3];
        attributes.push(("email", format!("user{i:02}@{domain}")));
    }
    if i % 4 != 3 {
        attributes.push((
            "custom:tenant",
            ["acme", "globex", "initech"][index % 4].to_owned(),
        ));
    }
    let age = if i % 6 == 5 {
        "unknown".to_owned()
    } else {
        (18 + i).to_string()
    };
    attributes.push(("custom:age", age));
    Person {
        name: format!("user{i:02}"),
        status: UserStatus::KNOWN[index % 8].clone(),
        enabled: i % 3 != 0,
        created: Some(NOW - i * 5 * DAY - 3_600),
        modified: Some(NOW - (i % 7) * DAY - 60),
        mfa: mfa.to_vec(),
        groups: groups.to_vec(),
        attributes,
    }
}

/// The fixture built into a complete in-memory index, in two batches, groups listed per group.
pub fn built() -> (Index, Vec<Person>) {
    let people = people();
    let mut index = Index::in_memory().unwrap();
    build_into(&mut index, &people);
    (index, people)
}

pub fn build_into(index: &mut Index, people: &[Person]) {
    index
        .start_build(&PoolId::new("us-east-1_Test"), "us-east-1")
        .unwrap();
    let records: Vec<UserRecord> = people.iter().map(Person::record).collect();
    for batch in records.chunks(30) {
        index.add_users(batch).unwrap();
    }
    for group in ["admins", "support", "empty"] {
        let members = people
            .iter()
            .filter(|p| p.in_group(group))
            .map(|p| p.name.as_str());
        index.set_group_members(group, members).unwrap();
    }
    index.finish(now()).unwrap();
}

/// The usernames `query` finds.
pub fn found(index: &Index, query: &str) -> BTreeSet<String> {
    let query = Query::parse(query).unwrap();
    let users = index.query(&query, now(), usize::MAX).unwrap();
    assert_eq!(index.count(&query, now()).unwrap(), users.len() as u64);
    users
        .into_iter()
        .map(|u| u.user.username.as_str().to_owned())
        .collect()
}

pub fn names(people: &[Person], keep: impl Fn(&Person) -> bool) -> BTreeSet<String> {
    people
        .iter()
        .filter(|p| keep(p))
        .map(|p| p.name.clone())
        .collect()
}

pub fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|n| (*n).to_owned()).collect()
}
