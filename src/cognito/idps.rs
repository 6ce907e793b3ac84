//! Identity providers (SAML, OIDC, social): list and describe.

use std::collections::BTreeMap;

use futures::Stream;
use serde::{Deserialize, Serialize};

use super::client::CognitoClient;
use super::ids::{PoolId, ProviderName};
use super::paginate::{PoolListRequest, paged, pages};
use super::secrets::shown_detail;
use super::types::EpochSeconds;
use crate::aws::AwsError;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListIdentityProvidersResponse {
    #[serde(default)]
    pub providers: Vec<ProviderDescription>,
    pub next_token: Option<String>,
}
paged!(ListIdentityProvidersResponse, next_token);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ProviderDescription {
    pub provider_name: ProviderName,
    pub provider_type: Option<String>,
    pub last_modified_date: Option<EpochSeconds>,
    pub creation_date: Option<EpochSeconds>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeIdentityProviderResponse {
    pub identity_provider: Option<IdentityProviderType>,
}

/// Provider details hold `client_secret` for OIDC/social providers: mask it when showing.
#[derive(Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct IdentityProviderType {
    pub user_pool_id: Option<PoolId>,
    pub provider_name: Option<ProviderName>,
    pub provider_type: Option<String>,
    #[serde(default)]
    pub provider_details: BTreeMap<String, String>,
    #[serde(default)]
    pub attribute_mapping: BTreeMap<String, String>,
    #[serde(default)]
    pub idp_identifiers: Vec<String>,
    pub last_modified_date: Option<EpochSeconds>,
    pub creation_date: Option<EpochSeconds>,
}

impl std::fmt::Debug for IdentityProviderType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let details: BTreeMap<&str, &str> = self
            .provider_details
            .iter()
            .map(|(k, v)| (k.as_str(), shown_detail(k, v)))
            .collect();
        f.debug_struct("IdentityProviderType")
            .field("provider_name", &self.provider_name)
            .field("provider_type", &self.provider_type)
            .field("provider_details", &details)
            .field("attribute_mapping", &self.attribute_mapping)
            .field("idp_identifiers", &self.idp_identifiers)
            .finish_non_exhaustive()
    }
}

impl CognitoClient {
    /// Pages of up to 60 identity providers.
    pub fn list_identity_providers(
        &self,
        pool: &PoolId,
    ) -> impl Stream<Item = Result<ListIdentityProvidersResponse, AwsError>> + Send + 'static {
        let request = PoolListRequest::new(pool, 60);
        pages(self.clone(), "ListIdentityProviders", request)
    }

    pub async fn describe_identity_provider(
        &self,
        pool: &PoolId,
        provider: &ProviderName,
    ) -> Result<DescribeIdentityProviderResponse, AwsError> {
        self.call(
            "DescribeIdentityProvider",
            &serde_json::json!({ "UserPoolId": pool, "ProviderName": provider }),
        )
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oidc_client_secret_is_masked_in_debug() {
        let json = r#"{"IdentityProvider":{"ProviderName":"Okta","ProviderType":"OIDC",
            "ProviderDetails":{"client_id":"cid","client_secret":"very-secret","oidc_issuer":"https://x"},
            "AttributeMapping":{"email":"email"}}}"#;
        let r: DescribeIdentityProviderResponse = serde_json::from_str(json).unwrap();
        let shown = format!("{:?}", r.identity_provider.unwrap());
        assert!(!shown.contains("very-secret"), "{shown}");
        assert!(shown.contains("oidc_issuer"), "{shown}");
    }
}
