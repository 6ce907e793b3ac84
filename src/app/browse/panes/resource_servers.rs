//! The Resource servers tab: ListResourceServers as rows (identifier, name, scopes). The table
//! shows all there is of a server, so it has no detail view.

use futures::{StreamExt as _, TryStreamExt as _};

use crate::app::browse::pane::{Describe, Pane, PaneInfo, RowStream, pane_info};
use crate::app::browse::rows::haystack;
use crate::app::browse::table::{Cell, Column, Row};
use crate::cognito::edit::Target;
use crate::cognito::pools::ResourceServerType;
use crate::cognito::{CognitoClient, PoolId};

#[derive(Debug, Clone, PartialEq)]
pub struct ResourceServerRow {
    pub identifier: Box<str>,
    pub name: Box<str>,
    /// The scope names, comma-separated (the full scope is `identifier/name`).
    pub scopes: Box<str>,
    search: Box<str>,
}

impl From<&ResourceServerType> for ResourceServerRow {
    fn from(s: &ResourceServerType) -> Self {
        let identifier = s.identifier.as_deref().unwrap_or_default();
        let name = s.name.as_deref().unwrap_or_default();
        let scopes: Vec<&str> = s
            .scopes
            .iter()
            .filter_map(|scope| scope.scope_name.as_deref())
            .collect();
        let scopes = scopes.join(", ");
        Self {
            identifier: identifier.into(),
            name: name.into(),
            search: haystack(&[identifier, name, &scopes]),
            scopes: scopes.into(),
        }
    }
}

impl Row for ResourceServerRow {
    const COLUMNS: &'static [Column<Self>] = &[
        Column::new("Identifier", 32, Cell::Text(|r| &r.identifier)),
        Column::new("Name", 24, Cell::Text(|r| &r.name)),
        Column::new("Scopes", 60, Cell::Text(|r| &r.scopes)),
    ];

    fn haystack(&self) -> &str {
        &self.search
    }

    fn key(&self) -> &str {
        &self.identifier
    }
}

impl Pane for ResourceServerRow {
    const INFO: PaneInfo = pane_info!(
        "Resource servers",
        "servers",
        "resource server",
        "resource servers"
    );
    const CREATE: Option<&'static str> = Some("CreateResourceServer");
    const DETAIL: Option<Describe> = None;

    fn list(client: &CognitoClient, pool: &PoolId) -> RowStream<Self> {
        client
            .list_resource_servers(pool)
            .map_ok(|page| page.resource_servers.iter().map(Self::from).collect())
            .boxed()
    }

    fn target(&self, pool: &PoolId) -> Option<(Target, String)> {
        Some((
            Target::ResourceServer(pool.clone(), self.identifier.to_string()),
            self.identifier.to_string(),
        ))
    }
}
