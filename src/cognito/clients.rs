//! App clients: list and describe (the secret masked unless revealed).

use futures::{Stream, StreamExt as _, TryStreamExt as _};
use serde::{Deserialize, Serialize};

use super::client::CognitoClient;
use super::ids::{ClientId, PoolId};
use super::paginate::{PoolListRequest, paged, pages};
use super::types::{EpochSeconds, Secret};
use crate::aws::AwsError;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListUserPoolClientsResponse {
    #[serde(default)]
    pub user_pool_clients: Vec<UserPoolClientDescription>,
    pub next_token: Option<String>,
}
paged!(ListUserPoolClientsResponse, next_token);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UserPoolClientDescription {
    pub client_id: ClientId,
    pub user_pool_id: Option<PoolId>,
    pub client_name: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeUserPoolClientResponse {
    pub user_pool_client: Option<UserPoolClientType>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UserPoolClientType {
    pub user_pool_id: Option<PoolId>,
    pub client_name: Option<String>,
    pub client_id: Option<ClientId>,
    pub client_secret: Option<Secret>,
    pub last_modified_date: Option<EpochSeconds>,
    pub creation_date: Option<EpochSeconds>,
    pub refresh_token_validity: Option<i64>,
    pub access_token_validity: Option<i64>,
    pub id_token_validity: Option<i64>,
    #[serde(default)]
    pub explicit_auth_flows: Vec<String>,
    #[serde(default)]
    pub supported_identity_providers: Vec<String>,
    #[serde(default, rename = "CallbackURLs")]
    pub callback_urls: Vec<String>,
    #[serde(default, rename = "LogoutURLs")]
    pub logout_urls: Vec<String>,
    #[serde(default)]
    pub allowed_o_auth_flows: Vec<String>,
    #[serde(default)]
    pub allowed_o_auth_scopes: Vec<String>,
    pub allowed_o_auth_flows_user_pool_client: Option<bool>,
    pub prevent_user_existence_errors: Option<String>,
    pub enable_token_revocation: Option<bool>,
}

impl CognitoClient {
    /// Pages of up to 60 app clients.
    pub fn list_user_pool_clients(
        &self,
        pool: &PoolId,
    ) -> impl Stream<Item = Result<ListUserPoolClientsResponse, AwsError>> + Send + 'static {
        let request = PoolListRequest::new(pool, 60);
        pages(self.clone(), "ListUserPoolClients", request)
    }

    pub async fn describe_user_pool_client(
        &self,
        pool: &PoolId,
        client: &ClientId,
    ) -> Result<DescribeUserPoolClientResponse, AwsError> {
        self.call(
            "DescribeUserPoolClient",
            &serde_json::json!({ "UserPoolId": pool, "ClientId": client }),
        )
        .await
    }

    /// Every app client of the pool whose SupportedIdentityProviders names `provider`: a provider
    /// no client enables cannot be signed in with ("my new SAML login doesn't work"). One
    /// DescribeUserPoolClient per client (ListUserPoolClients does not say), a few at a time.
    pub async fn clients_enabling(
        &self,
        pool: &PoolId,
        provider: &str,
    ) -> Result<Vec<UserPoolClientType>, AwsError> {
        let listed: Vec<ClientId> = self
            .list_user_pool_clients(pool)
            .map_ok(|page| {
                futures::stream::iter(page.user_pool_clients.into_iter().map(|c| Ok(c.client_id)))
            })
            .try_flatten()
            .try_collect()
            .await?;
        // Each read owns what it needs, so the stream can be sent to another task.
        let reads = listed.into_iter().map(|id| {
            let (client, pool) = (self.clone(), pool.clone());
            async move { client.describe_user_pool_client(&pool, &id).await }
        });
        let described: Vec<DescribeUserPoolClientResponse> = futures::stream::iter(reads)
            .buffered(4)
            .try_collect()
            .await?;
        Ok(described
            .into_iter()
            .filter_map(|d| d.user_pool_client)
            .filter(|c| c.supported_identity_providers.iter().any(|p| p == provider))
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_secret_is_masked_in_debug() {
        let json = r#"{"UserPoolClient":{"ClientId":"abc","ClientName":"web","ClientSecret":"s3cr3t-value",
            "ExplicitAuthFlows":["ALLOW_USER_SRP_AUTH"],"CallbackURLs":["https://x/cb"],"AllowedOAuthFlows":["code"]}}"#;
        let r: DescribeUserPoolClientResponse = serde_json::from_str(json).unwrap();
        let c = r.user_pool_client.unwrap();
        assert_eq!(c.callback_urls, ["https://x/cb"]);
        assert_eq!(c.allowed_o_auth_flows, ["code"]);
        assert!(!format!("{c:?}").contains("s3cr3t-value"));
        assert_eq!(c.client_secret.unwrap().reveal(), "s3cr3t-value");
    }
}
