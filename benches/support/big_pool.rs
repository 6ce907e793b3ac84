//! The fixture the render benchmark and the memory example share: a console on a pool's users tab
//! with 100,000 users arriving through `update` in pages of 60, as the worker sends them.

use cognito_tui::app::browse::pane::Rows;
use cognito_tui::app::browse::rows::PoolRow;
use cognito_tui::app::browse::rows::UserRow;
use cognito_tui::app::remote::RequestId;
use cognito_tui::app::{Action, Effect, Payload, State, init, update};
use cognito_tui::cognito::pools::UserPoolDescriptionType;
use cognito_tui::cognito::users::UserType;
use serde_json::json;

pub const USERS: usize = 100_000;
pub const PAGE: usize = 60;
const STATUSES: [&str; 4] = [
    "CONFIRMED",
    "UNCONFIRMED",
    "FORCE_CHANGE_PASSWORD",
    "RESET_REQUIRED",
];

/// Users `start..start+60` (fewer at the end), deterministic.
pub fn page(start: usize) -> Vec<UserRow> {
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

fn api_request(effects: &[Effect]) -> RequestId {
    effects
        .iter()
        .find_map(|e| match e {
            Effect::Api { request, .. } => Some(*request),
            _ => None,
        })
        .unwrap()
}

/// Loads the pools (one, "big") and opens it: the id of the users request now awaited.
pub fn open_pool(s: &mut State) -> RequestId {
    let pools = api_request(&init(s));
    let pool: UserPoolDescriptionType =
        serde_json::from_value(json!({"Id": "us-east-1_Big000001", "Name": "big"})).unwrap();
    update(
        s,
        Action::Loaded {
            request: pools,
            payload: Payload::Pools(vec![PoolRow::from(&pool)]),
            done: true,
        },
    );
    api_request(&update(s, Action::Open))
}

/// Every page of users, as answers to `request`.
pub fn load_users(s: &mut State, request: RequestId) {
    for start in (0..USERS).step_by(PAGE) {
        update(
            s,
            Action::Loaded {
                request,
                payload: Payload::Rows(Rows::new::<UserRow>(page(start))),
                done: start + PAGE >= USERS,
            },
        );
    }
    assert_eq!(s.pool.as_ref().map_or(0, |p| p.users.table.total()), USERS);
}
