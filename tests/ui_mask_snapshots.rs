//! Screen-share mode (Ctrl-T, `--mask`): the users table, a user's detail and its raw JSON drawn
//! with every email address, phone number and personal attribute masked, and nothing of them
//! left anywhere on the screen; Ctrl-T again shows them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod ui_support;

use cognito_tui::app::browse::detail::DetailBody;
use cognito_tui::app::browse::user_detail::user_body;
use cognito_tui::app::{Action, Payload, State};
use cognito_tui::cognito::users::AdminGetUserResponse;
use insta::assert_snapshot;
use serde_json::json;
use ui_support::*;

fn screen(s: &State) -> String {
    format!("{:?}", draw(s))
}

/// Ann with a name, a phone and an address among her attributes, and a sign-in IP in her JSON.
fn ann() -> DetailBody {
    let raw = json!({
        "Username": "ann.adams@example.com",
        "UserAttributes": [
            {"Name": "email", "Value": "ann.adams@example.com"},
            {"Name": "phone_number", "Value": "+15555554567"},
            {"Name": "given_name", "Value": "Ann"},
            {"Name": "family_name", "Value": "Adams"},
            {"Name": "custom:tenant", "Value": "acme"},
            {"Name": "custom:last_ip", "Value": "203.0.113.158"}
        ],
        "UserCreateDate": 1_700_000_000.0,
        "UserLastModifiedDate": 1_700_003_600.0,
        "Enabled": true,
        "UserStatus": "CONFIRMED"
    });
    let user: AdminGetUserResponse = serde_json::from_value(raw.clone()).unwrap();
    user_body(&user, &["admins".into()], raw)
}

const PERSONAL: [&str; 6] = [
    "ann.adams@example.com",
    "5555554567",
    "Adams",
    "Ann",
    "113.158",
    "bob@example.com",
];

fn shows_none_of(screen: &str, what: &str) {
    for value in PERSONAL {
        assert!(!screen.contains(value), "{what} shows {value}:\n{screen}");
    }
}

#[test]
fn the_users_table_the_detail_and_the_json_show_nothing_personal() {
    let mut s = users_state(8, true);
    act(&mut s, Action::ToggleMask);
    let table = screen(&s);
    assert!(table.contains("MASKED"), "the header says so:\n{table}");
    assert!(table.contains("a***@example.com"), "{table}");
    shows_none_of(&table, "the users table");
    assert_snapshot!("mask_users", draw(&s));

    let req = request(&act(&mut s, Action::Open));
    loaded(&mut s, req, Payload::Detail(ann()), true);
    let detail = screen(&s);
    for masked in [
        "a***@example.com",
        "+1 *** *** 4567",
        "A***",
        "203.0.*.*",
        "acme",
    ] {
        assert!(detail.contains(masked), "{masked}:\n{detail}");
    }
    shows_none_of(&detail, "the detail");
    assert_snapshot!("mask_detail", draw(&s));

    act(&mut s, Action::ToggleJson);
    let raw = screen(&s);
    assert!(raw.contains(r#""Value": "A***""#), "{raw}");
    shows_none_of(&raw, "the raw JSON");

    act(&mut s, Action::ToggleMask);
    act(&mut s, Action::ToggleJson);
    let shown = screen(&s);
    assert!(shown.contains("ann.adams@example.com"), "{shown}");
    assert!(!shown.contains("MASKED"), "{shown}");
}
