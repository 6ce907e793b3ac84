//! Hidden characters in what users and servers send stay escaped in every popup drawn with
//! ratatui widgets, as `put` escapes them in the tables: a username with a zero-width joiner is
//! shown as `fz-a\u{200d}b` in the menu, the dialogs and their errors, the forms, the group
//! picker, devices and sign-in history, the bulk plan and the journal, never as the character.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod ui_support;

use cognito_tui::app::browse::pane::Rows;
use cognito_tui::app::browse::rows::GroupRow;
use cognito_tui::app::browse::rows::UserRow;
use cognito_tui::app::remote::RequestId;
use cognito_tui::app::users::devices::DeviceLine;
use cognito_tui::app::users::devices::EventLine;
use cognito_tui::app::users::journal::JournalLine;
use cognito_tui::app::users::menu::BulkChoice;
use cognito_tui::app::users::ops::UserOp;
use cognito_tui::app::{Action, Effect, InputKey, Payload, State};
use cognito_tui::cognito::types::Secret;
use cognito_tui::cognito::users::UserType;
use cognito_tui::shared::visible::is_hidden;
use ui_support::popups::key;
use ui_support::*;

const NAME: &str = "fz-a\u{200d}b";
const SHOWN: &str = "fz-a\\u{200d}b";

/// Prod's users tab with the look-alike user and one plain one.
fn with_lookalike() -> State {
    let (mut s, pools) = start();
    let req = open_prod(&mut s, pools);
    let rows = [NAME, "ann"]
        .iter()
        .map(|name| {
            let u: UserType = serde_json::from_value(serde_json::json!({
                "Username": name, "Enabled": true, "UserStatus": "CONFIRMED",
                "Attributes": [{"Name": "email", "Value": "x@example.com"}]
            }))
            .unwrap();
            UserRow::from(&u)
        })
        .collect();
    loaded(&mut s, req, Payload::Rows(Rows::new::<UserRow>(rows)), true);
    s
}

/// The screen shows every expected escape and no hidden character at all.
fn assert_escaped(what: &str, s: &State, shown: &[&str]) {
    let text = draw(s).to_string();
    for escaped in shown {
        assert!(text.contains(escaped), "{what}: {escaped} missing:\n{text}");
    }
    let hidden: Vec<char> = text
        .chars()
        .filter(|&c| c != '\n' && is_hidden(c))
        .collect();
    assert!(hidden.is_empty(), "{what}: {hidden:?} drawn as is:\n{text}");
}

fn api_requests(effects: &[Effect]) -> Vec<RequestId> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Api { request, .. } => Some(*request),
            _ => None,
        })
        .collect()
}

#[test]
fn menus_dialogs_and_their_errors() {
    let mut s = with_lookalike();
    act(&mut s, Action::OpenActionMenu);
    assert_escaped("menu", &s, &[SHOWN]);
    key(&mut s, InputKey::Cancel);
    act(&mut s, Action::User(UserOp::Delete));
    assert_escaped("delete", &s, &[&format!("Type {SHOWN} to confirm")]);
    key(&mut s, InputKey::Cancel);
    act(&mut s, Action::User(UserOp::ToggleEnabled));
    let req = request(&key(&mut s, InputKey::Submit));
    failed(
        &mut s,
        req,
        "UserNotFoundException",
        &format!("User {NAME} does not exist."),
    );
    assert_escaped(
        "dialog error",
        &s,
        &[&format!("User {SHOWN} does not exist.")],
    );
}

#[test]
fn forms_and_the_password_shown_once() {
    let mut s = with_lookalike();
    let effects = act(&mut s, Action::User(UserOp::SetPassword));
    loaded(
        &mut s,
        request(&effects),
        Payload::PoolSettings(settings()),
        true,
    );
    assert_escaped("form", &s, &[&format!("Set password of {SHOWN}")]);
    let [Effect::GeneratePassword { request: id, .. }] = key(&mut s, InputKey::Generate)[..] else {
        panic!("a password is generated");
    };
    let password = Payload::Password(Secret::new("Gen-Pass-7431x"));
    loaded(&mut s, id, password, true);
    let req = request(&key(&mut s, InputKey::Submit));
    loaded(&mut s, req, Payload::Done, true);
    assert_escaped("password", &s, &[&format!("Password of {SHOWN}")]);
}

#[test]
fn the_group_picker() {
    let mut s = with_lookalike();
    let req = request(&act(&mut s, Action::User(UserOp::AddToGroup)));
    let group: cognito_tui::cognito::groups::GroupType =
        serde_json::from_value(serde_json::json!({"GroupName": "te\u{200b}am"})).unwrap();
    loaded(
        &mut s,
        req,
        Payload::Rows(Rows::new(vec![GroupRow::from(&group)])),
        true,
    );
    assert_escaped("picker", &s, &[SHOWN, "te\\u{200b}am"]);
}

#[test]
fn devices_and_sign_in_history() {
    let mut s = with_lookalike();
    let ids = api_requests(&act(&mut s, Action::User(UserOp::Devices)));
    let device = DeviceLine {
        key: "us-east-1_0f9a".into(),
        name: "iPhone\u{202e}".into(),
        last_seen: String::new(),
        created: String::new(),
        ..DeviceLine::default()
    };
    loaded(&mut s, ids[0], Payload::Devices(vec![device]), true);
    let event = EventLine {
        time: String::new(),
        kind: "SignIn".into(),
        response: "Pass".into(),
        risk: String::new(),
        from: "Berlin\u{2060}".into(),
        ..EventLine::default()
    };
    loaded(&mut s, ids[1], Payload::AuthEvents(vec![event]), true);
    assert_escaped(
        "devices",
        &s,
        &[SHOWN, "iPhone\\u{202e}", "Berlin\\u{2060}"],
    );
}

#[test]
fn the_bulk_plan_and_the_journal() {
    let mut s = with_lookalike();
    act(&mut s, Action::ToggleMark);
    act(&mut s, Action::ToggleMark);
    act(&mut s, Action::OpenBulkMenu);
    act(&mut s, Action::Bulk(BulkChoice::Disable));
    assert_escaped("bulk plan", &s, &[&format!("disable {SHOWN}")]);
    key(&mut s, InputKey::Cancel);
    act(&mut s, Action::OpenPalette);
    type_text(&mut s, "journal");
    let effects = key(&mut s, InputKey::Submit);
    let [Effect::ReadJournal { request: id, .. }] = effects[..] else {
        panic!("{effects:?}");
    };
    let entry = JournalLine {
        operation: "AdminDisableUser".into(),
        target: NAME.into(),
        result: "ok".into(),
        ..JournalLine::default()
    };
    loaded(&mut s, id, Payload::Journal(vec![entry]), true);
    assert_escaped("journal", &s, &[SHOWN]);
}
