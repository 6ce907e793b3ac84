//! A user's remembered devices (AdminListDevices) and sign-in history (AdminListUserAuthEvents),
//! what the agent does there: forget a device, set it remembered or not, mark a sign-in valid or
//! invalid. Endpoints without them (moto) say so in place.

use crate::app::effect::UserChange;
use crate::app::form::Submit;
use crate::app::remote::{Remote, RequestId};
use crate::cognito::devices::{AuthEventType, DeviceType, Feedback};
use crate::cognito::types::{EpochSeconds, attribute};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeviceLine {
    pub key: String,
    pub name: String,
    pub last_seen: String,
    pub created: String,
    /// `remembered` or `not_remembered` (`dev:device_remembered_status`).
    pub status: String,
    /// The device as the service sent it (`y`).
    pub raw: serde_json::Value,
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
            status: attribute(&d.device_attributes, "dev:device_remembered_status")
                .unwrap_or_default()
                .to_owned(),
            raw: serde_json::Value::Null,
        }
    }
}

impl DeviceLine {
    /// The line of a device as the service sent it.
    pub fn from_json(raw: serde_json::Value) -> Self {
        let typed: DeviceType = serde_json::from_value(raw.clone()).unwrap_or_default();
        Self {
            raw,
            ..Self::from(&typed)
        }
    }

    pub fn is_remembered(&self) -> bool {
        self.status == "remembered"
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventLine {
    pub id: String,
    pub time: String,
    pub kind: String,
    pub response: String,
    /// Each step and how it went: `Password: Failure, Mfa: Success`.
    pub challenges: String,
    pub risk: String,
    /// `NoRisk`, `AccountTakeover` or `Block`: what threat protection did.
    pub decision: String,
    pub compromised: bool,
    /// Where it came from: `IP City, Country`, what a support agent checks first.
    pub from: String,
    /// `Valid` or `Invalid`, and who said so (`Admin`, `User`), when someone did.
    pub feedback: String,
    /// The event as the service sent it (`y`).
    pub raw: serde_json::Value,
}

impl From<&AuthEventType> for EventLine {
    fn from(e: &AuthEventType) -> Self {
        let risk = |field: &str| {
            e.event_risk
                .as_ref()
                .and_then(|r| r.get(field))
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_owned()
        };
        let challenges: Vec<String> = e
            .challenge_responses
            .iter()
            .map(|c| {
                format!(
                    "{}: {}",
                    c.challenge_name.as_deref().unwrap_or("?"),
                    c.challenge_response.as_deref().unwrap_or("?")
                )
            })
            .collect();
        let feedback = e.event_feedback.as_ref().map_or_else(String::new, |f| {
            let text = |k: &str| f.get(k).and_then(|v| v.as_str()).unwrap_or_default();
            match text("Provider") {
                "" => text("FeedbackValue").to_owned(),
                by => format!("{} ({by})", text("FeedbackValue")),
            }
        });
        Self {
            id: e.event_id.clone().unwrap_or_default(),
            time: date(e.creation_date),
            kind: e.event_type.clone().unwrap_or_default(),
            response: e.event_response.clone().unwrap_or_default(),
            challenges: challenges.join(", "),
            risk: risk("RiskLevel"),
            decision: risk("RiskDecision"),
            compromised: e
                .event_risk
                .as_ref()
                .and_then(|r| r.get("CompromisedCredentialsDetected"))
                .and_then(serde_json::Value::as_bool)
                .unwrap_or(false),
            from: origin(e.event_context_data.as_ref()),
            feedback,
            raw: serde_json::Value::Null,
        }
    }
}

impl EventLine {
    /// `Valid` or `Invalid`, without who said so.
    pub fn feedback_value(&self) -> &str {
        self.feedback
            .split_once(' ')
            .map_or(self.feedback.as_str(), |(value, _)| value)
    }

    /// The line of an event as the service sent it.
    pub fn from_json(raw: serde_json::Value) -> Self {
        let typed: AuthEventType = serde_json::from_value(raw.clone()).unwrap_or_default();
        Self {
            raw,
            ..Self::from(&typed)
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

/// Which list the keys move over and act on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Focus {
    #[default]
    Devices,
    Events,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DevicesView {
    pub user: String,
    pub devices: Remote<Vec<DeviceLine>>,
    pub events: Remote<Vec<EventLine>>,
    pub focus: Focus,
    /// The selected device.
    pub selected: usize,
    pub selected_event: usize,
    /// The event to select once the history arrives (its EventId): set by `at_event`, and by a
    /// reload after a change so the agent sees the event they marked.
    pub wanted_event: Option<String>,
    /// A change asked for: Enter sends it, Esc drops it.
    pub confirm: Option<UserChange>,
    /// The change sent last, for the toast when it is done.
    pub sent: Option<UserChange>,
    /// The selected item's raw JSON is shown (`y`), scrolled down this many lines.
    pub json: Option<u16>,
    /// Why the last key did nothing (the wrong list focused, nothing selected).
    pub hint: Option<String>,
    pub submit: Submit,
}

impl DevicesView {
    /// The view of `user`, both lists loading with these requests, the devices focused.
    pub fn new(user: &str, devices: RequestId, events: RequestId) -> Self {
        Self {
            user: user.to_owned(),
            devices: Remote::Loading(devices),
            events: Remote::Loading(events),
            focus: Focus::Devices,
            selected: 0,
            selected_event: 0,
            wanted_event: None,
            confirm: None,
            sent: None,
            json: None,
            hint: None,
            submit: Submit::Editing,
        }
    }

    /// The sign-in history focused, with the event `id` selected once it is listed (the newest
    /// blocked sign-in, when the verdict sends the agent here to mark it valid).
    #[must_use]
    pub fn at_event(mut self, id: &str) -> Self {
        self.focus = Focus::Events;
        self.wanted_event = Some(id.to_owned());
        self
    }

    pub fn selected_device(&self) -> Option<&DeviceLine> {
        self.devices.loaded().and_then(|d| d.get(self.selected))
    }

    pub fn selected_event(&self) -> Option<&EventLine> {
        self.events
            .loaded()
            .and_then(|e| e.get(self.selected_event))
    }

    /// The raw JSON of the focused list's selected item.
    pub fn selected_json(&self) -> Option<&serde_json::Value> {
        match self.focus {
            Focus::Devices => self.selected_device().map(|d| &d.raw),
            Focus::Events => self.selected_event().map(|e| &e.raw),
        }
    }

    /// The history arrived: the wanted event is selected if it is there.
    pub fn events_loaded(&mut self, request: RequestId, lines: Vec<EventLine>) {
        let wanted = self
            .wanted_event
            .as_ref()
            .and_then(|id| lines.iter().position(|e| &e.id == id));
        let count = lines.len();
        if self.events.land(request, lines) {
            self.selected_event = wanted.unwrap_or(self.selected_event);
            self.selected_event = self.selected_event.min(count.saturating_sub(1));
            self.wanted_event = None;
        }
    }

    pub fn devices_loaded(&mut self, request: RequestId, lines: Vec<DeviceLine>) {
        let count = lines.len();
        if self.devices.land(request, lines) {
            self.selected = self.selected.min(count.saturating_sub(1));
        }
    }

    /// What Enter confirms, as the status line asks it.
    pub fn confirmation(&self) -> Option<String> {
        let device = || {
            self.selected_device()
                .map_or_else(|| "the device".to_owned(), |d| d.name.clone())
        };
        let event = || {
            self.selected_event().map_or_else(
                || "the sign-in".to_owned(),
                |e| format!("the {} of {}", e.kind, e.time),
            )
        };
        Some(match self.confirm.as_ref()? {
            UserChange::ForgetDevice(_) => {
                "Forget the selected device? Enter forgets it · Esc keeps it".to_owned()
            }
            UserChange::DeviceStatus { remembered, .. } if *remembered => format!(
                "Set {} remembered? Where the pool allows it, it can skip MFA at sign-in. \
                 Enter confirms · Esc cancels",
                device()
            ),
            UserChange::DeviceStatus { .. } => format!(
                "Set {} not remembered? It stays listed and must pass MFA again. \
                 Enter confirms · Esc cancels",
                device()
            ),
            UserChange::EventFeedback {
                feedback: Feedback::Valid,
                ..
            } => format!(
                "Mark {} valid (it was the user)? Only once you have verified who you are \
                 talking to: threat protection learns to let such sign-ins through. \
                 Enter confirms · Esc cancels",
                event()
            ),
            UserChange::EventFeedback { .. } => format!(
                "Mark {} invalid (it was not the user)? Threat protection learns to treat \
                 such sign-ins as risky. Enter confirms · Esc cancels",
                event()
            ),
            _ => return None,
        })
    }
}

#[cfg(test)]
#[path = "devices_tests.rs"]
mod tests;
