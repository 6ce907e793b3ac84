//! Snapshots of the devices and sign-in history view at work, on a 100x30 TestBackend and a wide
//! 160x30 one: the history focused with an event selected, the question before marking it valid,
//! its raw JSON, a blocked sign-in with its decision and feedback, and what `--read-only` offers.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

mod ui_support;

use cognito_tui::app::action::Payload;
use cognito_tui::app::remote::RequestId;
use cognito_tui::app::users::devices::{DeviceLine, EventLine};
use cognito_tui::app::users::ops::UserOp;
use cognito_tui::app::{Action, Effect, InputKey, State};
use cognito_tui::ui::Theme;
use insta::assert_snapshot;
use serde_json::json;
use ui_support::*;

fn key(s: &mut State, k: InputKey) -> Vec<Effect> {
    act(s, Action::Input(k))
}

fn events() -> Vec<EventLine> {
    let event = |id: &str, at: f64, response: &str, decision: &str, steps: serde_json::Value| {
        EventLine::from_json(json!({
            "EventId": id, "EventType": "SignIn", "CreationDate": at, "EventResponse": response,
            "EventRisk": {"RiskDecision": decision, "RiskLevel": "High",
                          "CompromisedCredentialsDetected": decision == "Block"},
            "ChallengeResponses": steps,
            "EventContextData": {"IpAddress": "203.0.113.158", "City": "Lagos",
                                 "Country": "Nigeria", "DeviceName": "Chrome 98, Windows 10"}
        }))
    };
    let password = |r: &str| json!([{"ChallengeName": "Password", "ChallengeResponse": r}]);
    let mut marked = event("e3", 1.705e9 - 600.0, "Fail", "NoRisk", password("Failure"));
    marked.feedback = "Invalid (Admin)".into();
    vec![
        event(
            "e1",
            1.705e9,
            "Fail",
            "Block",
            json!([{"ChallengeName": "Password", "ChallengeResponse": "Success"},
                   {"ChallengeName": "Mfa", "ChallengeResponse": "Failure"}]),
        ),
        event(
            "e2",
            1.705e9 - 60.0,
            "Fail",
            "AccountTakeover",
            password("Failure"),
        ),
        marked,
    ]
}

/// ann's view with a device and the events loaded, the history focused.
fn history() -> State {
    let mut s = users_state(8, true);
    let ids: Vec<RequestId> = act(&mut s, Action::User(UserOp::Devices))
        .iter()
        .filter_map(|e| match e {
            Effect::Api { request, .. } => Some(*request),
            _ => None,
        })
        .collect();
    let device = DeviceLine::from_json(json!({
        "DeviceKey": "us-east-1_0f9a2b7c-1111-4222-8333-444455556666",
        "DeviceAttributes": [{"Name": "device_name", "Value": "Ann's iPhone"},
                             {"Name": "dev:device_remembered_status", "Value": "remembered"}],
        "DeviceCreateDate": 1.6961e9, "DeviceLastAuthenticatedDate": 1.7e9
    }));
    loaded(&mut s, ids[0], Payload::Devices(vec![device]), true);
    loaded(&mut s, ids[1], Payload::AuthEvents(events()), true);
    key(&mut s, InputKey::Complete);
    s
}

#[test]
fn the_history_focused_asks_before_marking_a_sign_in_valid() {
    let mut s = history();
    assert_snapshot!("devices_history_focused", draw(&s));
    press(&mut s, 'v');
    assert_snapshot!("devices_confirm_valid", draw(&s));
    key(&mut s, InputKey::Cancel);
    key(&mut s, InputKey::Down);
    key(&mut s, InputKey::Down);
    press(&mut s, 'y');
    assert_snapshot!("devices_event_json", draw(&s));
}

#[test]
fn a_wide_terminal_shows_each_sign_ins_steps() {
    let s = history();
    let theme = Theme::new(false);
    assert_snapshot!(
        "devices_history_wide",
        draw_with(&s, &theme, 160, 24).backend()
    );
}

#[test]
fn read_only_offers_no_change_in_the_view() {
    let mut s = history();
    s.context.read_only = true;
    press(&mut s, 'v');
    assert_snapshot!("devices_read_only", draw(&s));
}
