//! The Resource servers tab: ListResourceServers as rows (identifier, name, scopes). The table
//! shows all there is of a server, so it has no detail view.

use std::borrow::Cow;
use std::cmp::Ordering;

use futures::{StreamExt as _, TryStreamExt as _};

use crate::app::browse::pane::{Describe, Pane, PaneInfo, RowStream};
use crate::app::browse::panes::Tab;
use crate::app::browse::rows::haystack;
use crate::app::browse::table::{Column, Row};
use crate::app::input::keymap::Mode;
use crate::app::state::{ListPane, PoolState};
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
    const COLUMNS: &'static [Column] = &[
        Column {
            title: "Identifier",
            width: 32,
        },
        Column {
            title: "Name",
            width: 24,
        },
        Column {
            title: "Scopes",
            width: 60,
        },
    ];

    fn cell(&self, column: usize) -> Cow<'_, str> {
        Cow::Borrowed(match column {
            0 => &self.identifier,
            1 => &self.name,
            2 => &self.scopes,
            _ => "",
        })
    }

    fn compare(&self, other: &Self, column: usize) -> Ordering {
        match column {
            0 => self.identifier.cmp(&other.identifier),
            1 => self.name.cmp(&other.name),
            _ => self.scopes.cmp(&other.scopes),
        }
    }

    fn haystack(&self) -> &str {
        &self.search
    }

    fn key(&self) -> &str {
        &self.identifier
    }
}

impl Pane for ResourceServerRow {
    const TAB: Tab = Tab::ResourceServers;
    const INFO: PaneInfo = PaneInfo {
        title: "Resource servers",
        word: "servers",
        help: "the pool's resource servers",
        one: "resource server",
        many: "resource servers",
        keys: Mode::Table,
    };
    const DETAIL: Option<Describe> = None;

    fn table(pool: &PoolState) -> &ListPane<Self> {
        &pool.tables.resource_servers
    }

    fn table_mut(pool: &mut PoolState) -> &mut ListPane<Self> {
        &mut pool.tables.resource_servers
    }

    fn list(client: &CognitoClient, pool: &PoolId) -> RowStream<Self> {
        client
            .list_resource_servers(pool)
            .map_ok(|page| page.resource_servers.iter().map(Self::from).collect())
            .boxed()
    }
}
