//! A user's remembered devices (AdminListDevices) and sign-in history (AdminListUserAuthEvents),
//! with forget-device. Endpoints without them (moto) say so in place.

use crate::app::form::Submit;
use crate::app::remote::Remote;
use crate::cognito::devices::{AuthEventType, DeviceType};
use crate::cognito::types::{EpochSeconds, attribute};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceLine {
    pub key: String,
    pub name: String,
    pub last_seen: String,
    pub created: String,
}

impl From<&DeviceType> for DeviceLine {
    fn from(d: &DeviceType) -> Self {
        Self {
            key: d.device_key.clone().unwrap_or_default(),
            name: attribute(&d.device_attributes, "device_name")
                .unwrap_or_default()
                .to_owned(),
            last_seen: date(d.device_last_authenticated_date),
            created: date(d.device_create_date),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventLine {
    pub time: String,
    pub kind: String,
    pub response: String,
    pub risk: String,
    /// Where it came from: `IP City, Country`, what a support agent checks first.
    pub from: String,
}

impl From<&AuthEventType> for EventLine {
    fn from(e: &AuthEventType) -> Self {
        let risk = e
            .event_risk
            .as_ref()
            .and_then(|r| r.get("RiskLevel"))
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_owned();
        Self {
            time: date(e.creation_date),
            kind: e.event_type.clone().unwrap_or_default(),
            response: e.event_response.clone().unwrap_or_default(),
            risk,
            from: origin(e.event_context_data.as_ref()),
        }
    }
}

/// `203.0.113.7 Berlin, Germany` from EventContextData; blank parts are left out.
fn origin(context: Option<&serde_json::Value>) -> String {
    let text = |k: &str| {
        context
            .and_then(|c| c.get(k))
            .and_then(|v| v.as_str())
            .filter(|s| !s.is_empty())
    };
    let place: Vec<&str> = ["City", "Country"].into_iter().filter_map(text).collect();
    let mut out = text("IpAddress").unwrap_or_default().to_owned();
    if !place.is_empty() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&place.join(", "));
    }
    out
}

fn date(d: Option<EpochSeconds>) -> String {
    d.map(EpochSeconds::to_utc_string).unwrap_or_default()
}

#[derive(Debug, Clone, PartialEq)]
pub struct DevicesView {
    pub user: String,
    pub devices: Remote<Vec<DeviceLine>>,
    pub events: Remote<Vec<EventLine>>,
    pub selected: usize,
    /// `f` was pressed: Enter forgets the selected device.
    pub confirm_forget: bool,
    pub submit: Submit,
}

impl DevicesView {
    pub fn selected_device(&self) -> Option<&DeviceLine> {
        self.devices.loaded().and_then(|d| d.get(self.selected))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_says_where_it_came_from() {
        let event: AuthEventType = serde_json::from_value(serde_json::json!({
            "EventType": "SignIn", "EventResponse": "Fail", "CreationDate": 1.7e9,
            "EventRisk": {"RiskLevel": "High"},
            "EventContextData": {"IpAddress": "203.0.113.7", "City": "Berlin", "Country": "Germany",
                                 "DeviceName": "Chrome"}
        }))
        .unwrap();
        let line = EventLine::from(&event);
        assert_eq!(line.from, "203.0.113.7 Berlin, Germany");
        assert_eq!(line.risk, "High");
        let bare: AuthEventType =
            serde_json::from_value(serde_json::json!({"EventContextData": {"City": ""}})).unwrap();
        assert_eq!(EventLine::from(&bare).from, "");
    }
}
