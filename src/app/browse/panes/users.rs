//! The Users tab: the pane that streams thousands of rows, searches on the server (ListUsers
//! Filter), keeps marks for bulk actions, and continues a listing that failed part-way. A user's
//! detail is AdminGetUser with their groups.

use std::collections::BTreeSet;

use futures::future::BoxFuture;
use futures::{StreamExt as _, TryStreamExt as _};

use crate::app::browse::detail::DetailBody;
use crate::app::browse::pane::{Describe, Pane, PaneInfo, RowStream, Slot};
use crate::app::browse::panes::Tab;
use crate::app::browse::rows::UserRow;
use crate::app::effect::Read;
use crate::app::input::keymap::Mode;
use crate::app::state::{ListPane, PoolState, ServerFilter};
use crate::app::worker::details;
use crate::aws::AwsError;
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
    const INFO: PaneInfo = PaneInfo {
        title: "Users",
        word: "users",
        help: "the pool's users",
        one: "user",
        many: "users",
        keys: Mode::Users,
    };
    const DETAIL: Option<Describe> = Some(describe);

    fn list(client: &CognitoClient, pool: &PoolId) -> RowStream<Self> {
        client
            .list_users(ListUsersRequest::new(pool.clone()))
            .map_ok(|page| page.users.iter().map(UserRow::from).collect())
            .boxed()
    }

    /// ListUsers with the search applied, from where a failed listing stopped.
    fn list_call(pool: &PoolState, from: Option<String>) -> Read {
        Read::ListUsers {
            pool: pool.id.clone(),
            filter: pool.users_filter.as_ref().map(ServerFilter::expression),
            from,
        }
    }

    fn search(pool: &PoolState) -> Option<String> {
        pool.users_filter.as_ref().map(ServerFilter::expression)
    }

    fn marks(pool: &PoolState) -> Option<&BTreeSet<String>> {
        Some(&pool.marks)
    }
}

fn describe(
    client: CognitoClient,
    pool: PoolId,
    key: String,
) -> BoxFuture<'static, Result<DetailBody, AwsError>> {
    Box::pin(async move { details::user_detail(&client, &pool, &Username::new(key)).await })
}
