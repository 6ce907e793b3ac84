//! The Identity providers tab: ListIdentityProviders as rows; a provider's detail is
//! DescribeIdentityProvider, its secrets masked.

use futures::future::BoxFuture;
use futures::{StreamExt as _, TryStreamExt as _};

use crate::app::browse::detail::DetailBody;
use crate::app::browse::pane::{Describe, Pane, PaneInfo, RowStream};
use crate::app::browse::rows::{date, haystack};
use crate::app::browse::table::{Cell, Column, Row};
use crate::app::input::keymap::Mode;
use crate::app::worker::details;
use crate::aws::AwsError;
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
    const INFO: PaneInfo = PaneInfo {
        title: "Identity providers",
        word: "idps",
        help: "the pool's identity providers",
        one: "identity provider",
        many: "identity providers",
        keys: Mode::Table,
    };
    const DETAIL: Option<Describe> = Some(describe);

    fn list(client: &CognitoClient, pool: &PoolId) -> RowStream<Self> {
        client
            .list_identity_providers(pool)
            .map_ok(|page| page.providers.iter().map(IdpRow::from).collect())
            .boxed()
    }
}

fn describe(
    client: CognitoClient,
    pool: PoolId,
    key: String,
) -> BoxFuture<'static, Result<DetailBody, AwsError>> {
    Box::pin(async move { details::idp_detail(&client, &pool, &ProviderName::new(key)).await })
}
