//! The devices and sign-in history view as update scripts: both lists load apart, Tab moves
//! between them, `y` shows the selected item's raw JSON, and each change (forget, remembered or
//! not, a sign-in valid or invalid) is asked first, sent on Enter and read back, selection kept;
//! under `--read-only` none of them is offered.

use serde_json::json;

use crate::app::action::{Action, InputKey, Payload};
use crate::app::effect::{ApiCall, Change, Effect, Read, UserChange};
use crate::app::remote::{Remote, RequestId};
use crate::app::state::{Overlay, State};
use crate::app::update::tests_support::*;
use crate::app::update::update;
use crate::app::users::devices::{DeviceLine, DevicesView, EventLine, Focus};
use crate::app::users::ops::UserOp;
use crate::cognito::devices::Feedback;

fn view(s: &State) -> &DevicesView {
    match &s.overlay {
        Overlay::Devices(v) => v,
        other => panic!("no devices view: {other:?}"),
    }
}

fn device(key: &str, remembered: bool) -> DeviceLine {
    let status = if remembered {
        "remembered"
    } else {
        "not_remembered"
    };
    DeviceLine::from_json(json!({
        "DeviceKey": key,
        "DeviceAttributes": [{"Name": "device_name", "Value": "Ann's phone"},
                             {"Name": "dev:device_remembered_status", "Value": status}]
    }))
}

fn event(id: &str, response: &str) -> EventLine {
    EventLine::from_json(json!({
        "EventId": id, "EventType": "SignIn", "EventResponse": response, "CreationDate": 1.7e9,
        "EventRisk": {"RiskLevel": "High", "RiskDecision": "NoRisk"},
        "ChallengeResponses": [{"ChallengeName": "Password", "ChallengeResponse": "Success"}]
    }))
}

/// The two list requests of an opening or a reload.
fn requests(effects: &[Effect]) -> (RequestId, RequestId) {
    let devices = find(effects, |c| {
        matches!(c, ApiCall::Read(Read::ListDevices(..)))
    });
    let events = find(effects, |c| {
        matches!(c, ApiCall::Read(Read::ListAuthEvents(..)))
    });
    (devices, events)
}

/// ann's view with two devices and three events loaded.
fn opened() -> State {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    let (devices, events) = requests(&update(&mut s, Action::User(UserOp::Devices)));
    let lines = vec![device("d1", true), device("d2", false)];
    answer(&mut s, devices, Payload::Devices(lines));
    let lines = vec![
        event("e1", "Fail"),
        event("e2", "Fail"),
        event("e3", "Pass"),
    ];
    answer(&mut s, events, Payload::AuthEvents(lines));
    s
}

fn change(effects: &[Effect]) -> (RequestId, UserChange) {
    match only_api(effects) {
        (req, ApiCall::Change(Change::User { op, .. })) => (req, op),
        other => panic!("{other:?}"),
    }
}

#[test]
fn tab_moves_between_the_lists_and_arrows_move_in_the_focused_one() {
    let mut s = opened();
    assert_eq!(view(&s).focus, Focus::Devices);
    key(&mut s, InputKey::Down);
    key(&mut s, InputKey::Down);
    assert_eq!(view(&s).selected, 1, "stops at the last device");
    key(&mut s, InputKey::Complete);
    assert_eq!(view(&s).focus, Focus::Events);
    key(&mut s, InputKey::Down);
    assert_eq!((view(&s).selected, view(&s).selected_event), (1, 1));
    key(&mut s, InputKey::BackTab);
    assert_eq!(view(&s).focus, Focus::Devices);
}

#[test]
fn y_shows_the_selected_events_json_as_sent_and_y_or_esc_goes_back() {
    let mut s = opened();
    key(&mut s, InputKey::Complete);
    key(&mut s, InputKey::Down);
    press(&mut s, 'y');
    assert_eq!(view(&s).json, Some(0));
    assert_eq!(view(&s).selected_json().unwrap()["EventId"], "e2");
    key(&mut s, InputKey::Down);
    assert_eq!(
        (view(&s).json, view(&s).selected_event),
        (Some(1), 1),
        "scrolls"
    );
    key(&mut s, InputKey::Cancel);
    assert_eq!(view(&s).json, None, "Esc leaves the JSON, not the view");
    press(&mut s, 'y');
    press(&mut s, 'y');
    assert_eq!(view(&s).json, None);
}

#[test]
fn marking_a_sign_in_valid_asks_first_then_sends_and_reads_both_lists_again() {
    let mut s = opened();
    press(&mut s, 'v');
    assert!(view(&s).confirm.is_none(), "the devices have the focus");
    assert!(
        view(&s)
            .hint
            .as_deref()
            .unwrap()
            .contains("Tab to the sign-in history")
    );
    key(&mut s, InputKey::Complete);
    key(&mut s, InputKey::Down);
    assert!(
        press(&mut s, 'v').is_empty(),
        "nothing is sent before Enter"
    );
    let ask = view(&s).confirmation().unwrap();
    assert!(ask.contains("valid") && ask.contains("verified"), "{ask}");
    let (req, op) = change(&key(&mut s, InputKey::Submit));
    assert_eq!(
        op,
        UserChange::EventFeedback {
            event: "e2".into(),
            feedback: Feedback::Valid
        }
    );
    assert!(press(&mut s, 'i').is_empty(), "keys wait while it is sent");
    let after = answer(&mut s, req, Payload::Done);
    assert_eq!(s.toast.as_deref(), Some("✓ sign-in of ann marked valid"));
    let (devices, events) = requests(&after);
    let lines = vec![
        event("new", "Pass"),
        event("e1", "Fail"),
        event("e2", "Fail"),
    ];
    answer(&mut s, events, Payload::AuthEvents(lines));
    answer(&mut s, devices, Payload::Devices(vec![device("d1", true)]));
    let v = view(&s);
    assert_eq!(v.focus, Focus::Events, "the focus is kept");
    assert_eq!(
        v.selected_event().unwrap().id,
        "e2",
        "the marked event stays selected"
    );
}

#[test]
fn invalid_and_device_status_are_asked_and_esc_drops_the_question() {
    let mut s = opened();
    press(&mut s, 'm');
    assert_eq!(
        view(&s).hint.as_deref(),
        Some("The device is already remembered")
    );
    press(&mut s, 'n');
    assert!(view(&s).confirmation().unwrap().contains("not remembered"));
    key(&mut s, InputKey::Cancel);
    assert!(view(&s).confirm.is_none(), "Esc drops the question");
    assert!(
        matches!(s.overlay, Overlay::Devices(_)),
        "and keeps the view"
    );
    press(&mut s, 'n');
    let (_, op) = change(&key(&mut s, InputKey::Submit));
    assert_eq!(
        op,
        UserChange::DeviceStatus {
            device: "d1".into(),
            remembered: false
        }
    );
    let mut s = opened();
    key(&mut s, InputKey::Complete);
    press(&mut s, 'i');
    let (_, op) = change(&key(&mut s, InputKey::Submit));
    assert_eq!(
        op,
        UserChange::EventFeedback {
            event: "e1".into(),
            feedback: Feedback::Invalid
        }
    );
}

#[test]
fn a_failed_change_shows_its_error_in_place_and_the_next_key_clears_it() {
    let mut s = opened();
    key(&mut s, InputKey::Complete);
    press(&mut s, 'v');
    let (req, _) = change(&key(&mut s, InputKey::Submit));
    fail(&mut s, req, "NotAuthorizedException", "no permission");
    assert!(matches!(
        view(&s).submit,
        crate::app::form::Submit::Failed(_)
    ));
    key(&mut s, InputKey::Down);
    assert!(matches!(view(&s).submit, crate::app::form::Submit::Editing));
}

#[test]
fn read_only_offers_no_change() {
    let mut s = opened();
    s.context.read_only = true;
    for c in ['f', 'm', 'n'] {
        assert!(press(&mut s, c).is_empty());
        assert!(view(&s).confirm.is_none(), "{c}");
    }
    key(&mut s, InputKey::Complete);
    for c in ['v', 'i'] {
        press(&mut s, c);
        key(&mut s, InputKey::Submit);
        assert!(view(&s).confirm.is_none(), "{c}");
    }
    // Typed straight to the reducer, past the key table, they are refused as well.
    key(&mut s, InputKey::Char('v'));
    assert!(view(&s).confirm.is_none());
}

#[test]
fn at_event_opens_on_the_history_with_that_event_selected() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    let effects = crate::app::users::devices_update::open_devices(&mut s, "ann", Some("e3"));
    let (_, events) = requests(&effects);
    let lines = vec![
        event("e1", "Fail"),
        event("e2", "Fail"),
        event("e3", "Fail"),
    ];
    answer(&mut s, events, Payload::AuthEvents(lines));
    assert_eq!(view(&s).focus, Focus::Events);
    assert_eq!(view(&s).selected_event().unwrap().id, "e3");
    assert!(matches!(view(&s).devices, Remote::Loading(_)));
}

#[test]
fn a_change_whose_answer_was_lost_reads_both_lists_again_in_place() {
    let mut s = opened();
    key(&mut s, InputKey::Complete);
    press(&mut s, 'v');
    let (req, _) = change(&key(&mut s, InputKey::Submit));
    let text = "no answer to AdminUpdateAuthEventFeedback: the change may have been applied";
    let effects = update(
        &mut s,
        Action::Failed {
            request: req,
            error: crate::app::remote::ErrorInfo {
                code: None,
                text: text.into(),
                kind: crate::app::remote::ErrorKind::OutcomeUnknown,
                resume: None,
            },
        },
    );
    let (devices, events) = requests(&effects);
    assert_ne!(devices, events, "both lists are read again");
    let v = view(&s);
    assert!(
        matches!(v.submit, crate::app::form::Submit::Editing),
        "nothing to send again"
    );
    assert!(v.sent.is_none());
    assert_eq!(v.focus, Focus::Events, "the agent stays where they were");
    let toast = s.toast.as_deref().unwrap();
    assert!(
        toast.starts_with("✗ ") && toast.contains("may have been applied"),
        "{toast}"
    );
    assert!(
        toast.contains("the history shows whether it was applied"),
        "{toast}"
    );
    // The fresh read lands in the view: it is what says whether the feedback was applied.
    answer(
        &mut s,
        events,
        Payload::AuthEvents(vec![event("e1", "Fail")]),
    );
    assert!(matches!(view(&s).events, Remote::Loaded(_)));
}

#[test]
fn a_change_made_from_the_users_detail_reads_the_detail_again_for_its_verdict() {
    let mut s = users(&[("ann", "CONFIRMED", true)]);
    update(&mut s, Action::Open);
    assert!(s.detail.is_some());
    let (devices, events) = requests(&update(&mut s, Action::User(UserOp::Devices)));
    answer(&mut s, devices, Payload::Devices(vec![device("d1", true)]));
    answer(
        &mut s,
        events,
        Payload::AuthEvents(vec![event("e1", "Fail")]),
    );
    key(&mut s, InputKey::Complete);
    press(&mut s, 'v');
    let (req, _) = change(&key(&mut s, InputKey::Submit));
    let after = answer(&mut s, req, Payload::Done);
    assert!(
        after.iter().any(|e| matches!(
            e,
            Effect::Api { call: ApiCall::Read(Read::Describe { key, .. }), .. } if key == "ann"
        )),
        "the detail behind the view is read again: {after:?}"
    );
    assert!(matches!(s.overlay, Overlay::Devices(_)), "the view stays");
}
