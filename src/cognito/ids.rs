//! Newtype ids, so a `PoolId` never goes where a `ClientId` belongs.

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            pub fn new(value: impl Into<String>) -> Self {
                Self(value.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                Self(value.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> Self {
                Self(value)
            }
        }
    };
}

id_type!(
    /// A user pool id, `<region>_<suffix>` (e.g. `us-east-1_AbC123`).
    PoolId
);
id_type!(
    /// A user's username (or alias, where the pool accepts one).
    Username
);
id_type!(
    /// An app client id.
    ClientId
);
id_type!(
    /// A group name, unique in its pool.
    GroupName
);
id_type!(
    /// An identity provider name, unique in its pool.
    ProviderName
);

impl PoolId {
    /// True when the text has the shape of a pool id (so it is not taken for a pool name).
    pub fn looks_like_id(text: &str) -> bool {
        let Some((region, suffix)) = text.split_once('_') else {
            return false;
        };
        region.contains('-')
            && region
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !suffix.is_empty()
            && suffix.chars().all(|c| c.is_ascii_alphanumeric())
    }

    /// The region a pool id names (`eu-west-1_x` → `eu-west-1`).
    pub fn region(&self) -> Option<&str> {
        Self::looks_like_id(&self.0)
            .then(|| self.0.split_once('_').map(|(r, _)| r))
            .flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pool_id_shape_and_region() {
        assert!(PoolId::looks_like_id("us-east-1_AbC123"));
        assert!(PoolId::looks_like_id("eu-west-1_0123456789abcdef"));
        assert!(!PoolId::looks_like_id("production"));
        assert!(!PoolId::looks_like_id("my_pool"));
        assert!(!PoolId::looks_like_id("us-east-1_"));
        assert_eq!(PoolId::new("eu-west-1_x1").region(), Some("eu-west-1"));
        assert_eq!(PoolId::new("staging").region(), None);
    }

    #[test]
    fn ids_serialize_as_plain_strings() {
        let json = serde_json::to_string(&GroupName::new("admins")).unwrap();
        assert_eq!(json, "\"admins\"");
        let back: Username = serde_json::from_str("\"ann\"").unwrap();
        assert_eq!(back.as_str(), "ann");
    }
}
