//! The Identity providers tab: ListIdentityProviders as rows; a provider's detail is
//! DescribeIdentityProvider, its secrets masked.

use futures::{StreamExt as _, TryStreamExt as _};

use crate::app::browse::pane::{Describe, Pane, PaneInfo, RowStream, pane_info};
use crate::app::browse::rows::{date, haystack};
use crate::app::browse::table::{Cell, Column, Row};
use crate::app::worker::details;
use crate::cognito::edit::Target;
use crate::cognito::idps::ProviderDescription;
use crate::cognito::{CognitoClient, PoolId, ProviderName};

#[derive(Debug, Clone, PartialEq)]
pub struct IdpRow {
    pub name: Box<str>,
    pub kind: Box<str>,
    pub created: Option<f64>,
    search: Box<str>,
}

impl From<&ProviderDescription> for IdpRow {
    fn from(p: &ProviderDescription) -> Self {
        let created = p.creation_date.map(|d| d.0);
        let kind = p.provider_type.as_deref().unwrap_or_default();
        let search = haystack(&[p.provider_name.as_str(), kind, &date(created)]);
        Self {
            name: p.provider_name.as_str().into(),
            kind: kind.into(),
            created,
            search,
        }
    }
}

impl Row for IdpRow {
    const COLUMNS: &'static [Column<Self>] = &[
        Column::new("Name", 28, Cell::Text(|r| &r.name)),
        Column::new("Type", 16, Cell::Text(|r| &r.kind)),
        Column::new("Created (UTC)", 16, Cell::Date(|r| r.created)),
    ];

    fn haystack(&self) -> &str {
        &self.search
    }

    fn key(&self) -> &str {
        &self.name
    }
}

impl Pane for IdpRow {
    const INFO: PaneInfo = pane_info!(
        "Identity providers",
        "idps",
        "identity provider",
        "identity providers"
    );
    const CREATE: Option<&'static str> = Some("CreateIdentityProvider");
    const DETAIL: Option<Describe> = Some(|client, pool, key| {
        Box::pin(async move { details::idp_detail(&client, &pool, &ProviderName::new(key)).await })
    });

    fn list(client: &CognitoClient, pool: &PoolId) -> RowStream<Self> {
        client
            .list_identity_providers(pool)
            .map_ok(|page| page.providers.iter().map(IdpRow::from).collect())
            .boxed()
    }

    fn target(&self, pool: &PoolId) -> Option<(Target, String)> {
        Some((
            Target::Idp(pool.clone(), ProviderName::new(&*self.name)),
            self.name.to_string(),
        ))
    }
}
