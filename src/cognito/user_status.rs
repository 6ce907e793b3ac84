//! A user's status (`UserStatusType`): the eight values the service model names, and any other
//! the service may add later kept as sent, so it still shows and round-trips unchanged.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum UserStatus {
    /// Signed up, not yet confirmed (by a code, a link or an administrator).
    Unconfirmed,
    Confirmed,
    Archived,
    Compromised,
    Unknown,
    /// An administrator reset the password; the user must choose a new one with a code.
    ResetRequired,
    /// Created by an administrator (or given a temporary password): must choose a new one.
    ForceChangePassword,
    /// Signed in through a federated identity provider, which manages the password.
    ExternalProvider,
    /// A status this build does not know, exactly as the service sent it.
    Other(String),
}

impl UserStatus {
    /// Every status the service model names, in its order.
    pub const KNOWN: [Self; 8] = [
        Self::Unconfirmed,
        Self::Confirmed,
        Self::Archived,
        Self::Compromised,
        Self::Unknown,
        Self::ResetRequired,
        Self::ForceChangePassword,
        Self::ExternalProvider,
    ];

    /// The value on the wire (`FORCE_CHANGE_PASSWORD`).
    pub fn as_str(&self) -> &str {
        match self {
            Self::Unconfirmed => "UNCONFIRMED",
            Self::Confirmed => "CONFIRMED",
            Self::Archived => "ARCHIVED",
            Self::Compromised => "COMPROMISED",
            Self::Unknown => "UNKNOWN",
            Self::ResetRequired => "RESET_REQUIRED",
            Self::ForceChangePassword => "FORCE_CHANGE_PASSWORD",
            Self::ExternalProvider => "EXTERNAL_PROVIDER",
            Self::Other(text) => text,
        }
    }

    /// The wire text of a status the service may leave out: empty when it did.
    pub fn text_of(status: Option<&Self>) -> &str {
        status.map_or("", Self::as_str)
    }

    /// The status a wire value names; an unknown one is kept as `Other`.
    pub fn parse(text: &str) -> Self {
        Self::KNOWN
            .into_iter()
            .find(|s| s.as_str() == text)
            .unwrap_or_else(|| Self::Other(text.to_owned()))
    }
}

impl From<&str> for UserStatus {
    fn from(text: &str) -> Self {
        Self::parse(text)
    }
}

impl fmt::Display for UserStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for UserStatus {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for UserStatus {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Ok(Self::parse(&text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_of_the_model_round_trips_as_the_wire_has_it() {
        let model = crate::cognito::shapes::model().unwrap();
        let wire = &model.shape("UserStatusType").unwrap().allowed;
        let ours: Vec<&str> = UserStatus::KNOWN.iter().map(UserStatus::as_str).collect();
        assert_eq!(ours, *wire, "the model's UserStatusType");
        for status in UserStatus::KNOWN {
            let json = serde_json::to_string(&status).unwrap();
            assert_eq!(json, format!("\"{}\"", status.as_str()));
            let back: UserStatus = serde_json::from_str(&json).unwrap();
            assert_eq!(back, status);
            assert!(!matches!(back, UserStatus::Other(_)), "{json}");
        }
    }

    #[test]
    fn a_status_added_later_still_shows_and_round_trips() {
        let s: UserStatus = serde_json::from_str("\"PASSKEY_ONLY\"").unwrap();
        assert_eq!(s, UserStatus::Other("PASSKEY_ONLY".to_owned()));
        assert_eq!(s.to_string(), "PASSKEY_ONLY");
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"PASSKEY_ONLY\"");
        // Case matters on the wire: a lower-case spelling is not the known status.
        assert!(matches!(
            UserStatus::parse("confirmed"),
            UserStatus::Other(_)
        ));
    }
}
