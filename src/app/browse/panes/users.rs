//! The Users tab: the pane that streams thousands of rows, searches on the server (ListUsers
//! Filter), keeps marks for bulk actions, and continues a listing that failed part-way. A user's
//! detail is AdminGetUser with their groups.

use std::collections::BTreeSet;

use futures::{StreamExt as _, TryStreamExt as _};

use crate::app::browse::pane::{Describe, Pane, PaneInfo, RowStream, Slot, pane_info};
use crate::app::browse::panes::Tab;
use crate::app::browse::rows::UserRow;
use crate::app::effect::{IndexRead, Read};
use crate::app::input::keymap::Mode;
use crate::app::state::{ListPane, PoolState, ServerFilter};
use crate::app::users::index::Answered;
use crate::app::worker::details;
use crate::cognito::users::ListUsersRequest;
use crate::cognito::{CognitoClient, PoolId, Username};

/// The users' table stays on `PoolState`, beside its search and marks.
impl Slot for UserRow {
    const TAB: Tab = Tab::Users;

    fn table(pool: &PoolState) -> &ListPane<Self> {
        &pool.users
    }

    fn table_mut(pool: &mut PoolState) -> &mut ListPane<Self> {
        &mut pool.users
    }
}

impl Pane for UserRow {
    const INFO: PaneInfo = pane_info!("Users", "users", "user", "users", Mode::Users);
    const DETAIL: Option<Describe> = Some(|client, pool, key| {
        Box::pin(async move { details::user_detail(&client, &pool, &Username::new(key)).await })
    });

    fn list(client: &CognitoClient, pool: &PoolId) -> RowStream<Self> {
        client
            .list_users(ListUsersRequest::new(pool.clone()))
            .map_ok(|page| page.users.iter().map(UserRow::from).collect())
            .boxed()
    }

    /// ListUsers with the search applied (or a group's members), from where a failed listing
    /// stopped.
    fn list_call(pool: &PoolState, from: Option<String>) -> Read {
        if let Some(query) = &pool.users_query {
            return Read::Index(IndexRead::QueryUsers {
                pool: pool.id.clone(),
                query: query.text.clone(),
            });
        }
        if let Some(group) = &pool.users_group {
            return Read::ListUsersInGroup {
                pool: pool.id.clone(),
                group: group.clone(),
                from,
            };
        }
        Read::ListUsers {
            pool: pool.id.clone(),
            filter: pool.users_filter.as_ref().map(ServerFilter::expression),
            from,
        }
    }

    /// The search, `group = "admins"` for a group's members, or the query and what answered it.
    fn search(pool: &PoolState) -> Option<String> {
        if let Some(query) = &pool.users_query {
            let by = match query.answered {
                Some(Answered::Server) => " (one server filter)",
                Some(Answered::Index { .. }) => " (local index)",
                None => "",
            };
            return Some(format!("query {}{by}", query.text));
        }
        if let Some(group) = &pool.users_group {
            return Some(format!("server filter group = {:?}", group.as_str()));
        }
        let filter = pool.users_filter.as_ref()?;
        Some(format!("server filter {}", filter.expression()))
    }

    fn marks(pool: &PoolState) -> Option<&BTreeSet<String>> {
        Some(&pool.marks)
    }
}
