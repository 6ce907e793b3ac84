//! Linking a user to an identity at an external provider, so that signing in there signs them in
//! as themselves (AdminLinkProviderForUser), and undoing it (AdminDisableProviderForUser). Both are
//! changes: they go through the client's one path, so the journal records them and read-only
//! mode refuses them.

use serde::{Deserialize, Serialize};

use super::client::CognitoClient;
use super::ids::{PoolId, ProviderName, Username};
use crate::aws::AwsError;

/// The provider name Cognito gives the pool's own (native) users.
pub const NATIVE_PROVIDER: &str = "Cognito";

/// A user as a provider knows them: which provider, and which of its attributes has which value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ProviderUserIdentifier {
    pub provider_name: ProviderName,
    pub provider_attribute_name: String,
    pub provider_attribute_value: String,
}

impl ProviderUserIdentifier {
    pub fn new(provider: &str, attribute: &str, value: &str) -> Self {
        Self {
            provider_name: ProviderName::new(provider),
            provider_attribute_name: attribute.to_owned(),
            provider_attribute_value: value.to_owned(),
        }
    }

    /// A native user of the pool as the destination of a link: provider `Cognito` and their
    /// username as the value (AWS ignores the attribute name there; `Username` says what it is).
    pub fn native(user: &Username) -> Self {
        Self::new(NATIVE_PROVIDER, "Username", user.as_str())
    }
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct Link<'a> {
    user_pool_id: &'a PoolId,
    destination_user: &'a ProviderUserIdentifier,
    source_user: &'a ProviderUserIdentifier,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct Disable<'a> {
    user_pool_id: &'a PoolId,
    user: &'a ProviderUserIdentifier,
}

impl CognitoClient {
    /// Links `source` (an identity at an external provider that has not signed in yet) to
    /// `destination` (an existing user): signing in at the provider then signs in as them.
    pub async fn admin_link_provider_for_user(
        &self,
        pool: &PoolId,
        destination: &ProviderUserIdentifier,
        source: &ProviderUserIdentifier,
    ) -> Result<(), AwsError> {
        let input = Link {
            user_pool_id: pool,
            destination_user: destination,
            source_user: source,
        };
        self.act("AdminLinkProviderForUser", &input).await
    }

    /// Removes a provider identity's link to its user (it can no longer sign in as them); for a
    /// native user (`Cognito`), their password stops working.
    pub async fn admin_disable_provider_for_user(
        &self,
        pool: &PoolId,
        user: &ProviderUserIdentifier,
    ) -> Result<(), AwsError> {
        let input = Disable {
            user_pool_id: pool,
            user,
        };
        self.act("AdminDisableProviderForUser", &input).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_request_names_the_native_user_as_destination() {
        let source = ProviderUserIdentifier::new("Google", "Cognito_Subject", "1234");
        let input = Link {
            user_pool_id: &PoolId::new("us-east-1_x"),
            destination_user: &ProviderUserIdentifier::native(&Username::new("ann")),
            source_user: &source,
        };
        assert_eq!(
            serde_json::to_value(&input).unwrap(),
            serde_json::json!({"UserPoolId": "us-east-1_x",
                "DestinationUser": {"ProviderName": "Cognito", "ProviderAttributeName": "Username",
                    "ProviderAttributeValue": "ann"},
                "SourceUser": {"ProviderName": "Google", "ProviderAttributeName": "Cognito_Subject",
                    "ProviderAttributeValue": "1234"}})
        );
    }
}
