use serde_json::json;

use super::*;

#[test]
fn an_event_says_where_it_came_from() {
    let line = EventLine::from_json(json!({
        "EventType": "SignIn", "EventResponse": "Fail", "CreationDate": 1.7e9,
        "EventRisk": {"RiskLevel": "High"},
        "EventContextData": {"IpAddress": "203.0.113.7", "City": "Berlin", "Country": "Germany",
                             "DeviceName": "Chrome"}
    }));
    assert_eq!(line.from, "203.0.113.7 Berlin, Germany");
    assert_eq!(line.risk, "High");
    let bare = EventLine::from_json(json!({"EventContextData": {"City": ""}}));
    assert_eq!(bare.from, "");
}

#[test]
fn an_event_says_how_each_step_went_what_was_decided_and_who_said_it_was_valid() {
    let raw = json!({
        "EventId": "e1", "EventType": "SignIn", "EventResponse": "Fail",
        "EventRisk": {"RiskDecision": "Block", "RiskLevel": "High",
                      "CompromisedCredentialsDetected": true},
        "ChallengeResponses": [
            {"ChallengeName": "Password", "ChallengeResponse": "Success"},
            {"ChallengeName": "Mfa", "ChallengeResponse": "Failure"}
        ],
        "EventFeedback": {"FeedbackValue": "Valid", "Provider": "Admin",
                          "FeedbackDate": 1.7e9}
    });
    let line = EventLine::from_json(raw.clone());
    assert_eq!(line.id, "e1");
    assert_eq!(line.challenges, "Password: Success, Mfa: Failure");
    assert_eq!(
        (line.risk.as_str(), line.decision.as_str()),
        ("High", "Block")
    );
    assert!(line.compromised);
    assert_eq!(line.feedback, "Valid (Admin)");
    assert_eq!(line.raw, raw, "kept as the service sent it");
    let quiet = EventLine::from_json(json!({"EventId": "e2"}));
    assert_eq!(
        (quiet.challenges.as_str(), quiet.feedback.as_str()),
        ("", "")
    );
}

#[test]
fn a_device_says_whether_it_is_remembered() {
    let line = DeviceLine::from_json(json!({
        "DeviceKey": "us-east-1_d1",
        "DeviceAttributes": [
            {"Name": "device_name", "Value": "iPhone"},
            {"Name": "dev:device_remembered_status", "Value": "not_remembered"}
        ]
    }));
    assert_eq!(line.status, "not_remembered");
    assert!(!line.is_remembered());
    assert_eq!(line.raw["DeviceKey"], "us-east-1_d1");
}

fn event(id: &str) -> EventLine {
    EventLine::from_json(json!({"EventId": id, "EventType": "SignIn"}))
}

#[test]
fn at_event_selects_that_event_once_the_history_arrives() {
    let (devices, events) = (RequestId::default(), RequestId::default().next());
    let mut view = DevicesView::new("ann", devices, events).at_event("e3");
    assert_eq!(view.focus, Focus::Events);
    view.events_loaded(events, vec![event("e1"), event("e2"), event("e3")]);
    assert_eq!(view.selected_event().map(|e| e.id.as_str()), Some("e3"));
    assert_eq!(view.wanted_event, None);
    // An event no longer listed leaves the first selected.
    let mut view = DevicesView::new("ann", devices, events).at_event("gone");
    view.events_loaded(events, vec![event("e1")]);
    assert_eq!(view.selected_event, 0);
}
