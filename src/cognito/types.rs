//! Small value types shared by every resource: attributes, timestamps, masked secrets.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

/// A name/value attribute (`email`, `custom:tenant`, …).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AttributeType {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

impl AttributeType {
    pub fn new(name: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            value: Some(value.into()),
        }
    }
}

/// The value of attribute `name` in a list of attributes.
pub fn attribute<'a>(attributes: &'a [AttributeType], name: &str) -> Option<&'a str> {
    attributes
        .iter()
        .find(|a| a.name == name)
        .and_then(|a| a.value.as_deref())
}

/// A timestamp as the service sends it: epoch seconds, usually with a fraction.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EpochSeconds(pub f64);

impl EpochSeconds {
    /// This moment.
    pub fn now() -> Self {
        let t = time::OffsetDateTime::now_utc();
        #[allow(clippy::cast_precision_loss)] // seconds since 1970, far below 2^52
        let seconds = t.unix_timestamp() as f64;
        Self(seconds + f64::from(t.millisecond()) / 1000.0)
    }

    /// `2024-05-01 12:30:05Z`, UTC; the raw number when it is out of range.
    pub fn to_utc_string(self) -> String {
        #[allow(clippy::cast_possible_truncation)]
        let secs = self.0.floor() as i64;
        let format =
            time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]:[second]Z");
        time::OffsetDateTime::from_unix_timestamp(secs)
            .ok()
            .and_then(|t| t.format(&format).ok())
            .unwrap_or_else(|| self.0.to_string())
    }
}

/// A secret the service returned (an app client secret): masked in Debug and Display, revealed only
/// by an explicit `reveal()`.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    pub fn reveal(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Self)
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(** redacted **)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(super::secrets::MASK)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_format_as_utc() {
        assert_eq!(
            EpochSeconds(1_700_000_000.123).to_utc_string(),
            "2023-11-14 22:13:20Z"
        );
        let t: EpochSeconds = serde_json::from_str("1700000000").unwrap();
        assert_eq!(t, EpochSeconds(1_700_000_000.0));
        assert_eq!(EpochSeconds(1e20).to_utc_string(), "100000000000000000000");
    }

    #[test]
    fn secrets_are_masked_unless_revealed() {
        let s: Secret = serde_json::from_str("\"abc123secret\"").unwrap();
        assert!(!format!("{s:?} {s}").contains("abc123secret"));
        assert_eq!(s.reveal(), "abc123secret");
    }

    #[test]
    fn attribute_lookup() {
        let attrs = vec![
            AttributeType::new("email", "a@b.c"),
            AttributeType {
                name: "x".into(),
                value: None,
            },
        ];
        assert_eq!(attribute(&attrs, "email"), Some("a@b.c"));
        assert_eq!(attribute(&attrs, "x"), None);
        assert_eq!(attribute(&attrs, "y"), None);
    }
}
