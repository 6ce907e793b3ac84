//! Memory per loaded user: RSS before and after 100,000 UserRows arrive through `update` in pages
//! of 60, as the worker sends them. Linux only (reads /proc/self/status).
#![allow(
    clippy::unwrap_used,
    clippy::print_stdout,
    clippy::cast_possible_truncation,
    clippy::cast_precision_loss
)]

use cognito_tui::app::rows::{PoolRow, UserRow};
use cognito_tui::app::state::Context;
use cognito_tui::app::{Action, Effect, Payload, State, init, update};
use cognito_tui::cognito::pools::UserPoolDescriptionType;
use cognito_tui::cognito::users::UserType;
use serde_json::json;

const USERS: usize = 100_000;
const PAGE: usize = 60;
const STATUSES: [&str; 4] = [
    "CONFIRMED",
    "UNCONFIRMED",
    "FORCE_CHANGE_PASSWORD",
    "RESET_REQUIRED",
];

fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

fn page(start: usize) -> Vec<UserRow> {
    (start..(start + PAGE).min(USERS))
        .map(|i| {
            let u: UserType = serde_json::from_value(json!({
                "Username": format!("user-{i:06}-{:08x}", i.wrapping_mul(2_654_435_761) as u32),
                "Enabled": !i.is_multiple_of(13),
                "UserStatus": STATUSES[i % STATUSES.len()],
                "UserCreateDate": 1_700_000_000.0 + i as f64 * 61.0,
                "UserLastModifiedDate": 1_700_000_000.0 + i as f64 * 97.0,
                "Attributes": [{"Name": "email", "Value": format!("person{i}@example{}.com", i % 50)}]
            }))
            .unwrap();
            UserRow::from(&u)
        })
        .collect()
}

fn api_request(effects: &[Effect]) -> u64 {
    effects
        .iter()
        .find_map(|e| match e {
            Effect::Api { request, .. } => Some(*request),
            _ => None,
        })
        .unwrap()
}

fn main() {
    let mut s = State::new(Context {
        region: "us-east-1".into(),
        ..Context::default()
    });
    let pools = api_request(&init(&mut s));
    let pool: UserPoolDescriptionType =
        serde_json::from_value(json!({"Id": "us-east-1_Big000001", "Name": "big"})).unwrap();
    update(
        &mut s,
        Action::Loaded {
            request: pools,
            payload: Payload::Pools(vec![PoolRow::from(&pool)]),
            done: true,
        },
    );
    let users = api_request(&update(&mut s, Action::Open));
    let before = rss_kib();
    for start in (0..USERS).step_by(PAGE) {
        let rows = page(start);
        update(
            &mut s,
            Action::Loaded {
                request: users,
                payload: Payload::Users(rows),
                done: start + PAGE >= USERS,
            },
        );
    }
    let after = rss_kib();
    let loaded = s.pool.as_ref().map_or(0, |p| p.users.table.total());
    assert_eq!(loaded, USERS);
    let per_user = (after - before) as f64 * 1024.0 / loaded as f64;
    println!("users loaded:  {loaded}");
    println!("RSS before:    {before} KiB");
    println!("RSS after:     {after} KiB");
    println!("per user:      {per_user:.0} bytes");
}
