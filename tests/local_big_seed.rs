//! `--seed big:N`: exactly N users, the same on every machine, every status, sub prefixes that
//! split the pool evenly and page correctly, and attribute filters that agree whichever plan the
//! server takes for them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::cast_precision_loss)]

mod common;

use std::collections::{BTreeMap, HashSet};

use cognito_tui::local::seed_big::{BIG_POOL, GROUPS};
use cognito_tui::local::{Emulation, Seed, StateLocation, Store};
use common::plain_http::Server;
use serde_json::json;

/// Every user `filter` lists, page by page: (username, the value of `attribute`).
async fn listed(server: &Server, filter: &str, attribute: &str) -> Vec<(String, String)> {
    let mut users = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let mut input = json!({"UserPoolId": BIG_POOL, "Filter": filter});
        if let Some(t) = &token {
            input["PaginationToken"] = json!(t);
        }
        let page = server.ok("ListUsers", &input).await;
        let rows = page["Users"].as_array().unwrap();
        assert!(rows.len() <= 60);
        for user in rows {
            let sub = user["Attributes"]
                .as_array()
                .unwrap()
                .iter()
                .find(|a| a["Name"] == attribute)
                .unwrap()["Value"]
                .as_str()
                .unwrap()
                .to_owned();
            users.push((user["Username"].as_str().unwrap().to_owned(), sub));
        }
        match page["PaginationToken"].as_str() {
            Some(t) => token = Some(t.to_owned()),
            None => return users,
        }
    }
}

#[tokio::test]
async fn big_seed_partitions_by_sub_cover_every_user_once_and_evenly() {
    const N: usize = 16_000;
    let server = Server::start(Seed::Big(16_000), Emulation::default()).await;
    let described = server
        .ok("DescribeUserPool", &json!({"UserPoolId": BIG_POOL}))
        .await;
    assert_eq!(described["UserPool"]["Name"], "big");
    assert_eq!(described["UserPool"]["EstimatedNumberOfUsers"], N);
    let schema = described["UserPool"]["SchemaAttributes"].to_string();
    assert!(schema.contains("custom:tenant") && schema.contains("custom:plan"));
    let mut seen = HashSet::new();
    for digit in "0123456789abcdef".chars() {
        let users = listed(&server, &format!("sub ^= \"{digit}\""), "sub").await;
        let share = users.len() as f64 / (N as f64 / 16.0);
        assert!(
            (0.7..=1.3).contains(&share),
            "{digit}: {} users",
            users.len()
        );
        for (username, sub) in users {
            assert!(sub.starts_with(digit), "{username}: {sub}");
            assert!(seen.insert(username), "listed twice");
        }
    }
    assert_eq!(seen.len(), N);
}

#[tokio::test]
async fn attribute_filters_list_the_same_users_whichever_way_the_server_finds_them() {
    // 6,000 users: "ann." starts few emails (read from the value index), "" starts every one (the
    // pool walked in order), and an equality reads the index in username order.
    let server = Server::start(Seed::Big(6_000), Emulation::default()).await;
    let names = |users: &[(String, String)]| -> Vec<String> {
        let names: Vec<String> = users.iter().map(|(u, _)| u.clone()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(names, sorted, "in username order, each once");
        names
    };
    let by_name = listed(&server, "given_name = \"Ann\"", "given_name").await;
    assert!(by_name.iter().all(|(_, v)| v == "Ann"));
    let by_email = listed(&server, "email ^= \"ann.\"", "email").await;
    assert!(by_email.iter().all(|(_, v)| v.starts_with("ann.")));
    assert!(!by_name.is_empty());
    assert_eq!(names(&by_name), names(&by_email));
    let everyone = listed(&server, "email ^= \"\"", "email").await;
    assert_eq!(names(&everyone).len(), 6_000);
    let one = &by_email[by_email.len() / 2];
    let exact = listed(&server, &format!("email = \"{}\"", one.1), "email").await;
    assert_eq!(exact, std::slice::from_ref(one));
    assert!(
        listed(&server, "email = \"nobody@example.com\"", "email")
            .await
            .is_empty()
    );
}

/// Everything the seed wrote, as text, in key order.
fn dump(store: &Store) -> (String, BTreeMap<String, i64>, BTreeMap<String, i64>) {
    store
        .read(|c| {
            let mut text = String::new();
            for sql in [
                "SELECT username || sub || status || enabled || created || modified FROM users \
                 ORDER BY pool_id, username",
                "SELECT username || name || value FROM user_attributes \
                 ORDER BY pool_id, username, name",
                "SELECT username || group_name FROM memberships ORDER BY 1",
            ] {
                let mut stmt = c.prepare(sql).unwrap();
                let rows = stmt.query_map([], |r| r.get::<_, String>(0)).unwrap();
                for row in rows {
                    text.push_str(&row.unwrap());
                    text.push('\n');
                }
            }
            let counts = |sql: &str| -> BTreeMap<String, i64> {
                let mut stmt = c.prepare(sql).unwrap();
                stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                    .unwrap()
                    .map(Result::unwrap)
                    .collect()
            };
            let statuses = counts("SELECT status, count(*) FROM users GROUP BY status");
            let groups = counts(
                "SELECT group_name, count(*) FROM memberships GROUP BY group_name \
                 UNION ALL SELECT 'disabled', count(*) FROM users WHERE NOT enabled",
            );
            Ok((text, statuses, groups))
        })
        .unwrap()
}

fn seeded(users: u32) -> Store {
    let store = Store::open(&StateLocation::Memory).unwrap();
    cognito_tui::local::seed::apply_if_empty(&store, Seed::Big(users)).unwrap();
    store
}

#[test]
fn big_seed_is_the_same_every_time_with_every_status_and_some_of_everything() {
    let first = dump(&seeded(16_000));
    let second = dump(&seeded(16_000));
    assert!(first.0 == second.0, "two seeds of the same N differ");
    let (_, statuses, groups) = first;
    assert_eq!(statuses.values().sum::<i64>(), 16_000);
    for status in cognito_tui::cognito::user_status::UserStatus::KNOWN {
        assert!(statuses.contains_key(status.as_str()), "no {status:?} user");
    }
    for group in GROUPS.iter().chain(&["disabled"]) {
        assert!(groups.get(*group).is_some_and(|n| *n > 0), "{groups:?}");
    }
    // The same on every machine: fixed seed, fixed generator.
    let store = seeded(16_000);
    let (first_user, first_sub) = store
        .read(|c| {
            Ok(c.query_row(
                "SELECT username, sub FROM users ORDER BY username LIMIT 1",
                [],
                |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
            )
            .unwrap())
        })
        .unwrap();
    assert_eq!(first_user, "ann.adams.01");
    assert_eq!(first_sub, KNOWN_FIRST_SUB);
}

/// The first user's sub of `big:16000`, recorded once.
const KNOWN_FIRST_SUB: &str = "8f4036ae-9148-49ae-b34f-33465ef3f7f8";

#[test]
fn a_big_seed_of_every_size_has_exactly_that_many_users_and_is_seeded_once() {
    for n in [0, 1, 7, 8, 623, 624, 625, 1_249] {
        let store = seeded(n);
        cognito_tui::local::seed::apply_if_empty(&store, Seed::Big(n + 5)).unwrap();
        let count: i64 = store
            .read(|c| Ok(c.query_row("SELECT count(*) FROM users", [], |r| r.get(0))?))
            .unwrap();
        assert_eq!(count, i64::from(n), "big:{n}");
    }
}
