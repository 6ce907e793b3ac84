//! The App clients tab: ListUserPoolClients with each client described (secret yes/no, auth
//! flows) as rows; a client's detail is DescribeUserPoolClient, its secret masked.

use futures::{StreamExt as _, TryStreamExt as _};

use crate::app::browse::pane::{Describe, Pane, PaneInfo, RowStream, pane_info};
use crate::app::browse::rows::haystack;
use crate::app::browse::table::{Cell, Column, Row};
use crate::app::worker::details;
use crate::aws::AwsError;
use crate::cognito::clients::UserPoolClientType;
use crate::cognito::edit::Target;
use crate::cognito::{ClientId, CognitoClient, PoolId};

/// DescribeUserPoolClient calls at once while listing a pool's clients.
const DESCRIBE_CONCURRENCY: usize = 4;

#[derive(Debug, Clone, PartialEq)]
pub struct ClientRow {
    pub name: Box<str>,
    pub id: Box<str>,
    pub has_secret: bool,
    pub auth_flows: Box<str>,
    search: Box<str>,
}

impl From<&UserPoolClientType> for ClientRow {
    fn from(c: &UserPoolClientType) -> Self {
        let name = c.client_name.as_deref().unwrap_or_default();
        let id = c
            .client_id
            .as_ref()
            .map(crate::cognito::ClientId::as_str)
            .unwrap_or_default();
        let has_secret = c.client_secret.is_some();
        let flows = c.explicit_auth_flows.join(",");
        let search = haystack(&[name, id, if has_secret { "yes" } else { "no" }, &flows]);
        Self {
            name: name.into(),
            id: id.into(),
            has_secret,
            auth_flows: flows.into(),
            search,
        }
    }
}

impl Row for ClientRow {
    const COLUMNS: &'static [Column<Self>] = &[
        Column::new("Name", 24, Cell::Text(|r| &r.name)),
        Column::new("Client id", 28, Cell::Text(|r| &r.id)),
        Column::new("Secret", 6, Cell::YesNo(|r| r.has_secret)),
        Column::new("Auth flows", 60, Cell::Text(|r| &r.auth_flows)),
    ];

    fn haystack(&self) -> &str {
        &self.search
    }

    fn key(&self) -> &str {
        &self.id
    }
}

impl Pane for ClientRow {
    const INFO: PaneInfo = pane_info!("App clients", "clients", "app client", "app clients");
    const CREATE: Option<&'static str> = Some("CreateUserPoolClient");
    const DETAIL: Option<Describe> = Some(|client, pool, key| {
        Box::pin(async move { details::client_detail(&client, &pool, &ClientId::new(key)).await })
    });

    /// Each page of clients, every client described (in list order) for its secret and flows.
    fn list(client: &CognitoClient, pool: &PoolId) -> RowStream<Self> {
        let (client, pool) = (client.clone(), pool.clone());
        client
            .list_user_pool_clients(&pool)
            .and_then(move |page| {
                let (client, pool) = (client.clone(), pool.clone());
                async move {
                    futures::stream::iter(page.user_pool_clients)
                        .map(|c| {
                            let (client, pool) = (&client, &pool);
                            async move {
                                let described =
                                    client.describe_user_pool_client(pool, &c.client_id).await?;
                                let found =
                                    described.user_pool_client.unwrap_or(UserPoolClientType {
                                        client_id: Some(c.client_id),
                                        client_name: c.client_name,
                                        ..UserPoolClientType::default()
                                    });
                                Ok::<_, AwsError>(ClientRow::from(&found))
                            }
                        })
                        .buffered(DESCRIBE_CONCURRENCY)
                        .try_collect::<Vec<_>>()
                        .await
                }
            })
            .boxed()
    }

    fn target(&self, pool: &PoolId) -> Option<(Target, String)> {
        Some((
            Target::Client(pool.clone(), ClientId::new(&*self.id)),
            self.name.to_string(),
        ))
    }
}
