//! User pools: list, describe, domain, MFA configuration, CSV header, tags, resource servers.

use std::collections::BTreeMap;

use futures::Stream;
use serde::{Deserialize, Serialize};

use super::client::CognitoClient;
use super::ids::PoolId;
use super::paginate::{PoolListRequest, paged, pages};
use super::types::EpochSeconds;
use crate::aws::AwsError;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListUserPoolsRequest {
    pub max_results: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListUserPoolsResponse {
    #[serde(default)]
    pub user_pools: Vec<UserPoolDescriptionType>,
    pub next_token: Option<String>,
}
paged!(ListUserPoolsRequest => ListUserPoolsResponse, next_token);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UserPoolDescriptionType {
    pub id: PoolId,
    pub name: Option<String>,
    pub status: Option<String>,
    pub creation_date: Option<EpochSeconds>,
    pub last_modified_date: Option<EpochSeconds>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeUserPoolResponse {
    pub user_pool: Option<UserPoolType>,
}

/// The parts of a pool's description the console shows; the raw JSON view has the rest.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UserPoolType {
    pub id: Option<PoolId>,
    pub name: Option<String>,
    pub arn: Option<String>,
    pub status: Option<String>,
    pub creation_date: Option<EpochSeconds>,
    pub last_modified_date: Option<EpochSeconds>,
    pub estimated_number_of_users: Option<u64>,
    pub mfa_configuration: Option<String>,
    pub deletion_protection: Option<String>,
    pub user_pool_tier: Option<String>,
    #[serde(default)]
    pub username_attributes: Vec<String>,
    #[serde(default)]
    pub alias_attributes: Vec<String>,
    #[serde(default)]
    pub auto_verified_attributes: Vec<String>,
    pub policies: Option<UserPoolPolicyType>,
    pub domain: Option<String>,
    pub custom_domain: Option<String>,
    #[serde(default)]
    pub schema_attributes: Vec<SchemaAttributeType>,
    pub username_configuration: Option<UsernameConfigurationType>,
    pub user_pool_add_ons: Option<UserPoolAddOnsType>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UsernameConfigurationType {
    pub case_sensitive: Option<bool>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UserPoolAddOnsType {
    /// Threat protection for username-password and SRP sign-in: OFF, AUDIT or ENFORCED.
    pub advanced_security_mode: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UserPoolPolicyType {
    pub password_policy: Option<PasswordPolicyType>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PasswordPolicyType {
    pub minimum_length: Option<u32>,
    pub require_uppercase: Option<bool>,
    pub require_lowercase: Option<bool>,
    pub require_numbers: Option<bool>,
    pub require_symbols: Option<bool>,
    pub password_history_size: Option<u32>,
    pub temporary_password_validity_days: Option<u32>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct SchemaAttributeType {
    pub name: Option<String>,
    pub attribute_data_type: Option<String>,
    pub developer_only_attribute: Option<bool>,
    pub mutable: Option<bool>,
    pub required: Option<bool>,
}

/// The standard attributes a pool's users can carry, in the order AWS lists them (the CSV header's
/// order); `sub` and `identities` are standard too but AWS sets them.
/// The CSV header a pool's import job expects when the endpoint has no GetCSVHeader (moto): the
/// standard attributes in AWS's order, the pool's custom ones, then `cognito:mfa_enabled` and
/// `cognito:username`.
pub fn csv_header_from_schema(custom: &[String]) -> Vec<String> {
    STANDARD_ATTRIBUTES
        .iter()
        .map(|s| (*s).to_owned())
        .chain(custom.iter().cloned())
        .chain([
            "cognito:mfa_enabled".to_owned(),
            "cognito:username".to_owned(),
        ])
        .collect()
}

pub const STANDARD_ATTRIBUTES: &[&str] = &[
    "name",
    "given_name",
    "family_name",
    "middle_name",
    "nickname",
    "preferred_username",
    "profile",
    "picture",
    "website",
    "email",
    "email_verified",
    "gender",
    "birthdate",
    "zoneinfo",
    "locale",
    "phone_number",
    "phone_number_verified",
    "address",
    "updated_at",
];

impl SchemaAttributeType {
    /// The name users carry it under: custom attributes get their `custom:` prefix.
    pub fn user_attribute_name(&self) -> Option<String> {
        let name = self.name.as_deref()?;
        let standard = matches!(name, "sub" | "identities") || STANDARD_ATTRIBUTES.contains(&name);
        if name.starts_with("custom:") || name.starts_with("dev:") || standard {
            Some(name.to_owned())
        } else {
            Some(format!("custom:{name}"))
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeUserPoolDomainResponse {
    pub domain_description: Option<DomainDescriptionType>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DomainDescriptionType {
    pub user_pool_id: Option<PoolId>,
    #[serde(rename = "AWSAccountId")]
    pub aws_account_id: Option<String>,
    pub domain: Option<String>,
    pub cloud_front_distribution: Option<String>,
    pub version: Option<String>,
    pub status: Option<String>,
    pub custom_domain_config: Option<CustomDomainConfigType>,
    pub managed_login_version: Option<u32>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CustomDomainConfigType {
    pub certificate_arn: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetUserPoolMfaConfigResponse {
    pub mfa_configuration: Option<String>,
    pub sms_mfa_configuration: Option<serde_json::Value>,
    pub software_token_mfa_configuration: Option<EnabledFlag>,
    pub email_mfa_configuration: Option<serde_json::Value>,
    pub web_authn_configuration: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct EnabledFlag {
    pub enabled: Option<bool>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetCsvHeaderResponse {
    pub user_pool_id: Option<PoolId>,
    #[serde(rename = "CSVHeader", default)]
    pub csv_header: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListTagsForResourceResponse {
    #[serde(default)]
    pub tags: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListResourceServersResponse {
    #[serde(default)]
    pub resource_servers: Vec<ResourceServerType>,
    pub next_token: Option<String>,
}
paged!(ListResourceServersResponse, next_token);

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ResourceServerType {
    pub user_pool_id: Option<PoolId>,
    pub identifier: Option<String>,
    pub name: Option<String>,
    #[serde(default)]
    pub scopes: Vec<ResourceServerScopeType>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ResourceServerScopeType {
    pub scope_name: Option<String>,
    pub scope_description: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct PoolRef<'a> {
    user_pool_id: &'a PoolId,
}

impl CognitoClient {
    /// Pages of pools, 60 (the maximum) at a time.
    pub fn list_user_pools(
        &self,
    ) -> impl Stream<Item = Result<ListUserPoolsResponse, AwsError>> + Send + 'static {
        let request = ListUserPoolsRequest {
            max_results: 60,
            next_token: None,
        };
        pages(self.clone(), "ListUserPools", request)
    }

    pub async fn describe_user_pool(
        &self,
        pool: &PoolId,
    ) -> Result<DescribeUserPoolResponse, AwsError> {
        self.call("DescribeUserPool", &PoolRef { user_pool_id: pool })
            .await
    }

    /// The columns a user import job of `pool` expects, in its order (GetCSVHeader). Where the
    /// endpoint has no GetCSVHeader (moto), the same columns from the pool's schema, and `true`
    /// to say they were built, not given.
    pub async fn csv_header(&self, pool: &PoolId) -> Result<(Vec<String>, bool), AwsError> {
        #[derive(Deserialize)]
        #[serde(rename_all = "PascalCase")]
        struct Header {
            #[serde(rename = "CSVHeader", default)]
            csv_header: Vec<String>,
        }
        match self
            .call::<_, Header>("GetCSVHeader", &PoolRef { user_pool_id: pool })
            .await
        {
            Ok(h) if !h.csv_header.is_empty() => Ok((h.csv_header, false)),
            Ok(_) => Err(AwsError::Decode {
                operation: "GetCSVHeader".to_owned(),
                status: 200,
                detail: "the answer holds no CSVHeader".to_owned(),
            }),
            Err(e) if e.is_unsupported() => {
                let described = self.describe_user_pool(pool).await?;
                let custom: Vec<String> = described
                    .user_pool
                    .map(|p| p.schema_attributes)
                    .unwrap_or_default()
                    .iter()
                    .filter_map(SchemaAttributeType::user_attribute_name)
                    .filter(|n| n.starts_with("custom:") || n.starts_with("dev:"))
                    .collect();
                Ok((csv_header_from_schema(&custom), true))
            }
            Err(e) => Err(e),
        }
    }

    pub async fn describe_user_pool_domain(
        &self,
        domain: &str,
    ) -> Result<DescribeUserPoolDomainResponse, AwsError> {
        self.call(
            "DescribeUserPoolDomain",
            &serde_json::json!({ "Domain": domain }),
        )
        .await
    }

    pub async fn get_user_pool_mfa_config(
        &self,
        pool: &PoolId,
    ) -> Result<GetUserPoolMfaConfigResponse, AwsError> {
        self.call("GetUserPoolMfaConfig", &PoolRef { user_pool_id: pool })
            .await
    }

    pub async fn get_csv_header(&self, pool: &PoolId) -> Result<GetCsvHeaderResponse, AwsError> {
        self.call("GetCSVHeader", &PoolRef { user_pool_id: pool })
            .await
    }

    pub async fn list_tags_for_resource(
        &self,
        arn: &str,
    ) -> Result<ListTagsForResourceResponse, AwsError> {
        self.call(
            "ListTagsForResource",
            &serde_json::json!({ "ResourceArn": arn }),
        )
        .await
    }

    /// Pages of resource servers, 50 (the maximum) at a time.
    pub fn list_resource_servers(
        &self,
        pool: &PoolId,
    ) -> impl Stream<Item = Result<ListResourceServersResponse, AwsError>> + Send + 'static {
        let request = PoolListRequest::new(pool, 50);
        pages(self.clone(), "ListResourceServers", request)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describe_user_pool_decodes_a_model_shaped_response() {
        let json = r#"{"UserPool":{"Id":"us-east-1_Ab1","Name":"prod","Arn":"arn:aws:cognito-idp:us-east-1:123:userpool/us-east-1_Ab1",
            "CreationDate":1.7e9,"EstimatedNumberOfUsers":42,"MfaConfiguration":"OPTIONAL","DeletionProtection":"ACTIVE",
            "UsernameAttributes":["email"],"Policies":{"PasswordPolicy":{"MinimumLength":12,"RequireSymbols":true}},
            "SchemaAttributes":[{"Name":"email","AttributeDataType":"String","Required":true},{"Name":"custom:tenant","AttributeDataType":"String"},{"Name":"plan"}],
            "SomethingNew":{"x":1}}}"#;
        let r: DescribeUserPoolResponse = serde_json::from_str(json).unwrap();
        let pool = r.user_pool.unwrap();
        assert_eq!(pool.estimated_number_of_users, Some(42));
        assert_eq!(
            pool.policies
                .unwrap()
                .password_policy
                .unwrap()
                .minimum_length,
            Some(12)
        );
        let names: Vec<_> = pool
            .schema_attributes
            .iter()
            .filter_map(SchemaAttributeType::user_attribute_name)
            .collect();
        assert_eq!(names, ["email", "custom:tenant", "custom:plan"]);
    }

    #[test]
    fn list_user_pools_request_never_asks_for_more_than_60() {
        let body = serde_json::to_value(ListUserPoolsRequest {
            max_results: 60,
            next_token: None,
        })
        .unwrap();
        assert_eq!(body, serde_json::json!({"MaxResults": 60}));
    }
}
