//! The Groups tab: ListGroups as rows; a group's detail is GetGroup with its members.

use futures::{StreamExt as _, TryStreamExt as _};

use crate::app::browse::pane::{Describe, Pane, PaneInfo, RowStream, pane_info};
use crate::app::browse::rows::haystack;
use crate::app::browse::table::{Cell, Column, Row};
use crate::app::worker::details;
use crate::cognito::edit::Target;
use crate::cognito::groups::GroupType;
use crate::cognito::{CognitoClient, GroupName, PoolId};

#[derive(Debug, Clone, PartialEq)]
pub struct GroupRow {
    pub name: Box<str>,
    pub description: Box<str>,
    pub precedence: Option<i64>,
    pub role: Box<str>,
    search: Box<str>,
}

impl From<&GroupType> for GroupRow {
    fn from(g: &GroupType) -> Self {
        let description = g.description.as_deref().unwrap_or_default();
        let role = g.role_arn.as_deref().unwrap_or_default();
        let precedence = g.precedence.map(|p| p.to_string()).unwrap_or_default();
        let search = haystack(&[g.group_name.as_str(), description, &precedence, role]);
        Self {
            name: g.group_name.as_str().into(),
            description: description.into(),
            precedence: g.precedence,
            role: role.into(),
            search,
        }
    }
}

impl Row for GroupRow {
    const COLUMNS: &'static [Column<Self>] = &[
        Column::new("Name", 24, Cell::Text(|r| &r.name)),
        Column::new("Description", 36, Cell::Text(|r| &r.description)),
        Column::new("Precedence", 10, Cell::Number(|r| r.precedence)),
        Column::new("Role", 40, Cell::Text(|r| &r.role)),
    ];

    fn haystack(&self) -> &str {
        &self.search
    }

    fn key(&self) -> &str {
        &self.name
    }
}

impl Pane for GroupRow {
    const INFO: PaneInfo = pane_info!("Groups", "groups", "group", "groups");
    const CREATE: Option<&'static str> = Some("CreateGroup");
    const DETAIL: Option<Describe> = Some(|client, pool, key| {
        Box::pin(async move { details::group_detail(&client, &pool, &GroupName::new(key)).await })
    });

    fn list(client: &CognitoClient, pool: &PoolId) -> RowStream<Self> {
        client
            .list_groups(pool)
            .map_ok(|page| page.groups.iter().map(GroupRow::from).collect())
            .boxed()
    }

    fn target(&self, pool: &PoolId) -> Option<(Target, String)> {
        Some((
            Target::Group(pool.clone(), GroupName::new(&*self.name)),
            self.name.to_string(),
        ))
    }
}
