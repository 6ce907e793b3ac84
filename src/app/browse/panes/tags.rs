//! The Tags tab: ListTagsForResource on the pool's ARN (from DescribeUserPool) as key/value
//! rows. An endpoint without tags (moto) fails the load as unsupported, and the pane says so.

use futures::StreamExt as _;

use crate::app::browse::pane::{Describe, Pane, PaneInfo, RowStream, pane_info};
use crate::app::browse::rows::haystack;
use crate::app::browse::table::{Cell, Column, Row};
use crate::app::worker::details;
use crate::cognito::{CognitoClient, PoolId};

#[derive(Debug, Clone, PartialEq)]
pub struct TagRow {
    pub key: Box<str>,
    pub value: Box<str>,
    search: Box<str>,
}

impl TagRow {
    pub fn new(key: &str, value: &str) -> Self {
        Self {
            key: key.into(),
            value: value.into(),
            search: haystack(&[key, value]),
        }
    }
}

impl Row for TagRow {
    const COLUMNS: &'static [Column<Self>] = &[
        Column::new("Key", 32, Cell::Text(|r| &r.key)),
        Column::new("Value", 64, Cell::Text(|r| &r.value)),
    ];

    fn haystack(&self) -> &str {
        &self.search
    }

    fn key(&self) -> &str {
        &self.key
    }
}

impl Pane for TagRow {
    const INFO: PaneInfo = pane_info!("Tags", "tags", "tag", "tags");
    const DETAIL: Option<Describe> = None;

    /// One page: the tags are on the pool's ARN, which only DescribeUserPool tells.
    fn list(client: &CognitoClient, pool: &PoolId) -> RowStream<Self> {
        let (client, pool) = (client.clone(), pool.clone());
        futures::stream::once(async move {
            let arn = details::pool_arn(&client, &pool).await?;
            let tags = client.list_tags_for_resource(&arn).await?.tags;
            Ok(tags.iter().map(|(k, v)| TagRow::new(k, v)).collect())
        })
        .boxed()
    }
}
