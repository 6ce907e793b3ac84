//! A user's MFA preference, remembered devices and sign-in history.

use serde::{Deserialize, Serialize};

use super::client::CognitoClient;
use super::ids::{PoolId, Username};
use super::types::{AttributeType, EpochSeconds};
use crate::aws::AwsError;

/// One MFA method's setting for AdminSetUserMFAPreference.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct MfaSettings {
    pub enabled: bool,
    pub preferred_mfa: bool,
}

/// Which methods to change; `None` leaves a method as it is.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct MfaPreference {
    #[serde(rename = "SMSMfaSettings", skip_serializing_if = "Option::is_none")]
    pub sms: Option<MfaSettings>,
    #[serde(
        rename = "SoftwareTokenMfaSettings",
        skip_serializing_if = "Option::is_none"
    )]
    pub software_token: Option<MfaSettings>,
    #[serde(rename = "EmailMfaSettings", skip_serializing_if = "Option::is_none")]
    pub email: Option<MfaSettings>,
}

impl MfaPreference {
    /// Every method off: what "reset MFA" means for a user locked out of their authenticator.
    pub fn all_disabled() -> Self {
        let off = Some(MfaSettings::default());
        Self {
            sms: off,
            software_token: off,
            email: off,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AdminListDevicesResponse {
    #[serde(default)]
    pub devices: Vec<DeviceType>,
    pub pagination_token: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeviceType {
    pub device_key: Option<String>,
    #[serde(default)]
    pub device_attributes: Vec<AttributeType>,
    pub device_create_date: Option<EpochSeconds>,
    pub device_last_modified_date: Option<EpochSeconds>,
    pub device_last_authenticated_date: Option<EpochSeconds>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AdminListUserAuthEventsResponse {
    #[serde(default)]
    pub auth_events: Vec<AuthEventType>,
    pub next_token: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AuthEventType {
    pub event_id: Option<String>,
    pub event_type: Option<String>,
    pub creation_date: Option<EpochSeconds>,
    pub event_response: Option<String>,
    pub event_risk: Option<serde_json::Value>,
    pub event_context_data: Option<serde_json::Value>,
    /// `ChallengeName` and `ChallengeResponse` (`Success`, `Failure`) of each step.
    #[serde(default)]
    pub challenge_responses: Vec<ChallengeResponse>,
    /// `FeedbackValue` (`Valid`, `Invalid`), `Provider` (`Admin`, `User`), `FeedbackDate`.
    pub event_feedback: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ChallengeResponse {
    pub challenge_name: Option<String>,
    pub challenge_response: Option<String>,
}

/// AdminUpdateAuthEventFeedback's `FeedbackValue`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feedback {
    /// The attempt was the user.
    Valid,
    /// It was not.
    Invalid,
}

impl Feedback {
    pub fn as_str(self) -> &'static str {
        match self {
            Feedback::Valid => "Valid",
            Feedback::Invalid => "Invalid",
        }
    }
}

/// AdminUpdateDeviceStatus's `DeviceRememberedStatus`.
pub fn remembered_status(remembered: bool) -> &'static str {
    if remembered {
        "remembered"
    } else {
        "not_remembered"
    }
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct SetMfa<'a> {
    user_pool_id: &'a PoolId,
    username: &'a Username,
    #[serde(flatten)]
    preference: &'a MfaPreference,
}

impl CognitoClient {
    pub async fn admin_set_user_mfa_preference(
        &self,
        pool: &PoolId,
        username: &Username,
        preference: &MfaPreference,
    ) -> Result<(), AwsError> {
        let input = SetMfa {
            user_pool_id: pool,
            username,
            preference,
        };
        self.act("AdminSetUserMFAPreference", &input).await
    }

    /// One page of up to 60 remembered devices, from `token`.
    pub async fn admin_list_devices(
        &self,
        pool: &PoolId,
        username: &Username,
        token: Option<&str>,
    ) -> Result<AdminListDevicesResponse, AwsError> {
        let input = serde_json::json!({
            "UserPoolId": pool, "Username": username, "Limit": 60, "PaginationToken": token,
        });
        self.call("AdminListDevices", &without_nulls(input)).await
    }

    pub async fn admin_forget_device(
        &self,
        pool: &PoolId,
        username: &Username,
        device_key: &str,
    ) -> Result<(), AwsError> {
        let input = serde_json::json!({ "UserPoolId": pool, "Username": username, "DeviceKey": device_key });
        self.act("AdminForgetDevice", &input).await
    }

    /// One page of up to 60 sign-in events, newest first, from `token`.
    pub async fn admin_list_user_auth_events(
        &self,
        pool: &PoolId,
        username: &Username,
        token: Option<&str>,
    ) -> Result<AdminListUserAuthEventsResponse, AwsError> {
        self.call(
            "AdminListUserAuthEvents",
            &auth_events_input(pool, username, token),
        )
        .await
    }

    /// The same page as the service sent it, for the raw JSON view.
    pub async fn admin_list_user_auth_events_json(
        &self,
        pool: &PoolId,
        username: &Username,
        token: Option<&str>,
    ) -> Result<serde_json::Value, AwsError> {
        self.call(
            "AdminListUserAuthEvents",
            &auth_events_input(pool, username, token),
        )
        .await
    }

    /// One page of remembered devices as the service sent it, from `token`.
    pub async fn admin_list_devices_json(
        &self,
        pool: &PoolId,
        username: &Username,
        token: Option<&str>,
    ) -> Result<serde_json::Value, AwsError> {
        let input = serde_json::json!({
            "UserPoolId": pool, "Username": username, "Limit": 60, "PaginationToken": token,
        });
        self.call("AdminListDevices", &without_nulls(input)).await
    }

    /// Tells threat protection whether a sign-in was the user (`Valid`) or not (`Invalid`).
    pub async fn admin_update_auth_event_feedback(
        &self,
        pool: &PoolId,
        username: &Username,
        event_id: &str,
        feedback: Feedback,
    ) -> Result<(), AwsError> {
        let input = serde_json::json!({
            "UserPoolId": pool, "Username": username, "EventId": event_id,
            "FeedbackValue": feedback.as_str(),
        });
        self.act("AdminUpdateAuthEventFeedback", &input).await
    }

    /// `remembered` or `not_remembered`; the device stays listed either way.
    pub async fn admin_update_device_status(
        &self,
        pool: &PoolId,
        username: &Username,
        device_key: &str,
        remembered: bool,
    ) -> Result<(), AwsError> {
        let input = serde_json::json!({
            "UserPoolId": pool, "Username": username, "DeviceKey": device_key,
            "DeviceRememberedStatus": remembered_status(remembered),
        });
        self.act("AdminUpdateDeviceStatus", &input).await
    }
}

/// A page of a user's sign-in history from `token`: the typed read and the raw one ask alike.
fn auth_events_input(pool: &PoolId, username: &Username, token: Option<&str>) -> serde_json::Value {
    without_nulls(serde_json::json!({
        "UserPoolId": pool, "Username": username, "MaxResults": 60, "NextToken": token,
    }))
}

fn without_nulls(mut value: serde_json::Value) -> serde_json::Value {
    if let Some(map) = value.as_object_mut() {
        map.retain(|_, v| !v.is_null());
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mfa_reset_turns_every_method_off() {
        let input = SetMfa {
            user_pool_id: &PoolId::new("us-east-1_x"),
            username: &Username::new("ann"),
            preference: &MfaPreference::all_disabled(),
        };
        let off = serde_json::json!({"Enabled": false, "PreferredMfa": false});
        assert_eq!(
            serde_json::to_value(&input).unwrap(),
            serde_json::json!({"UserPoolId":"us-east-1_x","Username":"ann",
                "SMSMfaSettings": off, "SoftwareTokenMfaSettings": off, "EmailMfaSettings": off})
        );
    }

    #[test]
    fn nulls_are_not_sent() {
        let v = without_nulls(serde_json::json!({"A": 1, "B": null}));
        assert_eq!(v, serde_json::json!({"A": 1}));
    }
}
