//! What `update` asks the outside world to do: API calls for the worker, cancellation, reconnects.

use super::remote::RequestId;
use crate::cognito::{ClientId, GroupName, PoolId, ProviderName, Username};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Run a call on the worker; its result comes back as `Action::Loaded`/`Failed` with this id.
    Api { request: RequestId, call: ApiCall },
    /// Stop a running request (its remaining pages are not fetched).
    Cancel(RequestId),
    /// Rebuild the client for another profile or region, then reload the pools.
    Reconnect {
        profile: Option<String>,
        region: Option<String>,
    },
}

/// The calls the console makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiCall {
    ListPools,
    DescribePool(PoolId),
    /// Streams pages; `filter` is a ListUsers filter expression.
    ListUsers {
        pool: PoolId,
        filter: Option<String>,
    },
    ListGroups(PoolId),
    /// Lists the clients and describes each (secret yes/no, auth flows).
    ListClients(PoolId),
    ListIdps(PoolId),
    GetUser(PoolId, Username),
    GetGroup(PoolId, GroupName),
    DescribeClient(PoolId, ClientId),
    DescribeIdp(PoolId, ProviderName),
}
