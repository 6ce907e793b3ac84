//! The Domain tab: the pool's prefix and custom domains (DescribeUserPool's Domain and
//! CustomDomain), each described by DescribeUserPoolDomain: status, the custom domain's
//! certificate, its CloudFront distribution, the managed login version.

use futures::StreamExt as _;

use crate::app::browse::pane::{Describe, Pane, PaneInfo, RowStream, pane_info};
use crate::app::browse::rows::haystack;
use crate::app::browse::table::{Cell, Column, Row};
use crate::app::worker::details;
use crate::cognito::edit::Target;
use crate::cognito::pools::DomainDescriptionType;
use crate::cognito::{CognitoClient, PoolId};

#[derive(Debug, Clone, PartialEq)]
pub struct DomainRow {
    pub domain: Box<str>,
    /// `prefix` (under amazoncognito.com) or `custom` (the pool's own name, with a certificate).
    pub kind: &'static str,
    pub status: Box<str>,
    /// ManagedLoginVersion: 1, the classic hosted UI; 2, managed login.
    pub managed_login: Box<str>,
    pub cloudfront: Box<str>,
    pub certificate: Box<str>,
    search: Box<str>,
}

impl DomainRow {
    fn new(kind: &'static str, d: &DomainDescriptionType) -> Self {
        let text = |s: &Option<String>| s.as_deref().unwrap_or_default().to_owned();
        let domain = text(&d.domain);
        let status = text(&d.status);
        let cloudfront = text(&d.cloud_front_distribution);
        let certificate = d
            .custom_domain_config
            .as_ref()
            .map(|c| text(&c.certificate_arn))
            .unwrap_or_default();
        let managed_login = match d.managed_login_version {
            Some(1) => "1 classic".to_owned(),
            Some(2) => "2 managed".to_owned(),
            Some(v) => v.to_string(),
            None => String::new(),
        };
        let cells = [
            domain.as_str(),
            kind,
            &status,
            &managed_login,
            &cloudfront,
            &certificate,
        ];
        Self {
            search: haystack(&cells),
            domain: domain.into(),
            kind,
            status: status.into(),
            managed_login: managed_login.into(),
            cloudfront: cloudfront.into(),
            certificate: certificate.into(),
        }
    }
}

impl Row for DomainRow {
    const COLUMNS: &'static [Column<Self>] = &[
        Column::new("Domain", 24, Cell::Text(|r| &r.domain)),
        Column::new("Type", 6, Cell::Text(|r| r.kind)),
        Column::new("Status", 8, Cell::Text(|r| &r.status)),
        Column::new("Login UI", 9, Cell::Text(|r| &r.managed_login)),
        Column::new("CloudFront distribution", 29, Cell::Text(|r| &r.cloudfront)),
        Column::new("Certificate", 48, Cell::Text(|r| &r.certificate)),
    ];

    fn haystack(&self) -> &str {
        &self.search
    }

    fn key(&self) -> &str {
        &self.domain
    }
}

impl Pane for DomainRow {
    const INFO: PaneInfo = pane_info!("Domain", "domain", "domain", "domains");
    const CREATE: Option<&'static str> = Some("CreateUserPoolDomain");
    const DETAIL: Option<Describe> = None;

    /// One page: the pool names its domains; each is described (a domain removed in between
    /// answers an empty description and is left out).
    fn list(client: &CognitoClient, pool: &PoolId) -> RowStream<Self> {
        let (client, pool) = (client.clone(), pool.clone());
        futures::stream::once(async move {
            let described = details::user_pool(&client, &pool).await?;
            let mut rows = Vec::new();
            for (kind, name) in [
                ("prefix", described.domain),
                ("custom", described.custom_domain),
            ] {
                let Some(name) = name.filter(|n| !n.is_empty()) else {
                    continue;
                };
                let answer = client.describe_user_pool_domain(&name).await?;
                if let Some(d) = answer.domain_description.filter(|d| d.domain.is_some()) {
                    rows.push(DomainRow::new(kind, &d));
                }
            }
            Ok(rows)
        })
        .boxed()
    }

    fn target(&self, pool: &PoolId) -> Option<(Target, String)> {
        Some((
            Target::Domain(pool.clone(), self.domain.to_string()),
            self.domain.to_string(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cognito::pools::DescribeUserPoolDomainResponse;

    #[test]
    fn a_custom_domain_shows_its_certificate_distribution_and_login_version() {
        let answer: DescribeUserPoolDomainResponse = serde_json::from_str(
            r#"{"DomainDescription":{"UserPoolId":"us-east-1_A","AWSAccountId":"123456789012",
                "Domain":"auth.example.com","CloudFrontDistribution":"d111111abcdef8.cloudfront.net",
                "Version":"20231114","Status":"ACTIVE","ManagedLoginVersion":1,
                "CustomDomainConfig":{"CertificateArn":"arn:aws:acm:us-east-1:123456789012:certificate/abc"}}}"#,
        )
        .unwrap();
        let row = DomainRow::new("custom", &answer.domain_description.unwrap());
        let cells: Vec<_> = (0..DomainRow::COLUMNS.len()).map(|c| row.cell(c)).collect();
        assert_eq!(
            cells,
            [
                "auth.example.com",
                "custom",
                "ACTIVE",
                "1 classic",
                "d111111abcdef8.cloudfront.net",
                "arn:aws:acm:us-east-1:123456789012:certificate/abc",
            ]
        );
        assert_eq!(row.key(), "auth.example.com");
    }
}
