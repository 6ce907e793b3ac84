//! The Groups tab: ListGroups as rows; a group's detail is GetGroup with its members.

use std::borrow::Cow;
use std::cmp::Ordering;

use futures::future::BoxFuture;
use futures::{StreamExt as _, TryStreamExt as _};

use crate::app::browse::detail::DetailBody;
use crate::app::browse::pane::{Describe, Pane, PaneInfo, RowStream};
use crate::app::browse::panes::Tab;
use crate::app::browse::rows::haystack;
use crate::app::browse::table::{Column, Row};
use crate::app::input::keymap::Mode;
use crate::app::state::{ListPane, PoolState};
use crate::app::worker::details;
use crate::aws::AwsError;
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
    const COLUMNS: &'static [Column] = &[
        Column {
            title: "Name",
            width: 24,
        },
        Column {
            title: "Description",
            width: 36,
        },
        Column {
            title: "Precedence",
            width: 10,
        },
        Column {
            title: "Role",
            width: 40,
        },
    ];

    fn cell(&self, column: usize) -> Cow<'_, str> {
        match column {
            0 => Cow::Borrowed(&self.name),
            1 => Cow::Borrowed(&self.description),
            2 => self
                .precedence
                .map_or(Cow::Borrowed(""), |p| Cow::Owned(p.to_string())),
            3 => Cow::Borrowed(&self.role),
            _ => Cow::Borrowed(""),
        }
    }

    fn compare(&self, other: &Self, column: usize) -> Ordering {
        match column {
            0 => self.name.cmp(&other.name),
            1 => self.description.cmp(&other.description),
            2 => self.precedence.cmp(&other.precedence),
            _ => self.role.cmp(&other.role),
        }
    }

    fn haystack(&self) -> &str {
        &self.search
    }

    fn key(&self) -> &str {
        &self.name
    }
}

impl Pane for GroupRow {
    const TAB: Tab = Tab::Groups;
    const INFO: PaneInfo = PaneInfo {
        title: "Groups",
        word: "groups",
        help: "the pool's groups",
        one: "group",
        many: "groups",
        keys: Mode::Table,
    };
    const DETAIL: Option<Describe> = Some(describe);

    fn table(pool: &PoolState) -> &ListPane<Self> {
        &pool.tables.groups
    }

    fn table_mut(pool: &mut PoolState) -> &mut ListPane<Self> {
        &mut pool.tables.groups
    }

    fn list(client: &CognitoClient, pool: &PoolId) -> RowStream<Self> {
        client
            .list_groups(pool)
            .map_ok(|page| page.groups.iter().map(GroupRow::from).collect())
            .boxed()
    }
}

fn describe(
    client: CognitoClient,
    pool: PoolId,
    key: String,
) -> BoxFuture<'static, Result<DetailBody, AwsError>> {
    Box::pin(async move { details::group_detail(&client, &pool, &GroupName::new(key)).await })
}
